"""A sentence of running text with its numbers masked, so that the constructions
(constructions.py) see a number only whole and only as numbers.find_numbers reads it:
"Totalt 1500 tkr" never yields "500 tkr"."""
from __future__ import annotations

import re
from dataclasses import dataclass

from pipeline.text.numbers import NumberSpan, ParsedNumber, find_numbers
from pipeline.text.years import YearRange

# One private-use character per printed character of a number: offsets stay those of the text.
MASK = "\ue000"
NUMBER = f"{MASK}+"
_RANGE_AFTER = re.compile(r"\s*[-–—]\s*\d")  # "2026 – 2030": the first year of a range
_RANGE_BEFORE = re.compile(r"\d\s*[-–—]\s*$")


@dataclass(frozen=True)
class Dating:
    """Which figures of a sentence are years that date its money: in the year range, and not
    after or before what marks a reference, a date or a comparison (configs/amounts.yaml
    text.undated_year_before / undated_year_after)."""

    years: YearRange
    undated_before: re.Pattern[str]
    undated_after: re.Pattern[str]


@dataclass(frozen=True)
class Sentence:
    """A sentence as printed, and the same sentence with its numbers masked (same offsets)."""

    text: str
    masked: str
    numbers: dict[int, NumberSpan]  # by start offset
    dating: Dating

    @classmethod
    def of(cls, text: str, dating: Dating) -> Sentence:
        spans = find_numbers(text)
        chars = list(text)
        for span in spans:
            chars[span.start : span.end] = MASK * (span.end - span.start)
        return cls(text, "".join(chars), {span.start: span for span in spans}, dating)

    @property
    def opening(self) -> int:
        """Where the sentence's first word starts (after spaces and footnote marks)."""
        return len(self.masked) - len(self.masked.lstrip(" *\"”„"))

    def group(self, m: re.Match[str], name: str) -> str:
        """A matched group as printed (its numbers unmasked)."""
        return self.text[m.start(name) : m.end(name)]

    def amount(self, m: re.Match[str]) -> tuple[int, ParsedNumber]:
        """Where the amount of a match starts, and the number it is."""
        return m.start("num"), self.numbers[m.start("num")].number

    def year(self, start: int) -> int | None:
        """The year the number at `start` is: one in the year range, not part of a range, a
        reference, a date or a comparison."""
        span = self.numbers.get(start)
        before, after = self.dating.undated_before, self.dating.undated_after
        if (span is None or _RANGE_AFTER.match(self.text, span.end) or _RANGE_BEFORE.search(self.text[:start])
                or before.search(self.text[:start]) or after.match(self.text, span.end)):
            return None
        found = self.dating.years.years_in(self.text[span.start : span.end])
        return found[0] if found and span.number.value == found[0] else None

    def one_year(self, start: int = 0, end: int | None = None) -> int | None:
        """The one year the sentence (or its text from `start` to `end`) states."""
        end = len(self.text) if end is None else end
        found = {year for at in self.numbers if start <= at < end and (year := self.year(at)) is not None}
        return found.pop() if len(found) == 1 else None
