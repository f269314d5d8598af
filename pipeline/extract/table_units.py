"""The unit of a table's figures, and where it was stated (AmountRow.unit_source).

A table states its unit in its corner cell ("Belopp i mnkr"), its title or stub
("RESULTATBUDGET, mnkr"), a caption above it, or a note below it ("Alla belopp i miljoner
kronor", "Belopp i tkr"). Some tables state none: a report that printed "Belopp i mnkr"
over its summary table leaves it off the detail tables that follow. Such a table takes the
money unit of the document's other tables when they print the same figures (its "Totalt
resultat 22,5" is the summary's "Resultat 22,5") and all of those state one unit for
figures of its magnitude (a tkr table prints "20 500" where a mnkr table prints "20,5");
never a unit guessed from the size of a number alone, and marked "document" so that
validation can warn. A figure tells only when it is distinctive: its significant digits,
trailing zeros stripped, are at least configs/amounts.yaml table_units.distinctive_digits
("8 104", "22,5"; never a round "1 000", "20 000" or "3,0" that any table may print), and
the tables must share at least table_units.shared_figures of them, so that one figure in
common by coincidence carries no unit into a table — or, in a document whose every table
that states a money unit states the same one (a report "i mnkr" throughout),
table_units.shared_figures_one_unit of them: there no other unit could be meant. The same
amount is often printed at two scales: a driftbudget in tkr whose "Summa driftbudget
12 687 286" is the resultatbudget's "Verksamhetens nettokostnad −12 687" in mnkr. A table
whose figures, divided by table_units.scale_step and rounded to the printed decimals, are
at least table_units.shared_figures distinctive figures of a table that states its unit is
in the unit one step below it (mnkr → tkr), and the other way round one step above; signs
are left out, as the costs a driftbudget lists are negative in a resultatbudget. A table set beside another that breaks
one of its rows down ("Medlemsbidrag 2027" into "Alingsås | Vårgårda": tables/stacked.py)
is in that row's unit.
"""
from __future__ import annotations

import math
import statistics
from dataclasses import dataclass
from fractions import Fraction

from pipeline.settings.amounts import TableUnitConfig
from pipeline.tables.model import Table
from pipeline.text.numbers import find_numbers, printed_decimals
from pipeline.text.units import Unit, UnitGrammar

Sourced = tuple[Unit | None, str | None]  # a unit and where it was stated (AmountRow.unit_source)


def stated_unit(table: Table, units: UnitGrammar) -> Sourced:
    """The table's own unit: its corner cell first, then its title, stub, caption, and a
    note below it that states a unit and no figure."""
    for text, source in ((table.corner, "corner"), (table.title, "title"), (table.stub, "corner"),
                         (table.caption, "caption")):
        if text and (unit := units.unit_in(text)) is not None:
            return unit, source
    for note in table.notes:
        if not find_numbers(note) and (unit := units.unit_in(note)) is not None:
            return unit, "note"
    return None, None


def magnitude(table: Table) -> float | None:
    """The decade of the table's typical money figure (median of |value|, zeros left out)."""
    values = [abs(c.value) for r in table.rows for c in r.cells if c.value and not c.percent]
    return math.log10(statistics.median(values)) if values else None


def telling_figures(table: Table, digits: int) -> frozenset[float]:
    """The table's money figures distinctive enough that another table printing one of them
    is printing the same amount: at least `digits` significant digits once leading and
    trailing zeros are stripped ("22,5" and "8 104" tell, "20 000" and "3,0" do not)."""
    return frozenset(c.value for r in table.rows for c in r.cells
                     if c.value and not c.percent and significant_digits(c.text) >= digits)


def significant_digits(text: str) -> int:
    """Digits between the first and the last that is not zero: "20 500" → 3, "1 000" → 1."""
    return len("".join(filter(str.isdigit, text)).strip("0"))


def rescaled_count(finer: frozenset[float], coarser: frozenset[float], step: int, max_decimals: int) -> int:
    """How many of the `coarser` figures are `finer` figures divided by `step` and rounded to
    the coarser figure's decimals (12 687 286 tkr → 12 687 mnkr), signs left out."""
    by_decimals: dict[int, set[float]] = {}
    for c in coarser:
        by_decimals.setdefault(printed_decimals(c, max_decimals), set()).add(abs(c))
    return sum(len(wanted & {round(abs(f) / step, d) for f in finer}) for d, wanted in by_decimals.items())


@dataclass(frozen=True)
class Stated:
    unit: Unit
    magnitude: float
    figures: frozenset[float]


@dataclass(frozen=True)
class DocumentUnits:
    """The money units the document's tables state, with the magnitude and telling figures
    of each table."""

    stated: tuple[Stated, ...]
    units: UnitGrammar
    cfg: TableUnitConfig

    @classmethod
    def of(cls, tables: list[Table], units: UnitGrammar, cfg: TableUnitConfig) -> DocumentUnits:
        found = []
        for table in tables:
            unit, _ = stated_unit(table, units)
            size = magnitude(table)
            if unit is not None and unit.sek is not None and size is not None:
                found.append(Stated(unit, size, telling_figures(table, cfg.distinctive_digits)))
        return cls(tuple(found), units, cfg)

    def unit_for(self, table: Table) -> Sourced:
        """The table's stated unit, else the one money unit of the tables that print at least
        `shared_figures` of its distinctive figures and are of its magnitude ("document"),
        else none."""
        own = stated_unit(table, self.units)
        size = magnitude(table)
        if own[0] is not None or size is None:
            return own
        figures, cfg = telling_figures(table, self.cfg.distinctive_digits), self.cfg
        one_unit = len({s.unit for s in self.stated}) == 1
        shared = cfg.shared_figures_one_unit if one_unit else cfg.shared_figures
        near = {s.unit for s in self.stated if abs(s.magnitude - size) <= cfg.magnitude_decades
                and len(s.figures & figures) >= shared}
        if not near:
            near = self._rescaled_units(figures, size)
        return (near.pop(), "document") if len(near) == 1 else (None, None)

    def _rescaled_units(self, figures: frozenset[float], size: float) -> set[Unit]:
        """The units a table is in by printing other tables' amounts one scale step finer or
        coarser (module docstring); several candidates mean none."""
        step, found = self.cfg.scale_step, set()
        for s in self.stated:
            for shift, finer, coarser in ((-1, figures, s.figures), (1, s.figures, figures)):
                scaled = self.units.scaled(s.unit, Fraction(step) ** shift)
                offset = -shift * math.log10(step)  # a finer unit prints bigger figures
                if (scaled is not None and abs(s.magnitude + offset - size) <= self.cfg.magnitude_decades
                        and rescaled_count(finer, coarser, step, self.cfg.max_decimals) >= self.cfg.shared_figures):
                    found.add(scaled)
        return found

    def units_of(self, tables: list[Table]) -> dict[str, Sourced]:
        """Each table's unit by table_id (unit_for); a table without one that breaks down a row
        of another (broken_down) is in that table's unit, marked "document"."""
        found: dict[str, Sourced] = {}
        for table in tables:
            unit = self.unit_for(table)
            whole = broken_down(table, tables) if unit[0] is None else None
            if whole is not None and (of_whole := found.get(whole.table_id, (None, None))[0]) is not None:
                unit = of_whole, "document"
            found[table.table_id] = unit
        return found


def broken_down(table: Table, tables: list[Table]) -> Table | None:
    """The table whose row this one breaks down: its lone column is headed by that row's
    label, and its first row is printed on that row's line of the same page."""
    if len(table.columns) != 1 or not table.rows:
        return None
    first, label = table.rows[0], table.columns[0].label
    return next((other for other in tables if other is not table for row in other.rows
                 if row.label == label and row.page == first.page and abs(row.bbox[1] - first.bbox[1]) < 1.0), None)
