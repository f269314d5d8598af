"""Amounts: every figure of the financial tables, and money allocated in running text."""
from __future__ import annotations

from pipeline.extract.table_amounts import table_amounts
from pipeline.extract.text_amounts import text_amounts
from pipeline.model import AmountRow, Document


def extract_amounts(doc: Document) -> list[AmountRow]:
    """Table figures, then text allocations, numbered in that order ("a0001" …)."""
    tables = table_amounts(doc)
    rows = tables + text_amounts(doc, len(tables))
    for number, row in enumerate(rows, start=1):
        row.amount_id = f"a{number:04d}"
    return rows
