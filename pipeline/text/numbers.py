"""Parse numbers as printed in Swedish municipal budget documents.

Budget PDFs print amounts Swedish-style ("2 421 049", "−54 778", "44,0",
"96,6 %") and the text layer mixes several kinds of space and dash characters
for the same visual glyph. This module turns such text into floats while
refusing anything ambiguous (dates, ranges, malformed digit groups): a refused
cell is flagged for review later, whereas a wrongly accepted one silently
corrupts the extracted budget.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# Characters that PDF text layers use between thousands groups: plain space,
# no-break space, narrow no-break space and thin space.
_GROUP_SEPARATOR = "[ \u00a0\u202f\u2009]"

# Hyphen-minus, minus sign and en dash all appear as the minus sign in
# budget tables, depending on which program produced the PDF.
_MINUS_SIGNS = frozenset("-\u2212\u2013")
_SIGNS = _MINUS_SIGNS | {"+"}
# The signs as the inside of a regex character class ("-" must be escaped).
_SIGN_CLASS = re.escape("".join(sorted(_SIGNS)))

# Footnote references printed right after a figure or year in a table cell ("12 345*",
# "1 234¹", "2025†"): typographic marks, not digits of the figure.
_FOOTNOTE_MARKS = "*\u2020\u2021\u00b9\u00b2\u00b3\u2070\u2074\u2075\u2076\u2077\u2078\u2079"

# A lone dash in a table cell means "nil / not applicable", which is not the
# same as zero; the em dash only ever appears in that role.
_NIL_MARKS = frozenset({"-", "\u2013", "\u2014", "\u2212"})

# Unsigned number body. Groups after the first must be exactly three digits,
# so a year followed by an amount ("2021 600") never merges into one number.
# Dots are read as thousands separators only when there are at least two
# groups ("1.234.567"): a single "12.500" is more likely a decimal from an
# English-formatted table than a thousands-grouped Swedish integer.
# Leading zeros are refused ("007", "0 500") because amounts never carry them
# and codes or phone numbers do.
_BODY = rf"""
    (?P<dotted>[1-9]\d{{0,2}}(?:\.\d{{3}}){{2,}})
  | (?P<integer>[1-9]\d{{0,2}}(?:{_GROUP_SEPARATOR}\d{{3}})+|0|[1-9]\d*)
    (?:[,.](?P<fraction>\d+))?
"""
_BODY_RE = re.compile(_BODY, re.VERBOSE)

# A number token in running text. Parentheses are not read as negation here,
# because in prose they enclose remarks ("budgeten (600 tkr)"), and the sign
# must touch the digits because a spaced dash in prose is punctuation.
# The lookarounds reject tokens glued to letters, to other digits through a
# dash (dates, ranges, phone numbers) or to a further decimal part ("1,2,3").
# They also reject a token that sits one separator away from another digit
# run unless the run ending at that separator has at least four digits:
# greedy grouping has already merged every well-formed thousands group, so
# short neighbouring runs mean a malformed grouping ("2 42 049") or a phone
# number ("123 45 67"), whereas a year before an amount ("2021 600") is fine.
_TOKEN_RE = re.compile(
    rf"""
    (?<![\w.,{_SIGN_CLASS}])
    (?:(?<!\d{_GROUP_SEPARATOR})|(?<=\d{{4}}{_GROUP_SEPARATOR}))
    (?P<sign>[{_SIGN_CLASS}])?
    (?:{_BODY})
    (?:{_GROUP_SEPARATOR}?(?P<percent>%))?
    (?!\w|[.,{_SIGN_CLASS}]\d)
    (?:(?<!\d)|(?<=\d{{4}})|(?!{_GROUP_SEPARATOR}[{_SIGN_CLASS}]?\d))
    """,
    re.VERBOSE,
)

_GROUP_SEPARATOR_RE = re.compile(_GROUP_SEPARATOR)


@dataclass(frozen=True, slots=True)
class ParsedNumber:
    """A number as printed in a document.

    ``value`` keeps percentages on their printed scale (96.6 for "96,6 %"),
    so it can be compared with other printed figures without rescaling.
    ``decimals`` is the number of printed decimal digits; validation needs it
    because a printed sum may differ from the sum of printed parts by rounding.
    """

    value: float
    is_percent: bool
    decimals: int


@dataclass(frozen=True, slots=True)
class NumberSpan:
    """A number found in running text, located by ``text[start:end]``."""

    start: int
    end: int
    number: ParsedNumber


def is_nil(text: str) -> bool:
    """Return True if a cell holds only a dash, the table mark for "no value".

    Kept separate from :func:`parse_number` so callers can tell an explicitly
    empty cell apart from one whose text could not be read as a number.
    """
    return text.strip() in _NIL_MARKS


def without_footnote_mark(text: str) -> str:
    """A table cell's text without the footnote marks after it ("1 234¹" → "1 234")."""
    return text.rstrip().rstrip(_FOOTNOTE_MARKS).rstrip()


def parse_number(text: str) -> ParsedNumber | None:
    """Parse a table cell whose whole text is one number, else return None.

    Accepts a leading sign (optionally followed by a space), or enclosing
    parentheses as the accounting notation for a negative number, and an
    optional trailing percent sign. Negative zero is returned as 0.0 so that
    it prints and compares like the zero it denotes.
    """
    body = text.strip()
    negative = False
    parenthesized = body.startswith("(") and body.endswith(")")
    if parenthesized:
        body = body[1:-1].strip()
        negative = True
    is_percent = body.endswith("%")
    if is_percent:
        body = body[:-1].rstrip()
    if not parenthesized and body[:1] in _SIGNS:
        negative = body[0] in _MINUS_SIGNS
        body = body[1:].lstrip()
    match = _BODY_RE.fullmatch(body)
    if match is None:
        return None
    return _to_parsed(match, negative=negative, is_percent=is_percent)


def find_numbers(text: str) -> list[NumberSpan]:
    """Find the number tokens in running text, in order of appearance.

    Thousands groups separated by a single space-like character are kept
    together ("2 421 049"), but only while every following group has exactly
    three digits, so "2021 uppgår" and "2021 600" each stay separate numbers.
    Digit runs that cannot be read unambiguously are skipped rather than split
    into guessed fragments: dash-joined digits (dates, ranges, phone numbers)
    and malformed groupings such as "2 42 049".
    """
    return [
        NumberSpan(
            start=match.start(),
            end=match.end(),
            number=_to_parsed(
                match,
                negative=match["sign"] in _MINUS_SIGNS,
                is_percent=match["percent"] is not None,
            ),
        )
        for match in _TOKEN_RE.finditer(text)
    ]


def _to_parsed(match: re.Match[str], *, negative: bool, is_percent: bool) -> ParsedNumber:
    """Build a ParsedNumber from a match of the ``_BODY`` groups.

    The digits are handed to ``float`` as a decimal string so the result is
    the float nearest the printed value, with no accumulated arithmetic error.
    """
    if match["dotted"] is not None:
        digits = match["dotted"].replace(".", "")
        decimals = 0
    else:
        digits = _GROUP_SEPARATOR_RE.sub("", match["integer"])
        fraction = match["fraction"] or ""
        decimals = len(fraction)
        if fraction:
            digits = f"{digits}.{fraction}"
    value = float(digits)
    if negative and value != 0:
        value = -value
    return ParsedNumber(value=value, is_percent=is_percent, decimals=decimals)


def printed_decimals(value: float, max_decimals: int) -> int:
    """Decimals the printed figure had, as far as its float tells (44,0 reads as 0).

    Underestimating is safe: fewer decimals means a larger rounding tolerance.
    """
    for decimals in range(max_decimals + 1):
        if abs(round(value, decimals) - value) < 10 ** -(max_decimals + 2):
            return decimals
    return max_decimals
