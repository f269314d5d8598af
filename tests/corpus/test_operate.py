"""Operating the pipeline: incremental runs, safe writes under kill -9, locking, Dask."""
from __future__ import annotations

import hashlib
import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import duckdb
import pandas as pd
import pyarrow.parquet as pq
import pytest

from pipeline.batch import RunOptions, run_batch
from pipeline.contract import DATASETS
from pipeline.publish.lock import OutputLock, OutputLocked
from tests.settings_helpers import SETTINGS

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = ["ale_verksamhetsplan_2017-2020.pdf", "Simrishamn_budgetanvisningar_tidplan_2027-2031.pdf"]


def _digest(out: Path) -> dict[str, str]:
    return {
        p.name: hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(out.glob("*.*"))
        if p.suffix in (".csv", ".parquet", ".json", ".duckdb")
    }


def _quiet(_: str) -> None:
    pass


@pytest.fixture()
def inbox(tmp_path, corpus_dir) -> Path:
    folder = tmp_path / "raw"
    folder.mkdir()
    for name in SAMPLES:
        shutil.copy(corpus_dir / name, folder / name)
    return folder


def test_all_formats_agree(inbox, tmp_path):
    out = tmp_path / "out"
    code, _ = run_batch([inbox], out, SETTINGS, RunOptions(workers=2), log=_quiet)
    assert code == 0
    con = duckdb.connect(str(out / "budget.duckdb"), read_only=True)
    for name in DATASETS:
        parquet_rows = pq.read_table(out / f"{name}.parquet").num_rows
        assert con.execute(f"SELECT count(*) FROM {name}").fetchone()[0] == parquet_rows
        assert len(pd.read_csv(out / f"{name}.csv")) == parquet_rows
    assert (
        con.execute("SELECT count(*) FROM amounts_by_document").fetchone()[0]
        == pq.read_table(out / "amounts.parquet").num_rows
    )
    validate = [sys.executable, "-m", "frictionless", "validate", str(out / "datapackage.json")]
    proc = subprocess.run(validate, capture_output=True, text=True)
    assert proc.returncode == 0, proc.stdout[-3000:]
    # the package names the bytes of its set: a file from another publish is detected
    (out / "goals.csv").write_text((out / "goals.csv").read_text(encoding="utf-8")[:-1], encoding="utf-8")
    proc = subprocess.run(validate, capture_output=True, text=True)
    assert proc.returncode != 0 and "hash-count" in proc.stdout


def test_incremental_and_idempotent(inbox, tmp_path):
    out = tmp_path / "out"
    run_batch([inbox], out, SETTINGS, log=_quiet)
    before = _digest(out)
    _, report = run_batch([inbox], out, SETTINGS, log=_quiet)
    assert report["processed"] == 0 and report["skipped_unchanged"] == 2
    assert _digest(out) == before, "a run with nothing new must leave the datasets byte-identical"

    changed = inbox / SAMPLES[1]
    changed.write_bytes(changed.read_bytes() + b"\n% touched\n")
    _, report = run_batch([inbox], out, SETTINGS, log=_quiet)
    assert report["processed"] == 1 and [d["file"] for d in report["documents"]] == [SAMPLES[1]]
    documents = pd.read_csv(out / "documents.csv")
    assert len(documents) == 2 and hashlib.sha256(changed.read_bytes()).hexdigest()[:16] in set(documents["doc_id"])

    (inbox / SAMPLES[0]).unlink()
    _, report = run_batch([inbox], out, SETTINGS, log=_quiet)
    assert len(pd.read_csv(out / "documents.csv")) == 2, "a run keeps a deleted file's rows unless it prunes"
    _, report = run_batch([inbox], out, SETTINGS, RunOptions(prune=True), log=_quiet)
    assert report["removed"] == [SAMPLES[0]]
    assert list(pd.read_csv(out / "documents.csv")["source_file"]) == [SAMPLES[1]]

    _, report = run_batch([inbox], out, SETTINGS, RunOptions(force=True), log=_quiet)
    assert report["processed"] == 1


def test_second_run_on_same_output_is_refused(tmp_path, inbox):
    out = tmp_path / "out"
    with OutputLock(out):
        with pytest.raises(OutputLocked):
            run_batch([inbox], out, SETTINGS, log=_quiet)
        proc = subprocess.run(
            [sys.executable, "-m", "pipeline", "run", str(inbox), "--out", str(out)],
            cwd=ROOT,
            capture_output=True,
            text=True,
        )
        assert proc.returncode == 3 and "being written" in proc.stderr


def test_killed_run_leaves_previous_outputs_intact(inbox, tmp_path):
    out = tmp_path / "out"
    cmd = [sys.executable, "-m", "pipeline", "run", str(inbox), "--out", str(out), "--workers", "1"]
    assert subprocess.run(cmd, cwd=ROOT, capture_output=True).returncode == 0
    before = _digest(out)
    for delay in (1.5, 4.0):
        victim = subprocess.Popen(cmd + ["--force"], cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(delay)
        os.kill(victim.pid, signal.SIGKILL)
        victim.wait()
        for name in DATASETS:  # every output still complete and readable
            pd.read_csv(out / f"{name}.csv")
            pq.read_table(out / f"{name}.parquet")
        duckdb.connect(str(out / "budget.duckdb"), read_only=True).execute("SELECT count(*) FROM documents").fetchone()
        assert _digest(out) == before
    assert subprocess.run(cmd, cwd=ROOT, capture_output=True).returncode == 0
    assert not list(out.rglob(".*.tmp"))


def test_dask_cluster_gives_the_same_datasets(inbox, tmp_path):
    distributed = pytest.importorskip("dask.distributed")
    local, remote = tmp_path / "local", tmp_path / "dask"
    run_batch([inbox], local, SETTINGS, RunOptions(workers=1), log=_quiet)
    with distributed.LocalCluster(n_workers=1, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
        code, _ = run_batch([inbox], remote, SETTINGS, RunOptions(scheduler=cluster.scheduler_address), log=_quiet)
    assert code == 0
    for name in DATASETS:
        assert (local / f"{name}.csv").read_bytes() == (remote / f"{name}.csv").read_bytes(), name
    report = json.loads(sorted((remote / "runs").glob("*.json"))[-1].read_text(encoding="utf-8"))
    assert report["processed"] == 2


def _crash_on_boom(path: Path, settings, timeout: float | None = None):
    """Stands in for process_path in forked pool workers: 'boom.pdf' kills its worker."""
    from pipeline.runner import process_path

    if path.name == "boom.pdf":
        os._exit(70)
    return process_path(path, settings, timeout)


def _interrupting(signum, frame):
    raise KeyboardInterrupt


@pytest.mark.timeout(120)
def test_a_document_that_kills_its_worker_gets_an_error_record(inbox, monkeypatch):
    """Also when the calling process handles SIGTERM as the CLI does (an earlier in-process
    run, a host application): forked workers inherit the handler, and a worker answering the
    broken pool's terminate() with KeyboardInterrupt used to hang its shutdown for ever."""
    import pipeline.executors as executors

    monkeypatch.setattr(executors, "process_path", _crash_on_boom)
    previous = signal.signal(signal.SIGTERM, _interrupting)
    boom = inbox / "boom.pdf"
    shutil.copy(inbox / SAMPLES[1], boom)
    paths = [inbox / SAMPLES[0], boom, inbox / SAMPLES[1]]
    try:
        results = dict(executors.run_documents(paths, SETTINGS, workers=2))
    finally:
        signal.signal(signal.SIGTERM, previous)
    assert sorted(results) == [0, 1, 2]
    assert results[1].error is not None and results[1].error.stage == "worker"
    assert results[0].error is None and results[2].error is None


@pytest.mark.parametrize("workers", [1, 2])
def test_a_document_over_its_time_limit_gets_an_error_record_and_is_retried(inbox, tmp_path, workers):
    """Every sample takes far longer than 10 ms to lay out: each is given up with a
    'timeout' record (in the pool and in process), and the next run tries them again."""
    out = tmp_path / "out"
    code, report = run_batch([inbox], out, SETTINGS, RunOptions(workers=workers, timeout=0.01), log=_quiet)
    assert code == 1 and report["processed"] == 0
    assert [(e["stage"], "per-document time limit" in e["reason"]) for e in report["failed"]] == [("timeout", True)] * 2
    documents = pd.read_csv(out / "documents.csv")
    assert sorted(documents["status"]) == ["failed", "failed"]
    code, report = run_batch([inbox], out, SETTINGS, RunOptions(workers=workers), log=_quiet)
    assert code == 0 and report["processed"] == 2 and report["skipped_unchanged"] == 0


def test_forced_reruns_publish_identical_datasets(inbox, tmp_path):
    out = tmp_path / "out"
    run_batch([inbox], out, SETTINGS, RunOptions(workers=2, force=True), log=_quiet)
    first = {k: v for k, v in _digest(out).items() if k.endswith((".csv", ".parquet"))}
    run_batch([inbox], out, SETTINGS, RunOptions(workers=1, force=True), log=_quiet)
    assert {k: v for k, v in _digest(out).items() if k.endswith((".csv", ".parquet"))} == first


def _hog_on_hog(document, settings):
    """Stands in for the tables stage in forked pool workers: 'hog.pdf' wants 8 GB."""
    from pipeline.tables import stage_tables

    if document.source_file == "hog.pdf":
        bytearray(8 * 1024**3)
    return stage_tables(document, settings)


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="RLIMIT_AS as Linux applies it")
def test_a_document_past_the_worker_memory_cap_is_a_resource_limit_record(inbox, monkeypatch):
    import pipeline.executors as executors
    import pipeline.runner as runner

    monkeypatch.setattr(runner, "stage_tables", _hog_on_hog)
    hog = inbox / "hog.pdf"
    shutil.copy(inbox / SAMPLES[1], hog)
    paths = [inbox / SAMPLES[0], hog]
    run = SETTINGS.pipeline.run.model_copy(update={"memory_limit_mb": 2048})
    settings = SETTINGS.model_copy(update={"pipeline": SETTINGS.pipeline.model_copy(update={"run": run})})
    results = dict(executors.run_documents(paths, settings, workers=2))
    assert results[1].error is not None and results[1].error.stage == "resource_limit", results[1].error
    assert "memory limit" in results[1].error.reason
    assert results[0].error is None
