"""Cue words by Swedish word formation (compound heads, participles, alternatives), goal cards,
goals stated in prose and tables of financial lines, on hand-built items: compounds and
phrasings that no config list names."""
from __future__ import annotations

import pytest

from pipeline.extract.rules import REGISTRY
from pipeline.extract.rules.context import Context, Section
from pipeline.extract.rules.registry import FollowUp, Goal, Header, Label
from pipeline.extract.sections import Cue, Item, Role, classify
from pipeline.layout.boxes import FilledBox, mark_filled
from pipeline.model import Block, BlockKind
from pipeline.text.lexicon import lemmas
from tests.settings_helpers import LEXICON, rule_context

BOX = (77.0, 430.0, 518.0, 496.0)


@pytest.mark.parametrize(
    ("word", "head"),
    [
        ("hållbarhetsmålen", "mål"),
        ("klimatmål", "mål"),
        ("kvalitetsindikatorerna", "indikator"),
        ("nöjdhetsindikator", "indikator"),
        ("styrtalen", "tal"),
        ("effektmåtten", "mått"),
        ("utredningsuppdragen", "uppdrag"),
        ("besparingsåtgärder", "åtgärd"),
    ],
)
def test_a_compound_no_list_names_is_read_as_its_head(word, head):
    assert LEXICON.compounds.head(word) == lemmas(head)[0]


@pytest.mark.parametrize(
    "word", ["ändamål", "klagomålen", "ramavtal", "antal", "kapitalet", "målgrupp", "måltid", "flertal", "medelantal"]
)
def test_words_that_only_look_like_a_compound_of_a_head_are_not(word):
    assert LEXICON.compounds.head(word) is None


@pytest.mark.parametrize(
    ("text", "role", "kind"),
    [
        ("Hållbarhetsmål", Role.GOALS, "political"),
        ("Resultatmålen", Role.GOALS, "political"),
        ("Kvalitetsindikatorer", Role.INDICATORS, None),
        ("Styrtal", Role.INDICATORS, None),
        ("Vidtagna åtgärder", Role.MEASURES, None),
        ("Pågående/planerade åtgärder", Role.MEASURES, None),
        ("Mått/nyckeltal", Role.INDICATORS, None),
        ("Utredningsuppdrag", Role.MEASURES, None),
    ],
)
def test_labels_by_compound_head_participle_and_alternatives(text, role, kind):
    assert classify(LEXICON, text) == Cue(role, kind)


@pytest.mark.parametrize("text", ["Mål/Uppdrag", "Kommunövergripande mål", "Ändamål", "Antal", "Avtal"])
def test_mixed_alternatives_and_adjectives_before_a_goal_are_no_cue(text):
    assert classify(LEXICON, text) is None


def _card(text: str = "Det långsiktiga arbetet med tidiga insatser för att elever ska klara proven fortsätter.",
          **kw) -> Item:
    return Item(kind="paragraph", text=text, page=3, bold=kw.pop("bold", True), filled=kw.pop("filled", True),
                bbox=BOX, **kw)


def _label(name: str, item: Item, context: Context) -> Label | None:
    return REGISTRY[name](item, context)


AREA = Item(kind="heading", text="Tidiga insatser: särskilt stöd i förskolan", page=3, level=6, bbox=BOX)
PROSE = Item(kind="paragraph", text="Arbetet med tidiga insatser inriktas under året …", page=3, bbox=BOX)


def _series(**fields) -> Context:
    """A context in a document that sets several goal cards."""
    return rule_context(card_series=True, **fields)


def test_goal_card_is_a_goal_of_the_area_its_heading_names():
    found = _label("goal_card", _card(), _series(previous=AREA, following=PROSE))
    assert found is not None and found.rule == "goal_card" and found.bbox == BOX
    stated, follow_up = found.facts
    assert isinstance(stated, Goal) and stated.focus == AREA.text and stated.kind == "political"
    assert follow_up == FollowUp(AREA.level)  # the prose under its heading follows the goal up


@pytest.mark.parametrize(
    ("item", "context"),
    [
        (_card(), _series(previous=Item(kind="heading", text="Orsak", page=3, filled=True), following=PROSE)),
        (_card(), _series(previous=AREA, following=_card("Konsekvenser för verksamheten"))),
        (_card("Vidtagna åtgärder"), _series(previous=AREA, following=PROSE)),
        (_card(bold=False), _series(previous=AREA, following=PROSE)),
        (_card(filled=False), _series(previous=AREA, following=PROSE)),
        (_card(), _series(previous=PROSE, following=PROSE)),
        (_card(), _series(previous=AREA, following=PROSE, section=Section(Role.MEASURES, None, 3, "Uppdrag"))),
        (_card(), rule_context(previous=AREA, following=PROSE, card_series=False)),
    ],
    ids=["heading-in-panel", "panel-goes-on", "cue-label", "not-bold", "not-boxed", "not-under-heading",
         "in-measures", "a-lone-box"],
)
def test_callouts_and_panels_are_no_goal_cards(item, context):
    assert _label("goal_card", item, context) is None


def test_goals_stated_in_prose_by_a_qualified_or_owned_goal_noun():
    text = ("Budgeten bygger på ramarna. Det finansiella målet för god ekonomisk hushållning 2027 är ett "
            "positivt resultat på 1 procent av omsättningen. Regionens långsiktiga målsättning är att fullt ut "
            "finansiera investeringar med egna medel.")
    found = _label("goal_stated_in_prose", Item(kind="paragraph", text=text, page=1), rule_context())
    assert found is not None
    assert [(g.title.split()[1], g.kind) for g in found.facts if isinstance(g, Goal)] == [
        ("finansiella", "financial"), ("långsiktiga", "political")]


@pytest.mark.parametrize("text", ["Målet är att alla skolor ska ha tydliga rutiner.",
                                  "De prioriterade målen är politiska prioriteringar som styr verksamheten.",
                                  "Målet med dokumentet är att beskriva processen."])
def test_aims_and_descriptions_of_goals_are_no_goals(text):
    assert _label("goal_stated_in_prose", Item(kind="paragraph", text=text, page=1), rule_context()) is None


def _header(*labels: str) -> Item:
    return Item(kind="row", text="Mått Utfall perioden Prognos helår", page=4, cells=["Mått", "Utfall perioden",
                "Prognos helår"], table=3, header=True, body_labels=labels)


def test_a_table_of_financial_lines_under_a_measure_header_is_read_for_no_indicators():
    found = _label("table_header", _header("Intäkter, inkl kommunbidrag", "Personalkostnader",
                                           "Konsultkostnader", "IT-licenser", "Övriga kostnader"), rule_context())
    assert found is not None and found.facts == (Header((), 3),)


def test_an_indicator_table_keeps_its_indicator_column():
    found = _label("table_header", _header("Antal incidenter lösta inom SLA", "Antal major incidents",
                                           "Nettokostnad per invånare"), rule_context())
    assert found is not None
    (header,) = found.facts
    assert isinstance(header, Header) and header.columns[0] == Cue(Role.INDICATORS)


def _block(text: str, kind: BlockKind, top: float, bold: bool = True) -> Block:
    return Block(kind=kind, text=text, page=3, bbox=(85.0, top, 510.0, top + 11), size=11.0, bold=bold, italic=False)


def test_a_boxed_text_broken_mid_sentence_is_one_filled_block_and_the_text_below_stays_apart():
    blocks = [_block("Det långsiktiga arbetet med tidiga insatser ska klara de", BlockKind.PARAGRAPH, 439),
              _block("nationella proven i svenska och matematik fortsätter.", BlockKind.HEADING, 453),
              _block("Arbetet inriktas under året mot stödet.", BlockKind.PARAGRAPH, 500, bold=False)]
    out = mark_filled(blocks, [FilledBox(3, (77.0, 432.0, 518.0, 496.0))])
    assert [(b.kind, b.filled) for b in out] == [(BlockKind.PARAGRAPH, True), (BlockKind.PARAGRAPH, False)]
    assert out[0].text.endswith("klara de nationella proven i svenska och matematik fortsätter.")


_GOAL_NOUNS = ("målet", "målsättningen", "inriktningen")
_ISSUERS = ("Kommunens", "Regionens", "Nämndens", "Förbundets", "Socialnämndens", "Intraservices")
_OTHERS = ("Skolverkets", "Regeringens", "Trafikverkets", "Folkhälsomyndighetens", "Sveriges")


@pytest.mark.parametrize("noun", _GOAL_NOUNS)
@pytest.mark.parametrize("qualifier", ["nationella", "statliga", "europeiska", "globala", "tidigare", "nya"])
def test_a_goal_qualified_as_someone_elses_is_no_goal_of_the_issuer(qualifier, noun):
    text = f"Den {qualifier} {noun} är att alla barn ska erbjudas förskola nära hemmet."
    assert _label("goal_stated_in_prose", Item(kind="paragraph", text=text, page=1), rule_context()) is None


@pytest.mark.parametrize("noun", _GOAL_NOUNS)
@pytest.mark.parametrize(("owner", "issuer"), [(o, True) for o in _ISSUERS] + [(o, False) for o in _OTHERS])
def test_a_goal_stated_in_prose_is_a_goal_only_when_the_issuer_owns_it(owner, issuer, noun):
    """The issuer by its kind, a nämnd by its name, or the document's organisation; a goal
    owned by an agency or the state is someone else's."""
    text = f"{owner} {noun} är att alla barn ska erbjudas förskola nära hemmet."
    found = _label("goal_stated_in_prose", Item(kind="paragraph", text=text, page=1),
                   rule_context(organisation="Nämnden för Intraservice"))
    assert (found is not None and isinstance(found.facts[0], Goal)) is issuer


@pytest.mark.parametrize("qualifier", ["långsiktiga", "övergripande", "finansiella", "strategiska"])
def test_a_goal_qualified_by_its_kind_or_horizon_is_a_goal(qualifier):
    text = f"Det {qualifier} målet är att verksamheten ska bedrivas inom tilldelad ram."
    assert _label("goal_stated_in_prose", Item(kind="paragraph", text=text, page=1), rule_context()) is not None


def test_cards_are_counted_by_their_shape_in_the_document():
    from pipeline.extract.political import _cards

    other = Item(kind="heading", text="Trygghet", page=4, level=6, bbox=BOX)
    assert _cards([AREA, _card(), PROSE]) == 1  # one box under a heading: no series
    assert _cards([AREA, _card(), PROSE, other, _card(), PROSE]) == 2
    assert _cards([AREA, _card(bold=False), PROSE, other, _card(filled=False)]) == 0
