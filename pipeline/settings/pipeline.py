"""configs/pipeline.yaml: the limits that protect a batch from one bad file."""
from __future__ import annotations

from typing import Annotated

from pydantic import Field

from pipeline.settings.fields import Count, Model, NonNegative, Share


class IngestLimits(Model):
    max_bytes: Count
    max_pages: Count
    min_text_chars: NonNegative
    pdf_header_window: Count
    eof_window: Count
    max_stream_bytes: Count  # a content stream inflating to more is a decompression bomb
    max_page_chars: Count  # a page with more characters is a glyph bomb


class RunConfig(Model):
    document_timeout_seconds: Annotated[float, Field(ge=0)]  # 0: no limit
    dask_wait_seconds: Annotated[float, Field(gt=0)]  # to reach a scheduler, and for it to have a worker
    memory_limit_mb: Annotated[int, Field(ge=0)]  # address space of a pool worker; 0: no limit


class OcrConfig(Model):
    """Tesseract for pages without a text layer and for images on text pages (configs/pipeline.yaml ocr)."""

    enabled: bool
    command: Annotated[str, Field(min_length=1)]  # the tesseract binary, looked up on PATH
    language: Annotated[str, Field(min_length=1)]
    dpi: Annotated[int, Field(ge=72, le=1200)]
    page_budget: NonNegative  # pages per document read by OCR at most
    min_image_share: Share  # of the page's area: smaller images hold no table or paragraph
    max_image_share: Share  # larger ones on a text page are its cover art or background
    min_flat_share: Share  # of an image's pixels in its 8 commonest grey levels: less is a photo
    min_word_confidence: Annotated[float, Field(ge=0, le=100)]
    min_figure_confidence: Annotated[float, Field(ge=0, le=100)]
    figure_reread_below: Annotated[float, Field(ge=0, le=100)]
    min_region_confidence: Annotated[float, Field(ge=0, le=100)]
    min_region_words: Count


class PipelineSettings(Model):
    ingest: IngestLimits
    run: RunConfig
    ocr: OcrConfig
