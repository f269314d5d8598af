"""Rules on headings: what a heading opens, states or ends.

Every heading but a comment heading ends the table above it, and every heading but a comment
or a restated goal ends the sections of its level and deeper (the assembler does both). So
the rules after `restated_goal_heading` judge the heading from the place it leaves
(`Context.after_heading`): a goal heading nests under the goal heading above only when that
one is of a higher level.
"""
from __future__ import annotations

from pipeline.extract.rules.context import Context, Section, heading_level
from pipeline.extract.rules.facts import focus_above, goal, is_mandate
from pipeline.extract.rules.registry import (
    HEADINGS,
    Chapter,
    Close,
    Comment,
    Fact,
    Label,
    Link,
    Mark,
    Open,
    claim,
    rule,
)
from pipeline.extract.sections import Item, Role, classify, is_bare_label, strip_numbering


def _bare(item: Item, context: Context) -> str:
    return strip_numbering(context.lexicon, item.text)[1]


@rule("comment_heading", on=HEADINGS)
def comment_heading(item: Item, context: Context) -> Label | None:
    """"Kommentar", "Analys": the comment below a goal or activity is not part of the list."""
    return claim(Comment(opens=True)) if any(p.match(item.text.strip()) for p in context.lexicon.comments) else None


@rule("restated_goal_heading", on=HEADINGS)
def restated_goal_heading(item: Item, context: Context) -> Label | None:
    """A heading restating a known goal above its activities links them to it, in any section;
    it ends nothing."""
    if context.section is None or (known := context.find_goal(item.text, partial=True)) is None:
        return None
    return claim(Link(known))


@rule("mandate_heading", on=HEADINGS)
def mandate_heading(item: Item, context: Context) -> Label | None:
    """"Uppdrag" in an annual or interim report describes the nämnd's standing mandate, not
    tasks for the period: it ends the open section and opens none."""
    cue = classify(context.lexicon, item.text)
    return claim(Close()) if cue is not None and is_mandate(context, cue, _bare(item, context)) else None


@rule("labelled_goal_header", on=HEADINGS)
def labelled_goal_header(item: Item, context: Context) -> Label | None:
    """The goal cue of a two-column table header flattened to a heading ("Perspektiv
    Övergripande mål"): a one-word column label, then a goal cue; the lines below are
    "<perspective> <goal>" rows."""
    if classify(context.lexicon, item.text) is not None:
        return None
    bare = _bare(item, context)
    words = bare.strip().rstrip(":").split()
    if len(words) < 2 or classify(context.lexicon, words[0]) is not None:
        return None
    cue = classify(context.lexicon, " ".join(words[1:]))
    if cue is None or cue.role is not Role.GOALS:
        return None
    return claim(Open(Section(Role.GOALS, cue.kind, heading_level(item), bare, labelled_rows=True)))


@rule("goal_heading", on=HEADINGS)
def goal_heading(item: Item, context: Context) -> Label | None:
    """A heading stating one goal ("Mål 1: Invånarna ska …"): the paragraphs below it explain
    the goal, and goals in its deeper sub-sections (a nämnd's goals) are nested under it. It
    ends a list a sentence or label opened."""
    prefixed = context.lexicon.goal_prefix.match(_bare(item, context))
    if prefixed is None or classify(context.lexicon, item.text) is not None:
        return None
    after = context.after_heading(item)
    section = after.section
    focus = section.focus if section and section.role is Role.GOALS else None
    parent = after.heading_goal[1] if after.heading_goal else None
    level = heading_level(item)
    facts: list[Fact] = [goal(context, prefixed["title"], "political", prefixed["num"], focus, parent, heads=level)]
    if section is not None and section.level is None:
        facts.append(Close(to_outer=True))
        section = section.outer
    if section is not None and section.role is Role.GOALS:
        facts.append(Mark(stated=True))
    return claim(*facts)


@rule("cue_heading", on=HEADINGS)
def cue_heading(item: Item, context: Context) -> Label | None:
    """A heading made of a cue ("Indikatorer", "Finansiella mål", "Uppdrag") opens its list; a
    bare label ("ÅTGÄRDER:") belongs to the heading above, which names the section."""
    cue = classify(context.lexicon, item.text)
    if cue is None:
        return None
    level, after = heading_level(item), context.after_heading(item)
    name = after.heading_above(level) if is_bare_label(item.text) else _bare(item, context).strip().rstrip(":").strip()
    return claim(Open(Section(cue.role, cue.kind, level, name, focus=focus_above(after, level))))


@rule("heading_in_goal_intro", on=HEADINGS)
def heading_in_goal_intro(item: Item, context: Context) -> Label | None:
    """A heading inside a list a sentence opened ("… följande mål:") is one of its goals."""
    section = context.after_heading(item).section
    if section is None or section.level is not None or section.role is not Role.GOALS:
        return None
    return claim(goal(context, _bare(item, context), section.kind or "political", focus=section.focus))


@rule("goal_chapter", on=HEADINGS)
def goal_chapter(item: Item, context: Context) -> Label | None:
    """"Måluppföljning", "Mål och resultat": a chapter whose numbered sub-headings are goals."""
    lex = context.lexicon
    if not lex.goal_chapters.is_whole(_bare(item, context).rstrip(":"), lex.filler):
        return None
    return claim(Chapter(Role.GOALS, heading_level(item)))


@rule("numbered_chapter_goal", on=HEADINGS)
def numbered_chapter_goal(item: Item, context: Context) -> Label | None:
    """A numbered sub-heading of a goal chapter ("04 Hav …") states a goal; the goals read in
    its sub-sections are nested under it."""
    after, (number, bare) = context.after_heading(item), strip_numbering(context.lexicon, item.text)
    if after.chapter_level is None or number is None or heading_level(item) <= after.chapter_level:
        return None
    return claim(goal(context, bare, "political", number, chapter=True))


@rule("measure_chapter", on=HEADINGS)
def measure_chapter(item: Item, context: Context) -> Label | None:
    """A chapter of political direction ("Politisk inriktning", "Inriktningsdokument från …"):
    the bullet lists under its theme headings are tasks although no heading says "Uppdrag"."""
    if context.lexicon.measure_chapters.prefix(_bare(item, context)) is None:
        return None
    return claim(Chapter(Role.MEASURES, heading_level(item)))


@rule("measure_theme_heading", on=HEADINGS)
def measure_theme_heading(item: Item, context: Context) -> Label | None:
    """A theme heading inside a chapter of political direction opens a list of its tasks."""
    if context.after_heading(item).measure_level is None:
        return None
    return claim(Open(Section(Role.MEASURES, None, heading_level(item), _bare(item, context).strip().rstrip(":"),
                              lists_only=True)))


@rule("heading", on=HEADINGS)
def heading(item: Item, context: Context) -> Label | None:
    """Any other heading: it only ends what its level ends, and names what comes below it."""
    return claim()
