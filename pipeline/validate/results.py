"""What validation found: one Finding per failed check, and the validation_results dataset.

Every finding is classified, because users must tell "the PDF itself disagrees" from "we
read it wrong": a source_inconsistency is published as printed, an extraction_error sends
its row to quarantine, a warning is for the reader's attention only.
"""
from __future__ import annotations

from dataclasses import asdict, dataclass

import pandas as pd
import pyarrow as pa

SOURCE_INCONSISTENCY = "source_inconsistency"
EXTRACTION_ERROR = "extraction_error"
WARNING = "warning"
SEVERITIES = (SOURCE_INCONSISTENCY, EXTRACTION_ERROR, WARNING)


@dataclass(frozen=True)
class Finding:
    """One failed check, located as precisely as the check allows.

    `row` is the position of the offending row in its dataset's extracted rows (None for
    checks about a table or a whole dataset); quarantine uses it.
    """

    doc_id: str | None
    dataset: str
    check: str
    severity: str
    message: str
    row: int | None = None
    row_id: str | None = None
    page: int | None = None
    table_title: str | None = None
    row_label: str | None = None
    column_label: str | None = None
    expected: float | None = None
    found: float | None = None
    difference: float | None = None
    tolerance: float | None = None


# The validation_results dataset (publish writes it as CSV, Parquet and a DuckDB table).
RESULT_SCHEMA = pa.schema(
    [
        ("doc_id", pa.string()), ("source_file", pa.string()), ("dataset", pa.string()), ("check", pa.string()),
        ("severity", pa.string()), ("message", pa.string()), ("row_id", pa.string()), ("page", pa.int64()),
        ("table_title", pa.string()), ("row_label", pa.string()), ("column_label", pa.string()),
        ("expected", pa.float64()), ("found", pa.float64()), ("difference", pa.float64()),
        ("tolerance", pa.float64()),
    ]
)


def results_frame(findings: list[Finding], source_files: dict[str, str]) -> pd.DataFrame:
    """The validation_results dataset: findings with the file name beside the doc_id."""
    records = [{**asdict(f), "source_file": source_files.get(f.doc_id or "")} for f in findings]
    df = pd.DataFrame.from_records(records, columns=[f.name for f in RESULT_SCHEMA])
    for field in RESULT_SCHEMA:
        if pa.types.is_integer(field.type):
            df[field.name] = df[field.name].astype("Int64")
        elif pa.types.is_floating(field.type):
            df[field.name] = df[field.name].astype("Float64")
        else:
            df[field.name] = df[field.name].astype("string")
    return df
