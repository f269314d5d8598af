"""What a table's words mean: year and kind of a column, unit of a figure, total rows.

All vocabulary comes from configs/amounts.yaml, so a new municipality's wording is a
config change, not a code change.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from pipeline import config

_YEAR = re.compile(r"(?<!\d)((?:19|20)\d\d)(?!\d)")
_PAREN = re.compile(r"\(([^()]*)\)")


@dataclass(frozen=True)
class Unit:
    unit: str
    sek: float | None  # multiplier to kronor; None for percent and counts


@dataclass(frozen=True)
class Vocabulary:
    units: tuple[tuple[re.Pattern[str], Unit], ...]
    kinds: tuple[tuple[re.Pattern[str], str], ...]
    kind_words: re.Pattern[str]
    unit_words: re.Pattern[str]
    financial: re.Pattern[str]
    non_financial: re.Pattern[str]
    totals: tuple[re.Pattern[str], ...]


@cache
def vocabulary() -> Vocabulary:
    cfg = config.load("amounts")
    tables = cfg["tables"]
    units = tuple(
        (re.compile(u["pattern"], re.IGNORECASE), Unit(u["unit"], u["sek"])) for u in cfg["units"]["patterns"]
    )
    kinds = tuple((re.compile(k["pattern"], re.IGNORECASE), k["kind"]) for k in tables["kinds"])
    return Vocabulary(
        units=units,
        kinds=kinds,
        kind_words=re.compile("|".join(k["pattern"] for k in tables["kinds"]), re.IGNORECASE),
        unit_words=re.compile("|".join(u["pattern"] for u in cfg["units"]["patterns"]), re.IGNORECASE),
        financial=_any_of(tables["financial_cues"]),
        non_financial=_any_of(tables["non_financial_cues"]),
        totals=tuple(re.compile(p, re.IGNORECASE) for p in tables["total_cues"]),
    )


def _any_of(words: list[str]) -> re.Pattern[str]:
    return re.compile("|".join(re.escape(w) for w in words), re.IGNORECASE)


def unit_in(text: str) -> Unit | None:
    """The first unit the text names ("RESULTATBUDGET, mnkr", "Miljoner kronor", "(tkr)")."""
    for pattern, unit in vocabulary().units:
        if pattern.search(text):
            return unit
    return None


def label_unit(label: str) -> Unit | None:
    """A unit a row label states in parentheses: "Resultat (Mkr)", "(inkl. …)(kr)"."""
    for inner in reversed(_PAREN.findall(label)):
        unit = unit_in(inner)
        if unit is not None:
            return unit
    return None


def year_of(label: str) -> int | None:
    found = _YEAR.findall(label)
    return int(found[-1]) if found else None


def kind_of(label: str) -> str | None:
    for pattern, kind in vocabulary().kinds:
        if pattern.search(label):
            return kind
    return None


def row_kind(label: str) -> str | None:
    """A row label that names a kind ("Budget", "Budgetavvikelse") in tables of years."""
    kind = kind_of(label)
    return kind if kind is not None and vocabulary().kind_words.match(label) else None


def meaningful_column(label: str) -> bool:
    """A column header states a year, a kind or a unit; anything else is not a figure column."""
    v = vocabulary()
    return bool(_YEAR.search(label) or v.kind_words.search(label) or v.unit_words.search(label))


def is_financial(text: str) -> bool:
    v = vocabulary()
    return bool(v.financial.search(text)) and not v.non_financial.search(text)


def is_total_label(label: str) -> bool:
    return any(p.search(label.strip()) for p in vocabulary().totals)
