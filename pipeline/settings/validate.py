"""configs/validate.yaml: tolerances and the few words validation needs."""
from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field

from pipeline.settings.fields import Count, Model, NonNegative, Positive, Regex, Share


class RoundingConfig(Model):
    half_unit: Positive
    max_decimals: NonNegative


class IdentityTerm(Model):
    pattern: Regex
    sign: Literal[1, -1]
    optional: bool = False


class Identity(Model):
    result: Regex
    terms: list[IdentityTerm]


class DeviationOperands(Model):
    budget: list[str]
    outcome: list[str]


class CrossfootConfig(Model):
    plausible_share: Share
    unit_steps: list[Annotated[float, Field(gt=1)]]
    breakdown_cues: list[Regex]
    identities: list[Identity]
    deviation_operands: DeviationOperands


class UnitCheckConfig(Model):
    scale_ratio: Annotated[float, Field(gt=1)]
    max_plausible_sek: Positive
    text_ratio: Positive


class RowCheckConfig(Model):
    free_text: dict[str, list[str]]
    furniture_checked: list[str]
    furniture_patterns: list[Regex]
    max_text_chars: Count


class ValidateSettings(Model):
    rounding: RoundingConfig
    crossfoot: CrossfootConfig
    units: UnitCheckConfig
    rows: RowCheckConfig
