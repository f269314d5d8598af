"""Rules for goals, indicators and measures that need no layout: cue headings across
inflections, an indicator's direction, target and unit, responsible bodies and the
abbreviations a document defines, each read by the vocabulary of its own settings. Corpus
documents and generated PDFs are in tests/corpus/test_political.py."""
from __future__ import annotations

import pytest

from pipeline.extract.indicators import attributes
from pipeline.extract.lexicon import Lexicon
from pipeline.extract.sections import Cue, Role, classify
from pipeline.settings import load_settings
from tests.settings_helpers import LEXICON, configs_with


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
    cue = classify(LEXICON, text)
    assert cue is not None and cue.role is role and cue.kind == kind


def test_prose_headings_are_not_cues():
    assert classify(LEXICON, "En starkare välfärd och mer meningsfull kommunal verksamhet") is None
    assert classify(LEXICON, "Kommunfullmäktiges övergripande mål för god ekonomisk hushållning") is None


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
    attrs = attributes(LEXICON, text)
    assert (attrs.direction, attrs.target_value, attrs.unit) == (direction, value, unit)


def test_qualifier_line_decides_direction():
    attrs = attributes(LEXICON, "Andel förvaltningar med kontinuitetsplaner", "Indikatornivå: 100 % · Frekvens: Helår")
    assert (attrs.direction, attrs.target_value, attrs.unit) == ("target", 100.0, "percent")


def test_responsible_bodies():
    assert LEXICON.bodies.responsible("Uppdrag kommer att ges till samtliga nämnder att minska") == "Samtliga nämnder"
    assert (LEXICON.bodies.responsible("Under 2026 ska Regionala utvecklingsnämnden utveckla")
            == "Regionala utvecklingsnämnden")
    assert LEXICON.bodies.responsible("Lokalplaneringen ska centraliseras till kommunstyrelsen.") == "Kommunstyrelsen"
    assert LEXICON.bodies.responsible("Ett system för nämndernas resurstilldelning ska tas fram.") is None


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
def test_responsible_bodies_named_together_and_units(text, expected):
    assert LEXICON.bodies.responsible(text) == expected


def test_abbreviation_is_a_body_only_where_the_document_defines_it():
    defined = LEXICON.bodies.defined_abbreviations(
        "Beslut fattas av kommunstyrelsen (KS). Vårdrelaterade infektioner (VRI) ska minska."
    )
    assert defined == {"KS": "Kommunstyrelsen"}
    assert LEXICON.bodies.responsible("KS ska ta fram en lokalförsörjningsplan.", defined) == "Kommunstyrelsen"
    assert LEXICON.bodies.responsible("AME ska organiseras under sektor KS.") is None


def test_the_reader_takes_its_vocabulary_from_the_settings_it_is_given(tmp_path):
    """A cue added in another configs dir labels there, and only there: nothing compiled from
    one configuration reaches another."""
    configs = configs_with(tmp_path, "lexicon", "  decision_headings: [", "  decision_headings: [beslutspunkter, ")
    other = load_settings(configs).derived(Lexicon.of)
    assert classify(other, "Beslutspunkter") == Cue(Role.DECISIONS)
    assert classify(LEXICON, "Beslutspunkter") is None
