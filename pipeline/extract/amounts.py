"""Amounts: every figure of the financial tables, and money allocated in running text."""
from __future__ import annotations

from dataclasses import dataclass

from pipeline.extract.table_amounts import column_labels, financial_tables, table_amounts
from pipeline.extract.table_semantics import YearKinds
from pipeline.extract.text_amounts import text_amounts
from pipeline.model import AmountRow, Document, DocumentRow, UnplacedFigure
from pipeline.tables import Table


@dataclass
class Amounts:
    rows: list[AmountRow]
    unplaced: list[UnplacedFigure]  # table figures no row holds: reported, not published


def extract_amounts(doc: Document, tables: list[Table], document: DocumentRow) -> Amounts:
    """Table figures, then text allocations, numbered in that order ("a0001" …).

    `document` (its doc_type and period) says what an undated or bare-year figure is; the
    kinds of years are read once from all financial table headers, so a year has the
    same kind in tables and in text.
    """
    financial = financial_tables(tables)
    years = YearKinds.of(column_labels(financial), document)
    rows, unplaced = table_amounts(document, financial, years)
    rows += text_amounts(doc, document, years)
    for number, row in enumerate(rows, start=1):
        row.amount_id = f"a{number:04d}"
    return Amounts(rows, unplaced)
