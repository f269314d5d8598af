"""The facts rules share: a goal, indicator or measure as its wording states it.

Every rule that finds a goal, an indicator or a measure builds the fact here, so that a
goal's kind, an indicator's direction, target and unit, and a measure's responsible body are
read from the wording the same way whichever convention found them. The vocabulary is
configs/lexicon.yaml's, compiled into the `Lexicon` the context carries.
"""
from __future__ import annotations

import re

from pipeline.extract.indicators import attributes, column_direction, combined, direction_of, unit_of
from pipeline.extract.rules.context import Context, clean
from pipeline.extract.rules.registry import Fact, Goal, Indicator, Measure, Qualifier
from pipeline.extract.sections import Cue, Role, classify, strip_numbering
from pipeline.model import GoalRow

_FOOTNOTE_TAIL = re.compile(r"\s*\*+(\s.*)?$")  # "… per år*** mnkr 0–400": the cell ends at the mark


def goal(context: Context, text: str, kind: str, number: str | None = None, focus: str | None = None,
         parent: GoalRow | None = None, restated: bool = True, in_table: bool = False,
         heads: int | None = None, chapter: bool = False) -> Goal:
    """A goal statement as a row prints it (see `Goal` for the rest); a "political" goal about
    the finances ("Regionens finansiella ställning ska vara god" under a plain "Mål") is a
    financial goal."""
    title = _FOOTNOTE_TAIL.sub("", clean(text))
    if kind == "political" and context.lexicon.financial_terms.contains(title):
        kind = "financial"
    return Goal(title, kind, number, focus, parent, restated, in_table, heads, chapter)


def indicator(context: Context, text: str, goal_title: str | None, wanted: list[str] | None = None,
              values: str | None = None, row: bool = False) -> Indicator:
    """`goal_title` is the statement of the goal it measures; `wanted` are the row's cells in
    direction and target columns ("↑", "+/-0", "85 %"), `values` its value cells, whose unit
    ("66 %", "-552 mnkr") stands when the indicator names none."""
    lex = context.lexicon
    attrs = attributes(lex, text)
    direction, target = column_direction(lex, *wanted) if wanted else (None, None)
    if direction is None:
        direction, target = attrs.direction, attrs.target_value
    if direction is None and attrs.unit is None and not values and goal_title is not None:
        # "Mäts genom bokföringen" under "Resultatet ska utgöra minst 2 procent …": an indicator
        # naming neither direction nor unit measures its goal's own figure, and its stated target
        stated = direction_of(lex, goal_title)
        direction, target = stated if stated[0] == "target" else (None, None)
    # an indicator that names no unit measures in the unit of its values or of its goal
    unit = attrs.unit or (unit_of(lex, values) if values else None) or (
        unit_of(lex, goal_title) if goal_title else None)
    return Indicator(clean(text), direction, target, unit, row)


def qualifier(context: Context, text: str) -> Qualifier | None:
    """The first qualifier line decides the direction ("Indikatornivå: Rikssnitt" states
    none); a further line adds to it ("Målvärde 2026: 85 %", then "Önskad riktning: Ökande")."""
    last = context.last_indicator
    if last is None:
        return None
    attrs = attributes(context.lexicon, last.text, text)
    stated = (attrs.direction, attrs.target_value)
    if context.qualified:
        stated = combined((last.direction, last.target_value), stated)
    return Qualifier(*stated, attrs.unit or (last.unit if context.qualified else None))


def measure(context: Context, text: str, section: str | None, responsible: str | None = None,
            stated: bool = False) -> Measure:
    """`stated`: `responsible` is the cell of a responsibility column ("Ansvarig nämnd"), kept
    as printed (an empty cell names no one); otherwise the bodies the text names."""
    if stated:
        return Measure(clean(text), section, clean(responsible or "") or None)
    who = context.lexicon.bodies.responsible(text, dict(context.abbreviations))
    return Measure(clean(text), section, who)


def cell(context: Context, cue: Cue, text: str, goal_title: str | None, in_table: bool = False,
         responsible: str | None = None, number: str | None = None) -> tuple[Fact, ...]:
    """What a cell (or a labelled line) under a role states. `goal_title`: the goal in force
    when it is read; `responsible`: the row's cell in a responsibility column, when its table
    has one; `number`: the goal's number printed in its label ("Mål 1: …")."""
    if not text:
        return ()
    if cue.role is Role.GOALS:
        parent = context.chapter_goal
        focus = context.heading_above() if parent is not None else None
        return (goal(context, text, cue.kind or "political", number, focus, parent, restated=not in_table,
                     in_table=in_table),)
    if cue.role is Role.INDICATORS:
        return (indicator(context, text, goal_title),)
    if cue.role is Role.MEASURES:
        return (measure(context, text, context.heading_above(), responsible, stated=responsible is not None),)
    return ()


def title_of(goal_row: GoalRow | None) -> str | None:
    return goal_row.title if goal_row is not None else None


def focus_above(context: Context, level: int | None = None) -> str | None:
    """The heading above, as the focus area or perspective of the goals below it; none when
    it is a cue heading ("Kommunfullmäktiges mål" above "Finansiella mål") or states a goal
    ("Inriktningsmål 1: …" above a nämnd's goals): such a heading encloses the list, it names
    no focus area (and the headings further up are chapters)."""
    above, lex = context.heading_above(level), context.lexicon
    if above is None or classify(lex, above) is not None or lex.goal_prefix.match(strip_numbering(lex, above)[1]):
        return None
    return above


def is_mandate(context: Context, cue: Cue, label: str) -> bool:
    """The label ("Uppdrag") describes the nämnd's standing mandate in a report looking back on
    a year, not tasks given for the period."""
    lex = context.lexicon
    return (cue.role is Role.MEASURES and context.doc_type in lex.mandate_doc_types
            and lex.mandates.is_whole(label.strip().rstrip(":")))
