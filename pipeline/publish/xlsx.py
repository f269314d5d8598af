"""processed/kommunbudget.xlsx: every dataset as a sheet, for spreadsheet users.

A CSV opened in Excel loses its types (a kommunkod "0180" becomes 180, a decimal point is
misread under a Swedish locale); a workbook keeps them: numbers are numbers, codes and
texts are text cells, the header is frozen and filtered. A text that opens with "=" is
stored as a text cell, never a formula, so a PDF title cannot run in a reader's Excel.
Written in openpyxl's write-only mode: the corpus's ~3 000 rows take well under a second.
"""
from __future__ import annotations

from pathlib import Path

import pandas as pd
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet._write_only import WriteOnlyWorksheet

from pipeline.contract import ColumnType, columns
from pipeline.publish.formatting import missing
from pipeline.publish.writers import atomic_path

WORKBOOK = "kommunbudget.xlsx"
_BOLD = Font(bold=True)
_WIDTH = {ColumnType.STRING: 24, ColumnType.INTEGER: 10, ColumnType.NUMBER: 14, ColumnType.BOOLEAN: 8}


def write_workbook(target: Path, frames: dict[str, pd.DataFrame]) -> None:
    """One sheet per dataset, in the contract's column order and types."""
    book = Workbook(write_only=True)
    for name, df in frames.items():
        sheet = book.create_sheet(name)
        _sheet(sheet, name, df)
    with atomic_path(target) as tmp:
        book.save(tmp)


def _sheet(sheet: WriteOnlyWorksheet, dataset: str, df: pd.DataFrame) -> None:
    spec = columns(dataset)
    for index, column in enumerate(spec, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = _WIDTH[column.type]
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = f"A1:{get_column_letter(len(spec))}{len(df) + 1}"
    header = []
    for column in spec:
        cell = WriteOnlyCell(sheet, value=column.name)
        cell.font = _BOLD
        header.append(cell)
    sheet.append(header)
    for values in df[[c.name for c in spec]].itertuples(index=False):
        sheet.append([_cell(sheet, value, column.type) for value, column in zip(values, spec)])


def _cell(sheet: WriteOnlyWorksheet, value: object, kind: ColumnType) -> WriteOnlyCell | None:
    if missing(value):
        return None
    if kind == ColumnType.STRING:
        cell = WriteOnlyCell(sheet, value=str(value))
        cell.data_type = "s"  # openpyxl would store "=…" as a formula
        return cell
    typed = {ColumnType.INTEGER: int, ColumnType.NUMBER: float, ColumnType.BOOLEAN: bool}[kind]
    return WriteOnlyCell(sheet, value=typed(value))
