"""Amounts: every figure of the financial tables, and money allocated in running text."""
from __future__ import annotations

from pipeline.extract.table_amounts import table_amounts
from pipeline.extract.table_semantics import YearKinds
from pipeline.extract.text_amounts import text_amounts
from pipeline.model import AmountRow, Document, DocumentRow


def extract_amounts(doc: Document, document: DocumentRow) -> list[AmountRow]:
    """Table figures, then text allocations, numbered in that order ("a0001" …).

    `document` (its doc_type and period) says what an undated or bare-year figure is.
    """
    tables = table_amounts(doc, document)
    years = YearKinds.of([r.column_label for r in tables if r.column_label], document)
    rows = tables + text_amounts(doc, document, years)
    for number, row in enumerate(rows, start=1):
        row.amount_id = f"a{number:04d}"
    return rows
