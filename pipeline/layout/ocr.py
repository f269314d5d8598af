"""OCR as a layout source: the words of scanned pages and of images on text pages.

A page without a text layer is rendered whole and read upright; on a text page, an image
large enough to hold a table or a paragraph and with no text drawn over it is read from the
page rendered the same way. Tesseract's words become the same `Word`s pdfplumber's do
(PDF points from the top-left of the page as displayed, /Rotate applied by pdfium's render),
so lines, blocks, tables and headings come out of the same code. Each part read is recorded
as an `OcrRegion` (its confidence, the time it took), each part not read as the page's
`ocr_missing`, which validation turns into a warning: an image table is never a silent gap.
"""
from __future__ import annotations

import io
import time
from dataclasses import dataclass
from pathlib import Path
from statistics import fmean
from types import TracebackType
from typing import Any, BinaryIO

import pdfplumber.page
import pypdfium2 as pdfium
from PIL import Image

from pipeline.layout.ocr_words import placed_words
from pipeline.model import OcrRegion, Word
from pipeline.ocr import OcrWord, available, read_upright, read_words
from pipeline.settings.pipeline import OcrConfig
from pipeline.text.ocr_figures import is_figure, recheck_figure

UNAVAILABLE, OVER_BUDGET = "unavailable", "over_budget"
_CONFIDENT = 80.0
_FLAT_LEVELS = 8  # a word read at least this sure counts in OcrRegion.confident_share
Box = tuple[float, float, float, float]


@dataclass
class PageRead:
    """A page's words (its own, OCR's or both), in the frame they stand in."""

    words: list[Word]
    width: float
    height: float
    regions: list[OcrRegion]
    missing: str | None = None


class DocumentOcr:
    """One document's OCR: opens the PDF in pdfium only when a page needs it, and holds the
    document to its OCR page budget (a page counts once, however many images it has)."""

    def __init__(self, pdf: Path | BinaryIO, cfg: OcrConfig) -> None:
        self._source = pdf
        self._cfg = cfg
        self._available = available(cfg)
        self._pdf: pdfium.PdfDocument | None = None
        self.pages_read = 0
        self.seconds = 0.0  # rendering and reading, photos that turned out to hold no text included

    def __enter__(self) -> DocumentOcr:
        return self

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None) -> None:
        if self._pdf is not None:
            self._pdf.close()

    def read(self, page: pdfplumber.page.Page, words: list[Word], has_text: bool) -> PageRead:
        """The page's words: its text layer's, OCR's in place of a missing one, and OCR's of
        its images that hold text and have none drawn over them. A page with a few words of
        text layer (a cover photo with "2025" set on it) is no scan: only its images that look
        like graphics are read, not the whole page (seconds per cover otherwise)."""
        width, height = float(page.width), float(page.height)
        started = time.perf_counter()
        scanned = not has_text and not words
        images = [] if scanned else self._text_images(page, words)
        self.seconds += time.perf_counter() - started
        if not scanned and not images:
            return PageRead(words, width, height, [])
        if not self._available or self.pages_read >= self._cfg.page_budget:
            return PageRead(words, width, height, [], UNAVAILABLE if not self._available else OVER_BUDGET)
        self.pages_read += 1
        started = time.perf_counter()
        try:
            return self._ocr(page, words, images)
        finally:
            self.seconds += time.perf_counter() - started

    def _text_images(self, page: pdfplumber.page.Page, words: list[Word]) -> list[Box]:
        """The images of a text page that may hold a table or a paragraph: large enough, with no
        text drawn over them, and flat like a graphic, not a photo (looked at in a rendering
        at 72 dpi, which costs milliseconds, where Tesseract on a photo costs seconds)."""
        boxes = _text_free_images(page, words, self._cfg)
        if not boxes:
            return []
        probe = self._render(page.page_number - 1, 1.0)
        return [box for box in boxes if _flat_share(probe.crop(box)) >= self._cfg.min_flat_share]

    def _ocr(self, page: pdfplumber.page.Page, words: list[Word], images: list[Box]) -> PageRead:
        started = time.perf_counter()
        image = self._render(page.page_number - 1, self._scale)
        if not images:
            return self._scanned(image, (float(page.width), float(page.height)), started)
        reads = [r for r in (self._image_words(image, box) for box in images) if r is not None]
        return PageRead(words + [w for _, ws in reads for w in ws], float(page.width), float(page.height),
                        [r for r, _ in reads])

    def _scanned(self, image: Image.Image, size: tuple[float, float], started: float) -> PageRead:
        """A page without a text layer, read upright: its words stand in the frame of the page
        turned by the rotation its region records."""
        read = read_upright(image, self._cfg)
        kept = _confident(read.words, self._cfg)
        width, height = size[::-1] if read.rotation in (90, 270) else size
        region = _region((0.0, 0.0, width, height), kept, read.rotation, time.perf_counter() - started)
        return PageRead(placed_words(kept, self._scale, (0.0, 0.0)), width, height, [region])

    def _image_words(self, page_image: Image.Image, box: Box) -> tuple[OcrRegion, list[Word]] | None:
        """The words of one image on a text page; None when it reads as a photo (few words, or
        words Tesseract is unsure of)."""
        started = time.perf_counter()
        cfg = self._cfg
        found = read_words(page_image.crop((box[0] * self._scale, box[1] * self._scale, box[2] * self._scale,
                                            box[3] * self._scale)), cfg)
        kept = _confident(found, cfg)
        if len(kept) < cfg.min_region_words or fmean(w.conf for w in found) < cfg.min_region_confidence:
            return None
        region = _region(box, kept, 0, time.perf_counter() - started)
        return region, placed_words(kept, self._scale, (box[0], box[1]))

    @property
    def _scale(self) -> float:
        return self._cfg.dpi / 72

    def _render(self, index: int, scale: float) -> Image.Image:
        if self._pdf is None:
            self._pdf = pdfium.PdfDocument(_bytes_or_path(self._source))
        pdf_page = self._pdf[index]
        try:
            return pdf_page.render(scale=scale, grayscale=True).to_pil()
        finally:
            pdf_page.close()


def _text_free_images(page: pdfplumber.page.Page, words: list[Word], cfg: OcrConfig) -> list[Box]:
    """Images on the page large enough for a table or a paragraph with no word of the text
    layer standing on them (a background picture under the page's text needs no OCR), short
    of the whole page (a text page's page-sized picture is its cover art or background)."""
    width, height = float(page.width), float(page.height)
    boxes = []
    for image in page.images:
        box = (max(0.0, image["x0"]), max(0.0, image["top"]), min(width, image["x1"]), min(height, image["bottom"]))
        share = (box[2] - box[0]) * (box[3] - box[1]) / (width * height)
        if cfg.min_image_share <= share <= cfg.max_image_share and not any(_inside(w, box) for w in words):
            boxes.append(box)
    return boxes


def _flat_share(image: Image.Image) -> float:
    """The share of an image's pixels in its few most common grey levels: near 1 for text,
    tables and diagrams (a background, ink, a shade or two), below 0.25 for a photo."""
    counts = sorted(image.histogram(), reverse=True)
    return sum(counts[:_FLAT_LEVELS]) / max(1, sum(counts))


def _inside(word: Word, box: Box) -> bool:
    x, y = (word.x0 + word.x1) / 2, (word.top + word.bottom) / 2
    return box[0] <= x <= box[2] and box[1] <= y <= box[3]


def _confident(words: list[OcrWord], cfg: OcrConfig) -> list[OcrWord]:
    """The words Tesseract is sure enough of; a figure needs less (it has no dictionary word to
    lean on), and a page with figures is read for its figures."""
    return [w for w in words if w.conf >= cfg.min_word_confidence
            or (w.conf >= cfg.min_figure_confidence and is_figure(recheck_figure(w.text)))]


def _region(box: Box, kept: list[OcrWord], rotation: int, seconds: float) -> OcrRegion:
    return OcrRegion(
        bbox=tuple(round(v, 2) for v in box),  # type: ignore[arg-type]
        confidence=round(fmean(w.conf for w in kept), 1) if kept else 0.0,
        words=len(kept),
        confident_share=round(sum(w.conf >= _CONFIDENT for w in kept) / len(kept), 3) if kept else 0.0,
        rotation=rotation,
        seconds=round(seconds, 3),
    )


def _bytes_or_path(source: Path | BinaryIO) -> Any:
    """What pdfium opens: the path, or the bytes of a stream pdfplumber is reading too (read
    without moving its position)."""
    if isinstance(source, Path):
        return source
    if isinstance(source, io.BytesIO):
        return source.getvalue()
    position = source.tell()
    source.seek(0)
    data = source.read()
    source.seek(position)
    return data
