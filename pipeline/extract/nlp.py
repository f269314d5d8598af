"""Swedish text matching for the political extractors: lemmas, cue phrases, responsible bodies.

Headings inflect ("Indikatorer", "Åtgärder:", "Finansiella målen"), so cues are compared on
lemmas from spaCy's Swedish lookup lemmatizer (spacy-lookups-data, works offline, no trained
model). Cue lists live in configs/lexicon.yaml and are lemmatised with the same pipeline, so
both sides agree even where the lookup table is odd ("mål" → "måla").
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

import spacy
from spacy.matcher import PhraseMatcher

from pipeline import config

_WORD = re.compile(r"\w+", re.UNICODE)


@cache
def _nlp() -> spacy.language.Language:
    nlp = spacy.blank("sv")
    nlp.add_pipe("lemmatizer", config={"mode": "lookup"})
    nlp.initialize()
    return nlp


@cache
def lemmas(text: str) -> tuple[str, ...]:
    """Lower-case lemmas of the word tokens of `text` (punctuation dropped)."""
    doc = _nlp()(text.lower())
    return tuple(t.lemma_ for t in doc if _WORD.fullmatch(t.text))


@dataclass(frozen=True)
class CueList:
    """Phrases of one meaning, kept as lemma sequences."""

    phrases: tuple[tuple[str, ...], ...]

    @classmethod
    def of(cls, words: list[str]) -> CueList:
        return cls(tuple(sorted({lemmas(w) for w in words}, key=len, reverse=True)))

    def is_whole(self, text: str, filler: frozenset[str] = frozenset()) -> bool:
        """The text is one of the phrases, give or take filler words and digits."""
        seq = tuple(t for t in lemmas(text) if t not in filler and not t.isdigit())
        if not seq:
            return False
        return any(seq == tuple(t for t in p if t not in filler) for p in self.phrases)

    def prefix(self, text: str) -> tuple[str, ...] | None:
        """The longest phrase the text starts with."""
        seq = lemmas(text)
        for p in self.phrases:
            if seq[: len(p)] == p:
                return p
        return None

    def contains(self, text: str) -> bool:
        seq = lemmas(text)
        return any(_has_run(seq, p) for p in self.phrases)


def _has_run(seq: tuple[str, ...], run: tuple[str, ...]) -> bool:
    n = len(run)
    return any(seq[i : i + n] == run for i in range(len(seq) - n + 1))


@cache
def lexicon() -> dict:
    return config.load("lexicon")


@cache
def _responsible_matcher() -> tuple[PhraseMatcher, re.Pattern[str], frozenset[str]]:
    cfg = lexicon()["responsible"]
    matcher = PhraseMatcher(_nlp().vocab, attr="LOWER")
    matcher.add("COLLECTIVE", [_nlp().make_doc(p) for p in cfg["collective"]])
    matcher.add("NAME", [_nlp().make_doc(p) for p in cfg["names"]])
    return matcher, re.compile(cfg["pattern"]), frozenset(x.lower() for x in cfg["exclude"])


def responsible_bodies(text: str) -> str | None:
    """Bodies the text names (collective phrases like "Samtliga nämnder" and nämnd/styrelse
    names), in order of appearance, capitalised and joined with ", "."""
    matcher, pattern, exclude = _responsible_matcher()
    doc = _nlp().make_doc(text)
    found: list[tuple[int, str]] = []
    taken: list[tuple[int, int]] = []
    for _, start, end in matcher(doc):
        span = doc[start:end]
        found.append((span.start_char, span.text))
        taken.append((span.start_char, span.end_char))
    for m in pattern.finditer(text):
        name = m.group(0).strip()
        if name.lower() in exclude or any(a <= m.start() < b for a, b in taken):
            continue
        found.append((m.start(), name))
    names: list[str] = []
    for _, name in sorted(found):
        name = name[:1].upper() + name[1:]
        if name.lower() not in (n.lower() for n in names):
            names.append(name)
    return ", ".join(names) if names else None
