"""What the layout stage needs, compiled once per settings object from configs/layout.yaml.

Each pass of the stage takes its own small frozen settings (pdfplumber's table.py style: one
settings object passed in); `LayoutRules.of(settings)` builds them all, and the stage gets
them through `settings.derived(LayoutRules.of)`, so patterns are compiled once per run, not
once per page. A header line's figures are years by the same range extract uses
(configs/amounts.yaml tables.year_range).
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from pipeline.layout.blocks import BlockSettings
from pipeline.layout.columns import ColumnSettings
from pipeline.layout.furniture import FurnitureSettings
from pipeline.layout.tables import RegionSettings
from pipeline.layout.toc import TocSettings
from pipeline.settings import Settings
from pipeline.settings.layout import LayoutSettings
from pipeline.settings.pipeline import OcrConfig
from pipeline.text.normalise import HyphenationSettings


@dataclass(frozen=True)
class LayoutRules:
    x_tolerance: float  # pdfplumber's word grouping
    y_tolerance: float
    columns: ColumnSettings
    furniture: FurnitureSettings
    toc: TocSettings
    blocks: BlockSettings
    regions: RegionSettings
    ocr: OcrConfig  # configs/pipeline.yaml ocr: scanned pages and images on text pages

    @classmethod
    def of(cls, settings: Settings) -> LayoutRules:
        cfg = settings.layout
        return cls(
            x_tolerance=cfg.lines.x_tolerance,
            y_tolerance=cfg.lines.y_tolerance,
            columns=_columns(cfg),
            furniture=FurnitureSettings(
                margin_share=cfg.furniture.margin_share,
                min_pages=cfg.furniture.min_pages,
                min_share=cfg.furniture.min_share,
                page_number_patterns=tuple(re.compile(p, re.IGNORECASE) for p in cfg.furniture.page_number_patterns),
            ),
            toc=TocSettings(
                leader=re.compile(cfg.toc.leader),
                heading_cues=frozenset(cfg.toc.heading_cues),
                min_entries=cfg.toc.min_entries,
                max_page_ref=cfg.toc.max_page_ref,
                numbering=re.compile(cfg.headings.numbered),
            ),
            blocks=_blocks(cfg),
            regions=_regions(settings),
            ocr=settings.pipeline.ocr,
        )


def _columns(cfg: LayoutSettings) -> ColumnSettings:
    c = cfg.columns
    return ColumnSettings(
        gutter_search=c.gutter_search,
        min_gutter_width=c.min_gutter_width,
        min_split_lines=c.min_split_lines,
        max_crossing_share=c.max_crossing_share,
        edge_reach=c.edge_reach,
        segment_gap_em=cfg.lines.segment_gap_em,
        grid_share=c.grid_share,
        grid_align=c.grid_align,
    )


def _blocks(cfg: LayoutSettings) -> BlockSettings:
    return BlockSettings(
        bullets=frozenset(cfg.lists.bullets),
        private_use=cfg.lists.private_use,
        numbered=re.compile(cfg.lists.numbered),
        heading_min_size_delta=cfg.headings.min_size_delta,
        heading_max_words=cfg.headings.max_words,
        gap_factor=cfg.paragraphs.gap_factor,
        caption_max_size_delta=cfg.captions.max_size_delta,
        caption_cues=tuple(re.compile(p) for p in cfg.captions.cues),
        cell_gap_em=cfg.tables.cell_gap_em,
        hyphenation=HyphenationSettings(
            compound_continuations=frozenset(cfg.hyphenation.compound_continuations),
            soft_hyphen=cfg.hyphenation.soft_hyphen,
        ),
    )


def _regions(settings: Settings) -> RegionSettings:
    t = settings.layout.tables
    return RegionSettings(
        row_gap_em=t.row_gap_em,
        pitch_tolerance=t.pitch_tolerance,
        max_pitch_em=t.max_pitch_em,
        bridge_lines=t.bridge_lines,
        bridge_words=t.bridge_words,
        header_lines=t.header_lines,
        header_cues=re.compile(r"\b(" + "|".join(t.header_cues) + r")", re.IGNORECASE),
        grid_max_columns=t.grid_max_columns,
        grid_header_words=t.grid_header_words,
        years=settings.years,
    )
