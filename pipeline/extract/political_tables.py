"""Table rows during the walk: a header row names its columns' roles (goal, indicator, target,
task, responsible body), and each row below reads its cells by those roles.
"""
from __future__ import annotations

from pipeline.extract.indicators import column_direction
from pipeline.extract.political_state import Section, State
from pipeline.extract.sections import Cue, Item, Lexicon, Role, classify

_ANY_HEADING = 99  # the level of a section that the next heading, whatever its level, ends


def read_row(state: State, item: Item) -> None:
    """A header row (or a bold row opening with a cue) starts a table; a header naming no cue
    on the page after the table continues it. Rows of tables without a known header are not read."""
    lex = state.lex
    if item.header or (item.bold and classify(item.cells[0] if item.cells else item.text, lex)):
        columns = _header_roles(item, lex)
        if any(columns) or not (item.header and state.columns and item.page == state.table_page + 1):
            state.table, state.table_page, state.columns = item.table, item.page, columns
            state.row_indicator, state.breakdown = None, False
            if columns and columns[0] is not None and columns[0].role is Role.MEASURES:
                # a task table ("Uppdrag | Ansvarig nämnd") makes the rest of its section, up to
                # the next heading of any level, a measures section: a list continuing it holds tasks
                state.section = Section(Role.MEASURES, None, _ANY_HEADING, state.heading_above())
            return
        state.table = item.table  # a table continued on the next page keeps its header
    if item.table != state.table or not state.columns:
        return
    state.table_page = item.page
    if any(p.match(item.label or item.text.split(" ", 1)[0]) for p in lex.comments):
        return
    if item.label is not None:
        cue = classify(item.label, lex)
        if cue is not None:
            state.add_cell(cue, item.text[len(item.label):].strip(), item)
        return
    if item.bold:
        state.goal = state.find_goal(item.text) or state.goal
        return
    if len(state.columns) == 1 or len(item.cells) < 2:
        if state.columns[0] is not None:
            state.add_cell(state.columns[0], item.text, item)
        return
    _matrix_row(state, item)


def _matrix_row(state: State, item: Item) -> None:
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
            state.add_cell(cue, cell, item, in_table=True, responsible=responsible)
    if not indicator:
        return
    parent = state.row_indicator
    if parent is not None and state.goal is not None and parent.goal_id != state.goal.goal_id:
        parent = None  # a row that opens a goal of its own breaks down nothing above it
    if parent is not None and Cue(Role.TARGETS) in state.columns and (
        indented or (not wanted and (any(values) or state.breakdown))
    ):
        if parent.direction is None and wanted:
            parent.direction, parent.target_value = column_direction(*wanted, phrasing=state.lex.phrasing)
        state.breakdown = True
        return
    state.breakdown = False
    state.row_indicator = state.tail = state.add_indicator(
        indicator, item.page, state.goal, wanted=wanted, values=" ".join(v for v in values if v))


def _header_roles(item: Item, lex: Lexicon) -> list[Cue | None]:
    columns = [classify(c, lex) if c else None for c in item.cells]
    # a task list is the table's first column; "Datum | Aktivitet" is a timetable
    columns[1:] = [c if c is None or c.role is not Role.MEASURES else None for c in columns[1:]]
    if not any(columns):
        whole = classify(item.text, lex)
        columns = [whole] if whole else []
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
