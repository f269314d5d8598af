"""Amounts from generated PDFs in more layouts of Swedish municipal budgets: a small table in
the right column of a two-column text page, outcome/budget/forecast/deviation columns with
the unit in the corner, a multi-year total and a change column, en-dash and hyphen minus
signs with nil and zero cells, footnote marks on row labels and a footnote under the table,
percent and count rows inside a money table, text drawn glyph by glyph (InDesign), and a
header of bare years whose kinds the document decides.

Each document goes through the real pipeline (ingest → layout → document fields →
amounts); the expected rows are what a careful reader of the page would write down.
"""
from __future__ import annotations

import pytest

from pipeline.extract.amounts import Amounts
from tests.test_amounts_generated import read
from tests.test_amounts_layouts import BUDGET_PLAN, COVER, HEADER, NBSP, SIZE, Sheet, expect, grouped, rows_of

EN_DASH = "\u2013"
EDGES = (340, 440, 535)  # right edges of three figure columns
BUDGET_PLAN_2 = BUDGET_PLAN[:2]
PROSE = (
    "Kommunens ekonomi står inför stora utmaningar under planperioden. Befolkningen blir äldre och "
    "behoven av vård och omsorg ökar samtidigt som skatteunderlaget växer långsammare än tidigare. "
    "Nämnderna behöver därför prioritera bland sina verksamheter och söka nya arbetssätt som ger mer "
    "välfärd för varje krona. Kommunfullmäktige fastställer ramarna för nämnderna och nämnderna "
    "fördelar sedan medlen inom sina ansvarsområden. Uppföljningen sker löpande under året och "
    "avvikelser rapporteras till kommunstyrelsen i samband med delårsrapporten och årsredovisningen. "
    "Arbetet med effektiviseringar fortsätter inom alla förvaltningar och samverkan med andra "
    "kommuner i regionen ska stärkas där det ger bättre kvalitet eller lägre kostnader för invånarna."
)


class Page(Sheet):
    """A Sheet that also sets wrapped prose in a column, text glyph by glyph, and a whole
    table under its heading."""

    def prose(self, x: float, y: float, width: float, text: str, leading: float = 12) -> float:
        """Greedily wrap `text` into lines at most `width` wide; return the next baseline."""
        self.pdf.set_font("body", size=SIZE)
        line = ""
        for word in text.split():
            if line and self.pdf.get_string_width(f"{line} {word}") > width:
                self.text(x, y, line)
                y, line = y + leading, word
            else:
                line = f"{line} {word}".strip()
        if line:
            self.text(x, y, line)
            y += leading
        return y

    def glyphs(self, x: float, y: float, text: str, style: str = "", tracking: float = 0.5,
               size: float = SIZE) -> float:
        """Each glyph drawn on its own at its position, letters `tracking` pt apart (as
        InDesign exports set text); a space is only a gap. Returns the x after the text."""
        self.pdf.set_font("body", style=style, size=size)
        for ch in text:
            if ch != " ":
                self.pdf.text(x, y, ch)
            x += self.pdf.get_string_width(ch) + tracking
        return x

    def glyph_row(self, y: float, label: str, figures: tuple[str, ...], edges: tuple[float, ...],
                  style: str = "", tracking: float = 0.5) -> None:
        """A Sheet.row drawn glyph by glyph, figures right-aligned on the edges."""
        if label:
            self.glyphs(60, y, label, style, tracking)
        for edge, figure in zip(edges, figures):
            if figure:
                width = self.glyphs(0, -100, figure, style, tracking) - tracking  # measure off the page
                self.glyphs(edge - width, y, figure, style, tracking)

    def table(self, y: float, title: str, corner: str, header: tuple[str, ...], rows,
              edges: tuple[float, ...] = EDGES, bold: tuple[str, ...] = ("Summa",)) -> float:
        """A heading, the header with its corner cell, then rows of printed figures (the
        rows labelled as in `bold` set in bold); returns the last row's baseline."""
        self.heading(y, title)
        self.row(y + 25, corner, header, edges, "B")
        for n, (label, figures) in enumerate(rows, start=1):
            self.row(y + 25 + 17 * n, label, figures, edges, "B" if label in bold else "")
        return y + 25 + 17 * len(rows)


def printed(table) -> list[tuple[str, tuple[str, ...]]]:
    """Labels and their whole-number figures as printed, thousands grouped by a space."""
    return [(label, tuple(grouped(v) for v in values)) for label, values, *_ in table]


def _save(sheet: Sheet, factory, name: str, *, settings) -> Amounts:
    return read(sheet.save(factory.mktemp("layouts_more") / f"{name}.pdf"), settings=settings)


def _rows(table: tuple[tuple[str, tuple[float | None, ...]], ...], unit: str = "tkr",
          years: tuple[tuple[int, str], ...] = BUDGET_PLAN, totals: tuple[str, ...] = ("Summa",)) -> list[tuple]:
    return [t for label, values in table for t in expect(label, values, unit, label in totals, years)]


# -- 1. a small table in the right column of a two-column text page ---------------------------

RIGHT_COLUMN = (
    ("Kommunstyrelsen", (95_090, 96_486)),
    ("Socialnämnden", (205_172, 209_559)),
    ("Tekniska nämnden", (42_300, 43_100)),
    ("Summa", (342_562, 349_145)),
)


@pytest.fixture(scope="module")
def two_column(tmp_path_factory, settings) -> Amounts:
    """Prose fills the left column; the right column holds a paragraph, a small borderless
    table under its heading, and more prose. Table rows share baselines with left prose."""
    sheet = Page().page()
    sheet.text(60, 70, COVER, "B", 16)
    sheet.prose(60, 130, 215, PROSE + " " + PROSE)
    y = sheet.prose(320, 130, 215, PROSE[:300])
    sheet.text(320, y + 14, "Driftbudget per nämnd", "B", 10)
    edges = (470, 535)
    sheet.row(y + 32, "tkr", ("Budget 2026", "Plan 2027"), edges, "B", x=320)
    for n, (label, values) in enumerate(RIGHT_COLUMN, start=1):
        style = "B" if label == "Summa" else ""
        sheet.row(y + 32 + 15 * n, label, tuple(grouped(v) for v in values), edges, style, x=320)
    sheet.prose(320, y + 32 + 15 * 6, 215, PROSE[300:])
    return _save(sheet, tmp_path_factory, "two_column", settings=settings)


def test_small_table_in_the_right_column_of_a_text_page(two_column):
    assert rows_of(two_column) == _rows(RIGHT_COLUMN, years=BUDGET_PLAN_2)
    assert {r.table_title for r in two_column.rows if r.source == "table"} == {"Driftbudget per nämnd"}
    assert two_column.unplaced == []


# -- 2. outcome, budget, forecast, budget and deviation columns; "Mkr" in the corner ------------

FIVE_HEADER = ("Bokslut 2024", "Budget 2025", "Prognos 2025", "Budget 2026", "Avvikelse")
FIVE_YEARS = ((2024, "outcome"), (2025, "budget"), (2025, "forecast"), (2026, "budget"), (2026, "deviation"))
FIVE = (  # Avvikelse = Budget 2026 − Prognos 2025, as printed beside it
    ("Kommunstyrelsen", ("91,2", "93,9", "94,4", "95,1", "0,7"), (91.2, 93.9, 94.4, 95.1, 0.7)),
    ("Socialnämnden", ("198,3", "202,0", "207,5", "205,2", "-2,3"), (198.3, 202.0, 207.5, 205.2, -2.3)),
    ("Barn- och utbildningsnämnden", ("299,9", "305,1", "303,0", "310,5", "7,5"), (299.9, 305.1, 303.0, 310.5, 7.5)),
    ("Summa", ("589,4", "601,0", "604,9", "610,8", "5,9"), (589.4, 601.0, 604.9, 610.8, 5.9)),
)


@pytest.fixture(scope="module")
def five_columns(tmp_path_factory, settings) -> Amounts:
    sheet = Page().page()
    sheet.cover()
    edges = (255, 330, 405, 480, 550)  # header cells a little more than a cell gap apart
    sheet.table(150, "Driftredovisning per nämnd", "Mkr", FIVE_HEADER, [row[:2] for row in FIVE], edges)
    return _save(sheet, tmp_path_factory, "five_columns", settings=settings)


def test_outcome_budget_forecast_and_deviation_columns_with_mkr_in_the_corner(five_columns):
    expected = [t for label, _, values in FIVE
                for t in expect(label, values, "mnkr", label == "Summa", FIVE_YEARS)]
    assert rows_of(five_columns, "Driftredovisning per nämnd") == expected
    assert five_columns.unplaced == []


# -- 3. a multi-year total column and a change column ------------------------------------------

INVESTMENTS = (  # Budget 2026, Plan 2027, Plan 2028, Totalt 2026–2028
    ("Skolor och förskolor", (40_000, 55_000, 30_000, 125_000)),
    ("Gator och vägar", (12_500, 13_000, 13_500, 39_000)),
    ("Summa investeringar", (52_500, 68_000, 43_500, 164_000)),
)
CHANGES = (  # Budget 2025, Budget 2026, Förändring
    ("Kommunstyrelsen", (93_870, 95_090, 1_220)),
    ("Socialnämnden", (201_950, 205_172, 3_222)),
    ("Tekniska nämnden", (43_500, 42_300, -1_200)),
    ("Summa", (339_320, 342_562, 3_242)),
)
INVESTMENT_HEADER = ("Budget 2026", "Plan 2027", "Plan 2028", f"Totalt 2026{EN_DASH}2028")


def _investments(sheet: Page, edges: tuple[float, ...]) -> None:
    sheet.table(150, "Investeringsbudget", "tkr", INVESTMENT_HEADER, printed(INVESTMENTS), edges,
                bold=("Summa investeringar",))


@pytest.fixture(scope="module")
def totals_and_changes(tmp_path_factory, settings) -> Amounts:
    sheet = Page().page()
    sheet.cover()
    _investments(sheet, (290, 360, 430, 535))
    sheet.table(300, "Driftbudget per nämnd", "tkr", ("Budget 2025", "Budget 2026", "Förändring"), printed(CHANGES))
    return _save(sheet, tmp_path_factory, "totals_and_changes", settings=settings)


def test_year_columns_beside_a_multi_year_total(totals_and_changes):
    rows = [r for r in rows_of(totals_and_changes, "Investeringsbudget") if r[2] != "total"]
    assert rows == _rows(tuple((label, values[:3]) for label, values in INVESTMENTS), totals=("Summa investeringar",))


def test_multi_year_total_column_is_kind_total_without_a_single_year(totals_and_changes):
    rows = [r for r in rows_of(totals_and_changes, "Investeringsbudget") if r[2] == "total"]
    assert rows == [(label, None, "total", values[3], "tkr", values[3] * 1000, label == "Summa investeringar")
                    for label, values in INVESTMENTS]


@pytest.fixture(scope="module")
def tight_total(tmp_path_factory, settings) -> Amounts:
    """The wide "Totalt 2026–2028" header over a narrow figure column reaches left to within
    a cell gap of "Plan 2028": one printed header segment over two columns."""
    sheet = Page().page()
    sheet.cover()
    _investments(sheet, (300, 370, 440, 535))
    return _save(sheet, tmp_path_factory, "tight_total", settings=settings)


def test_multi_year_total_header_set_close_to_its_neighbour(tight_total):
    rows = [(r.row_label, r.column_label, r.kind, r.value) for r in tight_total.rows
            if r.column_label not in INVESTMENT_HEADER[:3]]
    assert rows == [(label, INVESTMENT_HEADER[3], "total", values[3]) for label, values in INVESTMENTS]


def test_budget_columns_beside_a_change_column(totals_and_changes):
    rows = [r for r in rows_of(totals_and_changes, "Driftbudget per nämnd") if r[2] == "budget"]
    assert rows == _rows(tuple((label, values[:2]) for label, values in CHANGES),
                         years=((2025, "budget"), (2026, "budget")))


def test_change_column_is_a_deviation_from_the_column_before(totals_and_changes):
    rows = [r for r in rows_of(totals_and_changes, "Driftbudget per nämnd") if r[2] != "budget"]
    assert rows == [(label, 2026, "deviation", values[2], "tkr", values[2] * 1000, label == "Summa")
                    for label, values in CHANGES]


# -- 4. en dash and attached hyphen as minus; nil and zero cells -------------------------------

DASHES = (  # label, figures as printed, their values (None: a nil cell, no amount)
    ("Socialnämnden", (f"205{NBSP}172", f"209{NBSP}559", f"212{NBSP}001"), (205_172, 209_559, 212_001)),
    ("Gemensamma kostnader", (f"{EN_DASH}54", f"{EN_DASH}60", f"{EN_DASH}65"), (-54, -60, -65)),
    ("Finansförvaltningen", ("-1 200", "-1 350", "-1 500"), (-1_200, -1_350, -1_500)),
    ("Kultur- och fritidsnämnden", ("4 100", EN_DASH, "0"), (4_100, None, 0)),
    ("Summa", ("208 018", "208 149", "210 436"), (208_018, 208_149, 210_436)),
)


@pytest.fixture(scope="module")
def dashes(tmp_path_factory, settings) -> Amounts:
    sheet = Page().page()
    sheet.cover()
    sheet.table(150, "Driftbudget per nämnd", "tkr", HEADER, [row[:2] for row in DASHES])
    return _save(sheet, tmp_path_factory, "dashes", settings=settings)


def test_en_dash_and_attached_hyphen_minus_nil_and_zero_cells(dashes):
    assert rows_of(dashes) == [t for label, _, values in DASHES for t in expect(label, values, total=label == "Summa")]
    assert dashes.unplaced == []


# -- 5. footnote marks on row labels, footnotes under the table --------------------------------

FOOTNOTED = (
    ("Kommunstyrelsen*", (95_090, 96_486, 98_100)),
    ("Socialnämnden 1)", (205_172, 209_559, 212_001)),
    ("Tekniska nämnden", (42_300, 43_100, 44_000)),
    ("Summa", (342_562, 349_145, 354_101)),
)


@pytest.fixture(scope="module")
def footnotes(tmp_path_factory, settings) -> Amounts:
    """Footnotes in small type right under the table (one states an amount of its own), then prose."""
    sheet = Page().page()
    sheet.cover()
    y = sheet.table(150, "Driftbudget per nämnd", "tkr", HEADER, printed(FOOTNOTED))
    sheet.text(60, y + 13, "1) Inklusive 12 500 tkr för försörjningsstöd och flyktingmottagande.", size=7)
    sheet.text(60, y + 22, "* Exklusive kapitalkostnader för de nya förskolorna.", size=7)
    sheet.prose(60, 300, 475, PROSE)
    return _save(sheet, tmp_path_factory, "footnotes", settings=settings)


def test_footnote_marks_stay_on_labels_and_footnotes_are_not_rows(footnotes):
    assert rows_of(footnotes) == _rows(FOOTNOTED)
    assert footnotes.unplaced == []


# -- 6. a percent row and a count row inside a mnkr table --------------------------------------

OVERVIEW = (  # label, figures as printed, values, unit, total
    ("Verksamhetens nettokostnader", ("-4 512,3", "-4 640,8", "-4 770,1"), (-4512.3, -4640.8, -4770.1), "mnkr", True),
    ("Skatteintäkter och statsbidrag", ("4 650,0", "4 760,2", "4 875,9"), (4650.0, 4760.2, 4875.9), "mnkr", False),
    ("Årets resultat", ("137,7", "119,4", "105,8"), (137.7, 119.4, 105.8), "mnkr", True),
    ("Soliditet, %", ("42,1", "43,0", "43,5"), (42.1, 43.0, 43.5), "percent", False),
    ("Antal årsarbetare", ("5 210", "5 240", "5 260"), (5210, 5240, 5260), "count", False),
)


@pytest.fixture(scope="module")
def overview(tmp_path_factory, settings) -> Amounts:
    sheet = Page().page()
    sheet.cover()
    sheet.table(150, "Ekonomisk översikt", "Mnkr", HEADER, [row[:2] for row in OVERVIEW], bold=())
    return _save(sheet, tmp_path_factory, "overview", settings=settings)


def _overview_rows(labels: tuple[str, ...]) -> list[tuple]:
    out = []
    for label, _, values, unit, total in OVERVIEW:
        if label in labels:
            money = unit == "mnkr"
            out += [(label, year, kind, value, unit, round(value * 1_000_000) if money else None, total)
                    for (year, kind), value in zip(BUDGET_PLAN, values)]
    return out


def test_money_rows_of_a_mnkr_table_with_ratio_rows(overview):
    money = tuple(label for label, *_, unit, _ in OVERVIEW if unit == "mnkr")
    assert [r for r in rows_of(overview) if r[0] in money] == _overview_rows(money)


def test_percent_row_in_a_mnkr_table(overview):
    assert [r for r in rows_of(overview) if r[0] == "Soliditet, %"] == _overview_rows(("Soliditet, %",))


def test_count_row_in_a_mnkr_table(overview):
    assert [r for r in rows_of(overview) if r[0] == "Antal årsarbetare"] == _overview_rows(("Antal årsarbetare",))


# -- 7. text drawn glyph by glyph ---------------------------------------------------------------

GLYPHS = (
    ("Kommunstyrelsen", (95_090, 96_486, 98_100)),
    ("Barn- och utbildningsnämnden", (310_450, 318_200, 325_900)),
    ("Tekniska nämnden", (42_300, 43_100, 44_000)),
    ("Summa", (447_840, 457_786, 468_000)),
)


@pytest.fixture(scope="module")
def glyph_by_glyph(tmp_path_factory, settings) -> Amounts:
    sheet = Page().page()
    sheet.glyphs(60, 70, COVER, "B", size=16)
    sheet.glyphs(60, 100, "Budgeten omfattar nämndernas driftbudget för perioden.")
    sheet.glyphs(60, 150, "Driftbudget per nämnd", "B", size=12)
    sheet.glyph_row(175, "tkr", HEADER, EDGES, "B")
    for n, (label, figures) in enumerate(printed(GLYPHS), start=1):
        sheet.glyph_row(175 + 17 * n, label, figures, EDGES, "B" if label == "Summa" else "")
    return _save(sheet, tmp_path_factory, "glyphs", settings=settings)


def test_table_drawn_glyph_by_glyph(glyph_by_glyph):
    assert rows_of(glyph_by_glyph, "Driftbudget per nämnd") == _rows(GLYPHS)
    assert glyph_by_glyph.unplaced == []


# -- 8. a header of bare years in a budget document -------------------------------------------

BARE = (
    ("Kommunstyrelsen", ("93,9", "95,1", "96,5"), (93.9, 95.1, 96.5)),
    ("Socialnämnden", ("202,0", "205,2", "209,6"), (202.0, 205.2, 209.6)),
)
BARE_TITLE = f"Budget 2026 med plan 2027{EN_DASH}2028"


@pytest.fixture(scope="module", params=[False, True], ids=["alone", "forecast_elsewhere"])
def bare_years(request, tmp_path_factory, settings) -> tuple[bool, Amounts]:
    """The bare-year table alone, or after a table whose header names "Prognos 2025"."""
    sheet = Page().page()
    sheet.text(60, 70, BARE_TITLE, "B", 16)
    sheet.text(60, 100, "Budgeten omfattar nämndernas driftbudget för perioden.")
    if request.param:
        sheet.table(150, "Resultatbudget", "Mnkr", ("Prognos 2025", "Budget 2026", "Plan 2027"),
                    [("Årets resultat", ("98,0", "137,7", "119,4"))])
    sheet.table(300, "Nettokostnad per nämnd", "Mnkr", ("2025", "2026", "2027"), [row[:2] for row in BARE])
    return request.param, _save(sheet, tmp_path_factory, f"bare_years_{request.param}", settings=settings)


def test_bare_year_header_takes_its_kinds_from_the_document(bare_years):
    """configs/amounts.yaml year_kinds and table_semantics.YearKinds: in a budget document a
    bare year from the period's first on is budget, then plan; an earlier year takes the one
    kind other headers of the document give it ("Prognos 2025"), else none."""
    forecast_elsewhere, result = bare_years
    years = ((2025, "forecast" if forecast_elsewhere else None), (2026, "budget"), (2027, "plan"))
    assert rows_of(result, "Nettokostnad per nämnd") == [
        t for label, _, values in BARE for t in expect(label, values, "mnkr", years=years)]
