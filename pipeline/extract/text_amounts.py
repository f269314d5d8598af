"""Money allocated in running text: "Socialnämnden tilldelas 2,5 mnkr", "600 tkr tillskjuts …".

Prose is full of figures that are not allocations (forecasts, ceilings, promises, ranges
whose dash was lost), so only the strongest construction is read: an allocation verb next
to an amount and a named recipient body. The recipient becomes the row label and the
sentence the snippet.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from pipeline import config
from pipeline.extract import table_semantics as sem
from pipeline.extract.numbers import parse_number
from pipeline.model import AmountRow, Block, BlockKind, Document

_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-ZÅÄÖ0-9])")
_NUMBER = r"[-−]?\d{1,3}(?:[ \u00a0\u202f]\d{3})*(?:,\d+)?"


@dataclass(frozen=True)
class _Patterns:
    allocations: tuple[re.Pattern[str], ...]
    body: re.Pattern[str]
    anaphor: re.Pattern[str]
    min_table_amounts: int


@cache
def _patterns() -> _Patterns:
    t = config.load("amounts")["text"]
    verb = "|".join(t["allocation_verbs"])
    body = r"(?:[\wåäöÅÄÖ]+-\s+och\s+)?[\wåäöÅÄÖ]*(?:" + "|".join(t["body_suffixes"]) + r")\b"
    amount = rf"(?P<num>{_NUMBER})\s+(?P<unit>{t['money_unit']})\b"
    filler = rf"(?:[\wåäö]+\s+){{0,{t['filler_words']}}}?"
    allocations = (
        rf"(?P<body>{body})\s+(?:{verb})\s+{filler}{amount}",  # X tilldelas 2,5 mnkr
        rf"{amount}\s+(?:{verb})\s+(?:till\s+)?(?P<body>{body})",  # 600 tkr tillskjuts X
        rf"(?:{verb})\s+{filler}{amount}\s+till\s+(?P<body>{body})",  # tillskjuts 700 tkr till X
    )
    return _Patterns(
        allocations=tuple(re.compile(p, re.IGNORECASE) for p in allocations),
        body=re.compile(body, re.IGNORECASE),
        anaphor=re.compile(r"^(?:" + "|".join(t["anaphors"]) + r")$", re.IGNORECASE),
        min_table_amounts=t["min_table_amounts"],
    )


def text_amounts(doc: Document, table_rows: int) -> list[AmountRow]:
    """Allocations in the document's prose; none unless its tables show it is a budget."""
    p = _patterns()
    if table_rows < p.min_table_amounts:
        return []
    rows: list[AmountRow] = []
    last_body: str | None = None
    for block in doc.blocks:
        if block.kind not in (BlockKind.PARAGRAPH, BlockKind.LIST_ITEM):
            continue
        for sentence in _SENTENCE_END.split(block.text):
            rows.extend(_allocations(doc.doc_id, block, sentence, last_body, p))
            named = [m.group(0) for m in p.body.finditer(sentence) if not p.anaphor.match(m.group(0))]
            if named:
                last_body = named[-1]
    return rows


def _allocations(doc_id: str, block: Block, sentence: str, last_body: str | None, p: _Patterns) -> list[AmountRow]:
    found: dict[int, AmountRow] = {}
    for pattern in p.allocations:
        for m in pattern.finditer(sentence):
            number = parse_number(m["num"])
            unit = sem.unit_in(m["unit"])
            body = _recipient(m["body"], sentence[: m.start()], last_body, p)
            if number is None or unit is None or body is None or m.start("num") in found:
                continue
            found[m.start("num")] = AmountRow(
                doc_id=doc_id,
                amount_id="",
                source="text",
                row_label=body[:1].upper() + body[1:],
                value=number.value,
                page=block.page,
                unit=unit.unit,
                value_sek=number.value * unit.sek if unit.sek is not None else None,
                snippet=sentence.strip(),
            )
    return [found[k] for k in sorted(found)]


def _recipient(body: str, before: str, last_body: str | None, p: _Patterns) -> str | None:
    """The named body; a bare "nämnden" is the last body named before it."""
    if not p.anaphor.match(body):
        return body
    named = [m.group(0) for m in p.body.finditer(before) if not p.anaphor.match(m.group(0))]
    return named[-1] if named else last_body
