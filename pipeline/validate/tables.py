"""The tables of the amounts dataset, as the extractor read them: which figures share a
table, a row, a column.

Every table amount carries the table it was read from (table_id, unique within its
document) and its cell's row_index and col_index, so a table here is exactly a table of
the tables stage: rows and columns are its own, in its order. Within a column, figures
keep reading order, which is what the arithmetic checks need.

Validation reads exactly the extractor's tables: which printed regions make one table (a
continuation after a page break, a repeated header) is decided once, in the tables stage
(pipeline/tables/regions.py), and a check never sums rows across two of its tables.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import cast

import pandas as pd

from pipeline.validate.frames import as_number

RowKey = tuple[str, int]  # (table_id, row_index)


@dataclass(frozen=True)
class Cell:
    """One printed figure: `row` is its position in the amounts dataset."""

    doc_id: str
    row: int
    title: str | None
    row_key: RowKey
    col: int  # the column's position in the table (col_index)
    label: str
    column: str  # the column's label
    kind: str | None
    year: int | None
    unit: str | None
    value: float | None
    is_total: bool
    page: int
    amount_id: str | None


@dataclass
class Table:
    doc_id: str
    title: str | None
    cells: list[Cell] = field(default_factory=list)

    @property
    def columns(self) -> list[int]:
        """Column positions, left to right."""
        return sorted({c.col for c in self.cells})

    @property
    def row_keys(self) -> list[RowKey]:
        """Row identities in reading order."""
        return list(dict.fromkeys(c.row_key for c in self.cells))

    def column(self, col: int) -> list[Cell]:
        return [c for c in self.cells if c.col == col]

    def row(self, key: RowKey) -> list[Cell]:
        return [c for c in self.cells if c.row_key == key]


def tables(amounts: pd.DataFrame) -> list[Table]:
    """The tables of an amounts frame by (doc_id, table_id), in reading order (raw values;
    non-numbers become value None). A figure without its cell's position is in no table."""
    found: dict[tuple[str, str], Table] = {}
    for position, rec in amounts[amounts["source"] == "table"].iterrows():
        page, row_index, col_index = (as_number(rec[k]) for k in ("page", "row_index", "col_index"))
        if page is None or row_index is None or col_index is None or not isinstance(rec["table_id"], str):
            continue
        key = (rec["doc_id"], rec["table_id"])
        table = found.setdefault(key, Table(doc_id=rec["doc_id"], title=rec["table_title"]))
        table.cells.append(
            Cell(
                doc_id=rec["doc_id"],
                row=int(cast(int, position)),
                title=rec["table_title"],
                row_key=(rec["table_id"], int(row_index)),
                col=int(col_index),
                label=str(rec["row_label"] or ""),
                column=str(rec["column_label"] or ""),
                kind=rec["kind"],
                year=rec["year"],
                unit=rec["unit"],
                value=as_number(rec["value"]),
                is_total=rec["is_total"] is True,
                page=int(page),
                amount_id=rec["amount_id"],
            )
        )
    return list(found.values())
