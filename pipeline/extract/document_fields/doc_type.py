"""doc_type by Swedish word formation: a compound names its kind by its last part.

"Fördjupad månadsuppföljning" and "budgetuppföljningen" are follow-ups because they end in
"uppföljning"; "investeringsbudget" is a budget; a word ends in the longest head it can, so
"skuggbudget" is a proposal and "delårsbokslut" an interim report, not a budget and an annual
report. The heads, endings and minimum stem are data in configs/document.yaml.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from pipeline.extract.document_fields.evidence import Texts
from pipeline.settings.document import DocumentSettings

_WORD = re.compile(r"[A-Za-zÅÄÖåäöÉé]+")
_WEAK = "other"  # plans and programmes: they decide only where nothing else is named


@dataclass(frozen=True)
class _Vocabulary:
    heads: tuple[tuple[str, str], ...]  # (head, type), longest head first
    phrases: tuple[tuple[re.Pattern[str], str], ...]
    endings: tuple[str, ...]
    min_stem: int
    cover_only: frozenset[str]


@cache
def _vocabulary(cues: tuple[tuple[str, tuple[str, ...], tuple[str, ...]], ...],
                endings: tuple[str, ...], min_stem: int, cover_only: tuple[str, ...]) -> _Vocabulary:
    heads = sorted(((h.lower(), name) for name, hs, _ in cues for h in hs), key=lambda p: -len(p[0]))
    phrases = tuple((re.compile(p, re.I), name) for name, _, ps in cues for p in ps)
    inflected = frozenset(h + e for h in cover_only for e in endings)
    return _Vocabulary(tuple(heads), phrases, tuple(sorted(endings, key=len, reverse=True)), min_stem, inflected)


def vocabulary(cfg: DocumentSettings) -> _Vocabulary:
    """The configured cues, compiled once per distinct configuration."""
    cues = tuple((c.name, tuple(c.heads), tuple(c.phrases)) for c in cfg.doc_types)
    return _vocabulary(cues, tuple(cfg.doc_type_endings), cfg.min_stem, tuple(cfg.cover_only_heads))


def word_type(word: str, vocab: _Vocabulary) -> str | None:
    """The type a word names: it is a head, or a compound ending in one (stem ≥ min_stem),
    perhaps inflected ("delårsrapporten", "anvisningar"). A generic head (a plan, a report:
    type "other") lets its stem decide when the stem names a type itself: an
    "uppföljningsrapport" or "prognosrapport" is a follow-up, an "internkontrollrapport" a report."""
    word = word.lower()
    for head, name in vocab.heads:
        for ending in vocab.endings:
            if not word.endswith(head + ending):
                continue
            stem = len(word) - len(head) - len(ending)
            if stem and name == _WEAK and stem >= vocab.min_stem:
                return _stem_type(word[:stem], vocab) or name
            if stem == 0 or stem >= vocab.min_stem:
                return name
    return None


def _stem_type(stem: str, vocab: _Vocabulary) -> str | None:
    """The type the first part of a compound names, without its linking -s ("uppföljnings-")."""
    for part in dict.fromkeys((stem, stem.removesuffix("s"))):
        found = word_type(part, vocab) if len(part) >= vocab.min_stem else None
        if found not in (None, _WEAK):
            return found
    return None


def named_types(text: str, vocab: _Vocabulary) -> list[tuple[int, str, str]]:
    """(position, type, word) of every type the text names, in order; a phrase sorts before
    a word at its position ("tidplan och anvisningar" before "tidplan")."""
    found = [(m.start(), 1, name, m.group(0)) for m in _WORD.finditer(text)
             for name in [word_type(m.group(0), vocab)] if name]
    found += [(m.start(), 0, name, m.group(0)) for pattern, name in vocab.phrases for m in pattern.finditer(text)]
    return [(pos, name, word) for pos, _, name, word in sorted(found)]


def first_type(text: str, vocab: _Vocabulary, cover: bool) -> str | None:
    """The budget or report type named first; else a programme; else (on the title and
    cover) a plan. A phrase ("tidplan och anvisningar") outranks the word it starts with.
    Heads common in running text ("uppföljning", "bokslut") count on the title and cover only."""
    named = [(pos, name, word) for pos, name, word in named_types(text, vocab)
             if cover or word.lower() not in vocab.cover_only]
    for allowed in ({n for _, n, _ in named} - {"not_budget", _WEAK}, {"not_budget"}, {_WEAK} if cover else set()):
        picked = [(pos, name) for pos, name, _ in named if name in allowed]
        if picked:
            return picked[0][1]
    return None


def doc_type(texts: Texts, cfg: DocumentSettings) -> str:
    """The type the most telling text names. A programme word counts further in than the
    cover only where the text calls itself one ("I den här valplattformen …")."""
    vocab = vocabulary(cfg)
    programme_heads = [h for h, name in vocab.heads if name == "not_budget"]
    self_named = re.compile(cfg.self_reference + rf"\w*(?:{'|'.join(programme_heads)})", re.I)
    for n, text in enumerate(texts.tiers()):
        found = first_type(text, vocab, cover=n < 2)
        if found == "not_budget" and n >= 2 and not self_named.search(text):
            found = None
        if found is not None:
            return found
    return "other"
