"""Lines in reading order → typed blocks: headings, paragraphs, list items, tables, captions.

Decisions are local and explainable: a marker glyph starts a list item; lines hanging at
the item's text indent continue it (also over a column or page break); a larger or bold
short line is a heading; rows of gap-separated figures are a table region.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from pipeline.layout.lines import split_segments
from pipeline.model import Block, BlockKind, Line
from pipeline.text.normalise import HyphenationSettings, join_lines, normalise_space

_TERMINAL = (".", "!", "?", ":", ";")


@dataclass(frozen=True)
class BlockSettings:
    bullets: frozenset[str]
    private_use: tuple[int, int]
    numbered: re.Pattern[str]
    heading_min_size_delta: float
    heading_max_words: int
    gap_factor: float
    caption_max_size_delta: float
    caption_cues: tuple[re.Pattern[str], ...]
    cell_gap_em: float
    hyphenation: HyphenationSettings


@dataclass
class PlacedLine:
    """A body line with what the page-level passes learned about it."""

    line: Line
    column: int
    in_table: bool = False


def split_marker(line: Line, cfg: BlockSettings) -> tuple[str, int] | None:
    """(marker, index of the first text word) when the line opens a list item."""
    first = line.words[0].text
    if len(line.words) > 1 and (first in cfg.bullets or _is_private_use(first, cfg) or cfg.numbered.match(first)):
        return first, 1
    return None


def _is_private_use(text: str, cfg: BlockSettings) -> bool:
    lo, hi = cfg.private_use
    return len(text) == 1 and lo <= ord(text) <= hi


def is_table_row(line: Line, cfg: BlockSettings, is_number) -> bool:
    """A label followed by at least one gap-separated figure, or several figures."""
    cells = [normalise_space(" ".join(w.text for w in seg)) for seg in split_segments(line.words, cfg.cell_gap_em)]
    figures = sum(1 for c in cells if is_number(c))
    return figures >= 2 or (figures >= 1 and len(cells) >= 2 and is_number(cells[-1]))


class BlockBuilder:
    """Accumulates blocks over the pages of one document, in reading order."""

    def __init__(self, body_size: float, cfg: BlockSettings) -> None:
        self.body_size = body_size
        self.cfg = cfg
        self.blocks: list[Block] = []
        self._lines: list[list[Line]] = []  # the lines of each block, parallel to blocks
        self._item_indent: float | None = None

    def add_page(self, placed: list[PlacedLine]) -> None:
        prev: PlacedLine | None = None
        for pl in placed:
            self._add_line(pl, prev)
            prev = pl

    def add_finished(self, blocks: list[tuple[Block, list[Line]]]) -> None:
        """Blocks typed elsewhere (TOC entries) keep their place in reading order."""
        for block, lines in blocks:
            self.blocks.append(block)
            self._lines.append(lines)
        self._item_indent = None

    def _add_line(self, pl: PlacedLine, prev: PlacedLine | None) -> None:
        line, cfg = pl.line, self.cfg
        if pl.in_table:
            if self._current(BlockKind.TABLE) and prev is not None and prev.in_table:
                self._append(line)
            else:
                self._start(BlockKind.TABLE, line, pl.column)
            return
        marker = split_marker(line, cfg)
        if marker is not None:
            glyph, first = marker
            self._start(BlockKind.LIST_ITEM, line, pl.column, marker=glyph, text_words=first)
            self._item_indent = line.words[first].x0
            return
        if self._current(BlockKind.HEADING) and prev is not None and self._continues_heading(prev.line, line):
            self._append(line)  # a heading that wraps: same style, tight leading, no full stop yet
            return
        if self._is_heading(line):
            self._start(BlockKind.HEADING, line, pl.column)
            return
        if self._is_caption(line):
            self._start(BlockKind.CAPTION, line, pl.column)
            return
        if self._continues_item(line, prev):
            self._append(line)
            return
        if self._continues_paragraph(line, prev):
            self._append(line)
            return
        self._start(BlockKind.PARAGRAPH, line, pl.column)

    # -- decisions -------------------------------------------------------------

    def _is_heading(self, line: Line) -> bool:
        words = len(line.words)
        if words > self.cfg.heading_max_words or not any(c.isalpha() for c in line.text):
            return False
        if line.size >= self.body_size + self.cfg.heading_min_size_delta:
            return True
        text = line.text.rstrip()
        return line.bold and not text.endswith((".", ",")) and words <= self.cfg.heading_max_words // 2 + 2

    def _continues_heading(self, prev: Line, line: Line) -> bool:
        same_style = abs(prev.size - line.size) < 0.5 and prev.bold == line.bold
        open_ended = not _ends_sentence(self.blocks[-1].text)
        # a heading wraps only when its line is full: long, and one run of text (not header
        # cells); a section number tabbed off from its title does not count as a cell
        runs = split_segments(prev.words, self.cfg.cell_gap_em)
        numbered = len(runs) == 2 and len(runs[0]) == 1 and runs[0][0].text[:1].isdigit()
        wrapped = (len(prev.text) >= 30 and (len(runs) == 1 or numbered)) or line.text[:1].islower()
        return (same_style and open_ended and wrapped
                and line.page == prev.page and line.top - prev.bottom < 0.8 * line.size)

    def _is_caption(self, line: Line) -> bool:
        if line.size > self.body_size + self.cfg.caption_max_size_delta:
            return False
        text = normalise_space(line.text).lower()
        return any(p.match(text) for p in self.cfg.caption_cues)

    def _continues_item(self, line: Line, prev: PlacedLine | None) -> bool:
        if not self._current(BlockKind.LIST_ITEM) or self._item_indent is None:
            return False
        last = self._lines[-1][-1]
        if prev is None or prev.column != self.blocks[-1].column:  # page or column break
            return not _ends_sentence(self.blocks[-1].text) or line.text[:1].islower()
        gap = line.top - last.bottom
        if gap > self.cfg.gap_factor * line.size + 0.5 * line.size:
            return False
        if abs(line.x0 - self._item_indent) <= 3 or (
            line.x0 > self._item_indent and line.italic == last.italic and abs(line.size - last.size) < 0.5
        ):
            return True
        # lists without a hanging indent wrap back to the marker: tight leading and an unfinished sentence
        at_marker = abs(line.x0 - self.blocks[-1].bbox[0]) <= 3
        unfinished = line.text[:1].islower() or not _ends_sentence(self.blocks[-1].text)
        return at_marker and unfinished and gap <= self.cfg.gap_factor * line.size

    def _continues_paragraph(self, line: Line, prev: PlacedLine | None) -> bool:
        if not self._current(BlockKind.PARAGRAPH):
            return False
        last = self._lines[-1][-1]
        if prev is None or prev.column != self.blocks[-1].column or line.page != last.page:
            return not _ends_sentence(self.blocks[-1].text) and line.text[:1].islower()
        if abs(line.size - last.size) >= 0.5 or line.bold != last.bold:
            return False
        return line.top - last.bottom <= self.cfg.gap_factor * line.size

    # -- block bookkeeping -------------------------------------------------------

    def _current(self, kind: BlockKind) -> bool:
        return bool(self.blocks) and self.blocks[-1].kind is kind

    def _start(self, kind: BlockKind, line: Line, column: int, marker: str | None = None, text_words: int = 0) -> None:
        body = Line(page=line.page, words=line.words[text_words:])
        block = Block(
            kind=kind,
            text="",
            page=line.page,
            bbox=(line.x0, line.top, line.x1, line.bottom),
            size=line.size,
            bold=body.bold,
            italic=body.italic,
            marker=marker,
            column=column,
        )
        self.blocks.append(block)
        self._lines.append([body])
        if kind is not BlockKind.LIST_ITEM:
            self._item_indent = None
        self._refresh()

    def _append(self, line: Line) -> None:
        block = self.blocks[-1]
        self._lines[-1].append(line)
        if line.page != block.page:
            block.end_page = line.page
        else:
            x0, top, x1, bottom = block.bbox
            block.bbox = (min(x0, line.x0), min(top, line.top), max(x1, line.x1), max(bottom, line.bottom))
        self._refresh()

    def _refresh(self) -> None:
        block, lines = self.blocks[-1], self._lines[-1]
        block.text = join_lines([ln.text for ln in lines], self.cfg.hyphenation)
        if block.kind is BlockKind.TABLE:
            block.lines = list(lines)

    def finish(self) -> list[Block]:
        _assign_depths(self.blocks)
        return self.blocks


def _ends_sentence(text: str) -> bool:
    return text.rstrip().endswith(_TERMINAL)


def _assign_depths(blocks: list[Block]) -> None:
    """Nesting of list items: rank of the marker's indent within its run of items.

    Indents are compared within one column of one page, where they share a left edge. A
    paragraph set right of the run's outermost marker ("Mått:" over the bullets nested under
    a goal) sits inside the list and does not end the run: the bullets under the second
    goal are as deep as those under the first.
    """
    run: list[Block] = []
    for block in blocks + [None]:
        if block is not None and block.kind is BlockKind.LIST_ITEM:
            run.append(block)
            continue
        if block is not None and run and _nested_in_list(block, run):
            continue
        by_place: dict[tuple[int, int], list[Block]] = {}
        for b in run:
            by_place.setdefault((b.page, b.column), []).append(b)
        for items in by_place.values():
            indents: list[float] = []
            for x in sorted(b.bbox[0] for b in items):
                if not indents or x - indents[-1] > 5:
                    indents.append(x)
            for b in items:
                b.depth = max(i for i, ix in enumerate(indents) if ix <= b.bbox[0] + 5)
        run = []


def _nested_in_list(block: Block, run: list[Block]) -> bool:
    """A paragraph of the same page and column, indented past the run's outermost marker."""
    last = run[-1]
    return (
        block.kind is BlockKind.PARAGRAPH
        and (block.page, block.column) == (last.page, last.column)
        and block.bbox[0] > min(b.bbox[0] for b in run if (b.page, b.column) == (last.page, last.column)) + 5
    )
