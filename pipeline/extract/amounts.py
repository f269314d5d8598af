"""Amounts: every figure of the financial tables, and money allocated in running text."""
from __future__ import annotations

from dataclasses import dataclass

from pipeline.extract.table_amounts import column_labels, table_amounts
from pipeline.extract.table_recognition import financial_tables
from pipeline.extract.table_semantics import Vocabulary, YearKinds
from pipeline.extract.text_amounts import compile_patterns, text_amounts
from pipeline.model import AmountRow, Document, DocumentRow, UnplacedFigure
from pipeline.settings import Settings
from pipeline.tables import Table


@dataclass
class Amounts:
    rows: list[AmountRow]
    unplaced: list[UnplacedFigure]  # table figures no row holds: reported, not published


def extract_amounts(doc: Document, tables: list[Table], document: DocumentRow, settings: Settings) -> Amounts:
    """Table figures, then text allocations, numbered in that order ("a0001" …).

    `document` (its doc_type and period) says what an undated or bare-year figure is; the
    kinds of years are read once from all financial table headers, so a year has the
    same kind in tables and in text.
    """
    vocabulary = settings.derived(Vocabulary.of)
    financial = financial_tables(tables, vocabulary)
    years = YearKinds.of(column_labels(financial), document, vocabulary)
    rows, unplaced = table_amounts(document, financial, years)
    rows += text_amounts(doc, document, years, settings.derived(compile_patterns))
    for number, row in enumerate(rows, start=1):
        row.amount_id = f"a{number:04d}"
    return Amounts(rows, unplaced)
