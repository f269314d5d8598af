"""Headings during the walk: a heading ends the sections of its level and deeper, and may open
a section (a cue heading), state a goal ("Mål 1: …"), open a goal chapter or a measures chapter.
"""
from __future__ import annotations

from pipeline.extract.political_state import Section, State
from pipeline.extract.sections import Cue, Item, Lexicon, Role, classify, is_bare_label, strip_numbering


def read_heading(state: State, item: Item) -> None:
    """A heading restating a known goal only links what follows to that goal; any other heading
    first ends the sections of its level and deeper."""
    lex = state.lex
    if any(p.match(item.text.strip()) for p in lex.comments):
        state.skip = True  # the comment below a goal or activity is not part of the list
        return
    state.table, state.columns = None, []  # a heading ends a table; the next one is not its continuation
    if state.section is not None and (goal := state.find_goal(item.text, partial=True)) is not None:
        state.goal = goal  # a goal restated above its activities links them, in any section
        return
    level = item.level or 9
    number, bare = strip_numbering(item.text, lex)
    while state.headings and state.headings[-1][0] >= level:
        state.headings.pop()
    state.section = section = _still_open(state.section, level)
    if state.heading_goal is not None and level <= state.heading_goal[0]:
        state.heading_goal = None
    if state.chapter_level is not None and level <= state.chapter_level:
        state.chapter_level = state.chapter_goal = None
    if state.measure_level is not None and level <= state.measure_level:
        state.measure_level = None
    cue = classify(item.text, lex)
    prefixed = lex.goal_prefix.match(bare)
    labelled = _labelled_goal_header(bare, lex) if cue is None else None
    if cue is not None and state.is_mandate(cue, bare):
        state.section = None  # the nämnd's standing mandate, not tasks for the period
    elif labelled is not None:
        state.open(Section(Role.GOALS, labelled.kind, level, bare, labelled_rows=True))
    elif prefixed and cue is None:
        _goal_heading(state, prefixed["title"], prefixed["num"], level, item.page)
    elif cue is not None:
        name = state.heading_above(level) if is_bare_label(item.text) else bare.strip().rstrip(":").strip()
        state.open(Section(cue.role, cue.kind, level, name, focus=state.focus_above(level)))
    elif section is not None and section.level is None and section.role is Role.GOALS:
        state.goal = state.add_goal(bare, section.kind or "political", item.page, focus=section.focus)
    elif lex.goal_chapters.is_whole(bare.rstrip(":"), lex.filler):
        state.chapter_level, state.chapter_goal = level, None
    elif state.chapter_level is not None and number is not None and level > state.chapter_level:
        state.chapter_goal = state.goal = state.add_goal(bare, "political", item.page, number=number)
    elif lex.measure_chapters.prefix(bare) is not None:
        state.measure_level = level
    elif state.measure_level is not None:
        state.open(Section(Role.MEASURES, None, level, bare.strip().rstrip(":"), lists_only=True))
    state.headings.append((level, item.text.strip().rstrip(":").strip()))


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


def _goal_heading(state: State, title: str, number: str | None, level: int, page: int) -> None:
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


def _labelled_goal_header(text: str, lex: Lexicon) -> Cue | None:
    """The goal cue of a two-column table header flattened to a heading ("Perspektiv
    Övergripande mål"): a one-word column label, then a goal cue."""
    words = text.strip().rstrip(":").split()
    if len(words) < 2 or classify(words[0], lex) is not None:
        return None
    cue = classify(" ".join(words[1:]), lex)
    return cue if cue is not None and cue.role is Role.GOALS else None
