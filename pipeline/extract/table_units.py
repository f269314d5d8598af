"""The unit of a table's figures, and where it was stated (AmountRow.unit_source).

A table states its unit in its corner cell ("Belopp i mnkr"), its title or stub
("RESULTATBUDGET, mnkr"), a caption above it, or a note below it ("Alla belopp i miljoner
kronor", "Belopp i tkr"). Some tables state none: a report that printed "Belopp i mnkr"
over its summary table leaves it off the detail tables that follow. Such a table takes the
money unit of the document's other tables when exactly one unit is stated for figures of
its magnitude (a tkr table prints "20 500" where a mnkr table prints "20,5"); never a unit
guessed from one number, and marked "document" so that validation can warn.
"""
from __future__ import annotations

import math
import statistics
from dataclasses import dataclass

from pipeline.tables.model import Table
from pipeline.text.numbers import find_numbers
from pipeline.text.units import Unit, unit_in

Sourced = tuple[Unit | None, str | None]  # a unit and where it was stated (AmountRow.unit_source)

MAGNITUDE_TOLERANCE = 1.0  # decades between a table's typical figure and another table's of the same unit


def stated_unit(table: Table) -> Sourced:
    """The table's own unit: its corner cell first, then its title, stub, caption, and a
    note below it that states a unit and no figure."""
    for text, source in ((table.corner, "corner"), (table.title, "title"), (table.stub, "corner"),
                         (table.caption, "caption")):
        if text and (unit := unit_in(text)) is not None:
            return unit, source
    for note in table.notes:
        if not find_numbers(note) and (unit := unit_in(note)) is not None:
            return unit, "note"
    return None, None


def magnitude(table: Table) -> float | None:
    """The decade of the table's typical money figure (median of |value|, zeros left out)."""
    values = [abs(c.value) for r in table.rows for c in r.cells if c.value and not c.percent]
    return math.log10(statistics.median(values)) if values else None


@dataclass(frozen=True)
class DocumentUnits:
    """The money units the document's tables state, with the magnitude of each table."""

    stated: tuple[tuple[Unit, float], ...]

    @classmethod
    def of(cls, tables: list[Table]) -> DocumentUnits:
        found = []
        for table in tables:
            unit, _ = stated_unit(table)
            size = magnitude(table)
            if unit is not None and unit.sek is not None and size is not None:
                found.append((unit, size))
        return cls(tuple(found))

    def unit_for(self, table: Table) -> Sourced:
        """The table's stated unit, else the one money unit the document states for tables of
        its magnitude ("document"), else none."""
        own = stated_unit(table)
        size = magnitude(table)
        if own[0] is not None or size is None:
            return own
        near = {unit for unit, other in self.stated if abs(other - size) <= MAGNITUDE_TOLERANCE}
        return (near.pop(), "document") if len(near) == 1 else (None, None)
