"""configs/kpi.yaml: how indicators are normalised and scored against the Kolada KPI catalogue."""
from __future__ import annotations

from typing import Literal

from pydantic import model_validator

from pipeline.settings.fields import Count, Model, Named, Share


class KpiVocabulary(Model):
    """What is read out of a title before its words are compared, and what is no content."""

    stop_words: list[str]
    type_words: dict[str, Literal["andel", "antal"]]  # lemma → the measure type it names
    units: list[Named]  # [unit, pattern], first match wins
    number_words: dict[str, int]  # "sex" → 6, before the age patterns
    ages: list[Named]  # [label format, pattern]: "{0}+" with the pattern's groups
    qualifiers: list[str]  # words of Kolada's variants ("lägeskommun") an indicator rarely repeats


class KpiScoring(Model):
    """The score is fuzz_weight × RapidFuzz token-sort ratio + (1 − fuzz_weight) × word
    overlap (the mean of Dice and the share of the KPI's words the indicator has), times a
    factor for each disagreement; candidates at or above `threshold`
    are published, at most `max_candidates` per indicator."""

    threshold: Share
    max_candidates: Count
    runner_up_margin: Share  # a candidate below the best is published only this close to it
    shortlist: Count  # catalogue entries RapidFuzz passes on to the full score
    fuzz_weight: Share
    other_type_factor: Share  # a KPI measured for the other kind of municipality
    type_word_factor: Share  # one side "andel", the other "antal"
    unit_factor: Share  # both sides state a unit and they differ
    age_factor: Share  # both sides name an age group or school year and they differ
    retired_factor: Share  # a KPI Kolada no longer publishes
    min_words: Count  # an indicator with fewer content words is not matched at all

    @model_validator(mode="after")
    def _shortlist_covers_candidates(self) -> KpiScoring:
        if self.shortlist < self.max_candidates:
            raise ValueError("shortlist must be at least max_candidates")
        return self


class KpiSettings(Model):
    vocabulary: KpiVocabulary
    scoring: KpiScoring
