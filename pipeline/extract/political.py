"""Goals, indicators and measures: the political content of a budget as linked tables.

One pass over the document's items (blocks and table rows) keeps the state a reader keeps:
which section the text is in (opened by a cue heading, a cue table header, a labelled row
or a sentence ending in "… följande effektmål:"), which goal the text belongs to, and which
heading names the section. Vocabulary comes from configs/lexicon.yaml via sections.py.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from rapidfuzz import fuzz

from pipeline.extract.indicators import attributes
from pipeline.extract.nlp import responsible_bodies
from pipeline.extract.sections import (
    Cue,
    Item,
    Role,
    classify,
    goal_kind_mentioned,
    is_bare_label,
    items,
    load_lexicon,
    split_label,
    strip_numbering,
)
from pipeline.model import Document, GoalRow, IndicatorRow, MeasureRow

_SAME_GOAL = 88.0  # rapidfuzz ratio above which two goal statements are the same goal
_MAX_GOAL_WORDS = 45  # a paragraph longer than this is prose, not a goal statement
_INTRO_WORDS = 40  # an introducing sentence ("… följande mål:") is short
_MIN_PARTIAL = 25  # characters a piece of a goal statement needs to be recognised
_FOCUS_WORDS = 3  # a focus area label is a word or two ("Vackra miljöer")


@dataclass
class _Section:
    role: Role
    kind: str | None
    level: int | None  # heading level that opened it; None when opened by a sentence
    name: str | None
    focus: str | None = None
    listed: bool = False  # list items have been seen


@dataclass
class _State:
    doc_id: str
    goals: list[GoalRow] = field(default_factory=list)
    indicators: list[IndicatorRow] = field(default_factory=list)
    measures: list[MeasureRow] = field(default_factory=list)
    headings: list[tuple[int, str]] = field(default_factory=list)
    section: _Section | None = None
    goal: GoalRow | None = None
    chapter_level: int | None = None
    chapter_goal: GoalRow | None = None
    table: int | None = None
    table_page: int = 0
    skip: bool = False
    columns: list[Cue | None] = field(default_factory=list)

    def heading_above(self, level: int | None = None) -> str | None:
        for lv, text in reversed(self.headings):
            if level is None or lv < level:
                return text
        return None

    def add_goal(self, title: str, kind: str, page: int, number: str | None = None,
                 focus: str | None = None, parent: GoalRow | None = None) -> GoalRow:
        title = _clean(title)
        for g in self.goals:
            if fuzz.ratio(_key(g.title), _key(title)) >= _SAME_GOAL:
                return g
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

    def add_indicator(self, text: str, page: int, goal: GoalRow | None) -> None:
        attrs = attributes(text)
        self.indicators.append(IndicatorRow(
            doc_id=self.doc_id, indicator_id=f"i{len(self.indicators) + 1:03d}", text=_clean(text), page=page,
            goal_id=goal.goal_id if goal else None, direction=attrs.direction,
            target_value=attrs.target_value, unit=attrs.unit))

    def qualify_indicator(self, qualifier: str) -> None:
        last = self.indicators[-1]
        attrs = attributes(last.text, qualifier)
        last.direction, last.target_value = attrs.direction, attrs.target_value
        last.unit = attrs.unit

    def add_measure(self, text: str, page: int, section: str | None) -> None:
        self.measures.append(MeasureRow(
            doc_id=self.doc_id, measure_id=f"m{len(self.measures) + 1:03d}", text=_clean(text), page=page,
            goal_id=self.goal.goal_id if self.goal else None, section=section,
            responsible=responsible_bodies(text)))


def extract_political(doc: Document) -> tuple[list[GoalRow], list[IndicatorRow], list[MeasureRow]]:
    state = _State(doc_id=doc.doc_id)
    stream = items(doc)
    for i, item in enumerate(stream):
        following = stream[i + 1] if i + 1 < len(stream) else None
        if item.kind == "row":
            _row(state, item)
        elif item.kind == "heading":
            _heading(state, item)
        else:
            _content(state, item, following)
    _focus_areas_from_tables(state, stream)
    return state.goals, state.indicators, state.measures


# -- headings -------------------------------------------------------------------------------


def _heading(state: _State, item: Item) -> None:
    lex = load_lexicon()
    if any(p.match(item.text.strip()) for p in lex.comments):
        state.skip = True  # the comment below a goal or activity is not part of the list
        return
    if state.section is not None and (goal := state.find_goal(item.text, partial=True)) is not None:
        state.goal = goal  # a goal restated above its activities links them, in any section
        return
    level = item.level or 9
    number, bare = strip_numbering(item.text)
    while state.headings and state.headings[-1][0] >= level:
        state.headings.pop()
    section = state.section
    if section is not None and section.level is not None and level <= section.level:
        state.section = section = None
    if state.chapter_level is not None and level <= state.chapter_level:
        state.chapter_level = state.chapter_goal = None
    cue = classify(item.text)
    prefixed = lex.goal_prefix.match(bare)
    if prefixed and cue is None:
        focus = section.focus if section and section.role is Role.GOALS else None
        state.goal = state.add_goal(prefixed["title"], "political", item.page, prefixed["num"], focus)
        if section is not None and section.level is None:
            state.section = None
    elif cue is not None:
        name = state.heading_above(level) if is_bare_label(item.text) else bare.strip().rstrip(":").strip()
        state.section = _Section(cue.role, cue.kind, level, name, focus=state.heading_above(level))
    elif section is not None and section.level is None and section.role is Role.GOALS:
        state.goal = state.add_goal(bare, section.kind or "political", item.page, focus=section.focus)
    elif lex.goal_chapters.is_whole(bare.rstrip(":"), lex.filler):
        state.chapter_level, state.chapter_goal = level, None
    elif state.chapter_level is not None and number is not None and level > state.chapter_level:
        state.chapter_goal = state.goal = state.add_goal(bare, "political", item.page, number=number)
    state.headings.append((level, item.text.strip().rstrip(":").strip()))


# -- paragraphs and list items ------------------------------------------------------------------


def _content(state: _State, item: Item, following: Item | None) -> None:
    text, section, lex = item.text, state.section, load_lexicon()
    words = len(text.split())
    if state.skip:
        state.skip = False
        return
    if item.kind == "caption":
        return  # table captions and footnotes are never goals, indicators or measures
    if item.bold and section is not None and (goal := state.find_goal(text, partial=True)) is not None:
        state.goal = goal
        return
    if text.rstrip().endswith(":") and words <= _INTRO_WORDS and (kind := goal_kind_mentioned(text)):
        if section is None or section.role is not Role.GOALS or section.level is None:
            state.section = _Section(Role.GOALS, kind, None, None, focus=state.heading_above())
        return
    if section is None:
        return
    if item.kind == "paragraph" and (labelled := split_label(text)) is not None:
        _cell(state, labelled[0], labelled[1], item)
        return
    is_list = item.kind == "list_item"
    if section.role is Role.GOALS:
        statement = words <= _MAX_GOAL_WORDS and not text.rstrip().endswith(":")
        if is_list or (statement and (section.level is None or not section.listed)):
            state.goal = state.add_goal(text, section.kind or "political", item.page, focus=section.focus,
                                        parent=state.chapter_goal)
            section.listed |= is_list
        elif section.listed or section.level is None:
            state.section = None
        return
    if section.role is Role.INDICATORS:
        if any(p.search(text) for p in lex.attributes):
            if state.indicators:
                state.qualify_indicator(text)
        elif is_list or (following is not None and any(p.search(following.text) for p in lex.attributes)):
            state.add_indicator(text, item.page, state.goal)
            section.listed |= is_list
        elif section.listed:
            state.section = None
        return
    if section.role is Role.MEASURES:
        if is_list or (not section.listed and item.kind == "paragraph" and not text.rstrip().endswith(":")):
            state.add_measure(text, item.page, section.name)
            section.listed |= is_list
        elif section.listed:
            state.section = None
        return
    if section.role is Role.DECISIONS and is_list:
        _, body = strip_numbering(text)
        if any(p.search(body) for p in lex.tasks):
            state.add_measure(body, item.page, section.name)


# -- table rows -------------------------------------------------------------------------------------


def _row(state: _State, item: Item) -> None:
    lex = load_lexicon()
    if item.header or (item.bold and classify(item.cells[0] if item.cells else item.text)):
        columns = _header_roles(item)
        if any(columns) or not (item.header and state.columns and item.page == state.table_page + 1):
            state.table, state.table_page, state.columns = item.table, item.page, columns
            return
        state.table = item.table  # a table continued on the next page keeps its header
    if item.table != state.table or not state.columns:
        return
    state.table_page = item.page
    if any(p.match(item.label or item.text.split(" ", 1)[0]) for p in lex.comments):
        return
    if item.label is not None:
        cue = classify(item.label)
        if cue is not None:
            _cell(state, cue, item.text[len(item.label):].strip(), item)
        return
    if item.bold:
        state.goal = state.find_goal(item.text) or state.goal
        return
    if len(state.columns) == 1 or len(item.cells) < 2:
        if state.columns[0] is not None:
            _cell(state, state.columns[0], item.text, item)
        return
    for cue, cell in zip(state.columns, item.cells):
        if cue is not None and cell:
            _cell(state, cue, cell, item)


def _header_roles(item: Item) -> list[Cue | None]:
    columns = [classify(c) if c else None for c in item.cells]
    # a task list is the table's first column; "Datum | Aktivitet" is a timetable
    columns[1:] = [c if c is None or c.role is not Role.MEASURES else None for c in columns[1:]]
    if not any(columns):
        whole = classify(item.text)
        columns = [whole] if whole else []
    return columns


def _cell(state: _State, cue: Cue, text: str, item: Item) -> None:
    if not text:
        return
    if cue.role is Role.GOALS:
        parent = state.chapter_goal
        focus = state.heading_above() if parent is not None else None
        state.goal = state.add_goal(text, cue.kind or "political", item.page, focus=focus, parent=parent)
    elif cue.role is Role.INDICATORS:
        state.add_indicator(text, item.page, state.goal)
    elif cue.role is Role.MEASURES:
        state.add_measure(text, item.page, state.heading_above())


# -- focus areas --------------------------------------------------------------------------------------


def _focus_areas_from_tables(state: _State, stream: list[Item]) -> None:
    """An overview "Livskvalitet | Mål: I Alingsås ska …" names each goal's focus area: as
    table cells, as one line, or with the label set beside a wrapped statement."""
    lex = load_lexicon()
    for i, item in enumerate(stream):
        if item.kind == "row" and len([c for c in item.cells if c]) >= 2 and item.cells[0]:
            pairs = [(item.cells[0], cell) for cell in item.cells[1:]]
        else:
            split = _labelled_statement(item.text)
            if split is None:
                continue
            label, statement = split
            if not label and i + 1 < len(stream) and stream[i + 1].kind == "heading":
                label = stream[i + 1].text  # the label set beside a statement broken over lines
            pairs = [(label, statement)] if label and len(label.split()) <= _FOCUS_WORDS else []
        for focus, cell in pairs:
            m = lex.goal_prefix.match(cell)
            goal = state.find_goal(m["title"] if m else cell, partial=True)
            if goal is not None and goal.focus_area is None and goal.parent_goal_id is None:
                goal.focus_area = focus.strip()


def _labelled_statement(text: str) -> tuple[str, str] | None:
    """("Livskvalitet", "Mål: I Alingsås …") for a line that states a goal after a short label."""
    words = text.split()
    for k in range(_FOCUS_WORDS + 1):
        rest = " ".join(words[k:])
        if load_lexicon().goal_prefix.match(rest) and rest.split(" ", 1)[0].endswith(":"):
            return " ".join(words[:k]), rest
    return None


def _clean(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def _key(text: str) -> str:
    return re.sub(r"[^\w ]", "", text.lower()).strip()
