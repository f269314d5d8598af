"""A nightly batch at scale (`make test-scale`, run by .ci/run after `make test`; minutes, so
not in `make test`): 400 files of the kinds a collector's folder holds — real budgets with
changed bytes, HTML error pages saved as .pdf, empty and truncated files — finish with exit
0 or 1 only, every file accounted for, and the counts of every document reconcile."""
from __future__ import annotations

import hashlib
import json

import pandas as pd
import pytest

from pipeline.batch import RunOptions, run_batch
from tests.settings_helpers import SETTINGS

# the smallest real documents of the corpus, so that 400 files take minutes, not hours
SMALL = ["alingsas-vargarda-raddningstjanstforbund_budget_2027_ramar_2028-2029.pdf",
         "Simrishamn_budgetanvisningar_tidplan_2027-2031.pdf",
         "alingsas_barn-och-ungdomsnamnden_uppfoljning_inriktning_budget_2026.pdf"]
GOOD, HTML, EMPTY, TRUNCATED = 340, 30, 15, 15


def _folder(corpus_dir, inbox):
    """GOOD copies of the small documents, each with other bytes (so another doc_id), and the
    broken kinds; 400 files in all."""
    inbox.mkdir()
    originals = [(corpus_dir / name).read_bytes() for name in SMALL]
    for n in range(GOOD):
        (inbox / f"budget_{n:03}.pdf").write_bytes(originals[n % len(originals)] + b"\n%" + str(n).encode())
    for n in range(HTML):
        (inbox / f"error_{n:02}.pdf").write_bytes(f"<!DOCTYPE html><html><body>404 ({n})</body></html>".encode())
    for n in range(EMPTY):
        (inbox / f"empty_{n:02}.pdf").write_bytes(b"")
    for n in range(TRUNCATED):
        data = originals[n % len(originals)]
        (inbox / f"truncated_{n:02}.pdf").write_bytes(data[: len(data) // (3 + n % 4)] + str(n).encode())


@pytest.mark.timeout(2400)
def test_a_batch_of_400_mixed_files_accounts_for_every_file(corpus_dir, tmp_path):
    inbox, out = tmp_path / "raw", tmp_path / "out"
    _folder(corpus_dir, inbox)
    code, report = run_batch([inbox], out, SETTINGS, RunOptions(workers=2), log=lambda _: None)
    assert code in (0, 1)
    failed = {f["file"] for f in report["failed"]}
    assert not {f for f in failed if f.startswith("budget_")}  # every good document succeeds
    assert {f for f in failed if f.startswith(("error_", "empty_"))} == {
        p.name for p in inbox.iterdir() if p.name.startswith(("error_", "empty_"))}
    assert report["files_seen"] == 400 and report["processed"] + len(report["failed"]) == 400  # every file
    documents = pd.read_csv(out / "documents.csv")
    contents = {hashlib.sha256(p.read_bytes()).hexdigest() for p in inbox.iterdir()}
    assert len(documents) == len(contents)  # one row per document: the 15 empty files are one (doc_id = bytes)
    assert set(documents.loc[documents["status"] == "failed", "source_file"]) <= failed
    validation = json.loads(sorted((out / "runs").glob("*.json"))[-1].read_text(encoding="utf-8"))["validation"]
    assert validation["counts_reconcile"] and len(validation["documents"]) == len(contents)
