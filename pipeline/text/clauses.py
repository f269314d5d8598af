"""Swedish sentences that state an action being carried out, read by their grammar.

A follow-up report or a plan states its insatser as running prose ("Under 2026 införs OSB …",
"En översyn pågår av …", "Huvudmannen genomför därför en kartläggning …"), next to sentences
that frame the work, state its aim or report its effect. What tells them apart is the
predicate, not the topic: a measure's predicate is an action verb

- in the s-passive, present or infinitive ("införs", "ska ses över", "planeras att avvecklas"),
- in the perfect ("har genomförts", "har förvaltningen specificerat"),
- in the active present, with its subject as the actor ("Alingsåshem tar fram …"), or
- as an infinitive after a verb of intention or future ("kommer att integreras", "föreslås beställa"),

while an infinitive after "att"/"för att" only states a purpose, a participle ("pågående",
"genomförda") only qualifies a noun, and a sentence whose first predicate is a framing or
result verb ("inriktas på", "syftar till", "har bidragit till", "har lett till") or whose
subject is an aim noun before "är" ("Syftet är …", "Målet med arbetet är …") states no
measure. The vocabulary (verbs as infinitives, a particle after those that need one: "ta
fram", "se över") is configs/lexicon.yaml's. Words are matched by their forms, generated
from each infinitive by its conjugation (`_forms`: "införa" → inför, införs, infört,
införts), not by spaCy's lookup lemmas, which read many verb forms as nouns ("visa" →
"visum", "följs" → "följe"); only the aim nouns are lemmas. A verb counts also as the last
part of a compound verb ("vidareutvecklas" is "utveckla").
"""
from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Protocol

from pipeline.text.lexicon import lemmas

_COMPOUND_STEM = 3  # letters a compound verb needs before its last part ("vidare|utveckla")
_COMPOUND_MIN = 5  # letters a verb needs to be the last part of a compound ("ta", "se" never are)
_PARTICLE_REACH = 3  # words a particle may stand after its verb ("tas nu fram")
_AUXILIARY_REACH = 4  # words between a verb of intention and its infinitive ("kommer även skolan att ta över")
_PERFECT_REACH = 6  # words between "har" and its supine ("har förvaltningen därför specificerat")
_AIM_REACH = 8  # an aim noun before "är" opens the sentence ("Det övergripande syftet med arbetet är")
_PERFECT = frozenset({"har", "hade", "ha"})
_DEFINITE = ("en", "et", "na")  # endings of a definite noun ("huvudmannen", "ledningsgruppen", "lärarna")
_DEFINITE_MIN = 5  # letters: "den", "det" are pronouns
_JOINED = frozenset({"och", "eller"})  # a verb joined to a subordinate clause's verb is of that clause
_TOKEN = re.compile(r"\w+|,")  # words, and the commas that end a subordinate clause


class ClauseForms(Protocol):
    """configs/lexicon.yaml `prose_measures` (pipeline.settings.lexicon.ProseConfig)."""

    action_verbs: list[str]
    framing_verbs: list[str]
    aim_nouns: list[str]
    auxiliaries: list[str]
    modals: list[str]
    subordinators: list[str]


@dataclass(frozen=True)
class Clauses:
    """The word forms a measure is stated with, and those of framing: each form with the verb
    (its infinitive) and what the form is (see `_forms`), and the aim nouns as lemmas."""

    actions: dict[str, tuple[str, str]]  # form → (infinitive, kind)
    particles: dict[str, frozenset[tuple[str, ...]]]  # infinitive → the particles it needs (() for none)
    framing: dict[str, tuple[str, str]]
    framing_particles: dict[str, frozenset[tuple[str, ...]]]  # "bygga på" frames, "bygga ut" is done
    aims: frozenset[str]
    auxiliaries: dict[str, tuple[str, str]]  # the forms of the verbs of intention or future
    modals: frozenset[str]  # word forms
    subordinators: frozenset[str]  # word forms

    @classmethod
    def of(cls, cfg: ClauseForms) -> Clauses:
        actions, framing = _particles(cfg.action_verbs), _particles(cfg.framing_verbs)
        return cls(_all_forms(actions), actions, _all_forms(framing, past=True), framing,
                   frozenset(lemmas(w)[0] for w in cfg.aim_nouns), _all_forms(cfg.auxiliaries),
                   frozenset(cfg.modals), frozenset(cfg.subordinators))

    def states_action(self, sentence: str) -> bool:
        """The sentence's first predicate is an action verb carried out (see the module)."""
        return self._action_at(tuple(_TOKEN.findall(sentence.lower()))) is not None

    def actor(self, sentence: str) -> str | None:
        """The subject of an active action predicate that opens the sentence, when it is a
        definite noun ("Huvudmannen genomför …", "Ledningsgruppen fortsätter …"): the one
        carrying the measure out. A passive ("… genomförs") or a fronted adverbial names none."""
        printed = _TOKEN.findall(sentence)
        words = tuple(w.lower() for w in printed)
        found = _form(words[1], self.actions) if self._action_at(words) == 1 else None
        subject = words[0]
        definite = len(subject) >= _DEFINITE_MIN and subject.endswith(_DEFINITE)
        return printed[0] if found is not None and found[1] == "pres" and definite else None

    def _action_at(self, words: tuple[str, ...]) -> int | None:
        """Where the sentence's action predicate stands, if its first predicate is one; a modal
        of possibility before it ("kan", "bör") makes the action one that may happen."""
        aim, subordinate, ended = False, False, False
        for i, word in enumerate(words):
            aim = aim or (i < _AIM_REACH and word.isalnum() and lemmas(word)[0] in self.aims)
            if (word == "är" and aim and i < _AIM_REACH) or word in self.modals:
                return None  # "Syftet är …", "Målet med arbetet är …", "… kan komma att …"
            # a framing verb only as itself: "upphandlas" is no "handlas"
            framing = self._predicate(words, i, self.framing, compound=False)
            verb = self._predicate(words, i, self.actions)
            if word in self.subordinators or (subordinate and not (word == "," or (ended and word not in _JOINED))):
                # "hur elevunderlaget utvecklas", "där vissa enheter avvecklas eller omvandlas": a clause that describes
                subordinate, ended = True, framing is not None or verb is not None
                continue
            subordinate = False
            if framing is not None and _particle(words, i, self.framing_particles[framing]):
                return None
            if verb is not None and _particle(words, i, self.particles[verb]):
                return i
        return None

    def _predicate(self, words: tuple[str, ...], i: int, forms: dict[str, tuple[str, str]],
                   compound: bool = True) -> str | None:
        """The verb whose form stands at `i` as a predicate, itself or (`compound`) as the last
        part of a compound ("vidareutvecklas"); None for any other word."""
        found = forms.get(words[i]) if not compound else _form(words[i], forms)
        if found is None:
            return None
        verb, kind = found
        if kind == "inf":
            return verb if any(self._auxiliary(w) for w in words[max(0, i - _AUXILIARY_REACH):i]) else None
        if kind == "sup":
            return verb if any(w in _PERFECT for w in words[max(0, i - _PERFECT_REACH):i]) else None
        return verb

    def _auxiliary(self, word: str) -> bool:
        """A finite form of a verb of intention or future ("kommer", "planeras", "föreslås")."""
        found = self.auxiliaries.get(word)
        return found is not None and found[1] != "inf"


def _form(word: str, forms: dict[str, tuple[str, str]]) -> tuple[str, str] | None:
    if word in forms:
        return forms[word]
    for k in range(_COMPOUND_STEM, len(word) - _COMPOUND_MIN + 1):
        found = forms.get(word[k:])
        if found is not None and len(found[0]) >= _COMPOUND_MIN:
            return found
    return None


def _particles(phrases: list[str]) -> dict[str, frozenset[tuple[str, ...]]]:
    """Each verb (an infinitive) with the particles it is listed with ("ta fram" → ("fram",))."""
    found: dict[str, set[tuple[str, ...]]] = {}
    for phrase in phrases:
        verb, *particle = phrase.split()
        found.setdefault(verb, set()).add(tuple(particle))
    return {verb: frozenset(p) for verb, p in found.items()}


def _all_forms(verbs: Iterable[str], past: bool = False) -> dict[str, tuple[str, str]]:
    """Every predicate form of the verbs; with `past`, the preterite too ("bedömdes", "ledde"),
    which is kept out of the action verbs' forms since it reads like the participle
    ("planerade åtgärder")."""
    out: dict[str, tuple[str, str]] = {}
    for verb in verbs:
        forms = _forms(verb) | (_preterite(verb) if past else {})
        for form, kind in forms.items():
            out.setdefault(form, (verb, kind))
    return out


def _preterite(verb: str) -> dict[str, str]:
    stem = verb[:-1] if verb.endswith("a") else verb
    forms = (verb + "de", stem + "de", stem + "te", stem + "dde")
    return {f + s: "past" for f in forms for s in ("", "s")}


def _forms(verb: str) -> dict[str, str]:
    """The forms of a Swedish verb that can be a predicate, by its conjugation: infinitive
    ("inf"), present ("pres": planerar, bygger, genomför, pågår), s-form ("pass": planeras,
    byggs, införs, ses; the supine passive planerats, genomförts) and supine ("sup": planerat,
    byggt, utrett). Participles (planerade, pågående) are left out on purpose."""
    if not verb.endswith("a"):  # gå, se, ske
        return {verb: "inf", verb + "r": "pres", verb + "s": "pass", verb + "tt": "sup", verb + "tts": "pass"}
    stem = verb[:-1]
    out = {verb: "inf", verb + "r": "pres", verb + "s": "pass", verb + "t": "sup", verb + "ts": "pass"}
    if verb.endswith("era"):
        return out  # planera: the first conjugation only
    present = stem if stem.endswith("r") else stem + "er"  # genomför, bygger
    supine = stem[:-1] + "tt" if stem.endswith("d") else stem + "t"  # utrett, byggt, genomfört
    out.update({present: "pres", stem + "s": "pass", supine: "sup", supine + "s": "pass"})
    if len(verb) == 2:  # ta: tar, tas, tagit
        out.update({stem + "git": "sup", stem + "gits": "pass"})
    return out


def _particle(words: tuple[str, ...], i: int, needed: frozenset[tuple[str, ...]]) -> bool:
    """The verb at `i` has one of the particles it needs within reach ("tas nu fram"); a verb
    that needs none always has."""
    if () in needed:
        return True
    after = list(words[i + 1:i + 2 + _PARTICLE_REACH])
    return any(_has_run(after, p) for p in needed)


def _has_run(seq: list[str], run: tuple[str, ...]) -> bool:
    return any(tuple(seq[k:k + len(run)]) == run for k in range(len(seq) - len(run) + 1))
