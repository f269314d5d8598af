"""Document-level fields: title, municipality (+ code), organisation, doc_type, period."""
from __future__ import annotations

from pipeline import __version__
from pipeline.model import Document, DocumentRow


def document_fields(doc: Document) -> DocumentRow:
    return DocumentRow(
        doc_id=doc.doc_id,
        source_file=doc.source_file,
        pages=len(doc.pages),
        status="ok",
        pipeline_version=__version__,
        title=doc.metadata.get("title"),
    )
