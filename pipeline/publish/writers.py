"""Write datasets as CSV and Parquet, each file atomically (temp file + rename).

A reader (or a run killed half-way) never sees a half-written dataset: either the old
complete file or the new complete file is in place.
"""
from __future__ import annotations

import os
import re
import shutil
import tempfile
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from pipeline.contract import arrow_schema
from pipeline.validate.frames import with_texts


@dataclass(frozen=True)
class CsvDialect:
    """How a CSV is written. The contract's (the default, what every reader of the datasets
    expects) or Swedish Excel's, which opens a ";"-separated file with decimal commas and
    a BOM (else it guesses the encoding wrong) in columns with a double-click."""

    name: str
    separator: str
    decimal: str
    encoding: str


CONTRACT_CSV = CsvDialect("contract", ",", ".", "utf-8")
CSV_DIALECTS = {d.name: d for d in (CONTRACT_CSV, CsvDialect("excel-sv", ";", ",", "utf-8-sig"))}


def write_dataset(out: Path, dataset: str, df: pd.DataFrame, dialect: CsvDialect = CONTRACT_CSV) -> None:
    """<dataset>.csv and <dataset>.parquet of a typed frame (validate.frames.typed_frame)."""
    write_csv(out / f"{dataset}.csv", df, dialect)
    table = pa.Table.from_pandas(df, preserve_index=False).cast(
        pa.schema(
            [
                pa.field(f.name, f.type.value_type if pa.types.is_dictionary(f.type) else f.type)
                for f in arrow_schema(dataset)
            ]
        )
    )
    write_parquet(out / f"{dataset}.parquet", table.cast(arrow_schema(dataset)))


# A spreadsheet runs a cell that opens with "=", "@", a tab or a CR as a formula, and one
# opening with "+" or "-" too when a formula can follow (a call, a DDE "|", a sheet "!").
_FORMULA = re.compile(r"^[=@\t\r]|^[+-].*[=(|!]", re.DOTALL)


def write_csv(target: Path, df: pd.DataFrame, dialect: CsvDialect = CONTRACT_CSV) -> None:
    """UTF-8, `.` as decimal point, empty cell for null, \\n line ends: the contract's CSV
    (or, in another dialect, its separator, decimal mark and encoding).

    Journalists open these files in Excel: a text cell that a spreadsheet would run as a
    formula (OWASP "CSV injection": a row label or PDF title "=HYPERLINK(…)") gets a leading
    apostrophe, which shows the text as printed and runs nothing. A list label such as
    "- Ekonomi" can run nothing and stays as printed. A carriage return (a file name may hold
    one) is written as the two characters "\\r": the CSV writer does not quote it, and readers
    would break the row there. Parquet and DuckDB keep every text exact.
    """
    with atomic_path(target) as tmp:
        neutralised(df).to_csv(tmp, index=False, sep=dialect.separator, decimal=dialect.decimal,
                               encoding=dialect.encoding, lineterminator="\n")


def neutralised(df: pd.DataFrame) -> pd.DataFrame:
    """The frame with every text cell a spreadsheet would evaluate prefixed with "'", and CRs escaped."""
    return with_texts(df, _safe_cell)


def _safe_cell(value: str) -> str:
    return (f"'{value}" if _FORMULA.match(value) else value).replace("\r", "\\r")


def write_parquet(target: Path, table: pa.Table) -> None:
    with atomic_path(target) as tmp:
        pq.write_table(table, tmp)


def _file_mode() -> int:
    """What open() would give a new file: 0o666 less the process umask (read without changing it)."""
    mask = os.umask(0o022)
    os.umask(mask)
    return 0o666 & ~mask


_FILE_MODE = _file_mode()


@contextmanager
def atomic_path(target: Path):
    """Yield a temp path beside `target`; rename it over `target` only on success."""
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    os.close(fd)
    tmp = Path(name)
    try:
        yield tmp
        os.chmod(tmp, _FILE_MODE)  # mkstemp makes it private; a published file is as readable as any other
        os.replace(tmp, target)
    finally:
        tmp.unlink(missing_ok=True)


def remove_stale_temporaries(out: Path) -> None:
    """Temp files, links and half-written generations a killed run left behind (only ever
    removed while holding the output lock)."""
    for tmp in sorted(out.rglob(".*.tmp"), key=lambda p: len(p.parts)):
        if tmp.is_dir() and not tmp.is_symlink():
            shutil.rmtree(tmp, ignore_errors=True)
        else:
            tmp.unlink(missing_ok=True)


def write_text(target: Path, text: str) -> None:
    write_bytes(target, text.encode("utf-8"))


def write_bytes(target: Path, data: bytes) -> None:
    with atomic_path(target) as tmp:
        tmp.write_bytes(data)
