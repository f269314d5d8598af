"""Paragraphs and list items during the walk: what the open section makes of them (a goal, an
indicator, its qualifier, a measure), and the sentences and labels that open or end a section.
"""
from __future__ import annotations

import re

from pipeline.extract.political_state import FOCUS_WORDS, Section, State
from pipeline.extract.sections import (
    Cue,
    Item,
    Lexicon,
    Role,
    classify,
    goal_kind_mentioned,
    goal_run,
    split_label,
    strip_numbering,
)
from pipeline.text.lexicon import responsible_bodies

_MAX_GOAL_WORDS = 45  # a paragraph longer than this is prose, not a goal statement
_INTRO_WORDS = 40  # an introducing sentence ("… följande mål:") is short
_ROW_GOAL_WORDS = 15  # a "Perspektiv | Mål" row flattened to one line is short
_OUTDENT = 5.0  # points: a list item starting this far left of a nested list belongs to the list around it
_FOOTNOTE_MARK = re.compile(r"^\*+$")


def read_content(state: State, item: Item, following: Item | None) -> None:
    """`following` is the next item: it tells an indicator followed by its qualifier, and a
    sentence announcing the list below."""
    text, section, lex = item.text, state.section, state.lex
    words = len(text.split())
    if state.skip:
        state.skip = False
        return
    if item.kind == "paragraph" and (run := goal_run(text, lex)):
        for number, title in run:  # a list of numbered goals that layout ran into one paragraph
            state.goal = state.add_goal(title, "political", item.page, number=number)
        return
    if item.kind == "caption" or (item.marker and _FOOTNOTE_MARK.match(item.marker)):
        return  # table captions and footnotes ("* Långsiktigt mål …") are never goals, indicators or measures
    if item.bold and section is not None and (goal := state.find_goal(text, partial=True)) is not None:
        state.goal = goal
        return
    if text.rstrip().endswith(":") and words <= _INTRO_WORDS and (kind := goal_kind_mentioned(text, lex)):
        if section is None or section.role is not Role.GOALS or section.level is None:
            state.open(Section(Role.GOALS, kind, None, None, focus=state.focus_above()))
        return
    label = classify(text, lex) if item.kind == "paragraph" and text.rstrip().endswith(":") else None
    if label is not None and not state.is_mandate(label, text):
        # a paragraph that is only a cue label ("Indikatorer:") opens its list like a heading would
        state.open(Section(label.role, label.kind, None, state.heading_above(), focus=state.focus_above()))
        return
    if section is None:
        if item.kind == "paragraph" and (labelled := _colon_labelled_indicator(text, lex)) is not None:
            # "Mått: Andel …" under a goal heading opens the indicator list and is its first item
            state.open(Section(Role.INDICATORS, None, None, state.heading_above(), focus=state.focus_above()))
            state.add_cell(Cue(Role.INDICATORS), labelled, item)
        return
    if item.kind == "paragraph" and (labelled := split_label(text, lex)) is not None:
        prefixed = lex.goal_prefix.match(text) if labelled[0].role is Role.GOALS else None
        state.add_cell(labelled[0], labelled[1], item, number=prefixed["num"] if prefixed else None)
        section.carded |= labelled[0].role is Role.GOALS
        return
    is_list = item.kind == "list_item"
    if section.role is Role.GOALS and words <= _MAX_GOAL_WORDS and _addressed(text, lex):
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
            read_content(state, item, following)
            return
        if _baseline(text, lex):
            return  # where the indicator above stands now: no target, and no end of the list
        if any(p.search(text) for p in lex.attributes):
            if state.indicators:
                state.qualify_indicator(text)
        elif is_list or (following is not None and (_baseline(following.text, lex)
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
                       and not _introduces(text, following, lex)):
            state.add_measure(text, item.page, section.name)
            section.listed |= is_list
        elif section.listed:
            state.section = None
        return
    if section.role is Role.DECISIONS and is_list:
        _, body = strip_numbering(text, lex)
        if any(p.search(body) for p in lex.tasks):
            state.add_measure(body, item.page, section.name)


def _list_number(marker: str | None) -> str | None:
    """The number a numbered list item prints ("1." → "1", "2.3)" → "2.3"); None for bullets."""
    m = re.fullmatch(r"(\d{1,2}(?:\.\d{1,2})*)[.)]?", marker or "")
    return m.group(1) if m else None


def _marker_kind(marker: str | None) -> str | None:
    """A bullet symbol as it is; every number or letter ("1.", "b)") as one kind."""
    return "1." if marker and marker[:1].isalnum() else marker


def _other_list(section: Section, item: Item) -> bool:
    """The list item belongs to the goals list around the indicator list a label opened: its
    marker is of another kind than the indicators' own, or it starts left of them in the same
    column of the same page (the indicators are nested under the goal)."""
    outer = section.outer
    if section.level is not None or outer is None or outer.role is not Role.GOALS or section.start is None:
        return False
    page, column, x0 = section.start
    outdented = (item.page, item.column) == (page, column) and item.x0 < x0 - _OUTDENT
    return outdented or _marker_kind(item.marker) != section.marker


def _colon_labelled_indicator(text: str, lex: Lexicon) -> str | None:
    """The indicator of a paragraph that opens with an indicator label and a colon ("Mått:
    Andel elever …"); None for anything else (prose may start with a cue word)."""
    labelled = split_label(text, lex)
    if labelled is None or labelled[0].role is not Role.INDICATORS:
        return None
    return labelled[1] if text[: len(text) - len(labelled[1])].rstrip().endswith(":") else None


def _baseline(text: str, lex: Lexicon) -> bool:
    """A line stating where an indicator stands now or elsewhere ("Utfall 2024: 78 %")."""
    return any(p.search(text) for p in lex.baselines)


def _introduces(text: str, following: Item | None, lex: Lexicon) -> bool:
    """The paragraph introduces the tasks rather than giving one: it ends in ":", or it announces
    ("följande", "nedan") the list or table that follows."""
    if text.rstrip().endswith(":"):
        return True
    announces = following is not None and following.kind in ("list_item", "row")
    return announces and lex.intro_words.contains(text)


def _addressed(text: str, lex: Lexicon) -> bool:
    """The statement gives a task to a named body: it opens with the body ("Varje nämnd ska …",
    "Kommunstyrelsen får i uppdrag …")."""
    opening = " ".join(text.split()[:FOCUS_WORDS])
    return responsible_bodies(opening, lex.bodies) is not None and any(p.search(text) for p in lex.tasks)


def _focus_and_goal(text: str) -> tuple[str, str] | None:
    """("Tjänst/process", "Effektiva och ändamålsenliga tjänster …") for a short row of a
    "Perspektiv | Mål" table: the goal starts at the first capitalised word after the label."""
    words = text.split()
    if len(words) > _ROW_GOAL_WORDS:
        return None
    for k in range(1, min(FOCUS_WORDS, len(words) - 1) + 1):
        if words[k][:1].isupper():
            return " ".join(words[:k]), " ".join(words[k:])
    return None
