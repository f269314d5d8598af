"""A copy of configs/ with one line changed: the bad configs the settings tests feed in."""
from __future__ import annotations

import shutil
from pathlib import Path

CONFIGS = Path(__file__).resolve().parent.parent / "configs"


def configs_with(tmp_path: Path, name: str, old: str, new: str) -> Path:
    """configs/ copied under tmp_path with the one occurrence of `old` in `name`.yaml replaced."""
    target = tmp_path / "configs"
    shutil.copytree(CONFIGS, target)
    path = target / f"{name}.yaml"
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, f"{old!r} is not one line of configs/{name}.yaml"
    path.write_text(text.replace(old, new), encoding="utf-8")
    return target
