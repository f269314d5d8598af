"""configs/layout.yaml: how a page is read (thresholds, markers, patterns)."""
from __future__ import annotations

from typing import Annotated

from pydantic import Field

from pipeline.settings.fields import Count, Model, NonNegative, Positive, Range, Regex, Share, ShareRange


class LineConfig(Model):
    x_tolerance: Positive
    y_tolerance: Positive
    segment_gap_em: Positive


class ColumnConfig(Model):
    gutter_search: ShareRange
    min_gutter_width: Positive
    min_split_lines: Count
    edge_reach: Share
    max_crossing_share: Share
    grid_share: Share
    grid_align: Positive


class FurnitureConfig(Model):
    margin_share: Annotated[float, Field(ge=0, le=0.5)]
    min_pages: Count
    min_share: Share
    page_number_patterns: list[Regex]


class TocConfig(Model):
    leader: Regex
    heading_cues: list[str]
    min_entries: Count
    max_page_ref: Count


class ListConfig(Model):
    bullets: list[str]
    private_use: Range
    numbered: Regex


class HeadingConfig(Model):
    min_size_delta: float
    max_words: Count
    numbered: Regex


class ParagraphConfig(Model):
    gap_factor: Annotated[float, Field(ge=0)]


class HyphenationConfig(Model):
    compound_continuations: list[str]
    soft_hyphen: Annotated[str, Field(min_length=1)]


class CaptionConfig(Model):
    max_size_delta: float
    cues: list[Regex]


class LayoutTableConfig(Model):
    cell_gap_em: Positive
    figure_gap_em: Positive
    row_gap_em: Positive
    pitch_tolerance: Share
    max_pitch_em: Positive
    bridge_lines: NonNegative
    bridge_words: Count
    header_lines: NonNegative
    grid_max_columns: Annotated[int, Field(ge=2)]
    grid_header_words: Count
    header_cues: list[Regex]


class LayoutSettings(Model):
    lines: LineConfig
    columns: ColumnConfig
    furniture: FurnitureConfig
    toc: TocConfig
    lists: ListConfig
    headings: HeadingConfig
    paragraphs: ParagraphConfig
    hyphenation: HyphenationConfig
    captions: CaptionConfig
    tables: LayoutTableConfig
