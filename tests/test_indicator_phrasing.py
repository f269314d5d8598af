"""How other Swedish municipalities and regions phrase indicators and goals: directions
("ska bibehållas", "högre än rikets genomsnitt", "högst 5 dagar", "≥ 85", arrows, "Önskad
riktning: Ökande"), units ("kr/invånare", "poäng (NKI)", "minuter"), targets beside
baselines ("Utfall 2024: 78 %" is no target, "Målvärde 2026: 85 %" is), indicators listed
under "Mått:" / "Nyckeltal:" or in an "Indikator | Utfall 2024 | Målvärde 2026 | Riktning"
table, and the goal kinds of the contract. Wording that does not depend on layout is read
with the indicator reader itself; lists and tables run through the real pipeline on small
generated PDFs. Expectations are what an annotator following ../shared/eval/GOLD_FORMAT.md
would write; a wrong direction or target is worse than none."""
from __future__ import annotations

import pytest

from pipeline.extract.indicators import attributes, column_direction
from pipeline.extract.sections import Cue, Role, classify
from tests.test_political_layouts import BODY, FILLER, Column, grid, political

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
def test_direction_target_and_unit_of_the_wording(text, direction, target, unit, lexicon):
    attrs = attributes(text, lexicon.phrasing)
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
def test_a_threshold_a_baseline_or_a_year_is_no_target(text, lexicon):
    attrs = attributes(text, lexicon.phrasing)
    assert (attrs.direction, attrs.target_value) == (None, None)


def test_stated_target_beats_the_baseline_before_it(lexicon):
    attrs = attributes("Andelen elever med examen. Utfall 2024: 78 %. Målvärde 2026: 85 %", lexicon.phrasing)
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
def test_qualifier_line_states_direction_or_target(qualifier, direction, target, lexicon):
    attrs = attributes("Andel brukare som är nöjda med hemtjänsten", lexicon.phrasing, qualifier)
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
def test_direction_column_cells(cell, expected, lexicon):
    assert column_direction(cell, phrasing=lexicon.phrasing) == expected


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
def test_cue_headings(heading, cue, lexicon):
    assert classify(heading, lexicon) == cue


# -- generated budgets ----------------------------------------------------------------------------------


def _by_text(indicators, goals):
    titles = {g.goal_id: g.title for g in goals}
    return {i.text: (titles.get(i.goal_id), i.direction, i.target_value, i.unit) for i in indicators}


def _table(tmp_path, heading, intro, xs, rows, *, settings):
    """Goals, indicators, measures of a budget whose second page has a heading, an introducing
    sentence and a borderless table (9 pt, one row every 26 pt, cell lines split by "\\n")."""
    page = Column(50).add(16, heading).add(BODY, intro).lines + grid(150, xs, rows, size=9, pitch=26)
    return political(tmp_path, [FILLER, page], settings=settings)


GOAL_1 = "Alla barn ska få en god start i livet"
GOAL_2 = "Kommunen ska vara en attraktiv arbetsgivare"


def test_matt_label_lists_the_indicators_of_the_goal_above(tmp_path, settings):
    page = (Column(60)
            .add(18, "Inriktningsmål")
            .add(14, f"Inriktningsmål 1: {GOAL_1}")
            .add(BODY, "Förskolan och skolan ska ge varje barn trygghet och stimulans att utvecklas.")
            .add(BODY, "Mått:")
            .bullet("Andel barn med minst 80 % närvaro i förskolan ska öka")
            .bullet("Andel elever i årskurs 9 som är behöriga till gymnasiet ska vara högre än",
                    "rikets genomsnitt")
            .bullet("Antal barn per grupp i förskolan ska minska jämfört med föregående år")
            .bullet("Föräldrarnas nöjdhet med förskolan, poäng (NKI), ska bibehållas")).lines
    goals, indicators, measures = political(tmp_path, [page], settings=settings)
    assert [(g.number, g.title, g.kind) for g in goals] == [("1", GOAL_1, "political")]
    assert _by_text(indicators, goals) == {
        "Andel barn med minst 80 % närvaro i förskolan ska öka": (GOAL_1, "increase", None, "percent"),
        "Andel elever i årskurs 9 som är behöriga till gymnasiet ska vara högre än rikets genomsnitt":
            (GOAL_1, "increase", None, "percent"),
        "Antal barn per grupp i förskolan ska minska jämfört med föregående år": (GOAL_1, "decrease", None, "count"),
        "Föräldrarnas nöjdhet med förskolan, poäng (NKI), ska bibehållas": (GOAL_1, "maintain", None, "index"),
    }
    assert measures == []


def test_nyckeltal_with_baseline_target_and_direction_lines(tmp_path, settings):
    """Each key figure is followed by lines of its own: the outcome and reference value are
    baselines (never targets) and end nothing; the target and wanted direction qualify it."""
    page = (Column(60)
            .add(16, f"Mål 2: {GOAL_2}")
            .add(BODY, "Nyckeltal:")
            .bullet("Nettokostnad för personalrekrytering, kronor per invånare")
            .add(BODY, "Utfall 2024: 420 kr")
            .add(BODY, "Målvärde 2026: 380 kr")
            .bullet("Genomsnittlig tid för rekrytering, dagar")
            .add(BODY, "Utfall 2024: 42 dagar")
            .add(BODY, "Mål: 30")
            .bullet("Andel medarbetare som arbetar heltid")
            .add(BODY, "Önskad riktning: Ökande")
            .bullet("Sjukfrånvaro, %")
            .add(BODY, "Referensvärde: 7,5 % (rikets genomsnitt)")).lines
    goals, indicators, _ = political(tmp_path, [page], settings=settings)
    assert [(g.number, g.title) for g in goals] == [("2", GOAL_2)]
    assert _by_text(indicators, goals) == {
        "Nettokostnad för personalrekrytering, kronor per invånare": (GOAL_2, "target", 380.0, "per_capita"),
        "Genomsnittlig tid för rekrytering, dagar": (GOAL_2, "target", 30.0, "days"),
        "Andel medarbetare som arbetar heltid": (GOAL_2, "increase", None, "percent"),
        "Sjukfrånvaro, %": (GOAL_2, None, None, "percent"),
    }


def test_indikatorer_bullets_with_comparison_signs_and_arrows(tmp_path, settings):
    page = (Column(60)
            .add(16, f"Mål 2: {GOAL_2}")
            .add(13, "Indikatorer")
            .bullet("Hållbart medarbetarengagemang (HME), index ≥ 80")
            .bullet("Korttidssjukfrånvaro < 3 %")
            .bullet("Handläggningstid för bygglov, högst 5 dagar")
            .bullet("Andel chefer som har högst 30 medarbetare")
            .bullet("Andel medarbetare som rekommenderar kommunen som arbetsgivare ↑")
            .bullet("Personalomsättning →")).lines
    goals, indicators, _ = political(tmp_path, [page], settings=settings)
    assert _by_text(indicators, goals) == {
        "Hållbart medarbetarengagemang (HME), index ≥ 80": (GOAL_2, "target", 80.0, "index"),
        "Korttidssjukfrånvaro < 3 %": (GOAL_2, "target", 3.0, "percent"),
        "Handläggningstid för bygglov, högst 5 dagar": (GOAL_2, "target", 5.0, "days"),
        "Andel chefer som har högst 30 medarbetare": (GOAL_2, None, None, "percent"),  # defines whom it counts
        "Andel medarbetare som rekommenderar kommunen som arbetsgivare ↑": (GOAL_2, "increase", None, "percent"),
        "Personalomsättning →": (GOAL_2, "maintain", None, None),
    }


INDICATOR_TABLE = [
    ("Andel elever med examen inom fyra år", "78 %", "85 %", "↑"),
    ("Sjukfrånvaro bland medarbetarna", "7,9 %", "6,5 %", "↓"),
    ("Nettokostnad äldreomsorg, kr/invånare", "28 400", "", "→"),
    ("Handläggningstid för bygglov, dagar", "42", "30", "↓"),
    ("Väntetid till kontaktcenter, minuter", "4", "3", "↓"),
    ("Nöjd medborgar-index (NKI)", "61", "", "Ökande"),
]
INDICATOR_EXPECTED = {
    "Andel elever med examen inom fyra år": (GOAL_2, "increase", 85.0, "percent"),
    "Sjukfrånvaro bland medarbetarna": (GOAL_2, "decrease", 6.5, "percent"),
    "Nettokostnad äldreomsorg, kr/invånare": (GOAL_2, "maintain", None, "per_capita"),
    "Handläggningstid för bygglov, dagar": (GOAL_2, "decrease", 30.0, "days"),
    "Väntetid till kontaktcenter, minuter": (GOAL_2, "decrease", 3.0, "other"),
    "Nöjd medborgar-index (NKI)": (GOAL_2, "increase", None, "index"),
}


@pytest.mark.parametrize("target_header", ["Målvärde 2026", "Mål 2026", "Målnivå 2026"])
def test_indicator_table_with_outcome_target_and_direction_columns(tmp_path, target_header, settings):
    """"Indikator | Utfall 2024 | Målvärde 2026 | Riktning": the direction comes from the
    direction column, the target value from the target column (a "Mål 2026" column right of
    the indicators holds targets, not goals), the outcome is a baseline."""
    rows = [("Indikator", "Utfall 2024", target_header, "Riktning"), *INDICATOR_TABLE]
    goals, indicators, measures = _table(tmp_path, f"Mål 2: {GOAL_2}",
                                         "Tabellen visar indikatorerna för målet med utfall och målvärden.",
                                         [50, 290, 380, 480], rows, settings=settings)
    assert [g.title for g in goals] == [GOAL_2]
    assert _by_text(indicators, goals) == INDICATOR_EXPECTED
    assert measures == []


def test_goal_table_with_baseline_target_and_reference_columns(tmp_path, settings):
    """"Mål | Indikator | Nuläge 2024 | Målvärde 2026 | Referensvärde": the goal cell spans its
    indicators; only the Målvärde column holds targets."""
    rows = [
        ("Mål", "Indikator", "Nuläge 2024", "Målvärde 2026", "Referensvärde"),
        ("Fler invånare ska ha\nett arbete", "Andel förvärvsarbetande 20–64 år", "78 %", "80 %", "79 %"),
        ("", "Antal nystartade företag", "112", "130", "125"),
        ("Invånarna ska vara nöjda\nmed kommunens service", "Nöjd medborgar-index (NKI)", "58", "", "60"),
    ]
    goals, indicators, _ = _table(tmp_path, "Kommunfullmäktiges mål och indikatorer",
                                  "Tabellen visar fullmäktiges mål med indikatorer, nuläge och målvärden.",
                                  [50, 175, 355, 430, 505], rows, settings=settings)
    work, service = "Fler invånare ska ha ett arbete", "Invånarna ska vara nöjda med kommunens service"
    assert [(g.title, g.kind) for g in goals] == [(work, "political"), (service, "political")]
    assert _by_text(indicators, goals) == {
        "Andel förvärvsarbetande 20–64 år": (work, "target", 80.0, "percent"),
        "Antal nystartade företag": (work, "target", 130.0, "count"),
        "Nöjd medborgar-index (NKI)": (service, None, None, "index"),  # no target stated, the reference is none
    }


# -- goal kinds ------------------------------------------------------------------------------------------

KINDS = [
    ("Prioriterade mål", "Invånarna ska känna sig trygga i hela kommunen", "political"),
    ("Regionens övergripande mål", "Invånarna ska ha en god och jämlik hälsa", "political"),
    ("Inriktningsmål", "Näringslivet ska vara hållbart och konkurrenskraftigt", "political"),
    ("Finansiella mål", "Soliditeten ska vara minst 40 procent", "financial"),
    ("Verksamhetsmål för god ekonomisk hushållning", "Kostnaden per brukare i hemtjänsten ska inte öka mer än index",
     "operational"),
    ("Nämndmål", "Fler äldre ska kunna bo kvar hemma med stöd av hemtjänsten", "political"),
]


def test_goal_kinds_follow_their_cue_heading(tmp_path, settings):
    col = Column(60)
    for heading, goal, _ in KINDS:
        col.add(16, heading).bullet(goal)
    goals, indicators, measures = political(tmp_path, [col.lines], settings=settings)
    assert [(g.title, g.kind, g.focus_area, g.parent_goal_id) for g in goals] == [
        (goal, kind, None, None) for _, goal, kind in KINDS]
    assert indicators == [] and measures == []  # thresholds in goals are the goals' own


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
def test_more_wordings(text, direction, target, unit, lexicon):
    attrs = attributes(text, lexicon.phrasing)
    assert (attrs.direction, attrs.target_value, attrs.unit) == (direction, target, unit)


@pytest.mark.parametrize(
    ("cell", "expected"),
    [("↗", ("increase", None)), ("↘", ("decrease", None)), ("2030", (None, None)), ("Minst 2 %", ("target", 2.0))],
)
def test_more_direction_cells(cell, expected, lexicon):
    """A trend arrow is a direction; a year in a target cell dates the target, it is none."""
    assert column_direction(cell, phrasing=lexicon.phrasing) == expected


def test_indicator_labels_run_into_their_text_under_a_goal_heading(tmp_path, settings):
    """"Mått: Andel …" as one paragraph each, under a goal heading and no goals list."""
    page = (Column(60)
            .add(16, f"Mål 1: {GOAL_1}")
            .add(BODY, "Förskolan och skolan ska ge varje barn trygghet och stimulans att utvecklas.")
            .add(BODY, "Mått: Andel elever som känner sig trygga i skolan ska öka")
            .add(BODY, "Mått: Antal barn per förskolegrupp ska minska")
            .add(16, "Driftbudget")
            .add(BODY, "Nämndernas ramar för 2026 framgår av sammanställningen nedan.")).lines
    goals, indicators, _ = political(tmp_path, [page], settings=settings)
    assert _by_text(indicators, goals) == {
        "Andel elever som känner sig trygga i skolan ska öka": (GOAL_1, "increase", None, "percent"),
        "Antal barn per förskolegrupp ska minska": (GOAL_1, "decrease", None, "count"),
    }


def test_operational_goal_table_with_matt_and_target_cells(tmp_path, settings):
    """"Verksamhetsmål | Mått | Målvärde 2026": operational goals, each with its measure and a
    target stated as "Minst …" / "Högst …" in the target cell."""
    rows = [
        ("Verksamhetsmål", "Mått", "Målvärde 2026"),
        ("Handläggningen ska vara\nsnabb och rättssäker", "Handläggningstid för bygglov, dagar", "Högst 30 dagar"),
        ("Brukarna ska vara nöjda\nmed hemtjänsten", "Andel nöjda brukare i hemtjänsten", "Minst 90 %"),
    ]
    goals, indicators, _ = _table(tmp_path, "Verksamhetsmål och mått",
                                  "Tabellen visar nämndernas verksamhetsmål med mått och målvärden för 2026.",
                                  [50, 210, 430], rows, settings=settings)
    fast, happy = "Handläggningen ska vara snabb och rättssäker", "Brukarna ska vara nöjda med hemtjänsten"
    assert [(g.title, g.kind) for g in goals] == [(fast, "operational"), (happy, "operational")]
    assert _by_text(indicators, goals) == {
        "Handläggningstid för bygglov, dagar": (fast, "target", 30.0, "days"),
        "Andel nöjda brukare i hemtjänsten": (happy, "target", 90.0, "percent"),
    }


def test_financial_goal_table_with_target_and_outcome_columns(tmp_path, settings):
    """"Finansiella mål | Målvärde 2026 | Utfall 2024": the goals are financial; their target
    and outcome cells are figures of the goals, no indicators ("2 %" is no indicator)."""
    rows = [
        ("Finansiella mål", "Målvärde 2026", "Utfall 2024"),
        ("Resultat i förhållande till skatteintäkter\noch generella statsbidrag", "2 %", "1,4 %"),
        ("Soliditet inklusive pensionsförpliktelser", "30 %", "27 %"),
        ("Självfinansieringsgrad av investeringar", "100 %", "84 %"),
    ]
    goals, indicators, measures = _table(tmp_path, "God ekonomisk hushållning",
                                         "Fullmäktige har fastställt de finansiella målen i tabellen nedan.",
                                         [50, 330, 450], rows, settings=settings)
    assert [(g.title, g.kind) for g in goals] == [
        ("Resultat i förhållande till skatteintäkter och generella statsbidrag", "financial"),
        ("Soliditet inklusive pensionsförpliktelser", "financial"),
        ("Självfinansieringsgrad av investeringar", "financial")]
    assert indicators == [] and measures == []


def _goal_list_with_matt(goal_marker: str, indicator_marker: str, indent: float) -> list:
    col = Column(60).add(18, "Övergripande mål")
    for n, (goal, indicators) in enumerate([
        ("Invånarna ska känna sig trygga i hela kommunen",
         ["Andel invånare som känner sig trygga ska öka", "Antal anmälda brott per 1 000 invånare ska minska"]),
        ("Alla elever ska nå sin fulla potential i skolan", ["Andel elever med gymnasieexamen, minst 90 %"]),
    ], start=1):
        col.add(BODY, f"{goal_marker.format(n=n)} {goal}")
        col.x += indent
        col.add(BODY, "Mått:")
        for indicator in indicators:
            col.add(BODY, f"{indicator_marker} {indicator}")
        col.x -= indent
    return col.lines


LISTED = {"Andel invånare som känner sig trygga ska öka": ("Invånarna ska känna sig trygga i hela kommunen",
                                                           "increase", None, "percent"),
          "Antal anmälda brott per 1 000 invånare ska minska": ("Invånarna ska känna sig trygga i hela kommunen",
                                                                "decrease", None, "per_capita"),
          "Andel elever med gymnasieexamen, minst 90 %": ("Alla elever ska nå sin fulla potential i skolan",
                                                          "target", 90.0, "percent")}


@pytest.mark.parametrize(("goal_marker", "indicator_marker"), [("{n}.", "•"), ("•", "–"), ("•", "•")])
def test_goal_list_with_matt_bullets_under_each_goal(tmp_path, goal_marker, indicator_marker, settings):
    """"1. <goal>", "Mått:", "• …", "2. <goal>": the next goal, set with another kind of
    marker or further left than the indicator bullets nested under the goal above, ends
    them; it is a goal, not an indicator."""
    goals, indicators, _ = political(tmp_path, [_goal_list_with_matt(goal_marker, indicator_marker, 15)],
                                     settings=settings)
    numbered = goal_marker != "•"
    assert [(g.number, g.title, g.kind) for g in goals] == [
        ("1" if numbered else None, "Invånarna ska känna sig trygga i hela kommunen", "political"),
        ("2" if numbered else None, "Alla elever ska nå sin fulla potential i skolan", "political")]
    assert _by_text(indicators, goals) == LISTED


@pytest.mark.parametrize(("text", "unit"), [
    ("Alla ska ha tillgång till en fast omsorgskontakt", None),  # "ha" is the verb here
    ("Skyddad natur, total area (ha)", "ha"),
    ("Skyddad natur, minst 120 ha", "ha"),
])
def test_hectares_only_where_the_unit_is_meant(text, unit, lexicon):
    assert attributes(text, lexicon.phrasing).unit == unit


def test_indicator_naming_nothing_measures_its_goals_stated_target(tmp_path, settings):
    """An indicator that names neither direction nor unit ("Mäts genom resultaträkningen")
    measures its goal's own figure and target ("minst 2 procent"); a goal's direction ("ska
    öka") is not handed down, nor a target to an indicator with a unit of its own."""
    page = (Column(60)
            .add(16, "Mål 1: Resultatet ska utgöra minst 2 procent av skatteintäkterna")
            .add(BODY, "Ett resultat på den nivån ger utrymme att finansiera investeringarna med",
                 "egna medel och att möta kostnaderna för en åldrande befolkning.")
            .add(BODY, "Mått:")
            .bullet("Mäts genom resultaträkningen")
            .bullet("Antal nya bostäder")
            .add(16, "Mål 2: Andelen invånare som är nöjda med kommunen ska öka")
            .add(BODY, "Invånarnas bild av kommunen mäts vartannat år i en medborgarundersökning",
                 "som görs tillsammans med Statistiska centralbyrån.")
            .add(BODY, "Mått:")
            .bullet("Medborgarundersökningen")).lines
    goals, indicators, _ = political(tmp_path, [page], settings=settings)
    first, second = (g.title for g in goals)
    assert _by_text(indicators, goals) == {
        "Mäts genom resultaträkningen": (first, "target", 2.0, "percent"),
        "Antal nya bostäder": (first, None, None, "count"),
        "Medborgarundersökningen": (second, None, None, "percent"),
    }


def test_goals_stated_in_body_text_paragraphs_with_indicator_lists(tmp_path, settings):
    """"Mål 1: …" set in body text (not as a heading) under a goals heading: a numbered goal;
    the paragraph explaining it is no goal, the "Indikatorer:" bullets are its indicators."""
    page = (Column(60).add(18, "Kommunfullmäktiges mål")
            .add(BODY, "Mål 1: Invånarna ska känna sig trygga i hela kommunen")
            .add(BODY, "Tryggheten ska öka i alla delar av kommunen, både på dagtid och på kvällstid.")
            .add(BODY, "Indikatorer:")
            .bullet("Andelen invånare som känner sig trygga ska öka")
            .add(BODY, "Mål 2: Alla elever ska nå sin fulla potential i skolan")
            .add(BODY, "Skolan ska ge varje elev stöd och stimulans att utvecklas så långt som möjligt.")
            .add(BODY, "Indikatorer:")
            .bullet("Andelen behöriga elever till gymnasiet, minst 90 %")).lines
    goals, indicators, _ = political(tmp_path, [page], settings=settings)
    safe, school = "Invånarna ska känna sig trygga i hela kommunen", "Alla elever ska nå sin fulla potential i skolan"
    assert [(g.number, g.title, g.kind) for g in goals] == [("1", safe, "political"), ("2", school, "political")]
    assert _by_text(indicators, goals) == {
        "Andelen invånare som känner sig trygga ska öka": (safe, "increase", None, "percent"),
        "Andelen behöriga elever till gymnasiet, minst 90 %": (school, "target", 90.0, "percent"),
    }
