"""Rows as frames: raw ones to check, typed ones to publish.

Validation must see what came out of extraction before any cast, so that a text where a
number belongs is reported and quarantined rather than crashing a cast or turning silently
into null; only the rows that pass are typed, with the contract's nullable dtypes, for
publish to write.
"""
from __future__ import annotations

import math
from collections.abc import Callable, Iterable
from dataclasses import asdict
from numbers import Real

import pandas as pd

from pipeline.contract import DATASETS, ColumnType, column_names, columns
from pipeline.model import Extraction

_DTYPES = {
    ColumnType.STRING: "string",
    ColumnType.INTEGER: "Int64",
    ColumnType.NUMBER: "Float64",
    ColumnType.BOOLEAN: "boolean",
}


def dataset_rows(extractions: list[Extraction]) -> dict[str, list]:
    """Dataset name → all documents' row dataclasses, in document and reading order."""
    rows: dict[str, list] = {name: [] for name in DATASETS}
    for extraction in extractions:
        rows["documents"].append(extraction.document)
        for name in DATASETS[1:]:
            rows[name].extend(getattr(extraction, name))
    return rows


def raw_frames(rows: dict[str, list]) -> dict[str, pd.DataFrame]:
    """Dataset name → object-dtype frame of the rows as extracted; index = row position."""
    frames = {}
    for name, records in rows.items():
        dicts = [asdict(r) for r in records]
        # Built column by column as objects: no inference may turn 3 into 3.0 or None into NaN.
        frames[name] = pd.DataFrame(
            {column: pd.Series([d[column] for d in dicts], dtype=object) for column in column_names(name)},
            index=pd.RangeIndex(len(dicts)),
        )
    return frames


def typed_frame(dataset: str, rows: Iterable[object]) -> pd.DataFrame:
    """Rows (dataclasses) → a DataFrame with the contract's columns and nullable dtypes."""
    records = [asdict(r) for r in rows]  # type: ignore[call-overload]
    df = pd.DataFrame.from_records(records, columns=column_names(dataset))
    for column in columns(dataset):
        df[column.name] = df[column.name].astype(_DTYPES[column.type])  # type: ignore[call-overload]  # stubs take dtype literals
    return df


def as_number(value: object) -> float | None:
    """The value if it is a real number (bools and texts are not), else None."""
    if isinstance(value, bool) or not isinstance(value, Real):
        return None
    number = float(value)
    return None if math.isnan(number) else number


def with_texts(df: pd.DataFrame, change: Callable[[str], str]) -> pd.DataFrame:
    """A copy of the frame with `change` applied to every text cell (other cells and every
    column's dtype as they were): what a reader of the texts must not be handed raw."""
    out = df.copy()
    for column in out.columns:
        if out[column].dtype == object or pd.api.types.is_string_dtype(out[column]):
            changed = [change(v) if isinstance(v, str) else v for v in out[column]]
            out[column] = pd.Series(changed, index=out.index, dtype=out[column].dtype)
    return out


def numeric(series: pd.Series) -> pd.Series:
    """A column's real numbers as floats, everything else as NaN."""
    return pd.to_numeric(series.map(as_number), errors="coerce").astype(float)

