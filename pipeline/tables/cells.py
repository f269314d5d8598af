"""A table block → rows of text cells: the reading a table of words needs.

A table of goals, indicators or tasks ("Mål | Indikator | Målvärde", "Uppdrag | Ansvarig")
holds words, not figures: its columns are where cells *start* (text is left-aligned), not
where figures end (grid.py), and one row is the lines set closer than a line pitch (a
wrapped cell). So every table block is also read this way, as a Table of reading "cells"
(model.py): each cell with its row and column index and box, the block's first row group
as its header row, the first line of a row group when it labels the lines below it, and
whether a cell starts right of its column (a sub-row). The political reader reads these;
amounts read the figure tables. Distances are configs/lexicon.yaml `table_rows`.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from pipeline.model import Block, BlockKind, Document, Line
from pipeline.settings import Settings
from pipeline.tables.model import Box, Cell, Column, HeaderCell, HeaderRow, Part, Row, Table
from pipeline.tables.segments import split_cells
from pipeline.text.normalise import normalise_space

_FOOTNOTE = re.compile(r"^[\d*]{1,3}\)?$")


@dataclass(frozen=True)
class CellSettings:
    """How the rows and columns of a table block are read as text (the cell gaps are the
    layout stage's own, so cells split as layout split them)."""

    cell_gap_em: float
    figure_gap_em: float
    row_gap_em: float  # × font size: a larger step between line tops starts a new row
    column_snap: float  # cell starts closer than this (pt) are one column
    indent: float  # a cell starting this far (pt) right of its column start is indented
    footnote_size: float  # × the line's font size: smaller digits are footnote references

    @classmethod
    def of(cls, settings: Settings) -> CellSettings:
        """Compiled once per settings object: `settings.derived(CellSettings.of)`."""
        rows, layout = settings.lexicon.table_rows, settings.layout.tables
        return cls(cell_gap_em=layout.cell_gap_em, figure_gap_em=layout.figure_gap_em, row_gap_em=rows.row_gap_em,
                   column_snap=rows.column_snap_pt, indent=rows.indent_pt, footnote_size=rows.footnote_size)


@dataclass
class _Placed:
    """A cell while its row group is read: text so far, whether it starts indented, its box."""

    text: str
    indented: bool
    bbox: Box


def read_cells(document: Document, cfg: CellSettings) -> list[Table]:
    """Every table block with words in it as a Table of text cells ("c1", "c2" …), in reading
    order; `Table.block` is the block's index in `document.blocks`."""
    tables: list[Table] = []
    for index, block in enumerate(document.blocks):
        if block.kind is BlockKind.TABLE and block.lines:
            tables.append(_table(block, index, f"c{len(tables) + 1}", cfg))
    return tables


def _table(block: Block, index: int, table_id: str, cfg: CellSettings) -> Table:
    groups = _row_groups(block, cfg)
    starts = _column_starts([ln for g in groups for ln in g], groups[0] if groups else [], cfg)
    rows = [_row(group, n, starts, cfg) for n, group in enumerate(groups)]
    header = rows[0].cells if rows else []
    columns = [Column(i, x, max((c.bbox[2] for r in rows for c in r.cells if c.col_index == i), default=x),
                      next((c.text for c in header if c.col_index == i), ""))
               for i, x in enumerate(starts)]
    return Table(
        table_id=table_id,
        pages=sorted({r.page for r in rows}),
        title=None,
        caption=None,
        stub=next((c.text for c in header if c.col_index == 0), ""),
        corner="",
        columns=columns,
        header_rows=[HeaderRow([HeaderCell(c.text, [c.col_index], c.bbox) for c in header])] if rows else [],
        rows=rows,
        parts=[Part(block.page, block.bbox, "own")],
        reading="cells",
        block=index,
    )


def _row_groups(block: Block, cfg: CellSettings) -> list[list[Line]]:
    """The block's lines (footnote marks dropped) grouped into rows: a line whose top is
    less than a line pitch below the one before, on the same page, continues its row."""
    groups: list[list[Line]] = []
    for line in filter(None, (_without_footnotes(ln, cfg) for ln in block.lines)):
        prev = groups[-1][-1] if groups else None
        if prev is not None and line.page == prev.page and line.top - prev.top < cfg.row_gap_em * line.size:
            groups[-1].append(line)
        else:
            groups.append([line])
    return groups


def _row(group: list[Line], index: int, starts: list[float], cfg: CellSettings) -> Row:
    page = group[0].page
    placed = _cells(group, starts, cfg)
    cells = [Cell(index, col, p.text, page, p.bbox, indented=p.indented) for col, p in sorted(placed.items())]
    return Row(
        row_index=index,
        label=placed[0].text if 0 in placed else "",
        page=page,
        bbox=(min(ln.x0 for ln in group), min(ln.top for ln in group),
              max(ln.x1 for ln in group), max(ln.bottom for ln in group)),
        bold=all(ln.bold for ln in group),
        italic=all(ln.italic for ln in group),
        part=0,
        cells=cells,
        text=_tidy(" ".join(ln.text for ln in group)),
        label_line=_label(group),
        header=index == 0,
    )


def _label(group: list[Line]) -> str | None:
    """The first line of a row group when it labels the lines below it: short, unpunctuated,
    clearly narrower than the text it heads, which starts a new sentence."""
    if len(group) < 2:
        return None
    first = normalise_space(group[0].text)
    widest = max(ln.x1 - ln.x0 for ln in group)
    if len(first.split()) > 8 or first.endswith((".", ",")) or not group[1].text[:1].isupper():
        return None
    return first if group[0].x1 - group[0].x0 < 0.75 * widest or first.endswith(":") else None


def _segments(line: Line, cfg: CellSettings) -> list[tuple[float, str, Box]]:
    """(x0, text, box) of the gap-separated cells of one line."""
    return [(seg[0].x0, " ".join(w.text for w in seg), (seg[0].x0, min(w.top for w in seg), seg[-1].x1,
                                                        max(w.bottom for w in seg)))
            for seg in split_cells(line.words, cfg.cell_gap_em, cfg.figure_gap_em)]


def _without_footnotes(line: Line, cfg: CellSettings) -> Line | None:
    """The line without footnote reference marks (digits set in a much smaller font), which
    otherwise end up inside cell text ("befolkningen 6 , index")."""
    small = cfg.footnote_size * line.size
    words = [w for w in line.words if not (w.size < small and _FOOTNOTE.match(w.text))]
    return Line(page=line.page, words=words) if words else None


def _column_starts(lines: list[Line], header: list[Line], cfg: CellSettings) -> list[float]:
    """Cell start positions shared by at least two lines, or named by the header row: the
    table's columns (a goal column stays a column on a page where every goal cell is empty)."""
    named = [x for ln in header for x, _, _ in _segments(ln, cfg)]
    starts = sorted(x for ln in lines for x, _, _ in _segments(ln, cfg))
    clusters: list[list[float]] = []
    for x in starts:
        if clusters and x - clusters[-1][0] <= cfg.column_snap:
            clusters[-1].append(x)
        else:
            clusters.append([x])
    kept = [c for c in clusters if len(c) >= 2 or any(abs(c[0] - x) < 0.5 for x in named)]
    return [min(c) for c in kept] or [starts[0]] if starts else []


def _cells(group: list[Line], starts: list[float], cfg: CellSettings) -> dict[int, _Placed]:
    """The cells of one row group by column: each segment joins the last column starting at
    or left of it; a cell starts indented when its first text starts right of its column."""
    placed: dict[int, _Placed] = {}
    for line in group:
        for x, text, box in _segments(line, cfg):
            col = max((i for i, cx in enumerate(starts) if cx <= x + cfg.column_snap), default=0)
            cell = placed.get(col)
            if cell is None:
                placed[col] = _Placed(_tidy(text), bool(starts) and x - starts[col] > cfg.indent, box)
            else:
                cell.text = _tidy(f"{cell.text} {text}")
                cell.bbox = (min(cell.bbox[0], box[0]), min(cell.bbox[1], box[1]),
                             max(cell.bbox[2], box[2]), max(cell.bbox[3], box[3]))
    return placed


def _tidy(text: str) -> str:
    return re.sub(r"\s+([,.;:])", r"\1", normalise_space(text))
