"""Amounts from generated PDFs in table layouts that real Swedish budgets use and the dev
corpus has few of: a ruled grid (every cell boxed), zebra stripes without rules, a
landscape page, italic and indented "varav" sub-rows, a table continued on the next page
under its repeated header, and a two-line header under a title that names the unit, with
the sign and space variants of printed figures (U+2212, "- 6 279", narrow no-break space).

Each document goes through the real pipeline (ingest → layout → document fields →
amounts); the expected rows are what a careful reader of the page would write down.
"""
from __future__ import annotations

from pathlib import Path

import pytest
from fpdf import FPDF

from pipeline.extract.amounts import Amounts
from tests.test_amounts_generated import read

FONT_DIR = Path("/usr/share/fonts/truetype/dejavu")
FONTS = {"": "DejaVuSans.ttf", "B": "DejaVuSans-Bold.ttf", "I": "DejaVuSans-Oblique.ttf"}
SIZE = 9
COVER = "Mål och budget 2026 med plan 2027–2028"  # a budget document for 2026–2028
SEK = {"tkr": 1_000, "mnkr": 1_000_000}
BUDGET_PLAN = ((2026, "budget"), (2027, "plan"), (2028, "plan"))
NBSP, NNBSP, MINUS = "\u00a0", "\u202f", "\u2212"


class Sheet:
    """An A4 document in points: text placed by its baseline, figures right-aligned on an edge."""

    def __init__(self) -> None:
        if not all((FONT_DIR / name).exists() for name in FONTS.values()):
            pytest.skip("DejaVu Sans (regular, bold, oblique) is not installed (fonts-dejavu)")
        self.pdf = FPDF(unit="pt", format="A4")
        self.pdf.set_auto_page_break(False)
        for style, name in FONTS.items():
            self.pdf.add_font("body", style=style, fname=str(FONT_DIR / name))

    def page(self, orientation: str = "P") -> Sheet:
        self.pdf.add_page(orientation=orientation)
        return self

    def text(self, x: float, y: float, text: str, style: str = "", size: float = SIZE) -> None:
        self.pdf.set_font("body", style=style, size=size)
        self.pdf.text(x, y, text)

    def right(self, x1: float, y: float, text: str, style: str = "", size: float = SIZE) -> None:
        self.pdf.set_font("body", style=style, size=size)
        self.pdf.text(x1 - self.pdf.get_string_width(text), y, text)

    def row(self, y: float, label: str, figures: tuple[str, ...], edges: tuple[float, ...], style: str = "",
            x: float = 60) -> None:
        """A label at x and figures right-aligned on the column edges ("" = an empty cell)."""
        if label:
            self.text(x, y, label, style)
        for edge, figure in zip(edges, figures):
            if figure:
                self.right(edge, y, figure, style)

    def cover(self, intro: str = "Budgeten omfattar nämndernas driftbudget för perioden.") -> None:
        self.text(60, 70, COVER, "B", 16)
        self.text(60, 100, intro)

    def heading(self, y: float, text: str, size: float = 12) -> None:
        self.text(60, y, text, "B", size)

    def rule(self, x0: float, y0: float, x1: float, y1: float) -> None:
        self.pdf.set_line_width(0.5)
        self.pdf.line(x0, y0, x1, y1)

    def band(self, x: float, y: float, w: float, h: float, grey: int) -> None:
        self.pdf.set_fill_color(grey)
        self.pdf.rect(x, y, w, h, style="F")

    def save(self, path: Path) -> Path:
        self.pdf.output(str(path))
        return path


def expect(label: str, figures: tuple[float | None, ...], unit: str = "tkr", total: bool = False,
           years: tuple[tuple[int, str], ...] = BUDGET_PLAN) -> list[tuple]:
    """One row of the page as amount tuples (label, year, kind, value, unit, value_sek, is_total)."""
    return [(label, year, kind, value, unit, round(value * SEK[unit]), total)
            for (year, kind), value in zip(years, figures) if value is not None]


def rows_of(result: Amounts, title: str | None = None) -> list[tuple]:
    return [(r.row_label, r.year, r.kind, r.value, r.unit, r.value_sek, r.is_total)
            for r in result.rows if r.source == "table" and (title is None or r.table_title == title)]


def grouped(value: int, sep: str = " ") -> str:
    return f"{value:,}".replace(",", sep)


# -- the tables ---------------------------------------------------------------------------

HEADER = ("Budget 2026", "Plan 2027", "Plan 2028")
NAMNDER = (  # label and its Budget 2026 / Plan 2027 / Plan 2028 in tkr
    ("Kommunstyrelsen", (95_090, 96_486, 98_100)),
    ("Socialnämnden", (205_172, 209_559, 212_001)),
    ("Barn- och utbildningsnämnden", (310_450, 318_200, 325_900)),
    ("Tekniska nämnden", (42_300, 43_100, 44_000)),
)
SUMMA = tuple(sum(v[i] for _, v in NAMNDER) for i in range(3))


def _namnder_expected() -> list[tuple]:
    return [t for label, values in NAMNDER for t in expect(label, values)] + expect("Summa", SUMMA, total=True)


@pytest.fixture(scope="module")
def ruled(tmp_path_factory, settings) -> Amounts:
    """Every cell boxed: horizontal rules between all rows, vertical rules between all columns."""
    sheet = Sheet().page()
    sheet.cover()
    sheet.heading(150, "Driftbudget per nämnd")
    x = (60, 260, 360, 460, 560)  # cell borders; figures end 6 pt inside the right border
    edges = tuple(b - 6 for b in x[2:])
    top, pitch = 165, 20
    lines = [("tkr", HEADER, "B")] + [(lab, tuple(grouped(v) for v in vals), "") for lab, vals in NAMNDER]
    lines.append(("Summa", tuple(grouped(v) for v in SUMMA), "B"))
    for n, (label, figures, style) in enumerate(lines):
        sheet.row(top + n * pitch + 13.5, label, figures, edges, style, x=x[0] + 5)
    bottom = top + len(lines) * pitch
    for n in range(len(lines) + 1):
        sheet.rule(x[0], top + n * pitch, x[-1], top + n * pitch)
    for border in x:
        sheet.rule(border, top, border, bottom)
    return read(sheet.save(tmp_path_factory.mktemp("layouts") / "ruled.pdf"), settings=settings)


def test_ruled_grid_table(ruled):
    assert rows_of(ruled, "Driftbudget per nämnd") == _namnder_expected()
    assert rows_of(ruled) == rows_of(ruled, "Driftbudget per nämnd") and ruled.unplaced == []


def _striped(sheet: Sheet, top: float, width: float, edges: tuple[float, ...], header: tuple[str, ...],
             body: list[tuple[str, tuple[str, ...], str]]) -> None:
    """A header on a darker band, then rows on alternating light grey bands; no rules."""
    pitch = 17
    sheet.band(55, top, width, pitch, 200)
    sheet.row(top + 12, "tkr", header, edges, "B")
    for n, (label, figures, style) in enumerate(body, start=1):
        if n % 2:
            sheet.band(55, top + n * pitch, width, pitch, 235)
        sheet.row(top + n * pitch + 12, label, figures, edges, style)


@pytest.fixture(scope="module")
def zebra(tmp_path_factory, settings) -> Amounts:
    sheet = Sheet().page()
    sheet.cover()
    sheet.heading(150, "Driftbudget per nämnd")
    body = [(lab, tuple(grouped(v, NBSP) for v in vals), "") for lab, vals in NAMNDER]
    body.append(("Summa", tuple(grouped(v, NBSP) for v in SUMMA), "B"))
    _striped(sheet, 165, 485, (340, 440, 535), HEADER, body)
    return read(sheet.save(tmp_path_factory.mktemp("layouts") / "zebra.pdf"), settings=settings)


def test_zebra_striped_borderless_table(zebra):
    assert rows_of(zebra) == _namnder_expected()
    assert zebra.unplaced == []


LANDSCAPE_HEADER = ("Utfall 2024", "Budget 2025", "Budget 2026", "Plan 2027", "Plan 2028")
LANDSCAPE_YEARS = ((2024, "outcome"), (2025, "budget")) + BUDGET_PLAN
LANDSCAPE = (
    ("Kommunstyrelsen", (91_204, 93_870, 95_090, 96_486, 98_100)),
    ("Socialnämnden", (198_311, 201_950, 205_172, 209_559, 212_001)),
    ("Barn- och utbildningsnämnden", (299_870, 305_120, 310_450, 318_200, 325_900)),
    ("Tekniska nämnden", (40_015, 41_200, 42_300, 43_100, 44_000)),
)
LANDSCAPE_SUMMA = tuple(sum(v[i] for _, v in LANDSCAPE) for i in range(5))


@pytest.fixture(scope="module")
def landscape(tmp_path_factory, settings) -> Amounts:
    """A portrait cover page, then the table on a landscape page (842 × 595 pt), striped."""
    sheet = Sheet().page()
    sheet.cover()
    sheet.page("L")
    sheet.heading(60, "Driftbudget per nämnd")
    body = [(lab, tuple(grouped(v, NBSP) for v in vals), "") for lab, vals in LANDSCAPE]
    body.append(("Summa", tuple(grouped(v, NBSP) for v in LANDSCAPE_SUMMA), "B"))
    _striped(sheet, 80, 727, (380, 480, 580, 680, 780), LANDSCAPE_HEADER, body)
    return read(sheet.save(tmp_path_factory.mktemp("layouts") / "landscape.pdf"), settings=settings)


def test_table_on_a_landscape_page(landscape):
    expected = [t for label, vals in LANDSCAPE for t in expect(label, vals, years=LANDSCAPE_YEARS)]
    assert rows_of(landscape) == expected + expect("Summa", LANDSCAPE_SUMMA, total=True, years=LANDSCAPE_YEARS)
    assert landscape.unplaced == []


SUBROWS = (  # label, figures, style, indent
    ("Socialnämnden", (205_172, 209_559, 212_001), "", 0),
    ("varav personalkostnader", (150_300, 153_800, 157_200), "I", 12),
    ("Kommunstyrelsen", (95_090, 96_486, 98_100), "", 0),
    ("varav personalkostnader", (60_100, 61_500, 62_900), "I", 12),
)
INVESTMENTS = (
    ("Kommunstyrelsen", (52_000, 48_500, 40_000), "", 0),
    ("varav IT-investeringar", (12_000, 9_500, 8_000), "", 12),
    ("varav fordon", (4_000, 4_000, 3_000), "", 12),
    ("Tekniska nämnden", (118_000, 96_000, 101_500), "", 0),
)
SUBROWS_SUMMA = ("Summa", (300_262, 306_045, 310_101), "")  # plain, beside the italic sub-rows
INVESTMENTS_SUMMA = ("Summa investeringar", (170_000, 144_500, 141_500), "B")


def _with_subrows(sheet: Sheet, y: float, title: str, rows, summa: tuple[str, tuple[int, ...], str]) -> None:
    """A heading, the tkr header, rows in their style at their indent, and the sum row."""
    edges = (340, 440, 535)
    sheet.heading(y, title)
    sheet.row(y + 25, "tkr", HEADER, edges, "B")
    for n, (label, vals, style, indent) in enumerate((*rows, (*summa, 0)), start=1):
        sheet.row(y + 25 + 17 * n, label, tuple(grouped(v) for v in vals), edges, style, x=60 + indent)


@pytest.fixture(scope="module")
def subrows(tmp_path_factory, settings) -> Amounts:
    """Italic, indented "varav" rows under their row and a plain Summa row; then a table
    whose "varav" rows are only indented, with a bold sum row."""
    sheet = Sheet().page()
    sheet.cover()
    _with_subrows(sheet, 150, "Driftbudget per nämnd", SUBROWS, SUBROWS_SUMMA)
    _with_subrows(sheet, 330, "Investeringsbudget", INVESTMENTS, INVESTMENTS_SUMMA)
    return read(sheet.save(tmp_path_factory.mktemp("layouts") / "subrows.pdf"), settings=settings)


def _sub_expected(rows) -> list[tuple]:
    return [t for label, vals, _, _ in rows for t in expect(label, vals)]


def test_italic_varav_rows_are_rows_of_their_own(subrows):
    assert rows_of(subrows)[:12] == _sub_expected(SUBROWS)


def test_plain_summa_row_is_a_total_beside_italic_varav_rows(subrows):
    assert rows_of(subrows)[12:15] == expect(*SUBROWS_SUMMA[:2], total=True)


def test_indented_varav_rows_are_rows_of_their_own(subrows):
    assert rows_of(subrows)[15:] == _sub_expected(INVESTMENTS) + expect(*INVESTMENTS_SUMMA[:2], total=True)


def test_same_header_under_a_new_heading_is_a_new_table(subrows):
    assert [r.table_title for r in subrows.rows] == ["Driftbudget per nämnd"] * 15 + ["Investeringsbudget"] * 15


@pytest.fixture(scope="module", params=[None, "Driftbudget per nämnd, forts."], ids=["header", "forts"])
def continued(request, tmp_path_factory, settings) -> Amounts:
    """Rows 1–2 at the foot of page 1, the header repeated at the top of page 2 (under a
    "forts." heading or none), then rows 3–4 and the Summa row."""
    sheet = Sheet().page()
    sheet.cover()
    edges = (340, 440, 535)
    sheet.text(60, 140, "Nämndernas ramar framgår av tabellen nedan.")
    sheet.heading(720, "Driftbudget per nämnd")
    sheet.row(745, "tkr", HEADER, edges, "B")
    for n, (label, vals) in enumerate(NAMNDER[:2], start=1):
        sheet.row(745 + 17 * n, label, tuple(grouped(v) for v in vals), edges)
    sheet.text(295, 815, "1")  # page numbers at the foot: not rows of the table
    sheet.page()
    if request.param:
        sheet.heading(50, request.param)
    sheet.row(70, "tkr", HEADER, edges, "B")
    for n, (label, vals) in enumerate(NAMNDER[2:], start=1):
        sheet.row(70 + 17 * n, label, tuple(grouped(v) for v in vals), edges)
    sheet.row(70 + 17 * 3, "Summa", tuple(grouped(v) for v in SUMMA), edges, "B")
    sheet.text(60, 160, "Ramarna räknas upp med index varje år.")
    sheet.text(295, 815, "2")
    return read(sheet.save(tmp_path_factory.mktemp("layouts") / "continued.pdf"), settings=settings)


def test_table_continued_under_its_repeated_header(continued):
    rows = [r for r in continued.rows if r.source == "table"]
    assert rows_of(continued) == _namnder_expected()
    assert [r.page for r in rows] == [1] * 6 + [2] * 9
    assert {r.table_title for r in rows} == {"Driftbudget per nämnd"}
    assert continued.unplaced == []


TWO_LINE = (  # label, Utfall 2025 / Budget 2026 / Plan 2027 as printed, and their values (mnkr)
    ("Kommunstyrelsen", ("1 234,5", "1 250,0", "1 275,3"), (1234.5, 1250.0, 1275.3)),
    ("Socialnämnden", (f"12{NNBSP}345", f"12{NNBSP}701", f"13{NNBSP}050"), (12345, 12701, 13050)),
    ("Gemensamma kostnader", (f"{MINUS}54,7", f"{MINUS}60,2", f"{MINUS}65,0"), (-54.7, -60.2, -65.0)),
    ("Finansiella poster", ("- 6 279", "- 6 500", "- 6 720"), (-6279, -6500, -6720)),
    ("Summa", ("7 245,8", "7 390,8", "7 540,3"), (7245.8, 7390.8, 7540.3)),
)
TWO_LINE_YEARS = ((2025, "outcome"), (2026, "budget"), (2027, "plan"))
TWO_LINE_TITLE = "Driftbudget per nämnd, mnkr"


def _two_line(path: Path, inline: bool, *, settings) -> Amounts:
    """The unit only in the title above; kind and year on two header lines; every sign and
    space variant of a printed figure. The title is a heading of its own, or (`inline`) a
    bold line at the table's size right above the header, which layout takes into the region."""
    sheet = Sheet().page()
    sheet.cover()
    edges = (340, 440, 535)
    if inline:
        sheet.text(60, 162, TWO_LINE_TITLE, "B")
    else:
        sheet.heading(150, TWO_LINE_TITLE)
    sheet.row(175, "", ("Utfall", "Budget", "Plan"), edges, "B")
    sheet.row(186, "", ("2025", "2026", "2027"), edges, "B")
    for n, (label, printed, _) in enumerate(TWO_LINE, start=1):
        sheet.row(186 + 17 * n, label, printed, edges, "B" if label == "Summa" else "")
    return read(sheet.save(path), settings=settings)


@pytest.fixture(scope="module")
def two_line(tmp_path_factory, settings) -> Amounts:
    return _two_line(tmp_path_factory.mktemp("layouts") / "two_line.pdf", inline=False, settings=settings)


@pytest.fixture(scope="module")
def two_line_inline(tmp_path_factory, settings) -> Amounts:
    return _two_line(tmp_path_factory.mktemp("layouts") / "two_line_inline.pdf", inline=True, settings=settings)


TWO_LINE_EXPECTED = [t for label, _, values in TWO_LINE
                     for t in expect(label, values, unit="mnkr", total=label == "Summa", years=TWO_LINE_YEARS)]


def test_two_line_header_unit_in_title_and_sign_variants(two_line):
    assert rows_of(two_line) == TWO_LINE_EXPECTED


def test_two_line_header_under_an_inline_title(two_line_inline):
    assert rows_of(two_line_inline) == TWO_LINE_EXPECTED


def test_inline_title_names_the_table(two_line_inline):
    assert {r.table_title for r in two_line_inline.rows} == {"Driftbudget per nämnd"}
