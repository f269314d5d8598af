"""The assembler: labelled items → linked goal, indicator and measure rows.

It holds the reader's place (a `Context`: the section stack, the current goal, the headings
above, the table being read), asks the rules (extract/rules) what each item is, and applies
the facts of the winning label: it creates rows with their evidence (the rule's name and the
item's bounding box), links them to the current goal, and opens and ends sections. It knows
the document's structure, never its words: every judgement about wording is a rule's.

Structure it applies by itself, whatever the label says:
- a heading ends the table being read; unless it is a comment heading or restates a known
  goal, it also ends the sections of its level and deeper (`Context.after_heading`) and
  becomes a heading above what follows;
- a row of a read table keeps its table open (a header naming no role on the next page
  continues it);
- after any block that is not a table row the last table row can no longer get a wrapped
  end, and whether that block was a caption is remembered (a wrapped row end keeps it).
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from typing import Any, cast

from pipeline.contract import GoalKind, IndicatorDirection, IndicatorUnit
from pipeline.extract import rules
from pipeline.extract.rules.context import Context, clean, heading_level, restates
from pipeline.extract.rules.registry import (
    Breakdown,
    Chapter,
    Close,
    Comment,
    Fact,
    FocusArea,
    FollowUp,
    Goal,
    Header,
    Indicator,
    Label,
    Link,
    Mark,
    Measure,
    Open,
    Outside,
    Qualifier,
    Tail,
)
from pipeline.extract.sections import Item, Role
from pipeline.model import GoalRow, IndicatorRow, MeasureRow

Row = GoalRow | IndicatorRow | MeasureRow


@dataclass(frozen=True)
class Outcome:
    """One fact as applied: the row it made (`new`) or reached (a restated goal, the
    indicator a qualifier qualifies), if any."""

    fact: Fact
    row: Row | None
    new: bool


@dataclass
class Reading:
    """One reading of an item (an item read again has two): the label that won, the names of
    every rule that applied (traced runs only), and what the label's facts did."""

    label: Label | None
    fired: tuple[str, ...] = ()
    outcomes: list[Outcome] = field(default_factory=list)


@dataclass
class Step:
    item: Item
    readings: list[Reading] = field(default_factory=list)


@dataclass
class Assembly:
    goals: list[GoalRow]
    indicators: list[IndicatorRow]
    measures: list[MeasureRow]
    steps: list[Step]  # per item, in reading order, with both passes' readings (a traced run only)


def assemble(doc_id: str, stream: Sequence[Item], context: Context, trace: bool = False) -> Assembly:
    """Read `stream` from `context` on; then try the link rules (focus areas named in an
    overview) over every item with all goals known. `trace` keeps what every rule said."""
    assembler = _Assembler(doc_id, context, trace)
    steps = [Step(item) for item in stream]
    for link in (False, True):
        for i, step in enumerate(steps):
            assembler.read(step, stream[i + 1] if i + 1 < len(stream) else None, stream[i - 1] if i else None, link)
    return Assembly(list(assembler.ctx.goals), assembler.indicators, assembler.measures, steps if trace else [])


class _Assembler:
    def __init__(self, doc_id: str, context: Context, trace: bool) -> None:
        self.doc_id, self.ctx, self.trace = doc_id, context, trace  # the goals read are the context's
        self.indicators: list[IndicatorRow] = []
        self.measures: list[MeasureRow] = []

    def read(self, step: Step, following: Item | None, previous: Item | None, link: bool) -> None:
        """Read the step's item (in the link pass: try the link rules on it)."""
        item = step.item
        self.ctx = replace(self.ctx, following=following, previous=previous)
        label = self._label(step, link)
        if link:
            self._apply_all(label, step)
        elif item.kind == "heading":
            self._heading(label, step)
        elif item.kind == "row":
            self._row(label, step)
        else:
            self._text(label, step)
        if item.kind != "row" and not link:
            caption = self.ctx.after_caption if label is not None and label.has(Tail) else item.kind == "caption"
            self.ctx = replace(self.ctx, tail=None, after_caption=caption)

    def _label(self, step: Step, link: bool = False) -> Label | None:
        if not self.trace:
            return rules.first(step.item, self.ctx, link)
        fired = rules.fired(step.item, self.ctx, link)
        if fired or not link:
            step.readings.append(Reading(fired[0] if fired else None, tuple(f.rule for f in fired)))
        return fired[0] if fired else None

    def _heading(self, label: Label | None, step: Step) -> None:
        item = step.item
        if label is not None and label.has(Comment):
            self._apply_all(label, step)
            return
        self.ctx = replace(self.ctx, table=None, columns=())
        if label is not None and label.has(Link):
            self._apply_all(label, step)
            return
        self.ctx = self.ctx.after_heading(item)
        self._apply_all(label, step)
        entry = (heading_level(item), item.text.strip().rstrip(":").strip())
        self.ctx = replace(self.ctx, headings=self.ctx.headings + (entry,))

    def _row(self, label: Label | None, step: Step) -> None:
        if label is None or not (label.has(Header) or label.has(Outside)):
            self.ctx = replace(self.ctx, table=step.item.table, table_page=step.item.page)
        self._apply_all(label, step)

    def _text(self, label: Label | None, step: Step) -> None:
        self._apply_all(label, step)
        if label is not None and any(isinstance(f, Close) and f.reread for f in label.facts):
            self._apply_all(self._label(step), step)

    def _apply_all(self, label: Label | None, step: Step) -> None:
        if label is None:
            return
        for fact in label.facts:
            outcome = self._apply(fact, label)
            if self.trace:
                step.readings[-1].outcomes.append(outcome)

    def _apply(self, fact: Fact, label: Label) -> Outcome:
        """Apply one fact; what a fact means for the rows and the place is described with its type."""
        ctx = self.ctx
        if isinstance(fact, Goal):
            return self._goal(fact, label)
        if isinstance(fact, Indicator):
            return self._indicator(fact, label)
        if isinstance(fact, Measure):
            row = MeasureRow(doc_id=self.doc_id, measure_id=f"m{len(self.measures) + 1:03d}", text=fact.text,
                             page=label.page, goal_id=_id(ctx.goal), section=fact.section,
                             responsible=fact.responsible, **_evidence(label))
            self.measures.append(row)
            return Outcome(fact, row, True)
        if isinstance(fact, (Qualifier, Breakdown, Tail, FocusArea)):
            return self._amend(fact)
        self.ctx = self._moved(fact, label)
        return Outcome(fact, fact.goal if isinstance(fact, Link) else None, False)

    def _goal(self, fact: Goal, label: Label) -> Outcome:
        """A goal stated again (outside a table) is the goal read before: no new row."""
        goals = self.ctx.goals
        known = next((g for g in goals if restates(fact.title, g)), None) if fact.restated else None
        row = known or GoalRow(doc_id=self.doc_id, goal_id=f"g{len(goals) + 1:03d}", kind=cast(GoalKind, fact.kind),
                               title=fact.title, page=label.page, number=fact.number, focus_area=fact.focus,
                               parent_goal_id=_id(fact.parent), **_evidence(label))
        scope = fact.heads - 1 if fact.heads is not None else _innermost(self.ctx)
        ctx = replace(self.ctx, goals=goals if known else goals + (row,), goal=row, goal_scope=scope,
                      tail=row if fact.in_table else None)
        if fact.heads is not None:
            ctx = replace(ctx, heading_goal=(fact.heads, row))
        self.ctx = replace(ctx, chapter_goal=row) if fact.chapter else ctx
        return Outcome(fact, row, known is None)

    def _indicator(self, fact: Indicator, label: Label) -> Outcome:
        row = IndicatorRow(doc_id=self.doc_id, indicator_id=f"i{len(self.indicators) + 1:03d}", text=fact.text,
                           page=label.page,
                           goal_id=_id(self.ctx.goal), direction=_direction(fact.direction),
                           target_value=fact.target_value, unit=_unit(fact.unit), **_evidence(label))
        self.indicators.append(row)
        self.ctx = replace(self.ctx, last_indicator=row, qualified=False)
        if fact.row:
            self.ctx = replace(self.ctx, row_indicator=row, tail=row, breakdown=False)
        return Outcome(fact, row, True)

    def _amend(self, fact: Qualifier | Breakdown | Tail | FocusArea) -> Outcome:
        """Facts that change a row read before: the last indicator, the table's last indicator,
        the last table row's text, a goal's focus area."""
        ctx = self.ctx
        row: Row | None
        if isinstance(fact, Qualifier):
            row = last = ctx.last_indicator
            assert last is not None  # a qualifier rule fires only after an indicator
            last.direction, last.target_value = _direction(fact.direction), fact.target_value
            last.unit = _unit(fact.unit)
            self.ctx = replace(ctx, qualified=True)
        elif isinstance(fact, Breakdown):
            row = ctx.row_indicator
            if fact.stated is not None and row is not None:
                direction, row.target_value = fact.stated
                row.direction = _direction(direction)
            self.ctx = replace(ctx, breakdown=True)
        elif isinstance(fact, Tail):
            row = ctx.tail
            if isinstance(row, IndicatorRow):
                row.text = clean(f"{row.text} {fact.text}")
            elif row is not None:
                row.title = clean(f"{row.title} {fact.text}")
        else:
            row = fact.goal
            row.focus_area = fact.focus
        return Outcome(fact, row, False)

    def _moved(self, fact: Fact, label: Label) -> Context:
        """The place after a fact about the document's structure (see the fact types)."""
        ctx = self.ctx
        if isinstance(fact, Link):
            return replace(ctx, goal=fact.goal, goal_scope=_innermost(ctx))
        if isinstance(fact, Open):
            listed = ctx.measures_listed or fact.section.role is Role.MEASURES
            section = fact.section if fact.alone else replace(fact.section, outer=_nesting(ctx))
            return replace(ctx, section=section, measures_listed=listed)
        if isinstance(fact, Close):
            return replace(ctx, section=ctx.section.outer if fact.to_outer and ctx.section else None)
        if isinstance(fact, Mark) and ctx.section is not None:
            return replace(ctx, section=_marked(ctx, fact))
        if isinstance(fact, Chapter):
            if fact.role is Role.GOALS:
                return replace(ctx, chapter_level=fact.level, chapter_goal=None)
            return replace(ctx, measure_level=fact.level)
        if isinstance(fact, FollowUp):
            return replace(ctx, follow_up=min(fact.level, ctx.follow_up or fact.level))
        if isinstance(fact, Header):
            return replace(ctx, table=fact.table, table_page=label.page, columns=fact.columns, row_indicator=None,
                           breakdown=False)
        if isinstance(fact, Comment):
            return replace(ctx, skip=fact.opens)
        return ctx  # Outside: the row is not read


def _nesting(ctx: Context):
    """A section opens inside the innermost section a heading opened: a nämndmål list under
    "Inriktningsmål" keeps the inriktningsmål section, open again after the list. A section a
    sentence opened is not kept: the new section ends its list."""
    outer = ctx.section
    while outer is not None and outer.level is None:
        outer = outer.outer
    return outer


def _marked(ctx: Context, mark: Mark):
    section = ctx.section
    assert section is not None
    section = replace(section, listed=section.listed or mark.listed, carded=section.carded or mark.carded,
                      stated=section.stated or mark.stated)
    return replace(section, marker=mark.marker, start=mark.start) if mark.start is not None else section


def _direction(value: str | None) -> IndicatorDirection | None:
    """The rules' direction texts are IndicatorDirection values (configs/lexicon.yaml directions)."""
    return cast("IndicatorDirection | None", value)


def _unit(value: str | None) -> IndicatorUnit | None:
    """The rules' unit texts are IndicatorUnit values."""
    return cast("IndicatorUnit | None", value)


def _innermost(ctx: Context) -> int | None:
    """The level of the heading the reader stands under, if any."""
    return ctx.headings[-1][0] if ctx.headings else None


def _id(row: GoalRow | None) -> str | None:
    return row.goal_id if row is not None else None


def _evidence(label: Label) -> dict[str, Any]:
    x0, top, x1, bottom = label.bbox or (None, None, None, None)
    return {"rule": label.rule, "x0": x0, "top": top, "x1": x1, "bottom": bottom}
