"""Words → physical lines, and lines → gap-separated segments."""
from __future__ import annotations

from pipeline.model import Line, Word


def group_rows(words: list[Word], page: int, y_tolerance: float) -> list[list[Word]]:
    """Cluster words that share a baseline into rows spanning the whole page width.

    Two words are on one row when their vertical extents overlap by more than half of
    the smaller one, so superscripts and mixed font sizes stay on their line.
    """
    rows: list[list[Word]] = []
    for word in sorted(words, key=lambda w: (w.bottom, w.x0)):
        for row in reversed(rows[-3:]):
            if _same_row(row, word, y_tolerance):
                row.append(word)
                break
        else:
            rows.append([word])
    for row in rows:
        row.sort(key=lambda w: w.x0)
    rows.sort(key=lambda r: min(w.top for w in r))
    return rows


def _same_row(row: list[Word], word: Word, y_tolerance: float) -> bool:
    top = min(w.top for w in row)
    bottom = max(w.bottom for w in row)
    if abs(bottom - word.bottom) <= y_tolerance:
        return True
    overlap = min(bottom, word.bottom) - max(top, word.top)
    return overlap > 0.5 * min(bottom - top, word.bottom - word.top)


def split_segments(words: list[Word], gap_em: float) -> list[list[Word]]:
    """Split a row of words wherever the horizontal gap exceeds `gap_em` font sizes."""
    segments: list[list[Word]] = []
    for word in sorted(words, key=lambda w: w.x0):
        if segments:
            prev = segments[-1][-1]
            if word.x0 - prev.x1 <= gap_em * max(prev.size, word.size):
                segments[-1].append(word)
                continue
        segments.append([word])
    return segments


def as_line(words: list[Word], page: int) -> Line:
    return Line(page=page, words=sorted(words, key=lambda w: w.x0))
