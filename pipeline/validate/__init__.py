"""Validate stage: extracted rows → published rows | quarantined rows, + validation results.

`validate(extractions, settings)` is the one call a batch makes between extract and publish. It runs
the GX suites of every dataset and the arithmetic and unit checks in one Checkpoint,
classifies every failure (source_inconsistency, extraction_error, warning) and sets aside
the rows failing a hard extraction check. It returns all of that and writes nothing:
publish is the only writer (validation_results, quarantine/, reports/), so validation can
be run, inspected and tested alone, and never imports the publish stage.
"""
from __future__ import annotations

import time
from dataclasses import asdict, dataclass
from typing import cast

import pandas as pd

from pipeline.contract import DocumentStatus
from pipeline.model import Extraction
from pipeline.settings import Settings
from pipeline.validate.checks import INCONSISTENT, OK, ROUNDING, Check
from pipeline.validate.crossfoot import crossfoot
from pipeline.validate.frames import dataset_rows, raw_frames
from pipeline.validate.quarantine import split
from pipeline.validate.results import (
    EXTRACTION_ERROR,
    SEVERITIES,
    SOURCE_INCONSISTENCY,
    WARNING,
    Finding,
    results_frame,
)
from pipeline.validate.status import with_status
from pipeline.validate.suites import DataDocs, SuiteStats, run_checkpoint, staging_frames
from pipeline.validate.tables import tables
from pipeline.validate.units import inferred_units, unit_checks

__all__ = ["ValidationOutcome", "validate"]


@dataclass
class ValidationOutcome:
    """What publish writes: the clean rows, the quarantined ones with their reasons, the
    validation_results dataset, and what the reports show (counts, suites, Data Docs)."""

    published: dict[str, pd.DataFrame]  # dataset → typed rows with the contract's columns
    quarantined: dict[str, pd.DataFrame]  # dataset → rows as extracted, plus checks and reasons
    findings: list[Finding]
    results: pd.DataFrame  # the validation_results dataset
    counts: pd.DataFrame  # per document and dataset: extracted, published, quarantined
    suites: list[SuiteStats]
    data_docs: DataDocs  # the GX Data Docs site as GX built it
    seconds: float

    def summary(self) -> dict:
        """The validation part of the run report."""
        per_doc = {}
        for (doc_id, source_file), group in self.counts.groupby(["doc_id", "source_file"], sort=False):
            per_doc[source_file] = {
                "doc_id": doc_id,
                "reconciles": bool(group["reconciles"].all()),
                **{
                    r.dataset: {
                        "extracted": int(cast(int, r.extracted)),
                        "published": int(cast(int, r.published)),
                        "quarantined": int(cast(int, r.quarantined)),
                    }
                    for r in group.itertuples()
                },
                "findings": {
                    s: int(((self.results["doc_id"] == doc_id) & (self.results["severity"] == s)).sum())
                    for s in SEVERITIES
                },
            }
        return {
            "seconds": round(self.seconds, 3),
            "findings": {s: int((self.results["severity"] == s).sum()) for s in SEVERITIES},
            "published": {name: len(df) for name, df in self.published.items()},
            "quarantined": {name: len(df) for name, df in self.quarantined.items()},
            "counts_reconcile": bool(self.counts["reconciles"].all()),
            "suites": [{**asdict(s), "success": s.success} for s in self.suites],
            "documents": per_doc,
        }


_SEVERITY_OF = {ROUNDING: WARNING, INCONSISTENT: SOURCE_INCONSISTENCY}


def validate(extractions: list[Extraction], settings: Settings) -> ValidationOutcome:
    """Validate all documents' rows together; return what to publish, quarantine and report."""
    started = time.perf_counter()
    rows = dataset_rows(extractions)
    raw = raw_frames(rows)
    found_tables = tables(raw["amounts"])
    checks = {"crossfoot": crossfoot(found_tables, settings),
              "units": unit_checks(found_tables, raw["amounts"], settings)}
    frames = staging_frames(raw, settings) | {name: _checks_frame(c) for name, c in checks.items()}
    findings, suites, data_docs = run_checkpoint(frames, settings)
    findings += [_finding(c) for group in checks.values() for c in group if c.outcome != OK]
    findings += _failed_documents(raw["documents"])
    findings += _unplaced_figures(extractions)
    findings += inferred_units(raw["amounts"])
    findings += _ocr_gaps(extractions)
    outcome_split = split(rows, raw, findings)
    findings += outcome_split.findings
    published = {**outcome_split.published, "amounts": with_status(outcome_split.published["amounts"], findings)}
    source_files = dict(zip(raw["documents"]["doc_id"], raw["documents"]["source_file"]))
    return ValidationOutcome(
        published=published, quarantined=outcome_split.quarantined, findings=findings,
        results=results_frame(findings, source_files), counts=outcome_split.counts, suites=suites,
        data_docs=data_docs, seconds=time.perf_counter() - started,
    )


def _checks_frame(checks: list[Check]) -> pd.DataFrame:
    columns = [*Check.__dataclass_fields__, "difference"]
    return pd.DataFrame.from_records([{**asdict(c), "difference": c.difference} for c in checks], columns=columns)


def _finding(check: Check) -> Finding:
    return Finding(
        doc_id=check.doc_id, dataset="amounts", check=check.check, severity=_SEVERITY_OF.get(check.outcome, WARNING),
        message=check.message, row=check.row, row_id=check.row_id, page=check.page, table_title=check.table_title,
        row_label=check.row_label, column_label=check.column_label or None, expected=check.expected,
        found=check.found, difference=check.difference, tolerance=check.tolerance,
    )


def _unplaced_figures(extractions: list[Extraction]) -> list[Finding]:
    """Figures printed in a table that the extractor could not place: not published, so
    the reader is told where they are."""
    return [
        Finding(f.doc_id, "amounts", f"unplaced_figure:{f.reason}", WARNING,
                f"figure {f.text!r} printed in the table but not published ({f.reason.replace('_', ' ')})",
                page=f.page, table_title=f.table_title, row_label=f.row_label)
        for x in extractions for f in x.unplaced
    ]


_OCR_GAP = {"unavailable": "Tesseract is not installed (tesseract-ocr, tesseract-ocr-swe)",
            "over_budget": "the document's OCR page budget (configs/pipeline.yaml ocr.page_budget) was spent"}


def _ocr_gaps(extractions: list[Extraction]) -> list[Finding]:
    """A page with no text layer, or an image on a page, that OCR did not read: what it holds
    is missing from every dataset, and the reader must know where."""
    return [
        Finding(g.doc_id, "documents", f"ocr_{g.reason}", WARNING,
                f"page {g.page} (or an image on it) needs OCR and was not read: {_OCR_GAP.get(g.reason, g.reason)}",
                page=g.page)
        for x in extractions for g in x.ocr_gaps
    ]


def _failed_documents(documents: pd.DataFrame) -> list[Finding]:
    """A file that could not be read is an extraction problem the results must show too."""
    return [
        Finding(doc_id=cast(str, rec.doc_id), dataset="documents", check="document_failed", severity=EXTRACTION_ERROR,
                message=f"{rec.source_file}: could not be read (see the run report for the stage and reason)")
        for rec in documents.itertuples()
        if rec.status == DocumentStatus.FAILED
    ]
