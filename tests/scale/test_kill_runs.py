"""kill -9 at random moments of 20 runs (`make test-scale`; minutes, so not in `make test`)."""
from __future__ import annotations

import random
import shutil
import signal
import time

import pytest

from tests.corpus.test_reliability import SMALL, _run, _verify

KILLED_RUNS = 20


@pytest.mark.timeout(1200)
def test_a_run_killed_at_any_moment_leaves_one_complete_published_set(tmp_path, corpus_dir):
    """kill -9 at spread-out moments of runs that republish (publish and validation
    included): after each, `pipeline verify` finds one complete, consistent set."""
    inbox, out = tmp_path / "raw", tmp_path / "out"
    inbox.mkdir()
    shutil.copy(corpus_dir / SMALL, inbox / SMALL)
    started = time.monotonic()
    assert _run([str(inbox), "--out", str(out), "--workers", "1"]).wait(timeout=300) == 0
    whole = time.monotonic() - started
    assert _verify(out).returncode == 0
    moments = random.Random(7).sample(range(5, 100), KILLED_RUNS)
    for n, percent in enumerate(moments):
        (inbox / SMALL).write_bytes((corpus_dir / SMALL).read_bytes() + b"\n" * (n + 1))  # new bytes: a republish
        victim = _run([str(inbox), "--out", str(out), "--workers", "1"])
        time.sleep(whole * percent / 100)
        victim.send_signal(signal.SIGKILL)
        victim.wait()
        checked = _verify(out)
        assert checked.returncode == 0, (percent, checked.stderr)
    assert _run([str(inbox), "--out", str(out), "--workers", "1"]).wait(timeout=300) == 0
    assert _verify(out).returncode == 0 and len(list((out / "generations").iterdir())) <= 2
