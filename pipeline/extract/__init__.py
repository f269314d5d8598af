"""Extract stage: the document model and its tables → rows of the published datasets.

Each extractor reads only the layout model and the tables stage's tables (never the PDF)
and returns typed rows that carry doc_id and page from the moment they are made.
"""
from __future__ import annotations

from dataclasses import replace
from typing import cast

from pipeline.extract.amounts import extract_amounts
from pipeline.extract.document_fields import document_fields
from pipeline.extract.kpi import link_kpis
from pipeline.extract.ocr_marks import mark_ocr
from pipeline.extract.political import extract_political
from pipeline.model import Document, Extraction
from pipeline.settings import Settings
from pipeline.tables import Table


def extract(doc: Document, tables: list[Table], settings: Settings) -> Extraction:
    """`tables` are the tables stage's (`stage_tables`): amounts read its figure tables, the
    political reader its text-cell reading of every table block."""
    document = document_fields(doc, settings)
    figures = [t for t in tables if t.reading == "figures"]
    # a manifesto's promises are not a budget's goals
    goals, indicators, measures = (
        ([], [], []) if document.doc_type == "not_budget"
        else extract_political(doc, settings, document.doc_type, [t for t in tables if t.reading == "cells"])
    )
    amounts = extract_amounts(doc, figures, document, settings)
    extraction = Extraction(document=document, goals=goals, indicators=indicators, measures=measures,
                            amounts=amounts.rows, unplaced=amounts.unplaced)
    qualified = qualify_ids(mark_ocr(extraction, doc))
    return replace(qualified, indicator_kpi=link_kpis(qualified.indicators, document, settings))


def qualify_ids(x: Extraction) -> Extraction:
    """Prefix every row id with its doc_id.

    Ids then stay unique across documents, so the published data package can declare
    goal_id as a key that indicators and measures refer to without a composite key
    (whose null halves Frictionless would reject).
    """
    def q(value: str | None) -> str | None:
        return None if value is None or value.startswith(x.document.doc_id) else f"{x.document.doc_id}-{value}"

    def key(value: str) -> str:
        return cast(str, q(value))  # a row's own id: set, and not qualified yet

    return Extraction(
        document=x.document,
        goals=[replace(g, goal_id=key(g.goal_id), parent_goal_id=q(g.parent_goal_id)) for g in x.goals],
        indicators=[replace(i, indicator_id=key(i.indicator_id), goal_id=q(i.goal_id)) for i in x.indicators],
        measures=[replace(m, measure_id=key(m.measure_id), goal_id=q(m.goal_id)) for m in x.measures],
        amounts=[replace(a, amount_id=key(a.amount_id)) for a in x.amounts],
        unplaced=x.unplaced,
        ocr_gaps=x.ocr_gaps,
    )
