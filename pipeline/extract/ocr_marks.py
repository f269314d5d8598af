"""Rows read from OCR say so: "ocr:" before their rule, and the pages OCR could not read.

Done once over the finished rows, not in each extractor: a row is OCR's when it stands in
a part of its page that OCR read (the page's `OcrRegion`s, whose confidence layout.json
keeps), so every extractor, present and future, is covered by the same test, and a user
filtering on `rule LIKE 'ocr:%'` finds every figure a machine read off an image.
"""
from __future__ import annotations

from dataclasses import replace
from typing import TypeVar

from pipeline.contract import AmountRow, DocumentStatus, Evidence, GoalRow, IndicatorRow, MeasureRow
from pipeline.model import Document, Extraction, OcrGap, PageInfo

MARK = "ocr:"
R = TypeVar("R", GoalRow, IndicatorRow, MeasureRow, AmountRow)


def mark_ocr(x: Extraction, doc: Document) -> Extraction:
    """`x` with its OCR rows marked, the pages OCR missed listed, and the document partial
    when OCR missed any."""
    read = {p.number: p for p in doc.pages if p.ocr}
    gaps = [OcrGap(doc.doc_id, p.number, p.ocr_missing) for p in doc.pages if p.ocr_missing]
    document = x.document
    if gaps and document.status == DocumentStatus.OK:
        document = replace(document, status=DocumentStatus.PARTIAL)
    return replace(
        x, document=document, ocr_gaps=gaps,
        goals=_marked(x.goals, read), indicators=_marked(x.indicators, read),
        measures=_marked(x.measures, read), amounts=_marked(x.amounts, read),
    )


def _marked(rows: list[R], read: dict[int, PageInfo]) -> list[R]:
    return [replace(r, rule=MARK + r.rule) if _from_ocr(r, read.get(r.page)) else r for r in rows]


def _from_ocr(row: Evidence, page: PageInfo | None) -> bool:
    """The row's box has its centre in a region OCR read; a row without a box, when its page
    was read whole (it has no text layer)."""
    if page is None:
        return False
    if row.x0 is None or row.x1 is None or row.top is None or row.bottom is None:
        return not page.has_text
    x, y = (row.x0 + row.x1) / 2, (row.top + row.bottom) / 2
    return any(r.bbox[0] <= x <= r.bbox[2] and r.bbox[1] <= y <= r.bbox[3] for r in page.ocr)
