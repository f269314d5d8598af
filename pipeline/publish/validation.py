"""What validation found, written beside the datasets: validation_results, quarantine, reports.

Validation only returns its outcome; these are its files, each replaced atomically like
every other output of a publish.
"""
from __future__ import annotations

from pathlib import Path

import pyarrow as pa

from pipeline.publish.report import write_reports
from pipeline.publish.review import Sources
from pipeline.publish.writers import write_csv, write_parquet
from pipeline.validate import ValidationOutcome
from pipeline.validate.results import RESULT_SCHEMA


def write_validation(out: Path, outcome: ValidationOutcome, sources: Sources | None = None) -> None:
    """processed/quarantine/<dataset>.csv (header only when none), validation_results.{csv,parquet}
    (publish adds its table to budget.duckdb) and processed/reports/ (with a review page per
    document, whose pages it renders from `sources`)."""
    for name, df in outcome.quarantined.items():
        write_csv(out / "quarantine" / f"{name}.csv", df)
    write_csv(out / "validation_results.csv", outcome.results)
    write_parquet(
        out / "validation_results.parquet",
        pa.Table.from_pandas(outcome.results, preserve_index=False).cast(RESULT_SCHEMA),
    )
    write_reports(out / "reports", outcome, sources or Sources())
