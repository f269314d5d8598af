"""Page images for review: every page of a PDF rendered small (pypdfium2), and one page
drawn large with its rows outlined (`pipeline review FILE --page N --out x.png`).

The review pages of a corpus hold a few hundred page images: at 60 dpi and JPEG quality 55
a page is ~60 kB and renders in a few milliseconds, enough to find a figure on it and
check it against the outline (the PDF itself is one click away for the fine print).
"""
from __future__ import annotations

import io
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pypdfium2 as pdfium
from PIL import Image, ImageDraw

from pipeline.publish.formatting import DATASET_COLOURS, STATUS_COLOURS
from pipeline.publish.review_marks import Mark

REVIEW_DPI = 60
_QUALITY = 55
_POINTS_PER_INCH = 72


@dataclass(frozen=True)
class PageImage:
    page: int  # 1-based
    width: float  # the page in PDF points, as displayed (rotation applied)
    height: float
    pixels: tuple[int, int]
    jpeg: bytes


def page_images(pdf_path: Path, dpi: int = REVIEW_DPI) -> Iterator[PageImage]:
    """Every page of the PDF as a small JPEG; nothing for a file pdfium cannot open (a failed
    file's review lists its failure instead)."""
    try:
        pdf = pdfium.PdfDocument(str(pdf_path))
    except (pdfium.PdfiumError, OSError):
        return
    try:
        for index in range(len(pdf)):
            image, width, height = _render(pdf, index, dpi / _POINTS_PER_INCH)
            data = io.BytesIO()
            image.convert("RGB").save(data, "JPEG", quality=_QUALITY, optimize=True)
            yield PageImage(index + 1, width, height, image.size, data.getvalue())
    finally:
        pdf.close()


def draw_page(pdf_path: Path, page: int, marks: list[Mark], target: Path, dpi: int = 110) -> int:
    """PAGE of the PDF with each mark of that page outlined in its dataset's colour (a thick
    frame in the status colour around a row with findings) written as PNG; returns the
    number of outlines drawn."""
    pdf = pdfium.PdfDocument(str(pdf_path))
    try:
        if not 1 <= page <= len(pdf):
            raise ValueError(f"{pdf_path.name} has {len(pdf)} pages, not page {page}")
        image, width, _ = _render(pdf, page - 1, dpi / _POINTS_PER_INCH)
    finally:
        pdf.close()
    image = image.convert("RGB")
    scale = image.size[0] / width
    pen = ImageDraw.Draw(image)
    drawn = 0
    for mark in marks:
        if mark.page != page or mark.box is None:
            continue
        x0, top, x1, bottom = (v * scale for v in mark.box)
        if STATUS_COLOURS[mark.status]:
            pen.rectangle((x0 - 3, top - 3, x1 + 3, bottom + 3), outline=STATUS_COLOURS[mark.status], width=3)
        pen.rectangle((x0, top, x1, bottom), outline=DATASET_COLOURS[mark.dataset], width=2)
        drawn += 1
    target.parent.mkdir(parents=True, exist_ok=True)
    image.save(target, "PNG")
    return drawn


def _render(pdf: pdfium.PdfDocument, index: int, scale: float) -> tuple[Image.Image, float, float]:
    """The page rendered as displayed, and its size in points as displayed (pdfium renders
    /Rotate applied, as pdfplumber reports boxes, so the boxes fit the image)."""
    page = pdf[index]
    try:
        width, height = page.get_size()
        image = page.render(scale=scale).to_pil()
    finally:
        page.close()
    if (image.size[0] > image.size[1]) != (width > height):  # a turned page: its size as displayed
        width, height = height, width
    return image, width, height
