"""A resolved table's regions → one model.Table: its columns, header rows, and body rows
numbered through all regions, each figure a cell at its table column."""
from __future__ import annotations

from pipeline.model import Block
from pipeline.tables.model import Box, Cell, Column, Part, Row, Stray, Table, box_of
from pipeline.tables.regions import OpenTable, Region
from pipeline.tables.rows import GridRow


def assemble(table: OpenTable, table_id: str) -> Table:
    rows: list[Row] = []
    for part, region in enumerate(table.regions):
        rows += [_row(g, len(rows) + n, part, region) for n, g in enumerate(region.grid.rows)]
    first = table.regions[0].grid
    return Table(
        table_id=table_id,
        pages=sorted({page for r in table.regions for page in _pages(r.block)}),
        title=table.title,
        caption=table.caption,
        stub=table.stub,
        corner=table.corner,
        columns=[Column(i, c.x0, c.x1, c.label, list(c.header)) for i, c in enumerate(table.columns)],
        header_rows=list(first.header_rows),
        rows=rows,
        parts=[Part(r.block.page, r.block.bbox, r.header) for r in table.regions],
        notes=table.notes,
    )


def _row(g: GridRow, index: int, part: int, region: Region) -> Row:
    columns = region.columns
    cells = [
        Cell(index, columns[col], seg.text, g.page, seg.bbox, seg.number.value if seg.number else None,
             bool(seg.number and seg.number.is_percent), seg.nil)
        for col, seg in sorted(g.values.items())
    ]
    strays = [Stray(seg.text, reason, g.page, seg.bbox, seg.number.value if seg.number else None)
              for seg, reason in g.strays]
    return Row(index, g.label, g.page, _union([box_of(ln.words) for ln in g.lines]), g.bold, g.italic, part,
               list(g.units), cells, strays)


def _union(boxes: list[Box]) -> Box:
    return min(b[0] for b in boxes), min(b[1] for b in boxes), max(b[2] for b in boxes), max(b[3] for b in boxes)


def _pages(block: Block) -> range:
    return range(block.page, (block.end_page or block.page) + 1)
