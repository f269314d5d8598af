"""Table-of-contents pages: entries with dot leaders and trailing page numbers.

The entries are kept as TOC blocks and their levels (from numbering depth or indentation)
confirm the levels of the body headings they name.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from pipeline.model import Line
from pipeline.text.normalise import normalise_space
from pipeline.text.numbers import parse_number

_PAGE_NO = re.compile(r"^[1-9]\d{0,3}$")  # page 0 does not exist: a trailing "0" is a figure
# A figure, or one thousands group of one ("1 000" arrives as "1" and "000"), printed before the
# last number: the row of a table has several figures, a TOC entry has one page number.
_FIGURE_PART = re.compile(r"^\(?[-+\u2212\u2013]?\d{1,3}\)?$")


@dataclass(frozen=True)
class TocSettings:
    leader: re.Pattern[str]
    heading_cues: frozenset[str]
    min_entries: int
    max_page_ref: int  # a larger "page" is a year or an amount
    numbering: re.Pattern[str]  # a section number as the first word (configs/layout.yaml headings.numbered)


@dataclass
class TocEntry:
    title: str
    page_ref: int
    lines: list[Line]
    level: int = 1


def is_entry(line: Line, cfg: TocSettings) -> bool:
    """A line ending in a page number after a dot leader or a wide gap."""
    words = line.words
    if len(words) < 2 or not _PAGE_NO.match(words[-1].text.strip(".")):
        return bool(cfg.leader.search(line.text)) and _PAGE_NO.match(_strip_leader(line.text, cfg)[1] or "") is not None
    if cfg.leader.search(line.text):
        return True
    if _is_figure(words[-2].text):
        return False  # a row of figures, not a title and its page
    return words[-1].x0 - words[-2].x1 > 3 * words[-1].size


def _is_figure(text: str) -> bool:
    return parse_number(text) is not None or _FIGURE_PART.match(text) is not None


def is_toc_page(lines: list[Line], cfg: TocSettings) -> bool:
    """Enough entries whose page references run forward (a column of amounts does not) and
    stay page numbers."""
    entries = [ln for ln in lines if is_entry(ln, cfg)]
    has_cue = any(normalise_space(ln.text).lower().rstrip(":") in cfg.heading_cues for ln in lines)
    if len(entries) < (2 if has_cue else cfg.min_entries):
        return False
    refs = [int(_strip_leader(ln.text, cfg)[1] or 0) for ln in entries]
    if max(refs) > cfg.max_page_ref:  # deadlines "2026, 2027, 2028" run forward too
        return False
    forward = sum(b >= a for a, b in zip(refs, refs[1:]))
    return forward >= 0.8 * (len(refs) - 1)


def collect_entries(lines: list[Line], cfg: TocSettings) -> tuple[list[TocEntry], list[Line]]:
    """Entries of a TOC page (wrapped titles joined) and the page's other lines."""
    entries: list[TocEntry] = []
    pending: list[Line] = []
    rest: list[Line] = []
    for line in lines:
        if is_entry(line, cfg):
            parts = pending + [line]
            title, page_ref = _strip_leader(" ".join(ln.text for ln in parts), cfg)
            entries.append(TocEntry(title=title, page_ref=int(page_ref), lines=parts))
            pending = []
        elif normalise_space(line.text).lower().rstrip(":") in cfg.heading_cues:
            rest.append(line)
        else:
            pending.append(line)
    rest.extend(pending)
    _assign_levels(entries, cfg.numbering)
    return entries, rest


def _strip_leader(text: str, cfg: TocSettings) -> tuple[str, str]:
    text = normalise_space(text)
    match = re.match(r"^(.*?)[\s.…_]*?(\d{1,4})$", text)
    if not match:
        return text, ""
    title = cfg.leader.sub(" ", match.group(1))
    return normalise_space(title).rstrip(" ._…"), match.group(2)


def numbering_depth(text: str, numbering: re.Pattern[str]) -> int | None:
    """Depth of the section number opening a title ("2.3.1 Svensk ekonomi" → 3), if any."""
    first, _, rest = text.strip().partition(" ")
    m = numbering.match(first) if rest else None
    return m.group(1).count(".") + 1 if m else None


def _assign_levels(entries: list[TocEntry], numbering: re.Pattern[str]) -> None:
    """Numbering depth when entries are numbered, otherwise indentation rank."""
    depths = [numbering_depth(e.title, numbering) for e in entries]
    if entries and sum(d is not None for d in depths) * 2 > len(entries):
        for e, depth in zip(entries, depths):
            e.level = depth or 1
        return
    indents: list[float] = []
    for x in sorted(e.lines[0].x0 for e in entries):
        if not indents or x - indents[-1] > 3:
            indents.append(x)
    for e in entries:
        x = e.lines[0].x0
        e.level = 1 + max(i for i, ix in enumerate(indents) if ix <= x + 3)
