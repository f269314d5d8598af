"""Table regions → tables: a region under its own header starts a table; one without a
header of its own, or repeating the table's header on the next page, continues it.

A region without a header continues the previous table when its figure columns line up
with that table's (a table broken over a page), so a repeated header is never a row and a
continued table keeps its columns. A header repeated on the next page may leave out one of
its lines ("Budget 2025" under "Budget 2025 Budget"): it still continues the table. A
numbered caption under a region names the whole table, earlier regions included, and ends
it: nothing after it continues it.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from pipeline.model import Block, BlockKind
from pipeline.tables.columns import GridColumn, match_column
from pipeline.tables.grid import Grid
from pipeline.tables.settings import TableSettings


@dataclass
class Region:
    """One table block as a grid, and where its columns stand in the table's columns."""

    block: Block
    grid: Grid
    header: str  # own | repeated | none (see model.Part)
    columns: list[int]  # the table column of each grid column


@dataclass
class OpenTable:
    """A table while regions may still join it. Mutable on purpose: a numbered caption under
    the last region ("Tabell 11. Finansieringsbudget") names the whole table."""

    columns: list[GridColumn]
    title: str | None
    stub: str
    corner: str  # the stub's top cell: the table's own name and unit ("Finansieringsbudget, mnkr")
    caption: str | None
    end_page: int
    regions: list[Region] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    closed: bool = False  # a numbered caption under it: nothing after it continues it

    def extend(self, region: Region, captions: list[str], cfg: TableSettings) -> OpenTable:
        self.regions.append(region)
        self.end_page = region.block.end_page or region.block.page
        caption, notes = (captions[0], captions[1:]) if captions else (None, [])
        name = cfg.caption_name(caption)
        if name is not None:
            self.title, self.closed = name, True
        elif caption and self.caption is None:
            self.caption = caption
        elif caption:
            notes = [caption, *notes]
        self.notes += notes
        return self


def resolve(blocks: list[Block], index: int, grid: Grid, previous: OpenTable | None,
            cfg: TableSettings, last: bool = True) -> OpenTable | None:
    """The table a region belongs to: a new one under its own header, or the one it
    continues; None for figures under no header that continue nothing. Only the `last` of
    the tables stacked in one block has the captions under the block."""
    block = blocks[index]
    captions = _captions(blocks, index, cfg) if last else []
    # the table before it, if still open on this page or the one before
    earlier = previous if previous is not None and not previous.closed and block.page - previous.end_page <= 1 else None
    if grid.headed and any(c.header for c in grid.columns):
        title, adjacent = _title(blocks, index, cfg)
        own = list(range(len(grid.columns)))
        if earlier is not None and _repeats(grid, block.page, title, earlier, cfg):
            earlier.columns = _common_header(earlier.columns, grid.columns)
            return earlier.extend(Region(block, grid, "repeated", own), captions, cfg)
        name = cfg.caption_name(captions[0] if captions else None)
        corner = cfg.corner_name(grid.corner)
        # a heading right above names the table; across prose, a corner cell that names a
        # financial table ("Driftbudget per nämnd, mnkr") says more than the section heading
        named_corner = corner if cfg.is_financial(corner) else None
        named = name or (title if adjacent else None) or named_corner or title or corner or None
        table = OpenTable(grid.columns, named, grid.stub, grid.corner, None, block.page)
        return table.extend(Region(block, grid, "own", own), captions, cfg)
    if earlier is None:
        return None
    matched = [m for c in grid.columns if (m := match_column(c, earlier.columns, cfg)) is not None]
    if len(matched) < len(grid.columns):
        return None
    return earlier.extend(Region(block, grid, "none", matched), captions, cfg)


def orphan(block: Block, grid: Grid) -> OpenTable:
    """Figures under no column header that continue no table: a table of their own, with
    nothing to name its columns (extract reads no amounts from it)."""
    region = Region(block, grid, "none", list(range(len(grid.columns))))
    return OpenTable(grid.columns, None, grid.stub, grid.corner, None, block.page, regions=[region])


def _repeats(grid: Grid, page: int, title: str | None, previous: OpenTable, cfg: TableSettings) -> bool:
    """A header repeated on the next page continues the table: the same column labels and
    unit, and either the same named corner cell ("Finansieringsbudget, mnkr"), so a
    sub-heading that happens to fall before the page break is not a new table, or, without
    named corners to compare, no new title above it but its own ("…, forts."). On the same
    page, the same header starts another table."""
    if page <= previous.end_page or not _same_header(grid.columns, previous.columns):
        return False
    if grid.corner and previous.corner and cfg.units.unit_in(grid.corner) != cfg.units.unit_in(previous.corner):
        return False
    name, earlier = cfg.corner_name(grid.corner).lower(), cfg.corner_name(previous.corner).lower()
    if name and earlier:
        return name == earlier
    return title is None or (previous.title is not None and title.lower().startswith(previous.title.lower()))


def _same_header(columns: list[GridColumn], earlier: list[GridColumn]) -> bool:
    """The same column labels, but for a header line one of them prints and the other leaves
    out: a header repeated on the next page often drops the line of kinds under the years
    ("Budget 2025 Budget" on the first page, "Budget 2025" on the next)."""
    return len(columns) == len(earlier) and all(_extends(a.label, b.label) or _extends(b.label, a.label)
                                                for a, b in zip(columns, earlier))


def _extends(label: str, base: str) -> bool:
    return label == base or (bool(base) and label.startswith(base + " "))


def _common_header(earlier: list[GridColumn], repeated: list[GridColumn]) -> list[GridColumn]:
    """The table's columns once a page repeats its header: the repeated ones where their
    labels are the shorter, since what both pages print is the header, and a line only one
    page prints is not (a group's kind line)."""
    return [r if len(r.label) < len(e.label) else e for e, r in zip(earlier, repeated)]


def _title(blocks: list[Block], index: int, cfg: TableSettings) -> tuple[str | None, bool]:
    """The nearest heading or caption above the table (a few blocks of prose may intervene),
    and whether it stands right above; none when a caption or table above belongs to an
    earlier table."""
    for k in range(index - 1, max(-1, index - 5), -1):
        block = blocks[k]
        earlier_caption = block.kind is BlockKind.CAPTION and k > 0 and blocks[k - 1].kind is BlockKind.TABLE
        if block.kind is BlockKind.TABLE or earlier_caption:
            return None, False
        if block.kind in (BlockKind.HEADING, BlockKind.CAPTION):
            return cfg.caption_name(block.text) or block.text, k == index - 1
    return None, False


def _captions(blocks: list[Block], index: int, cfg: TableSettings) -> list[str]:
    """The captions right under a region: the first may name the table; the ones after it
    are notes ("Källa: …"), up to one that numbers a table (the next table's name)."""
    found: list[str] = []
    for block in blocks[index + 1:]:
        if block.kind is not BlockKind.CAPTION or (found and cfg.caption_name(block.text) is not None):
            break
        found.append(block.text)
    return found
