"""The constructions of money in running text, compiled from configs/amounts.yaml
(section `text`) once per settings object (`settings.derived(compile_patterns)`). Every
pattern reads a masked sentence (sentence.py): a number is one run of MASK characters, so a
pattern sees `NUMBER` where the text has a figure."""
from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from pipeline.extract.text_amounts.sentence import MASK, NUMBER, Dating
from pipeline.settings import Settings
from pipeline.text.units import UnitGrammar

WORD = rf"[\w{MASK}][\w{MASK}-]*"
PLAIN_WORD = r"\w[\w-]*"  # a word that is no number


@dataclass(frozen=True)
class Patterns:
    """Allocations, parts and defined figures are searched anywhere in a sentence; the others are matched
    where the sentence opens (Pattern.match at Sentence.opening)."""

    allocations: tuple[re.Pattern[str], ...]
    statement: re.Pattern[str]
    listed: tuple[re.Pattern[str], ...]  # ", 47 mnkr år 2027", "och för 2028 till 2 621 mnkr"
    item_statement: re.Pattern[str]
    receipts: tuple[re.Pattern[str], ...]
    frame: re.Pattern[str]
    purposed: re.Pattern[str]
    breakdown: re.Pattern[str]
    breakdown_item: re.Pattern[str]
    breakdown_separator: re.Pattern[str]
    part: re.Pattern[str]
    defined: re.Pattern[str]
    named: re.Pattern[str]
    budget_line: re.Pattern[str]
    body: re.Pattern[str]
    joined: re.Pattern[str]  # a body named with another before it: "Socialnämnden och kommunstyrelsen"
    anaphor: re.Pattern[str]
    passive: re.Pattern[str]
    excluded: re.Pattern[str]
    continuation: re.Pattern[str]  # a block opening like this goes on with the one before
    subject_stops: frozenset[str]
    clause_words: frozenset[str]
    purpose_modifiers: frozenset[str]
    purpose_stops: frozenset[str]
    budget_lines: dict[str, str]
    label_kinds: tuple[tuple[re.Pattern[str], str], ...]
    budget_cue: re.Pattern[str]  # money of a report's year that a budget states
    inexact: re.Pattern[str]  # before a figure: "cirka", "minska med"
    refused_after_unit: re.Pattern[str]  # "per invånare", "/timme", "mindre än"
    refused_in_label: re.Pattern[str]  # "Kostnaden per elev"
    named_words: int
    doc_types: frozenset[str]
    dating: Dating
    units: UnitGrammar
    report_doc_types: frozenset[str]  # one-year reports: money "för året" is of the report's year


def compile_patterns(settings: Settings) -> Patterns:
    t = settings.amounts.text.model_dump()
    words = lambda key: "|".join(t[key])  # noqa: E731
    # "Kultur- och fritidsnämnden", "Idrotts-, kultur- och fritidsnämnden", "Tekniska nämnden"
    adjective = rf"(?!(?:{words('body_adjective_stops')})\b){t['body_adjective']}\s+"
    body = (rf"(?:(?:{words('body_qualifiers')})\s+)?(?:\w+-,\s+)*(?:\w+-\s+och\s+)?(?:{adjective})?\w*"
            rf"(?:{words('body_suffixes')})\b(?:\s+(?:{words('body_extensions')}))?")
    amount = rf"(?P<num>{NUMBER})\s+(?P<unit>(?i:{settings.units.prose_money}))"
    filler = rf"(?:{PLAIN_WORD}\s+){{0,{t['filler_words']}}}?"  # never a figure: "tilldelas 5 till 7 mnkr"
    verb = words("allocation_verbs")
    between = rf"(?P<between>(?:\S+\s+){{0,{t['statement_filler_words']}}}?)"
    prep = words("amount_prepositions")
    when = rf"(?:(?:\s+år|\s+för(?:\s+år)?)?\s+(?P<year>{NUMBER}))?"  # "7 mnkr [år|för (år)] 2026"
    subject = rf"(?P<subject>[A-ZÅÄÖ][\wåäöÅÄÖ-]*(?:\s+{WORD}){{0,{t['subject_words'] - 1}}}?)"
    # a receipt's subject: a body, or an operation ("verksamheten för idrotts- och fritidsanläggningar")
    receiver = (rf"(?P<subject>{body}|(?P<op>{words('operation_nouns')})"
                rf"(?:\s+för\s+(?P<opname>{WORD}(?:\s+{WORD}){{0,5}}?))?)")
    received = rf"(?P<what>{WORD}(?:\s+(?:{words('what_extensions')}))?)\s+{between}(?:{prep})\s+{amount}"
    item = rf"(?P<item>{WORD}(?:\s+{WORD}){{0,{t['item_words'] - 1}}}?)"
    lines = t["budget_lines"]
    ci = re.IGNORECASE
    return Patterns(
        allocations=tuple(re.compile(p, ci) for p in (
            rf"(?P<body>{body})\s+(?:{verb})\s+{filler}{amount}{when}",  # X tilldelas 2,5 mnkr [år 2026]
            rf"{amount}\s+(?:{verb})\s+(?:till\s+)?(?P<body>{body}){when}",  # 600 tkr tillskjuts X
            rf"(?:{verb})\s+{filler}{amount}\s+till\s+(?P<body>{body}){when}",  # tillskjuts 700 tkr till X
        )),
        statement=re.compile(rf"{subject}\s+(?:{words('statement_verbs')})\s+{between}(?:{prep})\s+{amount}{when}"),
        listed=(re.compile(rf"\s*(?:,|och)\s+{amount}{when}"),
                re.compile(rf"\s*(?:,|och)\s+för\s+(?:år\s+)?(?P<year>{NUMBER})\s+(?:{prep})\s+{amount}")),
        item_statement=re.compile(
            rf"(?:(?:{words('determiners')})\s+(?:{PLAIN_WORD}\s+)?)?(?:{words('frame_nouns')})\s+för\s+"
            rf"(?:(?P<genitive>{NUMBER})\s+års\s+)?{item}(?:\s+för\s+(?:år\s+)?(?P<year>{NUMBER}))?"
            rf"\s+(?:{words('statement_verbs')})\s+{between}(?:{prep})\s+{amount}", ci),
        receipts=(re.compile(rf"{receiver}\s+(?:{words('receipt_verbs')})\s+(?:(?:en|ett)\s+)?{received}", ci),
                  re.compile(rf"(?:{words('receipt_adverbs')})\s+(?:{words('receipt_verbs')})\s+{receiver}"
                             rf"\s+(?:en|ett)\s+{received}", ci)),
        frame=re.compile(rf"(?:{words('frame_nouns')})\s+om\s+{amount}\s+till\s+(?P<body>{body})", ci),
        purposed=re.compile(
            rf"för\s+(?!att\b)(?P<purpose>{PLAIN_WORD},?(?:\s+{PLAIN_WORD},?){{0,{t['purpose_words'] - 1}}}?)"
            rf"\s+(?:{verb})\s+(?:(?P<what>{PLAIN_WORD})\s+(?:om|på|med)\s+)?{amount}\s+till\s+(?P<to>{body}){when}",
            ci),
        breakdown=re.compile(rf"(?:{words('breakdown_openings')})\s+(?:{verb})\s+", ci),
        breakdown_item=re.compile(rf"{amount}\s+till\s+(?P<to>{body})(?:\s*\([^)]*\))?", ci),
        breakdown_separator=re.compile(r"\s*(?:,|och|samt)\s+"),
        part=re.compile(rf"(?:{words('part_cues')})\s+{amount}\s+(?:{words('part_prepositions')})\s+"
                        rf"(?:(?:{words('determiners')})\s+)?"
                        rf"(?P<part>{PLAIN_WORD}(?:\s+{PLAIN_WORD}){{0,{t['part_words'] - 1}}})"
                        r"(?=\s*[,.;)]|\s*$)", ci),
        defined=re.compile(rf"\b(?:{words('definite_determiners')})\s+(?P<defined>(?:{PLAIN_WORD}\s+)?{PLAIN_WORD}"
                           rf"(?:{words('definite_endings')}))\s+(?:på|om)\s+{amount}", ci),
        named=re.compile(rf"(?P<named>[A-ZÅÄÖ][^(){MASK}.]*?)\s*\(\s*{amount}\s*\)"),
        budget_line=re.compile(rf"i\s+(?P<line>{'|'.join(lines)})\s+för\s+(?P<item>{PLAIN_WORD}(?:\s+{PLAIN_WORD}){{0,3}}?)"
                               rf"\s+(?:{words('budget_line_verbs')})\s+{amount}", ci),
        **_word_patterns(t, body, words),
        dating=Dating(settings.years, re.compile(words("undated_year_before"), ci),
                      re.compile(t["undated_year_after"])),
        units=settings.units,
        report_doc_types=frozenset(settings.amounts.year_kinds.outcome_doc_types),
    )


def _word_patterns(t: dict[str, Any], body: str, words: Callable[[str], str]) -> dict[str, Any]:
    """The Patterns fields that are word lists and single-purpose patterns rather than
    constructions: bodies, anaphors, exclusions, stop words, label kinds, refusals.
    `words(key)`: the config list under `key` as one alternation."""
    ci = re.IGNORECASE
    lines = t["budget_lines"]
    return dict(
        body=re.compile(body, ci),
        joined=re.compile(rf"(?:{body})\s*(?:,|och|samt)\s*$", ci),
        anaphor=re.compile(rf"^(?:{words('anaphors')})$", ci),
        passive=re.compile(rf"^(?:{t['passive_verb']})$", ci),
        excluded=re.compile(words("excluded_cues"), ci),
        continuation=re.compile(rf"(?:{words('continuation_words')})\s"),
        subject_stops=frozenset(w.lower() for w in t["subject_stop_words"]),
        clause_words=frozenset(w.lower() for w in t["clause_words"]),
        purpose_modifiers=frozenset(w.lower() for w in t["purpose_modifiers"]),
        purpose_stops=frozenset(w.lower() for w in t["purpose_stops"]),
        budget_lines={k.lower(): v for k, v in lines.items()},
        label_kinds=tuple((re.compile(k["pattern"], ci), k["kind"]) for k in t["label_kinds"]),
        budget_cue=re.compile(words("budget_cues"), ci),
        inexact=re.compile(rf"\b(?:(?:{words('approximations')})\.?|(?:{words('changes')})\s+med(?:\s+\w+){{0,2}})\s*$",
                           ci),
        refused_after_unit=re.compile(words("refused_after_unit"), ci),
        refused_in_label=re.compile(t["refused_in_label"], ci),
        named_words=t["named_words"],
        doc_types=frozenset(t["doc_types"]),
    )
