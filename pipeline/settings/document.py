"""configs/document.yaml: the Swedish conventions the document facts are read by (doc type by
compound head, issuer naming, party names, municipality evidence, period)."""
from __future__ import annotations

from enum import StrEnum
from typing import Annotated

from pydantic import AfterValidator

from pipeline.contract import DocType, IssuerKind
from pipeline.settings.fields import Count, Model, NonNegative, Regex, Share, template


def _one_of(enum: type[StrEnum]) -> AfterValidator:
    """A value of a contract enum, written as its string (strict models take no coercion)."""

    def check(value: str) -> str:
        if value not in {e.value for e in enum}:
            raise ValueError(f"must be one of {', '.join(e.value for e in enum)}")
        return value

    return AfterValidator(check)


class DocTypeCues(Model):
    """One doc type: the compound heads that name it and the phrases that are not one word."""

    name: Annotated[str, _one_of(DocType)]
    heads: list[str]
    phrases: list[Regex]


class IssuerForm(Model):
    """How one kind of body is named; {name} stands for a proper name."""

    kind: Annotated[str, _one_of(IssuerKind)]
    pattern: Regex


class DocumentSettings(Model):
    doc_types: list[DocTypeCues]
    doc_type_endings: list[str]
    min_stem: NonNegative
    cover_only_heads: list[str]
    self_reference: Regex
    issuers: list[IssuerForm]
    proper_name: Regex
    issuer_stop_words: list[str]
    generic_bodies: list[str]
    issuer_labels: list[str]
    parties: list[str]
    party_pattern: Regex
    party_separator: Regex
    party_issuer: list[Annotated[str, template("{party}")]]
    party_mentions: Count
    party_share: Share
    ambiguous_names: list[str]
    min_mentions: Count
    issuer_weight: Count
    domain_pattern: Regex
    period_pattern: Regex
    year_pattern: Regex
    first_pages: Count
    opening_pages: Count
    metadata_title_artefacts: list[Regex]
