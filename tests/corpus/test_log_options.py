"""The command line's --quiet and --verbose, on one small generated PDF run in process."""
from __future__ import annotations

import re

import pytest
from typer.testing import CliRunner

from pipeline.cli import app
from tests.pdfgen import paragraph_lines, write_pdf

INFO_LINE = "pipeline.executors: processing 1 document(s) in this process"
DEBUG_LINE = "pipeline.cli: kommunbudget "
# a plain log line (stderr is no terminal here): date, time, level, logger: message
LOG_LINE = re.compile(r"^\S+ \S+ (?P<level>[A-Z]+) +[\w.]+: ", re.MULTILINE)


@pytest.fixture(scope="module")
def small_pdf(tmp_path_factory):
    text = ["Budget 2026", "Kommunstyrelsen tilldelas 2 mnkr för att genomföra uppdraget."]
    return write_pdf(tmp_path_factory.mktemp("logs") / "small.pdf", [paragraph_lines(72, 100, text)])


@pytest.mark.parametrize(("options", "levels"), [
    (["--quiet"], set()),
    ([], {"INFO"}),
    (["--verbose"], {"INFO", "DEBUG"}),
])
def test_quiet_and_verbose_set_which_lines_are_logged(options, levels, small_pdf, tmp_path, restored_logging):
    args = [*options, "run", str(small_pdf), "--out", str(tmp_path / "out"), "--workers", "1"]
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 0, result.output
    lines = result.stderr.splitlines()
    assert {m["level"] for m in LOG_LINE.finditer(result.stderr)} - {"WARNING"} == levels, result.stderr
    assert any(INFO_LINE in line for line in lines) == ("INFO" in levels)
    assert any(DEBUG_LINE in line for line in lines) == ("DEBUG" in levels)
