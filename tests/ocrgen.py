"""Scanned-looking PDFs made in the tests: text drawn into an image (as a scanner would give
it) and the image embedded as a page, or as a picture on a page with a text layer."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from fpdf import FPDF
from PIL import Image, ImageDraw, ImageFont

from tests.pdfgen import FONT_CANDIDATES

DPI = 300
A4_PX = (2480, 3508)  # A4 at 300 dpi
PX_PER_PT = DPI / 72


def needs_tesseract() -> None:
    """Skip, saying why, on a machine without Tesseract and its Swedish data."""
    if shutil.which("tesseract") is None:
        pytest.skip("tesseract is not installed (apt-get install tesseract-ocr tesseract-ocr-swe; .ci/run does)")
    import pytesseract

    if "swe" not in pytesseract.get_languages():
        pytest.skip("tesseract has no Swedish data (apt-get install tesseract-ocr-swe)")


def _font(size_pt: float) -> ImageFont.FreeTypeFont:
    path = next((p for p in FONT_CANDIDATES if p.exists()), None)
    if path is None:
        pytest.skip("no TrueType font with Swedish glyphs on this machine (fonts-dejavu)")
    return ImageFont.truetype(str(path), round(size_pt * PX_PER_PT))


def draw(size_px: tuple[int, int], items: list[tuple[float, float, str, float, str]]) -> Image.Image:
    """A white image with each (x, y, text, size, align) drawn at PDF points from its top-left:
    align "l" puts the text's left edge at x, "r" its right edge (a figure column)."""
    image = Image.new("L", size_px, 255)
    pen = ImageDraw.Draw(image)
    for x, y, text, size, align in items:
        font = _font(size)
        left = x * PX_PER_PT - (font.getlength(text) if align == "r" else 0)
        pen.text((left, y * PX_PER_PT), text, font=font, fill=0)
    return image


def table_items(top: float, rows: list[tuple[str, ...]], columns: tuple[float, ...], size: float = 11,
                pitch: float = 20) -> list[tuple[float, float, str, float, str]]:
    """Rows of a borderless table: the label at the left margin, figures right-aligned on `columns`."""
    items = []
    for i, (label, *figures) in enumerate(rows):
        y = top + i * pitch
        items.append((20.0, y, label, size, "l"))
        items += [(right, y, text, size, "r") for right, text in zip(columns, figures) if text]
    return items


def scanned_pdf(target: Path, pages: list[Image.Image]) -> Path:
    """Each image a page of its own, no text layer (as a scanner writes a PDF)."""
    pages[0].save(target, "PDF", resolution=DPI, save_all=True, append_images=pages[1:])
    return target


def text_page_with_image(target: Path, lines: list[tuple[float, float, str]], image: Image.Image,
                         at: tuple[float, float]) -> Path:
    """An A4 page with a text layer (`lines` at points from the top-left) and `image` placed at
    `at`, at its 300 dpi size: a table pasted into a report as a picture."""
    pdf = FPDF(unit="pt", format="A4")
    pdf.add_font("body", fname=str(next(p for p in FONT_CANDIDATES if p.exists())))
    pdf.add_page()
    pdf.set_font("body", size=11)
    for x, y, text in lines:
        pdf.text(x, y, text)
    png = target.with_suffix(".png")
    image.save(png)
    pdf.image(str(png), x=at[0], y=at[1], w=image.width / PX_PER_PT, h=image.height / PX_PER_PT)
    pdf.output(str(target))
    return target
