"""One tested relation between printed figures, and how it came out.

Shared by the arithmetic cross-checks and the unit plausibility checks; GX asserts over a
frame of these, and each one that does not pass becomes a finding.
"""
from __future__ import annotations

from dataclasses import dataclass

OK, ROUNDING, INCONSISTENT, UNEXPLAINED, INCOMPLETE = "ok", "rounding", "inconsistent", "unexplained", "incomplete"
PASSING = (OK, ROUNDING)
OUTCOMES = (OK, ROUNDING, INCONSISTENT, UNEXPLAINED, INCOMPLETE)


@dataclass(frozen=True)
class Check:
    """One relation tested on one printed figure (`found`, at amounts row `row`)."""

    doc_id: str
    row: int
    row_id: str | None
    page: int
    table_title: str | None
    row_label: str
    column_label: str
    check: str
    expected: float
    found: float
    tolerance: float
    outcome: str
    message: str

    @property
    def difference(self) -> float:
        return self.found - self.expected


def fmt(value: float) -> str:
    """A figure as a reader compares it with the PDF: space-grouped, no float noise."""
    text = f"{value:,.4f}".rstrip("0").rstrip(".")
    return text.replace(",", " ")
