"""A wall-clock limit per document, so that one pathological PDF (a parser caught in a
page with millions of tiny objects) cannot hold a batch job forever.

The limit is a SIGALRM timer, which only the main thread of a process can receive: the
serial run and the process-pool workers have one; a thread (a Dask worker's task) runs
without a limit, the cluster's own task limits apply there.
"""
from __future__ import annotations

import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager


class DocumentTimeout(BaseException):
    """The document took longer than its time limit. A BaseException, like
    KeyboardInterrupt, so that the `except Exception` of a parser (pdfplumber wraps what
    pdfminer raises) cannot turn it into a parse error of the file."""


@contextmanager
def time_limit(seconds: float | None) -> Iterator[None]:
    """Raise DocumentTimeout in the body once `seconds` have passed (None or 0: no limit)."""
    if not seconds or threading.current_thread() is not threading.main_thread():
        yield
        return

    def expire(signum: int, frame: object) -> None:
        raise DocumentTimeout(f"gave up after {seconds:g} s (the per-document time limit)")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
