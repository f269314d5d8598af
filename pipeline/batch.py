"""A batch run: many documents in, the published datasets and a run report out."""
from __future__ import annotations

import time
from dataclasses import asdict
from datetime import datetime, timezone
from pathlib import Path

from pipeline import __version__
from pipeline.publish.schema import DATASETS
from pipeline.publish.writers import frame, write_dataset
from pipeline.runner import DocumentResult, find_pdfs, process_document, report_entry, write_json

EXIT_OK = 0
EXIT_SOME_FAILED = 1
EXIT_USAGE = 2


def run_batch(inputs: list[Path], out: Path, log=print) -> tuple[int, dict]:
    started = time.perf_counter()
    files = find_pdfs(inputs)
    results: list[DocumentResult] = []
    for path in files:
        result = process_document(path, out / "interim")
        status = "FAILED " + f"[{result.error.stage}] {result.error.reason}" if result.error else "ok"
        log(f"{path.name}: {status}")
        results.append(result)
    rows = {name: [] for name in DATASETS}
    for result in results:
        extraction = result.extraction
        if extraction is None:
            continue
        rows["documents"].append(extraction.document)
        for name in DATASETS[1:]:
            rows[name].extend(getattr(extraction, name))
    for name in DATASETS:
        write_dataset(out, name, frame(name, rows[name]))
    failed = [r for r in results if r.error is not None]
    report = {
        "pipeline_version": __version__,
        "started_utc": datetime.now(timezone.utc).isoformat(timespec="seconds"),
        "files_seen": len(files),
        "processed": len(results) - len(failed),
        "failed": [asdict(r.error) for r in failed],
        "rows": {name: len(rows[name]) for name in DATASETS},
        "documents": [report_entry(r) for r in results],
        "seconds": round(time.perf_counter() - started, 3),
    }
    stamp = datetime.now(timezone.utc).strftime("%Y%m%dT%H%M%S%fZ")
    write_json(out / "runs" / f"{stamp}.json", report)
    log(f"{report['processed']} processed, {len(failed)} failed, rows: {report['rows']}")
    return (EXIT_SOME_FAILED if failed else EXIT_OK), report
