"""Rebuild the tables of the amounts dataset: which figures share a table, a row, a column.

Amount rows carry doc_id, table_title, page, row_label and column_label, in the order the
extractor read them. A table is a run of rows of one document with one title on the same
or the following page (a table continued over a page break stays one table). Within a
column, figures keep reading order, which is what the arithmetic checks need.

A printed table may reach the extractor as several titled pieces (a section heading inside
the table, a caption only under its last page). `blocks` joins adjacent pieces with the
same columns, so that a total can be checked against rows printed above the piece's title.
"""
from __future__ import annotations

from dataclasses import dataclass, field, replace

import pandas as pd

from pipeline.validate.frames import as_number

@dataclass(frozen=True)
class Cell:
    """One printed figure: `row` is its position in the amounts dataset."""

    doc_id: str
    row: int
    title: str | None
    row_key: tuple[int, int, str, int]  # (piece, page, label, n-th such row of the piece)
    label: str
    column: str
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
    def columns(self) -> list[str]:
        """Column labels in reading order."""
        return list(dict.fromkeys(c.column for c in self.cells))

    @property
    def row_keys(self) -> list[tuple[int, int, str, int]]:
        """Row identities in reading order."""
        return list(dict.fromkeys(c.row_key for c in self.cells))

    def column(self, label: str) -> list[Cell]:
        return [c for c in self.cells if c.column == label]

    def row(self, key: tuple[int, int, str, int]) -> list[Cell]:
        return [c for c in self.cells if c.row_key == key]


def tables(amounts: pd.DataFrame) -> list[Table]:
    """The tables of an amounts frame (raw values; non-numbers become value None)."""
    found: list[Table] = []
    current: Table | None = None
    last_page = 0
    seen: dict[tuple[int, str, str], int] = {}
    for position, rec in amounts[amounts["source"] == "table"].iterrows():
        page = as_number(rec["page"])
        if page is None:
            continue
        page = int(page)
        title = rec["table_title"]
        if current is None or rec["doc_id"] != current.doc_id or title != current.title or not 0 <= page - last_page <= 1:
            current = Table(doc_id=rec["doc_id"], title=title)
            found.append(current)
            seen = {}
        last_page = page
        label = str(rec["row_label"] or "")
        column = str(rec["column_label"] or "")
        occurrence = seen.get((page, label, column), 0)
        seen[(page, label, column)] = occurrence + 1
        current.cells.append(
            Cell(
                doc_id=rec["doc_id"],
                row=int(position),
                title=title,
                row_key=(len(found), page, label, occurrence),
                label=label,
                column=column,
                kind=rec["kind"],
                year=rec["year"],
                unit=rec["unit"],
                value=as_number(rec["value"]),
                is_total=rec["is_total"] is True,
                page=page,
                amount_id=rec["amount_id"],
            )
        )
    return found


def blocks(pieces: list[Table]) -> list[Table]:
    """Join each table to the one before it when they continue each other.

    Continuing means: same document, starting on the page the previous one ends on or the
    next, and the same columns by meaning (kind and year), whatever their printed labels
    (a repeated header may be read as "Budget 2025 Budget"). Cells keep their own title;
    a joined piece's columns are named as in the first piece.
    """
    joined: list[Table] = []
    for piece in pieces:
        previous = joined[-1] if joined else None
        names = _names_by_meaning(previous) if previous is not None else {}
        mine = _names_by_meaning(piece)
        if (
            previous is None
            or previous.doc_id != piece.doc_id
            or not 0 <= piece.cells[0].page - previous.cells[-1].page <= 1
            or set(mine) != set(names)
        ):
            joined.append(Table(doc_id=piece.doc_id, title=piece.title, cells=list(piece.cells)))
            continue
        rename = {mine[m]: names[m] for m in mine}
        previous.cells += [replace(c, column=rename[c.column]) for c in piece.cells]
    return joined


def _names_by_meaning(table: Table) -> dict[tuple[str | None, int | None, int], str]:
    """Column label by (kind, year, n-th column of that kind and year)."""
    seen: dict[tuple[str | None, int | None], int] = {}
    names = {}
    for label in table.columns:
        cell = next(c for c in table.cells if c.column == label)
        n = seen.get((cell.kind, cell.year), 0)
        seen[(cell.kind, cell.year)] = n + 1
        names[(cell.kind, cell.year, n)] = label
    return names
