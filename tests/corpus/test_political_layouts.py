"""Goals, indicators and measures laid out the way other Swedish municipalities and regions
print them: numbered goal headings with indicator bullets, goal/indicator tables whose goal
cell spans several rows, nämndmål under inriktningsmål, financial goals as bullets, task
lists and task tables, a two-column page, and prose or a table of contents that only
mention "mål". Each small PDF runs through the real pipeline (ingest → layout → document
fields → political extraction); the expectations are what an annotator following
../shared/eval/GOLD_FORMAT.md would write."""
from __future__ import annotations

from dataclasses import dataclass, field

import pytest

from pipeline.extract.document_fields import document_fields
from pipeline.extract.indicators import attributes
from pipeline.extract.political import extract_political
from pipeline.extract.sections import Cue, Role, classify, goal_kind_mentioned
from tests.corpus.test_political import generated_layout
from tests.settings_helpers import LEXICON, SETTINGS

TITLE = "Mål och budget 2026–2028"
BODY = 11


@dataclass
class Column:
    """Blocks set one under the other from (x, y): the lines of a block at a normal leading,
    blocks apart by a paragraph gap; list items wrap with a hanging indent."""

    x: float
    y: float = 60
    lines: list[tuple[float, float, float, str]] = field(default_factory=list)

    def add(self, size: float, *texts: str, indent: float = 0) -> Column:
        for n, text in enumerate(texts):
            self.lines.append((self.x + (indent if n else 0), self.y, size, text))
            self.y += size * 1.3
        self.y += size
        return self

    def bullet(self, *texts: str) -> Column:
        return self.add(BODY, f"• {texts[0]}", *texts[1:], indent=10)


def political(tmp_path, pages):
    """Goals, indicators, measures of a generated budget, read as the extract stage reads it."""
    doc = generated_layout(tmp_path / "plan.pdf", pages, title=TITLE)
    fields = document_fields(doc, SETTINGS)
    assert fields.doc_type == "budget"
    return extract_political(doc, SETTINGS, fields.doc_type)


FILLER = (Column(60)
          .add(18, "Kommunens ekonomi")
          .add(BODY, "Kommunens ekonomi är stabil men utmaningarna växer under planperioden. Antalet",
               "äldre ökar snabbare än befolkningen i arbetsför ålder, och kostnaderna för",
               "lokaler och löner stiger. Skatteunderlaget väntas växa långsammare än tidigare.")
          .add(BODY, "Budgeten bygger på skatteunderlagsprognosen från Sveriges Kommuner och",
               "Regioner och på befolkningsprognosen för kommunen. Nämnderna får en",
               "uppräkning av sina ramar för löner och priser.")).lines


def grid(y: float, xs: list[float], rows: list[tuple[str, ...]], size: float = 9, pitch: float = 26,
         leading: float = 11) -> list[tuple[float, float, float, str]]:
    """A borderless table: one tuple per row, a cell's lines separated by "\\n"."""
    out = []
    for n, row in enumerate(rows):
        for x, cell in zip(xs, row):
            for k, text in enumerate(cell.split("\n") if cell else []):
                out.append((x, y + n * pitch + k * leading, size, text))
    return out


# -- 1. numbered goal headings, each with a paragraph and "Indikatorer:" bullets -------------------


def _numbered_goals_page() -> list[tuple[float, float, float, str]]:
    return (Column(60)
           .add(18, "Kommunfullmäktiges mål")
           .add(14, "Mål 1: Invånarna ska känna sig trygga i hela kommunen")
           .add(BODY, "Tryggheten ska öka i alla delar av kommunen, både på dagtid och på kvällstid,",
                "och särskilt i de områden där otryggheten i dag är störst.")
           .add(BODY, "Indikatorer:")
           .bullet("Andelen invånare som känner sig trygga i sitt bostadsområde ska öka")
           .bullet("Antalet anmälda våldsbrott per 1 000 invånare ska minska")
           .add(14, "Mål 2: Alla elever ska nå sin fulla potential i skolan")
           .add(BODY, "Skolan ska ge varje elev stöd och stimulans att utvecklas så långt som möjligt.")
           .add(BODY, "Indikatorer:")
           .bullet("Andelen elever med gymnasieexamen inom fyra år, målvärde 2026: 85 %")
           .bullet("Andelen behöriga elever till gymnasiet ska vara oförändrad")).lines


def test_numbered_goal_headings_with_paragraph_and_indicator_bullets(tmp_path):
    goals, indicators, measures = political(tmp_path, [_numbered_goals_page()])
    assert [(g.number, g.title, g.kind) for g in goals] == [
        ("1", "Invånarna ska känna sig trygga i hela kommunen", "political"),
        ("2", "Alla elever ska nå sin fulla potential i skolan", "political"),
    ]
    g1, g2 = goals[0].goal_id, goals[1].goal_id
    assert [(i.goal_id, i.direction, i.unit, i.target_value) for i in indicators] == [
        (g1, "increase", "percent", None),
        (g1, "decrease", "per_capita", None),
        (g2, "target", "percent", 85.0),
        (g2, "maintain", "percent", None),
    ]
    assert indicators[1].text == "Antalet anmälda våldsbrott per 1 000 invånare ska minska"
    assert measures == []


def test_target_value_after_a_year_is_the_value_not_the_year():
    """"Målvärde 2026: 85 %": 2026 dates the target, 85 is the target."""
    attrs = attributes(LEXICON, "Andelen elever med gymnasieexamen inom fyra år, målvärde 2026: 85 %")
    assert (attrs.direction, attrs.target_value, attrs.unit) == ("target", 85.0, "percent")


def test_target_on_its_own_line_under_the_indicator(tmp_path):
    """The target set on a line of its own below the indicator bullet qualifies that indicator."""
    page = (Column(60)
            .add(16, "Mål 1. Alla elever ska nå sin fulla potential i skolan")
            .add(13, "Indikatorer")
            .bullet("Andelen elever med gymnasieexamen inom fyra år")
            .add(BODY, "Målvärde 2026: 85 %")
            .bullet("Andelen behöriga elever till gymnasiet ska vara oförändrad")).lines
    goals, indicators, _ = political(tmp_path, [page])
    assert [(i.text, i.goal_id, i.direction, i.target_value, i.unit) for i in indicators] == [
        ("Andelen elever med gymnasieexamen inom fyra år", goals[0].goal_id, "target", 85.0, "percent"),
        ("Andelen behöriga elever till gymnasiet ska vara oförändrad", goals[0].goal_id, "maintain", None, "percent"),
    ]


# -- 2. a goal table whose goal cell spans several indicator rows ----------------------------------

GOAL_TABLE = [
    ("Mål", "Indikator", "Utgångsläge", "Målvärde 2026"),
    ("Fler invånare ska ha\nett arbete", "Andel förvärvsarbetande 20–64 år", "78 %", "80 %"),
    ("", "Antal nystartade företag per 1 000 invånare", "4,1", "5,0"),
    ("Kommunens klimatpåverkan\nska minska", "Växthusgasutsläpp, ton per invånare", "3,9", "3,0"),
    ("", "Andel fossilfria fordon i kommunens flotta", "62 %", "100 %"),
]


def test_goal_table_with_goal_cell_on_first_row_only(tmp_path):
    page = Column(50).add(16, "Mål och indikatorer").add(
        BODY, "Tabellen visar fullmäktiges mål med indikatorer och målvärden för 2026.").lines
    page += grid(150, [50, 190, 400, 480], GOAL_TABLE)
    goals, indicators, measures = political(tmp_path, [FILLER, page])
    assert [(g.title, g.kind) for g in goals] == [
        ("Fler invånare ska ha ett arbete", "political"), ("Kommunens klimatpåverkan ska minska", "political")]
    titles = {g.goal_id: g.title for g in goals}
    assert [(i.text, titles.get(i.goal_id), i.direction, i.target_value, i.unit) for i in indicators] == [
        ("Andel förvärvsarbetande 20–64 år", "Fler invånare ska ha ett arbete", "target", 80.0, "percent"),
        ("Antal nystartade företag per 1 000 invånare", "Fler invånare ska ha ett arbete", "target", 5.0, "per_capita"),
        ("Växthusgasutsläpp, ton per invånare", "Kommunens klimatpåverkan ska minska", "target", 3.0, "per_capita"),
        (
            "Andel fossilfria fordon i kommunens flotta", "Kommunens klimatpåverkan ska minska",
            "target", 100.0, "percent",
        ),
    ]
    assert measures == []


# -- 3. nämndmål of a named nämnd under inriktningsmål ------------------------------------------------


def _namndmal_page() -> list[tuple[float, float, float, str]]:
    return (Column(60)
            .add(18, "Inriktningsmål")
            .add(14, "Inriktningsmål 1: Invånarna ska ha en god och jämlik hälsa")
            .add(12.5, "Socialnämndens mål")
            .bullet("Fler personer med försörjningsstöd ska gå vidare till arbete eller studier")
            .bullet("Den enskildes inflytande över insatserna i äldreomsorgen ska öka")
            .add(14, "Inriktningsmål 2: Näringslivet ska vara hållbart och konkurrenskraftigt")
            .add(12.5, "Bygg- och miljönämndens mål")
            .bullet("Handläggningstiden för bygglov ska vara högst fyra veckor")).lines


NAMNDMAL = ["Invånarna ska ha en god och jämlik hälsa",
            "Fler personer med försörjningsstöd ska gå vidare till arbete eller studier",
            "Den enskildes inflytande över insatserna i äldreomsorgen ska öka",
            "Näringslivet ska vara hållbart och konkurrenskraftigt",
            "Handläggningstiden för bygglov ska vara högst fyra veckor"]


def test_namndmal_under_inriktningsmal_are_political_goals(tmp_path):
    goals, indicators, measures = political(tmp_path, [_namndmal_page()])
    assert [(g.number, g.title, g.kind) for g in goals] == [
        ("1", NAMNDMAL[0], "political"), (None, NAMNDMAL[1], "political"), (None, NAMNDMAL[2], "political"),
        ("2", NAMNDMAL[3], "political"), (None, NAMNDMAL[4], "political")]
    assert indicators == [] and measures == []


def test_namndmal_are_nested_under_their_inriktningsmal(tmp_path):
    goals, _, _ = political(tmp_path, [_namndmal_page()])
    by_title = {g.title: g for g in goals}
    parent = {t: by_title[t].parent_goal_id for t in NAMNDMAL if t in by_title}
    first, second = by_title[NAMNDMAL[0]].goal_id, by_title[NAMNDMAL[3]].goal_id
    assert parent == {NAMNDMAL[0]: None, NAMNDMAL[1]: first, NAMNDMAL[2]: first,
                      NAMNDMAL[3]: None, NAMNDMAL[4]: second}


# -- 4. financial goals as a bullet list ----------------------------------------------------------------

FINANCIAL = ["Resultatet ska uppgå till minst 2 % av skatter och statsbidrag",
             "Investeringarna i skattefinansierad verksamhet ska finansieras med egna medel",
             "Låneskulden per invånare ska inte överstiga 40 000 kronor"]


def test_financial_goals_as_bullets(tmp_path):
    col = (Column(60)
           .add(18, "Finansiella mål")
           .add(BODY, "Kommunfullmäktige har fastställt följande finansiella mål för planperioden:"))
    for goal in FINANCIAL:
        col.bullet(goal)
    col.add(18, "Driftbudget").add(BODY, "Nämndernas ramar för 2026 framgår av sammanställningen nedan.")
    goals, indicators, measures = political(tmp_path, [col.lines])
    assert [(g.title, g.kind, g.number) for g in goals] == [(t, "financial", None) for t in FINANCIAL]
    assert indicators == [] and measures == []  # the thresholds belong to the goals


# -- 5. measures: numbered tasks with "(Ansvarig: …)", a task table, tasks addressed in the sentence --


def _numbered_tasks_page() -> list[tuple[float, float, float, str]]:
    return (Column(60)
            .add(18, "Uppdrag till nämnderna")
            .add(BODY, "1. Ta fram en plan för minskad energianvändning i kommunens lokaler",
                 "(Ansvarig: Kommunstyrelsen)", indent=14)
            .add(BODY, "2. Utreda hur socialnämnden och skolan kan samverka kring barn i behov av",
                 "särskilt stöd (Ansvarig: Barn- och utbildningsnämnden)", indent=14)
            .add(BODY, "3. Införa digitala ansökningar för alla bygglov (Ansvarig: Bygg- och miljönämnden)")
            .add(18, "Driftbudget")
            .add(BODY, "Nämndernas ramar för 2026 framgår av sammanställningen nedan.")).lines


def test_numbered_tasks_with_responsible_in_parentheses(tmp_path):
    goals, indicators, measures = political(tmp_path, [_numbered_tasks_page()])
    assert [m.text.split(" (Ansvarig")[0] for m in measures] == [
        "Ta fram en plan för minskad energianvändning i kommunens lokaler",
        "Utreda hur socialnämnden och skolan kan samverka kring barn i behov av särskilt stöd",
        "Införa digitala ansökningar för alla bygglov",
    ]
    assert all(m.section == "Uppdrag till nämnderna" for m in measures)
    assert goals == [] and indicators == []


def test_responsible_in_parentheses_names_the_body_not_others_mentioned(tmp_path):
    """"(Ansvarig: X)" names who carries out the task; a body the task merely mentions
    ("hur socialnämnden och skolan kan samverka") is not responsible."""
    _, _, measures = political(tmp_path, [_numbered_tasks_page()])
    assert [m.responsible for m in measures] == [
        "Kommunstyrelsen", "Barn- och utbildningsnämnden", "Bygg- och miljönämnden"]


TASK_TABLE = [
    ("Uppdrag", "Ansvarig nämnd", "Klart"),
    ("Ta fram en ny lokalförsörjningsplan", "Kommunstyrelsen", "2026"),
    ("Inventera behovet av särskilda boenden", "Socialnämnden", "2027"),
    ("Se över taxan för bygglov", "Bygg- och miljönämnden", "2026"),
]


def test_task_table_with_responsible_and_deadline_columns(tmp_path):
    page = Column(50).add(16, "Uppdrag under planperioden").add(
        BODY, "Fullmäktige ger nämnderna följande uppdrag för perioden.").lines
    page += grid(150, [60, 330, 490], TASK_TABLE, size=BODY, pitch=24)
    goals, indicators, measures = political(tmp_path, [FILLER, page])
    assert [(m.text, m.responsible, m.section) for m in measures] == [
        (task, body, "Uppdrag under planperioden") for task, body, _ in TASK_TABLE[1:]]
    assert goals == [] and indicators == []


def test_sentence_introducing_a_task_table_is_not_a_task(tmp_path):
    """Under a measures heading, the sentence that introduces the task table gives no task."""
    page = Column(60).add(16, "Uppdrag under planperioden").add(
        BODY, "Fullmäktige ger nämnderna följande uppdrag för perioden.").lines
    page += grid(150, [60, 330], [row[:2] for row in TASK_TABLE], size=BODY, pitch=24)
    _, _, measures = political(tmp_path, [FILLER, page])
    assert [(m.text, m.responsible) for m in measures] == [(task, body) for task, body, _ in TASK_TABLE[1:]]


def _directed_tasks_page(*tasks: str) -> list[tuple[float, float, float, str]]:
    col = Column(60).add(18, "Riktade uppdrag")
    for task in tasks:
        col.add(BODY, task)
    return col.add(18, "Driftbudget").add(BODY, "Nämndernas ramar för 2026 framgår av sammanställningen nedan.").lines


def test_directed_tasks_name_the_body_in_the_sentence(tmp_path):
    tasks = ["Socialnämnden får i uppdrag att ta fram en handlingsplan mot hemlöshet.",
             "Barn- och utbildningsnämnden får i uppdrag att minska de administrativa kostnaderna.",
             "Kommunstyrelsen får i uppdrag att utreda formerna för en ny återvinningscentral."]
    goals, indicators, measures = political(tmp_path, [_directed_tasks_page(*tasks)])
    assert [(m.text, m.responsible, m.section) for m in measures] == [
        (tasks[0], "Socialnämnden", "Riktade uppdrag"),
        (tasks[1], "Barn- och utbildningsnämnden", "Riktade uppdrag"),
        (tasks[2], "Kommunstyrelsen", "Riktade uppdrag")]
    assert goals == [] and indicators == []


def test_directed_task_partner_is_not_responsible(tmp_path):
    """"Kommunstyrelsen får i uppdrag att tillsammans med samhällsbyggnadsnämnden …": the body
    given the task is responsible, the partner it works with is not."""
    task = "Kommunstyrelsen får i uppdrag att tillsammans med samhällsbyggnadsnämnden utreda en ny återvinningscentral."
    _, _, measures = political(tmp_path, [_directed_tasks_page(task)])
    assert [m.responsible for m in measures] == ["Kommunstyrelsen"]


# -- 6. goals running from the left column into the right column ----------------------------------------

LEFT_GOALS = [("Alla barn och unga ska ha en trygg uppväxt", "och en god start i livet"),
              ("Invånarna ska ha goda möjligheter till", "arbete och egen försörjning"),
              ("Kommunen ska ha ett rikt kultur- och", "föreningsliv för alla åldrar")]
RIGHT_GOALS = [("Kommunens klimatpåverkan ska minska", "varje år under hela planperioden"),
               ("Äldre ska kunna leva ett aktivt och", "självständigt liv med god omsorg")]


def test_goals_continue_from_left_to_right_column(tmp_path):
    left = (Column(50)
            .add(16, "Styrmodell")
            .add(BODY, "Kommunens styrmodell utgår från visionen",
                 "och från de mål som fullmäktige beslutar",
                 "om. Nämnderna bryter ned målen i sina",
                 "egna verksamhetsplaner och följer upp dem.")
            .add(16, "Kommunfullmäktiges mål")
            .add(BODY, "Fullmäktige har beslutat om följande mål",
                 "för hela planperioden 2026–2028:"))
    for goal in LEFT_GOALS:
        left.bullet(*goal)
    right = Column(315)
    for goal in RIGHT_GOALS:
        right.bullet(*goal)
    right.add(14, "Finansiella mål").bullet(
        "Resultatet ska uppgå till minst 2 % av", "skatter och generella statsbidrag"
    )
    right.add(14, "Uppföljning").add(BODY, "Målen följs upp i delårsrapporten och i",
                                      "årsredovisningen, där fullmäktige får en",
                                      "samlad bedömning av hur kommunen har",
                                      "lyckats nå sina mål under året som gått.")
    goals, indicators, measures = political(tmp_path, [left.lines + right.lines])
    assert [(g.title, g.kind) for g in goals] == [
        *((" ".join(g), "political") for g in LEFT_GOALS + RIGHT_GOALS),
        ("Resultatet ska uppgå till minst 2 % av skatter och generella statsbidrag", "financial")]
    assert all(g.page == 1 for g in goals)
    assert indicators == [] and measures == []


def test_goal_cue_heading_above_financial_goals_is_not_their_focus_area(tmp_path):
    """"Finansiella mål" set as a sub-heading of "Kommunfullmäktiges mål": the heading above
    is a goal cue, not a vision focus area or perspective."""
    page = (Column(60)
            .add(18, "Kommunfullmäktiges mål")
            .bullet("Alla barn och unga ska ha en trygg uppväxt")
            .add(14, "Finansiella mål")
            .bullet(FINANCIAL[0])).lines
    goals, _, _ = political(tmp_path, [page])
    assert [(g.title, g.kind, g.focus_area) for g in goals] == [
        ("Alla barn och unga ska ha en trygg uppväxt", "political", None), (FINANCIAL[0], "financial", None)]


# -- 7. negative controls: "mål" in prose and in a table of contents --------------------------------------

PROSE_PAGE = (Column(60)
              .add(18, "Inledning")
              .add(BODY, "Målet med dokumentet är att ge en samlad bild av kommunens ekonomi och",
                   "verksamhet inför de kommande tre åren.")
              .add(BODY, "Arbetet med den nya översiktsplanen är ännu inte i mål, men en första",
                   "version presenteras under hösten. Vi når målen genom ett nära samarbete",
                   "mellan nämnderna och de kommunala bolagen.")).lines


def test_prose_mentioning_mal_yields_nothing(tmp_path):
    assert political(tmp_path, [PROSE_PAGE]) == ([], [], [])


def test_list_after_a_sentence_with_i_mal_is_not_goals(tmp_path):
    """"För att komma i mål med omställningen krävs att:" announces conditions, not goals."""
    page = (Column(60)
            .add(18, "Omställning")
            .add(BODY, "För att komma i mål med omställningen krävs att:")
            .bullet("verksamheterna samverkar mer över förvaltningsgränserna")
            .bullet("lokalerna används mer effektivt")).lines
    assert political(tmp_path, [page]) == ([], [], [])


TOC = [("Inledning", "2"), ("Kommunfullmäktiges mål", "3"), ("Mål 1: Trygghet i hela kommunen", "3"),
       ("Mål 2: Ett hållbart näringsliv", "4"), ("Finansiella mål", "5"), ("Uppdrag till nämnderna", "6")]


def test_table_of_contents_listing_goal_headings_yields_nothing(tmp_path):
    toc = [(60, 60, 18, "Innehåll")] + [
        (60, 110 + 22 * n, BODY, f"{entry} {'.' * (60 - len(entry))} {page}") for n, (entry, page) in enumerate(TOC)]
    assert political(tmp_path, [toc, PROSE_PAGE]) == ([], [], [])


# -- 8. wording: target years, responsibility labels, partners, idioms ------------------------------------


@pytest.mark.parametrize("text", ["Andelen elever med gymnasieexamen, målvärde 2026", "Målvärde 2026"])
def test_a_year_alone_after_the_target_label_is_no_target(text):
    """"Målvärde 2026" dates a target it does not state: no target value (never 2026)."""
    assert attributes(LEXICON, text).target_value is None


@pytest.mark.parametrize(("text", "responsible"), [
    ("Kommunstyrelsen ska i samarbete med socialnämnden och kulturnämnden ta fram en plan.", "Kommunstyrelsen"),
    ("Socialnämnden ska med stöd av kommunstyrelsen utveckla hemtjänsten.", "Socialnämnden"),
    ("Utreda hur socialnämnden kan samverka med skolan (Ansvarig: rektor)", None),
    ("Ta fram en plan (Huvudansvarig: Kommunstyrelsen, Socialnämnden)", "Kommunstyrelsen, Socialnämnden"),
])
def test_responsible_is_the_labelled_or_tasked_body_not_a_partner(text, responsible):
    assert LEXICON.bodies.responsible(text) == responsible


@pytest.mark.parametrize(("text", "kind"), [
    ("Vi når målen genom att:", None),
    ("Målet med satsningen är att:", None),
    ("Nämnden har följande finansiella mål:", "financial"),
    ("Fullmäktige har beslutat om följande mål för perioden:", "political"),
])
def test_goal_idioms_announce_no_goals(text, kind):
    assert goal_kind_mentioned(LEXICON, text) == kind


@pytest.mark.parametrize(("heading", "cue"), [
    ("Socialnämndens mål", Cue(Role.GOALS, "political")),
    ("Kultur- och fritidsnämndens finansiella mål", Cue(Role.GOALS, "financial")),
    ("Socialnämndens uppdrag", None),  # a nämnd's own mandate, not tasks given to it
    ("Nämndens mål", None),  # names no body
])
def test_a_named_bodys_goals_heading_is_a_goal_cue(heading, cue):
    assert classify(LEXICON, heading) == cue
