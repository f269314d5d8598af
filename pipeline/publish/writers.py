"""Write datasets as CSV and Parquet, each file atomically (temp file + rename).

A reader (or a run killed half-way) never sees a half-written dataset: either the old
complete file or the new complete file is in place.
"""
from __future__ import annotations

import os
import tempfile
from collections.abc import Iterable
from contextlib import contextmanager
from dataclasses import asdict
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from pipeline.publish.schema import COLUMNS, arrow_schema, column_names


def frame(dataset: str, rows: Iterable[object]) -> pd.DataFrame:
    """Rows (dataclasses) → a DataFrame with the contract's columns and nullable dtypes."""
    records = [asdict(r) for r in rows]  # type: ignore[call-overload]
    df = pd.DataFrame.from_records(records, columns=column_names(dataset))
    for name, typ in COLUMNS[dataset]:
        if pa.types.is_integer(typ):
            df[name] = df[name].astype("Int64")
        elif pa.types.is_floating(typ):
            df[name] = df[name].astype("Float64")
        elif pa.types.is_boolean(typ):
            df[name] = df[name].astype("boolean")
        else:
            df[name] = df[name].astype("string")
    return df


def write_dataset(out: Path, dataset: str, df: pd.DataFrame) -> None:
    with atomic_path(out / f"{dataset}.csv") as tmp:
        df.to_csv(tmp, index=False, encoding="utf-8", lineterminator="\n")
    table = pa.Table.from_pandas(df, preserve_index=False).cast(
        pa.schema([pa.field(f.name, f.type.value_type if pa.types.is_dictionary(f.type) else f.type) for f in arrow_schema(dataset)])
    )
    table = table.cast(arrow_schema(dataset))
    with atomic_path(out / f"{dataset}.parquet") as tmp:
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
    with atomic_path(target) as tmp:
        tmp.write_text(text, encoding="utf-8")
