"""Where per-document work runs: in process, in a local process pool, or on a Dask cluster.

All three call the same `process_path` / `process_document`, so their results are equal;
only the order in which documents finish differs (results carry their input's index).
A document that kills its worker (a crash deep in a PDF library, memory exhaustion) gets
an error record like any other failure; the batch goes on.
"""
from __future__ import annotations

import ctypes
import logging
import os
import resource
import signal
import sys
import time
from collections.abc import Iterator
from concurrent.futures import Future, ProcessPoolExecutor, as_completed
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from pipeline.ingest import refuse_by_size
from pipeline.runner import DocumentResult, failed_result, process_document_alone, process_path
from pipeline.settings import Settings

Indexed = tuple[int, DocumentResult]
log = logging.getLogger(__name__)


_PR_SET_PDEATHSIG = 1  # linux/prctl.h


def _start_worker(memory_limit_mb: int) -> None:
    """Pool worker initializer: die with the parent, default SIGTERM, the memory cap."""
    _die_with_parent()
    if memory_limit_mb:
        limit = memory_limit_mb * 1024 * 1024
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))  # MemoryError past it: runner.py's resource_limit


def _die_with_parent() -> None:
    """Pool worker initializer: on Linux the kernel kills the worker when the process that
    started it dies, so a killed run leaves no workers behind (nor anything they hold).
    SIGTERM gets its default action back: a forked worker inherits the run's SIGTERM handler
    (cli.py), and a worker that answers the pool's terminate() with a KeyboardInterrupt
    blocks writing it to a queue nobody reads, so a broken pool never shuts down."""
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    if sys.platform.startswith("linux"):
        ctypes.CDLL(None, use_errno=True).prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)


def _pool(workers: int, settings: Settings) -> ProcessPoolExecutor:
    return ProcessPoolExecutor(max_workers=workers, initializer=_start_worker,
                               initargs=(settings.pipeline.run.memory_limit_mb,))


@contextmanager
def _stopped_on_interrupt(pool: ProcessPoolExecutor) -> Iterator[None]:
    """On Ctrl-C or SIGTERM (KeyboardInterrupt, see cli.py) the documents not yet started are
    cancelled and the running ones killed, so the run stops within seconds instead of
    working through the queue only to throw the results away."""
    try:
        yield
    except KeyboardInterrupt:
        _kill(pool)
        raise


def _kill(pool: ProcessPoolExecutor) -> None:
    """Cancel what has not started and kill the workers (the pool has no public kill)."""
    running = list((getattr(pool, "_processes", None) or {}).values())
    pool.shutdown(wait=False, cancel_futures=True)
    for process in running:
        process.kill()


def default_workers() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)


def run_documents(paths: list[Path], settings: Settings, workers: int, scheduler: str | None = None,
                  timeout: float | None = None) -> Iterator[Indexed]:
    """Every document's result, with its index in `paths`; `timeout`: seconds per document.
    Each worker receives the settings with its document (they are small and picklable)."""
    if paths:
        log.info("processing %d document(s) %s", len(paths), _where(scheduler, min(workers, len(paths))))
    if scheduler:
        yield from _on_dask(paths, settings, scheduler, workers, timeout)
    elif workers <= 1 or len(paths) <= 1:
        yield from ((i, process_path(p, settings, timeout)) for i, p in enumerate(paths))
    else:
        yield from _in_pool(paths, settings, workers, timeout)


def _where(scheduler: str | None, processes: int) -> str:
    if scheduler:
        return f"on the Dask cluster at {scheduler}"
    return "in this process" if processes <= 1 else f"in {processes} worker processes"


def _in_pool(paths: list[Path], settings: Settings, workers: int, timeout: float | None) -> Iterator[Indexed]:
    crashed: list[int] = []
    with _pool(min(workers, len(paths)), settings) as pool, _stopped_on_interrupt(pool):
        futures: dict[Future, int] = {pool.submit(process_path, p, settings, timeout): i for i, p in enumerate(paths)}
        for future in as_completed(futures):
            index = futures[future]
            try:
                yield index, future.result()
            except Exception:  # the pool broke: find the culprit by running each alone
                crashed.append(index)
        if crashed:  # its survivors may hang on to a result nobody will read
            _kill(pool)
    if crashed:
        log.warning("a worker process died: the %d document(s) it took down run again one at a time", len(crashed))
    for index in sorted(crashed):
        yield index, _isolated(paths[index], settings, timeout)


def _isolated(path: Path, settings: Settings, timeout: float | None) -> DocumentResult:
    with _pool(1, settings) as pool:
        try:
            return pool.submit(process_path, path, settings, timeout).result()
        except Exception as exc:
            return failed_result(path, "worker", f"the worker process died: {type(exc).__name__}: {exc}")


class RunFailed(RuntimeError):
    """The run itself cannot go on (no scheduler, no workers): not one document's failure."""


def _on_dask(paths: list[Path], settings: Settings, scheduler: str, window: int,
             timeout: float | None) -> Iterator[Indexed]:
    """Ship the bytes, not the path (cluster workers need not share our file system), a few
    documents at a time so that the driver never holds a whole batch in memory. A file that
    is too large or unreadable is an error record before anything is sent; a task whose
    worker died is retried once on another; a task running longer than `timeout` is given
    up (a worker thread cannot be interrupted, so the driver keeps the time, see _Deadlines)."""
    from dask.distributed import wait

    with _cluster(scheduler, settings.pipeline.run.dask_wait_seconds) as client:
        shipments = _shipments(paths, settings)
        pending: dict[Any, tuple[int, Path]] = {}
        deadlines = _Deadlines(client, timeout)

        def submit_next() -> list[Indexed]:
            """Send the next document that can be sent; return the error records of those that cannot."""
            refused: list[Indexed] = []
            for i, path, payload in shipments:
                if isinstance(payload, DocumentResult):
                    refused.append((i, payload))
                    continue
                future = client.submit(process_document_alone, path.name, payload, settings, None,
                                       pure=False, retries=1)
                pending[future] = (i, path)
                break
            return refused

        for _ in range(max(2, 2 * window)):
            yield from submit_next()
        while pending:
            try:
                done = wait(list(pending), timeout=_POLL_SECONDS, return_when="FIRST_COMPLETED").done
            except TimeoutError:  # nothing finished within the poll
                done = set()
            for future in [*done, *deadlines.expired(pending)]:
                i, path = pending.pop(future)
                yield i, _dask_result(future, path, timeout)
                yield from submit_next()


_POLL_SECONDS = 1.0  # how often the driver looks at what the cluster is running


class _Deadlines:
    """When each task started running (the scheduler's `processing` lists, polled), and which
    ones have run longer than the time limit. A task given up is cancelled; the worker thread
    finishes it and the result is dropped."""

    def __init__(self, client: Any, timeout: float | None) -> None:
        self._client, self._timeout = client, timeout
        self._started: dict[str, float] = {}

    def expired(self, pending: dict[Any, tuple[int, Path]]) -> list[Any]:
        if not self._timeout:
            return []
        now = time.monotonic()
        running = {key for keys in self._client.processing().values() for key in keys}
        late = []
        for future in pending:
            if future.key in running:
                self._started.setdefault(future.key, now)
            if future.status == "pending" and now - self._started.get(future.key, now) > self._timeout:
                future.cancel()
                late.append(future)
        return late


def _dask_result(future: Any, path: Path, timeout: float | None) -> DocumentResult:
    if future.cancelled():
        return failed_result(path, "timeout", f"gave up after {timeout:g} s (the per-document time limit) "
                                              "on the Dask cluster")
    try:
        return future.result()
    except Exception as exc:
        return failed_result(path, "worker", f"the Dask task failed: {type(exc).__name__}: {exc}")


def _shipments(paths: list[Path], settings: Settings) -> Iterator[tuple[int, Path, bytes | DocumentResult]]:
    """Each document's bytes, or its error record when it is too large or cannot be read."""
    for i, path in enumerate(paths):
        refused = refuse_by_size(path, settings.pipeline.ingest)
        if refused is not None:
            yield i, path, failed_result(path, refused.stage, refused.reason)
            continue
        try:
            yield i, path, path.read_bytes()
        except OSError as exc:
            yield i, path, failed_result(path, "ingest", f"cannot read file: {exc.strerror}")


@contextmanager
def _cluster(scheduler: str, wait_seconds: float) -> Iterator[Any]:
    """A client of the scheduler with at least one worker, or RunFailed saying why not."""
    from dask.distributed import Client

    try:
        client = Client(scheduler, timeout=f"{wait_seconds}s")
    except (OSError, TimeoutError) as exc:
        raise RunFailed(f"cannot reach the Dask scheduler at {scheduler}: {exc}") from None
    with client:
        try:
            client.wait_for_workers(1, timeout=wait_seconds)
        except TimeoutError:
            raise RunFailed(f"the Dask cluster at {scheduler} has no workers (waited {wait_seconds:g} s)") from None
        yield client
