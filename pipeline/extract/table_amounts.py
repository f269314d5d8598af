"""Financial tables → amount rows: every figure with its row, column, year, kind and unit.

A table region from layout becomes a grid (table_grid); its header gives each column a
label, year and kind (table_semantics). A region without a header of its own continues
the previous table when its figure columns line up (a table broken over a page), so a
repeated header is never an amount and a continued table keeps its column meaning.
Only financial tables are read: a table of indicators or visitor counts is not amounts.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from pipeline.extract import table_semantics as sem
from pipeline.extract.table_grid import Column, Grid, GridRow, GridSettings, build_grid
from pipeline.model import AmountRow, Block, BlockKind, Document, UnplacedFigure
from pipeline.settings import Settings
from pipeline.text.units import Unit, UnitGrammar


@dataclass
class _Table:
    """One table, possibly over several regions (a page break): what its parts share.

    Mutable on purpose: a numbered caption under the last part ("Tabell 11.
    Finansieringsbudget") names the whole table, earlier parts included.
    """

    columns: list[Column]
    title: str | None
    stub: str
    corner: str  # the stub's top cell: the table's own name and unit ("Finansieringsbudget, mnkr")
    caption: str | None
    end_page: int
    closed: bool = False  # a numbered caption under it: nothing after continues it

    @property
    def context(self) -> str:
        """Title, stub and caption text: where financial cues are looked up."""
        return " ".join(t for t in (self.title, self.stub, self.caption) if t)

    def unit(self, units: UnitGrammar) -> Unit | None:
        """The table's unit: its own corner cell first, then its title, stub and caption."""
        for text in (self.corner, self.title, self.stub, self.caption):
            if text and (unit := units.unit_in(text)) is not None:
                return unit
        return None

    def extend(self, end_page: int, caption: str | None, v: sem.Vocabulary) -> _Table:
        self.end_page = end_page
        name = sem.caption_name(caption, v)
        if name is not None:
            self.title, self.closed = name, True
        elif caption and self.caption is None:
            self.caption = caption
        return self


def grid_settings(settings: Settings) -> GridSettings:
    """How table regions are read as grids (configs/amounts.yaml `tables`), made once per
    settings object (`Settings.derived`); cells split as layout splits them."""
    t, cells = settings.amounts.tables, settings.layout.tables
    return GridSettings(
        cell_gap_em=cells.cell_gap_em,
        figure_gap_em=cells.figure_gap_em,
        group_gap_em=t.group_gap_em,
        column_snap_em=t.column_snap_em,
        subrow=re.compile("|".join(t.subrow_cues), re.IGNORECASE),
        vocabulary=settings.derived(sem.Vocabulary.of),
    )


@dataclass(frozen=True)
class TablePart:
    """One table region as a grid, and the table it belongs to."""

    grid: Grid
    table: _Table


def financial_tables(doc: Document, cfg: GridSettings) -> list[TablePart]:
    """The document's financial table regions, each resolved to its table.

    Tables are resolved before any is read: a caption under a table's last part names all
    its parts, and a bare year column ("2026") takes its kind from what all the
    document's headers say about that year (see sem.YearKinds).
    """
    parts: list[TablePart] = []
    previous: _Table | None = None
    for index, block in enumerate(doc.blocks):
        if block.kind is not BlockKind.TABLE:
            continue
        grid = build_grid(block.lines, cfg, cfg.vocabulary.units.unit_words)
        if grid is None:
            continue
        table = _resolve(doc.blocks, index, grid, previous, cfg)
        if table is not None:
            parts.append(TablePart(grid, table))
            previous = table
    return [part for part in parts if sem.is_financial(part.table.context, cfg.vocabulary)]


def column_labels(parts: list[TablePart]) -> list[str]:
    return [c.label for part in parts for c in part.grid.columns]


def table_amounts(doc_id: str, parts: list[TablePart], years: sem.YearKinds,
                  v: sem.Vocabulary) -> tuple[list[AmountRow], list[UnplacedFigure]]:
    """Every figure of the financial tables, and the figures no amount row can hold."""
    rows: list[AmountRow] = []
    unplaced: list[UnplacedFigure] = []
    for part in parts:
        rows.extend(_amounts(doc_id, part.grid, part.table, years, v))
        unplaced.extend(_unplaced(doc_id, part.grid, part.table))
    return rows, unplaced


def _resolve(blocks: list[Block], index: int, grid: Grid, previous: _Table | None, cfg: GridSettings) -> _Table | None:
    """The table a region belongs to: a new one under its own header, or the one it continues."""
    block, v = blocks[index], cfg.vocabulary
    end_page = block.end_page or block.page
    caption = _caption(blocks, index)
    open_before = previous is not None and not previous.closed and block.page - previous.end_page <= 1
    if grid.headed and any(c.header for c in grid.columns):
        title, adjacent = _title(blocks, index, v)
        if open_before and _repeats(grid, block.page, title, previous, v):
            return previous.extend(end_page, caption, v)
        name = sem.caption_name(caption, v)
        corner = sem.corner_name(grid.corner, v)
        # a heading right above names the table; across prose, a corner cell that names a
        # financial table ("Driftbudget per nämnd, mnkr") says more than the section heading
        named_corner = corner if sem.is_financial(corner, v) else None
        table = _Table(grid.columns, name or (title if adjacent else None) or named_corner or title or corner or None,
                       grid.stub, grid.corner, None if name else caption, end_page, closed=name is not None)
        return table
    if not open_before or not _aligned(grid.columns, previous.columns, cfg):
        return None
    grid.columns = [
        Column(c.x0, c.x1, _match(c, previous.columns, cfg).header, c.size) for c in grid.columns
    ]
    return previous.extend(end_page, caption, v)


def _repeats(grid: Grid, page: int, title: str | None, previous: _Table, v: sem.Vocabulary) -> bool:
    """A header repeated on the next page continues the table: the same column labels and
    unit, and either the same named corner cell ("Finansieringsbudget, mnkr"), so a
    sub-heading that happens to fall before the page break is not a new table, or, without
    named corners to compare, no new title above it but its own ("…, forts."). On the same
    page, the same header starts another table."""
    if page <= previous.end_page or [c.label for c in grid.columns] != [c.label for c in previous.columns]:
        return False
    if grid.corner and previous.corner and v.units.unit_in(grid.corner) != v.units.unit_in(previous.corner):
        return False
    name, earlier = sem.corner_name(grid.corner, v).lower(), sem.corner_name(previous.corner, v).lower()
    if name and earlier:
        return name == earlier
    return title is None or (previous.title is not None and title.lower().startswith(previous.title.lower()))


def _aligned(columns: list[Column], earlier: list[Column], cfg: GridSettings) -> bool:
    return all(_match(c, earlier, cfg) is not None for c in columns)


def _match(column: Column, earlier: list[Column], cfg: GridSettings) -> Column | None:
    """The earlier column whose figures end where this column's do (right-aligned)."""
    best = min(earlier, key=lambda e: abs(e.x1 - column.x1))
    return best if abs(best.x1 - column.x1) <= cfg.column_snap_em * column.size else None


def _title(blocks: list[Block], index: int, v: sem.Vocabulary) -> tuple[str | None, bool]:
    """The nearest heading or caption above the table (a few blocks of prose may intervene),
    and whether it stands right above; none when a caption or table above belongs to an
    earlier table."""
    for k in range(index - 1, max(-1, index - 5), -1):
        block = blocks[k]
        if block.kind is BlockKind.TABLE or (block.kind is BlockKind.CAPTION and k > 0 and blocks[k - 1].kind is BlockKind.TABLE):
            return None, False
        if block.kind in (BlockKind.HEADING, BlockKind.CAPTION):
            return sem.caption_name(block.text, v) or block.text, k == index - 1
    return None, False


def _caption(blocks: list[Block], index: int) -> str | None:
    if index + 1 < len(blocks) and blocks[index + 1].kind is BlockKind.CAPTION:
        return blocks[index + 1].text
    return None


def _amounts(doc_id: str, grid: Grid, table: _Table, years: sem.YearKinds, v: sem.Vocabulary) -> list[AmountRow]:
    table_unit = table.unit(v.units)
    # sums are set apart by emphasis, and so are parts ("varav …", often italic): only
    # emphasised rows that are not parts say that the table marks its sums
    styled = any((r.bold or r.italic) and not sem.is_part_label(r.label, v) for r in grid.rows)
    out: list[AmountRow] = []
    for row in grid.rows:
        if not row.label:
            continue
        for col_index, seg in sorted(row.values.items()):
            column = grid.columns[col_index]
            label = column.label
            if seg.number is None or not sem.meaningful_column(label, v):
                continue
            value = seg.number.value  # "(123)" alone in its cell is an accounting negative
            unit = _unit(seg.number.is_percent, row, label, table_unit, v.units)
            kind = sem.kind_of(label, v) or sem.row_kind(row.label, v) or years.kind(label)
            year = sem.column_year(label, v) or _deviation_year(grid.columns, col_index, kind, v)
            out.append(
                AmountRow(
                    doc_id=doc_id,
                    amount_id="",
                    source="table",
                    row_label=row.label,
                    value=value,
                    page=row.page,
                    is_total=_is_total(row, styled, (table.title, grid.stub, sem.corner_name(grid.corner, v)), v),
                    table_title=table.title,
                    column_label=label,
                    year=year,
                    kind=kind,
                    unit=unit.unit if unit else None,
                    value_sek=unit.in_sek(value) if unit else None,
                )
            )
    return out


def _unplaced(doc_id: str, grid: Grid, table: _Table) -> list[UnplacedFigure]:
    """Figures of a financial table left out of the amounts: reported, not hidden."""
    out: list[UnplacedFigure] = []
    for row in grid.rows:
        strays = row.strays if row.label else [(seg, "no_row_label") for seg in row.values.values()] + row.strays
        out.extend(UnplacedFigure(doc_id, row.page, seg.text, reason, row.label or None, table.title)
                   for seg, reason in strays if seg.number is not None)
    return out


def _unit(percent: bool, row: GridRow, column_label: str, table_unit: Unit | None, units: UnitGrammar) -> Unit | None:
    """The most specific unit stated: the cell, the row, the column, then the table."""
    if percent:
        return units.unit_in("%")
    for text in row.units:
        if (unit := units.unit_in(text)) is not None:
            return unit
    return units.label_unit(row.label) or units.unit_in(column_label) or table_unit


def _deviation_year(columns: list[Column], index: int, kind: str | None, v: sem.Vocabulary) -> int | None:
    """A deviation column ("Avvikelse", "Återstår") compares the dated column to its left."""
    if kind != "deviation" or index == 0:
        return None
    return v.years.year_of(columns[index - 1].label)


def _is_total(row: GridRow, styled: bool, names: tuple[str | None, ...], v: sem.Vocabulary) -> bool:
    """A sum row: a total cue, or the table's own name repeated as the last row's label; in a
    table that marks its sums by emphasis, only an emphasised row."""
    if styled and not (row.bold or row.italic):
        return False
    if any(name and row.label.strip().lower() == name.strip().lower() for name in names):
        return True
    return sem.is_total_label(row.label, v)
