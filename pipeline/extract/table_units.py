"""The unit of a table's figures, and where it was stated (AmountRow.unit_source).

A table states its unit in its corner cell ("Belopp i mnkr"), its title or stub
("RESULTATBUDGET, mnkr"), a caption above it, or a note below it ("Alla belopp i miljoner
kronor", "Belopp i tkr"). Some tables state none: a report that printed "Belopp i mnkr"
over its summary table leaves it off the detail tables that follow. Such a table takes the
money unit of the document's other tables when they print the same figures (its "Totalt
resultat 22,5" is the summary's "Resultat 22,5") and all of those state one unit for
figures of its magnitude (a tkr table prints "20 500" where a mnkr table prints "20,5");
never a unit guessed from the size of a number alone, and marked "document" so that
validation can warn.
"""
from __future__ import annotations

import math
import statistics
from dataclasses import dataclass

from pipeline.tables.model import Table
from pipeline.text.numbers import find_numbers
from pipeline.text.units import Unit, UnitGrammar

Sourced = tuple[Unit | None, str | None]  # a unit and where it was stated (AmountRow.unit_source)

MAGNITUDE_TOLERANCE = 1.5  # decades between a table's typical figure and another table's of the same unit
SHARED_DIGITS = 3  # a figure shared by two tables is evidence when it has this many significant digits


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


def telling_figures(table: Table) -> frozenset[float]:
    """The table's money figures precise enough that another table printing one of them is
    printing the same amount (at least SHARED_DIGITS significant digits: "22,5", "8 104")."""
    return frozenset(c.value for r in table.rows for c in r.cells
                     if c.value and not c.percent and _significant_digits(c.text) >= SHARED_DIGITS)


def _significant_digits(text: str) -> int:
    return len("".join(filter(str.isdigit, text)).lstrip("0"))


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

    @classmethod
    def of(cls, tables: list[Table], units: UnitGrammar) -> DocumentUnits:
        found = []
        for table in tables:
            unit, _ = stated_unit(table, units)
            size = magnitude(table)
            if unit is not None and unit.sek is not None and size is not None:
                found.append(Stated(unit, size, telling_figures(table)))
        return cls(tuple(found), units)

    def unit_for(self, table: Table) -> Sourced:
        """The table's stated unit, else the one money unit of the tables that print its
        figures and are of its magnitude ("document"), else none."""
        own = stated_unit(table, self.units)
        size = magnitude(table)
        if own[0] is not None or size is None:
            return own
        figures = telling_figures(table)
        near = {s.unit for s in self.stated if abs(s.magnitude - size) <= MAGNITUDE_TOLERANCE and s.figures & figures}
        return (near.pop(), "document") if len(near) == 1 else (None, None)
