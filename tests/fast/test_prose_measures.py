"""Measures stated in prose: the grammar that tells a sentence stating an insats from one that
frames, aims or reports (pipeline/text/clauses.py), the rules that trust it only where the
structure says prose follows a goal up (extract/rules/prose.py), and the assembler reading a
goal follow-up. Sentences are written for these tests in several constructions, most of them
not from the corpus."""
from __future__ import annotations

import pytest

from pipeline.extract.assemble import assemble
from pipeline.extract.rules.context import Section
from pipeline.extract.rules.registry import REGISTRY, FollowUp, Goal, Measure, Open
from pipeline.extract.sections import Item, Role
from tests.settings_helpers import LEXICON, rule_context

BOX = (70.0, 100.0, 400.0, 112.0)


def heading(text: str, level: int) -> Item:
    return Item(kind="heading", text=text, page=2, level=level, bbox=BOX)


def para(text: str, **kw) -> Item:
    return Item(kind="paragraph", text=text, page=2, bbox=BOX, **kw)


def bullet(text: str) -> Item:
    return Item(kind="list_item", text=text, page=2, marker="•", bbox=BOX)


@pytest.mark.parametrize(
    "sentence",
    [
        "Under 2026 införs en ny rutin för övergångar mellan förskolor.",  # s-passive present
        "Till hösten planeras en workshop för rektorer och specialpedagoger.",
        "Samtliga skolgårdar ses över under året.",  # particle verb
        "En handlingsplan för digitalisering tas nu fram av förvaltningen.",  # particle after an adverb
        "Under våren har en enkät till alla vårdnadshavare genomförts.",  # perfect passive
        "Utifrån beslutet har förvaltningen därför upphandlat nya lärplattor.",  # perfect active
        "Det pågår en översyn av ledningsorganisationen.",
        "Ett arbete med att korta handläggningstiderna pågår inom socialtjänsten.",
        "Kulturskolan kommer att flyttas till nya lokaler i centrum.",  # future with an infinitive
        "Två fritidsgårdar planeras att avvecklas under 2027.",
        "Fastighetsbolaget bygger ut vattenverket i Sollebrunn.",  # actor + active present
        "Webbplatsen vidareutvecklas och redaktionen utökas.",  # a compound verb
        "Nämnden föreslås beställa en förstudie av simhallen.",
        "Rutinerna för inskrivning behöver utredas vidare under planperioden.",
        "Under hösten sker en kompetenshöjande insats för alla lärare i fritidshem.",  # a light verb + action noun
    ],
)
def test_sentences_stating_an_insats_carried_out_planned_or_going_on(sentence):
    assert LEXICON.clauses.states_action(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "Syftet är att fler elever ska fullfölja gymnasiet.",  # an aim noun before "är"
        "Målet med satsningen är att införa digitala blanketter i alla verksamheter.",
        "Förvaltningens arbete under året inriktas på att stärka det särskilda stödet.",  # framing verb first
        "Arbetet syftar till att en ny rutin genomförs på alla enheter.",
        "Insatserna har bidragit till att färre elever har hög frånvaro.",  # result
        "Satsningen har lett till att fler ungdomar har fått sommarjobb.",
        "Ett tjugotal familjer har fått stöd genom föräldragrupper som genomförs varje termin.",
        "Från och med 2030 minskar kapaciteten när paviljongerna avvecklas.",  # a change, then a subordinate clause
        "Vi behöver följa hur elevunderlaget utvecklas i tätorten.",  # the verb of an indirect question
        "Utifrån resultatet kan större åtgärder prövas i kommande planering.",  # only possible
        "Eventuella justeringar bör genomföras successivt.",
        "För att stärka kompetensen i förskolan.",  # a purpose infinitive alone
        "De pågående insatserna och genomförda kartläggningarna redovisas i bilagan.",  # participles
        "Lokalerna bedömdes ha god potential att omvandlas till skollokaler.",  # framing verb in the preterite
        "Elevantalet i förskoleklass är fortsatt stabilt under perioden.",
        "Budgeten bygger på de ekonomiska ramar som fullmäktige beslutar om.",  # a framing verb with its particle
        "Samtidigt sker förändringar i förskolestrukturen i hela kommunen.",  # the light verb with no action noun
    ],
)
def test_framing_aims_results_and_descriptions_state_no_measure(sentence):
    assert not LEXICON.clauses.states_action(sentence)


@pytest.mark.parametrize(
    ("sentence", "actor"),
    [
        ("Huvudmannen genomför därför en kartläggning av rektorernas förutsättningar.", "Huvudmannen"),
        ("Ledningsgruppen fortsätter att arbeta med de organisatoriska förutsättningarna.", "Ledningsgruppen"),
        ("Under våren genomförs en kartläggning av rektorernas förutsättningar.", None),  # passive
        ("Det pågår en översyn av ledningsorganisationen.", None),  # a pronoun
        ("Parallellt deltar lärarna i en utbildning i matematikdidaktik.", None),  # a fronted adverbial
    ],
)
def test_the_actor_is_the_definite_subject_opening_an_active_sentence(sentence, actor):
    assert LEXICON.clauses.actor(sentence) == actor


FOLLOW_UP = rule_context(follow_up=3, headings=((3, "Tidiga insatser"),))


def test_sentences_of_a_goal_follow_up_that_state_an_insats_are_measures():
    text = ("Förvaltningens arbete under året inriktas på det särskilda stödet. Under våren genomförs "
            "uppföljningar av skolornas handlingsplaner. Målet är att alla skolor ska ha fungerande rutiner. "
            "Till hösten planeras en workshop för specialpedagoger.")
    found = REGISTRY["measure_stated_in_prose"](para(text), FOLLOW_UP)
    assert found is not None and all(isinstance(f, Measure) for f in found.facts)
    assert [f.text for f in found.facts] == ["Under våren genomförs uppföljningar av skolornas handlingsplaner.",
                                             "Till hösten planeras en workshop för specialpedagoger."]
    assert {f.section for f in found.facts} == {"Tidiga insatser"}


def test_prose_outside_a_follow_up_or_inside_a_list_states_no_measure_by_grammar():
    text = "Budgetdialoger genomförs i oktober med samtliga nämnder."
    assert REGISTRY["measure_stated_in_prose"](para(text), rule_context()) is None
    listed = rule_context(follow_up=3, section=Section(Role.GOALS, "political", 3, "Mål"))
    assert REGISTRY["measure_stated_in_prose"](para(text), listed) is None
    assert REGISTRY["measure_stated_in_prose"](para("Under våren genomförs en kartläggning av"), FOLLOW_UP) is None
    listing = rule_context(follow_up=3, measures_listed=True)  # the document lists its measures
    assert REGISTRY["measure_stated_in_prose"](para(text), listing) is None


@pytest.mark.parametrize(
    ("text", "named"),
    [
        ('Chefsgruppen ser över bemanningen. En konkret åtgärd är ledningens "köksmöten" varje vecka.',
         'En konkret åtgärd är ledningens "köksmöten" varje vecka.'),
        ("Ytterligare en åtgärd är att införa fasta mötestider för chefer.",
         "Ytterligare en åtgärd är att införa fasta mötestider för chefer."),
        ("De åtgärder som är möjliga inom befintliga ramar genomförs.", None),  # "är" of a relative clause
        ("Det viktigaste för förvaltningen är att åtgärderna följs upp.", None),  # no measure subject
        ("Den ekonomiska aktiviteten är nedreviderad i år och nästa år.", None),  # a definite subject
        ("Uppdrag och nyckeltal är formulerade utifrån verksamheternas förutsättningar.", None),  # a plural one
    ],
)
def test_a_measure_cue_as_subject_names_a_measure_anywhere_outside_a_list(text, named):
    found = REGISTRY["measure_named_in_prose"](para(text), rule_context())
    assert (found.facts[0].text if found else None) == named


def test_a_sentence_announcing_tasks_opens_the_measures_list_below_it():
    text = "Arbetet följs upp årligen. Under kommande år prioriteras särskilt följande uppdrag:"
    opened = REGISTRY["measure_intro_sentence"](para(text), rule_context(following=bullet("Ny förskola i Noltorp")))
    assert opened is not None and isinstance(opened.facts[0], Open) and opened.facts[0].section.role is Role.MEASURES
    assert REGISTRY["measure_intro_sentence"](para(text), rule_context(following=para("Mer text."))) is None
    plain = "Under kommande år prioriteras särskilt följande områden:"
    assert REGISTRY["measure_intro_sentence"](para(plain), rule_context(following=bullet("Skolor"))) is None


def test_a_goal_card_starts_the_follow_up_of_its_heading_level():
    card = para("Det förebyggande arbetet med tidiga insatser i förskolan fortsätter under året.",
                filled=True, bold=True)
    found = REGISTRY["goal_card"](card, rule_context(previous=heading("Tidiga insatser", 3), card_series=True))
    assert found is not None and isinstance(found.facts[0], Goal) and found.facts[1] == FollowUp(3)


def test_the_follow_up_of_goal_cards_is_read_as_measures_until_a_higher_heading():
    """A follow-up report: area headings with a goal card each, prose about the work done for
    it, then a summary chapter restating it. Without the rule no measure is read."""
    stream = [
        heading("Uppföljning per område", 2),
        para("Varje område beskrivs utifrån nämndens inriktning. Det pågår utvecklingsarbeten vid varje skola."),
        heading("Tidiga insatser", 3),
        para("Det förebyggande arbetet med tidiga insatser i förskolan fortsätter under året.", filled=True,
             bold=True),
        para("Arbetet inriktas på barn i behov av stöd. Under 2026 införs en särskild resurs för barn med "
             "omfattande stödbehov. Syftet är att stödet ska bli mer likvärdigt."),
        heading("Rektors ledarskap", 3),  # a sibling area without a card of its own
        para("Huvudmannen genomför en kartläggning av rektorernas förutsättningar."),
        heading("Sammanfattning", 2),
        para("Under 2026 införs en särskild resurs och en kartläggning genomförs."),
    ]
    read = assemble("d", stream, rule_context(card_series=True))  # its other areas' cards are left out here
    assert [m.text for m in read.measures] == [
        "Under 2026 införs en särskild resurs för barn med omfattande stödbehov.",
        "Huvudmannen genomför en kartläggning av rektorernas förutsättningar.",
    ]
    assert {m.rule for m in read.measures} == {"measure_stated_in_prose"}
    assert read.measures[0].goal_id == read.goals[0].goal_id


@pytest.mark.parametrize("goal_heading, chapter_level", [(2, 2), (3, 2), (2, 1)])
def test_a_goal_ends_with_its_chapter_and_measures_of_a_later_chapter_link_to_none(goal_heading, chapter_level):
    """A budget lists its financial goals in one chapter and its uppdrag in later ones: the
    uppdrag belong to no goal of the earlier chapter. A goal's sub-headings stay with it."""
    stream = [
        heading("Mål för god ekonomisk hushållning", goal_heading),
        para("Följande finansiella mål gäller:"),
        bullet("Soliditeten ska vara minst 40 procent."),
        heading("Indikatorer", goal_heading + 1),
        bullet("Soliditet, andel (%)"),
        heading("Tillväxt", chapter_level),
        heading("Uppdrag", chapter_level + 1),
        bullet("Kommunstyrelsen får i uppdrag att ta fram en näringslivsstrategi."),
    ]
    read = assemble("d", stream, rule_context())
    assert [g.title for g in read.goals] == ["Soliditeten ska vara minst 40 procent."]
    assert [(i.text, i.goal_id) for i in read.indicators] == [("Soliditet, andel (%)", read.goals[0].goal_id)]
    assert [(m.text, m.goal_id) for m in read.measures] == [
        ("Kommunstyrelsen får i uppdrag att ta fram en näringslivsstrategi.", None)]
