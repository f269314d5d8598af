"""Sum rows found by arithmetic: a row whose figures are the sum of a run of rows next to it.

Swedish financial tables mark sums by words ("Summa", "Totalt") but as often not at all: a
drift table's "Verksamhetens kostnader" closes the cost rows above it, an investment table's
"Reinvestering 17 250" heads the projects below it that add up to it. Such a row is a total
when, in at least two columns, its figure equals the sum of at least two rows directly above
it (since the previous heading, a row without figures), or of the group's top-level rows, or
of the rows indented under it, within the rounding of the printed figures. The rows it sums
are its parts: they keep its label as parent_label, and every figure of both gets sum_check
"passed". A row whose parts are "varav" rows is an item broken down, not a sum row.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from pipeline.tables.model import Row

MIN_COLUMNS = 2  # columns that must add up: one column can add up by chance
MIN_PARTS = 2  # a "sum" of one row is a repetition, not a total
INDENT = 2.0  # points: parts printed under their group's sum row are indented at least this much


@dataclass
class Arithmetic:
    """The rows (by row_index) that are sums of other rows, and each part's total's label."""

    totals: set[int] = field(default_factory=set)
    parents: dict[int, str] = field(default_factory=dict)

    def checked(self, row_index: int) -> bool:
        return row_index in self.totals or row_index in self.parents


def _figures(row: Row) -> dict[int, tuple[float, float]]:
    """The row's figures by column, each with its rounding step (0.1 for "22,5", 1 for "500")."""
    out = {}
    for cell in row.cells:
        if cell.value is not None and not cell.percent:
            decimals = len(cell.text.rpartition(",")[2].strip()) if "," in cell.text else 0
            out[cell.col_index] = (cell.value, 10.0 ** -decimals)
    return out


def _adds_up(total: Row, parts: list[Row]) -> bool:
    """In every column the total prints (at least MIN_COLUMNS, not all zero), its figure is
    the parts' sum within one step of the last printed digit (rounded parts), and exactly so
    in at least one column."""
    figures = _figures(total)
    if len(figures) < MIN_COLUMNS or len(parts) < MIN_PARTS or all(v == 0 for v, _ in figures.values()):
        return False
    part_figures = [_figures(p) for p in parts]
    if sum(1 for f in part_figures if any(v for v, _ in f.values())) < MIN_PARTS:
        return False
    exact = False
    for col, (value, step) in figures.items():
        column = [f[col][0] for f in part_figures if col in f]
        off = abs(sum(column) - value) if column else float("inf")
        if off > step * 1.001:
            return False
        exact = exact or off < step / 2
    return exact


def _above(rows: list[Row], i: int, start: int, group: list[Row]) -> list[Row] | None:
    """The rows that row i closes: the shortest run of rows directly above it (since the last
    heading) that adds up to it, else the group's top-level rows (parts of other sums left out)."""
    for k in range(i - MIN_PARTS, start - 1, -1):
        if _adds_up(rows[i], rows[k:i]):
            return rows[k:i]
    left = min((r.bbox[0] for r in group), default=0.0)
    top_level = [r for r in group if r.bbox[0] <= left + INDENT]  # an indented row is part of the one above
    return top_level if _adds_up(rows[i], top_level) else None


def _below(rows: list[Row], i: int) -> list[Row] | None:
    """The shortest run of rows indented under row i (headings between them skipped) that adds
    up to it: a group heading printed with its group's sum."""
    parts: list[Row] = []
    for row in rows[i + 1:]:
        if not _figures(row):
            continue
        if row.bbox[0] <= rows[i].bbox[0] + INDENT:
            return None
        parts.append(row)
        if _adds_up(rows[i], parts):
            return parts
    return None


def arithmetic_totals(rows: list[Row], is_part: Callable[[str], bool]) -> Arithmetic:
    """The sum rows of a table's body, read top to bottom (keyed by row_index); `is_part`
    tells a "varav" row."""
    found = Arithmetic()
    start, group = 0, list[Row]()  # the rows since the last heading; the top-level rows since the last closing sum
    for i, row in enumerate(rows):
        if not _figures(row):
            start = i + 1  # a heading opens a new run
            continue
        if row.row_index in found.parents:
            continue  # a part of the sum above it
        if is_part(row.label):
            whole = next((r for r in reversed(rows[:i]) if _figures(r) and not is_part(r.label)), None)
            if whole is not None:
                found.parents[row.row_index] = whole.label  # "varav …" is a part of the item above
            continue
        above = _above(rows, i, start, group)
        parts = above or _below(rows, i)
        group.append(row)
        if parts is None:
            continue
        for part in parts:
            found.parents.setdefault(part.row_index, row.label)
        if not all(is_part(p.label) for p in parts):
            found.totals.add(row.row_index)  # "varav" rows are parts of an item, not of a sum
        if above:
            start, group = i + 1, []  # the rows after a closing sum are a new group
    return found
