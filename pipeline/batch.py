"""A batch run: many documents in, the published datasets and a run report out.

Incremental: a file whose bytes and pipeline version are unchanged is not processed again;
its interim extraction is reused. Nothing changed and nothing removed → nothing is
rewritten, so two runs in a row leave the datasets byte-identical.
"""
from __future__ import annotations

import logging
import sys
import time
from collections import defaultdict
from collections.abc import Callable
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from pathlib import Path

from rich.progress import Progress

from pipeline import __version__
from pipeline.contract import DATASETS
from pipeline.executors import run_documents
from pipeline.ingest import file_doc_id
from pipeline.model import Extraction, StageError
from pipeline.publish.database import write_database
from pipeline.publish.datapackage import write_datapackage
from pipeline.publish.generations import new_generation
from pipeline.publish.lock import OutputLock
from pipeline.publish.state import Entry, load_state, processed_by, save_state, state_key
from pipeline.publish.validation import write_validation
from pipeline.publish.writers import remove_stale_temporaries, write_dataset
from pipeline.runner import RETRIED_STAGES, DocumentResult, find_pdfs, read_interim, write_interim, write_json
from pipeline.settings import Settings
from pipeline.validate import ValidationOutcome, validate

EXIT_OK = 0
EXIT_SOME_FAILED = 1
EXIT_USAGE = 2
EXIT_LOCKED = 3
EXIT_RUN_FAILED = 4  # the run itself failed: no scheduler or workers, a full disk, a read-only output
_log = logging.getLogger(__name__)


class EmptyInput(RuntimeError):
    """A pruning run found no PDF where documents were published: an unmounted or emptied
    raw/ must not wipe the published set (a usage error unless allow_empty)."""


@dataclass(frozen=True)
class RunOptions:
    workers: int = 1
    scheduler: str | None = None
    force: bool = False
    prune: bool = False  # drop the rows of documents no longer among the inputs (else kept)
    allow_empty: bool = False  # let a pruning run with no PDFs empty a published set
    timeout: float | None = None  # seconds per document (None: no limit)


def run_batch(
    inputs: list[Path], out: Path, settings: Settings, options: RunOptions = RunOptions(),
    log: Callable[[str], None] = _log.info,
) -> tuple[int, dict]:
    """Process `inputs` into `out` with `settings`; raises OutputLocked if another run holds
    `out`, EmptyInput if a pruning run finds nothing to publish over a published set."""
    with OutputLock(out):
        return _run(inputs, out, settings, options, log)


def _run(inputs: list[Path], out: Path, settings: Settings, options: RunOptions,
         log: Callable[[str], None]) -> tuple[int, dict]:
    started = time.perf_counter()
    remove_stale_temporaries(out)
    interim = out / "interim"
    files = find_pdfs(inputs)
    if options.prune and not files and not options.allow_empty and load_state(out):
        raise EmptyInput(f"no PDF found in {', '.join(map(str, inputs))}: refusing to remove every published "
                         "document (give --allow-empty to do so)")
    current, todo, reused, removed = _plan(files, out, settings, options)

    results = _process(todo, settings, options, log)
    for path, result in zip(todo, results):
        write_interim(interim, result)
        current[state_key(path)] = processed_by(result.doc_id, settings)

    outcomes = {key: cached for key, cached in reused.items()}
    outcomes.update({state_key(p): (r.extraction, r.error) for p, r in zip(todo, results)})
    extractions = _unique_documents(outcomes)
    changed = bool(todo) or (bool(removed) and options.prune)
    validation = None
    if changed or not (out / "documents.csv").exists():
        validation = publish(out, extractions, settings, log).summary()
    save_state(out, current)

    failed = [error for _, error in outcomes.values() if error is not None]
    report = {
        "pipeline_version": __version__,
        "started_utc": datetime.now(UTC).isoformat(timespec="seconds"),
        "files_seen": len(files),
        "processed": sum(r.error is None for r in results),
        "skipped_unchanged": len(reused) - (0 if options.prune else len(removed)),
        "removed": sorted(Path(k).name for k in removed) if options.prune else [],
        "published": changed,
        "failed": [asdict(e) for e in failed],
        "rows": {name: sum(len(getattr(x, name)) for x in extractions) for name in DATASETS[1:]}
        | {"documents": len(extractions)},
        "timings": _stage_timings(results) | {"total": round(time.perf_counter() - started, 3)},
        "documents": [_report_entry(r) for r in results],
        "validation": validation,
    }
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%fZ")
    write_json(out / "runs" / f"{stamp}.json", report)
    log(
        f"{len(files)} files: {report['processed']} processed, {report['skipped_unchanged']} unchanged, "
        f"{len(failed)} failed; rows {report['rows']}"
    )
    return (EXIT_SOME_FAILED if failed else EXIT_OK), report


def _plan(
    files: list[Path], out: Path, settings: Settings, options: RunOptions
) -> tuple[dict[str, Entry], list[Path], dict[str, tuple[Extraction, StageError | None]], dict[str, Entry]]:
    """Which files to run (`todo`), whose interim results to reuse, and which state entries are gone."""
    interim = out / "interim"
    state = load_state(out)
    current: dict[str, Entry] = {}
    todo: list[Path] = []
    reused: dict[str, tuple[Extraction, StageError | None]] = {}
    for path in files:
        key = state_key(path)
        doc_id = file_doc_id(path) or ""
        previous = state.get(key)
        cached = read_interim(interim, doc_id) if doc_id else None
        retried = cached is not None and cached[1] is not None and cached[1].stage in RETRIED_STAGES
        if not options.force and previous == processed_by(doc_id, settings) and cached is not None and not retried:
            reused[key] = cached
            current[key] = previous
        else:
            todo.append(path)
    given = {state_key(p) for p in files}
    removed = {k: v for k, v in state.items() if k not in given}
    if not options.prune:
        for key, entry in removed.items():
            cached = read_interim(interim, entry.doc_id)
            if cached is None:  # its interim result is gone: it cannot be kept without its file
                _log.warning("%s is no longer among the inputs and has no interim result: its rows go", key)
                continue
            reused[key] = cached
            current[key] = entry
    return current, todo, reused, removed


def _process(todo: list[Path], settings: Settings, options: RunOptions,
             log: Callable[[str], None]) -> list[DocumentResult]:
    """Run the documents, in any order, with a progress bar on a terminal and log lines otherwise."""
    results: list[DocumentResult | None] = [None] * len(todo)
    stream = run_documents(todo, settings, options.workers, options.scheduler, options.timeout)
    if sys.stdout.isatty() and todo:
        with Progress(transient=True) as progress:
            task = progress.add_task("documents", total=len(todo))
            for index, result in stream:
                results[index] = result
                progress.advance(task)
    else:
        for index, result in stream:
            results[index] = result
            status = f"FAILED [{result.error.stage}] {result.error.reason}" if result.error else "ok"
            log(f"{result.file}: {status}")
    return [r for r in results if r is not None]


def _unique_documents(outcomes: dict[str, tuple[Extraction, StageError | None]]) -> list[Extraction]:
    """One document per doc_id (the same bytes given twice are one document), sorted."""
    unique: dict[str, Extraction] = {}
    for key in sorted(outcomes):
        extraction, _ = outcomes[key]
        unique.setdefault(extraction.document.doc_id, extraction)
    return [unique[k] for k in sorted(unique)]


def publish(out: Path, extractions: list[Extraction], settings: Settings,
            log: Callable[[str], None] = _log.info) -> ValidationOutcome:
    """Validate the extracted rows, then publish, as one new generation (generations.py): what
    validation found (results, quarantine, reports), the clean rows of every dataset, the
    database, and the data package last."""
    outcome = validate(extractions, settings)
    with new_generation(out) as generation:
        write_validation(generation, outcome)
        for name in DATASETS:
            write_dataset(generation, name, outcome.published[name])
        write_database(generation / "budget.duckdb", {**outcome.published, "validation_results": outcome.results})
        write_datapackage(generation, list(DATASETS))
    found = ", ".join(f"{n} {s.replace('_', ' ')}" for s, n in outcome.summary()["findings"].items())
    quarantined = sum(len(q) for q in outcome.quarantined.values())
    log(f"validation: {found}; {quarantined} rows quarantined ({outcome.seconds:.1f} s)")
    return outcome


def _stage_timings(results: list[DocumentResult]) -> dict[str, float]:
    totals: dict[str, float] = defaultdict(float)
    for result in results:
        for stage, seconds in result.timings.items():
            totals[stage] += seconds
    return {stage: round(seconds, 3) for stage, seconds in totals.items()}


def _report_entry(result: DocumentResult) -> dict:
    entry: dict = {
        "file": result.file,
        "doc_id": result.doc_id,
        "timings": {k: round(v, 3) for k, v in result.timings.items()},
    }
    if result.error is not None:
        entry["error"] = asdict(result.error)
    return entry
