"""What the tables stage needs to know, read once from configs/: distances and cue words.

The stage knows only structure, but structure has cues: a header cell that states a year,
a kind ("Budget", "Utfall") or a unit is a column header, not a row label; a numbered
caption ("Tabell 11. …") names the table above it and ends it; a corner cell that names a
financial table ("Driftbudget per nämnd, mnkr") is the table's title. The vocabulary is the
amounts vocabulary (configs/amounts.yaml), so extract reads what a column means from the
same words the grid found it by.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from pipeline.settings import Settings
from pipeline.text.cues import any_of
from pipeline.text.units import UnitGrammar
from pipeline.text.years import YearRange


@dataclass(frozen=True)
class TableSettings:
    cell_gap_em: float  # cells as layout splits them (layout.yaml tables.cell_gap_em)
    figure_gap_em: float  # a trailing figure this far from its label is a cell of its own
    group_gap_em: float  # thousands groups of one number are closer than this
    column_snap_em: float  # right edges of figures closer than this share a column
    kind_words: re.Pattern[str]  # header words that name a kind of figure ("Budget", "Utfall")
    unit_words: re.Pattern[str]
    subrow: re.Pattern[str]  # a label-only line opening like this is a row, not a wrapped label
    numbered_caption: re.Pattern[str]
    corner_fillers: frozenset[str]  # corner words that only introduce a unit ("Belopp i")
    financial: re.Pattern[str]
    non_financial: re.Pattern[str]
    years: YearRange
    units: UnitGrammar
    period_words: re.Pattern[str]  # header words that name the report's period ("period", "helår")

    def names_column(self, label: str) -> bool:
        """A column header states a year, a kind, a unit or the period reported ("Resultat
        period", "Prognos helår"); anything else heads no figure column."""
        return bool(self.years.years_in(label) or self.kind_words.search(label) or self.unit_words.search(label)
                    or self.period_words.search(label))

    def caption_name(self, caption: str | None) -> str | None:
        """The name a numbered table caption gives ("Tabell 11. Finansieringsbudget"), else None."""
        m = self.numbered_caption.match(caption or "")
        return caption[m.end() :].strip() or None if m else None  # type: ignore[index]

    def corner_name(self, corner: str) -> str:
        """The words of a corner cell that are not its unit: "Reserverade medel, mnkr" →
        "Reserverade medel", "Belopp i miljoner kronor" → ""."""
        words = self.units.without_units(corner).split()
        words = [w for w in words if w.strip(",:;").lower() not in self.corner_fillers]
        return " ".join(words).strip(" ,:;–-")

    def is_financial(self, text: str) -> bool:
        """The text names a financial table (a budget, a result, costs …), not indicators."""
        return bool(self.financial.search(text)) and not self.non_financial.search(text)


    @classmethod
    def of(cls, settings: Settings) -> TableSettings:
        """Compiled once per settings object: `settings.derived(TableSettings.of)`."""
        t, cells = settings.amounts.tables, settings.layout.tables
        return cls(
            cell_gap_em=cells.cell_gap_em,
            figure_gap_em=cells.figure_gap_em,
            group_gap_em=t.group_gap_em,
            column_snap_em=t.column_snap_em,
            kind_words=any_of([k.pattern for k in t.kinds]),
            unit_words=settings.units.unit_words,
            subrow=re.compile("|".join(t.subrow_cues), re.IGNORECASE),
            numbered_caption=re.compile(t.numbered_caption, re.IGNORECASE),
            corner_fillers=frozenset(w.lower() for w in t.corner_fillers),
            financial=any_of(t.financial_cues),
            non_financial=any_of(t.non_financial_cues),
            years=settings.years,
            units=settings.units,
            period_words=any_of(settings.amounts.year_kinds.period_cues + settings.amounts.year_kinds.full_year_cues),
        )
