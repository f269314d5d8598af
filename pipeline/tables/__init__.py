"""Tables stage: the layout's table regions → one Table model (model.py) per printed table.

Between layout and extract: every table block is read into a grid (grid.py) and resolved
into the table it starts or continues (regions.py), so that extract reads cells by row and
column and validation checks exactly the tables extract read. Every table block is also
read as rows of text cells (cells.py), the one grid the political reader's indicator and
task tables come from. Imports only from layout, the model and the text layer; what a
column means is extract's business.
"""
from __future__ import annotations

from pipeline.model import BlockKind, Document
from pipeline.settings import Settings
from pipeline.tables.assemble import assemble
from pipeline.tables.cells import CellSettings, read_cells
from pipeline.tables.grid import build_grid
from pipeline.tables.model import Table
from pipeline.tables.regions import OpenTable, orphan, resolve
from pipeline.tables.settings import TableSettings
from pipeline.tables.stacked import split_region

__all__ = ["CellSettings", "Table", "TableSettings", "build_tables", "read_cells", "stage_tables"]


def stage_tables(document: Document, settings: Settings) -> list[Table]:
    """What the stage hands extract: the figure tables (`build_tables`, which amounts and
    validation read) and every table block as rows of text cells (`read_cells`, which the
    political reader reads), told apart by `Table.reading`."""
    return (build_tables(document, settings.derived(TableSettings.of))
            + read_cells(document, settings.derived(CellSettings.of)))


def build_tables(document: Document, cfg: TableSettings) -> list[Table]:
    """Every table of the document with figures in it, in reading order ("t1", "t2" …).

    Tables are resolved before any is assembled: a caption under a table's last region
    names all its regions. A region holding tables side by side, stacked one under another
    or in dated sections is read as one part per table (stacked.py).
    """
    found: list[OpenTable] = []
    previous: OpenTable | None = None  # the last table a region started or continued
    for index, block in enumerate(document.blocks):
        if block.kind is not BlockKind.TABLE:
            continue
        parts = split_region(block.lines, cfg)
        for n, lines in enumerate(parts):
            grid = build_grid(lines, cfg)
            if grid is None:
                continue
            table = resolve(document.blocks, index, grid, previous, cfg, last=n == len(parts) - 1)
            if table is None:
                found.append(orphan(block, grid))
            elif table is not previous:
                found.append(table)
            previous = table or previous
    return [assemble(t, f"t{n}") for n, t in enumerate(found, start=1)]
