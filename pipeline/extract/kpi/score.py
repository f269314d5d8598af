"""Ranked Kolada candidates for one indicator: RapidFuzz on the normalised words plus word
overlap, lowered for every way the two key figures visibly differ.

RapidFuzz's token-sort ratio tolerates inflection and small rewording the lemmas miss; the
overlap (Dice over words, a word matching its compound or inflected form, averaged with the
share of the KPI's words the indicator has: "Andel invånare som har förtroende för sjukhus"
has all of "Förtroende för sjukhus") keeps a KPI that shares one long word from scoring
high on characters alone. A KPI for the other kind of
municipality, of the other type word, unit or age group is not excluded, only lowered: the
text may simply not say. Only candidates at or above the threshold are returned.
"""
from __future__ import annotations

from dataclasses import dataclass

from rapidfuzz import fuzz, process

from pipeline.extract.kpi.catalogue import Catalogue
from pipeline.extract.kpi.normalise import Normalised
from pipeline.reference import Kpi
from pipeline.settings.kpi import KpiScoring

_SAME_WORD = 88  # RapidFuzz ratio at which two lemmas are one word ("kariesfria" / "kariesfri")
_STEM = 5  # a word this long matches a compound ending or starting with it ("närvaro" / "elevnärvaro")


@dataclass(frozen=True)
class Candidate:
    kpi: Kpi
    score: float
    evidence: str  # what agreed: shared words, unit, age group; and what lowered the score


def candidates(query: Normalised, municipality_type: str | None, catalogue: Catalogue,
               cfg: KpiScoring) -> list[Candidate]:
    """The best `max_candidates` KPIs scoring at least `threshold`, best first; a runner-up
    only within `runner_up_margin` of the best, where the text cannot tell them apart (on the
    evaluation set, runners-up further behind were never the right KPI)."""
    if len(query.words) < cfg.min_words:
        return []
    shortlist = {i for scorer in (fuzz.token_sort_ratio, fuzz.token_set_ratio)
                 for _, _, i in process.extract(query.text, catalogue.texts, scorer=scorer, limit=cfg.shortlist)}
    scored = [_score(query, catalogue.kpis[i], catalogue.forms[i], municipality_type, cfg) for i in shortlist]
    kept = sorted((c for c in scored if c.score >= cfg.threshold), key=lambda c: (-c.score, c.kpi.id))
    return [c for c in kept if c.score >= kept[0].score - cfg.runner_up_margin][: cfg.max_candidates]


def _score(query: Normalised, kpi: Kpi, form: Normalised, municipality_type: str | None,
           cfg: KpiScoring) -> Candidate:
    shared = [w for w in query.terms if any(_same(w, v) for v in form.terms)]
    covered = sum(any(_same(v, w) for w in query.terms) for v in form.terms)
    dice = (len(shared) + covered) / (len(query.terms) + len(form.terms) or 1)
    overlap = (dice + covered / (len(form.terms) or 1)) / 2
    score = cfg.fuzz_weight * fuzz.token_sort_ratio(query.text, form.text) / 100 + (1 - cfg.fuzz_weight) * overlap
    notes = [f"words: {', '.join(shared) or '-'}", *_agreements(query, form)]
    for differs, factor, note in _differences(query, kpi, form, municipality_type, cfg):
        if differs:
            score *= factor
            notes.append(note)
    return Candidate(kpi, round(score, 4), "; ".join(notes))


def _agreements(query: Normalised, form: Normalised) -> list[str]:
    """Unit and age group, where both sides state them and they agree."""
    found = [f"unit: {query.unit}"] if query.unit is not None and query.unit == form.unit else []
    if query.ages & form.ages:
        found.append(f"age: {'/'.join(sorted(query.ages & form.ages))}")
    return found


def _differences(query: Normalised, kpi: Kpi, form: Normalised, municipality_type: str | None,
                 cfg: KpiScoring) -> list[tuple[bool, float, str]]:
    """(differs, factor, note) for each thing that tells two key figures apart."""
    return [
        (municipality_type is not None and kpi.municipality_type not in (municipality_type, "A"),
         cfg.other_type_factor, f"municipality type {kpi.municipality_type}, not {municipality_type}"),
        (_disagree(query.kind, form.kind), cfg.type_word_factor, f"type word differs ({query.kind}/{form.kind})"),
        (_disagree(query.unit, form.unit), cfg.unit_factor, f"unit differs ({query.unit}/{form.unit})"),
        (bool(query.ages and form.ages and not query.ages & form.ages), cfg.age_factor,
         f"age differs ({'/'.join(sorted(query.ages))} vs {'/'.join(sorted(form.ages))})"),
        (not kpi.in_latest, cfg.retired_factor, "retired KPI"),
    ]


def _disagree(a: str | None, b: str | None) -> bool:
    return a is not None and b is not None and a != b


def _same(a: str, b: str) -> bool:
    """One word, inflected or as part of a compound."""
    if a == b:
        return True
    if min(len(a), len(b)) >= _STEM and (a.startswith(b) or b.startswith(a) or a.endswith(b) or b.endswith(a)):
        return True
    return fuzz.ratio(a, b) >= _SAME_WORD
