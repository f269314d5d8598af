"""Indicator attributes read from the indicator's own wording: direction, target value, unit.

"…, andel % ska öka" → increase, percent; "antal/1000 inv, ska minska" → decrease,
per_capita; "Indikatornivå: 100 %" → target 100. Patterns live in configs/lexicon.yaml (the
`Lexicon`'s `directions` and `units`) and are tried in order, so the more specific phrase ("oförändrad eller öka") wins.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from pipeline.extract.lexicon import Lexicon
from pipeline.text.numbers import parse_number

_BARE_TARGET = re.compile(r"[<>≥≤±+/\-−\s]*(?P<value>\d[\d ,.]*)\s*%?")
_YEAR = re.compile(r"(?:19|20)\d\d")  # a year in a target cell dates the target, it is none


@dataclass(frozen=True)
class Attributes:
    direction: str | None
    target_value: float | None
    unit: str | None


def direction_of(lex: Lexicon, text: str) -> tuple[str | None, float | None]:
    for name, pattern in lex.directions:
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


def unit_of(lex: Lexicon, text: str) -> str | None:
    for name, pattern in lex.units:
        if pattern.search(text):
            return name
    return None


def attributes(lex: Lexicon, text: str, qualifier: str | None = None) -> Attributes:
    """Attributes of an indicator; a qualifier line ("Indikatornivå: …") decides the
    direction when it states one."""
    direction, value = direction_of(lex, qualifier) if qualifier else (None, None)
    if direction is None and qualifier is None:
        direction, value = direction_of(lex, text)
    unit = unit_of(lex, text) or (unit_of(lex, qualifier) if qualifier and value is not None else None)
    return Attributes(direction=direction, target_value=value, unit=unit)


def column_direction(lex: Lexicon, *cells: str) -> tuple[str | None, float | None]:
    """Direction of a row's direction-column cells: an arrow or phrase ("↑", "Öka"), or a bare
    target value ("+/-0", "≥ 90 %") that states the target itself. A row with a target column
    and a direction column ("85 %", "↑") states both."""
    stated: tuple[str | None, float | None] = (None, None)
    for cell in cells:
        stated = combined(stated, _cell_direction(lex, cell))
    return stated


def _cell_direction(lex: Lexicon, cell: str) -> tuple[str | None, float | None]:
    direction, value = direction_of(lex, cell)
    if direction is not None:
        return direction, value
    if _YEAR.fullmatch(cell.strip()):
        return None, None
    m = _BARE_TARGET.fullmatch(cell.strip())
    parsed = parse_number(m.group("value")) if m else None
    return ("target", parsed.value) if parsed is not None else (None, None)


def combined(first: tuple[str | None, float | None],
             second: tuple[str | None, float | None]) -> tuple[str | None, float | None]:
    """(direction, target value) of two statements about one indicator (a target cell and an
    arrow cell; a "Målvärde" line and an "Önskad riktning" line): a wanted direction says more
    than the bare "target" a value implies, and a stated value stays."""
    directions = [d for d, _ in (first, second) if d is not None]
    direction = next((d for d in directions if d != "target"), directions[0] if directions else None)
    return direction, first[1] if first[1] is not None else second[1]
