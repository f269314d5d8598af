"""Arithmetic cross-checks on the amounts tables, computed in pandas (asserted in GX).

Every printed figure is rounded, so a printed total may differ from the sum of its printed
rows by up to half a unit of the last printed digit per figure involved. A difference
within that is rounding (a warning at most); beyond it the printed numbers disagree: a
source inconsistency, reported with page, row, expected and found. Printed numbers are
never changed.

Which rows a total sums is read from the table's structure, not from its wording: each
column is a stack of items (figures, and totals that have absorbed the items they sum);
a total must equal the sum of some run of items at the top of the stack, which covers
plain sums ("Summa"), subtotals summed by a grand total, and running results
(Verksamhetens nettokostnad → Verksamhetens resultat → Årets resultat). Breakdown rows
("varav …") are never summed.
"""
from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, replace
from typing import cast

from pipeline.settings import Settings
from pipeline.text.numbers import printed_decimals
from pipeline.validate.checks import INCOMPLETE, INCONSISTENT, OK, PASSING, ROUNDING, UNEXPLAINED, Check, fmt
from pipeline.validate.tables import Cell, Table
from pipeline.validate.units import money_factors


@dataclass(frozen=True)
class _Term:
    pattern: re.Pattern[str]
    sign: int
    optional: bool


@dataclass(frozen=True)
class _Identity:
    result: re.Pattern[str]
    terms: tuple[_Term, ...]


@dataclass(frozen=True)
class _Settings:
    half_unit: float
    max_decimals: int
    plausible_share: float
    unit_steps: tuple[float, ...]
    breakdown: tuple[re.Pattern[str], ...]
    identities: tuple[_Identity, ...]
    budget_kinds: frozenset[str]
    outcome_kinds: frozenset[str]
    summable_units: frozenset[str | None]

    def is_breakdown(self, label: str) -> bool:
        return any(p.search(label) for p in self.breakdown)


def crossfoot_settings(settings: Settings) -> _Settings:
    """Compiled once per settings object: `settings.derived(crossfoot_settings)`."""
    conf = settings.validation
    cf = conf.crossfoot
    return _Settings(
        half_unit=float(conf.rounding.half_unit),
        max_decimals=int(conf.rounding.max_decimals),
        plausible_share=float(cf.plausible_share),
        unit_steps=tuple(float(s) for s in cf.unit_steps),
        breakdown=tuple(_rx(p) for p in cf.breakdown_cues),
        identities=tuple(
            _Identity(result=_rx(i.result), terms=tuple(_Term(_rx(t.pattern), t.sign, t.optional) for t in i.terms))
            for i in cf.identities
        ),
        budget_kinds=frozenset(cf.deviation_operands.budget),
        outcome_kinds=frozenset(cf.deviation_operands.outcome),
        summable_units=frozenset({*settings.derived(money_factors), "count", None}),
    )


def _rx(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern, re.IGNORECASE)


def crossfoot(tables: Iterable[Table], settings: Settings) -> list[Check]:
    """Every arithmetic relation the tables state, checked."""
    s = settings.derived(crossfoot_settings)
    checks: list[Check] = []
    for table in tables:
        digits = _Digits(s)
        for relation in (_column_sums, _identities, _row_totals, _deviations):
            checks += relation(table, s, digits)
    return checks


# -- column sums ---------------------------------------------------------------------------


def _column_sums(table: Table, s: _Settings, digits: _Digits) -> list[Check]:
    checks: list[Check] = []
    order = {key: i for i, key in enumerate(table.row_keys)}
    filled_anywhere = {c.row_key for c in table.cells if c.value is not None}
    for column in table.columns:
        cells = [c for c in table.column(column) if c.value is not None and c.unit in s.summable_units]
        if not any(c.is_total for c in cells):
            continue
        filled_here = {c.row_key for c in cells}
        stack: list[Cell] = []
        for cell in cells:
            if s.is_breakdown(cell.label):
                continue
            if cell.is_total:
                items = [c for c in stack if c.unit == cell.unit]
                if items:
                    check, consumed = _check_total(table, cell, items, s, digits)
                    first = order[consumed[0].row_key] if consumed else order[cell.row_key]
                    gap = [
                        k
                        for k in table.row_keys[first : order[cell.row_key]]
                        if k in filled_anywhere and k not in filled_here
                    ]
                    if check.outcome == INCONSISTENT and gap:
                        check = replace(
                            check,
                            outcome=INCOMPLETE,
                            message=f"{check.message}; but {len(gap)} row(s) have no figure in this column",
                        )
                    checks.append(check)
                    stack = [c for c in stack if c not in consumed]
            stack.append(cell)
    return checks


def _check_total(
    table: Table, total: Cell, items: list[Cell], s: _Settings, digits: _Digits
) -> tuple[Check, list[Cell]]:
    """Test `total` against every run of items at the top of the stack.

    The preferred run is "everything since the previous total" (or the whole stack when
    only totals precede): it is consumed and reported when no run matches.
    """
    last_total = max((i for i, c in enumerate(items) if c.is_total), default=-1)
    preferred = last_total + 1 if last_total + 1 < len(items) else 0
    # k = len(items) is the empty run: a total with no figure of its own since the previous
    # total (other columns have them) sums nothing, and prints 0.
    starts = range(len(items) + 1) if items[-1].is_total else range(len(items))
    runs = [
        (_check(total, items[k:], "column_sum", _sum(items[k:]), _basis(items[k:]), s, digits), k)
        for k in starts
    ]
    passing = [(check, k) for check, k in runs if check.outcome in PASSING]
    if passing:
        check, k = min(passing, key=lambda r: (r[0].outcome != OK, abs(r[1] - preferred)))
        return check, items[k:]
    identity = _identity_for(table, total, s, digits)
    if identity is not None and identity.outcome in PASSING:
        return identity, items[preferred:]
    # a run of rows it equals but for the sign: a minus lost or added in the source (one row
    # the negative of another is an item and its counterpart, "Finansnetto" under a net cost)
    flipped = [(check, k) for check, k in runs
               if len(items) - k >= 2 and _opposite(check.found, check.expected, check.tolerance)]
    if flipped:
        check, k = min(flipped, key=lambda r: abs(r[1] - preferred))
        return check, items[k:]
    return runs[preferred][0], items[preferred:]


def _opposite(found: float, expected: float, tolerance: float) -> bool:
    """The printed figure is the expected one with the other sign, within rounding."""
    return bool(expected) and abs(found + expected) <= tolerance + _eps(expected)


def _sum(cells: list[Cell]) -> float:
    """The sum of figures; the cells on a column's stack and an identity's terms all carry one."""
    return sum(cast(float, c.value) for c in cells)


def _basis(parts: list[Cell]) -> str:
    return (
        f"{len(parts)} row(s) from {parts[0].label!r} (p{parts[0].page})"
        if parts
        else "no rows since the previous total"
    )


# -- identities between rows ---------------------------------------------------------------


def _identities(table: Table, s: _Settings, digits: _Digits) -> list[Check]:
    """Stated identities for result rows the extractor did not flag as totals."""
    checks = []
    for cell in table.cells:
        if cell.value is not None and not cell.is_total:
            found = _identity_for(table, cell, s, digits)
            if found is not None:
                checks.append(found)
    return checks


def _identity_for(table: Table, cell: Cell, s: _Settings, digits: _Digits) -> Check | None:
    identity = next((i for i in s.identities if i.result.search(cell.label)), None)
    if identity is None:
        return None
    before = [c for c in table.column(cell.col) if c.value is not None and c.unit == cell.unit]
    before = before[: before.index(cell)]
    terms: list[tuple[_Term, Cell]] = []
    for term in identity.terms:
        match = next((c for c in reversed(before) if term.pattern.search(c.label)), None)
        if match is None:
            if term.optional:
                continue
            return None
        terms.append((term, match))
    found = cast(float, cell.value)  # cells checked here carry a figure
    plain = _sum([c for _, c in terms])
    by_role = sum(t.sign * abs(cast(float, c.value)) for t, c in terms)
    if abs(abs(found) - abs(by_role)) < abs(found - plain):
        plain = by_role if found * by_role >= 0 else -by_role
    parts = [c for _, c in terms]
    return _check(cell, parts, "identity", plain, " + ".join(c.label for c in parts), s, digits)


# -- relations across columns ----------------------------------------------------------------


def _row_totals(table: Table, s: _Settings, digits: _Digits) -> list[Check]:
    """A multi-year "Totalt" column equals the sum of the year columns before it."""
    checks = []
    for key in table.row_keys:
        cells = [c for c in table.row(key) if c.value is not None and c.unit in s.summable_units]
        since: list[Cell] = []
        for cell in cells:
            if cell.kind == "total":
                parts = [c for c in since if c.unit == cell.unit]
                if len(parts) >= 2:
                    expected = _sum(parts)
                    checks.append(
                        _check(cell, parts, "row_total", expected, " + ".join(c.column for c in parts), s, digits)
                    )
                since = []
            elif cell.year is not None and cell.kind != "deviation":
                since.append(cell)
    return checks


def _deviations(table: Table, s: _Settings, digits: _Digits) -> list[Check]:
    """Avvikelse = Budget − Utfall (either sign convention), row by row."""
    checks = []
    first = {c.col: c for c in reversed(table.cells)}
    columns = table.columns
    previous = -1
    for index, column in enumerate(columns):
        if first[column].kind != "deviation":
            continue
        window = [first[c] for c in columns[previous + 1: index]]
        previous = index
        year = first[column].year
        if year is not None and any(c.year == year for c in window):
            window = [c for c in window if c.year == year]
        budgets = [c for c in window if c.kind in s.budget_kinds]
        outcomes = [c for c in window if c.kind in s.outcome_kinds]
        if len(budgets) != 1 or len(outcomes) != 1:
            continue
        for key in table.row_keys:
            row = {c.col: c for c in table.row(key) if c.value is not None}
            deviation, budget, outcome = row.get(column), row.get(budgets[0].col), row.get(outcomes[0].col)
            if (
                deviation is None
                or budget is None
                or outcome is None
                or len({deviation.unit, budget.unit, outcome.unit}) > 1
            ):
                continue
            expected = budget.value - outcome.value  # type: ignore[operator]
            if abs(deviation.value + expected) < abs(deviation.value - expected):  # type: ignore[operator]
                expected = -expected
            checks.append(
                _check(
                    deviation,
                    [budget, outcome],
                    "deviation",
                    expected,
                    f"{budgets[0].column} − {outcomes[0].column}",
                    s,
                    digits,
                )
            )
    return checks


# -- shared arithmetic ---------------------------------------------------------------------


class _Digits:
    """Half a unit of the last printed digit of each figure, as far as floats tell.

    A float forgets trailing zeros (3,000 reads as 3.0), so within one relation each figure
    counts at least as many decimals as most of the relation's figures do; counts are exact
    (no rounding at all).
    """

    def __init__(self, s: _Settings) -> None:
        self._s = s

    def tolerance(self, cells: list[Cell]) -> float:
        decimals = [printed_decimals(c.value, self._s.max_decimals) for c in cells]  # type: ignore[arg-type]
        usual = max(set(decimals), key=lambda d: (decimals.count(d), d))
        return sum(
            0.0 if c.unit == "count" else self._s.half_unit * 10.0 ** -max(d, usual) for c, d in zip(cells, decimals)
        )


def _check(
    cell: Cell, parts: list[Cell], kind: str, expected: float, basis: str, s: _Settings, digits: _Digits
) -> Check:
    """Classify printed `cell` against `expected` computed from `parts`."""
    found = cell.value
    assert found is not None
    tolerance = digits.tolerance([cell, *parts])
    scale = max([abs(found), abs(expected), *(abs(c.value) for c in parts)])  # type: ignore[arg-type]
    diff = found - expected
    if abs(diff) <= _eps(scale):
        outcome, why = OK, "agrees"
    elif abs(diff) <= tolerance + _eps(scale):
        outcome, why = ROUNDING, "within rounding"
    elif step := _unit_step(found, expected, tolerance, s):
        outcome, why = INCONSISTENT, f"printed in another unit (×{step:g} the expected figure)"
    elif len(parts) >= 2 and _opposite(found, expected, tolerance):
        outcome, why = INCONSISTENT, "printed with the opposite sign"
    elif abs(diff) <= s.plausible_share * scale:
        outcome, why = INCONSISTENT, "the printed figures disagree"
    else:
        outcome, why = UNEXPLAINED, "far from every sum this check knows (not a plain sum?)"
    message = (
        f"{cell.title or 'table'} p{cell.page}, row {cell.label!r}, column {cell.column!r}: printed {fmt(found)}, "
        f"expected {fmt(expected)} [{basis}]; difference {fmt(diff)} (rounding allows ±{fmt(tolerance)}): {why}"
    )
    return Check(
        doc_id=cell.doc_id, row=cell.row, row_id=cell.amount_id, page=cell.page, table_title=cell.title,
        row_label=cell.label, column_label=cell.column, check=kind, expected=expected, found=found,
        tolerance=tolerance, outcome=outcome, message=message,
    )


def _unit_step(found: float, expected: float, tolerance: float, s: _Settings) -> float | None:
    """The factor between a total printed in another unit and the sum of its rows."""
    if not found or not expected:
        return None
    for step in s.unit_steps:
        if abs(found - expected * step) <= tolerance * step:
            return step
        if abs(found * step - expected) <= tolerance * step:
            return 1 / step
    return None


def _eps(value: float) -> float:
    return 1e-9 * max(1.0, abs(value))
