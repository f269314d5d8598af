"""Shared fixtures: the settings of configs/, the development corpus beside the project, and
cached layouts."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

from pipeline.settings import Settings, load_settings

os.environ.setdefault("GX_ANALYTICS_ENABLED", "False")

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
CORPUS = SHARED / "corpus"
GOLD = SHARED / "gold"
CONFIGS = ROOT / "configs"


def _require(path: Path) -> Path:
    if not path.is_dir():
        pytest.skip(f"{path} is absent: these tests need ../shared beside the project (CI always has it)")
    return path


@pytest.fixture(scope="session")
def settings() -> Settings:
    """The project's configs/, validated once per session: what every stage is given. A test
    that needs other values builds its own with `settings.model_copy(update=…)`."""
    return load_settings(CONFIGS)


@pytest.fixture(scope="session")
def lexicon(settings):
    """The political vocabulary compiled from `settings` (cue lists, bodies, phrasing)."""
    from pipeline.extract.sections import Lexicon

    return settings.derived(Lexicon.of)


@pytest.fixture(scope="session")
def corpus_dir() -> Path:
    return _require(CORPUS)


@pytest.fixture(scope="session")
def gold_dir() -> Path:
    return _require(GOLD)


@pytest.fixture(scope="session")
def layout_of(corpus_dir, settings):
    """Layout of a corpus PDF by file name, built once per test session."""
    from pipeline.ingest import ingest
    from pipeline.layout import build_layout

    cache: dict = {}

    def get(name: str):
        if name not in cache:
            cache[name] = build_layout(ingest(corpus_dir / name, settings.pipeline.ingest), settings)
        return cache[name]

    return get


@pytest.fixture(scope="session")
def gold_of(gold_dir):
    import json

    def get(name: str) -> dict:
        return json.loads((gold_dir / f"{Path(name).stem}.gold.json").read_text(encoding="utf-8"))

    return get
