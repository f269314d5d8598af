"""Swedish figures as Tesseract misreads them, put right before anything parses them.

OCR confuses the letters O/o with zero and l/I/| with one inside figures ("2O25", "l 234"),
and at a narrow gap it splits a figure in two ("12 34" for "1234"), which the number
parser (text/numbers.py) then refuses as a malformed thousands grouping. A text layer never
has these faults, so the re-check runs on OCR words only. A word is changed only when it is
a figure with a stray letter, never a word with a digit in it ("l:a", "Q1", "S").
"""
from __future__ import annotations

import re

_LOOKALIKES = str.maketrans({"O": "0", "o": "0", "l": "1", "I": "1", "|": "1"})
# a figure as Tesseract prints it: sign, digits (or their lookalikes), decimal comma or point,
# a percent sign; nothing else
_FIGURE_LIKE = re.compile(r"[−–+-]?[\dOolI|]+(?:[,.][\dOolI|]+)*%?")
# a minus sign read as two dashes ("—-1" for "−1"), or as an em dash, which alone means nil
_DASHES = re.compile(r"^(?:[—~]|[—–−~-]{2,3})(?=[\dOolI|])")
_FIGURE = re.compile(r"[−–+-]?\d+(?:[,.]\d+)?%?")
_DIGIT_RUN = re.compile(r"[−–+-]?\d+")
_CONTINUATION = re.compile(r"(?P<integer>\d+)(?:[,.]\d+)?%?")
_GROUP_DIGITS = 3  # a thousands group: what the word after a split-off digit run must not be


def recheck_figure(word: str) -> str:
    """The word with lookalike letters read as digits when it is a figure with at least as many
    real digits as lookalikes ("2O25" → "2025", "1O" → "10", "l00" → "100"), and its minus
    sign as one ("—-1" → "-1"); else unchanged."""
    word = _DASHES.sub("-", word)
    if not _FIGURE_LIKE.fullmatch(word):
        return word
    digits = sum(ch.isdigit() for ch in word)
    lookalikes = sum(ch in "OolI|" for ch in word)
    if digits == 0 or lookalikes > digits:
        return word
    return word.translate(_LOOKALIKES)


def is_figure(word: str) -> bool:
    """A word that is a figure as printed (sign, digits, decimals, percent): Tesseract is often
    unsure of one it reads right, because a figure has no dictionary word to lean on."""
    return bool(_FIGURE.fullmatch(word))


def joins_split_figure(left: str, right: str) -> bool:
    """Whether `right`, printed just after `left` at a gap narrower than a word space, is the
    rest of one figure: `left` is a digit run and `right` digits that are not a thousands group
    ("12" "34" → "1234"; "1" "234" stays the grouping of one thousand two hundred …)."""
    continuation = _CONTINUATION.fullmatch(right)
    return (bool(_DIGIT_RUN.fullmatch(left)) and continuation is not None
            and len(continuation["integer"]) != _GROUP_DIGITS)
