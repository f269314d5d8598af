"""Tesseract's words (pixel boxes of a rendered image) → the layout stage's `Word`s.

pdfplumber gives each word its font size and a box as tall as the font; Tesseract gives a
tight box round the ink. So every word of an OCR line gets the line's top and bottom (the
row grouping then sees one baseline) and a size estimated from ink heights: a word with
ascenders and descenders ("Tillvägagångssätt") is about as tall as its font, one of x-height
letters only ("av") half as tall. Figures are re-checked for Tesseract's misreadings.
"""
from __future__ import annotations

from collections import defaultdict
from statistics import median

from pipeline.model import Word
from pipeline.ocr import OcrWord
from pipeline.text.ocr_figures import joins_split_figure, recheck_figure

_ASCENDING = frozenset("bdfhklt0123456789ÅÄÖåäö!?/()[]{}|%&#@$§")
_DESCENDING = frozenset("gjpqy,;()[]{}|Q")
_X_HEIGHT, _ASCENDER, _DESCENDER = 0.5, 0.23, 0.21  # shares of the font size
_SPLIT_GAP = 0.25  # a gap narrower than this share of the line's height is no word space


def placed_words(words: list[OcrWord], scale: float, origin: tuple[float, float]) -> list[Word]:
    """`words` read at `scale` pixels per point from an image whose top-left corner stands at
    `origin` (PDF points) on the page, as Words in PDF points."""
    lines: dict[tuple[int, int, int], list[OcrWord]] = defaultdict(list)
    for word in words:
        lines[word.line].append(word)
    placed = []
    for line in lines.values():
        placed += _line_words(sorted(line, key=lambda w: w.left), scale, origin)
    return placed


def _line_words(line: list[OcrWord], scale: float, origin: tuple[float, float]) -> list[Word]:
    x, y = origin
    top, bottom = min(w.top for w in line), max(w.bottom for w in line)
    size = float(round(median(_font_pixels(w) for w in line) / scale))
    words = [
        Word(text=recheck_figure(w.text), x0=round(x + w.left / scale, 2), x1=round(x + w.right / scale, 2),
             top=round(y + top / scale, 2), bottom=round(y + bottom / scale, 2), size=size, bold=False, italic=False)
        for w in line
    ]
    return _joined(words, _SPLIT_GAP * (bottom - top) / scale)


def _font_pixels(word: OcrWord) -> float:
    """The font size, in pixels, that makes this word's ink as tall as it is."""
    letters = set(word.text)
    share = (_X_HEIGHT + _ASCENDER * bool(letters & _ASCENDING or any(c.isupper() for c in letters))
             + _DESCENDER * bool(letters & _DESCENDING))
    return (word.bottom - word.top) / share


def _joined(words: list[Word], max_gap: float) -> list[Word]:
    """Rejoin a figure Tesseract split at a narrow gap ("12" "34" → "1234")."""
    out: list[Word] = []
    for word in words:
        prev = out[-1] if out else None
        if prev is not None and word.x0 - prev.x1 < max_gap and joins_split_figure(prev.text, word.text):
            out[-1] = Word(prev.text + word.text, prev.x0, word.x1, prev.top, prev.bottom, prev.size, False, False)
        else:
            out.append(word)
    return out
