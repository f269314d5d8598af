"""Labels and the registry of named rules.

A rule is a pure function `rule(item, context) -> Label | None`, registered by name with the
kinds of item it reads (`@rule("cue_heading", on=HEADINGS)`). It returns None when the
convention it covers does not apply, and otherwise a `Label`: the facts it establishes about
the item, in the order the assembler is to apply them, and the evidence (the rule's name,
the item's page and box). A label without
facts claims the item for nothing (prose under a "Perspektiv | Mål" header is no goal), so
that no rule of lower priority reads it. Which rule wins is decided by the priority order in
pipeline/extract/rules/__init__.py, never by where a rule is written.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace

from pipeline.extract.rules.context import Context, Section
from pipeline.extract.sections import Cue, Item, Role
from pipeline.model import GoalRow

HEADINGS = ("heading",)
ROWS = ("row",)
TEXT = ("paragraph", "list_item", "caption", "table")  # blocks that are neither headings nor table rows


@dataclass(frozen=True)
class Goal:
    """The item states a goal (a new one, or one stated before: the assembler tells)."""

    title: str
    kind: str
    number: str | None = None
    focus: str | None = None
    parent: GoalRow | None = None
    restated: bool = True  # may restate a goal read before; rows of one table never do
    in_table: bool = False  # a table cell: a wrapped end of the row may follow the table
    heads: int | None = None  # level of the heading stating it: goals deeper down nest under it
    chapter: bool = False  # a numbered heading of a goal chapter: the chapter's goals nest under it


@dataclass(frozen=True)
class Indicator:
    """The item names an indicator of the current goal."""

    text: str
    direction: str | None
    target_value: float | None
    unit: str | None
    row: bool = False  # a table row's indicator: the rows below may break it down


@dataclass(frozen=True)
class Measure:
    """The item names a task or measure, for the current goal."""

    text: str
    section: str | None
    responsible: str | None


@dataclass(frozen=True)
class Qualifier:
    """The item qualifies the last indicator ("Målvärde 2026: 85 %"): its attributes as they now stand."""

    direction: str | None
    target_value: float | None
    unit: str | None


@dataclass(frozen=True)
class Breakdown:
    """The table row breaks the indicator above it down (per förvaltning, per vårdnivå);
    `stated` is the (direction, target) it hands up when that indicator states none."""

    stated: tuple[str | None, float | None] | None = None


@dataclass(frozen=True)
class Link:
    """The item restates a known goal: what follows belongs to it."""

    goal: GoalRow


@dataclass(frozen=True)
class Open:
    """The item opens a section; `alone`: the section ends every section open around it."""

    section: Section
    alone: bool = False


@dataclass(frozen=True)
class Close:
    """The item ends the open section (back to the one around it, with `to_outer`);
    `reread`: the item itself belongs to the section now open, and is read again."""

    to_outer: bool = False
    reread: bool = False


@dataclass(frozen=True)
class Mark:
    """What the item tells about the open section (see `Section`)."""

    listed: bool = False
    carded: bool = False
    stated: bool = False
    marker: str | None = None
    start: tuple[int, int, float] | None = None  # with `marker`: the first list item's place


@dataclass(frozen=True)
class Chapter:
    """A chapter heading whose sub-headings are goals, or whose theme lists are measures."""

    role: Role
    level: int


@dataclass(frozen=True)
class FollowUp:
    """A goal was just stated under a heading of `level`: the prose below it, down to the next
    heading above that level, reports the work done for it (a follow-up per goal area)."""

    level: int


@dataclass(frozen=True)
class Header:
    """A table header row: the roles of its columns; `table` is the table it starts."""

    columns: tuple[Cue | None, ...]
    table: int | None = None


@dataclass(frozen=True)
class Tail:
    """The wrapped end of the last table row's text, set below the table."""

    text: str


@dataclass(frozen=True)
class Comment:
    """A comment heading (`opens`: the text below is the comment) or the comment itself."""

    opens: bool


@dataclass(frozen=True)
class Outside:
    """A row of a table that is not read (its header names no roles)."""


@dataclass(frozen=True)
class FocusArea:
    """An overview names the focus area of a goal read anywhere in the document."""

    goal: GoalRow
    focus: str


Fact = (Goal | Indicator | Measure | Qualifier | Breakdown | Link | Open | Close | Mark | Chapter | FollowUp
        | Header | Tail | Comment | Outside | FocusArea)


@dataclass(frozen=True)
class Label:
    """What a rule makes of an item: the facts, in the order they apply, and the evidence:
    the rule's name and the page and box of the item it read (the registry sets them, so a
    rule never spells its own name)."""

    facts: tuple[Fact, ...] = ()
    rule: str = ""
    page: int = 0
    bbox: tuple[float, float, float, float] | None = None  # (x0, top, x1, bottom), pdfplumber's coordinates

    def has(self, kind: type) -> bool:
        return any(isinstance(f, kind) for f in self.facts)


RuleFn = Callable[[Item, Context], Label | None]


@dataclass(frozen=True)
class Rule:
    name: str
    on: tuple[str, ...]  # the item kinds it reads
    fn: RuleFn

    def __call__(self, item: Item, context: Context) -> Label | None:
        if item.kind not in self.on:
            return None
        found = self.fn(item, context)
        return None if found is None else replace(found, rule=self.name, page=item.page, bbox=item.bbox)


REGISTRY: dict[str, Rule] = {}


def rule(name: str, on: tuple[str, ...]) -> Callable[[RuleFn], RuleFn]:
    """Register `fn` as the rule `name`; the function stays callable as it is, for tests."""

    def register(fn: RuleFn) -> RuleFn:
        if name in REGISTRY:
            raise ValueError(f"rule {name!r} registered twice")
        REGISTRY[name] = Rule(name, on, fn)
        return fn

    return register


def claim(*facts: Fact) -> Label:
    """The label of a rule that applies: the item is `facts` (none: the item is read as nothing)."""
    return Label(tuple(facts))
