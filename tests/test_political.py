"""Goals, indicators and measures: real corpus documents plus small generated edge cases."""
from __future__ import annotations

import difflib

import pytest
from fpdf import FPDF

from pipeline.extract.indicators import attributes
from pipeline.extract.nlp import responsible_bodies
from pipeline.extract.political import extract_political
from pipeline.extract.sections import Role, classify
from tests.pdfgen import _font

ALINGSAS = "alingsas_budget_2021-2023.pdf"


def _same(a: str, b: str) -> bool:
    return difflib.SequenceMatcher(None, a.lower(), b.lower()).ratio() >= 0.85


@pytest.mark.parametrize(
    ("text", "role", "kind"),
    [
        ("ÅTGÄRDER:", Role.MEASURES, None),
        ("Indikatorerna", Role.INDICATORS, None),
        ("2.2 Finansiella mål", Role.GOALS, "financial"),
        ("Verksamhetsmål", Role.GOALS, "operational"),
        ("Satsningar inom målområdet 2026:", Role.MEASURES, None),
        ("Uppdrag Ansvarig nämnd", Role.MEASURES, None),
        ("Nämndmål Bedömning", Role.GOALS, "political"),
    ],
)
def test_cue_headings_are_classified_across_inflections(text, role, kind):
    cue = classify(text)
    assert cue is not None and cue.role is role and cue.kind == kind


def test_prose_headings_are_not_cues():
    assert classify("En starkare välfärd och mer meningsfull kommunal verksamhet") is None
    assert classify("Kommunfullmäktiges övergripande mål för god ekonomisk hushållning") is None


@pytest.mark.parametrize(
    ("text", "direction", "value", "unit"),
    [
        ("Den totala elevnärvaron i grundskolan, andel % ska öka", "increase", None, "percent"),
        ("Fallskador bland personer 80+, 3-årsm, antal/1000 inv, ska minska", "decrease", None, "per_capita"),
        ("Föreningslivsklimat ska mätas och förbättras under planperioden", "improve", None, None),
        ("Skyddad natur, total area (ha) ska öka", "increase", None, "ha"),
        ("Soliditeten ska vara oförändrad eller öka", "maintain", None, "percent"),  # a ratio in per cent
        ("Nöjd index - trygg och säker utomhus, skala 0-10 ska öka", "increase", None, "index"),
        ("Utredningstid i antal dagar från ansökan till beslut, medelvärde ska minska", "decrease", None, "days"),
        ("Andel elever med behörighet, målvärde 75%", "target", 75.0, "percent"),
    ],
)
def test_indicator_direction_target_and_unit(text, direction, value, unit):
    attrs = attributes(text)
    assert (attrs.direction, attrs.target_value, attrs.unit) == (direction, value, unit)


def test_qualifier_line_decides_direction():
    attrs = attributes("Andel förvaltningar med kontinuitetsplaner", "Indikatornivå: 100 % · Frekvens: Helår")
    assert (attrs.direction, attrs.target_value, attrs.unit) == ("target", 100.0, "percent")


def test_responsible_bodies():
    assert responsible_bodies("Uppdrag kommer att ges till samtliga nämnder att minska") == "Samtliga nämnder"
    assert responsible_bodies("Under 2026 ska Regionala utvecklingsnämnden utveckla") == "Regionala utvecklingsnämnden"
    assert responsible_bodies("Lokalplaneringen ska centraliseras till kommunstyrelsen.") == "Kommunstyrelsen"
    assert responsible_bodies("Ett system för nämndernas resurstilldelning ska tas fram.") is None


def test_alingsas_goals_indicators_and_measures(layout_of, gold_of):
    goals, indicators, measures = extract_political(layout_of(ALINGSAS))
    gold = gold_of(ALINGSAS)
    political = [g for g in goals if g.kind == "political"]
    assert [g.number for g in political] == ["1", "2", "3", "4", "5"]
    assert [g.focus_area for g in political] == [g["focus_area"] for g in gold["goals"][:5]]
    assert sum(g.kind == "financial" for g in goals) == 7
    assert sum(g.kind == "operational" for g in goals) == 5
    by_id = {g.goal_id: g for g in goals}
    assert len(indicators) == len(gold["indicators"])
    for row, expected in zip(indicators, gold["indicators"]):
        assert _same(row.text, expected["text"])
        assert _same(by_id[row.goal_id].title, expected["goal"])
    assert len(measures) == len(gold["measures"])
    assert all(_same(m.text, g["text"]) for m, g in zip(measures, gold["measures"]))
    assert measures[0].section == "En starkare välfärd och mer meningsfull kommunal verksamhet"
    assert measures[0].responsible == "Samtliga nämnder"
    assert len({m.measure_id for m in measures}) == len(measures)


@pytest.mark.parametrize("name", ["Moderaterna_valmanifest_2022.pdf", "Vansterpartiet_valplattform_2022.pdf"])
def test_negative_controls_have_no_political_rows(layout_of, name):
    assert extract_political(layout_of(name)) == ([], [], [])


def _generated(tmp_path):
    """A goal heading with an indicator list and a labelled measures list, in two sizes."""
    pdf = FPDF(unit="pt", format="A4")
    pdf.add_font("body", fname=str(_font()))
    pdf.add_page()
    y = 60
    for size, text in [
        (16, "Mål 1. Alla ska ha en trygg uppväxt"),
        (11, "Barn och unga ska kunna växa upp tryggt i hela kommunen och få stöd i tid."),
        (13, "Indikatorer"),
        (11, "• Elever som känner sig trygga, andel % ska öka"),
        (11, "• Anmälda brott per 1000 invånare ska minska"),
        (13, "Åtgärder:"),
        (11, "• Socialnämnden ska utveckla det förebyggande arbetet."),
        (11, "• Ett nytt fritidsgårdsprogram ska tas fram."),
    ]:
        pdf.set_font("body", size=size)
        pdf.text(60, y, text)
        y += size * 2.2
    return pdf


def test_generated_goal_with_indicators_and_measures(tmp_path):
    from pipeline.ingest import ingest
    from pipeline.layout import build_layout

    target = tmp_path / "generated.pdf"
    _generated(tmp_path).output(str(target))
    goals, indicators, measures = extract_political(build_layout(ingest(target)))
    assert [(g.number, g.title, g.kind) for g in goals] == [("1", "Alla ska ha en trygg uppväxt", "political")]
    assert [(i.direction, i.unit, i.goal_id) for i in indicators] == [
        ("increase", "percent", "g001"), ("decrease", "per_capita", "g001")]
    assert [m.responsible for m in measures] == ["Socialnämnden", None]
    assert all(m.page == 1 for m in measures)
