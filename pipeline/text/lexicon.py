"""Swedish text matching for the political extractors: lemmas, cue phrases, responsible bodies.

Headings inflect ("Indikatorer", "Åtgärder:", "Finansiella målen"), so cues are compared on
lemmas from spaCy's Swedish lookup lemmatizer (spacy-lookups-data, works offline, no trained
model). Cue lists come from configs/lexicon.yaml and are lemmatised with the same pipeline, so
both sides agree even where the lookup table is odd ("mål" → "måla"). What is compiled from
the configuration (`Compounds`, `CueList`, `Bodies`) is built by `of` from plain values or
from a Protocol the settings models satisfy: this layer imports nothing above it.

Swedish forms new words by compounding, head last: "verksamhetsmålen", "målindikatorer",
"styrtal" are a kind of mål, indikator, tal. A cue is matched on the lemmas and again with every
word that is a compound (or inflected form) of a configured head read as that head
(`Compounds.head`), so a compound no list names is still recognised.
"""
from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache
from typing import Protocol

import spacy
from spacy.matcher import PhraseMatcher

_WORD = re.compile(r"\w+", re.UNICODE)
_ABBREVIATION_REACH = 80  # characters before "(KS)" searched for the name it abbreviates


@cache
def _nlp() -> spacy.language.Language:
    nlp = spacy.blank("sv")
    nlp.add_pipe("lemmatizer", config={"mode": "lookup"})
    nlp.initialize()
    return nlp


@cache
def lemmas(text: str) -> tuple[str, ...]:
    """Lower-case lemmas of the word tokens of `text` (punctuation dropped)."""
    return tuple(lemma for _, lemma in _words(text))


@cache
def _words(text: str) -> tuple[tuple[str, str], ...]:
    """(lower-case word, lemma) of the word tokens of `text`."""
    doc = _nlp()(text.lower())
    return tuple((t.text, t.lemma_) for t in doc if _WORD.fullmatch(t.text))


class CompoundForms(Protocol):
    """configs/lexicon.yaml `compounds` (pipeline.settings.lexicon.CompoundConfig: the text
    layer imports nothing above it)."""

    heads: list[str]
    endings: list[str]
    min_stem: int
    exceptions: list[str]
    modifier: str


@dataclass(frozen=True)
class Compounds:
    """How a Swedish compound is read as its head, compiled from configs/lexicon.yaml
    `compounds`. The heads a word was read as are kept with the object (a word recurs on
    every page), so two settings never share an answer."""

    heads: tuple[str, ...]  # longest first, so "indikator" is tried before a shorter head
    endings: tuple[str, ...]  # longest first
    min_stem: int
    exceptions: tuple[str, ...]
    modifier: re.Pattern[str]
    _read: dict[tuple[str, tuple[str, ...], bool], str | None] = field(default_factory=dict, compare=False, repr=False)

    @classmethod
    def of(cls, cfg: CompoundForms) -> Compounds:
        return cls(_by_length(cfg.heads), _by_length(cfg.endings), cfg.min_stem,
                   tuple(x.lower() for x in cfg.exceptions), re.compile(cfg.modifier, re.I))

    def head(self, word: str, inflected: bool = True) -> str | None:
        """The lemma of the cue head `word` is a compound or an inflected form of ("nämndmålen"
        → the lemma of "mål", "kvalitetsindikatorer" → "indikator"); None for any other word,
        for a stem shorter than the configured minimum ("antal") and for the configured
        exceptions ("ändamål", "vårdavtal": a stem ending in an exception). Not `inflected`:
        only compounds, not the head's own inflected forms ("målen")."""
        return self.head_among(word, self.heads, inflected)

    def head_among(self, word: str, heads: tuple[str, ...], inflected: bool = True) -> str | None:
        """`head` over any list of heads (longest first): the lemma of the head `word` ends in."""
        key = (word, heads, inflected)
        if key not in self._read:
            self._read[key] = self._head_among(word.lower(), heads, inflected)
        return self._read[key]

    def _head_among(self, w: str, heads: tuple[str, ...], inflected: bool) -> str | None:
        for ending in self.endings:
            stem = w[: len(w) - len(ending)] if ending and w.endswith(ending) else (w if not ending else "")
            for head in (h for h in heads if stem.endswith(h)):
                before = len(stem) - len(head)
                if ((before == 0 and inflected) or before >= self.min_stem) and not stem.endswith(self.exceptions):
                    return lemmas(head)[0]
        return None

    def readings(self, text: str, modified: bool = False, label: bool = True) -> list[tuple[str, ...]]:
        """The lemma sequences `text` may be matched as: its lemmas, then with compounds (in a
        `label`, also a head's inflected forms) read as their heads, then (`modified`) without
        attributive participles before the cue ("Vidtagna åtgärder" → "åtgärd"). In running
        text ("för att uppnå målen …") a bare inflected head stays as the lemmatiser reads it,
        so the idioms configured for it keep matching."""
        words = _words(text)
        seq = tuple(lemma for _, lemma in words)
        headed = tuple(self.head(w, inflected=label) or lemma for w, lemma in words)
        out = [seq, headed]
        if modified:
            k = next((n for n, (w, _) in enumerate(words) if not self.modifier.match(w)), len(words))
            if 0 < k < len(words):
                out.append(headed[k:])
        return out


def _by_length(words: Iterable[str]) -> tuple[str, ...]:
    return tuple(sorted((w.lower() for w in words), key=len, reverse=True))


@dataclass(frozen=True)
class CueList:
    """Phrases of one meaning, kept as lemma sequences, matched with the compounds of
    `compounds` read as their heads."""

    phrases: tuple[tuple[str, ...], ...]
    compounds: Compounds = field(compare=False, repr=False)

    @classmethod
    def of(cls, words: Iterable[str], compounds: Compounds) -> CueList:
        return cls(tuple(sorted({lemmas(w) for w in words}, key=len, reverse=True)), compounds)

    def is_whole(self, text: str, filler: frozenset[str] = frozenset(), modified: bool = False) -> bool:
        """The text is one of the phrases, give or take filler words and digits, with its
        compounds read as their heads, and (`modified`) participles before the cue."""
        phrases = {tuple(t for t in p if t not in filler) for p in self.phrases}
        for reading in self.compounds.readings(text, modified):
            seq = tuple(t for t in reading if t not in filler and not t.isdigit())
            if seq and seq in phrases:
                return True
        return False

    def prefix(self, text: str) -> tuple[str, ...] | None:
        """The longest phrase the text starts with."""
        seq = lemmas(text)
        for p in self.phrases:
            if seq[: len(p)] == p:
                return p
        return None

    def contains(self, text: str, unless: CueList | None = None) -> bool:
        """A phrase occurs in the text, outside the phrases of `unless` (idioms such as "komma i
        mål" use a cue word in another sense)."""
        for seq in self.compounds.readings(text, label=False):
            seq = unless.masked(seq) if unless is not None else seq
            if any(_has_run(seq, p) for p in self.phrases):
                return True
        return False

    def masked(self, seq: tuple[str, ...]) -> tuple[str, ...]:
        """The lemma sequence with every occurrence of a phrase blanked out."""
        out = list(seq)
        for p in self.phrases:
            for i in range(len(out) - len(p) + 1):
                if tuple(out[i : i + len(p)]) == p:
                    out[i : i + len(p)] = [""] * len(p)
        return tuple(out)


def _has_run(seq: tuple[str, ...], run: tuple[str, ...]) -> bool:
    n = len(run)
    return any(seq[i : i + n] == run for i in range(len(seq) - n + 1))


class BodyForms(Protocol):
    """configs/lexicon.yaml `responsible` (pipeline.settings.lexicon.ResponsibleConfig)."""

    collective: list[str]
    pattern: str
    exclude: list[str]
    names: list[str]
    unit_forms: dict[str, str]
    unit_tasks: list[str]
    labels: list[str]
    partner_phrases: list[str]
    joiner: str


@dataclass(frozen=True)
class _Span:
    start: int
    end: int
    name: str
    collective: bool = False


@dataclass(frozen=True, eq=False)
class Bodies:
    """How a text names the bodies that carry out a task, compiled from configs/lexicon.yaml
    `responsible`."""

    matcher: PhraseMatcher
    pattern: re.Pattern[str]  # nämnd / styrelse names
    unit_tasks: tuple[re.Pattern[str], ...]  # a named unit given a task; group "unit"
    definite: dict[str, str]
    exclude: frozenset[str]
    joiner: re.Pattern[str]
    label: re.Pattern[str]  # "Ansvarig:" before the body that carries out the task
    partner: re.Pattern[str]  # "tillsammans med" ending the text before a partner body

    @classmethod
    def of(cls, cfg: BodyForms) -> Bodies:
        nlp = _nlp()
        matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
        matcher.add("COLLECTIVE", [nlp.make_doc(p) for p in cfg.collective])
        matcher.add("GENITIVE", [nlp.make_doc(f"{p}s") for p in cfg.collective])  # "samtliga nämnders …"
        matcher.add("NAME", [nlp.make_doc(p) for p in cfg.names])
        forms = sorted([*cfg.unit_forms, *cfg.unit_forms.values()], key=len, reverse=True)
        unit = rf"(?P<unit>\w{{3,}}(?:{'|'.join(forms)}))\b"
        return cls(
            matcher=matcher,
            pattern=re.compile(cfg.pattern),
            unit_tasks=tuple(re.compile(t.replace("{unit}", unit), re.I) for t in cfg.unit_tasks),
            definite=dict(cfg.unit_forms),
            exclude=frozenset(x.lower() for x in cfg.exclude),
            joiner=re.compile(cfg.joiner, re.I),
            label=re.compile(rf"\b(?:{_phrases(cfg.labels)})\s*:", re.I),
            partner=re.compile(rf"\b(?:{_phrases(cfg.partner_phrases)})\s+$", re.I),
        )

    def responsible(self, text: str, abbreviations: dict[str, str] | None = None) -> str | None:
        """Bodies the text names, in order of appearance, capitalised and joined with ", ":
        collective phrases ("Samtliga nämnder"), nämnd/styrelse names, a unit the text gives
        a task ("… ges till kommunens upphandlingsenhet" → "Upphandlingsenheten") and
        abbreviations the document defines ("KS" after "kommunstyrelsen (KS)"). A body named
        together with a collective ("regionstyrelsen och samtliga nämnder") is one addressee,
        kept as printed."""
        names: list[str] = []
        previous: _Span | None = None
        for span in self._responsible_spans(text, self._body_spans(text, abbreviations or {})):
            gap = text[previous.end:span.start] if previous is not None else ""
            if previous is not None and (previous.collective or span.collective) and self.joiner.fullmatch(gap):
                names[-1] = f"{names[-1]}{gap}{span.name}"
            else:
                names.append(span.name)
            previous = span
        unique: list[str] = []
        for name in (n[:1].upper() + n[1:] for n in names):
            if name.lower() not in (u.lower() for u in unique):
                unique.append(name)
        return ", ".join(unique) if unique else None

    def after_genitive(self, text: str) -> str | None:
        """What follows a body named in the genitive at the start of the text ("Socialnämndens
        mål", "Bygg- och miljönämndens mål" → "mål"); None when the text does not start with
        one. A bare "Nämndens" names no body."""
        words = text.split()
        for k in range(1, len(words)):
            owner = " ".join(words[:k])
            body = self.pattern.fullmatch(owner[:-1]) if owner.endswith("s") else None
            if body is not None and body.group(0).lower() not in self.exclude:
                return " ".join(words[k:])
        return None

    def defined_abbreviations(self, text: str) -> dict[str, str]:
        """Abbreviations a document defines for its bodies: "kommunstyrelsen (KS)" →
        {"KS": "Kommunstyrelsen"}."""
        out: dict[str, str] = {}
        for m in re.finditer(r"\(([A-ZÅÄÖ]{2,6})\)", text):
            before = text[max(0, m.start() - _ABBREVIATION_REACH): m.start()].rstrip()
            spans = self._body_spans(before, {})
            if spans and spans[-1].end >= len(before):  # the body's name right before "(KS)"
                out[m.group(1)] = spans[-1].name[:1].upper() + spans[-1].name[1:]
        return out

    def _responsible_spans(self, text: str, spans: list[_Span]) -> list[_Span]:
        """The bodies that carry out the task: after an explicit label ("(Ansvarig: X)") only
        the bodies it names, for the task text may mention others ("hur socialnämnden och
        skolan kan samverka"); never a partner the responsible body works with ("tillsammans
        med X och Y")."""
        label = self.label.search(text)
        if label is not None:  # a label naming no body we know of ("Ansvarig: rektor") names no one here either
            spans = [s for s in spans if s.start >= label.end()]
        kept: list[_Span] = []
        partner: _Span | None = None
        for span in spans:
            joined = partner is not None and self.joiner.fullmatch(text[partner.end:span.start])
            if joined or self.partner.search(text[:span.start]):
                partner = span
            else:
                kept.append(span)
                partner = None
        return kept

    def _body_spans(self, text: str, abbreviations: dict[str, str]) -> list[_Span]:
        """Every body named, earliest first, overlaps dropped."""
        doc = _nlp().make_doc(text)
        found: list[_Span] = []
        for match_id, start, end in self.matcher(doc):
            matched = doc[start:end]
            label = _nlp().vocab.strings[match_id]
            name = matched.text[:-1] if label == "GENITIVE" else matched.text
            found.append(_Span(matched.start_char, matched.end_char, name, collective=label != "NAME"))
        for m in self.pattern.finditer(text):
            name = m.group(0).strip()
            if name.lower() not in self.exclude:
                found.append(_Span(m.start(), m.end(), name))
        for pattern in self.unit_tasks:
            for m in pattern.finditer(text):
                found.append(_Span(m.start("unit"), m.end("unit"), _definite(m.group("unit"), self.definite)))
        for abbreviation, name in abbreviations.items():
            for m in re.finditer(rf"\b{re.escape(abbreviation)}\b", text):
                found.append(_Span(m.start(), m.end(), name))
        spans: list[_Span] = []
        for span in sorted(found, key=lambda f: (f.start, -f.end)):
            if not spans or span.start >= spans[-1].end:
                spans.append(span)
        return spans


def _phrases(words: list[str]) -> str:
    """Alternatives of literal phrases, longest first, any whitespace between their words."""
    return "|".join(r"\s+".join(map(re.escape, w.split())) for w in sorted(words, key=len, reverse=True))


def _definite(unit: str, forms: dict[str, str]) -> str:
    """"upphandlingsenhet" → "Upphandlingsenheten": a unit is named in its definite form."""
    for indefinite, definite in forms.items():
        if unit.lower().endswith(indefinite):
            unit = unit[: len(unit) - len(indefinite)] + definite
            break
    return unit[:1].upper() + unit[1:]
