"""Table regions on a page: tables drawn with rules, and borderless runs of figure rows.

Only the region is decided here (which lines belong to a table); the amounts extractor
rebuilds the cell grid from the region's word positions.
"""
from __future__ import annotations

import re

import pdfplumber.page

from pipeline.extract.numbers import is_nil, parse_number
from pipeline.layout.blocks import BlockSettings, PlacedLine, is_table_row
from pipeline.layout.lines import split_segments
from pipeline.model import Line

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
    return parse_number(text) is not None or is_nil(text)


def mark_tables(lines: list[tuple[Line, int]], ruled: list[Box], cfg: BlockSettings) -> list[PlacedLine]:
    """Mark the page's table lines: inside a ruled table, or in a run of figure rows."""
    placed = [PlacedLine(ln, col) for ln, col in lines]
    for pl in placed:
        pl.in_table = any(_inside(pl.line, box) for box in ruled)
    rowlike = [is_table_row(pl.line, cfg, _is_number) for pl in placed]
    i = 0
    while i < len(placed):
        if not rowlike[i]:
            i += 1
            continue
        j = i
        while j + 1 < len(placed) and (rowlike[j + 1] or _bridges(placed, rowlike, j + 1)):
            j += 1
        if sum(rowlike[i : j + 1]) >= 2:
            start = _extend_header(placed, i, cfg)
            for pl in placed[start : j + 1]:
                pl.in_table = True
        i = j + 1
    return placed


def _bridges(placed: list[PlacedLine], rowlike: list[bool], k: int) -> bool:
    """A non-figure line inside a table (a wrapped label, a group row) when figure rows follow."""
    line = placed[k].line
    return (
        len(line.words) <= 8
        and any(rowlike[k + 1 : k + 3])
        and line.top - placed[k - 1].line.bottom < 1.5 * line.size
        and placed[k].column == placed[k - 1].column
    )


def _extend_header(placed: list[PlacedLine], i: int, cfg: BlockSettings) -> int:
    """Include up to three column-header lines directly above the first figure row."""
    start = i
    while start > 0 and i - start < 3:
        above, below = placed[start - 1].line, placed[start].line
        if below.top - above.bottom > 1.2 * above.size or placed[start - 1].column != placed[start].column:
            break
        cells = len(split_segments(above.words, cfg.cell_gap_em))
        has_year = any(re.fullmatch(r"(19|20)\d\d\*?", w.text) for w in above.words)
        if cells < 2 and not has_year:
            break
        start -= 1
    return start


def _inside(line: Line, box: Box) -> bool:
    x0, top, x1, bottom = box
    mid = (line.top + line.bottom) / 2
    return top <= mid <= bottom and line.x0 >= x0 - 2 and line.x1 <= x1 + 2
