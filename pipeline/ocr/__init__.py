"""Tesseract, the OCR engine: an image → words with pixel boxes and confidences, upright.

Kept apart from the layout stage so that ingest can ask whether OCR is there at all (a
scanned document is refused only when it is not) without importing the layout stage, and so
that the layout stage never sees pytesseract: it gets words in pixels and places them.
"""
from __future__ import annotations

import os
import shutil
from dataclasses import dataclass, replace
from statistics import fmean

import pytesseract
from PIL import Image

from pipeline.settings.pipeline import OcrConfig
from pipeline.text.ocr_figures import is_figure, recheck_figure

# One document per worker process: Tesseract's own OpenMP threads would only fight the
# workers for the cores (and make a run slower, not faster).
os.environ.setdefault("OMP_THREAD_LIMIT", "1")
_TURNS = (0, 90, 180, 270)
_DIGITS = "--psm 7 -c tessedit_char_whitelist=0123456789-,.%"  # one line of figures
_OSD_SIDE = 1800  # pixels: the longer side of the image orientation is detected on


@dataclass(frozen=True)
class OcrWord:
    """One word as Tesseract read it: its box in pixels of the image it was read from."""

    text: str
    left: int
    top: int
    right: int
    bottom: int
    conf: float  # 0–100
    line: tuple[int, int, int]  # Tesseract's block, paragraph and line: words on one line share it


@dataclass(frozen=True)
class ImageRead:
    """The words of an image turned upright, and how far it was turned (degrees clockwise)."""

    words: list[OcrWord]
    rotation: int
    width: int  # of the upright image, in pixels
    height: int


def available(cfg: OcrConfig) -> bool:
    """Whether OCR can run: switched on and the tesseract binary found on PATH."""
    return cfg.enabled and shutil.which(cfg.command) is not None


def read_words(image: Image.Image, cfg: OcrConfig) -> list[OcrWord]:
    """Every non-empty word Tesseract finds in `image` (in its language), low confidences
    included; a figure it was unsure of is read once more on its own, as digits."""
    pytesseract.pytesseract.tesseract_cmd = cfg.command
    data = pytesseract.image_to_data(image, lang=cfg.language, output_type=pytesseract.Output.DICT)
    words = [
        OcrWord(text=text.strip(), left=data["left"][i], top=data["top"][i],
                right=data["left"][i] + data["width"][i], bottom=data["top"][i] + data["height"][i],
                conf=float(data["conf"][i]), line=(data["block_num"][i], data["par_num"][i], data["line_num"][i]))
        for i, text in enumerate(data["text"])
        if text.strip() and float(data["conf"][i]) >= 0
    ]
    return [_reread(image, w, cfg) if w.conf < cfg.figure_reread_below and is_figure(recheck_figure(w.text)) else w
            for w in words]


def _reread(image: Image.Image, word: OcrWord, cfg: OcrConfig) -> OcrWord:
    """`word` read alone as one line of digits: in a table row Tesseract's language model
    guesses at a figure ("1138" for "118"), which it reads right on its own. The new reading
    is kept when Tesseract is surer of it."""
    pad = max(4, (word.bottom - word.top) // 3)
    crop = image.crop((word.left - pad, word.top - pad, word.right + pad, word.bottom + pad))
    data = pytesseract.image_to_data(crop, lang=cfg.language, config=_DIGITS, output_type=pytesseract.Output.DICT)
    found = [(text.strip(), float(conf)) for text, conf in zip(data["text"], data["conf"]) if text.strip()]
    if len(found) != 1 or found[0][1] <= word.conf:
        return word
    return replace(word, text=found[0][0], conf=found[0][1])


def read_upright(image: Image.Image, cfg: OcrConfig) -> ImageRead:
    """The words of a page scanned at any of 0/90/180/270 degrees.

    Tesseract's orientation detection (osd) says how far to turn the page; without the osd
    data, or on a page too sparse for it, each of the four turns is read and the one Tesseract
    is surest of (highest mean word confidence) is kept: four reads instead of one, but
    never a page read sideways."""
    turn = _osd_rotation(image, cfg)
    if turn is not None:
        return _read_turned(image, turn, cfg)
    reads = [_read_turned(image, t, cfg) for t in _TURNS]
    return max(reads, key=lambda r: (fmean(w.conf for w in r.words) if r.words else -1.0, -r.rotation))


def _read_turned(image: Image.Image, rotation: int, cfg: OcrConfig) -> ImageRead:
    # PIL turns counter-clockwise for a positive angle
    upright = image.rotate(-rotation, expand=True) if rotation else image
    return ImageRead(read_words(upright, cfg), rotation, upright.width, upright.height)


def _osd_rotation(image: Image.Image, cfg: OcrConfig) -> int | None:
    """Degrees clockwise that turn `image` upright, by osd; None when osd cannot tell."""
    pytesseract.pytesseract.tesseract_cmd = cfg.command
    if "osd" not in pytesseract.get_languages():
        return None
    scale = min(1.0, _OSD_SIDE / max(image.size))  # osd needs shapes, not detail: a third of the time
    small = image.resize((round(image.width * scale), round(image.height * scale))) if scale < 1 else image
    try:
        osd = pytesseract.image_to_osd(small, output_type=pytesseract.Output.DICT)
    except pytesseract.TesseractError:  # "Too few characters": a near-empty page
        return None
    rotation = int(osd["rotate"])
    return rotation if rotation in _TURNS else None
