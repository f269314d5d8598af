"""Per-document orchestration: ingest → layout → extract, each failure an error record.

`process_document` is a pure function of (file bytes, configs, pipeline version) plus the
interim files it writes, which is what lets a process pool or a Dask cluster run it
unchanged.
"""
from __future__ import annotations

import hashlib
import json
import time
import traceback
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field
from pathlib import Path

from pipeline import __version__
from pipeline.extract import extract
from pipeline.ingest import ingest
from pipeline.layout import build_layout
from pipeline.model import Document, DocumentRow, Extraction, StageError
from pipeline.publish.writers import write_text


@dataclass
class DocumentResult:
    file: str
    extraction: Extraction | None
    error: StageError | None
    timings: dict[str, float] = field(default_factory=dict)


def find_pdfs(paths: Iterable[Path]) -> list[Path]:
    """Files as given; directories searched recursively for *.pdf (case-insensitive)."""
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            found.extend(sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() == ".pdf"))
        else:
            found.append(path)
    return found


def process_document(path: Path, interim_root: Path) -> DocumentResult:
    timings: dict[str, float] = {}
    stage = "ingest"
    try:
        t = time.perf_counter()
        source = ingest(path)
        timings["ingest"] = time.perf_counter() - t
        if isinstance(source, StageError):
            return DocumentResult(path.name, _failed_row(path), source, timings)
        interim = interim_root / source.doc_id
        stage = "layout"
        t = time.perf_counter()
        document = build_layout(source)
        if not any(b.text for b in document.blocks):
            error = StageError(path.name, stage, "no readable text blocks on any page")
            return DocumentResult(path.name, _failed_row(path), error, timings)
        write_json(interim / "layout.json", document.to_dict())
        timings["layout"] = time.perf_counter() - t
        stage = "extract"
        t = time.perf_counter()
        extraction = extract(document)
        write_json(interim / "extracted.json", extraction.to_dict())
        timings["extract"] = time.perf_counter() - t
        return DocumentResult(path.name, extraction, None, timings)
    except Exception as exc:  # one bad file must never stop the batch
        reason = f"{type(exc).__name__}: {exc}".strip()
        error = StageError(path.name, stage, reason)
        return DocumentResult(path.name, _failed_row(path), error, {**timings, "traceback": traceback.format_exc()})  # type: ignore[dict-item]


def load_layout(interim: Path) -> Document:
    return Document.from_dict(json.loads((interim / "layout.json").read_text(encoding="utf-8")))


def write_json(target: Path, data: object) -> None:
    write_text(target, json.dumps(data, ensure_ascii=False, indent=1, default=str))


def _failed_row(path: Path) -> Extraction:
    """A failed file still gets a documents row, so that nothing silently disappears."""
    try:
        doc_id = hashlib.sha256(path.read_bytes()).hexdigest()[:16]
    except OSError:
        doc_id = hashlib.sha256(str(path).encode()).hexdigest()[:16]
    row = DocumentRow(doc_id=doc_id, source_file=path.name, pages=0, status="failed", pipeline_version=__version__)
    return Extraction(document=row)


def report_entry(result: DocumentResult) -> dict:
    entry: dict = {"file": result.file, "timings": {k: v for k, v in result.timings.items() if k != "traceback"}}
    if result.error is not None:
        entry["error"] = asdict(result.error)
    return entry
