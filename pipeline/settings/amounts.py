"""configs/amounts.yaml: units, table vocabulary, year kinds and the constructions of money in text."""
from __future__ import annotations

from typing import Annotated

from pydantic import Field

from pipeline.settings.fields import Count, Model, NonNegative, Positive, Range, Regex


class UnitPattern(Model):
    pattern: Regex
    unit: str
    sek: Annotated[int, Field(ge=1)] | None  # kronor per unit; null: not money
    prose: bool = True  # the form may follow a figure in running text


class UnitConfig(Model):
    patterns: list[UnitPattern]


class KindPattern(Model):
    pattern: Regex
    kind: str


class AmountTableConfig(Model):
    group_gap_em: Positive
    column_snap_em: Positive
    year_range: Range
    kinds: list[KindPattern]
    financial_cues: list[Regex]
    non_financial_cues: list[Regex]
    indicator_roles: list[Regex]
    subrow_cues: list[Regex]
    numbered_caption: Regex
    corner_fillers: list[str]
    part_cues: list[Regex]
    total_cues: list[Regex]


class YearKindConfig(Model):
    stated_kinds: list[str]
    outcome_doc_types: list[str]
    budget_doc_types: list[str]
    forecast_doc_types: list[str]
    full_year_cues: list[Regex]
    period_cues: list[Regex]


class TableYearConfig(Model):
    previous_year_cues: list[Regex]
    comparison_cues: list[Regex]
    month_period: Regex
    undated_in_budget: list[str]
    label_dates: Regex


class TableUnitConfig(Model):
    distinctive_digits: Count
    shared_figures: Count
    shared_figures_one_unit: Count  # where every table stating a money unit states the same one
    magnitude_decades: Positive
    scale_step: Count  # the factor between neighbouring money units (kr, tkr, mnkr, mdkr)
    max_decimals: Count  # the most decimals a money table prints


class TextAmountConfig(Model):
    doc_types: list[str]
    allocation_verbs: list[str]
    body_suffixes: list[str]
    body_qualifiers: list[str]
    body_adjective: Regex
    body_adjective_stops: list[str]
    body_extensions: list[Regex]
    anaphors: list[str]
    filler_words: NonNegative
    statement_verbs: list[str]
    amount_prepositions: list[str]
    subject_words: Count
    statement_filler_words: NonNegative
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


class AmountsSettings(Model):
    units: UnitConfig
    tables: AmountTableConfig
    year_kinds: YearKindConfig
    table_years: TableYearConfig
    table_units: TableUnitConfig
    text: TextAmountConfig
