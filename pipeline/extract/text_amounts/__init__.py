"""Money stated in running text: "Socialnämnden tilldelas 2,5 mnkr", "Lönepotten uppgår till
15 mnkr år 2026", "Av dessa medel fördelas 4,2 mnkr till hälso- och sjukvårdsnämnden …".

Prose is full of figures that are not budget amounts (forecasts, averages, sensitivity
analyses, loan frames, promises, ranges whose dash was lost), so only strict constructions
(constructions.py) are read, each of which names what the money is for. Only budget
documents and financial reports are read (never manifestos), and a sentence with a cue of
borrowing, averages or restated totals is left out. A wrong amount is worse than a missing one.
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from typing import cast

from pipeline.contract import AmountKind, AmountSource, AmountUnit, UnitSource, YearSource
from pipeline.extract import table_semantics as sem
from pipeline.extract.text_amounts.constructions import (
    Context,
    Found,
    read,
    refers_back,
)
from pipeline.extract.text_amounts.patterns import Patterns, compile_patterns
from pipeline.extract.text_amounts.sentence import Sentence
from pipeline.model import AmountRow, Block, BlockKind, Document, DocumentRow

__all__ = ["Patterns", "compile_patterns", "text_amounts"]

_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-ZÅÄÖ0-9*])")
_PROSE = (BlockKind.PARAGRAPH, BlockKind.LIST_ITEM)


def text_amounts(doc: Document, document: DocumentRow, years: sem.YearKinds, p: Patterns) -> list[AmountRow]:
    """Money stated in the prose of budget documents and financial reports."""
    if document.doc_type not in p.doc_types:
        return []
    rows: list[AmountRow] = []
    context = Context()
    for block, text in _passages(doc, context, p):
        for sentence in (Sentence.of(s, p.dating) for s in _SENTENCE_END.split(text)):
            found = [] if p.excluded.search(sentence.text) else read(sentence, context, p)
            rows.extend(r for f in found if (r := _row(doc.doc_id, block, sentence, f, document, years, p)))
            context.antecedent = found[-1] if found else None
            if named := refers_back(p, sentence.text):
                context.body = named[-1]
    return rows


def _passages(doc: Document, context: Context, p: Patterns) -> Iterator[tuple[Block, str]]:
    """The prose blocks with their continuations joined, keeping `context.heading` current.
    A list item or paragraph opening with a bare conjunction goes on with the one before:
    "Planeringsunderlag … fastställs för 2027 till 2 067 mnkr" / "och för 2028 till 2 621 mnkr."
    """
    pending: tuple[Block, str] | None = None
    for block in doc.blocks:
        if pending and block.kind in _PROSE and p.continuation.match(block.text):
            pending = (pending[0], f"{pending[1]} {block.text}")
            continue
        if pending:
            yield pending
            pending = None
        if block.kind == BlockKind.HEADING:
            context.heading = block.text
        elif block.kind in _PROSE:
            pending = (block, block.text)
    if pending:
        yield pending


def _row(doc_id: str, block: Block, sentence: Sentence, f: Found, document: DocumentRow,
         years: sem.YearKinds, p: Patterns) -> AmountRow | None:
    unit = p.units.unit_in(f.unit)
    if unit is None or f.number.is_percent or not _exact_amount(sentence, f, p):
        return None
    stated = f.year or sentence.one_year()
    kind = years.kind(str(stated)) if stated else _label_kind(f.label, p)
    if kind == "outcome" and p.budget_cue.search(sentence.text):
        kind = "budget"
    year = stated or _report_year(document, p)
    x0, top, x1, bottom = block.bbox  # the block the sentence stands in: prose keeps no word positions
    return AmountRow(
        doc_id=doc_id,
        amount_id="",
        source=AmountSource.TEXT,
        row_label=f.label[:1].upper() + f.label[1:],
        value=f.number.value,
        page=block.page,
        year=year,
        kind=cast("AmountKind | None", kind),  # the kind texts of configs/amounts.yaml are AmountKind values
        unit=cast(AmountUnit, unit.unit),
        value_sek=unit.in_sek(f.number.value),
        snippet=sentence.text.strip(),
        x0=x0, top=top, x1=x1, bottom=bottom,
        rule=f"text:{f.rule}",
        unit_source=UnitSource.TEXT,
        year_source=YearSource.TEXT if stated else YearSource.DOCUMENT if year is not None else None,
    )


def _exact_amount(sentence: Sentence, f: Found, p: Patterns) -> bool:
    """Not an approximation ("cirka 4 mnkr"), a change ("minska med 4 mnkr"), a rate
    ("kronor per invånare") or a difference ("2 mnkr mindre än")."""
    after_unit = sentence.text[sentence.numbers[f.start].end :].lstrip()[len(f.unit) :].lstrip()
    return not (p.inexact.search(sentence.text[: f.start]) or p.refused_in_label.search(f.label)
                or p.refused_after_unit.match(after_unit))


def _label_kind(label: str, p: Patterns) -> str | None:
    """The kind a label names when no year dates the money ("underskott mot budget")."""
    return next((kind for pattern, kind in p.label_kinds if pattern.search(label)), None)


def _report_year(document: DocumentRow, p: Patterns) -> int | None:
    """In a one-year financial report, money "för året" belongs to the report's year."""
    if document.doc_type in p.report_doc_types and document.period_start == document.period_end:
        return document.period_start
    return None
