"""Goals, indicators and measures: real corpus documents plus small generated edge cases."""
from __future__ import annotations

import difflib

import pytest
from fpdf import FPDF

from pipeline.extract.indicators import attributes
from pipeline.extract.political import extract_political
from pipeline.extract.sections import Role, classify
from pipeline.text.lexicon import defined_abbreviations, responsible_bodies
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
def test_cue_headings_are_classified_across_inflections(text, role, kind, lexicon):
    cue = classify(text, lexicon)
    assert cue is not None and cue.role is role and cue.kind == kind


def test_prose_headings_are_not_cues(lexicon):
    assert classify("En starkare välfärd och mer meningsfull kommunal verksamhet", lexicon) is None
    assert classify("Kommunfullmäktiges övergripande mål för god ekonomisk hushållning", lexicon) is None


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
def test_indicator_direction_target_and_unit(text, direction, value, unit, lexicon):
    attrs = attributes(text, lexicon.phrasing)
    assert (attrs.direction, attrs.target_value, attrs.unit) == (direction, value, unit)


def test_qualifier_line_decides_direction(lexicon):
    attrs = attributes("Andel förvaltningar med kontinuitetsplaner", lexicon.phrasing,
                       "Indikatornivå: 100 % · Frekvens: Helår")
    assert (attrs.direction, attrs.target_value, attrs.unit) == ("target", 100.0, "percent")


def test_responsible_bodies(lexicon):
    bodies = lexicon.bodies
    assert responsible_bodies("Uppdrag kommer att ges till samtliga nämnder att minska", bodies) == "Samtliga nämnder"
    assert (responsible_bodies("Under 2026 ska Regionala utvecklingsnämnden utveckla", bodies)
            == "Regionala utvecklingsnämnden")
    assert responsible_bodies("Lokalplaneringen ska centraliseras till kommunstyrelsen.", bodies) == "Kommunstyrelsen"
    assert responsible_bodies("Ett system för nämndernas resurstilldelning ska tas fram.", bodies) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a body named together with a collective is one addressee, as printed
        ("Under 2026 ska regionstyrelsen och samtliga nämnder vidta åtgärder", "Regionstyrelsen och samtliga nämnder"),
        ("Under 2026 ska regionstyrelsen och hälso- och sjukvårdsnämnden fortsätta",
         "Regionstyrelsen, Hälso- och sjukvårdsnämnden"),
        ("Samtliga nämnders delegationsordningar ska ändras", "Samtliga nämnder"),
        # a unit counts where it is given the task, not where it is a partner
        ("Uppdrag kommer att ges till kommunens upphandlingsenhet att minska kostnaderna", "Upphandlingsenheten"),
        ("Ekonomienheten ska ta fram en modell för internhyror.", "Ekonomienheten"),
        ("Projektet drivs i samarbete med samhällsbyggnadsförvaltningen.", None),
    ],
)
def test_responsible_bodies_named_together_and_units(text, expected, lexicon):
    assert responsible_bodies(text, lexicon.bodies) == expected


def test_abbreviation_is_a_body_only_where_the_document_defines_it(lexicon):
    defined = defined_abbreviations("Beslut fattas av kommunstyrelsen (KS). Vårdrelaterade infektioner (VRI) ska minska.",
                                    lexicon.bodies)
    assert defined == {"KS": "Kommunstyrelsen"}
    assert responsible_bodies("KS ska ta fram en lokalförsörjningsplan.", lexicon.bodies, defined) == "Kommunstyrelsen"
    assert responsible_bodies("AME ska organiseras under sektor KS.", lexicon.bodies) is None


def test_alingsas_goals_indicators_and_measures(layout_of, gold_of, settings):
    goals, indicators, measures = extract_political(layout_of(ALINGSAS), settings)
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
def test_negative_controls_have_no_political_rows(layout_of, name, settings):
    assert extract_political(layout_of(name), settings) == ([], [], [])


def generated_layout(target, pages, title=None, *, settings):
    """Layout of a PDF written from pages of (x, y, font size, text), in points from the
    top-left; `title` is the PDF metadata title. Headings need their larger size, which
    tests.pdfgen.write_pdf (one size per document) cannot give."""
    from pipeline.ingest import ingest
    from pipeline.layout import build_layout

    pdf = FPDF(unit="pt", format="A4")
    pdf.add_font("body", fname=str(_font()))
    if title:
        pdf.set_title(title)
    for lines in pages:
        pdf.add_page()
        for x, y, size, text in lines:
            pdf.set_font("body", size=size)
            pdf.text(x, y, text)
    pdf.output(str(target))
    return build_layout(ingest(target, settings.pipeline.ingest), settings)


def flow(lines, x=60, y=60):
    """(size, text) lines set one under the other, spaced by their size."""
    out = []
    for size, text in lines:
        out.append((x, y, size, text))
        y += size * 2.2
    return out


def test_generated_goal_with_indicators_and_measures(tmp_path, settings):
    doc = generated_layout(tmp_path / "generated.pdf", [flow([
        (16, "Mål 1. Alla ska ha en trygg uppväxt"),
        (11, "Barn och unga ska kunna växa upp tryggt i hela kommunen och få stöd i tid."),
        (13, "Indikatorer"),
        (11, "• Elever som känner sig trygga, andel % ska öka"),
        (11, "• Anmälda brott per 1000 invånare ska minska"),
        (13, "Åtgärder:"),
        (11, "• Socialnämnden ska utveckla det förebyggande arbetet."),
        (11, "• Ett nytt fritidsgårdsprogram ska tas fram."),
    ])], settings=settings)
    goals, indicators, measures = extract_political(doc, settings)
    assert [(g.number, g.title, g.kind) for g in goals] == [("1", "Alla ska ha en trygg uppväxt", "political")]
    assert [(i.direction, i.unit, i.goal_id) for i in indicators] == [
        ("increase", "percent", "g001"), ("decrease", "per_capita", "g001")]
    assert [m.responsible for m in measures] == ["Socialnämnden", None]
    assert all(m.page == 1 for m in measures)


def test_generated_goals_section_with_indicator_bullets(tmp_path, settings):
    """A goals section whose goal is followed by "Indikatorer" bullets stating their direction
    as "(ökande)" or "ska minska": the indicators belong to the goal above them."""
    doc = generated_layout(tmp_path / "goals.pdf", [flow([
        (16, "Kommunfullmäktiges mål"),
        (11, "• Invånarna ska känna sig trygga i hela kommunen"),
        (13, "Indikatorer"),
        (11, "• Andel invånare som känner sig trygga i sitt bostadsområde (ökande)"),
        (11, "• Antal anmälda brott per 1000 invånare ska minska"),
    ])], settings=settings)
    goals, indicators, measures = extract_political(doc, settings)
    assert [(g.title, g.kind) for g in goals] == [("Invånarna ska känna sig trygga i hela kommunen", "political")]
    assert [(i.direction, i.unit, i.goal_id) for i in indicators] == [
        ("increase", "percent", goals[0].goal_id), ("decrease", "per_capita", goals[0].goal_id)]
    assert measures == []


def test_generated_task_table_with_responsible_column(tmp_path, settings):
    """"Uppdrag | Ansvarig nämnd": each task is a measure whose responsible body is its cell
    as printed; an empty cell names no one, even when the task's text names a body."""
    rows = [("Uppdrag", "Ansvarig nämnd"),
            ("Ta fram en plan för fler förskoleplatser", "Barn- och utbildningsnämnden"),
            ("Kommunstyrelsen ska utreda en växel", ""),
            ("Samordna lokalförsörjningen", "Kommunstyrelsen, tekniska nämnden")]
    page = flow([(16, "Utbildning och omsorg"), (11, "Nämnderna får följande uppdrag för perioden.")])
    for n, (task, body) in enumerate(rows):
        page += [(60, 140 + 24 * n, 11, task)] + ([(330, 140 + 24 * n, 11, body)] if body else [])
    doc = generated_layout(tmp_path / "tasks.pdf", [page], settings=settings)
    goals, indicators, measures = extract_political(doc, settings)
    assert [(m.text, m.responsible, m.section) for m in measures] == [
        ("Ta fram en plan för fler förskoleplatser", "Barn- och utbildningsnämnden", "Utbildning och omsorg"),
        ("Kommunstyrelsen ska utreda en växel", None, "Utbildning och omsorg"),
        ("Samordna lokalförsörjningen", "Kommunstyrelsen, tekniska nämnden", "Utbildning och omsorg"),
    ]
    assert goals == [] and indicators == []
