"""A table line → its cells as printed: text cells and figures (a parsed number or a nil).

Budget tables are mostly borderless, so a cell is a run of words that no wide gap
separates; a figure set farther from its label than any word space is a cell of its own,
two figures set close are two cells, and a raised footnote mark is no digit of a figure.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from pipeline.layout.lines import split_segments
from pipeline.model import Line, Word
from pipeline.tables.settings import TableSettings
from pipeline.text.numbers import ParsedNumber, is_nil, parse_number, without_footnote_mark
from pipeline.text.years import YearRange


@dataclass
class Segment:
    """Words of one line that no wide gap separates: one cell as printed."""

    words: list[Word]
    number: ParsedNumber | None = None
    nil: bool = False

    @property
    def text(self) -> str:
        return " ".join(w.text for w in self.words)

    @property
    def x0(self) -> float:
        return self.words[0].x0

    @property
    def x1(self) -> float:
        return self.words[-1].x1

    @property
    def bbox(self) -> tuple[float, float, float, float]:
        return self.x0, min(w.top for w in self.words), self.x1, max(w.bottom for w in self.words)

    @property
    def figure(self) -> bool:
        return self.number is not None or self.nil


def split_cells(words: list[Word], gap_em: float, figure_gap_em: float) -> list[list[Word]]:
    """Table cells: segments (split_segments), and a trailing figure split off the text
    before it when set farther from it than any word space ("Andel … 20–64 år   78 %" with a
    narrow column gap): a figure cell in a tight table is not part of its label."""
    cells: list[list[Word]] = []
    for seg in split_segments(words, gap_em):
        cut = next((i for i in range(len(seg) - 1, 0, -1)
                    if seg[i].x0 - seg[i - 1].x1 > figure_gap_em * max(seg[i].size, seg[i - 1].size)), None)
        if cut is not None and _figure(seg[cut:]).number is not None and _figure(seg[:cut]).number is None:
            cells += [seg[:cut], seg[cut:]]
        else:
            cells.append(seg)
    return cells


def segments(line: Line, cfg: TableSettings) -> list[Segment]:
    """Split a line into cells where layout does; figure segments get their parsed number."""
    cells = split_cells(line.words, cfg.cell_gap_em, cfg.figure_gap_em)
    return [seg for words in cells for seg in _read_segment(words, cfg)]


def _read_segment(words: list[Word], cfg: TableSettings) -> list[Segment]:
    """A segment whose whole text is a number is a figure; two figures set close are split."""
    if len(words) > 1 and _raised_mark(words[-2], words[-1]) and _figure(words[:-1]).figure:
        words = words[:-1]
    seg = _figure(words)
    if seg.figure or len(words) == 1:
        return [seg]
    parts: list[list[Word]] = [[words[0]]]
    for word in words[1:]:
        prev = parts[-1][-1]
        joins = word.x0 - prev.x1 <= cfg.group_gap_em * max(prev.size, word.size) and re.fullmatch(
            r"\d{3}([,.]\d+)?\s?%?", word.text
        )
        if joins or prev.text in ("-", "−", "–", "+"):
            parts[-1].append(word)
        else:
            parts.append([word])
    split = [_figure(p) for p in parts]
    if len(split) > 1 and all(s.figure for s in split):
        return split
    return [seg]


def _raised_mark(prev: Word, word: Word) -> bool:
    """A footnote reference set as a word processor does: a short word right after the
    previous one, in a smaller font and raised ("205 172" and a small raised "1"). Read as
    text it would be a digit of the figure ("2051721") or a figure of its own."""
    return (
        len(word.text) <= 2
        and word.size <= 0.8 * prev.size
        and word.bottom < prev.bottom - 0.15 * prev.size
        and word.x0 - prev.x1 < 0.3 * prev.size
    )


def _figure(words: list[Word]) -> Segment:
    seg = Segment(words)
    text = without_footnote_mark(seg.text)  # a footnote mark on a figure ("-400*", "1 234¹")
    seg.nil = is_nil(text)
    if not seg.nil:
        seg.number = parse_number(text)
    return seg


def is_year(seg: Segment, years: YearRange) -> bool:
    return len(seg.words) == 1 and years.is_year_text(seg.text)


def is_header_line(segs: list[Segment], cfg: TableSettings) -> bool:
    """Column-header line: years and kind words, no figure that is not a year."""
    figures = [s for s in segs if s.figure]
    if any(not is_year(s, cfg.years) for s in figures):
        return False
    years = [s for s in figures if is_year(s, cfg.years)]
    kinds = [s for s in segs if not s.figure and cfg.kind_words.search(s.text)]
    return len(years) + len(kinds) >= 2 or (bool(years) and len(segs) <= 3)
