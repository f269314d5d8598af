"""Small PDFs generated in the tests, so that edge cases do not depend on the corpus."""
from __future__ import annotations

from pathlib import Path

import pytest
from fpdf import FPDF

FONT_CANDIDATES = [
    Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"),
    Path("/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf"),
]


def _font() -> Path:
    for path in FONT_CANDIDATES:
        if path.exists():
            return path
    pytest.skip("no TrueType font with Swedish glyphs on this machine (fonts-dejavu)")


def write_pdf(target: Path, pages: list[list[tuple[float, float, str]]], size: float = 11,
              small: frozenset[str] = frozenset()) -> Path:
    """Each page is a list of (x, y, text) placed exactly, in points from the top-left; the
    texts in `small` are set two points smaller (a caption or a note under a table)."""
    pdf = FPDF(unit="pt", format="A4")
    pdf.add_font("body", fname=str(_font()))
    for lines in pages:
        pdf.add_page()
        for x, y, text in lines:
            pdf.set_font("body", size=size - 2 if text in small else size)
            pdf.text(x, y, text)
    pdf.output(str(target))
    return target


def paragraph_lines(x: float, y: float, lines: list[str], leading: float = 14) -> list[tuple[float, float, str]]:
    return [(x, y + i * leading, text) for i, text in enumerate(lines)]
