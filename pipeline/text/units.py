"""The unit grammar: which words name a unit, and what a unit is in kronor.

Swedish documents write units many ways ("tkr", "Tkr", "tusen kronor", "Mkr", "mnkr",
"miljoner kronor", "%", "procent"); configs/amounts.yaml lists them as patterns with their
multiplier to kronor. A label states its own unit in parentheses ("Resultat (Mkr)"), after a
comma at its end ("Soliditet, %"), or by opening with a word of a unit that is not money
("Antal årsarbetare").
"""
from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction
from typing import Protocol

_PAREN = re.compile(r"\(([^()]*)\)")


@dataclass(frozen=True)
class Unit:
    unit: str
    sek: int | None  # multiplier to kronor; None for percent and counts

    def in_sek(self, value: float) -> float | None:
        """The value in kronor, computed on the printed decimal ("4,1" mnkr → 4 100 000,
        not 4 099 999.9999999995): the only place a value is converted."""
        if self.sek is None:
            return None
        return float(Decimal(repr(value)) * self.sek)


class UnitForm(Protocol):
    """One printed form of a unit, as configs/amounts.yaml `units.patterns` lists it
    (pipeline.settings.UnitPattern: the text layer imports nothing above it)."""

    pattern: str
    unit: str
    sek: int | None
    prose: bool


@dataclass(frozen=True)
class UnitGrammar:
    """The unit patterns of configs/amounts.yaml, compiled."""

    units: tuple[tuple[re.Pattern[str], Unit], ...]
    prose_money: str  # the money units that may follow a figure in running text, as one pattern
    unit_words: re.Pattern[str]

    @classmethod
    def of(cls, forms: Iterable[UnitForm]) -> UnitGrammar:
        patterns = list(forms)
        return cls(
            units=tuple((re.compile(u.pattern, re.IGNORECASE), Unit(u.unit, u.sek)) for u in patterns),
            prose_money="|".join(u.pattern for u in patterns if u.sek and u.prose),
            unit_words=re.compile("|".join(u.pattern for u in patterns), re.IGNORECASE),
        )

    def unit_in(self, text: str) -> Unit | None:
        """The first unit the text names ("RESULTATBUDGET, mnkr", "Miljoner kronor", "(tkr)")."""
        for pattern, unit in self.units:
            if pattern.search(text):
                return unit
        return None

    def scaled(self, unit: Unit, factor: Fraction) -> Unit | None:
        """The money unit `factor` times `unit` (mnkr × 1/1000 → tkr), if the grammar has one."""
        if unit.sek is None:
            return None
        return next((u for _, u in self.units if u.sek is not None and u.sek == unit.sek * factor), None)

    def label_unit(self, label: str) -> Unit | None:
        """A unit a row label states, which beats its table's: in parentheses ("Resultat
        (Mkr)", "(inkl. …)(kr)"), alone after a comma at its end ("Soliditet, %"), or a word
        of a unit that is not money opening it ("Antal årsarbetare"): a ratio or count row
        in a money table is not money."""
        for inner in reversed(_PAREN.findall(label)):
            unit = self.unit_in(inner)
            if unit is not None:
                return unit
        _, comma, tail = label.rpartition(",")
        if comma and (unit := next((u for p, u in self.units if p.fullmatch(tail.strip(" .:*"))), None)):
            return unit
        return next((u for p, u in self.units if u.sek is None and p.match(label.strip())), None)

    def without_units(self, text: str) -> str:
        """The text with every unit word and parenthesised unit removed."""
        text = _PAREN.sub(lambda m: " " if self.unit_in(m.group(1)) else m.group(0), text)
        return self.unit_words.sub(" ", text)
