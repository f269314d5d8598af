"""Rules on table rows: a header row names its columns' roles (goal, indicator, target, task,
responsible body), and each row below is read by those roles.

The assembler keeps the table being read (`Context.table`, `columns`): a header starts one,
a heading ends it, and a header naming no role on the page after it continues it. Rows of a
table whose header names no role are not read.
"""
from __future__ import annotations

from pipeline.extract.indicators import column_direction
from pipeline.extract.lexicon import Lexicon
from pipeline.extract.rules.context import Context, Section
from pipeline.extract.rules.facts import cell, indicator, title_of
from pipeline.extract.rules.registry import (
    ROWS,
    Breakdown,
    Fact,
    Goal,
    Header,
    Label,
    Link,
    Open,
    Outside,
    claim,
    rule,
)
from pipeline.extract.sections import Cue, Item, Role, classify, names_amount_line

_ANY_HEADING = 99  # the level of a section that the next heading, whatever its level, ends


def header_roles(item: Item, lex: Lexicon) -> tuple[Cue | None, ...]:
    """The role of each column a header row names; a target column ("Målvärde 2026") is never
    the indicator column, and a task list is the table's first column."""
    columns = [classify(lex, c) if c else None for c in item.cells]
    # "Datum | Aktivitet" is a timetable
    columns[1:] = [c if c is None or c.role is not Role.MEASURES else None for c in columns[1:]]
    if not any(columns):
        whole = classify(lex, item.text)
        columns = [whole] if whole else []
    if columns and columns[0] is not None and columns[0].role is Role.MEASURES:
        columns[1:] = [Cue(Role.RESPONSIBLE) if c is None and text and lex.responsible_columns.is_whole(text) else c
                       for c, text in zip(columns[1:], item.cells[1:])]
    if Cue(Role.INDICATORS) in columns:
        # "Finansiella mål | Målvärde" states goals with their targets; a goal column right of
        # the indicators ("Indikator | Utfall 2024 | Mål 2026") holds their targets
        first = next((n for n, (c, text) in enumerate(zip(columns, item.cells)) if c == Cue(Role.INDICATORS)
                      and not lex.direction_columns.is_whole(text, lex.filler)), len(columns))
        columns = [Cue(Role.TARGETS) if n != first and text and (lex.direction_columns.is_whole(text, lex.filler) or (
                       n > first and c is not None and c.role is Role.GOALS)) else c
                   for n, (c, text) in enumerate(zip(columns, item.cells))]
    return tuple(columns)


def _headerlike(item: Item, lex: Lexicon) -> bool:
    return item.header or bool(item.bold and classify(lex, item.cells[0] if item.cells else item.text))


def _continues(item: Item, context: Context) -> bool:
    """A header naming no role on the page after a read table is that table's next page."""
    return (_headerlike(item, context.lexicon) and item.header and bool(context.columns)
            and item.page == context.table_page + 1 and len(item.cells) == len(context.columns)
            and not any(header_roles(item, context.lexicon)))


def _amounts_rows(item: Item, lex: Lexicon) -> bool:
    """Most rows below the header name lines of a financial statement ("Personalkostnader",
    "Intäkter"): the table reports amounts or their change, whatever its header calls them."""
    labels = [label for label in item.body_labels if label]
    return bool(labels) and 2 * sum(names_amount_line(lex, label) for label in labels) > len(labels)


@rule("table_header", on=ROWS)
def table_header(item: Item, context: Context) -> Label | None:
    """A header row (or a bold row opening with a cue) starts a table. A task table ("Uppdrag |
    Ansvarig nämnd") makes the rest of its section, up to the next heading of any level, a
    measures section: a list continuing it holds tasks."""
    if not _headerlike(item, context.lexicon) or _continues(item, context):
        return None
    columns = header_roles(item, context.lexicon)
    if Cue(Role.INDICATORS) in columns and _amounts_rows(item, context.lexicon):
        return claim(Header((), item.table))  # "Mått | Utfall perioden" over cost lines: no indicators
    if columns and columns[0] is not None and columns[0].role is Role.MEASURES:
        opened = Open(Section(Role.MEASURES, None, _ANY_HEADING, context.heading_above()), alone=True)
        return claim(Header(columns, item.table), opened)
    return claim(Header(columns, item.table))


@rule("unread_table_row", on=ROWS)
def unread_table_row(item: Item, context: Context) -> Label | None:
    """A row of a table no header with roles started (or that a heading ended) is not read."""
    read = context.columns and (item.table == context.table or _continues(item, context))
    return None if read else claim(Outside())


@rule("comment_row", on=ROWS)
def comment_row(item: Item, context: Context) -> Label | None:
    """A "Kommentar" / "Analys" row comments on the row above; it states nothing."""
    first = item.label or item.text.split(" ", 1)[0]
    return claim() if any(p.match(first) for p in context.lexicon.comments) else None


@rule("labelled_row", on=ROWS)
def labelled_row(item: Item, context: Context) -> Label | None:
    """A row group whose first line labels the lines below ("Indikator" over "Andel …"): the
    label's role says what the rest is; a label naming no role leaves the row unread."""
    if item.label is None:
        return None
    cue = classify(context.lexicon, item.label)
    if cue is None:
        return claim()
    return claim(*cell(context, cue, item.text[len(item.label):].strip(), title_of(context.goal)))


@rule("bold_goal_row", on=ROWS)
def bold_goal_row(item: Item, context: Context) -> Label | None:
    """A bold row inside a table restates the goal the rows below belong to."""
    if not item.bold:
        return None
    known = context.find_goal(item.text)
    return claim(Link(known)) if known is not None else claim()


@rule("single_column_row", on=ROWS)
def single_column_row(item: Item, context: Context) -> Label | None:
    """A row of a one-column table (or a row with one cell) is one entry of the column's role."""
    if len(context.columns) != 1 and len(item.cells) >= 2:
        return None
    cue = context.columns[0]
    return claim(*cell(context, cue, item.text, title_of(context.goal))) if cue is not None else claim()


@rule("task_table", on=ROWS)
def task_table(item: Item, context: Context) -> Label | None:
    """A row of a table whose first column holds tasks ("Uppdrag | Ansvarig nämnd"): a task,
    with the body its responsibility column names."""
    first = context.columns[0] if context.columns else None
    return claim(*_matrix_row(item, context)) if first is not None and first.role is Role.MEASURES else None


@rule("indicator_table_by_header_roles", on=ROWS)
def indicator_table_by_header_roles(item: Item, context: Context) -> Label | None:
    """A row of a table with an indicator column ("Mål | Indikator | Önskat läge | Nuläge 2024"):
    the indicator with the direction and target its columns give, under the goal of its
    goal cell or of the goal cells above."""
    return claim(*_matrix_row(item, context)) if Cue(Role.INDICATORS) in context.columns else None


@rule("goal_table_by_header_roles", on=ROWS)
def goal_table_by_header_roles(item: Item, context: Context) -> Label | None:
    """A row of any other table with roles ("Perspektiv | Mål", "Finansiella mål | Målvärde"):
    each cell under a role states one goal, indicator or task."""
    return claim(*_matrix_row(item, context))


def _matrix_row(item: Item, context: Context) -> list[Fact]:
    """The facts of one row read by its columns' roles, in column order.

    A goal cell stays the goal of the rows below it until the next goal cell. In a table with
    a direction column, a row without a direction of its own, an indented row, or a row
    under such a row breaks down the indicator above it (per förvaltning, per vårdnivå):
    it is not an indicator, and hands its direction up when the indicator states none; a row
    with a goal cell of its own starts afresh."""
    indicator_text, wanted, values, indented = "", [], [], False
    responsible = next((text for cue, text in zip(context.columns, item.cells) if cue == Cue(Role.RESPONSIBLE)), None)
    facts: list[Fact] = []
    goal_title = title_of(context.goal)
    for n, (cue, text) in enumerate(zip(context.columns, item.cells)):
        if cue is None:
            values.append(text)
        elif cue.role is Role.RESPONSIBLE:
            continue
        elif cue.role is Role.TARGETS:
            wanted += [text] if text else []
        elif cue.role is Role.INDICATORS and not indicator_text:
            indicator_text, indented = text, n < len(item.indented) and item.indented[n]
        elif text:
            facts += cell(context, cue, text, goal_title, in_table=True, responsible=responsible)
            goal_title = next((f.title for f in reversed(facts) if isinstance(f, Goal)), goal_title)
    if not indicator_text:
        return facts
    parent = context.row_indicator
    opens_goal = any(isinstance(f, Goal) for f in facts)
    if parent is not None and (opens_goal or (context.goal is not None and parent.goal_id != context.goal.goal_id)):
        parent = None  # a row that opens a goal of its own breaks down nothing above it
    if parent is not None and Cue(Role.TARGETS) in context.columns and (
        indented or (not wanted and (any(values) or context.breakdown))
    ):
        handed = column_direction(context.lexicon, *wanted) if parent.direction is None and wanted else None
        return facts + [Breakdown(handed)]
    return facts + [indicator(context, indicator_text, goal_title, wanted, " ".join(v for v in values if v), row=True)]
