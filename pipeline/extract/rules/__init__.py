"""Named rules over a budget's political content, and the one order they are tried in.

Each rule (registry.py) covers one Swedish document convention and says what an item is: a
goal, an indicator, a measure, a section opener, a qualifier … An item is what the first
rule in `READ` that applies to it says; `LINK` is tried over every item once the whole
document is read. The order is data: a rule's place in these tuples, never its place in a
module, decides which rule wins.

Interactions the order encodes (the behaviour of the reader these rules replaced):
- a table row's wrapped end and a caption's second line are read before anything else;
- a comment heading claims the next text block, whatever it says and however many headings
  and table rows stand between them;
- `restated_goal_heading` judges a heading by the section open above it; the heading rules
  after it judge from the place the heading leaves (`Context.after_heading`);
- a run of numbered goals is read before the caption and footnote check, in any section;
- an intro sentence or a cue label opens its list before the list's own rules see it;
- `colon_labelled_indicator` reads only outside any section, `labelled_field` only inside;
- a qualifier line qualifies the indicator read last, wherever that was read;
- in a goal list a task addressed to a body wins over the goal rules, and a flattened
  "Perspektiv | Mål" header or a goal card claims its prose before it could be a goal;
- `next_goal_ends_indicator_list` ends the indicator list and has the item read again in the
  goal list around it: the one rule whose label makes the assembler read an item twice.
"""
from __future__ import annotations

from pipeline.extract.rules import goals, headings, lists, prose, tables, text  # noqa: F401  (they register the rules)
from pipeline.extract.rules.context import Context
from pipeline.extract.rules.registry import REGISTRY, Label, Rule
from pipeline.extract.sections import Item

READ: tuple[str, ...] = (
    # what belongs to the item before
    "wrapped_row_end",
    "caption_continuation",
    # a goal card: a boxed statement under its heading, whether layout typed it heading or paragraph
    "goal_card",
    # headings
    "comment_heading",
    "restated_goal_heading",
    "mandate_heading",
    "labelled_goal_header",
    "goal_heading",
    "cue_heading",
    "heading_in_goal_intro",
    "goal_chapter",
    "numbered_chapter_goal",
    "measure_chapter",
    "measure_theme_heading",
    "heading",
    # table rows
    "table_header",
    "unread_table_row",
    "comment_row",
    "labelled_row",
    "bold_goal_row",
    "single_column_row",
    "task_table",
    "indicator_table_by_header_roles",
    "goal_table_by_header_roles",
    # paragraphs and list items, in any section
    "comment_text",
    "numbered_goal_run",
    "caption_or_footnote",
    "restated_goal_line",
    "goal_intro_sentence",
    "measure_intro_sentence",
    "cue_label_line",
    "colon_labelled_indicator",
    "labelled_field",
    "goal_stated_in_prose",
    "measure_stated_in_prose",
    "measure_named_in_prose",
    # in a goal list
    "task_addressed_to_body",
    "focus_and_goal_row",
    "goal_card_field",
    "goal_list_item",
    "goal_statement",
    "prose_ends_goal_list",
    # in an indicator list
    "next_goal_ends_indicator_list",
    "indicator_baseline_line",
    "indicator_qualifier_line",
    "indicator_list_item",
    "indicator_above_qualifier",
    # in a measures or decisions list (and the end of an indicator or measures list)
    "measure_list_item",
    "measure_paragraph",
    "prose_ends_list",
    "task_in_decision",
)

LINK: tuple[str, ...] = ("focus_area_overview",)


def _ordered(names: tuple[str, ...]) -> tuple[Rule, ...]:
    return tuple(REGISTRY[name] for name in names)


def _check() -> None:
    """Every registered rule has its one place in the order, and the order names only rules."""
    placed = READ + LINK
    unknown = [n for n in placed if n not in REGISTRY]
    unplaced = [n for n in REGISTRY if n not in placed]
    twice = {n for n in placed if placed.count(n) > 1}
    if unknown or unplaced or twice:
        raise RuntimeError(f"rule order: unknown {unknown}, unplaced {unplaced}, twice {sorted(twice)}")


_check()
_READ, _LINK = _ordered(READ), _ordered(LINK)


def first(item: Item, context: Context, link: bool = False) -> Label | None:
    """The label of the first rule, in priority order, that applies to the item."""
    return next((found for r in (_LINK if link else _READ) if (found := r(item, context)) is not None), None)


def fired(item: Item, context: Context, link: bool = False) -> list[Label]:
    """Every rule that applies to the item, in priority order (the first one wins): for `explain`."""
    return [found for r in (_LINK if link else _READ) if (found := r(item, context)) is not None]
