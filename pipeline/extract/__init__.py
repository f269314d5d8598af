"""Extract stage: the document model → rows of the published datasets.

Each extractor reads only the layout model (never the PDF) and returns typed rows that
carry doc_id and page from the moment they are made.
"""
from __future__ import annotations

from pipeline import __version__
from pipeline.model import Document, DocumentRow, Extraction


def extract(doc: Document) -> Extraction:
    document = DocumentRow(
        doc_id=doc.doc_id,
        source_file=doc.source_file,
        pages=len(doc.pages),
        status="ok",
        pipeline_version=__version__,
        title=doc.metadata.get("title"),
    )
    return Extraction(document=document)
