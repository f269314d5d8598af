"""The table model: what the tables stage hands to extract and writes to tables.json.

One Table per printed table, however many regions (page breaks) it spans: its columns with
their header words, the header rows with the columns each cell spans, and body rows of
cells, each cell with its position (row_index, col_index), page and bounding box, so that
every amount can be found on the page again. A table block is also read as rows of text
cells (reading "cells", tables/cells.py): the cells of a table of words, which the political
reader reads, with the fields only that reading fills. Plain dataclasses, serialisable to
JSON; nothing here says what a column means (year, kind, unit): that is extract's reading.
"""
from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

from pipeline.model import Word

Box = tuple[float, float, float, float]  # x0, top, x1, bottom in PDF points from the top-left


def box_of(words: list[Word]) -> Box:
    return min(w.x0 for w in words), min(w.top for w in words), max(w.x1 for w in words), max(w.bottom for w in words)


@dataclass
class Cell:
    """A figure in a column: its printed text, and the number it is (None for a nil "-")."""

    row_index: int
    col_index: int
    text: str
    page: int
    bbox: Box
    value: float | None = None
    percent: bool = False
    nil: bool = False
    indented: bool = False  # a text cell starting right of its column start (a sub-row); reading "cells"


@dataclass
class Stray:
    """A figure printed in a row that no cell holds, and why: "no_column" (it ends under no
    column), "column_taken" (a second figure on the line), "stacked" (a second figure of a
    cell, on the next line of a wrapped row: "422" over "(264)")."""

    text: str
    reason: str
    page: int
    bbox: Box
    value: float | None = None


@dataclass
class Row:
    """One logical body row: its label (wrapped lines joined), style, unit cells beside the
    label ("%", "mnkr") and figures. A row without a label holds figures no label names."""

    row_index: int
    label: str
    page: int
    bbox: Box
    bold: bool
    italic: bool
    part: int  # the region (Table.parts) it was printed in
    units: list[str] = field(default_factory=list)
    cells: list[Cell] = field(default_factory=list)
    strays: list[Stray] = field(default_factory=list)
    # reading "cells" (a table of words): the row's words in reading order, its first line when
    # that line labels the lines below it ("Indikator" over "Andel …"), and whether it is the
    # row the table opens with (also in Table.header_rows), which may be the table's header
    text: str = ""
    label_line: str | None = None
    header: bool = False


@dataclass
class Column:
    """A figure column of the table's first region: where its figures end, its header words."""

    index: int
    x0: float
    x1: float
    label: str  # the header words top to bottom, a group cell's words included
    header: list[Word] = field(default_factory=list)


@dataclass
class HeaderCell:
    """A cell of a printed header line and the columns whose label it is part of: several
    for a group cell ("Budget 2026" over "Intäkter | Kostnader"), none for text that labels
    no column ("Varav årets investeringar" over two of six)."""

    text: str
    columns: list[int]
    bbox: Box


@dataclass
class HeaderRow:
    cells: list[HeaderCell]


@dataclass
class Part:
    """One table region of the layout: its page and box, and whether it had a header of its
    own ("own"), repeated the table's header ("repeated") or had none ("none")."""

    page: int
    bbox: Box
    header: str


@dataclass
class Table:
    table_id: str  # unique within the document, in reading order: "t1", "t2" …
    pages: list[int]
    title: str | None  # the heading or numbered caption that names it, or its corner cell
    caption: str | None  # a caption below it that names nothing
    stub: str  # the header text over the label column ("RESULTATBUDGET, mnkr")
    corner: str  # the stub's top line alone: the table's own name and unit cell
    columns: list[Column]
    header_rows: list[HeaderRow]
    rows: list[Row]
    parts: list[Part]
    notes: list[str] = field(default_factory=list)  # further captions below ("Källa: …", "* …")
    # "figures": columns where figures end, rows labelled left of them (amounts read these);
    # "cells": one layout table block as rows of text cells by where cells start (tables/cells.py),
    # which the political reader reads; `block` is then the block's index in Document.blocks
    reading: str = "figures"
    block: int | None = None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Table:
        return cls(
            **{k: data[k] for k in ("table_id", "pages", "title", "caption", "stub", "corner", "notes")},
            reading=data.get("reading", "figures"),
            block=data.get("block"),
            columns=[Column(**{**c, "header": [Word(**w) for w in c["header"]]}) for c in data["columns"]],
            header_rows=[HeaderRow([HeaderCell(c["text"], c["columns"], tuple(c["bbox"])) for c in r["cells"]])
                         for r in data["header_rows"]],
            rows=[_row_from_dict(r) for r in data["rows"]],
            parts=[Part(p["page"], tuple(p["bbox"]), p["header"]) for p in data["parts"]],
        )


def _row_from_dict(data: dict[str, Any]) -> Row:
    values = {k: v for k, v in data.items() if k not in ("cells", "strays")}
    return Row(
        **{**values, "bbox": tuple(data["bbox"])},
        cells=[Cell(**{**c, "bbox": tuple(c["bbox"])}) for c in data["cells"]],
        strays=[Stray(**{**s, "bbox": tuple(s["bbox"])}) for s in data["strays"]],
    )
