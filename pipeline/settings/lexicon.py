"""configs/lexicon.yaml: the Swedish vocabulary of goals, indicators, measures and document fields."""
from __future__ import annotations

from typing import Annotated

from pipeline.settings.fields import Count, Model, Named, Positive, Regex, Share, template


class GoalCues(Model):
    political: list[str]
    financial: list[str]
    operational: list[str]


class CompoundConfig(Model):
    """Cue heads of Swedish compounds, the stem a compound needs, the inflection endings, and
    the compounds whose last part only looks like a head."""

    heads: list[str]
    min_stem: Count
    endings: list[str]
    exceptions: list[str]
    modifier: Regex


class SectionCues(Model):
    goals: GoalCues
    goal_idioms: list[str]
    goal_prefixes: list[str]
    goal_run_prefixes: list[str]
    goal_sentence: Annotated[str, template("{noun}")]
    goal_nouns: list[str]
    goal_qualifiers: list[str]
    issuer_genitives: list[str]
    goal_chapters: list[str]
    indicators: list[str]
    measures: list[str]
    filler: list[str]
    amount_lines: list[str]
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


class ProseConfig(Model):
    """The verbs a measure stated in prose is told by (pipeline/text/clauses.py)."""

    action_verbs: list[str]
    framing_verbs: list[str]
    aim_nouns: list[str]
    auxiliaries: list[str]
    modals: list[str]
    subordinators: list[str]
    indefinites: list[str]


class TableRowConfig(Model):
    row_gap_em: Positive
    column_snap_pt: Positive
    indent_pt: Positive
    footnote_size: Share


class ResponsibleConfig(Model):
    collective: list[str]
    pattern: Regex
    exclude: list[str]
    names: list[str]
    unit_forms: dict[str, str]
    unit_tasks: list[Annotated[str, template("{unit}")]]
    labels: list[str]
    partner_phrases: list[str]
    joiner: Regex


class LexiconSettings(Model):
    compounds: CompoundConfig
    sections: SectionCues
    prose_measures: ProseConfig
    table_rows: TableRowConfig
    directions: list[Named]
    units: list[Named]
    responsible: ResponsibleConfig
