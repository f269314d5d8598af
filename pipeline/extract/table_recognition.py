"""Which tables are financial: named so by a cue word, or shaped so.

A reader knows a table of figures over time when they see one, whether or not its title
says "budget": a stub column of labels beside figure columns headed by a year ("Utfall
2025"), a period ("Aktuell period", "Ack åa helår 2024") or a kind of figure ("Prognos"),
or a table whose body its unit resolver reads as money ("Belopp i tkr" in a note below).
Such a table is read as amounts even when no cue word names it. Tables that state
indicators or targets (a stub "Indikator" or "Mått/nyckeltal", a column "Målvärde") and
statistics tables are indicators, not amounts, and neither are counts that no year or
period dates ("Antal" accidents): a cue word names those, and an undated column is no
figure over time.
"""
from __future__ import annotations

from pipeline.contract import AmountKind
from pipeline.extract import table_semantics as sem
from pipeline.extract.table_units import stated_unit
from pipeline.tables.model import Table

# Column kinds that place a figure in a budget cycle; "Antal" (other) and a multi-year
# "Totalt" (total) date nothing by themselves.
_CYCLE_KINDS = frozenset({AmountKind.OUTCOME, AmountKind.BUDGET, AmountKind.PLAN, AmountKind.FORECAST,
                          AmountKind.DEVIATION})


def financial_tables(tables: list[Table], vocabulary: sem.Vocabulary) -> list[Table]:
    """The tables with a column header whose title, stub or caption names money, or whose
    shape is that of a financial table (shaped_financial)."""
    return [t for t in tables if t.header_rows
            and (vocabulary.is_financial(context(t)) or shaped_financial(t, vocabulary))]


def context(table: Table) -> str:
    """Title, stub and caption text: where financial cues are looked up."""
    return " ".join(t for t in (table.title, table.stub, table.caption) if t)


def shaped_financial(table: Table, vocabulary: sem.Vocabulary) -> bool:
    """A stub of labels beside figure columns that are all dated by a year, a period or a
    kind of the budget cycle, or a table whose own unit is money; never a table whose words
    give it the role of indicators, targets or statistics."""
    headers = " ".join([context(table), table.corner, *(c.label for c in table.columns)])
    if vocabulary.tables.non_financial.search(headers) or vocabulary.indicator_roles.search(headers):
        return False
    figure_rows = [r for r in table.rows if any(c.value is not None for c in r.cells)]
    if not figure_rows or not all(r.label for r in figure_rows):
        return False
    unit, _ = stated_unit(table, vocabulary.units)
    if unit is not None and unit.sek is not None:
        return True
    columns = {c.col_index for r in figure_rows for c in r.cells if c.value is not None}
    return all(_dated(table.columns[i].label, vocabulary) for i in columns)


def _dated(label: str, vocabulary: sem.Vocabulary) -> bool:
    """A column header that places its figures in time: a year, the period reported, or a
    kind of the budget cycle (budget, outcome, forecast, plan, deviation)."""
    return bool(vocabulary.years.years_in(label) or vocabulary.tables.period_words.search(label)
                or vocabulary.kind_of(label) in _CYCLE_KINDS)
