"""Rules on the text of indicator, measure and decision lists.

An indicator list's items are indicators, and so is a paragraph its qualifier line follows
("Målvärde 2026: 85 %"); a measure list's items are measures, and so is the first paragraph
under a measures heading; a decision list holds the tasks its points give.
"""
from __future__ import annotations

from pipeline.extract.lexicon import Lexicon
from pipeline.extract.rules.context import Context, Section
from pipeline.extract.rules.facts import indicator, measure, qualifier, title_of
from pipeline.extract.rules.registry import TEXT, Close, Label, Mark, claim, rule
from pipeline.extract.sections import Item, Role, is_numbered_title, strip_numbering

_OUTDENT = 5.0  # points: a list item starting this far left of a nested list belongs to the list around it


def _open(context: Context, role: Role) -> Section | None:
    section = context.section
    return section if section is not None and section.role is role else None


def _baseline(lex: Lexicon, text: str) -> bool:
    """A line stating where an indicator stands now or elsewhere ("Utfall 2024: 78 %")."""
    return any(p.search(text) for p in lex.baselines)


def _qualifies(lex: Lexicon, text: str) -> bool:
    """A line stating an indicator's target or wanted direction ("Målvärde 2026: 85 %")."""
    return any(p.search(text) for p in lex.attributes)


@rule("next_goal_ends_indicator_list", on=TEXT)
def next_goal_ends_indicator_list(item: Item, context: Context) -> Label | None:
    """"1. <goal>", "Mått:", "• …", "2. <goal>": a list item of the goal list around the
    indicator bullets a label opened ends them, and is read again as a goal. It is of the
    goals' list when its marker is of another kind than the indicators' own, or it starts
    left of them in the same column of the same page (the indicators are nested under it)."""
    section = _open(context, Role.INDICATORS)
    if section is None or item.kind != "list_item":
        return None
    outer = section.outer
    if section.level is not None or outer is None or outer.role is not Role.GOALS or section.start is None:
        return None
    page, column, x0 = section.start
    outdented = (item.page, item.column) == (page, column) and item.x0 < x0 - _OUTDENT
    other = outdented or _marker_kind(item.marker) != section.marker
    return claim(Close(to_outer=True, reread=True)) if other else None


@rule("indicator_baseline_line", on=TEXT)
def indicator_baseline_line(item: Item, context: Context) -> Label | None:
    """Where the indicator above stands now ("Utfall 2024: 78 %"): no target, and no end of the list."""
    return claim() if _open(context, Role.INDICATORS) is not None and _baseline(context.lexicon, item.text) else None


@rule("indicator_qualifier_line", on=TEXT)
def indicator_qualifier_line(item: Item, context: Context) -> Label | None:
    """A target or direction line ("Indikatornivå: 100 %", "Önskad riktning: Ökande") qualifies
    the indicator read last."""
    if _open(context, Role.INDICATORS) is None or not _qualifies(context.lexicon, item.text):
        return None
    stated = qualifier(context, item.text)
    return claim(stated) if stated is not None else claim()


@rule("indicator_list_item", on=TEXT)
def indicator_list_item(item: Item, context: Context) -> Label | None:
    """Every list item of an indicator list is an indicator of the current goal; the first one
    sets the list's marker and place, which tell the goal list around it."""
    section = _open(context, Role.INDICATORS)
    if section is None or item.kind != "list_item":
        return None
    mark = Mark(listed=True)
    if section.start is None:
        mark = Mark(listed=True, marker=_marker_kind(item.marker), start=(item.page, item.column, item.x0))
    return claim(indicator(context, item.text, title_of(context.goal)), mark)


@rule("indicator_above_qualifier", on=TEXT)
def indicator_above_qualifier(item: Item, context: Context) -> Label | None:
    """A paragraph in an indicator list followed by a baseline or qualifier line is an indicator."""
    following = context.following
    if _open(context, Role.INDICATORS) is None or following is None:
        return None
    if not (_baseline(context.lexicon, following.text) or _qualifies(context.lexicon, following.text)):
        return None
    return claim(indicator(context, item.text, title_of(context.goal)))


@rule("measure_list_item", on=TEXT)
def measure_list_item(item: Item, context: Context) -> Label | None:
    """Every list item of a measures list ("Uppdrag", "Åtgärder", a theme of a political
    direction chapter) is a measure."""
    section = _open(context, Role.MEASURES)
    if section is None or item.kind != "list_item":
        return None
    return claim(measure(context, item.text, section.name), Mark(listed=True))


@rule("measure_paragraph", on=TEXT)
def measure_paragraph(item: Item, context: Context) -> Label | None:
    """A paragraph under a measures heading, before any list, is a measure, unless it
    introduces the tasks: it ends in ":", or announces ("följande", "nedan") the list or
    table that follows. A theme section of a political direction chapter holds only lists."""
    section, text = _open(context, Role.MEASURES), item.text
    if section is None or section.lists_only or section.listed or item.kind != "paragraph":
        return None
    if is_numbered_title(context.lexicon, text):
        return claim()  # "3.1.1.1 Personalvolymsutveckling": a heading layout set as a paragraph
    following = context.following
    announces = (following is not None and following.kind in ("list_item", "row")
                 and context.lexicon.intro_words.contains(text))
    return None if text.rstrip().endswith(":") or announces else claim(measure(context, text, section.name))


@rule("prose_ends_list", on=TEXT)
def prose_ends_list(item: Item, context: Context) -> Label | None:
    """Prose after the items of an indicator or measures list ends the list (a goal list
    ends by its own rule)."""
    section = context.section
    listed = section is not None and section.listed and section.role in (Role.INDICATORS, Role.MEASURES)
    return claim(Close()) if listed else None


@rule("task_in_decision", on=TEXT)
def task_in_decision(item: Item, context: Context) -> Label | None:
    """A point of a proposed decision ("Förslag till beslut") that gives a task ("… får i
    uppdrag att …") is a measure; the other points decide budgets and rates."""
    section = _open(context, Role.DECISIONS)
    if section is None or item.kind != "list_item":
        return None
    _, body = strip_numbering(context.lexicon, item.text)
    return claim(measure(context, body, section.name)) if any(p.search(body) for p in context.lexicon.tasks) else None


def _marker_kind(marker: str | None) -> str | None:
    """A bullet symbol as it is; every number or letter ("1.", "b)") as one kind."""
    return "1." if marker and marker[:1].isalnum() else marker
