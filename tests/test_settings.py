"""Typed settings: configs/*.yaml validated once at start, a bad key refused with its file and
key path (exit 2 from the CLI, before any PDF is read), settings built per test, compiled
forms kept with the settings object they came from."""
from __future__ import annotations

import hashlib
import os
import pickle
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from pipeline.extract.table_semantics import Vocabulary
from pipeline.publish.state import processing_digest
from pipeline.settings import ENV_CONFIG_DIR, SettingsError, load_settings
from tests.conftest import CONFIGS
from tests.pdfgen import paragraph_lines, write_pdf

ROOT = Path(__file__).resolve().parent.parent


def _configs(tmp_path: Path, name: str, old: str, new: str) -> Path:
    """A copy of configs/ with one line of `name`.yaml changed."""
    target = tmp_path / "configs"
    shutil.copytree(CONFIGS, target)
    path = target / f"{name}.yaml"
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, f"{old!r} is not one line of configs/{name}.yaml"
    path.write_text(text.replace(old, new), encoding="utf-8")
    return target


def _digests(folder: Path) -> dict[str, str]:
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.mark.parametrize(("command", "how"), [("run", "option"), ("run", "environment"), ("validate", "option"),
                                             ("layout", "option")])
def test_a_misspelt_key_exits_2_naming_file_and_key_and_touches_nothing(tmp_path, command, how):
    configs = _configs(tmp_path, "amounts", "  total_cues:", "  total_cue:")
    page = paragraph_lines(72, 100, ["Budget 2026", "Kommunstyrelsen tilldelas 2 mnkr."])
    pdf = write_pdf(tmp_path / "budget.pdf", [page])
    out = tmp_path / "processed"
    (out / "interim" / "0123456789abcdef").mkdir(parents=True)
    (out / "documents.csv").write_text("doc_id,source_file\n0123456789abcdef,old.pdf\n", encoding="utf-8")
    (out / "state.json").write_text("{}\n", encoding="utf-8")
    (out / "interim" / "0123456789abcdef" / "extracted.json").write_text("{}", encoding="utf-8")
    before = _digests(out)
    inputs = {"run": [str(pdf)], "validate": [], "layout": [str(pdf)]}[command]
    args = [sys.executable, "-m", "pipeline", command, *inputs, "--out", str(out)]
    env = dict(os.environ)
    if how == "option":
        args += ["--config-dir", str(configs)]
    else:
        env[ENV_CONFIG_DIR] = str(configs)
    proc = subprocess.run(args, cwd=ROOT, env=env, capture_output=True, text=True, timeout=300)
    assert proc.returncode == 2, proc.stdout + proc.stderr
    message = proc.stderr.strip()
    assert len(message.splitlines()) == 1 and "Traceback" not in message
    assert "amounts.yaml" in message and "tables.total_cue: unknown key" in message
    assert "tables.total_cues: missing key" in message
    assert _digests(out) == before


@pytest.mark.parametrize(
    ("name", "old", "new", "expected"),
    [
        ("pipeline", "  max_pages: 3000\n", "", "ingest.max_pages: missing key"),
        ("pipeline", "max_pages: 3000", "max_pages: many", "ingest.max_pages: Input should be a valid integer"),
        ("pipeline", "max_pages: 3000", "max_pages: 3000.5", "ingest.max_pages: Input should be a valid integer"),
        ("layout", "min_share: 0.4", "min_share: 4", "furniture.min_share: Input should be less than or equal to 1"),
        ("layout", "  leader: '", "  leader: '(", "toc.leader: not a valid regular expression"),
        ("amounts", "year_range: [1990, 2100]", "year_range: [2100, 1990]", "tables.year_range: the first value"),
        ("amounts", "sek: 1000000000, prose: false}", "sek: 1000000000, prose: nej}",
         "units.patterns[1].prose: Input should be a valid boolean"),
        ("lexicon", "  unit_tasks: ['", "  unit_tasks: ['x', '", "responsible.unit_tasks[0]: must contain {unit}"),
        ("validate", "max_text_chars: 700", "max_text_char: 700", "rows.max_text_char: unknown key"),
    ],
    ids=["missing", "wrong-type", "float-for-int", "out-of-range", "bad-regex", "unordered-range", "not-a-bool",
         "template-placeholder", "misspelt"],
)
def test_a_bad_key_is_named_with_its_file(tmp_path, name, old, new, expected):
    with pytest.raises(SettingsError) as raised:
        load_settings(_configs(tmp_path, name, old, new))
    message = str(raised.value)
    assert message.startswith(str(tmp_path / "configs" / f"{name}.yaml") + ": ")
    assert expected in message
    assert "\n" not in message and "validation error" not in message  # one line, not pydantic's report


def test_a_missing_file_or_broken_yaml_is_named(tmp_path):
    configs = _configs(tmp_path, "validate", "rounding:", "rounding: [")
    with pytest.raises(SettingsError, match=r"validate\.yaml: not valid YAML"):
        load_settings(configs)
    (configs / "layout.yaml").unlink()
    with pytest.raises(SettingsError, match=r"layout\.yaml: cannot read"):
        load_settings(configs)


def test_settings_built_for_one_test_leave_the_shared_ones_alone(settings):
    """`model_copy(update=…)` makes other settings; what was compiled from the shared settings
    is not carried over, so the copy compiles its own from its own values."""
    shared = settings.derived(Vocabulary.of)
    assert settings.derived(Vocabulary.of) is shared  # compiled once per settings object
    tables = settings.amounts.tables.model_copy(update={"year_range": (2000, 2010)})
    narrow = settings.model_copy(update={"amounts": settings.amounts.model_copy(update={"tables": tables})})
    assert narrow.derived(Vocabulary.of).years.last == 2010
    assert shared.years.last == settings.amounts.tables.year_range[1] == 2100
    assert processing_digest(narrow) != processing_digest(settings)  # another config reprocesses


def test_settings_travel_to_workers_without_what_was_compiled_from_them(settings):
    settings.derived(Vocabulary.of)
    copy = pickle.loads(pickle.dumps(settings))
    assert copy == settings
    assert len(pickle.dumps(settings)) < 100_000  # values only: no patterns, no spaCy objects
    assert copy.derived(Vocabulary.of) == settings.derived(Vocabulary.of)
