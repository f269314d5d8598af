"""How Swedish municipalities and regions word one indicator, read by the indicator reader
itself with no layout: directions, targets beside baselines, units, direction cells, and
the cue headings of goal kinds and indicator lists. The lists and tables such indicators
stand in run through the real pipeline in tests/corpus/test_indicator_phrasing.py."""
from __future__ import annotations

import pytest

from pipeline.extract.indicators import attributes, column_direction
from pipeline.extract.sections import Cue, Role, classify
from tests.settings_helpers import LEXICON

# -- wording of one indicator: direction, target value, unit ---------------------------------------------


@pytest.mark.parametrize(
    ("text", "direction", "target", "unit"),
    [
        ("Andelen nöjda brukare i hemtjänsten ska öka", "increase", None, "percent"),
        ("Antalet anmälda brott ska minska", "decrease", None, "count"),
        ("Andelen behöriga lärare i grundskolan ska bibehållas", "maintain", None, "percent"),
        ("Andelen behöriga lärare i grundskolan ska vara oförändrad", "maintain", None, "percent"),
        ("Antalet besökare på biblioteken ska öka jämfört med föregående år", "increase", None, "count"),
        ("Andelen elever med godkända betyg ska vara högre än rikets genomsnitt", "increase", None, "percent"),
        ("Andel elever med godkända betyg i alla ämnen, minst 90 %", "target", 90.0, "percent"),
        ("Handläggningstid för bygglov, högst 5 dagar", "target", 5.0, "days"),
        ("Handläggningstiden för bygglov ska vara högst 5 dagar", "target", 5.0, "days"),
        ("Nöjd kund-index för bygglov ≥ 85", "target", 85.0, "index"),
        ("Sjukfrånvaro bland kommunens medarbetare < 3 %", "target", 3.0, "percent"),
        ("Andel invånare som är nöjda med kommunens service ↑", "increase", None, "percent"),
        ("Andel invånare som är nöjda med kommunens service ↓", "decrease", None, "percent"),
        ("Andel invånare som är nöjda med kommunens service →", "maintain", None, "percent"),
        ("Andel ekologiska livsmedel (%)", None, None, "percent"),
        ("Ekologiska livsmedel i måltidsverksamheten, andel i procent", None, None, "percent"),
        ("Antal nystartade företag", None, None, "count"),
        ("Nettokostnad för äldreomsorgen, kr/invånare", None, None, "per_capita"),
        ("Nettokostnad för äldreomsorgen, kronor per invånare", None, None, "per_capita"),
        ("Genomsnittlig handläggningstid för ekonomiskt bistånd, dagar", None, None, "days"),
        ("Nöjd medborgar-index, poäng (NKI)", None, None, "index"),
        ("Kvalitetsindex för förskolan, index", None, None, "index"),
        ("Väntetid i telefon till kontaktcenter, minuter", None, None, "other"),  # minutes are not in the enum
        ("Andelen elever med examen ska vara minst 90 procent", "target", 90.0, "percent"),
        ("Andelen elever med examen, mål: 90 %", "target", 90.0, "percent"),
        ("Andelen elever med examen, målvärde 2026: 85 %", "target", 85.0, "percent"),
    ],
)
def test_direction_target_and_unit_of_the_wording(text, direction, target, unit):
    attrs = attributes(LEXICON, text)
    assert (attrs.direction, attrs.target_value, attrs.unit) == (direction, target, unit)


@pytest.mark.parametrize(
    "text",
    [
        # thresholds that define whom the indicator counts are no targets
        "Andel elever med minst 80 % närvaro",
        "Andel barn i grupper med högst 15 barn",
        "Andel barn < 3 år i förskolan",
        "Andel invånare > 65 år med hemtjänst",
        # a baseline, a reference value or a year is no target
        "Andelen elever med examen, utfall 2024: 78 %",
        "Andelen elever med examen, nuläge 2024: 78 %",
        "Andelen elever med examen (referensvärde: 82 %)",
        "Andelen elever med examen, mål 2026",
        "Antal förskoleplatser, 2026",
    ],
)
def test_a_threshold_a_baseline_or_a_year_is_no_target(text):
    attrs = attributes(LEXICON, text)
    assert (attrs.direction, attrs.target_value) == (None, None)


def test_stated_target_beats_the_baseline_before_it():
    attrs = attributes(LEXICON, "Andelen elever med examen. Utfall 2024: 78 %. Målvärde 2026: 85 %")
    assert (attrs.direction, attrs.target_value, attrs.unit) == ("target", 85.0, "percent")


@pytest.mark.parametrize(
    ("qualifier", "direction", "target"),
    [
        ("Önskad riktning: Ökande", "increase", None),
        ("Önskad riktning: Minskande", "decrease", None),
        ("Önskad riktning: Oförändrad", "maintain", None),
        ("Målvärde 2026: 85 %", "target", 85.0),
        ("Mål: 90", "target", 90.0),
        ("Mål 2026: 90 %", "target", 90.0),
    ],
)
def test_qualifier_line_states_direction_or_target(qualifier, direction, target):
    attrs = attributes(LEXICON, "Andel brukare som är nöjda med hemtjänsten", qualifier)
    assert (attrs.direction, attrs.target_value, attrs.unit) == (direction, target, "percent")


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        ("↑", ("increase", None)), ("↓", ("decrease", None)), ("→", ("maintain", None)),
        ("Ökande", ("increase", None)), ("Minskande", ("decrease", None)), ("Oförändrad", ("maintain", None)),
        ("Bibehålla", ("maintain", None)), ("Högre än riket", ("increase", None)),
        ("Minst 90 %", ("target", 90.0)), ("Högst 5 dagar", ("target", 5.0)), ("≥ 85", ("target", 85.0)),
        ("< 3 %", ("target", 3.0)), ("85 %", ("target", 85.0)), ("", (None, None)), ("Ej fastställt", (None, None)),
    ],
)
def test_direction_column_cells(cell, expected):
    assert column_direction(LEXICON, cell) == expected


# -- cue headings of the goal kinds and of indicator lists ----------------------------------------------


@pytest.mark.parametrize(
    ("heading", "cue"),
    [
        ("Prioriterade mål", Cue(Role.GOALS, "political")),
        ("Kommunens prioriterade mål", Cue(Role.GOALS, "political")),
        ("Övergripande mål", Cue(Role.GOALS, "political")),
        ("Regionens övergripande mål", Cue(Role.GOALS, "political")),
        ("Inriktningsmål", Cue(Role.GOALS, "political")),
        ("Nämndmål", Cue(Role.GOALS, "political")),
        ("Finansiella mål", Cue(Role.GOALS, "financial")),
        ("Verksamhetsmål", Cue(Role.GOALS, "operational")),
        ("Verksamhetsmål för god ekonomisk hushållning", Cue(Role.GOALS, "operational")),
        ("Mått:", Cue(Role.INDICATORS)),
        ("Nyckeltal:", Cue(Role.INDICATORS)),
        ("Indikatorer", Cue(Role.INDICATORS)),
        ("Utfall 2024", None),
        ("Nuläge 2024", None),
        ("Referensvärde", None),
    ],
)
def test_cue_headings(heading, cue):
    assert classify(LEXICON, heading) == cue

# -- more wording: negations, leading participles, trend arrows, time units, years in target cells ------


@pytest.mark.parametrize(
    ("text", "direction", "target", "unit"),
    [
        ("Andelen elever som fullföljer gymnasiet ska inte minska", "maintain", None, "percent"),
        ("Kostnaden per brukare i hemtjänsten ska inte öka", "maintain", None, None),
        ("Sjukfrånvaron ska inte överstiga 6 %", "target", 6.0, "percent"),
        ("Ökad andel elever som känner sig trygga i skolan", "increase", None, "percent"),
        ("Minskat antal vräkningar av barnfamiljer", "decrease", None, "count"),
        ("Väntetid till första besök, veckor", None, None, "other"),
        ("Handläggningstid för försörjningsstöd, timmar", None, None, "other"),
        ("Andel ärenden som avgörs inom fyra veckor", None, None, "percent"),
    ],
)
def test_more_wordings(text, direction, target, unit):
    attrs = attributes(LEXICON, text)
    assert (attrs.direction, attrs.target_value, attrs.unit) == (direction, target, unit)


@pytest.mark.parametrize(
    ("cell", "expected"),
    [("↗", ("increase", None)), ("↘", ("decrease", None)), ("2030", (None, None)), ("Minst 2 %", ("target", 2.0))],
)
def test_more_direction_cells(cell, expected):
    """A trend arrow is a direction; a year in a target cell dates the target, it is none."""
    assert column_direction(LEXICON, cell) == expected

@pytest.mark.parametrize(("text", "unit"), [
    ("Alla ska ha tillgång till en fast omsorgskontakt", None),  # "ha" is the verb here
    ("Skyddad natur, total area (ha)", "ha"),
    ("Skyddad natur, minst 120 ha", "ha"),
])
def test_hectares_only_where_the_unit_is_meant(text, unit):
    assert attributes(LEXICON, text).unit == unit
