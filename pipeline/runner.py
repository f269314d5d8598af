"""Per-document work: ingest → layout → tables → extract, each failure an error record.

`process_document` is a pure function of (file name, file bytes, configs, pipeline
version). It writes nothing, so a thread, a process pool or a remote Dask worker runs it
unchanged; the driver writes the interim files it returns.
"""
from __future__ import annotations

import io
import json
import threading
import time
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from pipeline import __version__
from pipeline.contract import DocumentStatus
from pipeline.extract import extract
from pipeline.ingest import RESOURCE_LIMIT, doc_id_of, file_doc_id, ingest_bytes, refuse_by_size
from pipeline.layout import build_layout
from pipeline.model import DocumentRow, Extraction, StageError
from pipeline.publish.writers import write_text
from pipeline.settings import Settings
from pipeline.tables import stage_tables
from pipeline.time_limit import DocumentTimeout, time_limit

# Failures that say more about the run than about the file: the next run tries again.
RETRIED_STAGES = frozenset({"timeout", "worker"})
_STAGES = ("ingest", "layout", "tables", "extract")
_ONE_AT_A_TIME = threading.Lock()


@dataclass
class DocumentResult:
    file: str
    doc_id: str
    extraction: Extraction
    error: StageError | None
    timings: dict[str, float] = field(default_factory=dict)
    layout: dict[str, Any] | None = None
    tables: list[dict[str, Any]] | None = None


def find_pdfs(paths: Iterable[Path]) -> list[Path]:
    """Files as given; directories searched recursively for *.pdf (case-insensitive)."""
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            found.extend(sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() == ".pdf"))
        else:
            found.append(path)
    return found


def process_path(path: Path, settings: Settings, timeout: float | None = None) -> DocumentResult:
    refused = refuse_by_size(path, settings.pipeline.ingest)
    if refused is not None:
        return failed_result(path, refused.stage, refused.reason)
    try:
        data = path.read_bytes()
    except OSError as exc:
        return failed_result(path, "ingest", f"cannot read file: {exc.strerror}")
    return process_document(path.name, data, settings, timeout)


def failed_result(path: Path, stage: str, reason: str) -> DocumentResult:
    doc_id = file_doc_id(path) or doc_id_of(str(path).encode())
    return DocumentResult(path.name, doc_id, _failed(path.name, doc_id), StageError(path.name, stage, reason))


def process_document_alone(name: str, data: bytes, settings: Settings, timeout: float | None = None) -> DocumentResult:
    """`process_document`, one at a time in this process: a Dask worker runs tasks in several
    threads, and pdfium and spaCy are not thread-safe (a segfault, spaCy's E018), so the
    threads of one worker take turns; parallelism comes from worker processes."""
    with _ONE_AT_A_TIME:
        return process_document(name, data, settings, timeout)


def process_document(name: str, data: bytes, settings: Settings, timeout: float | None = None) -> DocumentResult:
    """Every stage over one document's bytes: a function of (bytes, settings, pipeline version)."""
    doc_id = doc_id_of(data)
    timings: dict[str, float] = {}  # filled stage by stage: the first missing one was running
    try:
        with time_limit(timeout):
            return _stages(name, data, doc_id, settings, timings)
    except DocumentTimeout as exc:
        running = next((s for s in _STAGES if s not in timings), _STAGES[-1])
        error = StageError(name, "timeout", f"{exc}, during {running}")
        return DocumentResult(name, doc_id, _failed(name, doc_id), error, timings)


def _stages(name: str, data: bytes, doc_id: str, settings: Settings, timings: dict[str, float]) -> DocumentResult:
    stage = "ingest"
    try:
        t = time.perf_counter()
        source = ingest_bytes(name, data, settings.pipeline.ingest, ocr=settings.pipeline.ocr)
        timings["ingest"] = time.perf_counter() - t
        if isinstance(source, StageError):
            return DocumentResult(name, doc_id, _failed(name, doc_id), source, timings)
        stage = "layout"
        t = time.perf_counter()
        document = build_layout(source, settings, io.BytesIO(data))
        timings["layout"] = time.perf_counter() - t
        timings["ocr"] = document.metadata["ocr"]["seconds"]  # part of layout's
        if not any(b.text for b in document.blocks):
            error = StageError(name, stage, "no readable text blocks on any page")
            return DocumentResult(name, doc_id, _failed(name, doc_id), error, timings)
        stage = "tables"
        t = time.perf_counter()
        tables = stage_tables(document, settings)
        timings["tables"] = time.perf_counter() - t
        stage = "extract"
        t = time.perf_counter()
        extraction = extract(document, tables, settings)
        timings["extract"] = time.perf_counter() - t
        return DocumentResult(name, doc_id, extraction, None, timings, document.to_dict(),
                              [table.to_dict() for table in tables])
    except MemoryError:  # the worker's address-space cap (configs/pipeline.yaml run.memory_limit_mb)
        error = StageError(name, RESOURCE_LIMIT, f"ran out of the worker's memory limit during {stage}")
        return DocumentResult(name, doc_id, _failed(name, doc_id), error, timings)
    except Exception as exc:  # one bad file must never stop the batch
        error = StageError(name, stage, f"{type(exc).__name__}: {exc}".strip())
        return DocumentResult(name, doc_id, _failed(name, doc_id), error, timings)


def _failed(name: str, doc_id: str) -> Extraction:
    """A failed file still gets a documents row, so that nothing silently disappears."""
    row = DocumentRow(
        doc_id=doc_id, source_file=name, pages=0, status=DocumentStatus.FAILED, pipeline_version=__version__
    )
    return Extraction(document=row)


def write_interim(interim_root: Path, result: DocumentResult) -> None:
    folder = interim_root / result.doc_id
    if result.layout is not None:
        write_json(folder / "layout.json", result.layout)
    if result.tables is not None:
        write_json(folder / "tables.json", result.tables)
    record = {"extraction": result.extraction.to_dict(), "error": asdict(result.error) if result.error else None}
    write_json(folder / "extracted.json", record)


def read_interim(interim_root: Path, doc_id: str) -> tuple[Extraction, StageError | None] | None:
    """The stored extraction, or None when absent or unreadable (then it is simply redone)."""
    path = interim_root / doc_id / "extracted.json"
    try:
        record = json.loads(path.read_text(encoding="utf-8"))
        error = StageError(**record["error"]) if record.get("error") else None
        return Extraction.from_dict(record["extraction"]), error
    except (OSError, ValueError, KeyError, TypeError):
        return None


def write_json(target: Path, data: object) -> None:
    write_text(target, json.dumps(data, ensure_ascii=False, indent=1, default=str))
