"""pipeline.logs: one handler on stderr, rich on a terminal, plain lines otherwise, and the
level for the pipeline's loggers only."""
from __future__ import annotations

import io
import logging

import pytest
from rich.logging import RichHandler

from pipeline import logs


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def _ours() -> list[logging.Handler]:
    return [h for h in logging.getLogger().handlers if h.get_name() == logs.HANDLER_NAME]


@pytest.mark.usefixtures("restored_logging")
def test_plain_lines_off_a_terminal_and_one_handler_however_often_configured(monkeypatch):
    stderr = io.StringIO()
    monkeypatch.setattr("sys.stderr", stderr)
    logs.configure(logging.INFO)
    logs.configure(logging.DEBUG)
    [handler] = _ours()
    assert not isinstance(handler, RichHandler)
    logging.getLogger("pipeline.extract").debug("read %d tables", 3)
    chatty = logging.getLogger("tests.a_library")  # a library that sets its own level, as great-expectations does
    chatty.setLevel(logging.DEBUG)
    chatty.info("a library's chatter")
    logging.getLogger("great_expectations").warning("a library's warning")
    assert [line.split(maxsplit=2)[2] for line in stderr.getvalue().splitlines()] == [
        "DEBUG   pipeline.extract: read 3 tables", "WARNING great_expectations: a library's warning"]


@pytest.mark.usefixtures("restored_logging")
def test_rich_on_a_terminal(monkeypatch):
    monkeypatch.setattr("sys.stderr", Terminal())
    logs.configure(logging.WARNING)
    [handler] = _ours()
    assert isinstance(handler, RichHandler)
    assert not logging.getLogger("pipeline.batch").isEnabledFor(logging.INFO)
