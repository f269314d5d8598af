"""Amounts from small generated PDFs, through ingest and layout: a borderless budget table
(tkr, Budget/Plan year columns, a Summa row, no-break-space thousands, minus signs and
accounting parentheses in one document), a figure stacked under another in its cell, and
an allocation in running text."""
from __future__ import annotations

from pathlib import Path

import pytest
from fpdf import FPDF

from pipeline.extract.amounts import Amounts
from tests.pdfgen import FONT_CANDIDATES, write_pdf
from tests.settings_helpers import amounts_of, laid_out

SIZE = 10
NBSP = "\u00a0"
MINUS = "\u2212"
COLUMNS = (330, 420, 510)  # right edges of the three figure columns


def _measure():
    font = next((p for p in FONT_CANDIDATES if p.exists()), None)
    if font is None:
        pytest.skip("no TrueType font with Swedish glyphs on this machine (fonts-dejavu)")
    pdf = FPDF(unit="pt", format="A4")
    pdf.add_font("body", fname=str(font))
    pdf.set_font("body", size=SIZE)
    return pdf.get_string_width


def table_row(y: float, label: str, *figures: str) -> list[tuple[float, float, str]]:
    """A label at the margin and figures right-aligned on the column edges ("" = empty cell)."""
    width = _measure()
    cells = [(70.0, y, label)] if label else []
    return cells + [(right - width(text), y, text) for right, text in zip(COLUMNS, figures) if text]


def read(path: Path) -> Amounts:
    doc = laid_out(path)
    return amounts_of(doc)


@pytest.fixture(scope="module")
def budget(tmp_path_factory) -> Amounts:
    page = [
        (70, 60, "Mål och budget 2026 med plan 2027–2028"),
        (70, 90, "Budgeten omfattar nämndernas driftbudget för perioden."),
        *table_row(145, "tkr", "Budget 2026", "Plan 2027", "Plan 2028"),
        *table_row(163, "Socialnämnden", f"205{NBSP}172", f"209{NBSP}559", f"212{NBSP}001"),
        *table_row(181, "Kommunstyrelsen", f"95{NBSP}090", f"{MINUS}1{NBSP}200", "(3 500)"),
        *table_row(199, "Kultur- och fritidsnämnden", "4,1", "", "-"),
        *table_row(217, "Summa", f"300{NBSP}266", f"208{NBSP}359", f"208{NBSP}501"),
        (70, 260, "Totalt 1500 tkr tillskjuts socialnämnden för personligt ombud under 2026."),
        # the same year columns in another unit, named in its corner cell: another table
        *table_row(315, "Finansiella mål, mnkr", "Budget 2026", "Plan 2027", "Plan 2028"),
        *table_row(333, "Resultatet ska vara minst 2 % av", "422", "318", "242"),
        *table_row(344, "skatteintäkter och statsbidrag", "(264)", "(272)", "(280)"),
        *table_row(362, "Investeringar", "489", "572", "521"),
    ]
    return read(write_pdf(tmp_path_factory.mktemp("amounts") / "budget.pdf", [page], size=SIZE))


def _cells(result: Amounts, title: str | None) -> list[tuple]:
    return [(r.row_label, r.column_label, r.year, r.kind, r.value, r.unit, r.value_sek, r.is_total)
            for r in result.rows if r.source == "table" and r.table_title == title]


def test_borderless_budget_table_with_year_columns_and_a_summa_row(budget):
    rows = _cells(budget, None)  # no title over it, only its unit in the corner
    assert rows == [
        ("Socialnämnden", "Budget 2026", 2026, "budget", 205172, "tkr", 205_172_000, False),
        ("Socialnämnden", "Plan 2027", 2027, "plan", 209559, "tkr", 209_559_000, False),
        ("Socialnämnden", "Plan 2028", 2028, "plan", 212001, "tkr", 212_001_000, False),
        ("Kommunstyrelsen", "Budget 2026", 2026, "budget", 95090, "tkr", 95_090_000, False),
        ("Kommunstyrelsen", "Plan 2027", 2027, "plan", -1200, "tkr", -1_200_000, False),
        # accounting parentheses in a document that also prints minus signs: still negative
        ("Kommunstyrelsen", "Plan 2028", 2028, "plan", -3500, "tkr", -3_500_000, False),
        ("Kultur- och fritidsnämnden", "Budget 2026", 2026, "budget", 4.1, "tkr", 4_100, False),
        ("Summa", "Budget 2026", 2026, "budget", 300266, "tkr", 300_266_000, True),
        ("Summa", "Plan 2027", 2027, "plan", 208359, "tkr", 208_359_000, True),
        ("Summa", "Plan 2028", 2028, "plan", 208501, "tkr", 208_501_000, True),
    ]


def test_figures_stacked_under_others_in_their_cells_are_reported_not_published(budget):
    rows = _cells(budget, "Finansiella mål")
    assert {r[5] for r in rows} == {"mnkr"}
    assert [(r[0], r[4]) for r in rows] == [
        ("Resultatet ska vara minst 2 % av skatteintäkter och statsbidrag", v) for v in (422, 318, 242)
    ] + [("Investeringar", v) for v in (489, 572, 521)]
    assert [(u.text, u.reason, u.table_title) for u in budget.unplaced] == [
        (t, "stacked", "Finansiella mål") for t in ("(264)", "(272)", "(280)")]


def test_allocation_in_running_text_reads_the_whole_number(budget):
    text = [(r.row_label, r.value, r.unit, r.value_sek, r.year, r.kind) for r in budget.rows if r.source == "text"]
    assert text == [("Socialnämnden", 1500, "tkr", 1_500_000, 2026, "budget")]
