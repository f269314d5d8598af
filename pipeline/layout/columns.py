"""Reading order: detect a two-column page and read it column by column.

A page is two-column when many of its rows split at one vertical gutter into two wide
text segments. Rows that cross the gutter (full-width headings, paragraphs) or that look
like table rows (three or more gap-separated cells) interrupt the columns: everything
above them is read left column first, then right column.
"""
from __future__ import annotations

from dataclasses import dataclass
from statistics import median

from pipeline.extract.numbers import parse_number
from pipeline.layout.lines import as_line, split_segments
from pipeline.model import Line, Word


@dataclass(frozen=True)
class ColumnSettings:
    gutter_search: tuple[float, float]
    min_gutter_width: float
    min_split_share: float
    min_split_lines: int
    segment_gap_em: float


def order_rows(rows: list[list[Word]], page: int, width: float, cfg: ColumnSettings) -> tuple[list[tuple[Line, int]], int]:
    """Return the page's lines in reading order with their column (0 = full width)."""
    gutter = find_gutter(rows, width, cfg)
    if gutter is None:
        return [(as_line(r, page), 0) for r in rows], 1
    ordered: list[tuple[Line, int]] = []
    left: list[Line] = []
    right: list[Line] = []

    def flush() -> None:
        ordered.extend((ln, 1) for ln in left)
        ordered.extend((ln, 2) for ln in right)
        left.clear()
        right.clear()

    body_left = min((w.x0 for r in rows for w in r), default=0.0)
    for row in rows:
        if _crosses(row, gutter) or _is_wide_table_row(row, gutter, body_left, cfg):
            flush()
            ordered.append((as_line(row, page), 0))
            continue
        lw = [w for w in row if w.x1 <= gutter]
        rw = [w for w in row if w.x0 >= gutter]
        if lw:
            left.append(as_line(lw, page))
        if rw:
            right.append(as_line(rw, page))
    flush()
    return ordered, 2


def find_gutter(rows: list[list[Word]], width: float, cfg: ColumnSettings) -> float | None:
    lo, hi = (int(width * f) for f in cfg.gutter_search)
    half = cfg.min_gutter_width / 2
    votes = [0] * (hi - lo)
    for row in rows:
        for a, b in zip(row, row[1:]):
            for x in range(max(lo, int(a.x1 + half) + 1), min(hi, int(b.x0 - half))):
                votes[x - lo] += 1
    if not votes or max(votes) < max(cfg.min_split_lines, cfg.min_split_share * len(rows)):
        return None
    first = votes.index(max(votes))
    last = first
    while last + 1 < len(votes) and votes[last + 1] == votes[first]:
        last += 1
    x = lo + (first + last) / 2
    split = [r for r in rows if _gap_at(r, x - half, x + half)]
    left_widths = [max(w.x1 for w in r if w.x1 <= x) - min(w.x0 for w in r) for r in split]
    right_widths = [max(w.x1 for w in r) - min(w.x0 for w in r if w.x0 >= x) for r in split]
    if median(left_widths) < 0.28 * width or median(right_widths) < 0.28 * width:
        return None  # narrow cells side by side: a table, not two text columns
    return x


def _is_wide_table_row(row: list[Word], gutter: float, body_left: float, cfg: ColumnSettings) -> bool:
    """Cells on both sides of the gutter, unless one side is a column line of prose."""
    left = [w for w in row if w.x1 <= gutter]
    right = [w for w in row if w.x0 >= gutter]
    if not left or not right or len(split_segments(row, cfg.segment_gap_em)) < 3:
        return False
    column_width = gutter - body_left
    return not (_is_prose(left, column_width) or _is_prose(right, column_width))


def _is_prose(words: list[Word], column_width: float) -> bool:
    """A line filling most of its column with words and no figures."""
    span = words[-1].x1 - words[0].x0
    return span >= 0.6 * column_width and not any(parse_number(w.text) for w in words)


def _gap_at(row: list[Word], a: float, b: float) -> bool:
    has_left = has_right = False
    for w in row:
        if w.x1 > a and w.x0 < b:
            return False
        has_left |= w.x1 <= a
        has_right |= w.x0 >= b
    return has_left and has_right


def _crosses(row: list[Word], x: float) -> bool:
    return any(w.x0 < x < w.x1 for w in row)
