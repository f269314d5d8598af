"""Unit plausibility: does a table's printed unit fit the scale of its figures?

A header may say "mnkr" over figures in tkr (2 020 214 mnkr of tax income would be two
trillion kronor). Two signs give it away: a figure no kommun or region could have, and a
table whose typical figure, in kronor, is hundreds of times that of the document's other
money tables. Reported only: figures and units stay as printed.

A table that prints no unit at all takes the unit of the document's other tables when they
print its figures (extract/table_units.py, unit_source "document"): its value_sek rests on
that inference, so each such table is a warning a user can check against the PDF.
"""
from __future__ import annotations

import math
import statistics
from collections.abc import Iterable
from typing import cast

import pandas as pd

from pipeline.settings import Settings
from pipeline.settings.validate import UnitCheckConfig
from pipeline.validate.checks import INCONSISTENT, OK, UNEXPLAINED, Check, fmt
from pipeline.validate.frames import as_number
from pipeline.validate.results import WARNING, Finding
from pipeline.validate.tables import Cell, Table

INFERRED = "document"  # AmountRow.unit_source of a unit read from the document's other tables


def money_factors(settings: Settings) -> dict[str, float]:
    """Contract money unit → kronor per unit, from the amounts vocabulary
    (`settings.derived(money_factors)`: made once per settings object)."""
    return {p.unit: float(p.sek) for p in settings.amounts.units.patterns if p.sek is not None}


def _sek(cell: Cell, factors: dict[str, float]) -> float:
    """A money cell's figure in kronor; money cells have a value and a unit in `factors` by construction."""
    return abs(cast(float, cell.value)) * factors[cast(str, cell.unit)]


def unit_checks(tables: Iterable[Table], amounts: pd.DataFrame, settings: Settings) -> list[Check]:
    """One check per money table (scale against the document) and per text amount."""
    conf = settings.validation.units
    factors = settings.derived(money_factors)
    by_doc: dict[str, list[tuple[Table, list[Cell]]]] = {}
    for table in tables:
        cells = [c for c in table.cells if c.value and c.unit in factors]
        if cells:
            by_doc.setdefault(table.doc_id, []).append((table, cells))
    limit = float(conf.max_plausible_sek)
    checks = []
    for doc_tables in by_doc.values():
        typical = [statistics.median(_sek(c, factors) for c in cells) for _, cells in doc_tables]
        plausible = [_largest_sek(cells, factors) <= limit for _, cells in doc_tables]
        for index, (table, cells) in enumerate(doc_tables):
            # The reference scale: the document's other tables, leaving out any whose figures
            # are impossible anyway (one wrong header must not make the right ones look wrong).
            others = [t for i, t in enumerate(typical) if i != index and plausible[i]]
            checks.append(
                _table_check(table, cells, (typical[index], statistics.median(others) if others else None), conf,
                             factors)
            )
    checks += _text_checks(amounts, by_doc, conf, factors)
    return checks


def _table_check(table: Table, cells: list[Cell], scales: tuple[float, float | None], conf: UnitCheckConfig,
                 factors: dict[str, float]) -> Check:
    """`scales`: the table's typical figure in kronor, and the document's other tables' (None: no others)."""
    typical, others = scales
    largest = max(cells, key=lambda c: _sek(c, factors))
    largest_value = cast(float, largest.value)
    largest_sek = _largest_sek(cells, factors)
    units = sorted({cast(str, c.unit) for c in cells})
    ratio = typical / others if others else 1.0
    outcome, why = OK, "scale fits"
    if largest_sek > float(conf.max_plausible_sek):
        outcome, why = (
            INCONSISTENT,
            f"{fmt(largest_value)} {largest.unit} would be {largest_sek:.3g} kr, "
            "more than any kommun or region turns over",
        )
    elif not 1 / float(conf.scale_ratio) < ratio < float(conf.scale_ratio):
        outcome, why = UNEXPLAINED, f"its typical figure is {ratio:.3g}× that of the document's other money tables"
    if outcome != OK and others:
        scale = typical / factors[cast(str, largest.unit)]
        likely = min(factors, key=lambda u: abs(_log10(scale * factors[u]) - _log10(others)))
        why += f"; figures look like {likely}"
    message = (
        f"{table.title or 'table'} p{largest.page}: unit {'/'.join(units)} "
        f"over figures like {fmt(largest_value)}: {why}"
    )
    return Check(
        doc_id=table.doc_id, row=largest.row, row_id=largest.amount_id, page=largest.page, table_title=table.title,
        row_label=largest.label, column_label=largest.column, check="unit_scale", expected=others or typical,
        found=typical, tolerance=float(conf.scale_ratio), outcome=outcome, message=message,
    )


def _text_checks(amounts: pd.DataFrame, by_doc: dict[str, list[tuple[Table, list[Cell]]]], conf: UnitCheckConfig,
                 factors: dict[str, float]) -> list[Check]:
    """A text amount far larger than every table figure of its document has a wrong unit."""
    largest = {doc: max(_largest_sek(cells, factors) for _, cells in tabs) for doc, tabs in by_doc.items()}
    checks = []
    for position, rec in amounts[amounts["source"] == "text"].iterrows():
        value, page = as_number(rec["value"]), as_number(rec["page"])
        if value is None or page is None or rec["unit"] not in factors or rec["doc_id"] not in largest:
            continue
        sek = abs(value) * factors[rec["unit"]]
        limit = largest[rec["doc_id"]] * float(conf.text_ratio)
        outcome = OK if sek <= limit else UNEXPLAINED
        message = (
            f"text p{int(page)}: {fmt(value)} {rec['unit']} ({sek:.3g} kr) for {rec['row_label']!r}; "
            f"the document's largest table figure is {largest[rec['doc_id']]:.3g} kr"
        )
        checks.append(
            Check(
                doc_id=rec["doc_id"], row=int(cast(int, position)), row_id=rec["amount_id"], page=int(page),
                table_title=None, row_label=str(rec["row_label"]), column_label="", check="unit_text",
                expected=limit, found=sek, tolerance=float(conf.text_ratio), outcome=outcome, message=message,
            )
        )
    return checks


def _largest_sek(cells: list[Cell], factors: dict[str, float]) -> float:
    return max(_sek(c, factors) for c in cells)


def _log10(value: float) -> float:
    return math.log10(value) if value > 0 else 0.0


def inferred_units(amounts: pd.DataFrame) -> list[Finding]:
    """One warning per table whose unit no text of its own states, at its first figure."""
    inferred = amounts[(amounts["source"] == "table") & (amounts["unit_source"] == INFERRED)]
    findings = []
    for (doc_id, _), group in inferred.groupby(["doc_id", "table_id"], sort=False):
        first = group.iloc[0]
        units = "/".join(sorted({str(u) for u in group["unit"]}))
        findings.append(Finding(
            doc_id=str(doc_id), dataset="amounts", check="unit_inferred", severity=WARNING,
            message=(f"{first['table_title'] or 'table'} p{first['page']}: no unit printed with the table; "
                     f"{units} inferred from the document's other tables for its {len(group)} figures"),
            row=int(cast(int, group.index[0])), row_id=first["amount_id"], page=int(first["page"]),
            table_title=first["table_title"], row_label=first["row_label"], column_label=first["column_label"],
        ))
    return findings
