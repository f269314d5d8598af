"""Financial tables recognised by their shape, not by a cue word: generated PDFs through
ingest, layout and tables. A stub of labels beside columns dated by a year, a period or a
kind of the budget cycle is amounts; a table of indicators or targets, and undated counts,
are not."""
from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.extract.amounts import Amounts
from tests.corpus.test_amounts_generated import read, table_row
from tests.pdfgen import write_pdf

SIZE = 10


def _page(tmp_path: Path, title: str, header: tuple[str, ...], rows: list[tuple[str, ...]],
          note: str | None = None) -> Amounts:
    lines = [(70.0, 60.0, "Delårsrapport januari–mars 2026"),
             (70.0, 90.0, "Rapporten beskriver verksamhetens utveckling under perioden januari–mars 2026."),
             (70.0, 130.0, title), *table_row(150, header[0], *header[1:])]
    y = 168.0
    for label, *figures in rows:
        lines += table_row(y, label, *figures)
        y += 18
    if note:
        lines.append((70.0, y + 10, note))
    return read(write_pdf(tmp_path / "shape.pdf", [lines], size=SIZE, small=frozenset({note} if note else ())))


def _figures(result: Amounts) -> list[tuple]:
    return [(r.row_label, r.column_label, r.value, r.unit) for r in result.rows if r.source == "table"]


def test_staff_table_dated_by_period_and_year_columns(tmp_path):
    """"Personalvolymsutveckling": no cue word, but its columns are a period, an outcome and a
    forecast year; "Antal årsarbetare" states the row's unit (a count) and not its kind."""
    result = _page(tmp_path, "Personalvolymsutveckling", ("", "Aktuell period", "Utfall 2025", "Prognos 2026"),
                   [("Antal årsarbetare", "197,7", "733,8", "750"), ("Antal anställda", "210", "790", "800")])
    assert _figures(result)[:3] == [("Antal årsarbetare", "Aktuell period", 197.7, "count"),
                                    ("Antal årsarbetare", "Utfall 2025", 733.8, "count"),
                                    ("Antal årsarbetare", "Prognos 2026", 750, "count")]
    assert [r.kind for r in result.rows] == ["outcome", "outcome", "forecast"] * 2


def test_untitled_table_of_year_columns_with_a_unit_in_the_header(tmp_path):
    """A stub "Yrkesgrupp" beside "Ack åa helår 2024 / 2025" (årsarbetare): amounts without
    a title, in the unit its headers name; earlier full years are outcomes, not forecasts."""
    result = _page(tmp_path, "", ("Yrkesgrupp", "Ack åa helår 2024", "Ack åa helår 2025"),
                   [("Administratör", "74,3", "79,9"), ("Handläggare", "420,3", "443,7")])
    assert [(r.row_label, r.year, r.kind, r.value, r.unit) for r in result.rows] == [
        ("Administratör", 2024, "outcome", 74.3, "count"), ("Administratör", 2025, "outcome", 79.9, "count"),
        ("Handläggare", 2024, "outcome", 420.3, "count"), ("Handläggare", 2025, "outcome", 443.7, "count")]


def test_table_of_budget_and_outcome_with_its_unit_in_a_note_below(tmp_path):
    """No cue word over the table and no year in its header; the note below ("Not: alla
    belopp i tkr", set small) states tkr, so its body is money."""
    result = _page(tmp_path, "Verksamheterna", ("Verksamhet", "Budget", "Utfall"),
                   [("Hemtjänst", "12 500", "12 100"), ("Särskilt boende", "30 200", "31 050")],
                   note="Not: alla belopp i tkr")
    assert [(r.row_label, r.column_label, r.value, r.value_sek) for r in result.rows] == [
        ("Hemtjänst", "Budget", 12500, 12_500_000), ("Hemtjänst", "Utfall", 12100, 12_100_000),
        ("Särskilt boende", "Budget", 30200, 30_200_000), ("Särskilt boende", "Utfall", 31050, 31_050_000)]


@pytest.mark.parametrize("title, header", [
    ("Effektmått", ("Mått/nyckeltal", "Utfall 2025", "Prognos 2026")),  # indicator roles
    ("Uppföljning", ("Indikator", "Utfall 2025", "Målvärde 2026")),
    ("Allvarliga arbetsplatsolyckor", ("", "Antal", "")),  # a count no year or period dates
])
def test_indicator_tables_and_undated_counts_are_not_amounts(tmp_path, title, header):
    figures = ("12", "15") if header[2] else ("12",)
    result = _page(tmp_path, title, header, [("Incidenter lösta i tid", *figures), ("Olyckor", *figures)])
    assert _figures(result) == []
