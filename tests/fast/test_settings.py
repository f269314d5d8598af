"""Typed settings: every config file validated against its model, a bad key named with its
file and key path in one line (no pydantic report), settings built per test."""
from __future__ import annotations

import pytest

from pipeline.settings import SettingsError, load_settings
from tests.settings_helpers import CONFIGS, configs_with


def test_the_shipped_configs_are_valid():
    settings = load_settings(CONFIGS)
    assert settings.amounts.tables.year_range[0] < settings.amounts.tables.year_range[1]


@pytest.mark.parametrize(
    ("name", "old", "new", "expected"),
    [
        ("pipeline", "  max_pages: 3000\n", "", "ingest.max_pages: missing key"),
        ("pipeline", "max_pages: 3000", "max_pages: many", "ingest.max_pages: Input should be a valid integer"),
        ("layout", "min_share: 0.4", "min_share: 4", "furniture.min_share: Input should be less than or equal to 1"),
        ("layout", "  leader: '", "  leader: '(", "toc.leader: not a valid regular expression"),
        ("amounts", "year_range: [1990, 2100]", "year_range: [2100, 1990]", "tables.year_range: the first value"),
        ("amounts", "  total_cues:", "  total_cue:", "tables.total_cue: unknown key"),
        ("validate", "max_text_chars: 700", "max_text_char: 700", "rows.max_text_char: unknown key"),
    ],
    ids=["missing", "wrong-type", "out-of-range", "bad-regex", "unordered-range", "misspelt", "misspelt-validate"],
)
def test_a_bad_key_is_named_with_its_file(tmp_path, name, old, new, expected):
    with pytest.raises(SettingsError) as raised:
        load_settings(configs_with(tmp_path, name, old, new))
    message = str(raised.value)
    assert message.startswith(str(tmp_path / "configs" / f"{name}.yaml") + ": ")
    assert expected in message
    assert "\n" not in message and "validation error" not in message


def test_a_missing_file_or_broken_yaml_is_named(tmp_path):
    configs = configs_with(tmp_path, "validate", "rounding:", "rounding: [")
    with pytest.raises(SettingsError, match=r"validate\.yaml: not valid YAML"):
        load_settings(configs)
    (configs / "layout.yaml").unlink()
    with pytest.raises(SettingsError, match=r"layout\.yaml: cannot read"):
        load_settings(configs)


def test_settings_can_be_built_per_test():
    settings = load_settings(CONFIGS)
    tables = settings.amounts.tables.model_copy(update={"year_range": (2000, 2010)})
    narrow = settings.model_copy(update={"amounts": settings.amounts.model_copy(update={"tables": tables})})
    assert narrow.amounts.tables.year_range == (2000, 2010)
    assert settings.amounts.tables.year_range[1] == 2100
