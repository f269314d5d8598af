"""Rules on measures stated in running prose rather than in a list or a table.

A follow-up report or a plan often writes its insatser as sentences ("Under 2026 införs OSB
…", "En översyn pågår av digitala system …"). Whether a sentence states one is read from its
grammar (pipeline/text/clauses.py); where the grammar is trusted is decided by the document's
structure, because the same grammar runs through a budget's prose that nobody reads as its
measures ("Budgetdialoger genomförs i oktober"):

- in the prose that follows a goal up: under the heading a goal card or a goal sentence stood
  under, and under the headings of that level after it (`Context.follow_up`), every sentence
  with an action predicate is a measure, until the document opens a list or table of measures
  (it lists its measures, its prose only describes);
- anywhere outside a list, a sentence whose subject is a measure cue before "är" ("En konkret
  åtgärd är ledningens köksmöten …") names one;
- a sentence ending a paragraph in ":" that announces tasks ("Under kommande år prioriteras
  särskilt följande utvecklingsområden och uppdrag:") opens a measures list, like a cue label.
"""
from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace

from pipeline.extract.rules.context import Context, Section, clean
from pipeline.extract.rules.facts import focus_above, measure
from pipeline.extract.rules.registry import TEXT, Label, Measure, Open, claim, rule
from pipeline.extract.sections import Item, Role

_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-ZÅÄÖ])")
_SUBJECT_WORDS = 4  # "En konkret åtgärd är": a cue subject is a noun phrase of a few words
_MIN_WORDS = 5  # a sentence shorter than this is a fragment or a heading run into the text
_INTRO_WORDS = 40  # an announcing sentence is short


@rule("measure_stated_in_prose", on=TEXT)
def measure_stated_in_prose(item: Item, context: Context) -> Label | None:
    """In the prose following a goal up, each sentence that states an action carried out,
    planned or going on ("… genomförs", "… har genomförts", "pågår ett arbete med …") or that
    names a measure is a measure of that goal; the other sentences frame, explain or report."""
    if item.kind != "paragraph" or context.section is not None or context.follow_up is None:
        return None
    if context.measures_listed:
        return None  # a document that lists its measures does not state them in its prose as well
    clauses = context.lexicon.clauses
    found = _measures(item, context, lambda s: clauses.states_action(s) or _named(context, s))
    return claim(*found) if found else None


@rule("measure_named_in_prose", on=TEXT)
def measure_named_in_prose(item: Item, context: Context) -> Label | None:
    """A sentence outside any list whose subject is a measure cue ("En konkret åtgärd är
    ledningens köksmöten, som …") names a measure."""
    if item.kind != "paragraph" or context.section is not None:
        return None
    found = _measures(item, context, lambda s: _named(context, s))
    return claim(*found) if found else None


@rule("measure_intro_sentence", on=TEXT)
def measure_intro_sentence(item: Item, context: Context) -> Label | None:
    """A paragraph whose last sentence announces tasks and ends in ":" ("Under kommande år
    prioriteras särskilt följande utvecklingsområden och uppdrag:") opens the measures list
    right below it; the sentences before it are prose."""
    text = clean(item.text)
    if item.kind != "paragraph" or not text.endswith(":"):
        return None
    last = _SENTENCE_END.split(text)[-1]
    lex = context.lexicon
    following = context.following
    if following is None or following.kind != "list_item" or len(last.split()) > _INTRO_WORDS:
        return None
    if not (lex.intro_words.contains(last) and lex.measures.contains(last)):
        return None
    return claim(Open(Section(Role.MEASURES, None, None, context.heading_above(), focus=focus_above(context))))


def _measures(item: Item, context: Context, states: Callable[[str], bool]) -> list[Measure]:
    """The sentences of the paragraph that `states` takes for measures; a sentence cut off
    where the text breaks (no full stop) is not read."""
    sentences = [s for s in _SENTENCE_END.split(clean(item.text))
                 if len(s.split()) >= _MIN_WORDS and s.endswith((".", "!", "?"))]
    return [_with_actor(context, measure(context, s, context.heading_above())) for s in sentences if states(s)]


def _with_actor(context: Context, found: Measure) -> Measure:
    """A measure naming no body is carried out by the subject of its active verb, when the
    sentence opens with one ("Huvudmannen genomför en kartläggning …")."""
    if found.responsible is not None:
        return found
    return replace(found, responsible=context.lexicon.clauses.actor(found.text))


def _named(context: Context, sentence: str) -> bool:
    """The sentence's subject, the words before its first "är", is a short indefinite noun
    phrase naming a measure ("En konkret åtgärd är …", "Ytterligare en åtgärd är …")."""
    words = sentence.split()
    if "är" not in words[: _SUBJECT_WORDS + 1]:
        return False
    subject = words[: words.index("är")]
    # "De åtgärder som är möjliga …": the "är" of a relative clause, not of the sentence
    if not subject or "som" in subject or subject[0].lower() not in context.lexicon.prose_indefinites:
        return False
    return context.lexicon.measures.contains(" ".join(subject))
