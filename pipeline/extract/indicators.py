"""Indicator attributes read from the indicator's own wording: direction, target value, unit.

"…, andel % ska öka" → increase, percent; "antal/1000 inv, ska minska" → decrease,
per_capita; "Indikatornivå: 100 %" → target 100. Patterns live in configs/lexicon.yaml and
are tried in order, so the more specific phrase ("oförändrad eller öka") wins.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from pipeline.extract.nlp import lexicon
from pipeline.extract.numbers import parse_number

_BARE_TARGET = re.compile(r"[<>≥≤±+/\-−\s]*(?P<value>\d[\d ,.]*)\s*%?")


@dataclass(frozen=True)
class Attributes:
    direction: str | None
    target_value: float | None
    unit: str | None


@cache
def _patterns() -> tuple[list[tuple[str, re.Pattern[str]]], list[tuple[str, re.Pattern[str]]]]:
    cfg = lexicon()
    directions = [(name, re.compile(p, re.I)) for name, p in cfg["directions"]]
    units = [(name, re.compile(p, re.I)) for name, p in cfg["units"]]
    return directions, units


def direction_of(text: str) -> tuple[str | None, float | None]:
    directions, _ = _patterns()
    for name, pattern in directions:
        m = pattern.search(text)
        if m is None:
            continue
        value = None
        if "value" in pattern.groupindex and m.group("value"):
            parsed = parse_number(re.sub(r"^[<>≥≤/+\s]+", "", m.group("value")).strip(" ,."))
            value = parsed.value if parsed else None
            if value is None:
                continue
        return name, value
    return None, None


def unit_of(text: str) -> str | None:
    _, units = _patterns()
    for name, pattern in units:
        if pattern.search(text):
            return name
    return None


def attributes(text: str, qualifier: str | None = None) -> Attributes:
    """Attributes of an indicator; a qualifier line ("Indikatornivå: …") decides the
    direction when it states one."""
    direction, value = direction_of(qualifier) if qualifier else (None, None)
    if direction is None and qualifier is None:
        direction, value = direction_of(text)
    unit = unit_of(text) or (unit_of(qualifier) if qualifier and value is not None else None)
    return Attributes(direction=direction, target_value=value, unit=unit)


def column_direction(cell: str) -> tuple[str | None, float | None]:
    """Direction of a direction-column cell: an arrow or phrase ("↑", "Öka"), or a bare
    target value ("+/-0", "≥ 90 %") that states the target itself."""
    direction, value = direction_of(cell)
    if direction is not None:
        return direction, value
    m = _BARE_TARGET.fullmatch(cell.strip())
    parsed = parse_number(m.group("value")) if m else None
    return ("target", parsed.value) if parsed is not None else (None, None)
