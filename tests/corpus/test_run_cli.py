"""The CLI contract and bad input: every broken file gets an error record, the batch goes on."""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pandas as pd
from pypdf import PdfReader, PdfWriter

from pipeline.ingest import ingest
from pipeline.model import StageError
from tests.pdfgen import paragraph_lines, write_pdf
from tests.settings_helpers import SETTINGS

ROOT = Path(__file__).resolve().parents[2]


def _good_pdf(path: Path) -> Path:
    text = ["Budget 2021", "Kommunstyrelsen tilldelas medel för att genomföra uppdraget.", "Detta är en testsida."]
    return write_pdf(path, [paragraph_lines(72, 100, text)])


def _bad_inputs(folder: Path, good: Path) -> dict[str, str]:
    """file name → the reason word we expect in its error record."""
    (folder / "empty.pdf").write_bytes(b"")
    (folder / "notes.pdf").write_text("Detta är en textfil, inte en PDF.\n", encoding="utf-8")
    data = good.read_bytes()
    (folder / "truncated.pdf").write_bytes(data[: len(data) // 2])
    writer = PdfWriter(clone_from=PdfReader(good))
    writer.encrypt(user_password="hemligt", owner_password="ägare")
    with (folder / "encrypted.pdf").open("wb") as fh:
        writer.write(fh)
    return {"empty.pdf": "empty", "notes.pdf": "not a PDF", "truncated.pdf": "truncated", "encrypted.pdf": "encrypted"}


def test_ingest_identifies_a_good_file(tmp_path):
    good = _good_pdf(tmp_path / "good.pdf")
    source = ingest(good, SETTINGS.pipeline.ingest)
    assert not isinstance(source, StageError)
    assert source.pages == 1 and source.text_pages == [True]
    assert len(source.doc_id) == 16 and int(source.doc_id, 16) >= 0


def test_bad_inputs_get_error_records_and_the_batch_goes_on(tmp_path):
    inbox = tmp_path / "raw"
    inbox.mkdir()
    good = _good_pdf(inbox / "good.pdf")
    expected = _bad_inputs(inbox, good)
    out = tmp_path / "processed"
    proc = subprocess.run(
        [sys.executable, "-m", "pipeline", "run", str(inbox), "--out", str(out)],
        cwd=ROOT, capture_output=True, text=True, timeout=300,
    )
    assert proc.returncode == 1, proc.stdout + proc.stderr  # 1 = some files failed
    report = json.loads(next((out / "runs").glob("*.json")).read_text(encoding="utf-8"))
    failures = {f["file"]: f for f in report["failed"]}
    assert set(failures) == set(expected)
    for name, reason in expected.items():
        assert failures[name]["stage"] == "ingest"
        assert reason in failures[name]["reason"]
    assert report["processed"] == 1
    documents = pd.read_csv(out / "documents.csv")
    statuses = dict(zip(documents["source_file"], documents["status"]))
    assert statuses.pop("good.pdf") != "failed"
    assert set(statuses.values()) == {"failed"} and set(statuses) == set(expected)


def test_run_with_a_relative_output_directory(tmp_path):
    """`make run` passes relative paths (raw → processed)."""
    (tmp_path / "raw").mkdir()
    _good_pdf(tmp_path / "raw" / "good.pdf")
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    proc = subprocess.run([sys.executable, "-m", "pipeline", "run", "raw", "--out", "processed"],
                          cwd=tmp_path, env=env, capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert (tmp_path / "processed" / "reports" / "index.html").exists()


def test_run_exit_codes(tmp_path):
    good = _good_pdf(tmp_path / "good.pdf")
    ok = subprocess.run(
        [sys.executable, "-m", "pipeline", "run", str(good), "--out", str(tmp_path / "o")],
        cwd=ROOT,
        capture_output=True,
        timeout=300,
    )
    assert ok.returncode == 0
    missing = subprocess.run(
        [sys.executable, "-m", "pipeline", "run", str(tmp_path / "nope"), "--out", str(tmp_path / "o")],
        cwd=ROOT,
        capture_output=True,
        timeout=300,
    )
    assert missing.returncode == 2


def test_scanned_pdf_without_text_layer_is_refused(tmp_path):
    blank = write_pdf(tmp_path / "scan.pdf", [[]])
    result = ingest(blank, SETTINGS.pipeline.ingest)
    assert isinstance(result, StageError) and "no text layer" in result.reason


def test_layout_command_writes_inspectable_model(tmp_path, corpus_dir):
    pdf = shutil.copy(corpus_dir / "ale_verksamhetsplan_2017-2020.pdf", tmp_path / "ale.pdf")
    proc = subprocess.run(
        [sys.executable, "-m", "pipeline", "layout", str(pdf), "--out", str(tmp_path)],
        cwd=ROOT, capture_output=True, text=True, timeout=300,
    )
    assert proc.returncode == 0
    assert "heading h1" in proc.stdout and "2.2 Finansiella mål" in proc.stdout
    model = json.loads(next((tmp_path / "interim").glob("*/layout.json")).read_text(encoding="utf-8"))
    assert model["source_file"] == "ale.pdf" and len(model["pages"]) == 21
