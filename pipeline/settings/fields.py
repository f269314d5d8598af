"""What the settings models are made of: a strict, frozen base model and the checked value
types the config files use (a valid regular expression, a share, an ordered range, …)."""
from __future__ import annotations

import re
from typing import Annotated, Any

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field


def _valid_regex(pattern: str) -> str:
    try:
        re.compile(pattern)
    except re.error as exc:
        raise ValueError(f"not a valid regular expression ({exc})") from None
    return pattern


def template(placeholder: str) -> AfterValidator:
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
NonNegative = Annotated[int, Field(ge=0)]
Range = Annotated[tuple[int, int], BeforeValidator(_as_tuple), AfterValidator(_ordered)]
ShareRange = Annotated[tuple[Share, Share], BeforeValidator(_as_tuple), AfterValidator(_ordered)]
Named = Annotated[tuple[str, Regex], BeforeValidator(_as_tuple)]  # [name, pattern], checked in order


class Model(BaseModel):
    """Unknown keys are refused, types are not coerced ("3000" is no int), values never change."""

    model_config = ConfigDict(extra="forbid", frozen=True, strict=True)
