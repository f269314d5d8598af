"""Years as budget documents print them: four digits within the configured range.

A figure like 2026 is a year only inside the range of years budgets speak of
(configs/amounts.yaml tables.year_range); 1234 or 9000 is a number.
"""
from __future__ import annotations

import re
from functools import cache

from pipeline import config
from pipeline.text.numbers import without_footnote_mark

_FOUR_DIGITS = re.compile(r"(?<!\d)\d{4}(?!\d)")


@cache
def _year_range() -> tuple[int, int]:
    lo, hi = config.load("amounts")["tables"]["year_range"]
    return int(lo), int(hi)


def years_in(text: str) -> list[int]:
    """The years a text states: four-digit figures in the configured year range."""
    lo, hi = _year_range()
    return [int(m) for m in _FOUR_DIGITS.findall(text) if lo <= int(m) <= hi]


def is_year_text(text: str) -> bool:
    """A cell that is a year and nothing else ("2026", "2026*" with a footnote mark)."""
    digits = without_footnote_mark(text).strip()
    return len(digits) == 4 and digits.isdigit() and years_in(digits) == [int(digits)]


def year_of(label: str) -> int | None:
    """The last year a label names ("Budget 2025 jämfört med 2026" → 2026)."""
    found = years_in(label)
    return found[-1] if found else None
