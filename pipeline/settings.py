"""configs/*.yaml → one validated, typed `Settings` object, read once at start and passed down.

Every key is declared here with its type (and its range, or that it must be a valid regular
expression), so a misspelt, missing or mistyped key is refused before any PDF is read, with
the file and the key path in the message, instead of surfacing as a KeyError halfway through
a batch. The models are frozen and picklable: a process-pool or Dask worker receives the
settings with its document, so per-document work stays a function of (bytes, settings,
pipeline version). What stages compile from them (regular expressions, lemmatised cue lists,
spaCy matchers) is made once per settings object by `Settings.derived`, never pickled.
"""
from __future__ import annotations

import os
import re
from collections.abc import Callable
from pathlib import Path
from typing import Annotated, Any, Literal, TypeVar

import yaml
from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field, PrivateAttr, ValidationError
from pydantic_core import ErrorDetails

T = TypeVar("T")
M = TypeVar("M", bound=BaseModel)
ENV_CONFIG_DIR = "KOMMUNBUDGET_CONFIG_DIR"


class SettingsError(Exception):
    """A config file that cannot be read or does not match its model; the message names the
    file and the key path ("configs/amounts.yaml: tables.total_cue: unknown key")."""


def _valid_regex(pattern: str) -> str:
    try:
        re.compile(pattern)
    except re.error as exc:
        raise ValueError(f"not a valid regular expression ({exc})") from None
    return pattern


def _template(placeholder: str) -> AfterValidator:
    """A regular expression with a placeholder the code fills in ("{unit}", "{party}")."""

    def check(pattern: str) -> str:
        if placeholder not in pattern:
            raise ValueError(f"must contain {placeholder}")
        _valid_regex(pattern.replace(placeholder, "(x)"))
        return pattern

    return AfterValidator(check)


def _as_tuple(value: object) -> object:
    """YAML has lists only; a fixed pair is a list of two."""
    return tuple(value) if isinstance(value, list) else value


def _ordered(pair: tuple[Any, Any]) -> tuple[Any, Any]:
    if pair[0] > pair[1]:
        raise ValueError(f"the first value must not exceed the second ({pair[0]} > {pair[1]})")
    return pair


Regex = Annotated[str, AfterValidator(_valid_regex)]
Share = Annotated[float, Field(ge=0, le=1)]
Positive = Annotated[float, Field(gt=0)]
Count = Annotated[int, Field(ge=1)]
Range = Annotated[tuple[int, int], BeforeValidator(_as_tuple), AfterValidator(_ordered)]
Named = Annotated[tuple[str, Regex], BeforeValidator(_as_tuple)]  # [name, pattern], checked in order


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, strict=True)


# -- configs/layout.yaml --------------------------------------------------------------------


class LineSettings(_Model):
    x_tolerance: Positive
    y_tolerance: Positive
    segment_gap_em: Positive


class ColumnConfig(_Model):
    gutter_search: Annotated[tuple[Share, Share], BeforeValidator(_as_tuple), AfterValidator(_ordered)]
    min_gutter_width: Positive
    min_split_lines: Count
    edge_reach: Share
    max_crossing_share: Share
    grid_share: Share
    grid_align: Positive


class FurnitureConfig(_Model):
    margin_share: Annotated[float, Field(ge=0, le=0.5)]
    min_pages: Count
    min_share: Share
    page_number_patterns: list[Regex]


class TocConfig(_Model):
    leader: Regex
    heading_cues: list[str]
    min_entries: Count
    max_page_ref: Count


class ListConfig(_Model):
    bullets: list[str]
    private_use: Range
    numbered: Regex


class HeadingConfig(_Model):
    min_size_delta: float
    max_words: Count
    numbered: Regex


class ParagraphConfig(_Model):
    gap_factor: Annotated[float, Field(ge=0)]


class HyphenationConfig(_Model):
    compound_continuations: list[str]
    soft_hyphen: Annotated[str, Field(min_length=1)]


class CaptionConfig(_Model):
    max_size_delta: float
    cues: list[Regex]


class LayoutTableConfig(_Model):
    cell_gap_em: Positive
    figure_gap_em: Positive
    row_gap_em: Positive
    pitch_tolerance: Share
    max_pitch_em: Positive
    bridge_lines: Annotated[int, Field(ge=0)]
    bridge_words: Count
    header_lines: Annotated[int, Field(ge=0)]
    grid_max_columns: Annotated[int, Field(ge=2)]
    grid_header_words: Count
    header_cues: list[Regex]


class LayoutSettings(_Model):
    lines: LineSettings
    columns: ColumnConfig
    furniture: FurnitureConfig
    toc: TocConfig
    lists: ListConfig
    headings: HeadingConfig
    paragraphs: ParagraphConfig
    hyphenation: HyphenationConfig
    captions: CaptionConfig
    tables: LayoutTableConfig


# -- configs/lexicon.yaml -------------------------------------------------------------------


class GoalCues(_Model):
    political: list[str]
    financial: list[str]
    operational: list[str]


class SectionCues(_Model):
    goals: GoalCues
    goal_idioms: list[str]
    goal_prefixes: list[str]
    goal_run_prefixes: list[str]
    goal_chapters: list[str]
    indicators: list[str]
    measures: list[str]
    filler: list[str]
    direction_columns: list[str]
    responsible_columns: list[str]
    measure_chapters: list[str]
    mandate_headings: list[str]
    mandate_doc_types: list[str]
    financial_goal_terms: list[str]
    indicator_attributes: list[Regex]
    indicator_baselines: list[Regex]
    comment_rows: list[Regex]
    decision_headings: list[str]
    intro_words: list[str]
    task_phrases: list[Regex]


class TableRowConfig(_Model):
    row_gap_em: Positive
    column_snap_pt: Positive
    indent_pt: Positive
    footnote_size: Share


class ResponsibleConfig(_Model):
    collective: list[str]
    pattern: Regex
    exclude: list[str]
    names: list[str]
    unit_forms: dict[str, str]
    unit_tasks: list[Annotated[str, _template("{unit}")]]
    labels: list[str]
    partner_phrases: list[str]
    joiner: Regex


class DocumentConfig(_Model):
    doc_types: list[Named]
    not_budget: list[Regex]
    self_reference: Regex
    municipality_patterns: list[Regex]
    parties: list[str]
    party_pattern: Regex
    party_separator: Regex
    party_issuer: list[Annotated[str, _template("{party}")]]
    party_mentions: Count
    party_share: Share
    issuer_pattern: Regex
    period_pattern: Regex
    year_pattern: Regex
    first_pages: Count
    opening_pages: Count


class ReferenceConfig(_Model):
    """Optional SCB lists, paths relative to the repository; absent, codes stay null."""

    municipalities: str | None = None
    counties: str | None = None


class LexiconSettings(_Model):
    sections: SectionCues
    table_rows: TableRowConfig
    directions: list[Named]
    units: list[Named]
    responsible: ResponsibleConfig
    document: DocumentConfig
    reference: ReferenceConfig = ReferenceConfig()


# -- configs/amounts.yaml -------------------------------------------------------------------


class UnitPattern(_Model):
    pattern: Regex
    unit: str
    sek: Annotated[int, Field(ge=1)] | None  # kronor per unit; null: not money
    prose: bool = True  # the form may follow a figure in running text


class UnitConfig(_Model):
    patterns: list[UnitPattern]


class KindPattern(_Model):
    pattern: Regex
    kind: str


class AmountTableConfig(_Model):
    group_gap_em: Positive
    column_snap_em: Positive
    year_range: Range
    kinds: list[KindPattern]
    financial_cues: list[Regex]
    non_financial_cues: list[Regex]
    subrow_cues: list[Regex]
    numbered_caption: Regex
    corner_fillers: list[str]
    part_cues: list[Regex]
    total_cues: list[Regex]


class YearKindConfig(_Model):
    stated_kinds: list[str]
    outcome_doc_types: list[str]
    budget_doc_types: list[str]


class TextAmountConfig(_Model):
    doc_types: list[str]
    allocation_verbs: list[str]
    body_suffixes: list[str]
    body_qualifiers: list[str]
    body_adjective: Regex
    body_adjective_stops: list[str]
    body_extensions: list[Regex]
    anaphors: list[str]
    filler_words: Annotated[int, Field(ge=0)]
    statement_verbs: list[str]
    amount_prepositions: list[str]
    subject_words: Count
    statement_filler_words: Annotated[int, Field(ge=0)]
    subject_stop_words: list[str]
    continuation_words: list[str]
    item_words: Count
    determiners: list[str]
    receipt_verbs: list[str]
    operation_nouns: list[str]
    receipt_adverbs: list[str]
    what_extensions: list[Regex]
    frame_nouns: list[str]
    purpose_words: Count
    purpose_modifiers: list[str]
    purpose_stops: list[str]
    breakdown_openings: list[Regex]
    part_cues: list[str]
    part_prepositions: list[str]
    part_words: Count
    named_words: Count
    clause_words: list[str]
    passive_verb: Regex
    definite_determiners: list[str]
    definite_endings: list[str]
    budget_lines: dict[str, str]
    budget_line_verbs: list[str]
    budget_cues: list[Regex]
    approximations: list[str]
    changes: list[Regex]
    refused_after_unit: list[Regex]
    refused_in_label: Regex
    undated_year_before: list[Regex]
    undated_year_after: Regex
    label_kinds: list[KindPattern]
    excluded_cues: list[Regex]


class AmountsSettings(_Model):
    units: UnitConfig
    tables: AmountTableConfig
    year_kinds: YearKindConfig
    text: TextAmountConfig


# -- configs/validate.yaml ------------------------------------------------------------------


class RoundingConfig(_Model):
    half_unit: Positive
    max_decimals: Annotated[int, Field(ge=0)]


class IdentityTerm(_Model):
    pattern: Regex
    sign: Literal[1, -1]
    optional: bool = False


class Identity(_Model):
    result: Regex
    terms: list[IdentityTerm]


class DeviationOperands(_Model):
    budget: list[str]
    outcome: list[str]


class CrossfootConfig(_Model):
    plausible_share: Share
    unit_steps: list[Annotated[float, Field(gt=1)]]
    breakdown_cues: list[Regex]
    identities: list[Identity]
    deviation_operands: DeviationOperands


class UnitCheckConfig(_Model):
    scale_ratio: Annotated[float, Field(gt=1)]
    max_plausible_sek: Positive
    text_ratio: Positive


class RowCheckConfig(_Model):
    free_text: dict[str, list[str]]
    furniture_checked: list[str]
    furniture_patterns: list[Regex]
    max_text_chars: Count


class ValidateSettings(_Model):
    rounding: RoundingConfig
    crossfoot: CrossfootConfig
    units: UnitCheckConfig
    rows: RowCheckConfig


# -- configs/pipeline.yaml ------------------------------------------------------------------


class IngestLimits(_Model):
    max_bytes: Count
    max_pages: Count
    min_text_chars: Annotated[int, Field(ge=0)]
    pdf_header_window: Count
    eof_window: Count


class RunConfig(_Model):
    document_timeout_seconds: Annotated[float, Field(ge=0)]  # 0: no limit


class PipelineSettings(_Model):
    ingest: IngestLimits
    run: RunConfig


# -- all of them ----------------------------------------------------------------------------


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


class Settings(_Model):
    """Every config file, validated; `load_settings` makes it."""

    layout: LayoutSettings
    lexicon: LexiconSettings
    amounts: AmountsSettings
    validation: ValidateSettings  # configs/validate.yaml (a field "validate" would shadow pydantic's)
    pipeline: PipelineSettings
    _derived: _Derived = PrivateAttr(default_factory=_Derived)

    def derived(self, build: Callable[[Settings], T]) -> T:
        """`build(self)`, made on first use and kept: a stage compiles its patterns, cue lists
        and matchers once per settings object, not once per document or per call."""
        if build not in self._derived:
            self._derived[build] = build(self)
        return self._derived[build]

    def __copy__(self) -> Settings:
        """`model_copy(update=…)` builds settings for one test: nothing compiled from the
        original may leak into the copy."""
        copied = super().__copy__()
        object.__setattr__(copied, "__pydantic_private__", {"_derived": _Derived()})
        return copied


def default_config_dir() -> Path:
    """$KOMMUNBUDGET_CONFIG_DIR, else configs/ beside the package."""
    return Path(os.environ.get(ENV_CONFIG_DIR) or Path(__file__).resolve().parent.parent / "configs")


def load_settings(config_dir: Path) -> Settings:
    """Read and validate every file of `config_dir`; raises SettingsError on the first bad file."""
    return Settings(
        layout=_read(config_dir / "layout.yaml", LayoutSettings),
        lexicon=_read(config_dir / "lexicon.yaml", LexiconSettings),
        amounts=_read(config_dir / "amounts.yaml", AmountsSettings),
        validation=_read(config_dir / "validate.yaml", ValidateSettings),
        pipeline=_read(config_dir / "pipeline.yaml", PipelineSettings),
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
