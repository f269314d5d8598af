"""The reader's state during the walk over a budget's political content, and the rows it builds.

Which section the text is in (a `Section`, nested in the section around it), which goal the
text belongs to and which headings are above it: every reading step in political_headings,
political_content and political_tables consults this state and adds goals, indicators and
measures only through it, so numbering, restatement and linking to goals live in one place.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from rapidfuzz import fuzz

from pipeline.extract.indicators import (
    attributes,
    column_direction,
    combined,
    direction_of,
    unit_of,
)
from pipeline.extract.sections import (
    Cue,
    Item,
    Lexicon,
    Role,
    classify,
    strip_numbering,
)
from pipeline.model import GoalRow, IndicatorRow, MeasureRow
from pipeline.text.lexicon import responsible_bodies

_SAME_GOAL = 88.0  # rapidfuzz ratio above which two goal statements are the same goal
_MIN_PARTIAL = 25  # characters a piece of a goal statement needs to be recognised
FOCUS_WORDS = 3  # a focus area label is a word or two ("Vackra miljöer")
_FOOTNOTE_TAIL = re.compile(r"\s*\*+(\s.*)?$")  # "… per år*** mnkr 0–400": the cell ends at the mark


@dataclass
class Section:
    """A stretch of text read as one list: goals, indicators, measures or decisions."""

    role: Role
    kind: str | None
    level: int | None  # heading level that opened it; None when opened by a sentence
    name: str | None
    focus: str | None = None
    listed: bool = False  # list items have been seen
    lists_only: bool = False  # only list items are content (a theme section of a measures chapter)
    labelled_rows: bool = False  # "Perspektiv Övergripande mål": lines are "<focus> <goal>"
    carded: bool = False  # a labelled field ("Verksamhetsmål …: <goal>") has given the goal
    stated: bool = False  # its goals are stated by prefixed headings ("Mål 1: …"); paragraphs explain them
    marker: str | None = None  # kind of list marker its items carry ("•", or "1." for any number)
    start: tuple[int, int, float] | None = None  # (page, column, left edge) of its first list item
    outer: Section | None = None  # the section this one is nested in, open again when this one ends


@dataclass
class State:
    """What a reader keeps in mind while reading, and the rows read so far."""

    doc_id: str
    lex: Lexicon
    goals: list[GoalRow] = field(default_factory=list)
    indicators: list[IndicatorRow] = field(default_factory=list)
    measures: list[MeasureRow] = field(default_factory=list)
    headings: list[tuple[int, str]] = field(default_factory=list)
    section: Section | None = None
    goal: GoalRow | None = None
    chapter_level: int | None = None
    chapter_goal: GoalRow | None = None
    heading_goal: tuple[int, GoalRow] | None = None  # (level, goal) of the last prefixed goal heading
    measure_level: int | None = None  # level of a chapter whose theme lists are measures
    mandates: bool = False  # bare "Uppdrag" headings describe the standing mandate
    tail: IndicatorRow | GoalRow | None = None  # what the last table row added
    row_indicator: IndicatorRow | None = None  # last indicator of the current table
    qualified: bool = False  # a line below the last indicator has qualified it ("Målvärde 2026: 85 %")
    breakdown: bool = False  # the last table row broke down the indicator above it
    after_caption: bool = False
    table: int | None = None
    table_page: int = 0
    skip: bool = False
    columns: list[Cue | None] = field(default_factory=list)
    abbreviations: dict[str, str] = field(default_factory=dict)  # "KS" → "Kommunstyrelsen" where defined

    def heading_above(self, level: int | None = None) -> str | None:
        for lv, text in reversed(self.headings):
            if level is None or lv < level:
                return text
        return None

    def focus_above(self, level: int | None = None) -> str | None:
        """The heading above, as the focus area or perspective of the goals below it; none when
        it is a cue heading ("Kommunfullmäktiges mål" above "Finansiella mål") or states a goal
        ("Inriktningsmål 1: …" above a nämnd's goals): such a heading encloses the list, it names
        no focus area (and the headings further up are chapters)."""
        lex, above = self.lex, self.heading_above(level)
        if above is None or classify(above, lex) is not None or lex.goal_prefix.match(strip_numbering(above, lex)[1]):
            return None
        return above

    def open(self, section: Section) -> None:
        """Open `section` inside the innermost section a heading opened: a nämndmål list under
        "Inriktningsmål" keeps the inriktningsmål section, open again after the list. A section a
        sentence opened is not kept: the new section ends its list."""
        outer = self.section
        while outer is not None and outer.level is None:
            outer = outer.outer
        section.outer = outer
        self.section = section

    def parent_goal(self, section: Section) -> GoalRow | None:
        """The goal a goal of `section` is nested under: a chapter's numbered goal, or the goal a
        prefixed heading states when the section lies below that heading (its nämndmål)."""
        if self.chapter_goal is not None:
            return self.chapter_goal
        if self.heading_goal is not None and (section.level is None or section.level > self.heading_goal[0]):
            return self.heading_goal[1]
        return None

    def add_goal(self, title: str, kind: str, page: int, number: str | None = None,
                 focus: str | None = None, parent: GoalRow | None = None, restated: bool = True) -> GoalRow:
        """A new goal, or the goal this statement restates. Rows of one table are never
        restatements: a table may list the same goal for two years or two chapters."""
        title = _FOOTNOTE_TAIL.sub("", clean(title))
        for g in self.goals if restated else []:
            if fuzz.ratio(_key(g.title), _key(title)) >= _SAME_GOAL:
                return g
        if kind == "political" and self.lex.financial_terms.contains(title):
            kind = "financial"  # "Regionens finansiella ställning ska vara god" under a plain "Mål"
        goal = GoalRow(doc_id=self.doc_id, goal_id=f"g{len(self.goals) + 1:03d}", kind=kind, title=title,
                       page=page, number=number, focus_area=focus,
                       parent_goal_id=parent.goal_id if parent else None)
        self.goals.append(goal)
        return goal

    def find_goal(self, text: str, partial: bool = False) -> GoalRow | None:
        """The goal this text restates; `partial` accepts a piece of a statement broken over lines."""
        key = _key(text)
        if partial and len(key) < _MIN_PARTIAL:
            return None
        scorer = fuzz.partial_ratio if partial else fuzz.ratio
        best = max(self.goals, key=lambda g: scorer(_key(g.title), key), default=None)
        return best if best is not None and scorer(_key(best.title), key) >= _SAME_GOAL else None

    def add_indicator(self, text: str, page: int, goal: GoalRow | None,
                      wanted: list[str] | None = None, values: str | None = None) -> IndicatorRow:
        """`wanted` are the row's cells in direction and target columns ("↑", "+/-0", "85 %"),
        `values` its value cells, whose unit ("66 %", "-552 mnkr") stands when the indicator
        names none."""
        phrasing = self.lex.phrasing
        attrs = attributes(text, phrasing)
        direction, target = column_direction(*wanted, phrasing=phrasing) if wanted else (None, None)
        if direction is None:
            direction, target = attrs.direction, attrs.target_value
        if direction is None and attrs.unit is None and not values and goal is not None:
            # "Mäts genom bokföringen" under "Resultatet ska utgöra minst 2 procent …": an indicator
            # naming neither direction nor unit measures its goal's own figure, and its stated target
            stated = direction_of(goal.title, phrasing)
            direction, target = stated if stated[0] == "target" else (None, None)
        # an indicator that names no unit measures in the unit of its values or of its goal
        unit = attrs.unit or (unit_of(values, phrasing) if values else None) or (
            unit_of(goal.title, phrasing) if goal else None)
        row = IndicatorRow(
            doc_id=self.doc_id, indicator_id=f"i{len(self.indicators) + 1:03d}", text=clean(text), page=page,
            goal_id=goal.goal_id if goal else None, direction=direction, target_value=target, unit=unit)
        self.indicators.append(row)
        self.qualified = False
        return row

    def qualify_indicator(self, qualifier: str) -> None:
        """The first qualifier line decides the direction ("Indikatornivå: Rikssnitt" states
        none); a further line adds to it ("Målvärde 2026: 85 %", then "Önskad riktning: Ökande")."""
        last = self.indicators[-1]
        attrs = attributes(last.text, self.lex.phrasing, qualifier)
        stated = (attrs.direction, attrs.target_value)
        if self.qualified:
            stated = combined((last.direction, last.target_value), stated)
        last.direction, last.target_value = stated
        last.unit = attrs.unit or (last.unit if self.qualified else None)
        self.qualified = True

    def add_measure(self, text: str, page: int, section: str | None, responsible: str | None = None,
                    stated: bool = False) -> None:
        """`stated`: `responsible` is the cell of a responsibility column ("Ansvarig nämnd"), kept
        as printed (an empty cell names no one); otherwise the bodies the text names."""
        self.measures.append(MeasureRow(
            doc_id=self.doc_id, measure_id=f"m{len(self.measures) + 1:03d}", text=clean(text), page=page,
            goal_id=self.goal.goal_id if self.goal else None, section=section,
            responsible=(clean(responsible or "") or None) if stated
            else responsible_bodies(text, self.lex.bodies, self.abbreviations)))

    def add_cell(self, cue: Cue, text: str, item: Item, in_table: bool = False,
                 responsible: str | None = None, number: str | None = None) -> None:
        """`responsible`: the row's cell in a responsibility column, when its table has one;
        `number`: the goal's number printed in its label ("Mål 1: …")."""
        if not text:
            return
        if cue.role is Role.GOALS:
            parent = self.chapter_goal
            focus = self.heading_above() if parent is not None else None
            self.goal = self.add_goal(text, cue.kind or "political", item.page, number=number, focus=focus,
                                      parent=parent, restated=not in_table)
            self.tail = self.goal if in_table else None
        elif cue.role is Role.INDICATORS:
            self.add_indicator(text, item.page, self.goal)
        elif cue.role is Role.MEASURES:
            self.add_measure(text, item.page, self.heading_above(), responsible, stated=responsible is not None)

    def is_mandate(self, cue: Cue, label: str) -> bool:
        """The label ("Uppdrag") describes the nämnd's standing mandate in a report looking back on
        a year, not tasks given for the period."""
        return cue.role is Role.MEASURES and self.mandates and self.lex.mandates.is_whole(label.strip().rstrip(":"))


def clean(text: str) -> str:
    """The text on one line with single spaces, as a row prints it."""
    return re.sub(r"\s+", " ", text).strip()


def _key(text: str) -> str:
    """The text to compare statements by: case and punctuation differ between restatements."""
    return re.sub(r"[^\w ]", "", text.lower()).strip()
