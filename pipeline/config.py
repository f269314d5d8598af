"""configs/*.yaml: validated once against the typed models of `pipeline.settings`, then read.

`use(config_dir)` is called by the CLI before any PDF is read: it validates every file (a
misspelt, missing or mistyped key raises SettingsError naming the file and the key) and makes
that directory the one `load` reads. The stages still fetch their part through `load`;
passing the `Settings` object down instead is the next step of the architecture issue.
"""
from __future__ import annotations

import os
from functools import cache
from pathlib import Path
from typing import Any

import yaml

from pipeline.settings import ENV_CONFIG_DIR, default_config_dir, load_settings

CONFIG_DIR = default_config_dir()


def use(config_dir: Path) -> None:
    """Validate `config_dir` and read configuration from it from now on (SettingsError if bad).

    The environment variable is set too, so that worker processes started afresh read the
    same directory."""
    global CONFIG_DIR
    load_settings(config_dir)
    CONFIG_DIR = config_dir
    os.environ[ENV_CONFIG_DIR] = str(config_dir)
    load.cache_clear()


@cache
def load(name: str) -> dict[str, Any]:
    """Return the parsed `<CONFIG_DIR>/<name>.yaml`."""
    with (CONFIG_DIR / f"{name}.yaml").open(encoding="utf-8") as fh:
        return yaml.safe_load(fh)
