"""Rules on paragraphs and list items in any section: what belongs to the item before (a
table row's wrapped end, a caption's second line, a comment), and the sentences and labels
that open a section ("… följande effektmål:", "Indikatorer:", "Mått: Andel …").
"""
from __future__ import annotations

import re

from pipeline.extract.rules.context import Context, Section
from pipeline.extract.rules.facts import cell, focus_above, goal, is_mandate, title_of
from pipeline.extract.rules.registry import TEXT, Comment, Label, Link, Mark, Open, Tail, claim, rule
from pipeline.extract.sections import (
    Cue,
    Item,
    Role,
    classify,
    goal_kind_mentioned,
    goal_run,
    split_label,
)

_TAIL_WORDS = 8  # a lower-case line this short right after a table row is the row's wrapped end
_INTRO_WORDS = 40  # an introducing sentence ("… följande mål:") is short
_FOOTNOTE_MARK = re.compile(r"^\*+$")


@rule("wrapped_row_end", on=TEXT)
def wrapped_row_end(item: Item, context: Context) -> Label | None:
    """A short lower-case line right after a table row is the end of the row's wrapped text
    that layout left outside the table ("Medelväntetid … för besvarade" + "samtal för 1177 telefon")."""
    text = item.text.strip()
    if context.tail is None or item.kind != "paragraph" or not text[:1].islower() or len(text.split()) > _TAIL_WORDS:
        return None
    return claim(Tail(text))


@rule("caption_continuation", on=TEXT)
def caption_continuation(item: Item, context: Context) -> Label | None:
    """A lower-case paragraph right after a caption or footnote is the rest of it."""
    return claim() if context.after_caption and item.kind == "paragraph" and item.text.strip()[:1].islower() else None


@rule("comment_text", on=TEXT)
def comment_text(item: Item, context: Context) -> Label | None:
    """The text below a comment heading is the comment: no goal, indicator or measure."""
    return claim(Comment(opens=False)) if context.skip else None


@rule("numbered_goal_run", on=TEXT)
def numbered_goal_run(item: Item, context: Context) -> Label | None:
    """A list of numbered goals that layout ran into one paragraph ("Fokusområde 1 – Hållbarhet
    … Fokusområde 9 – Klimatanpassning"), in any section."""
    run = goal_run(context.lexicon, item.text) if item.kind == "paragraph" else []
    return claim(*(goal(context, title, "political", number) for number, title in run)) if run else None


@rule("caption_or_footnote", on=TEXT)
def caption_or_footnote(item: Item, context: Context) -> Label | None:
    """Table captions and footnotes ("* Långsiktigt mål …") are never goals, indicators or measures."""
    footnote = item.marker is not None and _FOOTNOTE_MARK.match(item.marker) is not None
    return claim() if item.kind == "caption" or footnote else None


@rule("restated_goal_line", on=TEXT)
def restated_goal_line(item: Item, context: Context) -> Label | None:
    """A bold line restating a known goal inside a section links what follows to that goal."""
    if not item.bold or context.section is None or (known := context.find_goal(item.text, partial=True)) is None:
        return None
    return claim(Link(known))


@rule("goal_intro_sentence", on=TEXT)
def goal_intro_sentence(item: Item, context: Context) -> Label | None:
    """A short sentence announcing goals ("Nämnden har antagit följande effektmål:") opens a
    goal list, unless a goal heading's list is open already; it is never a goal itself."""
    text = item.text
    if not text.rstrip().endswith(":") or len(text.split()) > _INTRO_WORDS:
        return None
    if not (kind := goal_kind_mentioned(context.lexicon, text)):
        return None
    section = context.section
    if section is None or section.role is not Role.GOALS or section.level is None:
        return claim(Open(Section(Role.GOALS, kind, None, None, focus=focus_above(context))))
    return claim()


@rule("cue_label_line", on=TEXT)
def cue_label_line(item: Item, context: Context) -> Label | None:
    """A paragraph that is only a cue label ("Indikatorer:") opens its list like a heading would."""
    text = item.text
    cue = classify(context.lexicon, text) if item.kind == "paragraph" and text.rstrip().endswith(":") else None
    if cue is None or is_mandate(context, cue, text):
        return None
    return claim(Open(Section(cue.role, cue.kind, None, context.heading_above(), focus=focus_above(context))))


@rule("colon_labelled_indicator", on=TEXT)
def colon_labelled_indicator(item: Item, context: Context) -> Label | None:
    """"Mått: Andel elever …" outside any list (under a goal heading) opens the indicator list
    and is its first item; prose merely starting with a cue word is not."""
    labelled = split_label(context.lexicon, item.text) if context.section is None and item.kind == "paragraph" else None
    if labelled is None or labelled[0].role is not Role.INDICATORS:
        return None
    if not item.text[: len(item.text) - len(labelled[1])].rstrip().endswith(":"):
        return None
    opened = Open(Section(Role.INDICATORS, None, None, context.heading_above(), focus=focus_above(context)))
    return claim(opened, *cell(context, Cue(Role.INDICATORS), labelled[1], title_of(context.goal)))


@rule("labelled_field", on=TEXT)
def labelled_field(item: Item, context: Context) -> Label | None:
    """A paragraph that starts with a cue label run into its content ("Nyckeltal Mäts genom …",
    "Verksamhetsmål 1: …", a labelled card flattened by layout) inside a section: the
    label's role says what the content is; a goal given so makes the section a goal card."""
    inside = context.section is not None and item.kind == "paragraph"
    labelled = split_label(context.lexicon, item.text) if inside else None
    if labelled is None:
        return None
    cue, content = labelled
    prefixed = context.lexicon.goal_prefix.match(item.text) if cue.role is Role.GOALS else None
    facts = cell(context, cue, content, title_of(context.goal), number=prefixed["num"] if prefixed else None)
    return claim(*facts, Mark(carded=True)) if cue.role is Role.GOALS else claim(*facts)
