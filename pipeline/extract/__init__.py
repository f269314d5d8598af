"""Extract stage: the document model → rows of the published datasets.

Each extractor reads only the layout model (never the PDF) and returns typed rows that
carry doc_id and page from the moment they are made.
"""
from __future__ import annotations

from pipeline.extract.amounts import extract_amounts
from pipeline.extract.document_fields import document_fields
from pipeline.extract.political import extract_political
from pipeline.model import Document, Extraction


def extract(doc: Document) -> Extraction:
    document = document_fields(doc)
    goals, indicators, measures = extract_political(doc)
    return Extraction(document=document, goals=goals, indicators=indicators, measures=measures, amounts=extract_amounts(doc))
