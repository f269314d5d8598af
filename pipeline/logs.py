"""Logging of the entry points (the command line, `make bench`), with the standard library.

Modules log through `logging.getLogger(__name__)` and never configure anything; an entry
point calls `configure` once. On a terminal the lines go through rich (colour, aligned
levels); otherwise — cron, systemd, CI — they are plain lines with a timestamp, one per
record, which grep and log collectors read.

The level applies to the pipeline's own loggers. Libraries stay at WARNING whatever the
level: pdfminer alone logs thousands of DEBUG lines per page, which would bury ours, and
great-expectations sets its loggers to INFO for lines no user of ours needs.
"""
from __future__ import annotations

import logging
import sys

from rich.console import Console
from rich.logging import RichHandler

PACKAGE = "pipeline"
HANDLER_NAME = "kommunbudget"  # marks the handler `configure` installs, so that a second call replaces it
PLAIN_FORMAT = "%(asctime)s %(levelname)-7s %(name)s: %(message)s"


class _Threshold(logging.Filter):
    """Lets the pipeline's records through from `level` up, the libraries' from WARNING up
    (a library may set its own loggers lower than the root's)."""

    def __init__(self, level: int) -> None:
        super().__init__()
        self.level = level

    def filter(self, record: logging.LogRecord) -> bool:
        ours = record.name == PACKAGE or record.name.startswith(f"{PACKAGE}.")
        return record.levelno >= (self.level if ours else max(self.level, logging.WARNING))


def configure(level: int = logging.INFO) -> None:
    """Log records of the pipeline at `level` and above, and the libraries' warnings, to
    stderr as it is now. A second call replaces the handler of the first (a test runner or
    CliRunner swaps stderr between commands) instead of printing every line twice."""
    root = logging.getLogger()
    for old in [h for h in root.handlers if h.get_name() == HANDLER_NAME]:
        root.removeHandler(old)
    handler = _handler()
    handler.set_name(HANDLER_NAME)
    handler.addFilter(_Threshold(level))
    root.addHandler(handler)
    root.setLevel(logging.WARNING)
    logging.getLogger(PACKAGE).setLevel(level)


def _handler() -> logging.Handler:
    if sys.stderr.isatty():
        return RichHandler(console=Console(stderr=True), show_path=False)
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter(PLAIN_FORMAT))
    return handler
