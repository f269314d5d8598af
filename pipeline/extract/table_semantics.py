"""What a table's words mean: year and kind of a column, unit of a figure, total rows.

All vocabulary comes from configs/amounts.yaml, so a new municipality's wording is a
config change, not a code change.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from pipeline.model import DocumentRow
from pipeline.settings import Settings
from pipeline.settings.amounts import YearKindConfig
from pipeline.text.units import UnitGrammar
from pipeline.text.years import YearRange


@dataclass(frozen=True)
class Vocabulary:
    """configs/amounts.yaml `units`, `tables` and `year_kinds`, compiled once per settings object."""

    kinds: tuple[tuple[re.Pattern[str], str], ...]
    kind_words: re.Pattern[str]
    financial: re.Pattern[str]
    non_financial: re.Pattern[str]
    totals: tuple[re.Pattern[str], ...]
    parts: re.Pattern[str]
    numbered_caption: re.Pattern[str]
    corner_fillers: frozenset[str]
    units: UnitGrammar
    years: YearRange
    year_kinds: YearKindConfig

    @classmethod
    def of(cls, settings: Settings) -> Vocabulary:
        amounts = settings.amounts
        tables = amounts.tables
        return cls(
            kinds=tuple((_any_of([k.pattern]), k.kind) for k in tables.kinds),
            kind_words=_any_of([k.pattern for k in tables.kinds]),
            financial=_any_of(tables.financial_cues),
            non_financial=_any_of(tables.non_financial_cues),
            totals=tuple(re.compile(p, re.IGNORECASE) for p in tables.total_cues),
            parts=re.compile("|".join(tables.part_cues), re.IGNORECASE),
            numbered_caption=re.compile(tables.numbered_caption, re.IGNORECASE),
            corner_fillers=frozenset(w.lower() for w in tables.corner_fillers),
            units=UnitGrammar.of(amounts.units.patterns),
            years=YearRange(*tables.year_range),
            year_kinds=amounts.year_kinds,
        )


def _any_of(cues: list[str]) -> re.Pattern[str]:
    """Cues (regular expressions) anchored at the start of a word, case-insensitive."""
    return re.compile("|".join(rf"\b(?:{c})" for c in cues), re.IGNORECASE)


def caption_name(caption: str | None, v: Vocabulary) -> str | None:
    """The name a numbered table caption gives ("Tabell 11. Finansieringsbudget"), else None."""
    m = v.numbered_caption.match(caption or "")
    return caption[m.end() :].strip() or None if m else None


def corner_name(corner: str, v: Vocabulary) -> str:
    """The words of a table's corner cell that are not its unit: "Reserverade medel, mnkr"
    → "Reserverade medel", "Belopp i miljoner kronor" → ""."""
    words = [w for w in v.units.without_units(corner).split() if w.strip(",:;").lower() not in v.corner_fillers]
    return " ".join(words).strip(" ,:;–-")


def column_year(label: str, v: Vocabulary) -> int | None:
    """The year a column's figures are of; none for a multi-year total ("Totalt
    2026–2028"): a sum over its years is of no single one (kind_of: a total column names
    no year or several)."""
    return None if kind_of(label, v) == "total" else v.years.year_of(label)


def kind_of(label: str, v: Vocabulary) -> str | None:
    """The kind a column header names. A total is a multi-year total: a "Totalt 2026"
    column states one year and is that year's figure, so it takes a kind its other words
    name, or none (the year's kind in the document decides)."""
    one_year = len(set(v.years.years_in(label))) == 1
    for pattern, kind in v.kinds:
        if pattern.search(label) and not (kind == "total" and one_year):
            return kind
    return None


def row_kind(label: str, v: Vocabulary) -> str | None:
    """A row label that names a kind ("Budget", "Budgetavvikelse") in tables of years.

    A "Totalt" row is a sum of the rows above, not a multi-year total: it keeps its
    column's kind."""
    kind = kind_of(label, v)
    return kind if kind not in (None, "total") and v.kind_words.match(label) else None


@dataclass(frozen=True)
class YearKinds:
    """What a column is that states a year but no kind ("2026"), or neither ("Belopp").

    In an annual report a bare year is an outcome. Otherwise the document's own headers
    decide when they give the year one kind ("Budget 2026" elsewhere → budget); in a
    budget document the first year of its period is the budget and later years the plan,
    and an undated amount column is the budget.
    """

    stated: dict[int, str]
    outcome_document: bool
    budget_document: bool
    period_start: int | None
    years: YearRange

    @classmethod
    def of(cls, labels: list[str], document: DocumentRow, v: Vocabulary) -> YearKinds:
        cfg = v.year_kinds
        seen: dict[int, set[str]] = {}
        for label in labels:
            year, kind = v.years.year_of(label), kind_of(label, v)
            if year is not None and kind in cfg.stated_kinds:
                seen.setdefault(year, set()).add(kind)
        return cls(
            stated={year: kinds.pop() for year, kinds in seen.items() if len(kinds) == 1},
            outcome_document=document.doc_type in cfg.outcome_doc_types,
            budget_document=document.doc_type in cfg.budget_doc_types,
            period_start=document.period_start,
            years=v.years,
        )

    def kind(self, label: str) -> str | None:
        year = self.years.year_of(label)
        if year is None:
            return "budget" if self.budget_document else None
        if self.outcome_document:
            return "outcome"
        if year in self.stated:
            return self.stated[year]
        if self.budget_document and self.period_start is not None and year >= self.period_start:
            return "budget" if year == self.period_start else "plan"
        return None


def meaningful_column(label: str, v: Vocabulary) -> bool:
    """A column header states a year, a kind or a unit; anything else is not a figure column."""
    return bool(v.years.years_in(label) or v.kind_words.search(label) or v.units.unit_words.search(label))


def is_financial(text: str, v: Vocabulary) -> bool:
    return bool(v.financial.search(text)) and not v.non_financial.search(text)


def is_total_label(label: str, v: Vocabulary) -> bool:
    return any(p.search(label.strip()) for p in v.totals)


def is_part_label(label: str, v: Vocabulary) -> bool:
    """A row that is part of the row above it ("varav personalkostnader")."""
    return v.parts.match(label.strip()) is not None
