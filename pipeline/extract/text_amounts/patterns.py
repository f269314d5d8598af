"""The constructions of money in running text, compiled from configs/amounts.yaml
(section `text`). Every pattern reads a masked sentence (sentence.py): a number is one run
of MASK characters, so a pattern sees `NUMBER` where the text has a figure."""
from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from pipeline.extract.text_amounts.sentence import MASK, NUMBER, Dating
from pipeline.settings import Settings
from pipeline.settings.amounts import TextAmountConfig
from pipeline.text.units import UnitGrammar

WORD = rf"[\w{MASK}][\w{MASK}-]*"
PLAIN_WORD = r"\w[\w-]*"  # a word that is no number
_CI = re.IGNORECASE


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
    units: UnitGrammar
    dating: Dating

    @classmethod
    def of(cls, settings: Settings) -> Patterns:
        """The constructions compiled, once per settings object (`Settings.derived`)."""
        t = settings.amounts.text
        units = UnitGrammar.of(settings.amounts.units.patterns)
        f = _Fragments.of(t, units.prose_money)
        body, amount, when, between, prep, verb = f.body, f.amount, f.when, f.between, f.prep, f.verb
        return cls(
            allocations=tuple(re.compile(p, _CI) for p in (
                rf"(?P<body>{body})\s+(?:{verb})\s+{f.filler}{amount}{when}",  # X tilldelas 2,5 mnkr [år 2026]
                rf"{amount}\s+(?:{verb})\s+(?:till\s+)?(?P<body>{body}){when}",  # 600 tkr tillskjuts X
                rf"(?:{verb})\s+{f.filler}{amount}\s+till\s+(?P<body>{body}){when}",  # tillskjuts 700 tkr till X
            )),
            statement=re.compile(rf"{f.subject}\s+(?:{_any(t.statement_verbs)})\s+{between}(?:{prep})\s+{amount}{when}"),
            listed=(re.compile(rf"\s*(?:,|och)\s+{amount}{when}"),
                    re.compile(rf"\s*(?:,|och)\s+för\s+(?:år\s+)?(?P<year>{NUMBER})\s+(?:{prep})\s+{amount}")),
            item_statement=re.compile(
                rf"(?:(?:{_any(t.determiners)})\s+(?:{PLAIN_WORD}\s+)?)?(?:{_any(t.frame_nouns)})\s+för\s+"
                rf"(?:(?P<genitive>{NUMBER})\s+års\s+)?{f.item}(?:\s+för\s+(?:år\s+)?(?P<year>{NUMBER}))?"
                rf"\s+(?:{_any(t.statement_verbs)})\s+{between}(?:{prep})\s+{amount}", _CI),
            receipts=(re.compile(rf"{f.receiver}\s+(?:{_any(t.receipt_verbs)})\s+(?:(?:en|ett)\s+)?{f.received}", _CI),
                      re.compile(rf"(?:{_any(t.receipt_adverbs)})\s+(?:{_any(t.receipt_verbs)})\s+{f.receiver}"
                                 rf"\s+(?:en|ett)\s+{f.received}", _CI)),
            frame=re.compile(rf"(?:{_any(t.frame_nouns)})\s+om\s+{amount}\s+till\s+(?P<body>{body})", _CI),
            purposed=re.compile(
                rf"för\s+(?!att\b)(?P<purpose>{PLAIN_WORD},?(?:\s+{PLAIN_WORD},?){{0,{t.purpose_words - 1}}}?)"
                rf"\s+(?:{verb})\s+(?:(?P<what>{PLAIN_WORD})\s+(?:om|på|med)\s+)?{amount}\s+till\s+(?P<to>{body}){when}",
                _CI),
            breakdown=re.compile(rf"(?:{_any(t.breakdown_openings)})\s+(?:{verb})\s+", _CI),
            breakdown_item=re.compile(rf"{amount}\s+till\s+(?P<to>{body})(?:\s*\([^)]*\))?", _CI),
            breakdown_separator=re.compile(r"\s*(?:,|och|samt)\s+"),
            part=re.compile(rf"(?:{_any(t.part_cues)})\s+{amount}\s+(?:{_any(t.part_prepositions)})\s+(?:(?:{_any(t.determiners)})\s+)?"
                            rf"(?P<part>{PLAIN_WORD}(?:\s+{PLAIN_WORD}){{0,{t.part_words - 1}}})"
                            r"(?=\s*[,.;)]|\s*$)", _CI),
            defined=re.compile(rf"\b(?:{_any(t.definite_determiners)})\s+(?P<defined>(?:{PLAIN_WORD}\s+)?{PLAIN_WORD}"
                               rf"(?:{_any(t.definite_endings)}))\s+(?:på|om)\s+{amount}", _CI),
            named=re.compile(rf"(?P<named>[A-ZÅÄÖ][^(){MASK}.]*?)\s*\(\s*{amount}\s*\)"),
            budget_line=re.compile(rf"i\s+(?P<line>{_any(t.budget_lines)})\s+för\s+(?P<item>{PLAIN_WORD}(?:\s+{PLAIN_WORD}){{0,3}}?)"
                                   rf"\s+(?:{_any(t.budget_line_verbs)})\s+{amount}", _CI),
            body=re.compile(body, _CI),
            joined=re.compile(rf"(?:{body})\s*(?:,|och|samt)\s*$", _CI),
            anaphor=re.compile(rf"^(?:{_any(t.anaphors)})$", _CI),
            passive=re.compile(rf"^(?:{t.passive_verb})$", _CI),
            excluded=re.compile(_any(t.excluded_cues), _CI),
            continuation=re.compile(rf"(?:{_any(t.continuation_words)})\s"),
            subject_stops=frozenset(w.lower() for w in t.subject_stop_words),
            clause_words=frozenset(w.lower() for w in t.clause_words),
            purpose_modifiers=frozenset(w.lower() for w in t.purpose_modifiers),
            purpose_stops=frozenset(w.lower() for w in t.purpose_stops),
            budget_lines={k.lower(): v for k, v in t.budget_lines.items()},
            label_kinds=tuple((re.compile(k.pattern, _CI), k.kind) for k in t.label_kinds),
            budget_cue=re.compile(_any(t.budget_cues), _CI),
            inexact=re.compile(rf"\b(?:(?:{_any(t.approximations)})\.?|(?:{_any(t.changes)})\s+med(?:\s+\w+){{0,2}})\s*$",
                               _CI),
            refused_after_unit=re.compile(_any(t.refused_after_unit), _CI),
            refused_in_label=re.compile(t.refused_in_label, _CI),
            named_words=t.named_words,
            doc_types=frozenset(t.doc_types),
            units=units,
            dating=Dating.of(settings),
        )


def _any(words: Iterable[str]) -> str:
    """Alternatives, as the config lists them (regular expressions or plain words)."""
    return "|".join(words)


@dataclass(frozen=True)
class _Fragments:
    """The parts several constructions share: a recipient body, an amount and its year, …"""

    body: str
    amount: str
    filler: str
    verb: str
    between: str
    prep: str
    when: str
    subject: str
    receiver: str
    received: str
    item: str

    @classmethod
    def of(cls, t: TextAmountConfig, prose_money: str) -> _Fragments:
        # "Kultur- och fritidsnämnden", "Idrotts-, kultur- och fritidsnämnden", "Tekniska nämnden"
        adjective = rf"(?!(?:{_any(t.body_adjective_stops)})\b){t.body_adjective}\s+"
        body = (rf"(?:(?:{_any(t.body_qualifiers)})\s+)?(?:\w+-,\s+)*(?:\w+-\s+och\s+)?(?:{adjective})?\w*"
                rf"(?:{_any(t.body_suffixes)})\b(?:\s+(?:{_any(t.body_extensions)}))?")
        amount = rf"(?P<num>{NUMBER})\s+(?P<unit>(?i:{prose_money}))"
        between = rf"(?P<between>(?:\S+\s+){{0,{t.statement_filler_words}}}?)"
        prep = _any(t.amount_prepositions)
        return cls(
            body=body,
            amount=amount,
            filler=rf"(?:{PLAIN_WORD}\s+){{0,{t.filler_words}}}?",  # never a figure: "tilldelas 5 till 7 mnkr"
            verb=_any(t.allocation_verbs),
            between=between,
            prep=prep,
            when=rf"(?:(?:\s+år|\s+för(?:\s+år)?)?\s+(?P<year>{NUMBER}))?",  # "7 mnkr [år|för (år)] 2026"
            subject=rf"(?P<subject>[A-ZÅÄÖ][\wåäöÅÄÖ-]*(?:\s+{WORD}){{0,{t.subject_words - 1}}}?)",
            # a receipt's subject: a body, or an operation ("verksamheten för idrotts- och fritidsanläggningar")
            receiver=(rf"(?P<subject>{body}|(?P<op>{_any(t.operation_nouns)})"
                      rf"(?:\s+för\s+(?P<opname>{WORD}(?:\s+{WORD}){{0,5}}?))?)"),
            received=rf"(?P<what>{WORD}(?:\s+(?:{_any(t.what_extensions)}))?)\s+{between}(?:{prep})\s+{amount}",
            item=rf"(?P<item>{WORD}(?:\s+{WORD}){{0,{t.item_words - 1}}}?)",
        )
