"""A misspelt config key is a usage error: exit 2 and one line naming file and key, before any
PDF is read, and an existing output folder is left byte-identical."""
from __future__ import annotations

import hashlib
import os
import subprocess
import sys
from pathlib import Path

import pytest

from pipeline.settings import ENV_CONFIG_DIR
from tests.pdfgen import paragraph_lines, write_pdf
from tests.settings_helpers import configs_with

ROOT = Path(__file__).resolve().parents[2]


def _digests(folder: Path) -> dict[str, str]:
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.mark.parametrize(("command", "how"), [("run", "option"), ("run", "environment"), ("validate", "option"),
                                             ("layout", "option")])
def test_a_misspelt_key_exits_2_naming_file_and_key_and_touches_nothing(tmp_path, command, how):
    configs = configs_with(tmp_path, "amounts", "  total_cues:", "  total_cue:")
    pdf = write_pdf(
        tmp_path / "budget.pdf", [paragraph_lines(72, 100, ["Budget 2026", "Kommunstyrelsen tilldelas 2 mnkr."])]
    )
    out = tmp_path / "processed"
    (out / "interim" / "0123456789abcdef").mkdir(parents=True)
    (out / "documents.csv").write_text("doc_id,source_file\n0123456789abcdef,old.pdf\n", encoding="utf-8")
    (out / "state.json").write_text("{}\n", encoding="utf-8")
    (out / "interim" / "0123456789abcdef" / "extracted.json").write_text("{}", encoding="utf-8")
    before = _digests(out)
    inputs = {"run": [str(pdf)], "validate": [], "layout": [str(pdf)]}[command]
    env = dict(os.environ)
    options = ["--config-dir", str(configs)] if how == "option" else []
    if how == "environment":
        env[ENV_CONFIG_DIR] = str(configs)
    args = [sys.executable, "-m", "pipeline", *options, command, *inputs, "--out", str(out)]
    proc = subprocess.run(args, cwd=ROOT, env=env, capture_output=True, text=True, timeout=300)
    assert proc.returncode == 2, proc.stdout + proc.stderr
    message = proc.stderr.strip()
    assert len(message.splitlines()) == 1 and "Traceback" not in message
    assert "amounts.yaml" in message and "tables.total_cue: unknown key" in message
    assert _digests(out) == before
