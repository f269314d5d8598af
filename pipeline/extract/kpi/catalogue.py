"""The Kolada KPI catalogue in normal form, made once per settings object (`Settings.derived`).

Normalising 7,000 titles takes seconds, so it is done once per process and settings, never
per document; a worker compiles its own copy (derived forms are not pickled).
"""
from __future__ import annotations

from dataclasses import dataclass

from pipeline.extract.kpi.normalise import Normalised, Vocabulary, normalise
from pipeline.reference import Kpi, read_kpis
from pipeline.settings import Settings


@dataclass(frozen=True)
class Catalogue:
    kpis: tuple[Kpi, ...]
    forms: tuple[Normalised, ...]  # forms[i] is kpis[i]'s title, normalised
    texts: tuple[str, ...]  # forms[i].text: what RapidFuzz compares

    @classmethod
    def of(cls, settings: Settings) -> Catalogue:
        return cls.from_kpis(read_kpis(), settings.derived(Vocabulary.of))

    @classmethod
    def from_kpis(cls, kpis: tuple[Kpi, ...], vocabulary: Vocabulary) -> Catalogue:
        forms = tuple(normalise(k.title, vocabulary) for k in kpis)
        return cls(kpis, forms, tuple(f.text for f in forms))
