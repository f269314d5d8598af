"""Amounts from generated PDFs whose tables hold figures that are not amounts of money, or
not of the column they seem to stand in: note numbers ("Not"), project numbers and
ansvar/verksamhet codes beside money columns, a kronor-per-invånare column and percent
columns beside mnkr columns, two tables side by side on one page, and a row of column
numbers under the years.

A wrong amount is the worst defect the pipeline can have: each of these layouts can turn a
code into money, a rate into a sum, or one table's figure into another's. Each document
goes through the real pipeline (ingest → layout → document fields → amounts); the expected
rows are what a careful reader of the page would write down.
"""
from __future__ import annotations

import pytest

from pipeline.extract.amounts import Amounts
from tests.corpus.test_amounts_layouts import BUDGET_PLAN, HEADER, NAMNDER, SIZE, SUMMA, Sheet, expect, grouped, rows_of
from tests.corpus.test_amounts_layouts_more import EDGES, Page, _rows, _save, printed

ANNUAL_COVER = "Årsredovisning 2025"
OUTCOMES = ((2024, "outcome"), (2025, "outcome"))


def _annual_cover(sheet: Sheet, title: str = ANNUAL_COVER) -> None:
    sheet.text(60, 70, title, "B", 16)
    sheet.text(60, 100, "Årsredovisningen redovisar kommunens resultat och ställning för året.")


# -- 1. a "Not" column of note numbers in an annual report's Resultaträkning ----------------------

RESULT = (  # label, note as printed ("" = none), 2024, 2025 as printed, their values (mnkr), total
    ("Verksamhetens intäkter", "1", ("1 234,5", "1 301,2"), (1234.5, 1301.2), False),
    ("Verksamhetens kostnader", "2", ("-5 612,0", "-5 890,4"), (-5612.0, -5890.4), False),
    ("Avskrivningar", "3", ("-210,3", "-225,8"), (-210.3, -225.8), False),
    ("Verksamhetens nettokostnad", "", ("-4 587,8", "-4 815,0"), (-4587.8, -4815.0), True),
    ("Skatteintäkter", "4, 5", ("3 900,1", "4 050,6"), (3900.1, 4050.6), False),
    ("Generella statsbidrag och utjämning", "6", ("850,2", "880,9"), (850.2, 880.9), False),
    ("Verksamhetens resultat", "", ("162,5", "116,5"), (162.5, 116.5), True),
    ("Finansiella intäkter", "11", ("40,0", "45,2"), (40.0, 45.2), False),
    ("Finansiella kostnader", "12", ("-22,4", "-30,1"), (-22.4, -30.1), False),
    ("Årets resultat", "", ("180,1", "131,6"), (180.1, 131.6), True),
)


@pytest.fixture(scope="module")
def notes(tmp_path_factory) -> Amounts:
    """"Mnkr | Not | 2024 | 2025": note numbers right-aligned in a narrow column between the
    label and the years; sums in bold; one row refers to two notes ("4, 5")."""
    sheet = Page().page()
    _annual_cover(sheet)
    rows = [(label, (note, *figures)) for label, note, figures, _, _ in RESULT]
    sheet.table(150, "Resultaträkning", "Mnkr", ("Not", "2024", "2025"), rows, (330, 440, 535),
                bold=tuple(label for label, *_, total in RESULT if total))
    return _save(sheet, tmp_path_factory, "notes")


def test_note_numbers_are_never_amounts(notes):
    """Only the year columns are amounts: a bare year in an annual report is an outcome."""
    assert rows_of(notes) == [t for label, _, _, values, total in RESULT
                              for t in expect(label, values, "mnkr", total, OUTCOMES)]
    assert {r.table_title for r in notes.rows} == {"Resultaträkning"}


# -- 2. a project-number column in an investment report ------------------------------------------

PROJECTS = (  # name, project number, Budget 2026, Utfall 2026, Avvikelse (tkr)
    ("Ny förskola Norr", "1401", (25_000, 21_350, 3_650)),
    ("Ombyggnad simhall", "6154", (12_500, 13_020, -520)),
    ("Gång- och cykelväg Centrum", "2031", (4_000, 3_100, 900)),  # a project number in the year range
    ("IT-infrastruktur", "2100", (1_500, 1_500, 0)),
    ("Summa investeringar", "", (43_000, 38_970, 4_030)),
)
PROJECT_YEARS = ((2026, "budget"), (2026, "outcome"), (2026, "deviation"))


@pytest.fixture(scope="module", params=[("Projektnr", "between"), ("Proj", "between"), ("Projektnr", "tight"),
                                        ("Projektnr", "first")],
                ids=["projektnr_between", "proj_between", "projektnr_tight", "projektnr_first"])
def projects(request, tmp_path_factory) -> Amounts:
    """An annual report's Investeringsredovisning (tkr): the project number in a column of
    its own before "Budget 2026 | Utfall 2026 | Avvikelse", right-aligned between the name
    and the money (`tight`: "Budget 2026" set 4 pt after "Projektnr", less than a cell gap,
    and reaching left of its own figures), or left-aligned at the margin before the name."""
    head, where = request.param
    sheet = Page().page()
    _annual_cover(sheet, "Årsredovisning 2026")
    sheet.heading(150, "Investeringsredovisning")
    edges = {"first": (375, 450, 535), "tight": (290, 359, 450, 535)}.get(where, (290, 375, 450, 535))
    header = ("Budget 2026", "Utfall 2026", "Avvikelse")
    if where == "first":
        sheet.row(175, "", header, edges, "B")
        sheet.text(60, 175, head, "B")
        sheet.text(110, 175, "tkr", "B")
    else:
        sheet.row(175, "tkr", (head, *header), edges, "B")
    for n, (name, number, values) in enumerate(PROJECTS, start=1):
        style = "B" if name.startswith("Summa") else ""
        figures = tuple(grouped(v) for v in values)
        y = 175 + 17 * n
        if where == "first":
            sheet.text(60, y, number, style)
            sheet.row(y, name, figures, edges, style, x=110)
        else:
            sheet.row(y, name, (number, *figures), edges, style)
    return _save(sheet, tmp_path_factory, f"projects_{head}_{where}")


def test_project_numbers_are_neither_amounts_nor_years(projects):
    assert rows_of(projects) == [t for name, _, values in PROJECTS
                                 for t in expect(name, values, "tkr", name.startswith("Summa"), PROJECT_YEARS)]
    assert projects.unplaced == []



PLANNED = (  # name, project number (years among them), 2026 / 2027 / 2028 as printed, values (tkr)
    ("Ny skola Väst", "2027", ("15 000", "30 000", "20 000"), (15_000, 30_000, 20_000)),
    ("Reinvestering gator", "6154", ("8 000", "8 000", "8 000"), (8_000, 8_000, 8_000)),
    ("Ny brandstation", "2030", ("\u2013", "\u2013", "12 000"), (None, None, 12_000)),
    ("Summa", "", ("23 000", "38 000", "40 000"), (23_000, 38_000, 40_000)),
)


@pytest.fixture(scope="module")
def planned_projects(tmp_path_factory) -> Amounts:
    """A budget's Investeringsbudget with bare-year columns "2026 | 2027 | 2028" after a
    "Projektnr" column whose numbers include years of the header ("2027") and of none
    ("2030", on a row whose only money is in 2028)."""
    sheet = Page().page()
    sheet.cover()
    rows = [(name, (number, *figures)) for name, number, figures, _ in PLANNED]
    sheet.table(150, "Investeringsbudget", "tkr", ("Projektnr", "2026", "2027", "2028"), rows, (290, 375, 450, 535))
    return _save(sheet, tmp_path_factory, "planned_projects")


def test_project_numbers_in_the_year_range_beside_bare_year_columns(planned_projects):
    assert rows_of(planned_projects) == [t for name, _, _, values in PLANNED
                                         for t in expect(name, values, total=name == "Summa")]


# -- 3. an Ansvar / Vht code column in a driftbudget ---------------------------------------------

CODED = (  # code, label, Budget 2026 / Plan 2027 / Plan 2028 (tkr)
    ("110", "Kommunstyrelsen", (95_090, 96_486, 98_100)),
    ("2000", "Socialnämnden", (205_172, 209_559, 212_001)),
    ("41200", "Barn- och utbildningsnämnden", (310_450, 318_200, 325_900)),
    ("510000", "Tekniska nämnden", (42_300, 43_100, 44_000)),
)


@pytest.fixture(scope="module", params=["Ansvar", "Vht"])
def coded(request, tmp_path_factory) -> Amounts:
    """"Ansvar": codes of 3–6 digits left-aligned at the margin, the name in a column after
    them. "Vht": the same codes right-aligned in a column between the name and the money."""
    head = request.param
    sheet = Page().page()
    sheet.cover()
    sheet.heading(150, "Driftbudget per nämnd")
    if head == "Ansvar":
        sheet.text(60, 175, head, "B")
        sheet.row(175, "Nämnd, tkr", HEADER, EDGES, "B", x=110)
        for n, (code, label, values) in enumerate(CODED, start=1):
            sheet.text(60, 175 + 17 * n, code)
            sheet.row(175 + 17 * n, label, tuple(grouped(v) for v in values), EDGES, x=110)
        sheet.row(175 + 17 * 5, "Summa", tuple(grouped(v) for v in SUMMA), EDGES, "B", x=110)
    else:
        edges = (270, *EDGES)
        sheet.row(175, "tkr", (head, *HEADER), edges, "B")
        for n, (code, label, values) in enumerate(CODED, start=1):
            sheet.row(175 + 17 * n, label, (code, *(grouped(v) for v in values)), edges)
        sheet.row(175 + 17 * 5, "Summa", ("", *(grouped(v) for v in SUMMA)), edges, "B")
    return _save(sheet, tmp_path_factory, f"coded_{head}")


def test_ansvar_and_verksamhet_codes_are_not_amounts(coded):
    """The row label is the name: the code column is an identifier, not part of what is named
    (as the gold takes the Förvaltning column, not the repeated Nämnd column, as the label)."""
    expected = [t for _, label, values in CODED for t in expect(label, values)]
    assert rows_of(coded) == expected + expect("Summa", SUMMA, total=True)
    assert coded.unplaced == []


# -- 4. a kronor-per-invånare column beside mnkr columns -----------------------------------------

PER_CAPITA = (  # label, Budget 2025 mnkr, Budget 2026 mnkr, 2026 kr per invånare (as printed, values)
    ("Barn och utbildning", ("1 250,3", "1 290,8", "35 120"), (1250.3, 1290.8, 35120)),
    ("Vård och omsorg", ("980,4", "1 010,2", "27 485"), (980.4, 1010.2, 27485)),
    ("Kultur och fritid", ("85,1", "88,0", "2 394"), (85.1, 88.0, 2394)),
    ("Summa", ("2 315,8", "2 389,0", "64 999"), (2315.8, 2389.0, 64999)),
)


@pytest.fixture(scope="module", params=["Kr/invånare", "Kronor per invånare"])
def per_capita(request, tmp_path_factory) -> Amounts:
    """The unit of the money columns is in the corner ("Mnkr"); the third column's second
    header line names its own unit, a rate in kronor per inhabitant."""
    sheet = Page().page()
    sheet.cover()
    edges = (330, 410, 535)
    sheet.heading(150, "Nettokostnad per verksamhet")
    sheet.row(175, "Mnkr", ("Budget 2025", "Budget 2026", "Budget 2026"), edges, "B")
    sheet.row(186, "", ("", "", request.param), edges, "B")
    for n, (label, figures, _) in enumerate(PER_CAPITA, start=1):
        sheet.row(186 + 17 * n, label, figures, edges, "B" if label == "Summa" else "")
    return _save(sheet, tmp_path_factory, f"per_capita_{len(request.param)}")


def test_kronor_per_invanare_column_is_not_a_sum_in_mnkr(per_capita):
    """The contract: unit is the unit "as stated by the table", value_sek the value converted
    to kronor when the unit is money. The column states its own unit, kronor (per invånare),
    which beats the table's Mnkr; the gold does the same for per-capita rows
    (ale_verksamhetsplan: "Nettokostnad per invånare (kr)" → unit kr, value_sek = value). So
    a 35 120 kr/invånare figure is published as 35 120 kronor — a per-capita rate read in
    kronor, never as 35 120 mnkr (35 miljarder). Reading it in the table's mnkr is the wrong
    number this guards against; unit other with no value_sek would be defensible too, but
    would disagree with the gold's precedent."""
    years = ((2025, "budget"), (2026, "budget"))
    expected = []
    for label, _, (v2025, v2026, rate) in PER_CAPITA:
        total = label == "Summa"
        expected += expect(label, (v2025, v2026), "mnkr", total, years)
        expected.append((label, 2026, "budget", rate, "kr", float(rate), total))
    assert rows_of(per_capita) == expected


# -- 5. percent columns beside money columns ------------------------------------------------------

SHARES = (  # label, Budget 2025, Budget 2026 (mnkr), Förändring %, Andel 2026 % (as printed, values)
    ("Kommunstyrelsen", ("93,9", "95,1", "1,3", "15,2"), (93.9, 95.1, 1.3, 15.2)),
    ("Socialnämnden", ("202,0", "205,2", "1,6", "32,8"), (202.0, 205.2, 1.6, 32.8)),
    ("Barn- och utbildningsnämnden", ("305,1", "325,4", "6,7", "52,0"), (305.1, 325.4, 6.7, 52.0)),
    ("Summa", ("601,0", "625,7", "4,1", "100,0"), (601.0, 625.7, 4.1, 100.0)),
)


@pytest.fixture(scope="module", params=["in_header", "in_cells"])
def percents(request, tmp_path_factory) -> Amounts:
    """"%" in the header ("Förändring, %", "Andel 2026, %") over bare figures, or in every
    cell under a header without it ("+1,3 %" under "Förändring", "15,2 %" under "Andel 2026")."""
    sheet = Page().page()
    sheet.cover()
    if request.param == "in_header":
        header, rows = ("Förändring, %", "Andel 2026, %"), [row[:2] for row in SHARES]
    else:
        header = ("Förändring", "Andel 2026")
        rows = [(label, (*figures[:2], f"+{figures[2]} %", f"{figures[3]} %")) for label, figures, _ in SHARES]
    sheet.table(150, "Driftbudget per nämnd", "Mnkr", ("Budget 2025", "Budget 2026", *header), rows,
                (290, 360, 450, 535))
    return _save(sheet, tmp_path_factory, f"percents_{request.param}")


def test_money_columns_beside_percent_columns(percents):
    years = ((2025, "budget"), (2026, "budget"))
    assert [r for r in rows_of(percents) if r[4] != "percent"] == [
        t for label, _, values in SHARES for t in expect(label, values[:2], "mnkr", label == "Summa", years)]


def test_percent_columns_are_percent_without_value_sek(percents):
    """"Förändring, %" is the change from Budget 2025 to Budget 2026 (a deviation dated by the
    column before it); "Andel 2026, %" a share of the 2026 budget. Neither is money."""
    assert [r for r in rows_of(percents) if r[4] == "percent"] == [
        t for label, _, values in SHARES
        for t in ((label, 2026, "deviation", values[2], "percent", None, label == "Summa"),
                  (label, 2026, "budget", values[3], "percent", None, label == "Summa"))]


# -- 6. two small tables side by side ---------------------------------------------------------------

LEFT = (
    ("Kommunstyrelsen", (95_090, 96_486)),
    ("Socialnämnden", (205_172, 209_559)),
    ("Tekniska nämnden", (42_300, 43_100)),
    ("Summa", (342_562, 349_145)),
)
RIGHT = (
    ("Skolor", (40_000, 55_000)),
    ("Gator och vägar", (12_500, 13_000)),
    ("IT", (3_200, 2_800)),
    ("Summa", (55_700, 70_800)),
)


@pytest.fixture(scope="module")
def side_by_side(tmp_path_factory) -> Amounts:
    """Left half: Driftbudget; right half: Investeringsbudget; each under its own heading and
    "tkr | Budget 2026 | Plan 2027" header, their rows on the same baselines."""
    sheet = Page().page()
    sheet.cover()
    tables = ((60, (215, 280), "Driftbudget", LEFT), (320, (475, 540), "Investeringsbudget", RIGHT))
    for x, edges, title, table in tables:
        sheet.text(x, 150, title, "B", 12)
        sheet.row(175, "tkr", ("Budget 2026", "Plan 2027"), edges, "B", x=x)
        for n, (label, figures) in enumerate(printed(table), start=1):
            sheet.row(175 + 17 * n, label, figures, edges, "B" if label == "Summa" else "", x=x)
    return _save(sheet, tmp_path_factory, "side_by_side")


def test_side_by_side_tables_do_not_mix_rows(side_by_side):
    expected = _rows(LEFT, years=BUDGET_PLAN[:2]) + _rows(RIGHT, years=BUDGET_PLAN[:2])
    assert sorted(rows_of(side_by_side), key=repr) == sorted(expected, key=repr)


def test_side_by_side_tables_keep_their_titles(side_by_side):
    assert rows_of(side_by_side, "Driftbudget") == _rows(LEFT, years=BUDGET_PLAN[:2])
    assert rows_of(side_by_side, "Investeringsbudget") == _rows(RIGHT, years=BUDGET_PLAN[:2])


# -- 7. a row of column numbers under the years -------------------------------------------------

@pytest.fixture(scope="module", params=["parenthesised_centred", "bare_right"])
def numbered_columns(request, tmp_path_factory) -> Amounts:
    """"(1) (2) (3)" centred under the header cells (an accounting negative when read as a
    figure), or "1 2 3" right-aligned on the figures' edges, between the header and the rows."""
    sheet = Page().page()
    sheet.cover()
    sheet.heading(150, "Driftbudget per nämnd")
    sheet.row(175, "tkr", HEADER, EDGES, "B")
    sheet.pdf.set_font("body", style="B", size=SIZE)
    for n, (edge, cell) in enumerate(zip(EDGES, HEADER), start=1):
        if request.param == "bare_right":
            sheet.right(edge, 186, str(n))
        else:
            centre = edge - sheet.pdf.get_string_width(cell) / 2
            sheet.text(centre - sheet.pdf.get_string_width(f"({n})") / 2, 186, f"({n})")
    for n, (label, figures) in enumerate(printed(NAMNDER + (("Summa", SUMMA),)), start=1):
        sheet.row(186 + 17 * n, label, figures, EDGES, "B" if label == "Summa" else "")
    return _save(sheet, tmp_path_factory, f"numbered_{request.param}")


def test_column_numbers_are_not_amounts(numbered_columns):
    expected = [t for label, values in NAMNDER for t in expect(label, values)]
    assert rows_of(numbered_columns) == expected + expect("Summa", SUMMA, total=True)

