"""Filled boxes: text set on a shaded or coloured rectangle (goal cards, fact boxes, callouts).

Word processors draw such a box as one or more filled rectangles (often one per line of
text, plus thin edge strips) of one colour. Grouped, they give the box; a block whose middle
lies inside it is `filled`, and the blocks one box holds in one style (white bold text on
green split into a paragraph and a "heading" by the gap between two lines) are one text, so
they become one block. What the box means is extract's reading, never layout's.
"""
from __future__ import annotations

from dataclasses import dataclass

import pdfplumber

from pipeline.model import Block, BlockKind
from pipeline.text.normalise import normalise_space

_MIN_WIDTH = 100.0  # points: a narrower filled rectangle is a marker, a bar or a table cell tint
_TOUCH = 1.5  # points: rectangles of one colour this close are parts of one box
_WHITE = 0.97  # every colour component at least this light (none for CMYK): the page's own paper


@dataclass(frozen=True)
class FilledBox:
    page: int
    bbox: tuple[float, float, float, float]  # (x0, top, x1, bottom)


def filled_boxes(page: pdfplumber.page.Page) -> list[FilledBox]:
    """The filled, coloured boxes of a page: same-coloured filled rectangles that touch, grouped;
    only groups at least `_MIN_WIDTH` wide count."""
    by_colour: dict[tuple[float, ...], list[list[float]]] = {}
    for rect in page.rects:
        colour = _colour(rect.get("non_stroking_color"))
        if rect.get("fill") and colour is not None:
            by_colour.setdefault(colour, []).append([rect["x0"], rect["top"], rect["x1"], rect["bottom"]])
    boxes: list[FilledBox] = []
    for rects in by_colour.values():
        for x0, top, x1, bottom in _grouped(rects):
            if x1 - x0 >= _MIN_WIDTH and bottom - top > _TOUCH:
                boxes.append(FilledBox(page.page_number, (x0, top, x1, bottom)))
    return boxes


def _colour(value: object) -> tuple[float, ...] | None:
    """The fill colour as a tuple, or None for white (or a colour pdfplumber could not read)."""
    if isinstance(value, (int, float)):
        value = (value,)
    if not isinstance(value, (tuple, list)) or not all(isinstance(c, (int, float)) for c in value):
        return None
    colour = tuple(float(c) for c in value)
    white = all(c <= 1 - _WHITE for c in colour) if len(colour) == 4 else all(c >= _WHITE for c in colour)
    return None if white or not colour else colour


def _grouped(rects: list[list[float]]) -> list[list[float]]:
    """Union boxes of rectangles that overlap or touch (transitively)."""
    groups: list[list[float]] = []
    for rect in sorted(rects, key=lambda r: (r[1], r[0])):
        merged = rect[:]
        rest = []
        for g in groups:
            if _touch(g, merged):
                merged = [min(g[0], merged[0]), min(g[1], merged[1]), max(g[2], merged[2]), max(g[3], merged[3])]
            else:
                rest.append(g)
        groups = rest + [merged]
    return groups


def _touch(a: list[float], b: list[float]) -> bool:
    return a[0] <= b[2] + _TOUCH and b[0] <= a[2] + _TOUCH and a[1] <= b[3] + _TOUCH and b[1] <= a[3] + _TOUCH


def mark_filled(blocks: list[Block], boxes: list[FilledBox]) -> list[Block]:
    """The blocks with those set in a filled box marked `filled`, and a text of one box in one
    style (size, weight) that a line gap broke in mid-sentence joined into one block."""
    out: list[Block] = []
    last_box: FilledBox | None = None
    for block in blocks:
        box = _box_of(block, boxes) if block.kind is not BlockKind.TABLE else None
        block.filled = box is not None
        previous = out[-1] if out else None
        if box is not None and box == last_box and previous is not None and _same_style(previous, block):
            _join(previous, block)
            continue
        out.append(block)
        last_box = box
    return out


def _box_of(block: Block, boxes: list[FilledBox]) -> FilledBox | None:
    x = (block.bbox[0] + block.bbox[2]) / 2
    y = (block.bbox[1] + block.bbox[3]) / 2
    return next((b for b in boxes if b.page == block.page and b.bbox[0] <= x <= b.bbox[2]
                 and b.bbox[1] <= y <= b.bbox[3]), None)


def _same_style(a: Block, b: Block) -> bool:
    """`b` goes on with the text of `a`: same style, `a` ends in mid-sentence, `b` starts in lower case."""
    texts = (BlockKind.PARAGRAPH, BlockKind.HEADING)
    return (a.kind in texts and b.kind in texts and round(a.size, 1) == round(b.size, 1) and a.bold == b.bold
            and a.page == b.page and not a.text.rstrip().endswith((".", ":", "!", "?")) and b.text[:1].islower())


def _join(into: Block, block: Block) -> None:
    into.text = normalise_space(f"{into.text} {block.text}")
    x0, top, x1, bottom = into.bbox
    into.bbox = (min(x0, block.bbox[0]), min(top, block.bbox[1]), max(x1, block.bbox[2]), max(bottom, block.bbox[3]))
    into.kind = BlockKind.PARAGRAPH if BlockKind.PARAGRAPH in (into.kind, block.kind) else into.kind
    into.level = None if into.kind is BlockKind.PARAGRAPH else into.level
