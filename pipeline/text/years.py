"""Years as budget documents print them: four digits within the configured range.

A figure like 2026 is a year only inside the range of years budgets speak of
(configs/amounts.yaml tables.year_range); 1234 or 9000 is a number.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from pipeline.text.numbers import without_footnote_mark

_FOUR_DIGITS = re.compile(r"(?<!\d)\d{4}(?!\d)")


@dataclass(frozen=True)
class YearRange:
    """The years budgets speak of; layout and extract both tell a year from a figure by it."""

    first: int
    last: int

    def years_in(self, text: str) -> list[int]:
        """The years a text states: four-digit figures in the range."""
        return [int(m) for m in _FOUR_DIGITS.findall(text) if self.first <= int(m) <= self.last]

    def is_year_text(self, text: str) -> bool:
        """A cell that is a year and nothing else ("2026", "2026*" with a footnote mark)."""
        digits = without_footnote_mark(text).strip()
        return len(digits) == 4 and digits.isdigit() and self.years_in(digits) == [int(digits)]

    def year_of(self, label: str) -> int | None:
        """The last year a label names ("Budget 2025 jämfört med 2026" → 2026)."""
        found = self.years_in(label)
        return found[-1] if found else None
