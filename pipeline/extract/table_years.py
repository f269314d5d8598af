"""The year of a table figure, and where it was read (AmountRow.year_source).

Swedish reports print the year where it is shortest to print: in the column header
("Budget 2026"), once in the table's title ("Driftredovisning 2026") or not at all, when
the whole document is about one year (a delårsrapport's "Utfall | Budget | Prognos").
Relative headers count from that reference year: "Utfall fg år" is the year before it, a
"YYYYMM" period ("Utfall 202603") is that year, and a deviation column compares the dated
column to its left. A multi-year total ("Totalt 2026–2028") is of no single year.

In a budget the reference year is the budget year, and an undated "Utfall" or "Prognos"
column is of a year before it (last year's outcome, this year's forecast) that the header
does not name: such a column is dated only where the table says so, by a title or caption
naming that kind with one year ("Utfall 2025") or a header counting back ("Utfall fg år");
otherwise its year is null, never the budget year (configs/amounts.yaml
table_years.undated_in_budget). A table of one figure column names its items, and their
years, in its rows: a row label naming one year ("Medlemsbidrag 2026" under "Budget 2027")
dates its figure.
"""
from __future__ import annotations

from dataclasses import dataclass

from pipeline.contract import YearSource
from pipeline.extract.table_semantics import Vocabulary
from pipeline.model import DocumentRow
from pipeline.tables.model import Column, Table

Dated = tuple[int | None, YearSource | None]


def document_year(document: DocumentRow) -> int | None:
    """The one year a document is about (a report's year, a one-year budget), else None."""
    if document.period_start is not None and document.period_start == document.period_end:
        return document.period_start
    return None


def header_year(label: str, words: Vocabulary) -> int | None:
    """The year a column header prints: a year ("Budget 2026"), or the year of a YYYYMM
    period ("Utfall 202603"); none for a multi-year total."""
    if words.kind_of(label) == "total":
        return None
    if (year := words.column_year(label)) is not None:
        return year
    found = words.month_period.findall(label)
    return int(found[-1]) if found else None


def row_year(label: str, words: Vocabulary) -> int | None:
    """The one year a row label names outside dates and ranges ("Medlemsbidrag 2026"), else None."""
    years = set(words.years.years_in(words.label_dates.sub(" ", label)))
    return years.pop() if len(years) == 1 else None


def names_previous_year(label: str, words: Vocabulary) -> bool:
    """The header is of the year before its reference ("Utfall fg år", "Motsvarande period
    föregående år"), not compared with it ("… jämfört med samma period föregående år")."""
    head = words.comparison.split(label, maxsplit=1)[0]
    return words.previous_year.search(head) is not None


@dataclass(frozen=True)
class TableYear:
    """The reference year of one table: its title's or caption's single year, else the
    document's; in a budget, also the kinds its title or caption names with that year."""

    year: int | None
    source: YearSource | None
    words: Vocabulary
    budget: bool = False  # a budget document: the reference year is the budget year
    named: frozenset[str] = frozenset()  # kinds the dating title or caption names ("Utfall 2025")

    @classmethod
    def of(cls, table: Table, document: DocumentRow, words: Vocabulary) -> TableYear:
        budget = document.doc_type in words.year_kinds.budget_doc_types
        for text, source in ((table.title, YearSource.TITLE), (table.caption, YearSource.CAPTION)):
            stated = set(words.years.years_in(text or ""))
            if len(stated) == 1:
                kind = words.kind_of(text or "")
                return cls(stated.pop(), source, words, budget, frozenset({kind} if kind else ()))
            if stated:  # a multi-year title ("Investeringsbudget 2027–2031") dates no column
                return cls(None, None, words, budget)
        year = document_year(document)
        return cls(year, YearSource.DOCUMENT if year is not None else None, words, budget)

    def resolve(self, columns: list[Column], index: int, kind: str | None, row: str = "") -> Dated:
        """In a table of one figure column, the year its `row` label names; else the column's
        own year, else the year of the dated column a deviation compares, else the table's
        reference year (the year before it for a "fg år" column); in a budget, an undated
        outcome or forecast takes no reference year that the table does not give that kind.
        A row's year is read, like a column's, from the cell's headers ("column")."""
        label, words = columns[index].label, self.words
        if words.kind_of(label) == "total":
            return None, None
        if len(columns) == 1 and (year := row_year(row, words)) is not None:
            return year, YearSource.COLUMN
        if (year := header_year(label, words)) is not None:
            return year, YearSource.COLUMN
        if kind == "deviation" and index > 0 and (year := header_year(columns[index - 1].label, words)) is not None:
            return year, YearSource.COLUMN
        if self.year is None:
            return None, None
        if names_previous_year(label, words):
            return self.year - 1, self.source
        if self.budget and kind in words.undated_in_budget and kind not in self.named:
            return None, None
        return self.year, self.source
