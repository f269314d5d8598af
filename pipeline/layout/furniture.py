"""Page furniture: running headers/footers and page numbers, removed from the body.

A text is furniture when it sits in the top or bottom margin zone and repeats (with its
digits ignored, so "Sida 3" and "Sida 4" are the same text) on many pages. Bare page
numbers in the margin zone are furniture even in a short document.
"""
from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass

from pipeline.model import Line


@dataclass(frozen=True)
class FurnitureSettings:
    margin_share: float
    min_pages: int
    min_share: float
    page_number_patterns: tuple[re.Pattern[str], ...]


def furniture_keys(pages: list[tuple[float, list[Line]]], cfg: FurnitureSettings) -> set[str]:
    """Normalised texts that repeat in the margin zones of enough pages."""
    seen: dict[str, set[int]] = defaultdict(set)
    for height, lines in pages:
        for line in lines:
            if _in_margin(line, height, cfg):
                seen[_key(line.text)].add(line.page)
    needed = max(cfg.min_pages, cfg.min_share * len(pages))
    return {key for key, on in seen.items() if len(on) >= needed}


def is_furniture(line: Line, height: float, keys: set[str], cfg: FurnitureSettings) -> bool:
    if not _in_margin(line, height, cfg):
        return False
    if _key(line.text) in keys:
        return True
    text = line.text.strip()
    return any(p.match(text) for p in cfg.page_number_patterns)


def _in_margin(line: Line, height: float, cfg: FurnitureSettings) -> bool:
    return line.bottom <= height * cfg.margin_share or line.top >= height * (1 - cfg.margin_share)


def _key(text: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"\d+", "#", text.lower())).strip()
