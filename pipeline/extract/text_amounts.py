"""Money stated in running text: "Socialnämnden tilldelas 2,5 mnkr", "Lönepotten uppgår till
15 mnkr år 2026", "Kollektivtrafiknämnden får en ramförstärkning på 20 miljoner kronor".

Prose is full of figures that are not budget amounts (forecasts, averages, sensitivity
analyses, loan frames, promises, ranges whose dash was lost), so only a few strict
constructions are read, each of which names what the money is for:
- allocation: an allocation verb next to the amount and a named recipient body;
- statement: a short item name opening the sentence, a budget verb ("uppgår",
  "avsätts", "fastställs") and the amount right after its preposition ("till 15 mnkr");
- receipt: a named body that "får"/"redovisar" a named kind of money ("ramförstärkning");
- frame: "Ram om 5,1 miljoner kronor till revisorerna".
Only budget documents and financial reports are read (never manifestos), and a sentence
with a cue of borrowing, averages or restated totals is left out. A wrong amount is worse
than a missing one.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from pipeline import config
from pipeline.extract import table_semantics as sem
from pipeline.extract.numbers import NumberSpan, ParsedNumber, find_numbers
from pipeline.model import AmountRow, Block, BlockKind, Document, DocumentRow

_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-ZÅÄÖ0-9])")
# The constructions read a sentence whose number tokens (numbers.find_numbers) are masked
# with this private-use character, one per printed character: a pattern sees a number only
# whole ("Totalt 1500 tkr" never yields "500 tkr"), and only as find_numbers reads it.
_MASK = "\ue000"
_NUMBER = f"{_MASK}+"
_WORD = rf"[\w{_MASK}][\w{_MASK}-]*"
_RANGE_AFTER = re.compile(r"\s*[-–—]\s*\d")  # "2026 – 2030": the first year of a range
_RANGE_BEFORE = re.compile(r"\d\s*[-–—]\s*$")


@dataclass(frozen=True)
class _Patterns:
    """The constructions, over a masked sentence (_Sentence). statement, receipt, frame and
    listed are anchored where they are matched (Pattern.match at a position)."""

    allocations: tuple[re.Pattern[str], ...]
    statement: re.Pattern[str]
    receipt: re.Pattern[str]
    frame: re.Pattern[str]
    listed: re.Pattern[str]  # ", 47 mnkr år 2027 och 81 mnkr år 2028" after a first amount
    body: re.Pattern[str]
    anaphor: re.Pattern[str]
    excluded: re.Pattern[str]
    subject_stops: frozenset[str]
    doc_types: frozenset[str]


@cache
def _patterns() -> _Patterns:
    t = config.load("amounts")["text"]
    words = lambda key: "|".join(t[key])  # noqa: E731
    body = (r"(?:[\wåäöÅÄÖ]+-\s+och\s+)?[\wåäöÅÄÖ]*(?:" + words("body_suffixes") + r")\b"
            + r"(?:\s+(?:" + words("body_extensions") + r"))?")
    amount = rf"(?P<num>{_NUMBER})\s+(?P<unit>(?i:{sem.vocabulary().prose_money}))"
    filler = rf"(?:{_WORD}\s+){{0,{t['filler_words']}}}?"
    verb = words("allocation_verbs")
    allocations = (
        rf"(?P<body>{body})\s+(?:{verb})\s+{filler}{amount}",  # X tilldelas 2,5 mnkr
        rf"{amount}\s+(?:{verb})\s+(?:till\s+)?(?P<body>{body})",  # 600 tkr tillskjuts X
        rf"(?:{verb})\s+{filler}{amount}\s+till\s+(?P<body>{body})",  # tillskjuts 700 tkr till X
    )
    subject = rf"(?P<subject>[A-ZÅÄÖ][\wåäöÅÄÖ-]*(?:\s+{_WORD}){{0,{t['subject_words'] - 1}}}?)"
    between = rf"(?:\S+\s+){{0,{t['statement_filler_words']}}}?"
    prep = words("amount_prepositions")
    return _Patterns(
        allocations=tuple(re.compile(p, re.IGNORECASE) for p in allocations),
        statement=re.compile(rf"{subject}\s+(?:{words('statement_verbs')})\s+{between}(?:{prep})\s+{amount}"
                             rf"(?P<at>\s+år\s+(?P<year>{_NUMBER}))?"),
        receipt=re.compile(rf"(?P<body>{body})\s+(?:{words('receipt_verbs')})\s+(?:(?:en|ett)\s+)?"
                           rf"(?P<what>{_WORD})\s+{between}(?:{prep})\s+{amount}", re.IGNORECASE),
        frame=re.compile(rf"(?:{words('frame_nouns')})\s+om\s+{amount}\s+till\s+(?P<body>{body})", re.IGNORECASE),
        listed=re.compile(rf"\s*(?:,|och)\s+{amount}\s+år\s+(?P<year>{_NUMBER})"),
        body=re.compile(body, re.IGNORECASE),
        anaphor=re.compile(r"^(?:" + words("anaphors") + r")$", re.IGNORECASE),
        excluded=re.compile(words("excluded_cues"), re.IGNORECASE),
        subject_stops=frozenset(w.lower() for w in t["subject_stop_words"]),
        doc_types=frozenset(t["doc_types"]),
    )


@dataclass(frozen=True)
class _Sentence:
    """A sentence as printed, and the same sentence with its numbers masked (same offsets)."""

    text: str
    masked: str
    numbers: dict[int, NumberSpan]  # by start offset

    @classmethod
    def of(cls, text: str) -> _Sentence:
        spans = find_numbers(text)
        chars = list(text)
        for span in spans:
            chars[span.start : span.end] = _MASK * (span.end - span.start)
        return cls(text, "".join(chars), {span.start: span for span in spans})

    def group(self, m: re.Match[str], name: str) -> str:
        """A matched group as printed (its numbers unmasked)."""
        return self.text[m.start(name) : m.end(name)]

    def amount(self, m: re.Match[str]) -> tuple[int, ParsedNumber]:
        """Where the amount of a match starts, and the number it is."""
        return m.start("num"), self.numbers[m.start("num")].number

    def year(self, start: int) -> int | None:
        """The year the number at `start` is: one in the year range, not part of a range."""
        span = self.numbers.get(start)
        if span is None or _RANGE_AFTER.match(self.text, span.end) or _RANGE_BEFORE.search(self.text[:start]):
            return None
        found = sem.years_in(self.text[span.start : span.end])
        return found[0] if found and span.number.value == found[0] else None

    def one_year(self) -> int | None:
        """The one year the sentence states (a range "2026–2030" states none)."""
        found = {year for start in self.numbers if (year := self.year(start)) is not None}
        return found.pop() if len(found) == 1 else None


@dataclass(frozen=True)
class _Found:
    start: int  # where the number stands in the sentence: one row per printed number
    number: ParsedNumber
    label: str
    unit: str
    year: int | None = None


def text_amounts(doc: Document, document: DocumentRow, years: sem.YearKinds) -> list[AmountRow]:
    """Money stated in the prose of budget documents and financial reports."""
    p = _patterns()
    if document.doc_type not in p.doc_types:
        return []
    rows: list[AmountRow] = []
    last_body: str | None = None
    for block in doc.blocks:
        if block.kind not in (BlockKind.PARAGRAPH, BlockKind.LIST_ITEM):
            continue
        for text in _SENTENCE_END.split(block.text):
            if not p.excluded.search(text):
                sentence = _Sentence.of(text)
                found = {f.start: f for f in _allocations(sentence, last_body, p)}
                for f in _statements(sentence, p):
                    found.setdefault(f.start, f)
                rows.extend(_row(doc.doc_id, block, sentence, found[k], document, years) for k in sorted(found))
            named = [m.group(0) for m in p.body.finditer(text) if not p.anaphor.match(m.group(0))]
            if named:
                last_body = named[-1]
    return [r for r in rows if r is not None]


def _allocations(sentence: _Sentence, last_body: str | None, p: _Patterns) -> list[_Found]:
    found = []
    for pattern in p.allocations:
        for m in pattern.finditer(sentence.masked):
            body = _recipient(sentence.group(m, "body"), sentence.text[: m.start()], last_body, p)
            if body is not None:
                found.append(_Found(*sentence.amount(m), body, m["unit"]))
    return found


def _statements(sentence: _Sentence, p: _Patterns) -> list[_Found]:
    """A statement, a receipt or a frame: the constructions that open the sentence."""
    start = len(sentence.masked) - len(sentence.masked.lstrip())
    if m := p.statement.match(sentence.masked, start):
        subject = sentence.group(m, "subject")
        if subject.split()[0].lower() in p.subject_stops:
            return []
        year = sentence.year(m.start("year")) if m["year"] else None
        found = [_Found(*sentence.amount(m), subject, m["unit"], year)]
        rest = m.end()
        # "15 mnkr år 2026, 47 mnkr år 2027 och 81 mnkr år 2028"
        while year is not None and (more := p.listed.match(sentence.masked, rest)):
            year = sentence.year(more.start("year"))
            if year is None:
                break
            found.append(_Found(*sentence.amount(more), subject, more["unit"], year))
            rest = more.end()
        return found
    if (m := p.receipt.match(sentence.masked, start)) and not p.anaphor.match(m["body"]):
        body, what = sentence.group(m, "body"), sentence.group(m, "what")
        return [_Found(*sentence.amount(m), f"{body} – {what}", m["unit"])]
    if m := p.frame.match(sentence.masked, start):
        return [_Found(*sentence.amount(m), sentence.group(m, "body"), m["unit"])]
    return []


def _row(doc_id: str, block: Block, sentence: _Sentence, f: _Found, document: DocumentRow,
         years: sem.YearKinds) -> AmountRow | None:
    unit = sem.unit_in(f.unit)
    if unit is None or f.number.is_percent:
        return None
    stated = f.year or sentence.one_year()
    return AmountRow(
        doc_id=doc_id,
        amount_id="",
        source="text",
        row_label=f.label[:1].upper() + f.label[1:],
        value=f.number.value,
        page=block.page,
        year=stated or _report_year(document),
        kind=years.kind(str(stated)) if stated else None,
        unit=unit.unit,
        value_sek=unit.in_sek(f.number.value),
        snippet=sentence.text.strip(),
    )


def _report_year(document: DocumentRow) -> int | None:
    """In a one-year financial report, money "för året" belongs to the report's year."""
    cfg = config.load("amounts")["year_kinds"]
    if document.doc_type in cfg["outcome_doc_types"] and document.period_start == document.period_end:
        return document.period_start
    return None


def _recipient(body: str, before: str, last_body: str | None, p: _Patterns) -> str | None:
    """The named body; a bare "nämnden" is the last body named before it."""
    if not p.anaphor.match(body):
        return body
    named = [m.group(0) for m in p.body.finditer(before) if not p.anaphor.match(m.group(0))]
    return named[-1] if named else last_body
