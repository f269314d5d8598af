"""Settings for the tests: the default configs validated (SETTINGS) and what stages compile
from them (LEXICON), and a copy of configs/ with one line changed (the bad configs the
settings tests feed in)."""
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


def default_settings():
    """configs/ as the CLI reads it by default, validated: what stages get in a test that
    does not vary them."""
    from pipeline.settings import load_settings

    return load_settings(CONFIGS)


SETTINGS = default_settings()


def default_lexicon():
    """The political reader's vocabulary compiled from SETTINGS, as `read_political` gets it."""
    from pipeline.extract.lexicon import Lexicon

    return SETTINGS.derived(Lexicon.of)


LEXICON = default_lexicon()


def rule_context(**fields):
    """A rules `Context` at the given place, reading by LEXICON."""
    from pipeline.extract.rules.context import Context

    return Context(lexicon=LEXICON, **fields)


def laid_out(path: Path):
    """The layout model of a PDF, ingested and laid out with the default settings."""
    from pipeline.ingest import ingest
    from pipeline.layout import build_layout

    return build_layout(ingest(path, SETTINGS.pipeline.ingest), SETTINGS)


def amounts_of(doc):
    """The amounts of a layout model, through the tables stage, with the default settings."""
    from pipeline.extract.amounts import extract_amounts
    from pipeline.extract.document_fields import document_fields
    from pipeline.tables import TableSettings, build_tables

    tables = build_tables(doc, SETTINGS.derived(TableSettings.of))
    return extract_amounts(doc, tables, document_fields(doc, SETTINGS), SETTINGS)
