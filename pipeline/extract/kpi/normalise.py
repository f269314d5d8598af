"""One normal form for an indicator's text and a KPI's title, so that the two compare.

A budget quotes a Kolada title with small edits: "Fallskador bland personer 80+, 3-årsm,
antal/1000 inv, ska minska" for "Fallskador bland personer 80 år och äldre, antal/100 000
inv". What tells two key figures apart is read out before the words are compared: the
measure's type word ("andel", "antal"), the unit ("%", "kr/inv", "/1000 inv", "dagar"), the
age group or school year ("80+", "0-12 år", "åk 9"). The rest is lemmatised (spaCy's Swedish
lookup lemmas, as the cue lists are) and stripped of stop words and of Kolada's variant
qualifiers ("lägeskommun", "kommunala skolor"), which an indicator seldom repeats.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from pipeline.settings import Settings
from pipeline.text.lexicon import lemmas

_RETIRED = re.compile(r"\(\s*-\s*\d{4}\s*\)\s*$")  # "Nöjd Region-Index - Trygghet (-2020)"
_NON_WORD = re.compile(r"[^\w]+|_")


@dataclass(frozen=True)
class Vocabulary:
    """configs/kpi.yaml `vocabulary`, compiled: lemmatised word sets and the patterns."""

    stop: frozenset[str]  # word forms, dropped before lemmatising ("ska" has the lemma "skola")
    qualifiers: frozenset[str]
    type_words: dict[str, str]
    units: tuple[tuple[str, re.Pattern[str]], ...]
    numbers: tuple[re.Pattern[str], dict[str, str]]  # a number written out, and its digits
    ages: tuple[tuple[str, re.Pattern[str]], ...]

    @classmethod
    def of(cls, settings: Settings) -> Vocabulary:
        cfg = settings.kpi.vocabulary
        return cls(
            stop=frozenset(w.lower() for w in cfg.stop_words),
            qualifiers=_lemma_set(cfg.qualifiers),
            type_words={lemma: kind for word, kind in cfg.type_words.items() for lemma in (word, *lemmas(word))},
            units=tuple((name, re.compile(pattern)) for name, pattern in cfg.units),
            numbers=(re.compile(rf"\b({'|'.join(map(re.escape, cfg.number_words))})(?=\s|-|åring)"),
                     {word: str(n) for word, n in cfg.number_words.items()}),
            ages=tuple((label, re.compile(pattern)) for label, pattern in cfg.ages),
        )


def _lemma_set(words: list[str]) -> frozenset[str]:
    """The words and their lemmas: either form may come out of the lemmatiser."""
    return frozenset(w.lower() for w in words) | frozenset(lemma for w in words for lemma in lemmas(w))


@dataclass(frozen=True)
class Normalised:
    words: tuple[str, ...]  # content lemmas in order, each once
    kind: str | None  # "andel" / "antal", the measure's type word
    unit: str | None  # the first unit stated, by configs/kpi.yaml `units`
    ages: frozenset[str]  # age groups and school years: "80+", "0-12", "åk9"

    @property
    def terms(self) -> tuple[str, ...]:
        """What is compared: the content words and the age groups (an agreeing age counts as a shared word)."""
        return self.words + tuple(sorted(self.ages))

    @property
    def text(self) -> str:
        """The terms as one string, for RapidFuzz."""
        return " ".join(self.terms)


def normalise(text: str, vocabulary: Vocabulary) -> Normalised:
    """The normal form of an indicator or a KPI title."""
    rest = _RETIRED.sub("", text.lower())
    pattern, digits = vocabulary.numbers
    rest = pattern.sub(lambda m: digits[m.group(1)], rest)
    ages: set[str] = set()
    for label, age in vocabulary.ages:
        ages.update(label.format(*[g for g in m.groups() if g is not None]) for m in age.finditer(rest))
        rest = age.sub(" ", rest)
    unit = None
    for name, stated in vocabulary.units:
        if unit is None and stated.search(rest):
            unit = name
        rest = stated.sub(" ", rest)
    kind = None
    words: list[str] = []
    kept = " ".join(w for w in _NON_WORD.sub(" ", rest).split() if w not in vocabulary.stop)
    for lemma in lemmas(kept):
        if lemma in vocabulary.type_words:
            kind = kind or vocabulary.type_words[lemma]
        elif not (lemma in vocabulary.qualifiers or lemma.isdigit() or lemma in words):
            words.append(lemma)
    if unit is None and kind == "andel":
        unit = "percent"  # "Andel X" is Kolada's "X, andel (%)"
    return Normalised(tuple(words), kind, unit, frozenset(ages))
