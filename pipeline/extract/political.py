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

from pipeline.extract.indicators import attributes, column_direction, combined, direction_of, unit_of
from pipeline.extract.nlp import defined_abbreviations, responsible_bodies
from pipeline.extract.sections import (
    Cue,
    Item,
    Role,
    classify,
    goal_kind_mentioned,
    goal_run,
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
_TAIL_WORDS = 8  # a lower-case line this short right after a table row is the row's wrapped end
_ROW_GOAL_WORDS = 15  # a "Perspektiv | Mål" row flattened to one line is short
_OUTDENT = 5.0  # points: a list item starting this far left of a nested list belongs to the list around it
_FOOTNOTE_MARK = re.compile(r"^\*+$")
_FOOTNOTE_TAIL = re.compile(r"\s*\*+(\s.*)?$")  # "… per år*** mnkr 0–400": the cell ends at the mark


_ANY_HEADING = 99  # the level of a section that the next heading, whatever its level, ends


@dataclass
class _Section:
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
    outer: _Section | None = None  # the section this one is nested in, open again when this one ends


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
        above = self.heading_above(level)
        if above is None or classify(above) is not None or load_lexicon().goal_prefix.match(strip_numbering(above)[1]):
            return None
        return above

    def open(self, section: _Section) -> None:
        """Open `section` inside the innermost section a heading opened: a nämndmål list under
        "Inriktningsmål" keeps the inriktningsmål section, open again after the list. A section a
        sentence opened is not kept: the new section ends its list."""
        outer = self.section
        while outer is not None and outer.level is None:
            outer = outer.outer
        section.outer = outer
        self.section = section

    def parent_goal(self, section: _Section) -> GoalRow | None:
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
        title = _FOOTNOTE_TAIL.sub("", _clean(title))
        for g in self.goals if restated else []:
            if fuzz.ratio(_key(g.title), _key(title)) >= _SAME_GOAL:
                return g
        if kind == "political" and load_lexicon().financial_terms.contains(title):
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
        attrs = attributes(text)
        direction, target = column_direction(*wanted) if wanted else (None, None)
        if direction is None:
            direction, target = attrs.direction, attrs.target_value
        if direction is None and attrs.unit is None and not values and goal is not None:
            # "Mäts genom bokföringen" under "Resultatet ska utgöra minst 2 procent …": an indicator
            # naming neither direction nor unit measures its goal's own figure, and its stated target
            stated = direction_of(goal.title)
            direction, target = stated if stated[0] == "target" else (None, None)
        # an indicator that names no unit measures in the unit of its values or of its goal
        unit = attrs.unit or (unit_of(values) if values else None) or (unit_of(goal.title) if goal else None)
        row = IndicatorRow(
            doc_id=self.doc_id, indicator_id=f"i{len(self.indicators) + 1:03d}", text=_clean(text), page=page,
            goal_id=goal.goal_id if goal else None, direction=direction, target_value=target, unit=unit)
        self.indicators.append(row)
        self.qualified = False
        return row

    def qualify_indicator(self, qualifier: str) -> None:
        """The first qualifier line decides the direction ("Indikatornivå: Rikssnitt" states
        none); a further line adds to it ("Målvärde 2026: 85 %", then "Önskad riktning: Ökande")."""
        last = self.indicators[-1]
        attrs = attributes(last.text, qualifier)
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
            doc_id=self.doc_id, measure_id=f"m{len(self.measures) + 1:03d}", text=_clean(text), page=page,
            goal_id=self.goal.goal_id if self.goal else None, section=section,
            responsible=(_clean(responsible or "") or None) if stated else responsible_bodies(text, self.abbreviations)))


def extract_political(doc: Document, doc_type: str | None = None) -> tuple[list[GoalRow], list[IndicatorRow], list[MeasureRow]]:
    """`doc_type` (from the document fields) tells a report's standing mandate from tasks."""
    state = _State(doc_id=doc.doc_id, mandates=doc_type in load_lexicon().mandate_doc_types,
                   abbreviations=defined_abbreviations("\n".join(b.text for b in doc.blocks)))
    stream = items(doc)
    for i, item in enumerate(stream):
        following = stream[i + 1] if i + 1 < len(stream) else None
        if item.kind != "row" and (_row_tail(state, item) or _caption_tail(state, item)):
            continue
        if item.kind == "row":
            _row(state, item)
        elif item.kind == "heading":
            _heading(state, item)
        else:
            _content(state, item, following)
    _focus_areas_from_tables(state, stream)
    return state.goals, state.indicators, state.measures


def _row_tail(state: _State, item: Item) -> bool:
    """A short lower-case line right after a table row is the end of the row's wrapped text
    that layout left outside the table ("Medelväntetid … för besvarade" + "samtal för 1177 telefon")."""
    tail, state.tail = state.tail, None
    text = item.text.strip()
    if tail is None or item.kind != "paragraph" or not text[:1].islower() or len(text.split()) > _TAIL_WORDS:
        return False
    if isinstance(tail, IndicatorRow):
        tail.text = _clean(f"{tail.text} {text}")
    else:
        tail.title = _clean(f"{tail.title} {text}")
    return True


def _caption_tail(state: _State, item: Item) -> bool:
    """A lower-case paragraph right after a caption or footnote is the rest of it."""
    after, state.after_caption = state.after_caption, item.kind == "caption"
    return after and item.kind == "paragraph" and item.text.strip()[:1].islower()


# -- headings -------------------------------------------------------------------------------


def _heading(state: _State, item: Item) -> None:
    lex = load_lexicon()
    if any(p.match(item.text.strip()) for p in lex.comments):
        state.skip = True  # the comment below a goal or activity is not part of the list
        return
    state.table, state.columns = None, []  # a heading ends a table; the next one is not its continuation
    if state.section is not None and (goal := state.find_goal(item.text, partial=True)) is not None:
        state.goal = goal  # a goal restated above its activities links them, in any section
        return
    level = item.level or 9
    number, bare = strip_numbering(item.text)
    while state.headings and state.headings[-1][0] >= level:
        state.headings.pop()
    state.section = section = _still_open(state.section, level)
    if state.heading_goal is not None and level <= state.heading_goal[0]:
        state.heading_goal = None
    if state.chapter_level is not None and level <= state.chapter_level:
        state.chapter_level = state.chapter_goal = None
    if state.measure_level is not None and level <= state.measure_level:
        state.measure_level = None
    cue = classify(item.text)
    prefixed = lex.goal_prefix.match(bare)
    labelled = _labelled_goal_header(bare) if cue is None else None
    if cue is not None and _mandate(state, cue, bare):
        state.section = None  # the nämnd's standing mandate, not tasks for the period
    elif labelled is not None:
        state.open(_Section(Role.GOALS, labelled.kind, level, bare, labelled_rows=True))
    elif prefixed and cue is None:
        _goal_heading(state, prefixed["title"], prefixed["num"], level, item.page)
    elif cue is not None:
        name = state.heading_above(level) if is_bare_label(item.text) else bare.strip().rstrip(":").strip()
        state.open(_Section(cue.role, cue.kind, level, name, focus=state.focus_above(level)))
    elif section is not None and section.level is None and section.role is Role.GOALS:
        state.goal = state.add_goal(bare, section.kind or "political", item.page, focus=section.focus)
    elif lex.goal_chapters.is_whole(bare.rstrip(":"), lex.filler):
        state.chapter_level, state.chapter_goal = level, None
    elif state.chapter_level is not None and number is not None and level > state.chapter_level:
        state.chapter_goal = state.goal = state.add_goal(bare, "political", item.page, number=number)
    elif lex.measure_chapters.prefix(bare) is not None:
        state.measure_level = level
    elif state.measure_level is not None:
        state.open(_Section(Role.MEASURES, None, level, bare.strip().rstrip(":"), lists_only=True))
    state.headings.append((level, item.text.strip().rstrip(":").strip()))


def _mandate(state: _State, cue: Cue, label: str) -> bool:
    """The label ("Uppdrag") describes the nämnd's standing mandate in a report looking back on
    a year, not tasks given for the period."""
    lex = load_lexicon()
    return cue.role is Role.MEASURES and state.mandates and lex.mandates.is_whole(label.strip().rstrip(":"))


def _still_open(section: _Section | None, level: int) -> _Section | None:
    """The innermost section a heading of `level` leaves open: it ends the sections headings of
    its level or deeper opened, and every section nested in them."""
    chain: list[_Section] = []
    while section is not None:
        chain.append(section)
        section = section.outer
    still: _Section | None = None
    for s in reversed(chain):
        if s.level is not None and level <= s.level:
            break
        still = s
    return still


def _goal_heading(state: _State, title: str, number: str | None, level: int, page: int) -> None:
    """A heading stating one goal ("Mål 1: Invånarna ska …"): the paragraphs below it explain
    the goal, and goals in its deeper sub-sections (a nämnd's goals) are nested under it."""
    section = state.section
    focus = section.focus if section and section.role is Role.GOALS else None
    parent = state.heading_goal[1] if state.heading_goal else None
    state.goal = state.add_goal(title, "political", page, number, focus, parent=parent)
    state.heading_goal = (level, state.goal)
    if section is not None and section.level is None:
        state.section = section = section.outer  # the list a sentence or label opened ends here
    if section is not None and section.role is Role.GOALS:
        section.stated = True


# -- paragraphs and list items ------------------------------------------------------------------


def _content(state: _State, item: Item, following: Item | None) -> None:
    text, section, lex = item.text, state.section, load_lexicon()
    words = len(text.split())
    if state.skip:
        state.skip = False
        return
    if item.kind == "paragraph" and (run := goal_run(text)):
        for number, title in run:  # a list of numbered goals that layout ran into one paragraph
            state.goal = state.add_goal(title, "political", item.page, number=number)
        return
    if item.kind == "caption" or (item.marker and _FOOTNOTE_MARK.match(item.marker)):
        return  # table captions and footnotes ("* Långsiktigt mål …") are never goals, indicators or measures
    if item.bold and section is not None and (goal := state.find_goal(text, partial=True)) is not None:
        state.goal = goal
        return
    if text.rstrip().endswith(":") and words <= _INTRO_WORDS and (kind := goal_kind_mentioned(text)):
        if section is None or section.role is not Role.GOALS or section.level is None:
            state.open(_Section(Role.GOALS, kind, None, None, focus=state.focus_above()))
        return
    label = classify(text) if item.kind == "paragraph" and text.rstrip().endswith(":") else None
    if label is not None and not _mandate(state, label, text):
        # a paragraph that is only a cue label ("Indikatorer:") opens its list like a heading would
        state.open(_Section(label.role, label.kind, None, state.heading_above(), focus=state.focus_above()))
        return
    if section is None:
        if item.kind == "paragraph" and (labelled := _colon_labelled_indicator(text)) is not None:
            # "Mått: Andel …" under a goal heading opens the indicator list and is its first item
            state.open(_Section(Role.INDICATORS, None, None, state.heading_above(), focus=state.focus_above()))
            _cell(state, Cue(Role.INDICATORS), labelled, item)
        return
    if item.kind == "paragraph" and (labelled := split_label(text)) is not None:
        prefixed = lex.goal_prefix.match(text) if labelled[0].role is Role.GOALS else None
        _cell(state, labelled[0], labelled[1], item, number=prefixed["num"] if prefixed else None)
        section.carded |= labelled[0].role is Role.GOALS
        return
    is_list = item.kind == "list_item"
    if section.role is Role.GOALS and words <= _MAX_GOAL_WORDS and _addressed(text):
        state.add_measure(text, item.page, section.name)  # "Varje nämnd ska formulera …" is a task
        return
    if section.role is Role.GOALS and section.labelled_rows and not is_list:
        if (row := _focus_and_goal(text)) is not None:
            state.goal = state.add_goal(row[1], section.kind or "political", item.page, focus=row[0])
        return  # prose under the header is not a row
    if section.role is Role.GOALS and (section.carded or section.stated) and not is_list:
        return  # the other fields of a goal card ("Koppling till …"), a stated goal's explanation
    if section.role is Role.GOALS:
        statement = words <= _MAX_GOAL_WORDS and not text.rstrip().endswith(":")
        if is_list or (statement and (section.level is None or not section.listed)):
            state.goal = state.add_goal(text, section.kind or "political", item.page, focus=section.focus,
                                        parent=state.parent_goal(section), number=_list_number(item.marker))
            section.listed |= is_list
        elif section.listed or section.level is None:
            state.section = None
        return
    if section.role is Role.INDICATORS:
        if is_list and _other_list(section, item):
            # "1. <goal>", "Mått:", "• …", "2. <goal>": the next goal ends the indicator bullets
            state.section = section.outer
            _content(state, item, following)
            return
        if _baseline(text):
            return  # where the indicator above stands now: no target, and no end of the list
        if any(p.search(text) for p in lex.attributes):
            if state.indicators:
                state.qualify_indicator(text)
        elif is_list or (following is not None and (_baseline(following.text)
                                                    or any(p.search(following.text) for p in lex.attributes))):
            state.add_indicator(text, item.page, state.goal)
            section.listed |= is_list
            if is_list and section.start is None:
                section.marker, section.start = _marker_kind(item.marker), (item.page, item.column, item.x0)
        elif section.listed:
            state.section = None
        return
    if section.role is Role.MEASURES:
        if is_list or (not section.lists_only and not section.listed and item.kind == "paragraph"
                       and not _introduces(text, following)):
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
            state.row_indicator, state.breakdown = None, False
            if columns and columns[0] is not None and columns[0].role is Role.MEASURES:
                # a task table ("Uppdrag | Ansvarig nämnd") makes the rest of its section, up to
                # the next heading of any level, a measures section: a list continuing it holds tasks
                state.section = _Section(Role.MEASURES, None, _ANY_HEADING, state.heading_above())
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
    _matrix_row(state, item)


def _matrix_row(state: _State, item: Item) -> None:
    """One row of a table with cue columns ("Mål | Indikator | Önskat läge | Nuläge 2024 …").

    A goal cell stays the goal of the rows below it until the next goal cell. In a table with
    a direction column, a row without a direction of its own, an indented row, or a row
    under such a row breaks down the indicator above it (per förvaltning, per vårdnivå):
    it is not an indicator, and hands its direction up when the indicator states none; a row
    with a goal cell of its own starts afresh."""
    indicator, wanted, values, indented = "", [], [], False
    responsible = next((cell for cue, cell in zip(state.columns, item.cells) if cue == Cue(Role.RESPONSIBLE)), None)
    for n, (cue, cell) in enumerate(zip(state.columns, item.cells)):
        if cue is None:
            values.append(cell)
        elif cue.role is Role.RESPONSIBLE:
            continue
        elif cue.role is Role.TARGETS:
            wanted += [cell] if cell else []
        elif cue.role is Role.INDICATORS and not indicator:
            indicator, indented = cell, n < len(item.indented) and item.indented[n]
        elif cell:
            _cell(state, cue, cell, item, in_table=True, responsible=responsible)
    if not indicator:
        return
    parent = state.row_indicator
    if parent is not None and state.goal is not None and parent.goal_id != state.goal.goal_id:
        parent = None  # a row that opens a goal of its own breaks down nothing above it
    if parent is not None and Cue(Role.TARGETS) in state.columns and (
        indented or (not wanted and (any(values) or state.breakdown))
    ):
        if parent.direction is None and wanted:
            parent.direction, parent.target_value = column_direction(*wanted)
        state.breakdown = True
        return
    state.breakdown = False
    state.row_indicator = state.tail = state.add_indicator(
        indicator, item.page, state.goal, wanted=wanted, values=" ".join(v for v in values if v))


def _header_roles(item: Item) -> list[Cue | None]:
    columns = [classify(c) if c else None for c in item.cells]
    # a task list is the table's first column; "Datum | Aktivitet" is a timetable
    columns[1:] = [c if c is None or c.role is not Role.MEASURES else None for c in columns[1:]]
    if not any(columns):
        whole = classify(item.text)
        columns = [whole] if whole else []
    lex = load_lexicon()
    if columns and columns[0] is not None and columns[0].role is Role.MEASURES:
        columns[1:] = [Cue(Role.RESPONSIBLE) if c is None and cell and lex.responsible_columns.is_whole(cell) else c
                       for c, cell in zip(columns[1:], item.cells[1:])]
    if Cue(Role.INDICATORS) in columns:
        # a target column ("Målvärde 2026") is never the indicator column: "Finansiella mål |
        # Målvärde" states goals with their targets; a goal column right of the indicators
        # ("Indikator | Utfall 2024 | Mål 2026") holds their targets
        first = next((n for n, (c, cell) in enumerate(zip(columns, item.cells)) if c == Cue(Role.INDICATORS)
                      and not lex.direction_columns.is_whole(cell, lex.filler)), len(columns))
        columns = [Cue(Role.TARGETS) if n != first and cell and (lex.direction_columns.is_whole(cell, lex.filler) or (
                       n > first and c is not None and c.role is Role.GOALS)) else c
                   for n, (c, cell) in enumerate(zip(columns, item.cells))]
    return columns


def _cell(state: _State, cue: Cue, text: str, item: Item, in_table: bool = False,
          responsible: str | None = None, number: str | None = None) -> None:
    """`responsible`: the row's cell in a responsibility column, when its table has one;
    `number`: the goal's number printed in its label ("Mål 1: …")."""
    if not text:
        return
    if cue.role is Role.GOALS:
        parent = state.chapter_goal
        focus = state.heading_above() if parent is not None else None
        state.goal = state.add_goal(text, cue.kind or "political", item.page, number=number, focus=focus,
                                    parent=parent, restated=not in_table)
        state.tail = state.goal if in_table else None
    elif cue.role is Role.INDICATORS:
        state.add_indicator(text, item.page, state.goal)
    elif cue.role is Role.MEASURES:
        state.add_measure(text, item.page, state.heading_above(), responsible, stated=responsible is not None)


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


def _list_number(marker: str | None) -> str | None:
    """The number a numbered list item prints ("1." → "1", "2.3)" → "2.3"); None for bullets."""
    m = re.fullmatch(r"(\d{1,2}(?:\.\d{1,2})*)[.)]?", marker or "")
    return m.group(1) if m else None


def _marker_kind(marker: str | None) -> str | None:
    """A bullet symbol as it is; every number or letter ("1.", "b)") as one kind."""
    return "1." if marker and marker[:1].isalnum() else marker


def _other_list(section: _Section, item: Item) -> bool:
    """The list item belongs to the goals list around the indicator list a label opened: its
    marker is of another kind than the indicators' own, or it starts left of them in the same
    column of the same page (the indicators are nested under the goal)."""
    outer = section.outer
    if section.level is not None or outer is None or outer.role is not Role.GOALS or section.start is None:
        return False
    page, column, x0 = section.start
    outdented = (item.page, item.column) == (page, column) and item.x0 < x0 - _OUTDENT
    return outdented or _marker_kind(item.marker) != section.marker


def _colon_labelled_indicator(text: str) -> str | None:
    """The indicator of a paragraph that opens with an indicator label and a colon ("Mått:
    Andel elever …"); None for anything else (prose may start with a cue word)."""
    labelled = split_label(text)
    if labelled is None or labelled[0].role is not Role.INDICATORS:
        return None
    return labelled[1] if text[: len(text) - len(labelled[1])].rstrip().endswith(":") else None


def _baseline(text: str) -> bool:
    """A line stating where an indicator stands now or elsewhere ("Utfall 2024: 78 %")."""
    return any(p.search(text) for p in load_lexicon().baselines)


def _introduces(text: str, following: Item | None) -> bool:
    """The paragraph introduces the tasks rather than giving one: it ends in ":", or it announces
    ("följande", "nedan") the list or table that follows."""
    if text.rstrip().endswith(":"):
        return True
    announces = following is not None and following.kind in ("list_item", "row")
    return announces and load_lexicon().intro_words.contains(text)


def _addressed(text: str) -> bool:
    """The statement gives a task to a named body: it opens with the body ("Varje nämnd ska …",
    "Kommunstyrelsen får i uppdrag …")."""
    opening = " ".join(text.split()[:_FOCUS_WORDS])
    return responsible_bodies(opening) is not None and any(p.search(text) for p in load_lexicon().tasks)


def _labelled_goal_header(text: str) -> Cue | None:
    """The goal cue of a two-column table header flattened to a heading ("Perspektiv
    Övergripande mål"): a one-word column label, then a goal cue."""
    words = text.strip().rstrip(":").split()
    if len(words) < 2 or classify(words[0]) is not None:
        return None
    cue = classify(" ".join(words[1:]))
    return cue if cue is not None and cue.role is Role.GOALS else None


def _focus_and_goal(text: str) -> tuple[str, str] | None:
    """("Tjänst/process", "Effektiva och ändamålsenliga tjänster …") for a short row of a
    "Perspektiv | Mål" table: the goal starts at the first capitalised word after the label."""
    words = text.split()
    if len(words) > _ROW_GOAL_WORDS:
        return None
    for k in range(1, min(_FOCUS_WORDS, len(words) - 1) + 1):
        if words[k][:1].isupper():
            return " ".join(words[:k]), " ".join(words[k:])
    return None


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
