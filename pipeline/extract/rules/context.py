"""What the assembler knows while it reads, as the read-only view every rule is given.

A `Context` is frozen: a rule can only look at it, and the assembler moves on by making the
next one (`dataclasses.replace`). It holds the section stack (a `Section` nested in the one
around it), the goal the text belongs to, the headings above, the table being read and the
document's type, and carries the compiled vocabulary (`lexicon`) the rules read by. Its queries
(the heading above, the goal a text restates, what a heading leaves open) are structure only:
the vocabulary that decides what an item is stays in the
rules.
"""
from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from types import MappingProxyType

from rapidfuzz import fuzz

from pipeline.extract.lexicon import Lexicon
from pipeline.extract.sections import Cue, Item, Role
from pipeline.model import GoalRow, IndicatorRow

_SAME_GOAL = 88.0  # rapidfuzz ratio above which two goal statements are the same goal
_MIN_PARTIAL = 25  # characters a piece of a goal statement needs to be recognised
_UNLEVELLED = 9  # a heading layout gave no level is the deepest kind


@dataclass(frozen=True)
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


@dataclass(frozen=True)
class Context:
    """The reader's place in the document when an item is read, and the rows read so far
    that a rule may need to see (the goals a text may restate, the last indicator), and the
    vocabulary the rules read by."""

    lexicon: Lexicon = field(compare=False, repr=False)
    doc_type: str | None = None
    organisation: str | None = None  # the issuer as the document fields name it ("Nämnden för Intraservice")
    card_series: bool = False  # the document sets statements as cards, one under each of several headings
    abbreviations: Mapping[str, str] = field(default_factory=lambda: MappingProxyType({}))  # "KS" → "Kommunstyrelsen"
    goals: tuple[GoalRow, ...] = ()
    last_indicator: IndicatorRow | None = None
    qualified: bool = False  # a line below the last indicator has qualified it ("Målvärde 2026: 85 %")
    headings: tuple[tuple[int, str], ...] = ()
    section: Section | None = None
    goal: GoalRow | None = None
    # a heading at this level or above ends the current goal: the level of the heading a goal
    # stands under, or one above a heading that states it (its sub-headings, "Indikatorer",
    # stay with it); None: no heading above it, it lasts
    goal_scope: int | None = None
    chapter_level: int | None = None
    chapter_goal: GoalRow | None = None
    heading_goal: tuple[int, GoalRow] | None = None  # (level, goal) of the last prefixed goal heading
    measure_level: int | None = None  # level of a chapter whose theme lists are measures
    follow_up: int | None = None  # level of the headings whose prose follows up a goal stated under one
    measures_listed: bool = False  # a measures list or table has been opened: the document lists its measures
    tail: IndicatorRow | GoalRow | None = None  # what the last table row added
    row_indicator: IndicatorRow | None = None  # last indicator of the current table
    breakdown: bool = False  # the last table row broke down the indicator above it
    after_caption: bool = False
    skip: bool = False  # a comment heading was read: the text below it is the comment
    table: int | None = None
    table_page: int = 0
    columns: tuple[Cue | None, ...] = ()
    following: Item | None = None  # the next item: an indicator may be followed by its qualifier
    previous: Item | None = None  # the item before: a goal card stands right under its heading

    def heading_above(self, level: int | None = None) -> str | None:
        for lv, text in reversed(self.headings):
            if level is None or lv < level:
                return text
        return None

    def find_goal(self, text: str, partial: bool = False) -> GoalRow | None:
        """The goal this text restates; `partial` accepts a piece of a statement broken over lines."""
        key = _key(text)
        if partial and len(key) < _MIN_PARTIAL:
            return None
        scorer = fuzz.partial_ratio if partial else fuzz.ratio
        best = max(self.goals, key=lambda g: scorer(_key(g.title), key), default=None)
        return best if best is not None and scorer(_key(best.title), key) >= _SAME_GOAL else None

    def parent_goal(self, section: Section) -> GoalRow | None:
        """The goal a goal of `section` is nested under: a chapter's numbered goal, or the goal a
        prefixed heading states when the section lies below that heading (its nämndmål)."""
        if self.chapter_goal is not None:
            return self.chapter_goal
        if self.heading_goal is not None and (section.level is None or section.level > self.heading_goal[0]):
            return self.heading_goal[1]
        return None

    def after_heading(self, item: Item) -> Context:
        """The place a heading leaves: it ends the headings, sections, chapters and goal
        headings of its level and deeper. Rules on headings judge the heading from here; the
        assembler moves here when it reads one."""
        level = heading_level(item)
        headings = list(self.headings)
        while headings and headings[-1][0] >= level:
            headings.pop()
        chapter = self.chapter_level is not None and level <= self.chapter_level
        measures = self.measure_level is not None and level <= self.measure_level
        followed = self.follow_up is not None and level < self.follow_up
        ended = self.goal_scope is not None and level <= self.goal_scope
        return replace(
            self,
            goal=None if ended else self.goal,
            goal_scope=None if ended else self.goal_scope,
            headings=tuple(headings),
            section=_still_open(self.section, level),
            heading_goal=None if self.heading_goal is not None and level <= self.heading_goal[0] else self.heading_goal,
            chapter_level=None if chapter else self.chapter_level,
            chapter_goal=None if chapter else self.chapter_goal,
            measure_level=None if measures else self.measure_level,
            follow_up=None if followed else self.follow_up,
        )


def heading_level(item: Item) -> int:
    return item.level or _UNLEVELLED


def restates(title: str, goal: GoalRow) -> bool:
    """`title` states `goal` again: case and punctuation differ between restatements."""
    return fuzz.ratio(_key(goal.title), _key(title)) >= _SAME_GOAL


def clean(text: str) -> str:
    """The text on one line with single spaces, as a row prints it."""
    return re.sub(r"\s+", " ", text).strip()


def _still_open(section: Section | None, level: int) -> Section | None:
    """The innermost section a heading of `level` leaves open: it ends the sections headings of
    its level or deeper opened, and every section nested in them."""
    chain: list[Section] = []
    while section is not None:
        chain.append(section)
        section = section.outer
    still: Section | None = None
    for s in reversed(chain):
        if s.level is not None and level <= s.level:
            break
        still = s
    return still


def _key(text: str) -> str:
    """The text to compare statements by: case and punctuation differ between restatements."""
    return re.sub(r"[^\w ]", "", text.lower()).strip()
