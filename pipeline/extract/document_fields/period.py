"""The period: the first and last year the document plans or reports.

The title states it ("Budget 2025 med plan 2026–2027" → 2025–2027, "Budget 2027 och ramar
2028–29" → 2027–2029); the metadata title, when the author wrote one, may state more of it
("… samt investeringsbudget 2027–2031"), so it extends the title's period when it names the
same first year (a file saved from last year's template names another and is ignored), and
never moves its start. Without a year on the
title, the cover's headings, then the cover's lines and running headers ("Vänsterpartiets
valplattform 2022"), then the first pages decide. A follow-up report ("Delårsrapport mars
2026", "per april 2026") reports on its year: the contract's period is in years.
"""
from __future__ import annotations

import re
from collections import Counter

from pipeline.extract.document_fields.evidence import Texts
from pipeline.settings.document import DocumentSettings


def years_of(text: str, cfg: DocumentSettings) -> list[int]:
    """Every year a title-like text states: the ends of its ranges (a two-digit end completes
    its century, "2028-29"), and its single years; dates and case numbers are no years."""
    years: list[int] = []
    for a, b in re.findall(cfg.period_pattern, text):
        start = int(a)
        end = int(b) if len(b) == 4 else start // 100 * 100 + int(b)
        if end >= start:
            years += [start, end]
    rest = re.sub(cfg.period_pattern, " ", text)
    return years + [int(y) for y in re.findall(cfg.year_pattern, rest)]


def period(texts: Texts, cfg: DocumentSettings) -> tuple[int | None, int | None]:
    """First and last year of the most telling text that states any."""
    title = years_of(texts.title, cfg)
    if title:
        meta = years_of(texts.meta_title, cfg)
        same_document = min(title) in meta
        return min(title), max(title + (meta if same_document else []))
    for text in (texts.cover_headings, texts.cover + "\n" + texts.running):
        years = years_of(text, cfg)
        if years:
            return min(years), max(years)
    m = re.search(cfg.period_pattern, texts.front)
    if m:
        years = years_of(m.group(0), cfg)
        if years:
            return min(years), max(years)
    years = [int(y) for y in re.findall(cfg.year_pattern, texts.front)]
    if years:
        year = Counter(years).most_common(1)[0][0]
        return year, year
    return None, None
