"""Where per-document work runs: in process, in a local process pool, or on a Dask cluster.

All three call the same `process_path` / `process_document`, so their results are equal;
only the order in which documents finish differs (the caller sorts).
"""
from __future__ import annotations

import os
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor, as_completed
from pathlib import Path

from pipeline.runner import DocumentResult, process_document, process_path


def default_workers() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)


def run_documents(paths: list[Path], workers: int, scheduler: str | None = None) -> Iterator[DocumentResult]:
    if scheduler:
        yield from _on_dask(paths, scheduler)
    elif workers <= 1 or len(paths) <= 1:
        yield from map(process_path, paths)
    else:
        with ProcessPoolExecutor(max_workers=min(workers, len(paths))) as pool:
            futures = [pool.submit(process_path, p) for p in paths]
            for future in as_completed(futures):
                yield future.result()


def _on_dask(paths: list[Path], scheduler: str) -> Iterator[DocumentResult]:
    """Ship the bytes, not the path: cluster workers need not share our file system."""
    from dask.distributed import Client, as_completed as dask_completed

    with Client(scheduler) as client:
        futures = [client.submit(process_document, p.name, p.read_bytes(), pure=False) for p in paths]
        for future in dask_completed(futures):
            yield future.result()
