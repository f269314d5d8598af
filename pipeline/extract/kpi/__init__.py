"""indicator_kpi: ranked Kolada KPI candidates for each indicator (configs/kpi.yaml).

A budget's indicator is very often a Kolada key figure in its own words; linking the two
lets a reader follow the promise year by year and compare it with other municipalities.
Both sides are normalised alike (normalise.py), scored (score.py) against the shipped
catalogue (catalogue.py), and only candidates at or above the documented threshold are
published, at most three: a wrong link is worse than none. The contract's `method` column
names the rule and its evidence ("kpi_title: words: fallskador, person; unit: per_capita;
age: 80+"), so that a reader sees why a KPI was proposed.
"""
from __future__ import annotations

from pipeline.contract import IndicatorKpiRow
from pipeline.extract.kpi.catalogue import Catalogue
from pipeline.extract.kpi.normalise import Vocabulary, normalise
from pipeline.extract.kpi.score import candidates
from pipeline.model import DocumentRow, IndicatorRow
from pipeline.settings import Settings

RULE = "kpi_title"  # the contract's `method` names it, then the evidence: "kpi_title: words: …; unit: percent"
_TYPE_BY_CODE_LENGTH = {4: "K", 2: "L"}  # kommunkod / länskod
_TYPE_BY_ISSUER = {"kommun": "K", "region": "L"}


def municipality_type(document: DocumentRow) -> str | None:
    """Kolada's municipality type of the document's place: K for a kommun (and its nämnder),
    L for a region; None when the document is about neither (a förbund, a party)."""
    if document.municipality_code:
        return _TYPE_BY_CODE_LENGTH.get(len(document.municipality_code))
    return _TYPE_BY_ISSUER.get(str(document.issuer_kind or ""))


def link_kpis(indicators: list[IndicatorRow], document: DocumentRow, settings: Settings) -> list[IndicatorKpiRow]:
    """The published candidates of every indicator, ranked 1, 2, 3 by score."""
    vocabulary = settings.derived(Vocabulary.of)
    catalogue = settings.derived(Catalogue.of)
    kind = municipality_type(document)
    rows = []
    for indicator in indicators:
        found = candidates(normalise(indicator.text, vocabulary), kind, catalogue, settings.kpi.scoring)
        rows += [IndicatorKpiRow(indicator.doc_id, indicator.indicator_id, rank, c.kpi.id, c.kpi.title, c.score,
                                 f"{RULE}: {c.evidence}") for rank, c in enumerate(found, start=1)]
    return rows
