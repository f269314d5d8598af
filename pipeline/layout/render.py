"""A readable rendering of the document model, for debugging a layout by eye."""
from __future__ import annotations

from pipeline.model import BlockKind, Document


def render(doc: Document, width: int = 110) -> str:
    out = [f"{doc.source_file}  doc_id={doc.doc_id}  pages={len(doc.pages)}  body={doc.body_size}pt"]
    for b in doc.blocks:
        tag = b.kind.value
        if b.kind is BlockKind.HEADING:
            tag += f" h{b.level}"
        elif b.kind is BlockKind.LIST_ITEM:
            tag += f" {'  ' * b.depth}{b.marker!r}"
        elif b.kind is BlockKind.TOC:
            tag += f" l{b.level} →{b.toc_page}"
        pages = f"p{b.page}" + (f"-{b.end_page}" if b.end_page else "")
        style = ("B" if b.bold else "") + ("I" if b.italic else "")
        text = b.text if b.kind is not BlockKind.TABLE else " ⏎ ".join(ln.text for ln in b.lines)
        out.append(f"{pages:>7} {tag:<22} {style:<2} {text[:width]}")
    return "\n".join(out)
