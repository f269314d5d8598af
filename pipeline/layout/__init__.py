"""Layout stage: a PDF seen the way a reader sees it.

pdfplumber characters → words → lines in reading order (columns resolved) → furniture
removed → typed blocks. Pages without a text layer, and images on text pages, are read by
OCR (layout/ocr.py) into the same words. Pages are parsed one at a time and closed, so memory stays flat
however long the document is; only our own small Line objects outlive a page.
"""
from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

import pdfplumber
from rapidfuzz import fuzz

from pipeline.layout.blocks import BlockBuilder
from pipeline.layout.boxes import FilledBox, filled_boxes, mark_filled
from pipeline.layout.columns import order_rows
from pipeline.layout.furniture import FurnitureSettings, furniture_keys, is_furniture
from pipeline.layout.lines import group_rows
from pipeline.layout.ocr import DocumentOcr
from pipeline.layout.settings import LayoutRules
from pipeline.layout.tables import Box, mark_tables, ruled_tables
from pipeline.layout.toc import TocEntry, collect_entries, is_toc_page, numbering_depth
from pipeline.layout.words import page_words
from pipeline.model import Block, BlockKind, Document, Line, PageInfo, SourceDocument
from pipeline.settings import Settings
from pipeline.text.normalise import normalise_space


@dataclass
class _Page:
    info: PageInfo
    lines: list[tuple[Line, int]]
    ruled: list[Box]
    filled: list[FilledBox]


def build_layout(source: SourceDocument, settings: Settings, stream: BinaryIO | None = None) -> Document:
    """Lay out the document from `stream` (its bytes) or, if not given, from its path."""
    cfg = settings.derived(LayoutRules.of)
    pdf = stream if stream is not None else Path(source.path)
    with DocumentOcr(pdf, cfg.ocr) as ocr:
        pages = [_read_page(p, cfg, ocr, has_text) for p, has_text in zip(_pages(pdf), source.text_pages)]
    for page, has_text in zip(pages, source.text_pages):
        page.info.has_text = has_text
    body_size = _body_size(pages)
    furniture = _drop_furniture(pages, cfg.furniture)
    builder = BlockBuilder(body_size, cfg.blocks)
    toc: list[TocEntry] = []
    toc_cfg = cfg.toc
    for page in pages:
        lines = [ln for ln, _ in page.lines]
        if is_toc_page(lines, toc_cfg):
            entries, rest = collect_entries(lines, toc_cfg)
            toc.extend(entries)
            first_top = entries[0].lines[0].top if entries else 0.0
            above, below = [ln for ln in rest if ln.top < first_top], [ln for ln in rest if ln.top >= first_top]
            builder.add_page(mark_tables([(ln, 0) for ln in above], page.ruled, cfg.blocks, cfg.regions))
            builder.add_finished([(_toc_block(e), e.lines) for e in entries])
            builder.add_page(mark_tables([(ln, 0) for ln in below], page.ruled, cfg.blocks, cfg.regions))
            continue
        builder.add_page(mark_tables(page.lines, page.ruled, cfg.blocks, cfg.regions))
    blocks = mark_filled(builder.finish(), [box for page in pages for box in page.filled])
    _assign_heading_levels(blocks, toc, toc_cfg.numbering)
    return Document(
        doc_id=source.doc_id,
        source_file=source.source_file,
        pages=[p.info for p in pages],
        metadata={"title": source.title, "producer": source.producer, "creator": source.creator,
                  "author": source.author, "subject": source.subject, "keywords": source.keywords,
                  "furniture": furniture, "ocr": {"pages": ocr.pages_read, "seconds": round(ocr.seconds, 3)}},
        body_size=body_size,
        blocks=blocks,
    )


def _pages(pdf_file: Path | BinaryIO) -> Iterator[pdfplumber.page.Page]:
    """Yield pdfplumber pages one at a time, closing each after use."""
    # pdfplumber reads any binary file object; its annotation names only BufferedReader and BytesIO
    with pdfplumber.open(pdf_file) as pdf:  # type: ignore[arg-type]
        for page in pdf.pages:
            try:
                yield page
            finally:
                page.close()


def _read_page(page: pdfplumber.page.Page, cfg: LayoutRules, ocr: DocumentOcr, has_text: bool) -> _Page:
    read = ocr.read(page, page_words(page, cfg.x_tolerance, cfg.y_tolerance), has_text)
    rows = group_rows(read.words, page.page_number, cfg.y_tolerance)
    ordered, columns = order_rows(rows, page.page_number, read.width, cfg.columns)
    info = PageInfo(number=page.page_number, width=read.width, height=read.height, has_text=bool(read.words),
                    columns=columns, ocr=read.regions, ocr_missing=read.missing)
    return _Page(info=info, lines=ordered, ruled=ruled_tables(page), filled=filled_boxes(page))


def _body_size(pages: list[_Page]) -> float:
    sizes: Counter[float] = Counter()
    for page in pages:
        for line, _ in page.lines:
            for w in line.words:
                sizes[w.size] += len(w.text)
    return sizes.most_common(1)[0][0] if sizes else 10.0


def _drop_furniture(pages: list[_Page], settings: FurnitureSettings) -> list[list[int | str]]:
    """Drop the running headers, footers and page numbers; return what was dropped as
    [first page, text, pages it stands on], each text once, because a running header often names the
    document and its issuer ("Verksamhetsplan med budget 2017-2020, Ale kommun")."""
    keys = furniture_keys([(p.info.height, [ln for ln, _ in p.lines]) for p in pages], settings)
    dropped: dict[str, list[int | str]] = {}
    for page in pages:
        kept = []
        for ln, col in page.lines:
            if is_furniture(ln, page.info.height, keys, settings):
                entry = dropped.setdefault(ln.text.strip(), [page.info.number, ln.text.strip(), 0])
                entry[2] = int(entry[2]) + 1
            else:
                kept.append((ln, col))
        page.lines = kept
    return list(dropped.values())


def _toc_block(entry: TocEntry) -> Block:
    first, last = entry.lines[0], entry.lines[-1]
    return Block(
        kind=BlockKind.TOC,
        text=entry.title,
        page=first.page,
        bbox=(first.x0, first.top, max(ln.x1 for ln in entry.lines), last.bottom),
        size=first.size,
        bold=first.bold,
        italic=first.italic,
        level=entry.level,
        toc_page=entry.page_ref,
    )


def _assign_heading_levels(blocks: list[Block], toc: list[TocEntry], numbering: re.Pattern[str]) -> None:
    """Level per heading style, confirmed by the TOC where the document has one."""
    headings = [b for b in blocks if b.kind is BlockKind.HEADING]
    style = {id(h): (round(h.size), h.bold) for h in headings}
    ranked = sorted(set(style.values()), key=lambda s: (-s[0], not s[1]))
    votes: dict[tuple[int, bool], Counter[int]] = {s: Counter() for s in ranked}
    matched: dict[int, int] = {}
    for h in headings:
        entry = _toc_match(h, toc)
        if entry is not None:
            matched[id(h)] = entry.level
            votes[style[id(h)]][entry.level] += 1
    deepest = max((e.level for e in toc), default=0)
    unconfirmed = [s for s in ranked if not votes[s]]
    for h in headings:
        depth = numbering_depth(h.text, numbering)
        if id(h) in matched:
            h.level = matched[id(h)]
        elif votes[style[id(h)]]:
            h.level = votes[style[id(h)]].most_common(1)[0][0]
        elif depth is not None:
            h.level = depth
        else:
            h.level = deepest + 1 + unconfirmed.index(style[id(h)])


def _toc_match(heading: Block, toc: list[TocEntry]) -> TocEntry | None:
    text = normalise_space(heading.text).lower()
    best = max(toc, key=lambda e: fuzz.ratio(text, e.title.lower()), default=None)
    if best is not None and fuzz.ratio(text, best.title.lower()) >= 88:
        return best
    return None
