"""Sum rows found by arithmetic: a row whose figures are the sum of a run of rows next to it.

Swedish financial tables mark sums by words ("Summa", "Totalt") but as often not at all: a
drift table's "Verksamhetens kostnader" closes the cost rows above it, an investment table's
"Reinvestering 17 250" heads the projects below it that add up to it. Such a row is a total
when, in at least two columns, its figure equals the sum of at least two rows directly above
it (since the previous heading, a row without figures), or of the group's top-level rows, or
of the rows indented under it, within the rounding of the printed figures. The rows it sums
are its parts: they keep its label as parent_label, and every figure of both gets sum_check
"passed". A row whose parts are "varav" rows is an item broken down, not a sum row.

A row the table marks as a sum by its words or emphasis ("Totalt", "Summa totalt") that adds
up to the rows above it in at least two columns but not in another has printed figures that
disagree (a sign lost, a row changed after the sum was typed): in the columns that do not
add up, the sum and its parts get sum_check "failed", and validation reports the
difference. The printed figures are kept as printed.
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
    """The rows (by row_index) that are sums of other rows, each part's total's label, and
    the (row_index, col_index) cells of a marked sum and its parts that do not add up."""

    totals: set[int] = field(default_factory=set)
    parents: dict[int, str] = field(default_factory=dict)
    failed: set[tuple[int, int]] = field(default_factory=set)
    marked: set[int] = field(default_factory=set)  # sums by words or emphasis, checked as such

    def checked(self, row_index: int) -> bool:
        return row_index in self.totals or row_index in self.parents or row_index in self.marked


def _figures(row: Row) -> dict[int, tuple[float, float]]:
    """The row's figures by column, each with its rounding step (0.1 for "22,5", 1 for "500")."""
    out = {}
    for cell in row.cells:
        if cell.value is not None and not cell.percent:
            decimals = len(cell.text.rpartition(",")[2].strip()) if "," in cell.text else 0
            out[cell.col_index] = (cell.value, 10.0 ** -decimals)
    return out


@dataclass(frozen=True)
class _Fit:
    """How a candidate total fits a run of parts, column by column."""

    adding: frozenset[int]  # the total is the parts' sum within one step of its last printed digit
    failing: frozenset[int]  # off by more than the rounding of all the figures involved allows
    exact: bool  # in one column at least, the sum is exact to the printed digits
    printed: int  # columns the total prints


def _fit(total: Row, parts: list[Row]) -> _Fit | None:
    """The fit of `total` to `parts`; None when there are too few columns or parts to tell
    (or the total is all zeros). A column the parts leave empty, or off by more than one step
    but within the rounding of the n + 1 figures (half a unit of the coarsest printed digit
    each), neither adds up nor fails."""
    figures = _figures(total)
    if len(figures) < MIN_COLUMNS or len(parts) < MIN_PARTS or all(v == 0 for v, _ in figures.values()):
        return None
    part_figures = [_figures(p) for p in parts]
    if sum(1 for f in part_figures if any(v for v, _ in f.values())) < MIN_PARTS:
        return None
    adding, failing, exact = set(), set(), False
    for col, (value, step) in figures.items():
        column = [f[col] for f in part_figures if col in f]
        if not column:
            continue
        off = abs(sum(v for v, _ in column) - value)
        if off <= step * 1.001:
            adding.add(col)
        elif off > (len(column) + 1) * 0.5 * max(step, *(s for _, s in column)) * 1.001:
            failing.add(col)
        exact = exact or off < step / 2
    return _Fit(frozenset(adding), frozenset(failing), exact, len(figures))


def _adds_up(total: Row, parts: list[Row]) -> bool:
    """In every column the total prints (at least MIN_COLUMNS, not all zero), it is the sum
    of the parts within rounding, and exactly so in at least one column."""
    fit = _fit(total, parts)
    return fit is not None and len(fit.adding) == fit.printed and fit.exact


def _partly_above(rows: list[Row], i: int, start: int) -> tuple[list[Row], frozenset[int]] | None:
    """The run of rows directly above row i (since the last heading) that it adds up to in
    the most columns (at least MIN_COLUMNS with figures other than zero, exactly in one; the
    shortest such run), and the columns in which it fails; None when it fails in none."""
    figures = _figures(rows[i])
    best: tuple[int, list[Row], frozenset[int]] | None = None
    for k in range(i - MIN_PARTS, start - 1, -1):
        fit = _fit(rows[i], rows[k:i])
        if fit is None or not fit.exact:
            continue
        nonzero = sum(1 for c in fit.adding if figures[c][0])
        if nonzero >= MIN_COLUMNS and (best is None or nonzero > best[0]):
            best = (nonzero, rows[k:i], fit.failing)
    return (best[1], best[2]) if best is not None and best[2] else None


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


def arithmetic_totals(rows: list[Row], is_part: Callable[[str], bool],
                      marked: frozenset[int] = frozenset()) -> Arithmetic:
    """The sum rows of a table's body, read top to bottom (keyed by row_index); `is_part`
    tells a "varav" row, `marked` the rows the table marks as sums by words or emphasis."""
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
            if row.row_index in marked and (partly := _partly_above(rows, i, start)) is not None:
                _disagrees(found, row, *partly)
                start, group = i + 1, []
            continue
        for part in parts:
            found.parents.setdefault(part.row_index, row.label)
        if not all(is_part(p.label) for p in parts):
            found.totals.add(row.row_index)  # "varav" rows are parts of an item, not of a sum
        if above:
            start, group = i + 1, []  # the rows after a closing sum are a new group
    return found


def _disagrees(found: Arithmetic, total: Row, parts: list[Row], failing: frozenset[int]) -> None:
    """A marked sum that adds up to `parts` except in the `failing` columns: checked, with
    those columns of the sum and its parts failed."""
    found.marked.add(total.row_index)
    for part in parts:
        found.parents.setdefault(part.row_index, total.label)
    found.failed.update((r.row_index, col) for r in (total, *parts) for col in failing)
