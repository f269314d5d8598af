"""Financial tables → amount rows: every figure with its row, column, year, kind and unit.

The tables stage gives each table its columns, header and body cells; here each column
header is read for its year and kind (table_semantics), each figure for its unit, and each
row for whether it is a sum. Only financial tables are read: a table of indicators or
visitor counts is not amounts. Every row keeps the cell it came from (table_id,
row_index, col_index, bbox) and where its unit and year were read.
"""
from __future__ import annotations

from typing import cast

from pipeline.contract import AmountKind, AmountSource, AmountUnit, SumCheck, UnitSource
from pipeline.extract import table_semantics as sem
from pipeline.extract.table_totals import Arithmetic, arithmetic_totals
from pipeline.extract.table_units import DocumentUnits, Sourced
from pipeline.extract.table_years import TableYear
from pipeline.model import AmountRow, DocumentRow, UnplacedFigure
from pipeline.tables.model import Cell, Row, Table
from pipeline.text.units import UnitGrammar


def column_labels(tables: list[Table]) -> list[str]:
    return [c.label for table in tables for c in table.columns]


def table_amounts(document: DocumentRow, tables: list[Table],
                  years: sem.YearKinds) -> tuple[list[AmountRow], list[UnplacedFigure]]:
    """Every figure of the financial tables, and the figures no amount row can hold;
    `document` dates the columns that print no year (table_years)."""
    rows: list[AmountRow] = []
    unplaced: list[UnplacedFigure] = []
    doc_id, units = document.doc_id, DocumentUnits.of(tables, years.vocabulary.units, years.vocabulary.unit_inference)
    unit_of = units.units_of(tables)
    for table in tables:
        dated = TableYear.of(table, document, years.vocabulary)
        rows.extend(_amounts(doc_id, table, (years, dated), unit_of[table.table_id]))
        unplaced.extend(_unplaced(doc_id, table))
    return rows, unplaced


def _amounts(doc_id: str, table: Table, kinds: tuple[sem.YearKinds, TableYear], stated: Sourced) -> list[AmountRow]:
    vocabulary = kinds[0].vocabulary
    # sums are set apart by emphasis, and so are parts ("varav …", often italic): only
    # emphasised rows that are not parts say that the table marks its sums
    styled = any((r.bold or r.italic) and not vocabulary.is_part_label(r.label) for r in table.rows)
    names = (table.title, table.stub, vocabulary.tables.corner_name(table.corner))
    worded = frozenset(r.row_index for r in table.rows if r.label and _is_total(r, styled, names, vocabulary))
    sums = arithmetic_totals(table.rows, vocabulary.is_part_label, worded)
    out: list[AmountRow] = []
    for row in table.rows:
        if not row.label:
            continue
        # a table that marks its sums by emphasis says which rows are sums: a plain row that
        # happens to add up ("Likvida medel vid årets slut") is a balance, not one of them
        arithmetic = row.row_index in sums.totals and (not styled or row.bold or row.italic)
        is_total = row.row_index in worded or arithmetic
        for cell in row.cells:
            label = table.columns[cell.col_index].label
            if cell.value is not None and vocabulary.meaningful_column(label):
                amount = _amount(doc_id, table, row, cell, kinds, stated, is_total)
                amount.parent_label = sums.parents.get(row.row_index)
                amount.sum_check = _sum_check(sums, row.row_index, cell.col_index)
                out.append(amount)
    return out


def _sum_check(sums: Arithmetic, row_index: int, col_index: int) -> SumCheck:
    if (row_index, col_index) in sums.failed:
        return SumCheck.FAILED
    return SumCheck.PASSED if sums.checked(row_index) else SumCheck.NONE


def _amount(doc_id: str, table: Table, row: Row, cell: Cell, kinds: tuple[sem.YearKinds, TableYear],
            stated: Sourced, is_total: bool) -> AmountRow:
    """One figure of a table as an amount row, with its cell's position and box."""
    assert cell.value is not None
    label = table.columns[cell.col_index].label
    years, dated = kinds
    vocabulary = years.vocabulary
    unit, unit_source = _unit(cell.percent, row, label, stated, vocabulary.units)
    group = sem.group_header(table, cell.col_index)
    kind = vocabulary.kind_of(label) or vocabulary.row_kind(row.label) or vocabulary.kind_of(group) \
        or years.kind(label, group)
    year, year_source = dated.resolve(table.columns, cell.col_index, kind, row.label)
    kind = years.cycle_kind(kind, year)
    x0, top, x1, bottom = cell.bbox
    return AmountRow(
        doc_id=doc_id, amount_id="", source=AmountSource.TABLE, row_label=row.label, value=cell.value, page=row.page,
        is_total=is_total, table_title=table.title, column_label=label, year=year,
        kind=cast("AmountKind | None", kind),  # the kind texts of configs/amounts.yaml are AmountKind values
        unit=cast(AmountUnit, unit.unit) if unit else None, value_sek=unit.in_sek(cell.value) if unit else None,
        table_id=table.table_id, row_index=row.row_index, col_index=cell.col_index,
        x0=x0, top=top, x1=x1, bottom=bottom, rule="table", unit_source=cast("UnitSource | None", unit_source),
        year_source=year_source,
    )


def _unplaced(doc_id: str, table: Table) -> list[UnplacedFigure]:
    """Figures of a financial table left out of the amounts: reported, not hidden."""
    out: list[UnplacedFigure] = []
    for row in table.rows:
        strays = [(s.text, s.value, s.reason) for s in row.strays]
        if not row.label:
            strays = [(c.text, c.value, "no_row_label") for c in row.cells] + strays
        out.extend(UnplacedFigure(doc_id, row.page, text, reason, row.label or None, table.title, table.table_id)
                   for text, value, reason in strays if value is not None)
    return out


def _unit(percent: bool, row: Row, column_label: str, table: Sourced, units: UnitGrammar) -> Sourced:
    """The most specific unit stated: the cell, the row, the column, then the table."""
    if percent:
        return units.unit_in("%"), "cell"
    for text in row.units:
        if (unit := units.unit_in(text)) is not None:
            return unit, "row"
    if (unit := units.label_unit(row.label)) is not None:
        return unit, "row"
    if (unit := units.unit_in(column_label)) is not None:
        return unit, "column"
    return table


def _is_total(row: Row, styled: bool, names: tuple[str | None, ...], vocabulary: sem.Vocabulary) -> bool:
    """A sum row: a total cue, or the table's own name repeated as the last row's label; in a
    table that marks its sums by emphasis, only an emphasised row."""
    if styled and not (row.bold or row.italic):
        return False
    if any(name and row.label.strip().lower() == name.strip().lower() for name in names):
        return True
    return vocabulary.is_total_label(row.label)
