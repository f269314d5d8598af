"""Incremental runs: what was processed from which bytes, by which pipeline version.

A file is skipped when its bytes (doc_id), the pipeline version and the digest of the code,
reference data and configuration that process it (a rule or a vocabulary change alters results as much as
a release does) are unchanged and its interim extraction is on disk. The state lives beside
the outputs it describes.
"""
from __future__ import annotations

import hashlib
import json
from dataclasses import asdict, dataclass
from functools import cache
from pathlib import Path

from pipeline import __version__
from pipeline.publish.writers import write_text
from pipeline.reference import DATA_DIR
from pipeline.settings import Settings

STATE_FILE = "state.json"


@dataclass(frozen=True)
class Entry:
    doc_id: str
    pipeline_version: str
    digest: str


def processed_by(doc_id: str, settings: Settings) -> Entry:
    """The entry a file gets when this pipeline, with these settings, processes it."""
    return Entry(doc_id, __version__, settings.derived(processing_digest))


def processing_digest(settings: Settings) -> str:
    """The code and the validated settings (not the files' bytes: a comment or a reordered
    key in a config changes nothing a document's results depend on)."""
    digest = hashlib.sha256(settings.model_dump_json().encode())
    for path in sorted(_code_files()):
        digest.update(path.name.encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()[:16]


@cache
def _code_files() -> tuple[Path, ...]:
    """The package's code and the reference data it ships: a refreshed KPI catalogue or
    municipality list changes results as a rule does."""
    code = tuple(Path(__file__).resolve().parent.parent.rglob("*.py"))
    return code + tuple(p for p in DATA_DIR.iterdir() if p.is_file())


def load_state(out: Path) -> dict[str, Entry]:
    path = out / STATE_FILE
    if not path.exists():
        return {}
    try:
        return {key: Entry(**value) for key, value in json.loads(path.read_text(encoding="utf-8")).items()}
    except (ValueError, TypeError):
        return {}  # an unreadable or older state: everything is processed again


def save_state(out: Path, state: dict[str, Entry]) -> None:
    data = {key: asdict(state[key]) for key in sorted(state)}
    write_text(out / STATE_FILE, json.dumps(data, indent=1, ensure_ascii=False) + "\n")


def state_key(path: Path) -> str:
    return str(path.resolve())
