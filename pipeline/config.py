"""Loads configs/*.yaml once per process: vocabulary and thresholds live there, not in code."""
from __future__ import annotations

import os
from functools import cache
from pathlib import Path
from typing import Any

import yaml

CONFIG_DIR = Path(os.environ.get("KOMMUNBUDGET_CONFIG_DIR", Path(__file__).resolve().parent.parent / "configs"))


@cache
def load(name: str) -> dict[str, Any]:
    """Return the parsed `configs/<name>.yaml`."""
    with (CONFIG_DIR / f"{name}.yaml").open(encoding="utf-8") as fh:
        return yaml.safe_load(fh)
