"""Incremental runs: what was processed from which bytes, by which pipeline version.

A file is skipped when its bytes (doc_id) and the pipeline version are unchanged and its
interim extraction is on disk. The state lives beside the outputs it describes.
"""
from __future__ import annotations

import json
from dataclasses import asdict, dataclass
from pathlib import Path

from pipeline.publish.writers import write_text

STATE_FILE = "state.json"


@dataclass(frozen=True)
class Entry:
    doc_id: str
    pipeline_version: str


def load_state(out: Path) -> dict[str, Entry]:
    path = out / STATE_FILE
    if not path.exists():
        return {}
    return {key: Entry(**value) for key, value in json.loads(path.read_text(encoding="utf-8")).items()}


def save_state(out: Path, state: dict[str, Entry]) -> None:
    data = {key: asdict(state[key]) for key in sorted(state)}
    write_text(out / STATE_FILE, json.dumps(data, indent=1, ensure_ascii=False) + "\n")


def state_key(path: Path) -> str:
    return str(path.resolve())
