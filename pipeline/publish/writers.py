"""Write datasets as CSV and Parquet, each file atomically (temp file + rename).

A reader (or a run killed half-way) never sees a half-written dataset: either the old
complete file or the new complete file is in place.
"""
from __future__ import annotations

import os
import tempfile
from contextlib import contextmanager
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from pipeline.contract import arrow_schema


def write_dataset(out: Path, dataset: str, df: pd.DataFrame) -> None:
    """<dataset>.csv and <dataset>.parquet of a typed frame (validate.frames.typed_frame)."""
    write_csv(out / f"{dataset}.csv", df)
    table = pa.Table.from_pandas(df, preserve_index=False).cast(
        pa.schema(
            [
                pa.field(f.name, f.type.value_type if pa.types.is_dictionary(f.type) else f.type)
                for f in arrow_schema(dataset)
            ]
        )
    )
    write_parquet(out / f"{dataset}.parquet", table.cast(arrow_schema(dataset)))


def write_csv(target: Path, df: pd.DataFrame) -> None:
    """UTF-8, `.` as decimal point, empty cell for null, \\n line ends: the contract's CSV."""
    with atomic_path(target) as tmp:
        df.to_csv(tmp, index=False, encoding="utf-8", lineterminator="\n")


def write_parquet(target: Path, table: pa.Table) -> None:
    with atomic_path(target) as tmp:
        pq.write_table(table, tmp)


@contextmanager
def atomic_path(target: Path):
    """Yield a temp path beside `target`; rename it over `target` only on success."""
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    os.close(fd)
    tmp = Path(name)
    try:
        yield tmp
        os.replace(tmp, target)
    finally:
        tmp.unlink(missing_ok=True)


def remove_stale_temporaries(out: Path) -> None:
    """Temp files a killed run left behind (only ever removed while holding the output lock)."""
    for tmp in out.rglob(".*.tmp"):
        tmp.unlink(missing_ok=True)


def write_text(target: Path, text: str) -> None:
    write_bytes(target, text.encode("utf-8"))


def write_bytes(target: Path, data: bytes) -> None:
    with atomic_path(target) as tmp:
        tmp.write_bytes(data)
