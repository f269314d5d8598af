"""What the review of the amounts code found fitted to the development documents, tested on
hand-built layouts in several variants: an undated outcome in a budget is not of the budget
year (table_years), a full-year column in a follow-up is a forecast only when its header says
so (table_semantics.YearKinds), and a unit is carried into a table only by distinctive figures
it shares with another (table_units)."""
from __future__ import annotations

import pytest

from pipeline.extract.table_units import significant_digits
from pipeline.model import Block, Line
from tests.fast.test_table_evidence import rows_of
from tests.fast.test_tables import _doc, heading, line, table


def _budget_table(title: str | None, headers: tuple[str, str, str]) -> list[Block]:
    body = table(1, [line(1, 100, (70, "mnkr"), (300, headers[0]), (400, headers[1]), (500, headers[2]), bold=True),
                     line(1, 118, (70, "Kommunstyrelsen"), (300, "101,3"), (400, "104,7"), (500, "108,2"))])
    return [heading(1, title), body] if title else [body]


@pytest.mark.parametrize(("title", "headers", "expected"), [
    # the budget year dates the budget column only: last year's outcome and this year's forecast are not of it
    (None, ("Utfall", "Prognos", "Budget"), [None, None, 2026]),
    ("Driftbudget 2026", ("Utfall", "Prognos", "Budget"), [None, None, 2026]),
    # the table says which year its outcome is of: a title naming the kind, a header counting back
    ("Utfall 2025", ("Utfall", "Utfall fg år", "Budget 2026"), [2025, 2024, 2026]),
    (None, ("Utfall fg år", "Bokslut", "Budget"), [2025, None, 2026]),
    # a printed year always dates its column
    ("Driftbudget 2026", ("Utfall 2024", "Prognos 2025", "Budget"), [2024, 2025, 2026]),
])
def test_an_undated_outcome_in_a_budget_is_not_of_the_budget_year(title, headers, expected):
    rows = rows_of(_doc(*_budget_table(title, headers)), "budget", 2026, 2026)
    assert [r.year for r in rows] == expected


def test_an_undated_outcome_in_a_report_is_of_the_report_year():
    """In an annual report or a follow-up the reference year is the year reported on: there an
    undated "Utfall" is that year's outcome."""
    for doc_type in ("annual_report", "interim_report"):
        rows = rows_of(_doc(*_budget_table(None, ("Utfall", "Budget", "Avvikelse"))), doc_type, 2026, 2026)
        assert [(r.year, r.kind) for r in rows] == [(2026, "outcome"), (2026, "budget"), (2026, "deviation")]


def _follow_up(*header: Line) -> list[tuple[str, int | None, str | None]]:
    doc = _doc(heading(1, "Resultat per verksamhet"),
               table(1, [*header, line(1, 130, (70, "Ekonomi"), (300, "82,2"), (420, "-69,5"), (500, "12,7"))]))
    return [(r.column_label, r.year, r.kind) for r in rows_of(doc, "interim_report", 2026, 2026)]


@pytest.mark.parametrize(("headers", "expected"), [
    (("Prognos helår", "Budget helår", "Helår 2025"),
     [("Prognos helår", 2026, "forecast"), ("Budget helår", 2026, "budget"), ("Helår 2025", 2025, "outcome")]),
    (("Helårsprognos", "Helår budget", "Utfall helår 2024"),
     [("Helårsprognos", 2026, "forecast"), ("Helår budget", 2026, "budget"), ("Utfall helår 2024", 2024, "outcome")]),
    # the current full year with no kind word is budget or forecast: no kind, never a guessed forecast
    (("Resultat period", "Resultat helår", "Helår"),
     [("Resultat period", 2026, "outcome"), ("Resultat helår", 2026, None), ("Helår", 2026, None)]),
])
def test_a_full_year_column_is_a_forecast_only_when_its_header_says_so(headers, expected):
    assert _follow_up(line(1, 100, (70, "mnkr"), (300, headers[0]), (420, headers[1]), (500, headers[2]),
                           bold=True)) == expected


def test_a_forecast_group_cell_over_full_year_columns_makes_them_the_forecast():
    """A group cell printed once over two "helår" columns of a two-line header and given to the
    label of one of them only: the header read whole makes both the forecast, as a budget
    group makes them the budget; without it they have no kind."""
    for group, kind in (("Prognosuppföljning", "forecast"), ("Budgetuppföljning", "budget"), ("", None)):
        got = _follow_up(line(1, 100, (70, "mnkr"), *([(495, group)] if group else []), bold=True),
                         line(1, 112, (300, "Utfall period"), (420, "helår"), (500, "helår 2027"), bold=True))
        assert [(year, k) for _, year, k in got] == [(2026, "outcome"), (2026, kind), (2027, kind)]


def test_significant_digits_strip_leading_and_trailing_zeros():
    assert [significant_digits(t) for t in ("20 500", "1 000", "3,0", "22,5", "8 104", "0,25", "-1 500")] \
        == [3, 1, 1, 3, 4, 2, 2]


def _two_tables(summary: tuple[str, str], detail: tuple[str, str], unit: str = "Belopp i mnkr",
                other_unit: str | None = None):
    """A summary stating `unit` and a detail table stating none; with `other_unit`, a third
    table stating another money unit (the document then has two)."""
    other = [table(3, [line(3, 100, (70, other_unit), (350, "Utfall"), (450, "Budget"), bold=True),
                       line(3, 118, (70, "Bidrag"), (350, "1 234 567"), (450, "1 345 678"))])] if other_unit else []
    return _doc(
        heading(1, "Resultat i sammandrag"),
        table(1, [line(1, 100, (70, unit), (350, "Utfall"), (450, "Budget"), bold=True),
                  line(1, 118, (70, "Resultat"), (350, summary[0]), (450, summary[1]))]),
        heading(2, "Resultat per verksamhet"),
        table(2, [line(2, 100, (70, "Verksamhet"), (350, "Utfall"), (450, "Budget"), bold=True),
                  line(2, 118, (70, "Ekonomi"), (350, "6,8"), (450, "1,7")),
                  line(2, 130, (70, "Totalt"), (350, detail[0]), (450, detail[1]))]),
        *other,
    )


@pytest.mark.parametrize(("summary", "detail", "unit", "other", "carried"), [
    (("22,5", "31,4"), ("22,5", "31,4"), "Belopp i mnkr", "Belopp i kr", "mnkr"),  # two distinctive in common
    (("22,5", "31,4"), ("22,5", "29,4"), "Belopp i mnkr", "Belopp i kr", None),  # one is a coincidence …
    (("22,5", "31,4"), ("22,5", "29,4"), "Belopp i mnkr", None, "mnkr"),  # … unless mnkr is the one unit
    (("22,5", "3,0"), ("22,5", "3,0"), "Belopp i mnkr", "Belopp i kr", None),  # "3,0" is round: it tells nothing
    (("22,5", "3,0"), ("20,5", "3,0"), "Belopp i mnkr", None, None),  # none distinctive in common
    (("20 500", "8 104"), ("20 500", "8 104"), "Belopp i tkr", None, "tkr"),
    (("20 000", "1 500"), ("20 000", "1 500"), "Belopp i tkr", None, None),  # round figures any table may print
])
def test_a_unit_is_carried_only_by_distinctive_figures_in_common(summary, detail, unit, other, carried):
    rows = rows_of(_two_tables(summary, detail, unit, other), "annual_report", 2026, 2026)
    assert {r.unit for r in rows if r.page == 2} == {carried}
