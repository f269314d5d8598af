"""`pipeline explain`: why each block of a page became what it became.

For each block of the page (a table block: each of its row groups) in reading order: its
type, box and a short text, every rule that applied to it (the first one won), and what the
winning label did: the goals, indicators and measures it made, with the rule on each row,
and the sections it opened or ended. The whole document is read, since what a block is
depends on what came before it; only the page asked for is printed.
"""
from __future__ import annotations

from collections.abc import Iterator

from pipeline.extract.assemble import Outcome, Reading, Step
from pipeline.extract.document_fields import document_fields
from pipeline.extract.political import read_political
from pipeline.extract.rules.registry import (
    Breakdown,
    Chapter,
    Close,
    Comment,
    FocusArea,
    Goal,
    Header,
    Indicator,
    Link,
    Measure,
    Open,
    Outside,
    Qualifier,
    Tail,
)
from pipeline.model import Block, BlockKind, Document, GoalRow, IndicatorRow, MeasureRow
from pipeline.settings import Settings

_SHORT = 72  # characters of a block's text shown


def explain_page(doc: Document, page: int, settings: Settings) -> str:
    fields = document_fields(doc, settings)
    doc_type = fields.doc_type
    steps = read_political(doc, settings, doc_type, trace=True, organisation=fields.organisation).steps
    lines = [f"{doc.source_file}  page {page}  doc type {doc_type}"
             + ("  (its political content is not published)" if doc_type == "not_budget" else "")]
    for block, block_steps in _by_block(doc.blocks, steps):
        if block.page != page and not any(s.item.page == page for s in block_steps):
            continue
        if not block_steps:
            lines.append(f"{block.kind.value:<9} {_box(block.bbox)} {_short(block.text)}\n    not read")
        for step in block_steps:
            lines += _step(step)
    return "\n".join(lines)


def _by_block(blocks: list[Block], steps: list[Step]) -> Iterator[tuple[Block, list[Step]]]:
    """Each block with the steps of its items: a table block's row groups, another block's one
    item, nothing for a table of contents (it is not read)."""
    at = 0
    for index, block in enumerate(blocks):
        if block.kind is BlockKind.TOC:
            yield block, []
            continue
        end = at
        if block.kind is BlockKind.TABLE and block.lines:
            while end < len(steps) and steps[end].item.table == index:
                end += 1
        else:
            end = at + 1
        yield block, steps[at:end]
        at = end


def _step(step: Step) -> list[str]:
    item = step.item
    kind = f"{item.kind} L{item.level}" if item.level is not None else item.kind
    lines = [f"{kind:<9} {_box(item.bbox)} {_short(item.text)}"]
    for reading in step.readings:
        lines.append(f"    rules: {_rules(reading)}")
        lines += [f"    {text}" for text in map(_outcome, reading.outcomes) if text]
    return lines


def _rules(reading: Reading) -> str:
    if reading.label is None:
        return "none"
    won, *rest = reading.fired
    return ", ".join([f"{won} (won)", *rest])


def _outcome(outcome: Outcome) -> str:
    """What one fact did, in a line; the rows made name their rule."""
    fact, row = outcome.fact, outcome.row
    if isinstance(fact, (Goal, Indicator, Measure)):
        return _row(row, outcome.new)  # type: ignore[arg-type]
    if isinstance(fact, Qualifier):
        return f"qualifies {_id(row)}: direction {fact.direction}, target {fact.target_value}, unit {fact.unit}"
    if isinstance(fact, (Breakdown, Tail)):
        return f"{'breaks down' if isinstance(fact, Breakdown) else 'wrapped end of'} {_id(row)}"
    if isinstance(fact, (Link, FocusArea)):
        focus = f"focus area {fact.focus!r} of" if isinstance(fact, FocusArea) else "links to"
        return f"{focus} goal {_id(row)}"
    if isinstance(fact, Open):
        return f"opens a {fact.section.role} list {fact.section.name!r}"
    if isinstance(fact, Close):
        return "ends the open list" + (", reads the block again" if fact.reread else "")
    if isinstance(fact, Chapter):
        return f"opens a {fact.role} chapter"
    if isinstance(fact, Header):
        return "table header: " + " | ".join(str(c.role) if c else "-" for c in fact.columns)
    if isinstance(fact, (Comment, Outside)):
        return "row of a table that is not read" if isinstance(fact, Outside) else "comment"
    return ""  # a Mark: what the block tells about the open list


def _row(row: GoalRow | IndicatorRow | MeasureRow, new: bool) -> str:
    if isinstance(row, GoalRow):
        what, text, goal = "goal", row.title, row.parent_goal_id
    else:
        what, text, goal = ("indicator" if isinstance(row, IndicatorRow) else "measure"), row.text, row.goal_id
    if not new:
        return f"restates {what} {_id(row)}"
    under = f" (under {goal})" if goal else ""
    return f"{what} {_id(row)} by {row.rule}{under}: {_short(text)}"


def _id(row: GoalRow | IndicatorRow | MeasureRow | None) -> str:
    if isinstance(row, GoalRow):
        return row.goal_id
    if isinstance(row, IndicatorRow):
        return row.indicator_id
    return row.measure_id if row is not None else "-"


def _box(bbox: tuple[float, float, float, float] | None) -> str:
    return "[" + ", ".join(f"{v:.0f}" for v in bbox) + "]" if bbox else "[]"


def _short(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= _SHORT else text[: _SHORT - 1] + "…"
