"""Reading order: detect a two-column page and read it column by column.

A page is two-column when many of its rows split at one vertical gutter into two wide
text segments. Rows that cross the gutter (full-width headings, paragraphs) or that look
like table rows (three or more gap-separated cells) interrupt the columns: everything
above them is read left column first, then right column. A page whose right side is a
grid of short cells beside one run of text per row is a table with a long text column
("Uppdrag | Ansvarig nämnd | Klart"), not two text columns, and is read row by row.
"""
from __future__ import annotations

from dataclasses import dataclass
from statistics import median

from pipeline.layout.lines import as_line, split_segments
from pipeline.model import Line, Word
from pipeline.text.numbers import parse_number


@dataclass(frozen=True)
class ColumnSettings:
    gutter_search: tuple[float, float]
    min_gutter_width: float
    min_split_lines: int
    max_crossing_share: float
    edge_reach: float
    segment_gap_em: float
    grid_share: float  # a text table, not two columns: rows of each side that look like a table's
    grid_align: float  # pt; cells starting this close share a sub-column


def order_rows(
    rows: list[list[Word]], page: int, width: float, cfg: ColumnSettings,
) -> tuple[list[tuple[Line, int]], int]:
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
        if _crosses(row, gutter, cfg) or _is_wide_table_row(row, gutter, body_left, cfg):
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
    """The x where many rows break off or start (or gap) and (almost) no row has a word across.

    Columns rarely share baselines, so a row usually holds one column only: a row that
    ends shortly before x, or starts shortly after it, votes for a gutter at x as much as
    a row with a wide gap there.
    """
    lo, hi = (int(width * f) for f in cfg.gutter_search)
    half = cfg.min_gutter_width / 2
    reach = int(cfg.edge_reach * width)
    votes = [0] * (hi - lo)
    crossings = [0] * (hi - lo)

    def vote(start: float, stop: float) -> None:
        for x in range(max(lo, int(start) + 1), min(hi, int(stop))):
            votes[x - lo] += 1

    for row in rows:
        vote(row[-1].x1 + half, row[-1].x1 + half + reach)
        vote(row[0].x0 - half - reach, row[0].x0 - half)
        for a, b in zip(row, row[1:]):
            vote(a.x1 + half, b.x0 - half)
        for w in row:
            for col in range(max(lo, int(w.x0) + 1), min(hi, int(w.x1))):
                crossings[col - lo] += 1
    score = [v - 3 * c for v, c in zip(votes, crossings)]
    if not score:
        return None
    best = _widest_top_run(score)
    if votes[best] < cfg.min_split_lines or crossings[best] > cfg.max_crossing_share * votes[best]:
        return None
    x = float(lo + best)
    left = [max(w.x1 for w in r if w.x1 <= x) - min(w.x0 for w in r) for r in rows if r[0].x1 <= x]
    right = [max(w.x1 for w in r) - min(w.x0 for w in r if w.x0 >= x) for r in rows if r[-1].x0 >= x]
    if len(left) < cfg.min_split_lines or len(right) < cfg.min_split_lines:
        return None
    if median(left) < 0.28 * width or median(right) < 0.28 * width:
        return None  # narrow cells side by side: a table, not two text columns
    if _is_text_table(rows, x, cfg):
        return None
    return x


def _widest_top_run(score: list[int]) -> int:
    """Middle of the widest run of top scores: where a table's column gap ties with the
    gutter between two tables side by side, the gutter is the wider gap."""
    top = max(score)
    runs: list[tuple[int, int]] = []
    for x, s in enumerate(score):
        if s != top:
            continue
        if runs and runs[-1][1] == x - 1:
            runs[-1] = (runs[-1][0], x)
        else:
            runs.append((x, x))
    first, last = max(runs, key=lambda r: r[1] - r[0])
    return (first + last) // 2


def _is_text_table(rows: list[list[Word]], x: float, cfg: ColumnSettings) -> bool:
    """Right of x, most rows are two or more cells starting at x positions the other rows
    share, and left of x most rows are one run of text: a table whose first column holds
    long text (a task beside its body and deadline), not a text column beside another.

    A right text column has one run per row; two tables side by side have figure cells
    on the left too, and stay split.
    """
    gap = cfg.segment_gap_em
    left = [split_segments([w for w in r if w.x1 <= x], gap) for r in rows if r[0].x1 <= x]
    right = [split_segments([w for w in r if w.x0 >= x], gap) for r in rows if r[-1].x0 >= x]
    starts = [seg[0].x0 for row in right for seg in row]

    def shared(start: float) -> bool:
        return sum(abs(s - start) <= cfg.grid_align for s in starts) >= max(2.0, cfg.grid_share * len(right))

    grid = sum(len(row) >= 2 and all(shared(seg[0].x0) for seg in row) for row in right)
    one_run = sum(len(row) == 1 for row in left)
    return grid >= cfg.grid_share * len(right) and one_run >= cfg.grid_share * len(left)


def _is_wide_table_row(row: list[Word], gutter: float, body_left: float, cfg: ColumnSettings) -> bool:
    """Cells on both sides of the gutter, unless one side is a column line of prose, or
    each side is a table row of its own (a label, then figures: two tables side by side)."""
    left = [w for w in row if w.x1 <= gutter]
    right = [w for w in row if w.x0 >= gutter]
    if not left or not right or len(split_segments(row, cfg.segment_gap_em)) < 3:
        return False
    column_width = gutter - body_left
    if _is_prose(left, column_width, cfg) or _is_prose(right, column_width, cfg):
        return False
    return not (_is_labelled_row(left, cfg) and _is_labelled_row(right, cfg))


def _is_labelled_row(words: list[Word], cfg: ColumnSettings) -> bool:
    """A label cell, then figures: "Socialnämnden  12 500  13 100"."""
    segments = split_segments(words, cfg.segment_gap_em)
    has_figure = lambda segment: any(parse_number(w.text) for w in segment)  # noqa: E731
    return len(segments) >= 2 and not has_figure(segments[0]) and any(map(has_figure, segments[1:]))


def _is_prose(words: list[Word], column_width: float, cfg: ColumnSettings) -> bool:
    """A line filling most of its column with one run of words and no figures."""
    span = words[-1].x1 - words[0].x0
    one_run = len(split_segments(words, cfg.segment_gap_em)) == 1
    return one_run and span >= 0.6 * column_width and not any(parse_number(w.text) for w in words)


def _crosses(row: list[Word], x: float, cfg: ColumnSettings) -> bool:
    """A word, or a word space narrower than a gutter, lies across x: a full-width line
    whose ordinary space falls in the gutter is one line, not two column lines."""
    return any(x0 < x < x1 for x0, x1 in _spans(row, cfg.min_gutter_width))


def _spans(row: list[Word], min_gap: float) -> list[tuple[float, float]]:
    """The row's runs of words: a space narrower than a gutter is part of the line it is in."""
    spans: list[tuple[float, float]] = []
    for w in row:
        if spans and w.x0 - spans[-1][1] < min_gap:
            spans[-1] = (spans[-1][0], max(spans[-1][1], w.x1))
        else:
            spans.append((w.x0, w.x1))
    return spans
