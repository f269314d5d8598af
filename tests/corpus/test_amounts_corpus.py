"""Amounts on real corpus tables: complete rows × years, totals, continued tables, controls."""
from __future__ import annotations

from collections import Counter

import pytest

from tests.settings_helpers import amounts_of as extract_amounts_of

ALINGSAS = "alingsas_budget_2021-2023.pdf"
ALE = "ale_verksamhetsplan_2017-2020.pdf"
DALARNA = "dalarna_regionplan_2026-2028.pdf"


@pytest.fixture(scope="module")
def extracted(layout_of):
    cache: dict = {}

    def get(name: str):
        if name not in cache:
            doc = layout_of(name)
            cache[name] = extract_amounts_of(doc)
        return cache[name]

    return get


@pytest.fixture(scope="module")
def amounts_of(extracted):
    return lambda name: extracted(name).rows


def _table(rows, title_word: str):
    return [r for r in rows if r.source == "table" and r.table_title and title_word in r.table_title]


@pytest.mark.parametrize(
    ("title", "labels", "years"),
    [
        ("Resultatbudget", 13, (2021, 2022, 2023)),
        ("Driftsbudget", 10, (2021, 2022, 2023)),
        ("Investeringsbudget", 9, (2021, 2022, 2023, 2024, 2025)),
    ],
)
def test_alingsas_budget_tables_are_complete(amounts_of, title, labels, years):
    rows = _table(amounts_of(ALINGSAS), title)
    assert len({r.row_label for r in rows}) == labels
    assert Counter(r.year for r in rows) == {y: labels for y in years}
    assert all(r.page == 21 for r in rows)


def test_alingsas_totals_and_values(amounts_of):
    rows = amounts_of(ALINGSAS)
    totals = {r.row_label for r in rows if r.is_total}
    assert {"Summa kommunbidrag", "Totalt", "Årets resultat", "Resultat före extraordinära poster"} <= totals
    assert "Socialnämnden" not in totals
    first = next(r for r in rows if r.row_label == "Verksamhetens intäkter - kostnader" and r.year == 2021)
    assert (first.value, first.column_label, first.kind, first.unit) == (-2421049, "Budget 2021", "budget", "mnkr")
    invest = next(
        r for r in rows if r.row_label == "Socialnämnden" and r.table_title == "Investeringsbudget" and r.year == 2024
    )
    assert (invest.value, invest.unit, invest.value_sek) == (1200, "tkr", 1_200_000)


def test_ale_table_continued_over_page_is_one_table(amounts_of):
    rows = _table(amounts_of(ALE), "Finansiella jämförelsetal")
    assert len(rows) == 13 * 6
    assert {r.page for r in rows} == {4, 5}
    assert {r.year for r in rows} == set(range(2014, 2020))
    assert not any(r.row_label.startswith(("Utfall", "2014")) for r in rows)  # header rows are no amounts
    wrapped = [r for r in rows if r.row_label.startswith("Låneskuld per invånare (inkl.")]
    assert len(wrapped) == 6 and wrapped[0].row_label.endswith("pensionsskuld)(kr)")
    assert {r.unit for r in rows if r.row_label.startswith("Soliditet")} == {"percent"}
    assert all(r.value_sek is None for r in rows if r.unit == "percent")


def test_dalarna_tables_continued_over_pages(amounts_of):
    rows = amounts_of(DALARNA)
    projects = [r for r in rows if r.column_label and "projekt-prognos" in r.column_label]
    assert {16, 17} <= {r.page for r in projects}  # header repeated on p17: same columns, no header amounts
    totals = {r.row_label: r.value for r in projects if r.is_total}
    assert totals["Summa totalt"] == 7830 and totals["Summa beslutade"] == 1730
    cash = [r for r in rows if r.page == 15]
    assert cash and all(r.year in (2026, 2027, 2028) for r in cash)
    assert any(r.row_label == "Årets kassaflöde" and r.value == 200 and r.is_total for r in cash)
    drift = [r for r in rows if r.row_label == "Regionservice, avkastning"]
    assert sorted(r.value for r in drift) == [-9953, -9623, -9293]  # U+2212 minus signs
    # the Finansieringsbudget runs over p14-15 across the sub-heading "Investeringsverksamhet"
    assert {r.table_title for r in rows if r.page == 15 and r.source == "table"} == {"Finansieringsbudget"}
    # "Reserverade medel, mnkr" follows "Tabell 3" with the same year columns: its own table and unit
    reserved = [r for r in rows if r.row_label == "Lönerevisionspott"]
    assert {(r.table_title, r.unit) for r in reserved} == {("Reserverade medel", "mnkr")}


def test_figure_stacked_under_another_in_one_cell_is_reported_not_published(extracted):
    """Finansiella mål prints "422" over "(264)" in one cell (the long-term target, "inom
    parentes"): no column names the second figure, so it is reported as unplaced, and it
    is neither a second 'Budget 2026' value of the row nor a negative."""
    result = extracted(DALARNA)
    goal = [r for r in result.rows if r.table_title == "Finansiella mål" and r.unit == "mnkr"]
    result_row = [r.value for r in goal if r.row_label.startswith("Resultatet")]
    assert result_row == [422, 318, 242]
    assert [(u.text, u.reason, u.table_title, u.page) for u in result.unplaced] == [
        ("(264)", "stacked", "Finansiella mål", 9), ("(272)", "stacked", "Finansiella mål", 9),
        ("(280)", "stacked", "Finansiella mål", 9)]


def test_kinds_of_bare_year_columns(amounts_of):
    invest = _table(amounts_of(ALINGSAS), "Investeringsbudget")
    assert {(r.year, r.kind) for r in invest} == {(2021, "budget")} | {(y, "plan") for y in range(2022, 2026)}
    satsningar = [r for r in amounts_of(DALARNA) if r.table_title and r.table_title.startswith("Tillkommande")]
    assert {(r.year, r.kind) for r in satsningar} == {(2026, "budget"), (2027, "plan"), (2028, "plan")}


@pytest.mark.parametrize("name", ["Moderaterna_valmanifest_2022.pdf", "Vansterpartiet_valplattform_2022.pdf"])
def test_negative_controls_yield_no_amounts(amounts_of, name):
    assert amounts_of(name) == []


def test_amount_ids_unique_in_document_order(amounts_of):
    rows = amounts_of(ALINGSAS)
    ids = [r.amount_id for r in rows]
    assert ids == [f"a{i:04d}" for i in range(1, len(rows) + 1)]
    text = [r for r in rows if r.source == "text"]
    assert {r.row_label for r in text} >= {"Vård- och omsorgsnämnden", "Socialnämnden", "Barn- och ungdomsnämnden"}
    assert all(r.year is None and r.column_label is None and r.kind is None and r.snippet for r in text)


def test_text_amounts_of_budget_instructions_without_tables(amounts_of):
    rows = amounts_of("Simrishamn_budgetanvisningar_tidplan_2027-2031.pdf")
    assert [(r.source, r.row_label, r.value, r.unit, r.year) for r in rows] == [
        ("text", "Avskrivningarna 2027", 94, "mnkr", 2027),
        ("text", "Avskrivningarna 2027, skattefinansierade verksamheten", 73, "mnkr", 2027)]
