"""pdfplumber page → our Words, with the font facts later stages need."""
from __future__ import annotations

import re

import pdfplumber.page

from pipeline.model import Word

_BOLD = re.compile(r"bold|black|heavy|semibold|demi|,b\b", re.IGNORECASE)
_ITALIC = re.compile(r"italic|oblique|,i\b|-it\b|kursiv", re.IGNORECASE)


def page_words(page: pdfplumber.page.Page, x_tolerance: float, y_tolerance: float) -> list[Word]:
    """Upright words of the page's text layer; rotated watermark text is ignored."""
    raw = _without_overlapping_spaces(page).extract_words(
        x_tolerance=x_tolerance,
        y_tolerance=y_tolerance,
        keep_blank_chars=False,
        use_text_flow=False,
        extra_attrs=["fontname", "size"],
    )
    words = []
    for w in raw:
        if not w.get("upright", True) or not w["text"].strip():
            continue
        font = _base_font(w["fontname"])
        words.append(
            Word(
                text=w["text"],
                x0=round(w["x0"], 2),
                x1=round(w["x1"], 2),
                top=round(w["top"], 2),
                bottom=round(w["bottom"], 2),
                size=round(w["size"], 1),
                bold=bool(_BOLD.search(font)),
                italic=bool(_ITALIC.search(font)),
            )
        )
    return words


def _without_overlapping_spaces(page: pdfplumber.page.Page) -> pdfplumber.page.Page:
    """Drop space characters drawn on top of the following glyph.

    Some layout programs (InDesign) emit a space at the very position of a line's first
    letter; sorted by position the letter lands before the space and the word is cut
    ("G enomföra").
    """
    chars = page.chars
    overlapping = {
        (a["x0"], a["top"])
        for a, b in zip(chars, chars[1:])
        if a["text"] == " " and b["text"] != " " and abs(a["top"] - b["top"]) < 1 and b["x0"] < a["x1"] - 1
    }
    if not overlapping:
        return page
    return page.filter(
        lambda o: not (o.get("object_type") == "char" and o["text"] == " " and (o["x0"], o["top"]) in overlapping)
    )


def _base_font(fontname: str) -> str:
    """Drop the subset prefix ("EAAAAA+LiberationSerif-Bold" → "LiberationSerif-Bold")."""
    return fontname.split("+", 1)[-1]
