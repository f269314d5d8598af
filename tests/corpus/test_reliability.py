"""An operator's nightly batch: a killed run must not lock out the next one, a run never
deletes documents it was not given, and an empty input never wipes a published set."""
from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pandas as pd
import pytest

from pipeline.batch import EmptyInput, RunOptions, run_batch
from tests.conftest import ROOT
from tests.settings_helpers import SETTINGS

BUSY = ["dalarna_regionplan_2026-2028.pdf", "vastmanland_regionplan_2026-2028.pdf", "alingsas_budget_2021-2023.pdf"]
SMALL = "Simrishamn_budgetanvisningar_tidplan_2027-2031.pdf"


def _children(pid: int) -> list[int]:
    found = []
    for status in Path("/proc").glob("[0-9]*/status"):
        try:
            fields = dict(line.split(":\t", 1) for line in status.read_text().splitlines() if ":\t" in line)
        except OSError:
            continue
        if fields.get("PPid", "").strip() == str(pid):
            found.append(int(status.parent.name))
    return found


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().split(")")[-1].split()[0]
    except OSError:
        return False
    return state != "Z"


def _run(args: list[str]) -> subprocess.Popen:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "GX_ANALYTICS_ENABLED": "False"}
    return subprocess.Popen([sys.executable, "-m", "pipeline", "--quiet", "run", *args], env=env, cwd=ROOT,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)


@pytest.mark.skipif(not Path("/proc/self/status").exists(), reason="needs Linux /proc to see the workers")
def test_a_run_killed_with_workers_alive_does_not_lock_out_the_next(tmp_path, corpus_dir):
    inbox, out = tmp_path / "raw", tmp_path / "out"
    inbox.mkdir()
    for name in BUSY:
        shutil.copy(corpus_dir / name, inbox / name)
    main = _run([str(inbox), "--out", str(out), "--workers", "2"])
    deadline, workers = time.monotonic() + 90, []
    while time.monotonic() < deadline and len(workers) < 2:
        time.sleep(0.2)
        workers = _children(main.pid)
    assert len(workers) >= 2, "the run never started its worker processes"
    main.send_signal(signal.SIGKILL)
    main.wait()
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline and any(_alive(w) for w in workers):
        time.sleep(0.2)
    assert not any(_alive(w) for w in workers), "pool workers outlived the killed run"
    small = tmp_path / "small"
    small.mkdir()
    shutil.copy(corpus_dir / SMALL, small / SMALL)
    again = _run([str(small), "--out", str(out), "--workers", "1"])
    _, err = again.communicate(timeout=300)
    assert again.returncode == 0, err.decode()[-2000:]


def test_a_run_on_one_file_keeps_every_other_document_unless_asked_to_prune(tmp_path, corpus_dir):
    first, second, out = tmp_path / "a", tmp_path / "b", tmp_path / "out"
    for folder, name in ((first, BUSY[2]), (second, SMALL)):
        folder.mkdir()
        shutil.copy(corpus_dir / name, folder / name)
    run_batch([first], out, SETTINGS, log=lambda _: None)
    _, report = run_batch([second], out, SETTINGS, log=lambda _: None)
    assert sorted(pd.read_csv(out / "documents.csv")["source_file"]) == sorted([BUSY[2], SMALL])
    assert report["removed"] == []
    _, report = run_batch([second], out, SETTINGS, RunOptions(prune=True), log=lambda _: None)
    assert report["removed"] == [BUSY[2]]
    assert list(pd.read_csv(out / "documents.csv")["source_file"]) == [SMALL]


def test_an_empty_input_never_replaces_a_published_set(tmp_path, corpus_dir):
    inbox, empty, out = tmp_path / "raw", tmp_path / "empty", tmp_path / "out"
    inbox.mkdir()
    empty.mkdir()
    shutil.copy(corpus_dir / SMALL, inbox / SMALL)
    run_batch([inbox], out, SETTINGS, log=lambda _: None)
    before = (out / "documents.csv").read_bytes()
    with pytest.raises(EmptyInput):
        run_batch([empty], out, SETTINGS, RunOptions(prune=True), log=lambda _: None)
    assert (out / "documents.csv").read_bytes() == before
    _, report = run_batch([empty], out, SETTINGS, RunOptions(prune=True, allow_empty=True), log=lambda _: None)
    assert report["removed"] == [SMALL] and pd.read_csv(out / "documents.csv").empty


def test_dask_workers_with_several_threads_process_every_good_document(tmp_path, corpus_dir):
    """pdfium and spaCy are not thread-safe: a worker's threads take turns, none fails."""
    distributed = pytest.importorskip("dask.distributed")
    inbox, out = tmp_path / "raw", tmp_path / "out"
    inbox.mkdir()
    for n, name in enumerate([SMALL, BUSY[2], SMALL, "ale_verksamhetsplan_2017-2020.pdf"]):
        (inbox / f"{n}-{name}").write_bytes((corpus_dir / name).read_bytes() + b"\n" * n)  # four documents
    (inbox / "broken.pdf").write_bytes(b"<html>404 Not Found</html>")
    with distributed.LocalCluster(n_workers=1, threads_per_worker=4, processes=True, dashboard_address=None) as cluster:
        code, report = run_batch([inbox], out, SETTINGS, RunOptions(scheduler=cluster.scheduler_address),
                                 log=lambda _: None)
    assert code == 1 and report["processed"] == 4
    assert [f["file"] for f in report["failed"]] == ["broken.pdf"]


def test_an_unreachable_scheduler_and_an_unwritable_output_are_run_failures(tmp_path, corpus_dir):
    from tests.settings_helpers import configs_with

    inbox = tmp_path / "raw"
    inbox.mkdir()
    shutil.copy(corpus_dir / SMALL, inbox / SMALL)
    configs = configs_with(tmp_path, "pipeline", "dask_wait_seconds: 30", "dask_wait_seconds: 2")
    env = {**os.environ, "PYTHONPATH": str(ROOT), "GX_ANALYTICS_ENABLED": "False"}
    base = [sys.executable, "-m", "pipeline", "--quiet", "--config-dir", str(configs), "run", str(inbox)]
    unreachable = subprocess.run([*base, "--out", str(tmp_path / "out"), "--scheduler", "tcp://127.0.0.1:9"],
                                 env=env, cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert unreachable.returncode == 4 and "cannot reach the Dask scheduler" in unreachable.stderr
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    unwritable = subprocess.run([*base, "--out", str(blocker / "out")], env=env, cwd=ROOT, capture_output=True,
                                text=True, timeout=300)
    assert unwritable.returncode == 4 and unwritable.stderr.startswith("the run failed"), unwritable.stderr


@pytest.mark.parametrize(("signum", "code"), [(signal.SIGTERM, 143), (signal.SIGINT, 130)])
def test_a_signal_stops_the_run_within_seconds_and_keeps_the_published_set(tmp_path, corpus_dir, signum, code):
    inbox, out = tmp_path / "raw", tmp_path / "out"
    inbox.mkdir()
    shutil.copy(corpus_dir / SMALL, inbox / SMALL)
    assert _run([str(inbox), "--out", str(out), "--workers", "1"]).wait(timeout=300) == 0
    published = (out / "documents.csv").read_bytes()
    for name in BUSY:
        shutil.copy(corpus_dir / name, inbox / name)
    main = _run([str(inbox), "--out", str(out), "--workers", "2"])
    deadline = time.monotonic() + 90
    while time.monotonic() < deadline and len(_children(main.pid)) < 2:
        time.sleep(0.2)
    sent = time.monotonic()
    main.send_signal(signum)
    assert main.wait(timeout=30) == code
    assert time.monotonic() - sent < 15, "the run went on with its queue"
    assert (out / "documents.csv").read_bytes() == published


def _verify(out: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.run([sys.executable, "-m", "pipeline", "verify", "--out", str(out)], env=env, cwd=ROOT,
                          capture_output=True, text=True, timeout=120)


def test_verify_names_a_tampered_or_torn_set(tmp_path, corpus_dir):
    inbox, out = tmp_path / "raw", tmp_path / "out"
    inbox.mkdir()
    shutil.copy(corpus_dir / SMALL, inbox / SMALL)
    (out / "reports").mkdir(parents=True)  # an output folder from before generations is replaced
    (out / "goals.csv").write_text("from an old layout\n")
    run_batch([inbox], out, SETTINGS, log=lambda _: None)
    assert (out / "reports").is_symlink() and (out / "goals.csv").is_symlink()
    assert _verify(out).returncode == 0
    with (out / "amounts.parquet").open("ab") as fh:
        fh.write(b"\0")
    (out / "quarantine" / "extra.csv").write_text("x\n")
    checked = _verify(out)
    assert checked.returncode == 1
    assert "amounts.parquet: its bytes differ" in checked.stderr and "quarantine/extra.csv: not named" in checked.stderr


def _one_page_pdf(content: bytes) -> bytes:
    """A one-page PDF whose page content is `content`, Flate-compressed."""
    import zlib

    packed = zlib.compress(content, 9)
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
               b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
               b"/Resources << /Font << /F1 5 0 R >> >> >>",
               b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(packed) + packed + b"\nendstream",
               b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"]
    out, offsets = bytearray(b"%PDF-1.4\n"), []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


@pytest.mark.skipif(not Path("/proc/self/status").exists(), reason="reads the peak memory from Linux /proc")
@pytest.mark.parametrize("bomb", ["deflate", "glyph"])
def test_bombs_end_as_resource_limit_records_with_bounded_memory(tmp_path, bomb):
    shown = b"BT /F1 12 Tf 72 720 Td (Budget 2026) Tj ET\n"
    glyphs = b"BT /F1 1 Tf 9 9 Td (" + b"a" * 5_000_000 + b") Tj ET"
    content = shown + b" " * 250_000_000 if bomb == "deflate" else glyphs
    path = tmp_path / f"{bomb}.pdf"
    path.write_bytes(_one_page_pdf(content))
    assert path.stat().st_size < 1_000_000
    code = ("import re, sys; from pathlib import Path; from pipeline.runner import process_path; "
            "from tests.settings_helpers import SETTINGS; r = process_path(Path(sys.argv[1]), SETTINGS, 120); "
            "print(r.error.stage if r.error else None); "
            "print(re.search(r'VmHWM:\\s+(\\d+)', Path('/proc/self/status').read_text()).group(1))")
    done = subprocess.run([sys.executable, "-c", code, str(path)], capture_output=True, text=True, timeout=300,
                          cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT)})
    stage, peak_kb = done.stdout.split()[-2:]
    assert stage == "resource_limit", done.stderr[-2000:]
    assert int(peak_kb) < 1.5 * 1024 * 1024, f"peak {int(peak_kb) // 1024} MB"


def test_a_document_over_its_time_limit_on_dask_gets_a_timeout_record(tmp_path, corpus_dir):
    """A worker thread cannot be interrupted: the driver keeps the time and gives the task up."""
    distributed = pytest.importorskip("dask.distributed")
    inbox, out = tmp_path / "raw", tmp_path / "out"
    inbox.mkdir()
    (inbox / "plan.pdf").write_bytes((corpus_dir / "dalarna_regionplan_2026-2028.pdf").read_bytes())
    with distributed.LocalCluster(n_workers=1, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
        code, report = run_batch([inbox], out, SETTINGS, RunOptions(scheduler=cluster.scheduler_address, timeout=1),
                                 log=lambda _: None)
    assert code == 1 and [(f["file"], f["stage"]) for f in report["failed"]] == [("plan.pdf", "timeout")]
