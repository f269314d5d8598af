"""Table regions on a page: tables drawn with rules, borderless runs of figure rows, and
grids of text cells under a column header ("Uppdrag | Ansvarig nämnd").

Only the region is decided here (which lines belong to a table); the tables stage
(pipeline/tables/) builds the cell grid from the region's word positions.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

import pdfplumber.page

from pipeline.layout.blocks import BlockSettings, PlacedLine, is_table_row
from pipeline.layout.lines import split_segments
from pipeline.model import Line
from pipeline.text.normalise import normalise_space
from pipeline.text.numbers import is_nil, parse_number, without_footnote_mark
from pipeline.text.years import YearRange

Box = tuple[float, float, float, float]


def ruled_tables(page: pdfplumber.page.Page) -> list[Box]:
    """Bounding boxes of tables drawn with rules (at least 2 × 2 cells)."""
    if len(page.lines) + len(page.rects) < 4:
        return []
    boxes = []
    for table in page.find_tables({"vertical_strategy": "lines", "horizontal_strategy": "lines"}):
        rows = table.rows
        if len(rows) >= 2 and max(len(r.cells) for r in rows) >= 2:
            boxes.append(table.bbox)
    return boxes


def _is_number(text: str) -> bool:
    """A figure cell, also with a footnote mark after it ("1 234¹"), or a nil cell."""
    return parse_number(without_footnote_mark(text)) is not None or is_nil(text)


@dataclass(frozen=True)
class RegionSettings:
    """How far a table region reaches beyond its figure rows (configs/layout.yaml `tables`)."""

    row_gap_em: float  # vertical gap between two lines of one table
    pitch_tolerance: float  # rows set at a regular pitch: steps this close (share) are one pitch …
    max_pitch_em: float  # … of at most this many font sizes from top to top
    bridge_lines: int  # label-only lines a table may hold between two figure rows
    bridge_words: int  # a longer line is prose, not a wrapped label or group row
    header_lines: int
    header_cues: re.Pattern[str]
    grid_max_columns: int  # a text grid's header has this many cells at most …
    grid_header_words: int  # … of this many words at most
    years: YearRange  # a header line's figures are years


def mark_tables(lines: list[tuple[Line, int]], ruled: list[Box], cfg: BlockSettings,
                rs: RegionSettings) -> list[PlacedLine]:
    """Mark the page's table lines: a ruled table holding figure rows, or a run of figure rows
    with the wrapped labels, group rows and column headers that belong to it."""
    placed = [PlacedLine(ln, col) for ln, col in lines]
    rowlike = [_is_row(pl.line, cfg) for pl in placed]
    for box in ruled:
        inside = [k for k, pl in enumerate(placed) if _inside(pl.line, box)]
        if sum(rowlike[k] for k in inside) >= 2:
            for k in inside:
                placed[k].in_table = True
    i = 0
    while i < len(placed):
        if not rowlike[i]:
            i += 1
            continue
        j = i
        while True:
            nxt = _next_row(placed, rowlike, j, rs)
            if nxt is None:
                break
            j = nxt
        start = _extend_header(placed, i, _step_after(placed, rowlike, i, rs), cfg, rs)
        headed = start < i and placed[start].line.bold
        if sum(rowlike[i : j + 1]) >= 2 or headed:  # or one figure row under a bold column header
            j = _wrapped_tail(placed, i, j, rs)
            for pl in placed[start : j + 1]:
                pl.in_table = True
        i = j + 1
    _mark_text_grids(placed, cfg, rs)
    return placed


def _mark_text_grids(placed: list[PlacedLine], cfg: BlockSettings, rs: RegionSettings) -> None:
    """A header row of short text cells, and the lines below whose cells all start at its
    columns and stay inside them (wrapped cells may fill one column only)."""
    i = 0
    while i < len(placed):
        columns = None if placed[i].in_table else _header_columns(placed[i].line, cfg, rs)
        if columns is None:
            i += 1
            continue
        j, multi = i, 0
        for k in range(i + 1, len(placed)):
            line, prev = placed[k].line, placed[k - 1].line
            if placed[k].column != placed[i].column or line.page != prev.page:
                break
            if line.top - prev.bottom > rs.row_gap_em * line.size:
                break
            cells = split_segments(line.words, cfg.cell_gap_em)
            if not all(_fits(cell, columns) for cell in cells):
                break
            multi += len(cells) >= 2
            j = k
        if j - i >= 2 and multi >= 2:
            for pl in placed[i : j + 1]:
                pl.in_table = True
            i = j + 1
        else:
            i += 1


def _header_columns(line: Line, cfg: BlockSettings, rs: RegionSettings) -> list[float] | None:
    cells = split_segments(line.words, cfg.cell_gap_em)
    if not 2 <= len(cells) <= rs.grid_max_columns:
        return None
    texts = [" ".join(w.text for w in cell) for cell in cells]
    if any(len(cell) > rs.grid_header_words or not any(ch.isalpha() for ch in t) for cell, t in zip(cells, texts)):
        return None
    return [cell[0].x0 for cell in cells]


def _fits(cell: list, columns: list[float]) -> bool:
    """The cell starts at a column and ends before the next column starts."""
    for n, start in enumerate(columns):
        if abs(cell[0].x0 - start) <= 4:
            return n + 1 == len(columns) or cell[-1].x1 <= columns[n + 1] + 2
    return False


def _is_row(line: Line, cfg: BlockSettings) -> bool:
    """A figure row; also one with text cells after its figure ("Medicinsk IT | 6 287 | Från nämnd")."""
    if is_table_row(line, cfg, _is_number):
        return True
    cells = [normalise_space(" ".join(w.text for w in seg)) for seg in split_segments(line.words, cfg.cell_gap_em)]
    return len(cells) >= 3 and any(_is_number(c) for c in cells[1:])


def _next_row(placed: list[PlacedLine], rowlike: list[bool], j: int, rs: RegionSettings) -> int | None:
    """Index of the next figure row that continues the run ending at j, if any.

    Up to `bridge_lines` short label-only lines may stand between (wrapped labels, group
    rows such as "Investeringsverksamheten"); each must sit at table line spacing.
    """
    for k in range(j + 1, min(len(placed), j + 2 + rs.bridge_lines)):
        line, prev = placed[k].line, placed[k - 1].line
        if line.page != prev.page:
            return None
        if line.top - prev.bottom > rs.row_gap_em * line.size and not (
            rowlike[k] and _regular_step(placed, rowlike, j, k, rs)
        ):
            return None
        if rowlike[k]:
            return None if k > j + 1 and _is_header(line, rs.years) else k  # a new table's header after its title
        if len(line.words) > rs.bridge_words or abs(line.size - prev.size) > 1.0:
            return None
    return None


def _regular_step(placed: list[PlacedLine], rowlike: list[bool], j: int, k: int, rs: RegionSettings) -> bool:
    """Figure rows j and k are set at the table's pitch: airy tables (8 pt text, a row every
    26 pt) leave wider gaps than `row_gap_em`, but their rows follow each other at one step.
    The step from j to k must match the step into j or the step out of k."""
    step = placed[k].line.top - placed[j].line.top
    neighbours = (_step_before(placed, rowlike, j, rs), _step_after(placed, rowlike, k, rs))
    return step <= rs.max_pitch_em * placed[k].line.size and any(
        other is not None and abs(step - other) <= rs.pitch_tolerance * step for other in neighbours)


def _step_before(placed: list[PlacedLine], rowlike: list[bool], j: int, rs: RegionSettings) -> float | None:
    """Top-to-top step from the figure row before j (within bridge reach, same page) to j."""
    for p in range(j - 1, max(-1, j - 2 - rs.bridge_lines), -1):
        if placed[p].line.page != placed[j].line.page:
            return None
        if rowlike[p]:
            return placed[j].line.top - placed[p].line.top
    return None


def _step_after(placed: list[PlacedLine], rowlike: list[bool], k: int, rs: RegionSettings) -> float | None:
    """Top-to-top step from k to the next figure row (within bridge reach, same page)."""
    for n in range(k + 1, min(len(placed), k + 2 + rs.bridge_lines)):
        if placed[n].line.page != placed[k].line.page:
            return None
        if rowlike[n]:
            return placed[n].line.top - placed[k].line.top
    return None


def _is_header(line: Line, years: YearRange) -> bool:
    """A column-header line: its only figures are years ("Budget 2021 Plan 2022")."""
    figures = [w.text for w in line.words if _is_number(w.text)]
    return bool(figures) and all(years.is_year_text(f) for f in figures)


def _wrapped_tail(placed: list[PlacedLine], i: int, j: int, rs: RegionSettings) -> int:
    """The last row's label may wrap onto a line below it, set closer than rows are set."""
    gaps = sorted(placed[k + 1].line.top - placed[k].line.bottom for k in range(i, j))
    pitch = gaps[len(gaps) // 2] if gaps else 0.0
    while j + 1 < len(placed):
        line, prev = placed[j + 1].line, placed[j].line
        gap = line.top - prev.bottom
        if line.page != prev.page or len(line.words) > rs.bridge_words or not 0 <= gap < 0.6 * pitch:
            break
        j += 1
    return j


def _extend_header(placed: list[PlacedLine], i: int, pitch: float | None, cfg: BlockSettings,
                   rs: RegionSettings) -> int:
    """Include the column header above the first figure row, and the group rows between
    ("TILLGÅNGAR", "Nämnd och förvaltning"): the topmost header-like line within reach. A
    header right above the first row may stand as far above it as the rows' own `pitch`."""
    start, k = i, i
    while k > 0 and i - k < rs.header_lines:
        above, below = placed[k - 1].line, placed[k].line
        cue = bool(rs.header_cues.search(above.text))
        prose = (len(above.words) > rs.bridge_words and not cue) or above.text.rstrip().endswith((".", ":"))
        at_pitch = k == i and pitch is not None and abs(below.top - above.top - pitch) <= rs.pitch_tolerance * pitch
        far = below.top - above.bottom > rs.row_gap_em * above.size and not at_pitch
        if prose or far or above.size > below.size + 1.0:
            break
        k -= 1
        if cue or any(rs.years.is_year_text(w.text) for w in above.words):
            start = k
    return start


def _inside(line: Line, box: Box) -> bool:
    x0, top, x1, bottom = box
    mid = (line.top + line.bottom) / 2
    return top <= mid <= bottom and line.x0 >= x0 - 2 and line.x1 <= x1 + 2
