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
from pipeline.extract.numbers import parse_number
from pipeline.model import AmountRow, Block, BlockKind, Document, DocumentRow

_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-ZÅÄÖ0-9])")
_NUMBER = r"[-−]?\d{1,3}(?:[ \u00a0\u202f]\d{3})*(?:,\d+)?"
_WORD = r"[\wåäöÅÄÖ][\wåäöÅÄÖ-]*"
_YEAR = re.compile(r"(?<![\d–-])((?:19|20)\d\d)(?![\d–-]|\s*[–-]\s*\d)")


@dataclass(frozen=True)
class _Patterns:
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
    amount = rf"(?P<num>{_NUMBER})\s+(?P<unit>{t['money_unit']})\b"
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
        statement=re.compile(rf"^{subject}\s+(?:{words('statement_verbs')})\s+{between}(?:{prep})\s+{amount}"
                             rf"(?P<at>\s+år\s+(?P<year>(?:19|20)\d\d))?"),
        receipt=re.compile(rf"^(?P<body>{body})\s+(?:{words('receipt_verbs')})\s+(?:(?:en|ett)\s+)?"
                           rf"(?P<what>{_WORD})\s+{between}(?:{prep})\s+{amount}", re.IGNORECASE),
        frame=re.compile(rf"^(?:{words('frame_nouns')})\s+om\s+{amount}\s+till\s+(?P<body>{body})", re.IGNORECASE),
        listed=re.compile(rf"^\s*(?:,|och)\s+{amount}\s+år\s+(?P<year>(?:19|20)\d\d)"),
        body=re.compile(body, re.IGNORECASE),
        anaphor=re.compile(r"^(?:" + words("anaphors") + r")$", re.IGNORECASE),
        excluded=re.compile(words("excluded_cues"), re.IGNORECASE),
        subject_stops=frozenset(w.lower() for w in t["subject_stop_words"]),
        doc_types=frozenset(t["doc_types"]),
    )


@dataclass(frozen=True)
class _Found:
    start: int  # where the number stands in the sentence: one row per printed number
    label: str
    number: str
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
        for sentence in _SENTENCE_END.split(block.text):
            if not p.excluded.search(sentence):
                found = {f.start: f for f in _allocations(sentence, last_body, p)}
                for f in _statements(sentence, p):
                    found.setdefault(f.start, f)
                rows.extend(_row(doc.doc_id, block, sentence, found[k], document, years) for k in sorted(found))
            named = [m.group(0) for m in p.body.finditer(sentence) if not p.anaphor.match(m.group(0))]
            if named:
                last_body = named[-1]
    return [r for r in rows if r is not None]


def _allocations(sentence: str, last_body: str | None, p: _Patterns) -> list[_Found]:
    found = []
    for pattern in p.allocations:
        for m in pattern.finditer(sentence):
            body = _recipient(m["body"], sentence[: m.start()], last_body, p)
            if body is not None:
                found.append(_Found(m.start("num"), body, m["num"], m["unit"]))
    return found


def _statements(sentence: str, p: _Patterns) -> list[_Found]:
    """A statement, a receipt or a frame: the constructions that open the sentence."""
    text = sentence.strip()
    offset = sentence.index(text[:1]) if text else 0
    if m := p.statement.match(text):
        if m["subject"].split()[0].lower() in p.subject_stops:
            return []
        found = [_Found(offset + m.start("num"), m["subject"], m["num"], m["unit"], _int(m["year"]))]
        rest = m.end()
        while m["at"] and (more := p.listed.match(text[rest:])):  # "15 mnkr år 2026, 47 mnkr år 2027 …"
            found.append(_Found(offset + rest + more.start("num"), found[0].label, more["num"], more["unit"],
                                int(more["year"])))
            rest += more.end()
        return found
    if (m := p.receipt.match(text)) and not p.anaphor.match(m["body"]):
        return [_Found(offset + m.start("num"), f"{m['body']} – {m['what']}", m["num"], m["unit"])]
    if m := p.frame.match(text):
        return [_Found(offset + m.start("num"), m["body"], m["num"], m["unit"])]
    return []


def _row(doc_id: str, block: Block, sentence: str, f: _Found, document: DocumentRow,
         years: sem.YearKinds) -> AmountRow | None:
    number, unit = parse_number(f.number), sem.unit_in(f.unit)
    if number is None or unit is None:
        return None
    stated = f.year or _sentence_year(sentence)
    year = stated or _report_year(document)
    return AmountRow(
        doc_id=doc_id,
        amount_id="",
        source="text",
        row_label=f.label[:1].upper() + f.label[1:],
        value=number.value,
        page=block.page,
        year=year,
        kind=years.kind(str(stated)) if stated else None,
        unit=unit.unit,
        value_sek=number.value * unit.sek if unit.sek is not None else None,
        snippet=sentence.strip(),
    )


def _sentence_year(sentence: str) -> int | None:
    """The one year a sentence states (a range "2026–2030" states none)."""
    found = {int(y) for y in _YEAR.findall(sentence)}
    return found.pop() if len(found) == 1 else None


def _report_year(document: DocumentRow) -> int | None:
    """In a one-year financial report, money "för året" belongs to the report's year."""
    cfg = config.load("amounts")["year_kinds"]
    if document.doc_type in cfg["outcome_doc_types"] and document.period_start == document.period_end:
        return document.period_start
    return None


def _int(text: str | None) -> int | None:
    return int(text) if text else None


def _recipient(body: str, before: str, last_body: str | None, p: _Patterns) -> str | None:
    """The named body; a bare "nämnden" is the last body named before it."""
    if not p.anaphor.match(body):
        return body
    named = [m.group(0) for m in p.body.finditer(before) if not p.anaphor.match(m.group(0))]
    return named[-1] if named else last_body
