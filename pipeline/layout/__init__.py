"""Layout stage: a PDF seen the way a reader sees it.

pdfplumber characters → words → lines in reading order (columns resolved) → furniture
removed → typed blocks. Pages are parsed one at a time and closed, so memory stays flat
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

from pipeline import config
from pipeline.layout.blocks import BlockBuilder, BlockSettings
from pipeline.layout.boxes import FilledBox, filled_boxes, mark_filled
from pipeline.layout.columns import ColumnSettings, order_rows
from pipeline.layout.furniture import FurnitureSettings, furniture_keys, is_furniture
from pipeline.layout.lines import group_rows
from pipeline.layout.tables import Box, mark_tables, ruled_tables
from pipeline.layout.toc import (
    TocEntry,
    TocSettings,
    collect_entries,
    is_toc_page,
    numbering_depth,
)
from pipeline.layout.words import page_words
from pipeline.model import Block, BlockKind, Document, Line, PageInfo, SourceDocument
from pipeline.text.normalise import HyphenationSettings, normalise_space


@dataclass
class _Page:
    info: PageInfo
    lines: list[tuple[Line, int]]
    ruled: list[Box]
    filled: list[FilledBox]


def build_layout(source: SourceDocument, stream: BinaryIO | None = None) -> Document:
    """Lay out the document from `stream` (its bytes) or, if not given, from its path."""
    cfg = config.load("layout")
    pages = [_read_page(p, cfg) for p in _pages(stream if stream is not None else Path(source.path))]
    for page, has_text in zip(pages, source.text_pages):
        page.info.has_text = has_text
    body_size = _body_size(pages)
    _drop_furniture(pages, cfg)
    builder = BlockBuilder(body_size, _block_settings(cfg))
    toc: list[TocEntry] = []
    toc_cfg = _toc_settings(cfg)
    for page in pages:
        lines = [ln for ln, _ in page.lines]
        if is_toc_page(lines, toc_cfg):
            entries, rest = collect_entries(lines, toc_cfg)
            toc.extend(entries)
            first_top = entries[0].lines[0].top if entries else 0.0
            builder.add_page(mark_tables([(ln, 0) for ln in rest if ln.top < first_top], page.ruled, builder.cfg))
            builder.add_finished([(_toc_block(e), e.lines) for e in entries])
            builder.add_page(mark_tables([(ln, 0) for ln in rest if ln.top >= first_top], page.ruled, builder.cfg))
            continue
        builder.add_page(mark_tables(page.lines, page.ruled, builder.cfg))
    blocks = mark_filled(builder.finish(), [box for page in pages for box in page.filled])
    _assign_heading_levels(blocks, toc, toc_cfg.numbering)
    return Document(
        doc_id=source.doc_id,
        source_file=source.source_file,
        pages=[p.info for p in pages],
        metadata={"title": source.title, "producer": source.producer, "creator": source.creator},
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


def _read_page(page: pdfplumber.page.Page, cfg: dict) -> _Page:
    lc = cfg["lines"]
    words = page_words(page, lc["x_tolerance"], lc["y_tolerance"])
    rows = group_rows(words, page.page_number, lc["y_tolerance"])
    ordered, columns = order_rows(rows, page.page_number, float(page.width), _column_settings(cfg))
    info = PageInfo(number=page.page_number, width=float(page.width), height=float(page.height),
                    has_text=bool(words), columns=columns)
    return _Page(info=info, lines=ordered, ruled=ruled_tables(page), filled=filled_boxes(page))


def _body_size(pages: list[_Page]) -> float:
    sizes: Counter[float] = Counter()
    for page in pages:
        for line, _ in page.lines:
            for w in line.words:
                sizes[w.size] += len(w.text)
    return sizes.most_common(1)[0][0] if sizes else 10.0


def _drop_furniture(pages: list[_Page], cfg: dict) -> None:
    fc = cfg["furniture"]
    settings = FurnitureSettings(
        margin_share=fc["margin_share"],
        min_pages=fc["min_pages"],
        min_share=fc["min_share"],
        page_number_patterns=tuple(re.compile(p, re.IGNORECASE) for p in fc["page_number_patterns"]),
    )
    keys = furniture_keys([(p.info.height, [ln for ln, _ in p.lines]) for p in pages], settings)
    for page in pages:
        page.lines = [(ln, col) for ln, col in page.lines if not is_furniture(ln, page.info.height, keys, settings)]


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


def _column_settings(cfg: dict) -> ColumnSettings:
    c = cfg["columns"]
    return ColumnSettings(
        gutter_search=tuple(c["gutter_search"]),
        min_gutter_width=c["min_gutter_width"],
        min_split_lines=c["min_split_lines"],
        max_crossing_share=c["max_crossing_share"],
        edge_reach=c["edge_reach"],
        segment_gap_em=cfg["lines"]["segment_gap_em"],
    )


def _toc_settings(cfg: dict) -> TocSettings:
    t = cfg["toc"]
    return TocSettings(
        leader=re.compile(t["leader"]),
        heading_cues=frozenset(t["heading_cues"]),
        min_entries=t["min_entries"],
        max_page_ref=t["max_page_ref"],
        numbering=re.compile(cfg["headings"]["numbered"]),
    )


def _block_settings(cfg: dict) -> BlockSettings:
    lists, headings, captions = cfg["lists"], cfg["headings"], cfg["captions"]
    return BlockSettings(
        bullets=frozenset(lists["bullets"]),
        private_use=tuple(lists["private_use"]),
        numbered=re.compile(lists["numbered"]),
        heading_min_size_delta=headings["min_size_delta"],
        heading_max_words=headings["max_words"],
        gap_factor=cfg["paragraphs"]["gap_factor"],
        caption_max_size_delta=captions["max_size_delta"],
        caption_cues=tuple(re.compile(p) for p in captions["cues"]),
        cell_gap_em=cfg["tables"]["cell_gap_em"],
        hyphenation=HyphenationSettings(
            compound_continuations=frozenset(cfg["hyphenation"]["compound_continuations"]),
            soft_hyphen=cfg["hyphenation"]["soft_hyphen"],
        ),
    )
