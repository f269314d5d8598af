"""Document-level fields: title, doc_type, issuer (organisation, issuer_kind), municipality
(+ SCB code, Kolada id), period.

Each is read from the places a document presents itself (evidence.py) by a Swedish
convention kept as data in configs/document.yaml: doc type by compound head (doc_type.py),
the issuer by how bodies are named (issuer.py), the place from the issuer and the SCB lists
(place.py), the period from the title's years (period.py). The PDF's file name is never
evidence: it is whatever the collector called the file.
"""
from __future__ import annotations

from typing import cast

from pipeline import __version__
from pipeline.contract import DocType, DocumentStatus, IssuerKind
from pipeline.extract.document_fields.doc_type import doc_type as _doc_type
from pipeline.extract.document_fields.evidence import Texts, texts_of
from pipeline.extract.document_fields.issuer import Issuer, organisation, party
from pipeline.extract.document_fields.period import period
from pipeline.extract.document_fields.place import Place, place_of, reference, region_name
from pipeline.model import Document, DocumentRow
from pipeline.settings import Settings
from pipeline.settings.document import DocumentSettings

__all__ = ["document_fields"]


def document_fields(doc: Document, settings: Settings) -> DocumentRow:
    """The documents row of `doc`, read by the conventions of configs/document.yaml."""
    cfg = settings.document
    texts, cover = texts_of(doc, cfg)
    kind = _doc_type(texts, cfg)
    # how often a party is named tells who wrote a programme, not a council's budget, whose
    # opening pages may name its ruling party throughout
    party_name = party(cover, texts, cfg, by_mentions=kind in ("not_budget", "other"))
    if party_name is not None and kind in ("budget", "verksamhetsplan"):
        kind = "budget_proposal"  # a budget or plan that a party or coalition issued is its proposal
    issuer, place = _issuer_and_place(texts, cover, cfg, party_name, kind)
    start, end = period(texts, cfg)
    municipality, code, kolada = _place_columns(issuer, place)
    return DocumentRow(
        doc_id=doc.doc_id,
        source_file=doc.source_file,
        pages=len(doc.pages),
        status=DocumentStatus.NOT_BUDGET if kind == "not_budget" else DocumentStatus.OK,
        pipeline_version=__version__,
        title=texts.title or None,
        municipality=municipality,
        municipality_code=code,
        organisation=issuer.name if issuer else None,
        doc_type=cast(DocType, kind),  # the doc type names of configs/document.yaml are DocType values
        period_start=start,
        period_end=end,
        kolada_municipality_id=kolada,
        issuer_kind=IssuerKind(issuer.kind) if issuer else None,
    )


def _issuer_and_place(texts: Texts, cover: list, cfg: DocumentSettings, party_name: str | None,
                      kind: str) -> tuple[Issuer | None, Place | None]:
    """The issuing body and the place it belongs to; a party's programme is about no place."""
    body, found = organisation(texts, cover, cfg)
    if body is not None and body.kind == "region":
        body = Issuer(region_name(body.name, reference()), body.kind)
    issuer = Issuer(party_name, "party") if party_name is not None else body
    place = None if kind == "not_budget" else place_of(texts, found, body, cfg)
    if issuer is None and place is not None and place.is_region:
        issuer = Issuer(place.name, "region")  # a region's own document: the region issues it
    return issuer, place


def _place_columns(issuer: Issuer | None, place: Place | None) -> tuple[str | None, str | None, str | None]:
    """municipality, municipality_code, kolada id. A kommunalförbund or bolag stands between or
    beside kommuner: its name is the municipality (as the gold has it), with no code."""
    if issuer is not None and issuer.kind in ("forbund", "bolag"):
        return issuer.name, None, None
    if place is None:
        return None, None, None
    return place.name, place.code or None, place.kolada_id or None
