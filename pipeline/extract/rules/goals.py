"""Rules on the text of a goal list, and the overview that names each goal's focus area.

A goal list is opened by a cue heading ("Övergripande mål"), a cue label, a sentence
("… följande effektmål:") or a flattened header ("Perspektiv Övergripande mål"); its list
items are goals, and so are its short statements until a list has begun.
"""
from __future__ import annotations

import re

from pipeline.extract.lexicon import Lexicon
from pipeline.extract.rules.context import Context, Section, clean, heading_level
from pipeline.extract.rules.facts import focus_above, goal, measure
from pipeline.extract.rules.registry import (
    HEADINGS,
    ROWS,
    TEXT,
    Close,
    Fact,
    FocusArea,
    FollowUp,
    Goal,
    Label,
    Mark,
    claim,
    rule,
)
from pipeline.extract.sections import Item, Role, classify, goal_kind_mentioned, split_label
from pipeline.text.lexicon import lemmas

_MAX_GOAL_WORDS = 45  # a paragraph longer than this is prose, not a goal statement
_ROW_GOAL_WORDS = 15  # a "Perspektiv | Mål" row flattened to one line is short
FOCUS_WORDS = 3  # a focus area label is a word or two ("Vackra miljöer")
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-ZÅÄÖ])")
_CARD_WORDS = (6, 80)  # a goal card states one goal in a sentence or two


@rule("goal_card", on=HEADINGS + TEXT)
def goal_card(item: Item, context: Context) -> Label | None:
    """A goal set as a card: a statement in bold on a filled box standing right under its own
    (unboxed) heading, which names the goal's area ("Tidiga insatser" over the green box "Det
    långsiktiga arbetet … fortsätter."), and alone in its box, in a document that sets several
    such cards (one per area: a lone box under a heading is a callout). A box that holds a cue
    label ("Vidtagna åtgärder"), shares a shaded panel with its heading or with the texts below
    it is a callout, not a card. The prose under the card's heading, and under the headings of its
    level after it, follows the goal up."""
    above, below, words = context.previous, context.following, len(item.text.split())
    if not (item.filled and item.bold and context.card_series) or above is None or above.kind != "heading" \
            or above.filled:
        return None
    if below is not None and below.filled:
        return None  # the box goes on: a panel of several texts
    if not _CARD_WORDS[0] <= words <= _CARD_WORDS[1]:
        return None
    if classify(context.lexicon, item.text) is not None or split_label(context.lexicon, item.text):
        return None
    if context.section is not None and context.section.role is not Role.GOALS:
        return None
    return claim(goal(context, item.text, "political", focus=clean(above.text).rstrip(":")),
                 FollowUp(heading_level(above)))


@rule("goal_stated_in_prose", on=TEXT)
def goal_stated_in_prose(item: Item, context: Context) -> Label | None:
    """Sentences of a paragraph outside any list that say what a goal is ("Det finansiella
    målet för god ekonomisk hushållning 2027 är ett positivt resultat …", "Kommunens
    målsättning för lokalförsörjningen är att …"): each such sentence is a goal, of the kind its
    qualifier names; the paragraph's other sentences are prose. Under a heading that names
    goals ("1.2 Övergripande mål för lokalförsörjning"), the prose below it and under the
    headings of its level after it follows the goal up."""
    if item.kind != "paragraph" or context.section is not None:
        return None
    pattern, facts = context.lexicon.goal_sentence, list[Fact]()
    for sentence in _SENTENCE_END.split(clean(item.text)):
        m = pattern.match(sentence)
        if m is not None and len(sentence.split()) <= _MAX_GOAL_WORDS and _issuers_goal(context, m):
            cue = classify(context.lexicon, m["cue"]) if m["cue"] else None
            kind = cue.kind if cue is not None and cue.role is Role.GOALS and cue.kind else "political"
            facts.append(goal(context, sentence, kind, focus=focus_above(context)))
    if facts and context.headings and goal_kind_mentioned(context.lexicon, context.headings[-1][1]):
        facts.append(FollowUp(context.headings[-1][0]))  # "1.2 Övergripande mål för …" over the goal
    return claim(*facts) if facts else None


def _issuers_goal(context: Context, m: re.Match[str]) -> bool:
    """The goal the sentence states is the issuer's: its adjective names a goal's kind or
    horizon ("Det finansiella målet", "Den långsiktiga inriktningen", not "Den nationella
    inriktningen"), and its owner is the issuer ("Kommunens", "Socialnämndens", the document's
    organisation; not "Skolverkets")."""
    lex = context.lexicon
    if m["cue"]:
        cue = classify(lex, m["cue"])
        return (cue is not None and cue.role is Role.GOALS) or lemmas(m["cue"].split()[0])[0] in lex.goal_qualifiers
    if m["owner"]:
        owner = m["owner"].lower()
        named = lex.bodies.after_genitive(f"{m['owner']} mål") is not None
        return owner in lex.issuers or named or owner in _genitives(context.organisation)
    return True


def _genitives(name: str | None) -> set[str]:
    """The genitives of the words of an organisation's name ("Nämnden för Intraservice" →
    "intraservices", …): how the document writes of itself."""
    return {w.lower() if w.lower().endswith("s") else f"{w.lower()}s" for w in (name or "").split() if w[:1].isupper()}


def _goals(context: Context) -> Section | None:
    """The open section when it is a goal list."""
    section = context.section
    return section if section is not None and section.role is Role.GOALS else None


@rule("task_addressed_to_body", on=TEXT)
def task_addressed_to_body(item: Item, context: Context) -> Label | None:
    """A statement in a goal list that gives a task to a named body ("Varje nämnd ska
    formulera …", "Kommunstyrelsen får i uppdrag …") is a task, not a goal."""
    section, text = _goals(context), item.text
    if section is None or len(text.split()) > _MAX_GOAL_WORDS:
        return None
    opening = " ".join(text.split()[:FOCUS_WORDS])
    if context.lexicon.bodies.responsible(opening) is None or not any(p.search(text) for p in context.lexicon.tasks):
        return None
    return claim(measure(context, text, section.name))


@rule("focus_and_goal_row", on=TEXT)
def focus_and_goal_row(item: Item, context: Context) -> Label | None:
    """Under a flattened "Perspektiv | Mål" header each short line is a row: the goal starts at
    the first capitalised word after the perspective ("Tjänst/process Effektiva och …");
    prose under the header is no row."""
    section = _goals(context)
    if section is None or not section.labelled_rows or item.kind == "list_item":
        return None
    words = item.text.split()
    if len(words) > _ROW_GOAL_WORDS:
        return claim()
    for k in range(1, min(FOCUS_WORDS, len(words) - 1) + 1):
        if words[k][:1].isupper():
            return claim(goal(context, " ".join(words[k:]), section.kind or "political", focus=" ".join(words[:k])))
    return claim()


@rule("goal_card_field", on=TEXT)
def goal_card_field(item: Item, context: Context) -> Label | None:
    """The other fields of a goal card ("Koppling till …") once a labelled field gave the goal,
    and the paragraphs explaining a goal a heading stated, are no goals."""
    section = _goals(context)
    if section is None or not (section.carded or section.stated) or item.kind == "list_item":
        return None
    return claim()


@rule("goal_list_item", on=TEXT)
def goal_list_item(item: Item, context: Context) -> Label | None:
    """Every list item of a goal list is a goal ("1. Alla barn …" keeps its number), nested
    under the chapter goal or goal heading above the list."""
    section = _goals(context)
    if section is None or item.kind != "list_item":
        return None
    return claim(_listed_goal(item, context, section), Mark(listed=True))


@rule("goal_statement", on=TEXT)
def goal_statement(item: Item, context: Context) -> Label | None:
    """A short statement (no sentence announcing more) is a goal in a list a sentence opened,
    or under a goal heading before any list item: "Finansiella mål" over one line each."""
    section, text = _goals(context), item.text
    if section is None or len(text.split()) > _MAX_GOAL_WORDS or text.rstrip().endswith(":"):
        return None
    return claim(_listed_goal(item, context, section)) if section.level is None or not section.listed else None


@rule("prose_ends_goal_list", on=TEXT)
def prose_ends_goal_list(item: Item, context: Context) -> Label | None:
    """Prose after a goal list's items, or after the goals a sentence announced, ends the list."""
    section = _goals(context)
    return claim(Close()) if section is not None and (section.listed or section.level is None) else None


def _listed_goal(item: Item, context: Context, section: Section) -> Goal:
    return goal(context, item.text, section.kind or "political", _list_number(item.marker), section.focus,
                context.parent_goal(section))


def _list_number(marker: str | None) -> str | None:
    """The number a numbered list item prints ("1." → "1", "2.3)" → "2.3"); None for bullets."""
    m = re.fullmatch(r"(\d{1,2}(?:\.\d{1,2})*)[.)]?", marker or "")
    return m.group(1) if m else None


@rule("focus_area_overview", on=HEADINGS + ROWS + TEXT)
def focus_area_overview(item: Item, context: Context) -> Label | None:
    """An overview "Livskvalitet | Mål: I Alingsås ska …" names each goal's focus area: as
    table cells, as one line, or with the label set beside a wrapped statement. Read once
    the document is read, so that it names goals stated after it too; a goal keeps the first
    focus area it is given, and a nested goal takes none."""
    if item.kind == "row" and len([c for c in item.cells if c]) >= 2 and item.cells[0]:
        pairs = [(item.cells[0], text) for text in item.cells[1:]]
    elif (split := _labelled_statement(context.lexicon, item.text)) is not None:
        label, statement = split
        if not label and context.following is not None and context.following.kind == "heading":
            label = context.following.text  # the label set beside a statement broken over lines
        pairs = [(label, statement)] if label and len(label.split()) <= FOCUS_WORDS else []
    else:
        return None
    prefix, facts = context.lexicon.goal_prefix, dict[str, FocusArea]()
    for focus, text in pairs:
        m = prefix.match(text)
        named = context.find_goal(m["title"] if m else text, partial=True)
        if named is not None and named.focus_area is None and named.parent_goal_id is None:
            facts.setdefault(named.goal_id, FocusArea(named, focus.strip()))
    return claim(*facts.values()) if facts else None


def _labelled_statement(lex: Lexicon, text: str) -> tuple[str, str] | None:
    """("Livskvalitet", "Mål: I Alingsås …") for a line that states a goal after a short label."""
    words = text.split()
    for k in range(FOCUS_WORDS + 1):
        rest = " ".join(words[k:])
        if lex.goal_prefix.match(rest) and rest.split(" ", 1)[0].endswith(":"):
            return " ".join(words[:k]), rest
    return None
