"""Shared fixtures of both tiers: the development corpus beside the project, cached layouts,
and the logging setup put back after a test that configures it."""
from __future__ import annotations

import logging
import os
from pathlib import Path

import pytest

os.environ.setdefault("GX_ANALYTICS_ENABLED", "False")

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
CORPUS = SHARED / "corpus"
GOLD = SHARED / "gold"


def _require(path: Path) -> Path:
    if not path.is_dir():
        pytest.skip(f"{path} is absent: these tests need ../shared beside the project (CI always has it)")
    return path


@pytest.fixture(scope="session")
def corpus_dir() -> Path:
    return _require(CORPUS)


@pytest.fixture(scope="session")
def gold_dir() -> Path:
    return _require(GOLD)


@pytest.fixture(scope="session")
def layout_of(corpus_dir):
    """Layout of a corpus PDF by file name, built once per test session."""
    from tests.settings_helpers import laid_out

    cache: dict = {}

    def get(name: str):
        if name not in cache:
            cache[name] = laid_out(corpus_dir / name)
        return cache[name]

    return get


@pytest.fixture(scope="session")
def gold_of(gold_dir):
    import json

    def get(name: str) -> dict:
        return json.loads((gold_dir / f"{Path(name).stem}.gold.json").read_text(encoding="utf-8"))

    return get


@pytest.fixture
def restored_logging():
    """pipeline.logs.configure changes the root logger of the test process: put it back."""
    root, ours = logging.getLogger(), logging.getLogger("pipeline")
    handlers, root_level, our_level = root.handlers[:], root.level, ours.level
    yield
    root.handlers[:] = handlers
    root.setLevel(root_level)
    ours.setLevel(our_level)
