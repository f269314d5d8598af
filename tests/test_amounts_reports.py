"""Amounts from generated PDFs in the table layouts of annual reports and nämnd reports: a
driftredovisning with negative costs and a signed deviation column, a balansräkning with
group rows that hold no figures, a kassaflödesanalys, a two-level header ("Budget 2026"
over "Intäkter | Kostnader | Netto"), a long table continued on the next page without a
repeated header under running page headers and footers, a change column in percent in a
tkr table, and figures with thin-space thousands and footnote marks.

Each document goes through the real pipeline (ingest → layout → document fields →
amounts); the expected rows are what a careful reader of the page would write down.
"""
from __future__ import annotations

import pytest

from pipeline.extract.amounts import Amounts
from tests.test_amounts_layouts import HEADER, SIZE, expect, grouped, rows_of
from tests.test_amounts_layouts_codes import OUTCOMES, _annual_cover
from tests.test_amounts_layouts_more import EDGES, Page, _save

THIN = "\u2009"
REPORT_YEAR = ((2025, "budget"), (2025, "outcome"), (2025, "deviation"))


def signed(value: int) -> str:
    """A deviation as printed with its sign: "+1 234", "-567", "0"."""
    return f"+{grouped(value)}" if value > 0 else grouped(value)


def decimal(value: float) -> str:
    """A figure with one decimal, Swedish style: "-2 345,6"."""
    whole, frac = f"{value:.1f}".split(".")
    return f"{grouped(int(whole))},{frac}"


def cells(result: Amounts, title: str | None = None) -> list[tuple]:
    """rows_of with the column label after the row label."""
    return [(r.row_label, r.column_label, r.year, r.kind, r.value, r.unit, r.value_sek, r.is_total)
            for r in result.rows if r.source == "table" and (title is None or r.table_title == title)]


# -- 1. driftredovisning: negative costs, a signed deviation column ------------------------------

DRIFT = (  # Budget 2025, Utfall 2025, Avvikelse (= utfall − budget) in tkr; costs are negative
    ("Kommunstyrelsen", (-95_090, -93_856, 1_234)),
    ("Socialnämnden", (-205_172, -205_739, -567)),
    ("Barn- och utbildningsnämnden", (-310_450, -308_210, 2_240)),
    ("Tekniska nämnden", (-42_300, -42_300, 0)),
    ("Summa", (-653_012, -650_105, 2_907)),
)
DRIFT_HEADER = ("Budget 2025", "Utfall 2025", "Avvikelse")


def _drift_rows(table=DRIFT) -> list[tuple[str, tuple[str, ...]]]:
    return [(label, (grouped(b), grouped(u), signed(a))) for label, (b, u, a) in table]


def _drift_expected(table=DRIFT) -> list[tuple]:
    return [(label, column, year, kind, value, "tkr", value * 1000, label == "Summa")
            for label, values in table for column, (year, kind), value in zip(DRIFT_HEADER, REPORT_YEAR, values)]


@pytest.fixture(scope="module")
def driftredovisning(tmp_path_factory, settings) -> Amounts:
    sheet = Page().page()
    _annual_cover(sheet)
    sheet.table(150, "Driftredovisning", "Verksamhet, tkr", DRIFT_HEADER, _drift_rows())
    return _save(sheet, tmp_path_factory, "driftredovisning", settings=settings)


def test_driftredovisning_negative_costs_and_signed_deviations(driftredovisning):
    """"+1 234" and "-567" are deviations dated by the Utfall 2025 column before them."""
    assert cells(driftredovisning) == _drift_expected()
    assert driftredovisning.unplaced == []


# -- 2. balansräkning: group rows without figures --------------------------------------------------

BALANCE = (  # label, 2024 / 2025 in mnkr (None: a group row), bold, indent
    ("Tillgångar", None, True, 0),
    ("Anläggningstillgångar", None, True, 0),
    ("Immateriella anläggningstillgångar", (12.3, 14.1), False, 10),
    ("Mark, byggnader och tekniska anläggningar", (2345.6, 2456.7), False, 10),
    ("Maskiner och inventarier", (123.4, 130.2), False, 10),
    ("Finansiella anläggningstillgångar", (45.0, 47.5), False, 10),
    ("Summa anläggningstillgångar", (2526.3, 2648.5), True, 0),
    ("Omsättningstillgångar", None, True, 0),
    ("Fordringar", (210.8, 198.4), False, 10),
    ("Kassa och bank", (80.0, 95.2), False, 10),
    ("Summa omsättningstillgångar", (290.8, 293.6), True, 0),
    ("Summa tillgångar", (2817.1, 2942.1), True, 0),
    ("Eget kapital och skulder", None, True, 0),
    ("Eget kapital", None, True, 0),
    ("Årets resultat", (180.1, 131.6), False, 10),
    ("Övrigt eget kapital", (1020.4, 1200.5), False, 10),
    ("Summa eget kapital", (1200.5, 1332.1), True, 0),
    ("Avsättningar", None, True, 0),
    ("Avsättningar för pensioner", (310.2, 325.8), False, 10),
    ("Skulder", None, True, 0),
    ("Långfristiga skulder", (850.0, 900.0), False, 10),
    ("Kortfristiga skulder", (456.4, 384.2), False, 10),
    ("Summa skulder", (1306.4, 1284.2), True, 0),
    ("Summa eget kapital och skulder", (2817.1, 2942.1), True, 0),
)


def _statement(factory, title: str, rows, edges=(440, 535), *, settings) -> Amounts:
    """An annual report's statement under its heading: "Mnkr | 2024 | 2025", rows at their
    indent, sums and group rows in bold (so the table marks its sums by emphasis)."""
    sheet = Page().page()
    _annual_cover(sheet)
    sheet.heading(140, title)
    sheet.row(165, "Mnkr", ("2024", "2025"), edges, "B")
    for n, (label, values, bold, indent) in enumerate(rows, start=1):
        figures = tuple(decimal(v) for v in values) if values else ()
        sheet.row(165 + 15 * n, label, figures, edges, "B" if bold else "", x=60 + indent)
    return _save(sheet, factory, title.lower(), settings=settings)


def _assert_statement(result: Amounts, title: str, rows) -> None:
    """Group rows give no amount; a row is a total when bold and a sum (all bold figure rows here)."""
    assert rows_of(result) == [t for label, values, bold, _ in rows if values
                               for t in expect(label, values, "mnkr", bold, OUTCOMES)]
    assert {r.table_title for r in result.rows} == {title}
    assert result.unplaced == []


CAPITALS = {"Tillgångar", "Summa tillgångar", "Eget kapital och skulder", "Summa eget kapital och skulder"}


@pytest.mark.parametrize("case", ["as_is", "capitals"])
def test_balance_sheet_group_rows_hold_no_amounts_and_sums_are_totals(tmp_path_factory, case, settings):
    """"Årets resultat" in a balance sheet is a plain line of equity: not a total where the
    table marks its sums in bold (as the gold's Balansbudget). `capitals`: the top-level
    group and sum rows in capitals ("TILLGÅNGAR", "SUMMA TILLGÅNGAR")."""
    rows = BALANCE if case == "as_is" else tuple(
        (label.upper() if label in CAPITALS else label, *rest) for label, *rest in BALANCE)
    _assert_statement(_statement(tmp_path_factory, "Balansräkning", rows, settings=settings), "Balansräkning", rows)


# -- 3. kassaflödesanalys ---------------------------------------------------------------------------

CASH_FLOW = (
    ("Den löpande verksamheten", None, True, 0),
    ("Årets resultat", (180.1, 131.6), False, 0),
    ("Justering för av- och nedskrivningar", (210.3, 225.8), False, 0),
    ("Justering för gjorda avsättningar", (15.2, 15.6), False, 0),
    ("Medel från verksamheten före förändring av rörelsekapital", (405.6, 373.0), True, 0),
    ("Ökning(-)/minskning(+) kortfristiga fordringar", (-12.4, 12.4), False, 0),
    ("Ökning(+)/minskning(-) kortfristiga skulder", (20.1, -72.2), False, 0),
    ("Kassaflöde från den löpande verksamheten", (413.3, 313.2), True, 0),
    ("Investeringsverksamheten", None, True, 0),
    ("Investering i materiella anläggningstillgångar", (-310.5, -290.2), False, 0),
    ("Försäljning av materiella anläggningstillgångar", (5.2, 3.1), False, 0),
    ("Kassaflöde från investeringsverksamheten", (-305.3, -287.1), True, 0),
    ("Finansieringsverksamheten", None, True, 0),
    ("Nyupptagna lån", (0.0, 50.0), False, 0),
    ("Amortering av skuld", (-20.0, -60.9), False, 0),
    ("Kassaflöde från finansieringsverksamheten", (-20.0, -10.9), True, 0),
    ("Årets kassaflöde", (88.0, 15.2), True, 0),
    ("Likvida medel vid årets början", (12.0, 100.0), False, 0),
    ("Likvida medel vid årets slut", (100.0, 115.2), False, 0),
)


OLDER_WORDING = {  # the subtotals as the older model statement names them
    "Kassaflöde från den löpande verksamheten": "Medel från den löpande verksamheten",
    "Kassaflöde från investeringsverksamheten": "Medel från investeringsverksamheten",
    "Kassaflöde från finansieringsverksamheten": "Medel från finansieringsverksamheten",
}


@pytest.mark.parametrize("wording", ["kassaflöde_från", "medel_från"])
def test_cash_flow_statement(tmp_path_factory, wording, settings):
    """Section rows ("Investeringsverksamheten") hold no amounts; "Medel från verksamheten …"
    and the "Kassaflöde från …" (or "Medel från …verksamheten") rows are subtotals; the
    opening and closing cash balances are plain lines (as in the gold's Kassaflödesbudget)."""
    rows = CASH_FLOW if wording == "kassaflöde_från" else tuple(
        (OLDER_WORDING.get(label, label), *rest) for label, *rest in CASH_FLOW)
    result = _statement(tmp_path_factory, "Kassaflödesanalys", rows, settings=settings)
    _assert_statement(result, "Kassaflödesanalys", rows)


# -- 4. a two-level header: a year over Intäkter | Kostnader | Netto -------------------------------

SPLIT = (  # Intäkter, Kostnader, Netto (tkr)
    ("Kommunstyrelsen", (12_500, -107_590, -95_090)),
    ("Socialnämnden", (48_300, -253_472, -205_172)),
    ("Tekniska nämnden", (61_200, -103_500, -42_300)),
    ("Summa", (122_000, -464_562, -342_562)),
)
SUBCOLUMNS = ("Intäkter", "Kostnader", "Netto")
GROUPS = {  # the groups over the sub-columns: their header, year and kind, and right edges
    "one": (("Budget 2026", 2026, "budget", (330, 430, 530)),),
    "two": (("Utfall 2025", 2025, "outcome", (210, 270, 330)), ("Budget 2026", 2026, "budget", (415, 475, 535))),
}


ALIGNED = [("one", "centre"), ("two", "centre"), ("two", "left"), ("two", "right")]


@pytest.fixture(scope="module", params=ALIGNED, ids=["_".join(p) for p in ALIGNED])
def two_level(request, tmp_path_factory, settings) -> tuple[str, str, Amounts]:
    """Each group header over its three sub-columns (centred, or aligned with the left edge
    of the first one's figures or the right edge of the last one's), the sub-column names
    under it; the corner cell on the lower line. With two groups, both hold the same figures."""
    groups, align = request.param
    sheet = Page().page()
    sheet.cover()
    sheet.heading(150, "Driftbudget per nämnd")
    sheet.pdf.set_font("body", style="B", size=SIZE)
    for head, _, _, edges in GROUPS[groups]:
        left = edges[0] - sheet.pdf.get_string_width("-253 472")
        width = sheet.pdf.get_string_width(head)
        x = {"centre": (left + edges[-1] - width) / 2, "left": left, "right": edges[-1] - width}[align]
        sheet.text(x, 175, head, "B")
    edges = tuple(e for *_, group in GROUPS[groups] for e in group)
    sheet.row(187, "Nämnd, tkr", SUBCOLUMNS * len(GROUPS[groups]), edges, "B")
    for n, (label, values) in enumerate(SPLIT, start=1):
        figures = tuple(grouped(v) for v in values) * len(GROUPS[groups])
        sheet.row(187 + 17 * n, label, figures, edges, "B" if label == "Summa" else "")
    return groups, align, _save(sheet, tmp_path_factory, f"two_level_{groups}_{align}", settings=settings)


def _two_level_expected(groups: str) -> list[tuple]:
    return [(label, f"{head} {sub}", year, kind, value, "tkr", value * 1000, label == "Summa")
            for label, values in SPLIT for head, year, kind, _ in GROUPS[groups]
            for sub, value in zip(SUBCOLUMNS, values)]


def test_two_level_header_labels_carry_both_levels(two_level):
    """Under centred group headers every column label carries both levels. Under two group
    headers set flush left or right, the sub-column between them is as near to one as to the
    other: it may be left out, never given the other group's year."""
    groups, align, result = two_level
    published, expected = cells(result, "Driftbudget per nämnd"), _two_level_expected(groups)
    if align == "centre":
        assert published == expected
    else:
        assert set(published) <= set(expected)
        assert 3 * len(published) >= 2 * len(expected)  # all but the sub-column between the headers
    assert result.unplaced == []


# -- 5. a long table over two pages, no repeated header, running header and footer ---------------

LONG = tuple(  # 24 verksamheter: Budget 2025, Utfall 2025, Avvikelse (tkr)
    (f"Verksamhet {n:02d}", (-(1_000 + 37 * n), -(1_000 + 37 * n) + d, d))
    for n, d in zip(range(1, 25), (120, -45, 0, 310, -8, 77, -1_200, 5, 64, -230, 18, 0,
                                   451, -96, 12, 3, -77, 140, -610, 25, 0, 88, -19, 230))
)
LONG_SUMMA = ("Summa", tuple(sum(values[i] for _, values in LONG) for i in range(3)))
RUNNING_HEAD = "Årsredovisning 2025"
SPLIT_AT = 15  # rows on the first page of the table


@pytest.fixture(scope="module", params=["three_pages", "two_pages"])
def long_table(request, tmp_path_factory, settings) -> Amounts:
    """Every page carries the running header "Årsredovisning 2025" in its top margin and a
    page number at its foot. `three_pages`: an intro page, then the table from the foot of
    page 2 onto page 3 (the running header is furniture, repeated on every page);
    `two_pages`: the table from the foot of page 1 onto page 2 (too few pages for the
    running header to count as furniture: it stays a line of text between the parts)."""
    sheet = Page().page()
    pages = 3 if request.param == "three_pages" else 2
    for number in range(1, pages + 1):
        if number > 1:
            sheet.page()
        sheet.text(420, 40, RUNNING_HEAD, size=8)
        sheet.text(295, 815, str(number), size=8)
    sheet.pdf.page = 1
    sheet.text(60, 150, "Årsredovisning för Exempelkommun 2025", "B", 16)
    sheet.text(60, 180, "Årsredovisningen redovisar kommunens resultat och ställning för året.")
    sheet.pdf.page = pages - 1
    y = 470
    sheet.text(60, y - 40, "Nämndernas utfall mot budget framgår av tabellen nedan.")
    rows = _drift_rows(LONG + (LONG_SUMMA,))
    bottom = sheet.table(y, "Driftredovisning per verksamhet", "Verksamhet, tkr", DRIFT_HEADER, rows[:SPLIT_AT])
    assert bottom < 780
    sheet.pdf.page = pages
    for n, (label, figures) in enumerate(rows[SPLIT_AT:]):
        sheet.row(80 + 17 * n, label, figures, EDGES, "B" if label == "Summa" else "")
    below = 80 + 17 * (len(rows) - SPLIT_AT) + 30
    sheet.text(60, below, "Avvikelserna kommenteras i nämndernas verksamhetsberättelser.")
    return _save(sheet, tmp_path_factory, f"long_{request.param}", settings=settings)


def test_long_table_continues_without_a_repeated_header(long_table):
    assert cells(long_table) == _drift_expected(LONG + (LONG_SUMMA,))
    assert {r.table_title for r in long_table.rows} == {"Driftredovisning per verksamhet"}
    pages = [r.page for r in long_table.rows]
    assert pages == sorted(pages) and len(set(pages)) == 2
    assert long_table.unplaced == []


# -- 6. a change column in percent in a tkr table ------------------------------------------------

CHANGE = (  # 2024, 2025 (tkr), Förändring, % as printed and its value
    ("Kommunstyrelsen", (93_870, 95_090), "1,3", 1.3),
    ("Socialnämnden", (201_950, 205_172), "1,6", 1.6),
    ("Tekniska nämnden", (43_500, 42_300), "-2,8", -2.8),
    ("Summa", (339_320, 342_562), "1,0", 1.0),
)


@pytest.fixture(scope="module")
def percent_change(tmp_path_factory, settings) -> Amounts:
    sheet = Page().page()
    _annual_cover(sheet)
    rows = [(label, (*(grouped(v) for v in values), pct)) for label, values, pct, _ in CHANGE]
    sheet.table(150, "Nettokostnad per nämnd", "Nämnd, tkr", ("2024", "2025", "Förändring, %"), rows)
    return _save(sheet, tmp_path_factory, "percent_change", settings=settings)


def test_percent_change_column_in_a_tkr_table(percent_change):
    """The bare years of an annual report are outcomes in tkr; "Förändring, %" is the
    change from 2024 to 2025 in percent (dated by the column before it), never tkr."""
    expected = []
    for label, values, _, pct in CHANGE:
        expected += [(label, str(year), year, kind, value, "tkr", value * 1000, label == "Summa")
                     for (year, kind), value in zip(OUTCOMES, values)]
        expected.append((label, "Förändring, %", 2025, "deviation", pct, "percent", None, label == "Summa"))
    assert cells(percent_change, "Nettokostnad per nämnd") == expected
    assert percent_change.unplaced == []


# -- 7. thin-space thousands and footnote marks on figures ----------------------------------------

MARKED = (  # Budget 2026 / Plan 2027 / Plan 2028 as printed (thin space, marks) and their values
    ("Kommunstyrelsen", (f"95{THIN}090", f"96{THIN}486*", f"98{THIN}100"), (95_090, 96_486, 98_100)),
    ("Socialnämnden", (f"205{THIN}172¹", f"209{THIN}559", f"212{THIN}001"), (205_172, 209_559, 212_001)),
    ("Kultur- och fritidsnämnden", (f"1{THIN}234¹", "567*", f"1{THIN}300"), (1_234, 567, 1_300)),
    ("Tekniska nämnden", (f"12{THIN}345*", f"12{THIN}500", f"12{THIN}800"), (12_345, 12_500, 12_800)),
    ("Summa", (f"313{THIN}841", f"319{THIN}112", f"324{THIN}201"), (313_841, 319_112, 324_201)),
)


def _marked(sheet: Page, raised: bool) -> None:
    """The marks as characters of the figure ("1 234¹"), or (`raised`) as a smaller digit
    or asterisk set raised right after it, as word processors print a footnote reference."""
    sheet.heading(150, "Driftbudget per nämnd")
    sheet.row(175, "tkr", HEADER, EDGES, "B")
    for n, (label, printed_figures, _) in enumerate(MARKED, start=1):
        y, style = 175 + 17 * n, "B" if label == "Summa" else ""
        sheet.text(60, y, label, style)
        for edge, figure in zip(EDGES, printed_figures):
            mark = figure[-1] if figure[-1] in "*¹" else ""
            body = figure[: -len(mark)] if mark else figure
            if raised and mark:
                sheet.right(edge, y, body, style)
                sheet.text(edge + 0.3, y - 3, "1" if mark == "¹" else "*", style, SIZE * 0.6)
            else:
                sheet.pdf.set_font("body", style=style, size=SIZE)
                sheet.right(edge + sheet.pdf.get_string_width(mark), y, figure, style)
    sheet.text(60, 175 + 17 * 6 + 6, "* Inklusive tillfälliga statsbidrag.", size=7)
    sheet.text(60, 175 + 17 * 6 + 15, "1 Exklusive kapitalkostnader för nya lokaler.", size=7)


@pytest.fixture(scope="module", params=["characters", "raised"])
def footnote_marks(request, tmp_path_factory, settings) -> Amounts:
    sheet = Page().page()
    sheet.cover()
    _marked(sheet, request.param == "raised")
    return _save(sheet, tmp_path_factory, f"marks_{request.param}", settings=settings)


def test_thin_space_thousands_and_footnote_marks_on_figures(footnote_marks):
    """A mark after a figure refers to a footnote: the figure is read without it, and the mark
    is neither a digit of the figure ("2051 72" from a raised "1") nor a figure of its own."""
    assert rows_of(footnote_marks) == [t for label, _, values in MARKED
                                       for t in expect(label, values, total=label == "Summa")]
    assert footnote_marks.unplaced == []
