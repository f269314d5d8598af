"""The column header: which header words name which figure column, and group cells.

A header cell is given to the column it sits over; a cell over several columns that states
a year, kind or unit ("Budget 2026" over "Intäkter | Kostnader | Netto") groups them, and
each sub-column's label carries both levels. The header as printed is kept as header rows
of cells with the columns each spans.
"""
from __future__ import annotations

from collections.abc import Callable

from pipeline.layout.lines import split_segments
from pipeline.model import Line, Word
from pipeline.tables.columns import GridColumn, join_header
from pipeline.tables.model import HeaderCell, HeaderRow, box_of
from pipeline.tables.settings import TableSettings


def assign_header(lines: list[Line], columns: list[GridColumn], cfg: TableSettings) -> list[Word]:
    """Give each header cell to the column it sits over; return the stub's words.

    A header cell is kept whole: "Budget 2026" set right-aligned over a narrow column of
    three-digit figures reaches left of the figures, and its "Budget" still names that
    column. Only a cell whose words sit over different columns is split word by word.
    """
    stub: list[Word] = []
    first_x0 = min(c.x0 for c in columns)
    for line in lines:
        for cell in split_segments(line.words, cfg.cell_gap_em):
            if cell[-1].x1 <= first_x0 - 2:
                under = _stacked_under(cell, columns)
                if under is None:
                    stub.extend(cell)
                else:
                    columns[under].header.extend(cell)
                continue
            targets = [_header_column(w, columns, cfg) for w in cell]
            placed = {t for t in targets if t is not None}
            if len(placed) == 1:
                targets = [placed.pop()] * len(cell)
            for word, target in zip(cell, targets):
                if target is None and word.x1 <= first_x0 - 2:
                    stub.append(word)
                elif target is not None:
                    columns[target].header.append(word)
    return stub


def _stacked_under(cell: list[Word], columns: list[GridColumn]) -> int | None:
    """The column whose header words, on a line above, the cell stands under: a header set
    left-aligned over right-aligned figures ("Budget" over "2027", both left of the
    figures) is one cell on two lines, not the stub's."""
    for index, column in enumerate(columns):
        if any(w.x0 < cell[-1].x1 and cell[0].x0 < w.x1 and w.top < cell[0].top for w in column.header):
            return index
    return None


def _header_column(word: Word, columns: list[GridColumn], cfg: TableSettings) -> int | None:
    """The column a header word overlaps most; a word over no column heads the column to
    its right, within reach. Figures are right-aligned, so a header wider than its figures
    reaches left of them, into the gap after the previous column ("Totalt" of "Totalt
    2026–2028" set close to "Plan 2028"), never right past its own figures."""
    first_x0 = min(c.x0 for c in columns)
    if word.x1 <= first_x0 - 2:
        return None
    overlaps = [max(0.0, min(word.x1, c.x1) - max(word.x0, c.x0)) for c in columns]
    best = max(range(len(columns)), key=lambda i: (overlaps[i], -abs(columns[i].x1 - word.x1)))
    if overlaps[best] > 0:
        return best
    right = [i for i, c in enumerate(columns) if c.x0 >= word.x1]
    if not right:
        return None  # a text column's header ("Från nämnd"), right of every figure
    best = min(right, key=lambda i: columns[i].x0)
    return best if columns[best].x0 - word.x1 <= 3 * cfg.column_snap_em * word.size else None


def group_headers(columns: list[GridColumn], cfg: TableSettings) -> list[HeaderRow]:
    """Resolve group cells over sub-columns; return the header as printed, in rows.

    A group cell that states a year, kind or unit ("Budget 2026" centred over "Intäkter |
    Kostnader | Netto") heads every column under it whose own name states none, so their
    labels carry both levels ("Budget 2026 Intäkter"); each such column takes the nearest
    group cell not cut off from it by a column with a meaning of its own. Other group text
    in a band of its own over fewer than half the columns ("Varav årets investeringar") is
    left out of the labels (its header cell then spans no column).
    """
    printed = [w for c in columns for w in c.header]
    lines = _lines(printed)
    spread: set[int] = set()
    if len(lines) >= 2:
        lowest = {id(w) for w in lines[-1]}
        named = [[w for w in c.header if id(w) in lowest] for c in columns]
        subs = {i for i, words in enumerate(named)
                if words and not cfg.names_column(join_header(words, cfg.kind_words))}
        for line in lines[:-1]:
            spread |= _spread_groups(columns, line, subs, cfg)
    bands = _bands([w for c in columns for w in c.header])  # a group cell now in each column it heads
    for band in bands[:-1]:
        ids = {id(w) for w in band} - spread
        covered = [c for c in columns if any(id(w) in ids for w in c.header)]
        if 2 * len(covered) < len(columns):
            for c in covered:
                c.header = [w for w in c.header if id(w) not in ids]
    return [_header_row(line, columns, cfg) for line in lines]


def _header_row(line: list[Word], columns: list[GridColumn], cfg: TableSettings) -> HeaderRow:
    """One printed header line as cells, each with the columns whose label it is part of."""
    cells = []
    for words in split_segments(sorted(line, key=lambda w: w.x0), cfg.cell_gap_em):
        ids = {id(w) for w in words}
        spans = [i for i, c in enumerate(columns) if any(id(w) in ids for w in c.header)]
        cells.append(HeaderCell(join_header(words, cfg.kind_words), spans, box_of(words)))
    return HeaderRow(cells)


# A sub-column between two group cells belongs to one only when it is clearly nearer (as
# under centred group headers); under left- or right-aligned ones it is not, and a column
# left without a meaning publishes nothing rather than another group's year.
_GROUP_CLEARLY_NEARER = 0.6


def _spread_groups(columns: list[GridColumn], line: list[Word], subs: set[int], cfg: TableSettings) -> set[int]:
    """Give each group cell of a header line to the sub-columns under it, and take it from a
    sub-column it is not clearly over; return the ids of the words given. A group cell states
    a year, kind or unit and sits over sub-columns only: a cell over a column with a name of
    its own is that column's header."""
    cells = [cell for cell in split_segments(sorted(line, key=lambda w: w.x0), cfg.cell_gap_em)
             if cfg.names_column(join_header(cell, cfg.kind_words))]
    homes = [{i for i, c in enumerate(columns) if {id(w) for w in c.header} & {id(w) for w in cell}} for cell in cells]
    groups = [(cell, home) for cell, home in zip(cells, homes) if home and home <= subs]
    targets: list[set[int]] = [set() for _ in groups]
    for i in sorted(subs):
        reach = _reach(i, len(columns), lambda k: k in subs)
        centre = (columns[i].x0 + columns[i].x1) / 2
        near = sorted((abs((cell[0].x0 + cell[-1].x1) / 2 - centre), n)
                      for n, (cell, home) in enumerate(groups) if home & reach)
        if len(near) == 1 or (near and near[0][0] <= _GROUP_CLEARLY_NEARER * near[1][0]):
            targets[near[0][1]].add(i)
    given: set[int] = set()
    for (cell, _), target in zip(groups, targets):
        words = {id(w) for w in cell}
        for i in subs:
            columns[i].header = [w for w in columns[i].header if id(w) not in words]
            if i in target:
                columns[i].header.extend(cell)
        given |= words
    return given


def _reach(i: int, n: int, open_: Callable[[int], bool]) -> set[int]:
    """Column i and its neighbours on either side up to the first column that is not open."""
    lo = hi = i
    while lo > 0 and open_(lo - 1):
        lo -= 1
    while hi + 1 < n and open_(hi + 1):
        hi += 1
    return set(range(lo, hi + 1))


def _lines(words: list[Word]) -> list[list[Word]]:
    """Header words in lines, top to bottom: words of one line share their top."""
    lines: list[list[Word]] = []
    for w in sorted(words, key=lambda w: w.top):
        if lines and w.top - lines[-1][0].top < 0.3 * w.size:
            lines[-1].append(w)
        else:
            lines.append([w])
    return lines


def _bands(words: list[Word]) -> list[list[Word]]:
    """Header words in horizontal bands, top to bottom (the lines of a multi-line header)."""
    bands: list[list[Word]] = []
    for w in sorted(words, key=lambda w: w.top):
        if bands and w.top - max(b.bottom for b in bands[-1]) < 0.5 * w.size:
            bands[-1].append(w)
        else:
            bands.append([w])
    return bands
