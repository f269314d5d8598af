"""Goals, indicators and measures: the political content of a budget as linked tables."""
from __future__ import annotations

from pipeline.model import Document, GoalRow, IndicatorRow, MeasureRow


def extract_political(doc: Document) -> tuple[list[GoalRow], list[IndicatorRow], list[MeasureRow]]:
    return [], [], []
