"""Tables that share a region (tables/stacked.py): a table beside another, a headerless table
in dated sections ("Budget 2027" … "Ram 2028" …), and the year a row label names in a table
of one figure column (table_years.row_year), on generated layouts in several variants."""
from __future__ import annotations

import pytest

from pipeline.tables import build_tables
from tests.fast.test_table_evidence import rows_of
from tests.fast.test_tables import TABLES, _doc, line, table


def _build_up(heading_a: str, heading_b: str, side_gap: float) -> list:
    """A frame build-up in sections, with the member split set beside each section's sum, its
    label `side_gap` points right of the sum's figure."""
    side = 379 + side_gap + 8 * 4.5  # "Alingsås" is right-aligned here by the helper: it starts side_gap after 379
    return [
        line(1, 100, (70, "Räddningstjänstförbundet")),
        line(1, 115, (70, heading_a)),
        line(1, 130, (70, "Medlemsbidrag 2026"), (379, "86 759")),
        line(1, 145, (70, "Uppräkning med PKV per 2026-02-27 : 3,0%"), (379, "2 603")),
        line(1, 160, (70, "Medlemsbidrag 2027"), (379, "89 362"), (side, "Alingsås"), (511, "69 994")),
        line(1, 175, (side, "Vårgårda"), (511, "19 368")),
        line(1, 190, (70, heading_b)),
        line(1, 205, (70, "Medlemsbidrag 2027"), (379, "89 362")),
        line(1, 220, (70, "Uppräkning med PKV per 2026-02-27 : 3,7%"), (379, "3 306")),
        line(1, 235, (70, "Medlemsbidrag 2028"), (379, "92 668"), (side, "Alingsås"), (511, "71 786")),
        line(1, 250, (side, "Vårgårda"), (511, "20 882")),
    ]


@pytest.mark.parametrize("side_gap", [7.0, 40.0])  # the side label run into the figure's cell, or a cell of its own
@pytest.mark.parametrize(("heading_a", "heading_b"), [("Budget 2027", "Ram 2028"), ("Budget 2027", "Ram 2028 (tkr)")])
def test_a_headerless_table_in_dated_sections_beside_a_split(side_gap, heading_a, heading_b):
    tables = build_tables(_doc(table(1, _build_up(heading_a, heading_b, side_gap))), TABLES)
    first, second, *beside = tables
    assert [c.label for c in first.columns] == [heading_a] and [c.label for c in second.columns] == [heading_b]
    assert [r.label for r in first.rows] == ["Medlemsbidrag 2026", "Uppräkning med PKV per 2026-02-27 : 3,0%",
                                             "Medlemsbidrag 2027"]
    # the split beside each sum breaks that row down: the row's label heads it
    assert [([c.label for c in t.columns], [(r.label, r.cells[0].value) for r in t.rows]) for t in beside] == [
        (["Medlemsbidrag 2027"], [("Alingsås", 69994.0), ("Vårgårda", 19368.0)]),
        (["Medlemsbidrag 2028"], [("Alingsås", 71786.0), ("Vårgårda", 20882.0)]),
    ]
    rows = rows_of(_doc(table(1, _build_up(heading_a, heading_b, side_gap))), "budget", 2027, 2029)
    got = [(r.row_label, r.column_label, r.year, r.kind, r.value) for r in rows]
    # the row's year dates the figure in a table of one column; a date in a label dates nothing
    assert got == [
        ("Medlemsbidrag 2026", heading_a, 2026, "budget", 86759.0),
        ("Uppräkning med PKV per 2026-02-27 : 3,0%", heading_a, 2027, "budget", 2603.0),
        ("Medlemsbidrag 2027", heading_a, 2027, "budget", 89362.0),
        ("Medlemsbidrag 2027", heading_b, 2027, "budget", 89362.0),
        ("Uppräkning med PKV per 2026-02-27 : 3,7%", heading_b, 2028, "plan", 3306.0),
        ("Medlemsbidrag 2028", heading_b, 2028, "plan", 92668.0),
        ("Alingsås", "Medlemsbidrag 2027", 2027, "budget", 69994.0),
        ("Vårgårda", "Medlemsbidrag 2027", 2027, "budget", 19368.0),
        ("Alingsås", "Medlemsbidrag 2028", 2028, "plan", 71786.0),
        ("Vårgårda", "Medlemsbidrag 2028", 2028, "plan", 20882.0),
    ]


@pytest.mark.parametrize(("heading", "header"), [("Socialnämnden", ""), ("Medlemsbidrag 2027", "Medlemsbidrag 2027"),
                                               ("Budget 2027 och 2028", ""), ("Budget", "")])
def test_a_line_that_is_no_dated_kind_alone_is_no_section_heading(heading, header):
    """A group heading, an item with a year, a heading of two years or of none: the table is
    not cut there; only a line naming one year heads the lone column under it."""
    lines = [line(1, 100, (70, heading)), line(1, 115, (70, "Kommunstyrelsen"), (379, "86 759")),
             line(1, 130, (70, heading)), line(1, 145, (70, "Socialnämnden"), (379, "2 603"))]
    tables = build_tables(_doc(table(1, lines)), TABLES)
    assert len(tables) == 1 and [c.label for c in tables[0].columns] == [header]


def test_a_text_column_without_figures_after_it_or_on_one_line_only_is_no_table_beside():
    comment = [line(1, 100, (70, "tkr"), (379, "Budget 2027"), bold=True),
               line(1, 115, (70, "Kommunstyrelsen"), (379, "86 759"), (450, "Ny ram")),
               line(1, 130, (70, "Socialnämnden"), (379, "2 603"), (450, "Oförändrad"))]
    one = [line(1, 100, (70, "tkr"), (379, "Budget 2027"), (511, "Plan 2028"), bold=True),
           line(1, 115, (70, "Kommunstyrelsen"), (379, "86 759"), (440, "varav"), (511, "1 200")),
           line(1, 130, (70, "Socialnämnden"), (379, "2 603"), (511, "2 700"))]
    units = [line(1, 100, (70, "Kostnad"), (379, "Utfall 2025"), (511, "Budget 2026"), bold=True),
             line(1, 115, (70, "Per elev"), (379, "45 000"), (392, "kr"), (511, "47 000")),
             line(1, 130, (70, "Per invånare"), (379, "12 300"), (392, "kr"), (511, "12 800"))]
    for lines in (comment, one, units):  # a comment column, a word on one line, a unit after each figure
        (found,) = build_tables(_doc(table(1, lines)), TABLES)
        assert len(found.rows) == 2  # one table, not cut beside


def test_in_a_table_of_several_columns_the_columns_date_the_figures_not_the_row():
    lines = [line(1, 100, (70, "tkr"), (379, "Budget 2027"), (511, "Plan 2028"), bold=True),
             line(1, 115, (70, "Satsning 2026"), (379, "1 500"), (511, "1 600"))]
    rows = rows_of(_doc(table(1, lines)), "budget", 2027, 2029)
    assert [(r.year, r.kind) for r in rows] == [(2027, "budget"), (2028, "plan")]


@pytest.mark.parametrize(("result_figures", "unit"), [(("86 759", "89 362", "92 668"), "tkr"),
                                                      (("86 100", "88 100", "92 500"), None)])
def test_a_breakdown_beside_a_row_is_in_that_rows_unit(result_figures, unit):
    """The sections take tkr from the result table that prints two of the figures of each,
    and the split beside a section's sum takes its unit from that sum; when nothing carries
    a unit into the sections, the split has none either."""
    result = table(2, [line(2, 100, (70, "(tkr)"), (300, "2026"), (379, "2027"), (511, "2028"), bold=True),
                       line(2, 115, (70, "Bidrag från medlemskommunerna"), *zip((300, 379, 511), result_figures))])
    rows = rows_of(_doc(table(1, _build_up("Budget 2027", "Ram 2028", 7.0)), result), "budget", 2027, 2029)
    split = ("Alingsås", "Vårgårda")
    beside = [(r.row_label, r.unit, r.unit_source) for r in rows if r.page == 1 and r.row_label in split]
    assert beside == [(label, unit, "document" if unit else None) for label in split * 2]
    sections = {(r.unit, r.unit_source) for r in rows if r.page == 1 and r.row_label not in split}
    assert sections == {(unit, "document" if unit else None)}
