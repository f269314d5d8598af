"""Indicator tables, flattened goal lists, goal cards and measure chapters on real corpus
documents, plus the small helpers they rest on."""
from __future__ import annotations

import pytest

from pipeline.extract.indicators import column_direction, unit_of
from pipeline.extract.political import extract_political
from pipeline.extract.sections import goal_run
from tests.settings_helpers import LEXICON, SETTINGS

VASTMANLAND = "vastmanland_regionplan_2026-2028.pdf"
DALARNA = "dalarna_regionplan_2026-2028.pdf"


@pytest.mark.parametrize(
    ("cell", "expected"),
    [("↑", ("increase", None)), ("↓", ("decrease", None)), ("+/-0", ("target", 0.0)),
     ("≥ 90 %", ("target", 90.0)), ("Faktiskt värde", (None, None))],
)
def test_direction_column_cells(cell, expected):
    assert column_direction(LEXICON, cell) == expected


def test_named_index_beats_share_but_not_a_percent_sign():
    assert unit_of(LEXICON, "Nöjd Kund Index (NKI) för kollektivtrafiken (andelen som är nöjda)") == "index"
    assert unit_of(LEXICON, "Delaktighetsindex, andel % av maxpoäng ska öka") == "percent"


def test_goal_run_splits_numbered_goals_run_into_one_paragraph():
    text = "Fokusområde 1 – Hållbarhet i näringsliv Fokusområde 9 – Klimatanpassning"
    assert goal_run(LEXICON, text) == [("1", "Hållbarhet i näringsliv"), ("9", "Klimatanpassning")]
    assert goal_run(LEXICON, "Mål 1 och mål 2 ska nås under perioden") == []


def test_indicator_table_with_direction_column(layout_of):
    goals, indicators, _ = extract_political(layout_of(VASTMANLAND), SETTINGS)
    by_text = {i.text: i for i in indicators}
    titles = {g.goal_id: g.title for g in goals}
    first = by_text["Andel invånare som har förtroende för vårdcentraler"]
    assert (first.direction, first.unit, titles[first.goal_id]) == (
        "increase",
        "percent",
        "Invånarna är nöjda och trygga",
    )
    assert by_text["Antibiotikaanvändning (recept/1000 invånare)"].direction == "decrease"
    # a breakdown (per vårdnivå, per förvaltning) is not an indicator; it lends its arrow upwards
    assert not any(t.startswith(("Primärvård", "Kollektivtrafiknämnd", "-Regionkontor")) for t in by_text)
    assert by_text["Andel patienter som får vård enligt vårdgarantin"].direction == "increase"
    target = by_text["Prognos/utfall ekonomiskt resultat per förvaltning"]
    assert (target.direction, target.target_value, target.unit) == ("target", 0.0, "sek")
    # the wrapped end of a row that layout left below the table, and units from the value cells
    assert "Medelväntetid (minuter) för besvarade samtal för 1177 telefon" in by_text
    assert by_text["Nettokostnadsökningstakt"].unit == "percent"
    # footnote marks set small are not part of the text; a goal under a plain "Mål" can be financial
    assert "Levnadsvanor i befolkningen, index (max 100)" in by_text
    financial = [g.title for g in goals if g.kind == "financial"]
    assert financial == [
        "Regionen ska uppnå fastställt ekonomiskt resultat",
        "Regionens finansiella ställning ska vara god",
    ]
    # a "Perspektiv | Övergripande mål" table flattened to lines: label = focus area
    assert ("Tjänst/process", "Effektiva och ändamålsenliga tjänster av god kvalitet") in {
        (g.focus_area, g.title) for g in goals}


def test_same_goal_twice_in_a_table_and_a_task_under_goals(layout_of):
    goals, _, measures = extract_political(layout_of(DALARNA), SETTINGS)
    financial = [g.title for g in goals if g.kind == "financial"]
    assert len(financial) == 5 and financial[0] in financial[1]  # the second row adds "(i mnkr)"
    assert not any("*" in t or "Långsiktigt" in t for t in financial)
    assert any(m.text.startswith("Varje nämnd ska") and m.responsible == "Varje nämnd" for m in measures)


def test_standing_mandate_of_a_report_is_not_measures(layout_of):
    _, _, measures = extract_political(layout_of("Simrishamn_KFN_arsbokslut_2025.pdf"), SETTINGS, "annual_report")
    assert measures and not any(m.section == "Uppdrag" for m in measures)


def test_theme_lists_of_a_policy_chapter_are_measures(layout_of):
    _, _, measures = extract_political(layout_of("ale_verksamhetsplan_2017-2020.pdf"), SETTINGS)
    assert {"Tillväxt", "Värna livsmiljö", "Övriga uppdrag"} <= {m.section for m in measures}


def test_goal_cards_and_run_together_goal_lists(layout_of):
    goals, indicators, _ = extract_political(layout_of("Simrishamn_budgetanvisningar_tidplan_2027-2031.pdf"), SETTINGS)
    assert not any(g.title.startswith("Koppling") for g in goals)
    assert [g.number for g in goals if g.number] == ["1", "9", "11", "13", "17"]
    titles = {g.goal_id: g.title for g in goals}
    frisk = next(i for i in indicators if i.text.startswith("Statistik frisknärvaro"))
    assert titles[frisk.goal_id].startswith("Kommunen ska ha en frisknärvaro")
    assert (frisk.direction, frisk.unit) == ("increase", "percent")
