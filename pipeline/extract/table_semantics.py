"""What a table's words mean: year and kind of a column, unit of a figure, total rows.

All vocabulary comes from configs/amounts.yaml, so a new municipality's wording is a
config change, not a code change. The cue words the tables stage also reads structure by
(kind words, financial cues) are its settings' (pipeline/tables/settings.py); `Vocabulary.of`
compiles both once per settings object.
"""
from __future__ import annotations

import math
import re
from dataclasses import dataclass

from pipeline.model import DocumentRow
from pipeline.settings import Settings
from pipeline.settings.amounts import TableUnitConfig, YearKindConfig
from pipeline.tables.model import Table
from pipeline.tables.settings import TableSettings
from pipeline.text.cues import any_of
from pipeline.text.units import UnitGrammar
from pipeline.text.years import YearRange


@dataclass(frozen=True)
class Vocabulary:
    """The words of configs/amounts.yaml that give a table's cells their meaning, compiled."""

    kinds: tuple[tuple[re.Pattern[str], str], ...]
    totals: tuple[re.Pattern[str], ...]
    parts: re.Pattern[str]
    tables: TableSettings
    year_kinds: YearKindConfig
    years: YearRange
    units: UnitGrammar
    previous_year: re.Pattern[str]  # "fg år", "föregående år": the year before the reference year
    comparison: re.Pattern[str]  # "jämfört med": what follows is compared with, not dated
    month_period: re.Pattern[str]  # "202603": a period up to a month of a year
    full_year: re.Pattern[str]  # "helår": the whole year, in a follow-up not yet its outcome
    indicator_roles: re.Pattern[str]  # "Indikator", "Mått/nyckeltal", "Målvärde": a table of indicators
    undated_in_budget: frozenset[str]  # kinds of a budget's undated column that are not of the budget year
    label_dates: re.Pattern[str]  # "2026-02-27", "2025/26": a date or range in a row label, no year of it
    unit_inference: TableUnitConfig  # when another table's unit is carried into one that states none

    @classmethod
    def of(cls, settings: Settings) -> Vocabulary:
        """Compiled once per settings object: `settings.derived(Vocabulary.of)`."""
        tables = settings.amounts.tables
        return cls(
            kinds=tuple((any_of([k.pattern]), k.kind) for k in tables.kinds),
            totals=tuple(re.compile(p, re.IGNORECASE) for p in tables.total_cues),
            parts=re.compile("|".join(tables.part_cues), re.IGNORECASE),
            tables=settings.derived(TableSettings.of),
            year_kinds=settings.amounts.year_kinds,
            years=settings.years,
            units=settings.units,
            previous_year=any_of(settings.amounts.table_years.previous_year_cues),
            comparison=any_of(settings.amounts.table_years.comparison_cues),
            month_period=re.compile(settings.amounts.table_years.month_period),
            full_year=any_of(settings.amounts.year_kinds.full_year_cues),
            indicator_roles=any_of(tables.indicator_roles),
            undated_in_budget=frozenset(settings.amounts.table_years.undated_in_budget),
            label_dates=re.compile(settings.amounts.table_years.label_dates),
            unit_inference=settings.amounts.table_units,
        )

    def column_year(self, label: str) -> int | None:
        """The year a column's figures are of; none for a multi-year total ("Totalt
        2026–2028"): a sum over its years is of no single one (kind_of: a total column names
        no year or several)."""
        return None if self.kind_of(label) == "total" else self.years.year_of(label)

    def kind_of(self, label: str) -> str | None:
        """The kind a column header names. A total is a multi-year total: a "Totalt 2026"
        column states one year and is that year's figure, so it takes a kind its other words
        name, or none (the year's kind in the document decides)."""
        one_year = len(set(self.years.years_in(label))) == 1
        for pattern, kind in self.kinds:
            if pattern.search(label) and not (kind == "total" and one_year):
                return kind
        return None

    def row_kind(self, label: str) -> str | None:
        """A row label that names a kind ("Budget", "Budgetavvikelse") in tables of years.

        A "Totalt" row is a sum of the rows above, not a multi-year total: it keeps its
        column's kind; an "Antal årsarbetare" row states its unit (a count), not a kind."""
        kind = self.kind_of(label)
        return kind if kind not in (None, "total", "other") and self.tables.kind_words.match(label) else None

    def meaningful_column(self, label: str) -> bool:
        """A column header states a year, a kind or a unit; anything else is not a figure column
        (the same cues by which the tables stage tells a column header from a group cell)."""
        return self.tables.names_column(label)

    def is_financial(self, text: str) -> bool:
        return self.tables.is_financial(text)

    def is_total_label(self, label: str) -> bool:
        return any(p.search(label.strip()) for p in self.totals)

    def is_part_label(self, label: str) -> bool:
        """A row that is part of the row above it ("varav personalkostnader")."""
        return self.parts.match(label.strip()) is not None


def group_header(table: Table, index: int) -> str:
    """The header cells printed above a column's own header words and over it that its label
    leaves out: a group cell over sub-columns that each name themselves ("Helår" over "Budget
    | Prognos", "Prognos" over "Period | Helår" but given to one of them). The multi-line
    header read whole says what a column's own words do not."""
    column = table.columns[index]
    top = min((w.top for w in column.header), default=math.inf)
    x0 = min([column.x0, *(w.x0 for w in column.header)])
    x1 = max([column.x1, *(w.x1 for w in column.header)])
    cells = [c for r in table.header_rows for c in r.cells
             if index not in c.columns and c.bbox[3] <= top + 0.5 and c.bbox[0] < x1 and x0 < c.bbox[2]]
    return " ".join(c.text for c in cells)


@dataclass(frozen=True)
class YearKinds:
    """What a column is that states a year but no kind ("2026"), or neither ("Belopp").

    In an annual report a bare year is an outcome, and so is a column that names no kind.
    In a follow-up during the year a column of the full year is that year's forecast only
    when its header says so ("Prognos helår", or "Helår" under "Prognos": the kind words
    read first); a full year before the report's ("Helår 2025" in a report on 2026) is that
    year's outcome, and the whole current year with no kind word ("Resultat helår") is
    budget or forecast, which the header does not say: no kind. Otherwise the document's own headers
    decide when they give the year one kind ("Budget 2026" elsewhere → budget); in a
    budget document the first year of its period is the budget and later years the plan,
    and an undated amount column is the budget; when the document's own headers budget that
    first year, a later year's "Ram 2028" or "Budget 2028" is the plan too (cycle_kind).
    """

    stated: dict[int, str]
    outcome_document: bool
    budget_document: bool
    period_start: int | None
    vocabulary: Vocabulary
    forecast_document: bool = False
    report_year: int | None = None  # the last year the document reports on (period_end)
    budget_year: int | None = None  # a budget's first year, when its own headers budget it

    @classmethod
    def of(cls, labels: list[str], document: DocumentRow, vocabulary: Vocabulary) -> YearKinds:
        cfg = vocabulary.year_kinds
        seen: dict[int, set[str]] = {}
        for label in labels:
            year, kind = vocabulary.years.year_of(label), vocabulary.kind_of(label)
            if year is not None and kind is not None and kind in cfg.stated_kinds:
                seen.setdefault(year, set()).add(kind)
        # the document's own headers budget its first year: a budget of a later year is its plan
        budget_document = document.doc_type in cfg.budget_doc_types
        budgeted = budget_document and seen.get(document.period_start or 0) == {"budget"}
        start = document.period_start if budgeted else None
        seen = {year: {_cycle_kind(k, year, start) for k in kinds} for year, kinds in seen.items()}
        return cls(
            stated={year: kinds.pop() for year, kinds in seen.items() if len(kinds) == 1},
            outcome_document=document.doc_type in cfg.outcome_doc_types,
            budget_document=budget_document,
            period_start=document.period_start,
            budget_year=start,
            vocabulary=vocabulary,
            forecast_document=document.doc_type in cfg.forecast_doc_types,
            report_year=document.period_end,
        )

    def kind(self, label: str, group: str = "") -> str | None:
        """The kind of a column whose header (`label`, and the `group` cells above it) names
        none: by the document's type, period and own headers."""
        year = self.vocabulary.years.year_of(label)
        if self.outcome_document:
            return self._report_kind(f"{group} {label}", year)
        if year is None:
            return "budget" if self.budget_document else None
        if year in self.stated:
            return self.stated[year]
        if self.budget_document and self.period_start is not None and year >= self.period_start:
            return "budget" if year == self.period_start else "plan"
        return None

    def cycle_kind(self, kind: str | None, year: int | None) -> str | None:
        """The kind a column states, placed in the document's budget cycle."""
        return None if kind is None else _cycle_kind(kind, year, self.budget_year)

    def _report_kind(self, header: str, year: int | None) -> str | None:
        """In a report, an outcome; in a follow-up during the year, a full-year column of the
        report year or later that names no kind is of no kind known ("Ack åa helår 2024" in a
        report on 2026 is an earlier year's outcome)."""
        if not (self.forecast_document and self.vocabulary.full_year.search(header)):
            return "outcome"
        earlier = year is not None and self.report_year is not None and year < self.report_year
        return "outcome" if earlier else None


def _cycle_kind(kind: str, year: int | None, budget_year: int | None) -> str:
    """In a budget only its first year is budgeted: a budget or frame ("Ram") stated for a
    later year is the plan for that year ("Budget 2027 | Ram 2028 | Ram 2029")."""
    later = year is not None and budget_year is not None and year > budget_year
    return "plan" if kind == "budget" and later else kind
