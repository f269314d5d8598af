"""Each named rule of extract/rules alone, on a hand-built item and context; the priority
order; and the assembler on a hand-built item stream (rows carry their rule and box)."""
from __future__ import annotations

import pytest

from pipeline.extract import rules
from pipeline.extract.assemble import assemble
from pipeline.extract.rules.context import Context, Section
from pipeline.extract.rules.registry import (
    REGISTRY,
    Breakdown,
    Close,
    Goal,
    Header,
    Indicator,
    Label,
    Mark,
    Measure,
    Open,
    Qualifier,
    Tail,
)
from pipeline.extract.sections import Cue, Item, Role
from pipeline.model import GoalRow, IndicatorRow
from tests.settings_helpers import rule_context

BOX = (70.0, 100.0, 400.0, 112.0)


def heading(text: str, level: int = 2) -> Item:
    return Item(kind="heading", text=text, page=3, level=level, bbox=BOX)


def para(text: str, **kw) -> Item:
    return Item(kind="paragraph", text=text, page=3, bbox=BOX, **kw)


def bullet(text: str, marker: str = "•", x0: float = 80.0) -> Item:
    return Item(kind="list_item", text=text, page=3, marker=marker, x0=x0, bbox=BOX)


def row(*cells: str, header: bool = False, table: int = 7) -> Item:
    return Item(kind="row", text=" ".join(c for c in cells if c), page=3, cells=list(cells), table=table,
                header=header, indented=[False] * len(cells), bbox=BOX)


def goal_row(title: str = "Invånarna ska känna sig trygga", goal_id: str = "g001") -> GoalRow:
    return GoalRow(doc_id="d", goal_id=goal_id, kind="political", title=title, page=2, rule="test")


def apply(name: str, item: Item, context: Context | None = None) -> Label | None:
    return REGISTRY[name](item, context or rule_context())


def facts(name: str, item: Item, context: Context | None = None) -> tuple:
    found = apply(name, item, context)
    assert found is not None, f"{name} did not apply"
    assert found.rule == name
    return found.facts


GOALS = Section(Role.GOALS, "political", 2, "Övergripande mål")
INDICATORS = Section(Role.INDICATORS, None, 3, "Indikatorer")
MEASURES = Section(Role.MEASURES, None, 3, "Uppdrag")


# -- headings ---------------------------------------------------------------------------------


def test_cue_heading_opens_its_list_named_by_the_heading():
    (opened,) = facts("cue_heading", heading("Indikatorer", level=3))
    assert isinstance(opened, Open) and opened.section.role is Role.INDICATORS
    assert (opened.section.level, opened.section.name) == (3, "Indikatorer")


def test_bare_cue_label_heading_takes_its_name_from_the_heading_above():
    context = rule_context(headings=((2, "Trygghet"),))
    (opened,) = facts("cue_heading", heading("ÅTGÄRDER:", level=4), context)
    assert opened.section.role is Role.MEASURES and opened.section.name == "Trygghet"


def test_prose_heading_is_no_cue_heading():
    assert apply("cue_heading", heading("En starkare välfärd")) is None


def test_goal_heading_states_a_numbered_goal_nested_under_a_higher_goal_heading():
    above = goal_row("Ett tryggt län")
    goal, *_ = facts("goal_heading", heading("Mål 1: Invånarna ska ha god hälsa", level=3),
                     rule_context(heading_goal=(2, above)))
    assert isinstance(goal, Goal)
    assert (goal.title, goal.number, goal.heads, goal.parent) == ("Invånarna ska ha god hälsa", "1", 3, above)


def test_goal_heading_of_the_same_level_is_not_nested():
    goal, *_ = facts("goal_heading", heading("Mål 2: Alla ska ha arbete", level=2),
                     rule_context(heading_goal=(2, goal_row())))
    assert goal.parent is None


def test_goal_heading_marks_the_goal_list_it_stands_in_as_stated():
    assert facts("goal_heading", heading("Mål 1: Invånarna ska ha god hälsa", level=3),
                 rule_context(section=GOALS))[1:] == (Mark(stated=True),)


def test_goal_heading_ends_a_list_a_sentence_opened():
    sentence = Section(Role.GOALS, "political", None, None, outer=GOALS)
    assert facts("goal_heading", heading("Mål 1: Alla ska ha arbete", 3), rule_context(section=sentence))[1:] == (
        Close(to_outer=True), Mark(stated=True))


def test_mandate_heading_in_an_annual_report_ends_the_section():
    assert facts("mandate_heading", heading("Uppdrag"), rule_context(doc_type="annual_report")) == (Close(),)
    assert apply("mandate_heading", heading("Uppdrag"), rule_context(doc_type="budget")) is None


def test_numbered_sub_heading_of_a_goal_chapter_is_a_chapter_goal():
    (goal,) = facts("numbered_chapter_goal", heading("04 Hav och vatten ska må bra", level=3),
                    rule_context(chapter_level=2))
    assert goal.chapter and goal.number == "04" and goal.title == "Hav och vatten ska må bra"


def test_restated_goal_heading_links_inside_a_section():
    known = goal_row("Invånarna ska känna sig trygga i hela kommunen")
    context = rule_context(goals=(known,), section=GOALS)
    (link,) = facts("restated_goal_heading", heading("Invånarna ska känna sig trygga i hela kommunen"), context)
    assert link.goal is known
    assert apply("restated_goal_heading", heading("Invånarna ska känna sig trygga i hela kommunen"),
                 rule_context(goals=(known,))) is None


# -- text -------------------------------------------------------------------------------------


def test_goal_list_item_keeps_its_number_and_marks_the_list():
    goal, mark = facts("goal_list_item", bullet("Alla barn ska klara skolan", marker="2."), rule_context(section=GOALS))
    assert (goal.title, goal.number, mark) == ("Alla barn ska klara skolan", "2", Mark(listed=True))


def test_goal_statement_only_before_the_list_has_begun():
    assert facts("goal_statement", para("Alla barn ska klara skolan"), rule_context(section=GOALS))[0].title
    assert apply("goal_statement", para("Alla barn ska klara skolan"),
                 rule_context(section=Section(Role.GOALS, "political", 2, "Mål", listed=True))) is None


def test_prose_ends_a_goal_list_after_its_items():
    listed = Section(Role.GOALS, "political", 2, "Mål", listed=True)
    assert facts("prose_ends_goal_list", para("Lång text " * 30), rule_context(section=listed)) == (Close(),)


def test_political_goal_about_the_finances_is_financial():
    statement = bullet("Regionens finansiella ställning ska vara god")
    (goal, _) = facts("goal_list_item", statement, rule_context(section=GOALS))
    assert goal.kind == "financial"


def test_numbered_goal_run_splits_a_paragraph_of_numbered_goals():
    run = facts("numbered_goal_run", para("Fokusområde 1 – Hållbarhet i näringslivet Fokusområde 2 – Klimatanpassning"))
    assert [(g.number, g.title) for g in run] == [("1", "Hållbarhet i näringslivet"), ("2", "Klimatanpassning")]


def test_colon_labelled_indicator_opens_the_list_and_is_its_first_item():
    opened, indicator = facts("colon_labelled_indicator", para("Mått: Andel elever med behörighet, andel % ska öka"))
    assert opened.section.role is Role.INDICATORS
    assert (indicator.text, indicator.direction, indicator.unit) == ("Andel elever med behörighet, andel % ska öka",
                                                                      "increase", "percent")
    assert apply("colon_labelled_indicator", para("Mått som beslutas av nämnden följs upp")) is None


def test_indicator_list_item_measures_the_current_goal_and_sets_the_list_marker():
    context = rule_context(section=INDICATORS, goal=goal_row())
    indicator, mark = facts("indicator_list_item", bullet("Andel nöjda brukare, andel % ska öka"), context)
    assert isinstance(indicator, Indicator) and indicator.direction == "increase"
    assert (mark.listed, mark.marker, mark.start) == (True, "•", (3, 0, 80.0))


def test_qualifier_line_states_the_target_of_the_last_indicator():
    last = IndicatorRow(doc_id="d", indicator_id="i001", text="Andel förvaltningar med kontinuitetsplaner", page=3,
                        rule="test")
    context = rule_context(section=INDICATORS, last_indicator=last)
    qualified = facts("indicator_qualifier_line", para("Målvärde 2026: 85 %"), context)
    assert qualified == (Qualifier("target", 85.0, "percent"),)


def test_paragraph_above_a_qualifier_is_an_indicator():
    context = rule_context(section=INDICATORS, following=para("Målvärde 2026: 85 %"))
    (indicator,) = facts("indicator_above_qualifier", para("Andel förvaltningar med kontinuitetsplaner"), context)
    assert indicator.text == "Andel förvaltningar med kontinuitetsplaner"


def test_list_item_of_the_goal_list_around_ends_the_indicator_bullets():
    nested = Section(Role.INDICATORS, None, None, "Mål", marker="•", start=(3, 0, 80.0), outer=GOALS)
    context = rule_context(section=nested)
    assert facts("next_goal_ends_indicator_list", bullet("Nästa mål", marker="2.", x0=60.0), context) == (
        Close(to_outer=True, reread=True),)
    assert apply("next_goal_ends_indicator_list", bullet("Ett mått till"), context) is None


def test_measure_paragraph_but_not_the_sentence_introducing_the_tasks():
    context = rule_context(section=MEASURES, abbreviations={"KS": "Kommunstyrelsen"})
    (measure,) = facts("measure_paragraph", para("KS ska ta fram en ny lokalplan."), context)
    assert isinstance(measure, Measure) and measure.responsible == "Kommunstyrelsen"
    assert apply("measure_paragraph", para("Nämnden får följande uppdrag:"), context) is None


def test_task_addressed_to_a_body_in_a_goal_list_is_a_measure():
    task = para("Varje nämnd ska formulera egna mål.")
    (measure,) = facts("task_addressed_to_body", task, rule_context(section=GOALS))
    assert measure.section == "Övergripande mål"


def test_wrapped_row_end_continues_the_last_table_row():
    tail = IndicatorRow(doc_id="d", indicator_id="i001", text="Medelväntetid för besvarade", page=3, rule="test")
    context = rule_context(tail=tail)
    assert facts("wrapped_row_end", para("samtal för 1177 telefon"), context) == (Tail("samtal för 1177 telefon"),)
    assert apply("wrapped_row_end", para("samtal för 1177 telefon")) is None


# -- tables -----------------------------------------------------------------------------------


def test_table_header_names_column_roles_and_a_target_column():
    (header,) = facts("table_header", row("Mål", "Indikator", "Önskat läge", "Nuläge 2024", header=True))
    assert header == Header((Cue(Role.GOALS, "political"), Cue(Role.INDICATORS), Cue(Role.TARGETS), None), table=7)


def test_task_table_header_opens_a_measures_section_up_to_the_next_heading():
    header, opened = facts("table_header", row("Uppdrag", "Ansvarig nämnd", header=True))
    assert header.columns == (Cue(Role.MEASURES), Cue(Role.RESPONSIBLE))
    assert opened.alone and opened.section.role is Role.MEASURES


def test_indicator_table_row_gives_its_goal_cell_and_direction():
    columns = (Cue(Role.GOALS, "political"), Cue(Role.INDICATORS), Cue(Role.TARGETS), None)
    context = rule_context(columns=columns, table=7)
    goal, indicator = facts("indicator_table_by_header_roles",
                            row("Trygg kommun", "Andel trygga invånare", "↑", "66 %"), context)
    assert goal.in_table and not goal.restated
    assert (indicator.row, indicator.direction, indicator.unit) == (True, "increase", "percent")


def test_row_without_direction_under_an_indicator_breaks_it_down():
    above = IndicatorRow(doc_id="d", indicator_id="i001", text="Väntetid", page=3, goal_id="g001", rule="test")
    columns = (Cue(Role.INDICATORS), Cue(Role.TARGETS), None)
    context = rule_context(columns=columns, table=7, row_indicator=above, goal=goal_row())
    assert facts("indicator_table_by_header_roles", row("Primärvård", "", "12"), context) == (Breakdown(),)


def test_task_table_row_names_the_body_of_its_responsibility_column():
    context = rule_context(columns=(Cue(Role.MEASURES), Cue(Role.RESPONSIBLE)), table=7)
    (measure,) = facts("task_table", row("Ta fram en plan för lokaler", "Kommunstyrelsen"), context)
    assert (measure.text, measure.responsible) == ("Ta fram en plan för lokaler", "Kommunstyrelsen")


def test_labelled_row_reads_its_lines_by_the_label_and_a_comment_row_nothing():
    context = rule_context(columns=(Cue(Role.GOALS, "political"), Cue(Role.INDICATORS)), table=7, goal=goal_row())
    labelled = Item(kind="row", text="Indikator Andel sysselsatta ska öka", page=3, cells=["Indikator Andel …", ""],
                    label="Indikator", table=7, bbox=BOX)
    (indicator,) = facts("labelled_row", labelled, context)
    assert (indicator.text, indicator.direction) == ("Andel sysselsatta ska öka", "increase")
    assert facts("comment_row", row("Kommentar", "Ökar"), context) == ()


def test_single_column_row_is_an_entry_of_the_column_role():
    (goal,) = facts("single_column_row", row("Alla barn ska klara skolan"),
                    rule_context(columns=(Cue(Role.GOALS, "operational"),), table=7))
    assert (goal.title, goal.kind, goal.restated, goal.in_table) == ("Alla barn ska klara skolan", "operational",
                                                                     True, False)


def test_rows_of_a_table_without_roles_are_not_read():
    assert apply("unread_table_row", row("År", "2024"), rule_context()) is not None
    assert apply("unread_table_row", row("År", "2024"), rule_context(columns=(Cue(Role.INDICATORS),), table=7)) is None


# -- the order and the assembler --------------------------------------------------------------


def test_every_rule_has_one_place_in_the_order():
    assert sorted(rules.READ + rules.LINK) == sorted(REGISTRY)


@pytest.mark.parametrize(
    ("item", "won"),
    [
        (heading("Indikatorer"), "cue_heading"),
        (heading("Mål 1: Alla ska ha arbete"), "goal_heading"),
        (heading("Kommentar"), "comment_heading"),
        (heading("Bakgrund"), "heading"),
    ],
)
def test_first_rule_in_priority_order_wins(item, won):
    assert rules.first(item, rule_context()).rule == won


def test_assembled_rows_carry_their_rule_box_and_goal():
    stream = [heading("Mål 1: Invånarna ska känna sig trygga i hela kommunen"), heading("Indikatorer", 3),
              bullet("Andel trygga invånare, andel % ska öka"), para("Målvärde 2026: 85 %"),
              heading("Uppdrag", 3), bullet("Ta fram en trygghetsplan")]
    read = assemble("d", stream, rule_context())
    (goal,), (indicator,), (measure,) = read.goals, read.indicators, read.measures
    assert (goal.rule, goal.number, (goal.x0, goal.top, goal.x1, goal.bottom)) == ("goal_heading", "1", BOX)
    assert (indicator.rule, indicator.goal_id, indicator.target_value) == ("indicator_list_item", "g001", 85.0)
    assert (measure.rule, measure.goal_id, measure.section) == ("measure_list_item", "g001", "Uppdrag")


def test_label_carries_its_evidence():
    found = rules.first(heading("Indikatorer"), rule_context())
    assert (found.rule, found.page, found.bbox) == ("cue_heading", 3, BOX)


def test_traced_assembly_keeps_every_rule_that_applied():
    step = assemble("d", [heading("Indikatorer")], rule_context(), trace=True).steps[0]
    assert step.readings[0].fired == ("cue_heading", "heading")
