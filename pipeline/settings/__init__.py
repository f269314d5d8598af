"""configs/*.yaml → one validated, typed `Settings` object, read once at start and passed down.

Every key is declared with its type (and its range, or that it must be a valid regular
expression) in the module named after its file (settings/layout.py for configs/layout.yaml, …),
so a misspelt, missing or mistyped key is refused before any PDF is read, with
the file and the key path in the message, instead of surfacing as a KeyError halfway through
a batch. The models are frozen and picklable: a process-pool or Dask worker receives the
settings with its document, so per-document work stays a function of (bytes, settings,
pipeline version). What stages compile from them (regular expressions, lemmatised cue lists,
spaCy matchers) is made once per settings object by `Settings.derived`, never pickled.
"""
from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import yaml
from pydantic import BaseModel, PrivateAttr, ValidationError
from pydantic_core import ErrorDetails

from pipeline.settings.amounts import AmountsSettings
from pipeline.settings.document import DocumentSettings
from pipeline.settings.fields import Model
from pipeline.settings.kpi import KpiSettings
from pipeline.settings.layout import LayoutSettings
from pipeline.settings.lexicon import LexiconSettings
from pipeline.settings.pipeline import PipelineSettings
from pipeline.settings.validate import ValidateSettings
from pipeline.text.units import UnitGrammar
from pipeline.text.years import YearRange

T = TypeVar("T")
M = TypeVar("M", bound=BaseModel)
ENV_CONFIG_DIR = "KOMMUNBUDGET_CONFIG_DIR"


class SettingsError(Exception):
    """A config file that cannot be read or does not match its model; the message names the
    file and the key path ("configs/amounts.yaml: tables.total_cue: unknown key")."""


class _Derived(dict):
    """Forms compiled from one settings object. They stay with it: a pickled or deep-copied
    Settings arrives without them (a worker compiles its own, spaCy objects do not travel),
    and they never make two equal settings unequal."""

    def __reduce__(self) -> tuple[type, tuple[()]]:
        return _Derived, ()

    def __deepcopy__(self, memo: dict[int, Any]) -> _Derived:
        return _Derived()

    def __eq__(self, other: object) -> bool:
        return isinstance(other, _Derived)

    __hash__ = None


class Settings(Model):
    """Every config file, validated; `load_settings` makes it."""

    layout: LayoutSettings
    lexicon: LexiconSettings
    amounts: AmountsSettings
    document: DocumentSettings
    validation: ValidateSettings  # configs/validate.yaml (a field "validate" would shadow pydantic's)
    pipeline: PipelineSettings
    kpi: KpiSettings
    _derived: _Derived = PrivateAttr(default_factory=_Derived)

    def derived(self, build: Callable[[Settings], T]) -> T:
        """`build(self)`, made on first use and kept: a stage compiles its patterns, cue lists
        and matchers once per settings object, not once per document or per call."""
        if build not in self._derived:
            self._derived[build] = build(self)
        return self._derived[build]

    @property
    def years(self) -> YearRange:
        """The years budgets speak of (amounts.yaml tables.year_range): layout, tables and
        extract tell a year from a figure by the same range."""
        return self.derived(_year_range)

    @property
    def units(self) -> UnitGrammar:
        """The unit grammar of amounts.yaml units.patterns, compiled once."""
        return self.derived(_unit_grammar)

    def __copy__(self) -> Settings:
        """`model_copy(update=…)` builds settings for one test: nothing compiled from the
        original may leak into the copy."""
        copied = super().__copy__()
        object.__setattr__(copied, "__pydantic_private__", {"_derived": _Derived()})
        return copied


def _year_range(settings: Settings) -> YearRange:
    first, last = settings.amounts.tables.year_range
    return YearRange(int(first), int(last))


def _unit_grammar(settings: Settings) -> UnitGrammar:
    return UnitGrammar.of(settings.amounts.units.patterns)


def default_config_dir() -> Path:
    """$KOMMUNBUDGET_CONFIG_DIR, else configs/ beside the package."""
    return Path(os.environ.get(ENV_CONFIG_DIR) or Path(__file__).resolve().parents[2] / "configs")


def load_settings(config_dir: Path) -> Settings:
    """Read and validate every file of `config_dir`; raises SettingsError on the first bad file."""
    return Settings(
        layout=_read(config_dir / "layout.yaml", LayoutSettings),
        lexicon=_read(config_dir / "lexicon.yaml", LexiconSettings),
        amounts=_read(config_dir / "amounts.yaml", AmountsSettings),
        document=_read(config_dir / "document.yaml", DocumentSettings),
        validation=_read(config_dir / "validate.yaml", ValidateSettings),
        pipeline=_read(config_dir / "pipeline.yaml", PipelineSettings),
        kpi=_read(config_dir / "kpi.yaml", KpiSettings),
    )


def _read(path: Path, model: type[M]) -> M:
    shown = _shown(path)
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise SettingsError(f"{shown}: cannot read: {exc.strerror}") from None
    except yaml.YAMLError as exc:
        raise SettingsError(f"{shown}: not valid YAML: {' '.join(str(exc).split())}") from None
    if not isinstance(data, dict):
        raise SettingsError(f"{shown}: expected a mapping of keys, found {type(data).__name__}")
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        raise SettingsError(f"{shown}: " + "; ".join(_problem(e) for e in exc.errors())) from None


def _problem(error: ErrorDetails) -> str:
    """One pydantic error as "key.path[index]: what is wrong"."""
    loc = "".join(f"[{p}]" if isinstance(p, int) else f".{p}" for p in error["loc"]).lstrip(".") or "(top level)"
    if error["type"] == "extra_forbidden":
        return f"{loc}: unknown key"
    if error["type"] == "missing":
        return f"{loc}: missing key" if isinstance(error["loc"][-1], str) else f"{loc}: missing value"
    message = error["msg"].removeprefix("Value error, ")
    return f"{loc}: {message} (got {error['input']!r:.60})"


def _shown(path: Path) -> str:
    """The path as the user would type it: relative to the working directory when inside it."""
    try:
        return str(path.resolve().relative_to(Path.cwd()))
    except ValueError:
        return str(path)
