"""Several tables in one region: side by side, stacked, or in dated sections.

Layout hands the tables stage one region for figures set close together, and a report often
prints a small table right under another ("Resultatbudget" and, under it, "Budget 2027 | Ram
2028 | Ram 2029" over the eget kapital rows). A header line below the first figure rows whose
figures then end at other right edges is the header of another table: the region is split
there, and each part is read as a table of its own. A header over the same columns (a
section of one table), or one that states no year (a group's line of kinds), does not.

A table may also stand beside another, sharing its lines: labels of their own right of a
figure column, each followed by figures ("Medlemsbidrag 2027  90 362 | Alingsås  69 994"),
set at one left edge on at least two lines, start a table to the right, and the region is
cut there; the table beside breaks down the rows it stands beside, one part per row, each
headed by that row's label. A table without a column header whose figure column is headed,
section by section, by a line naming a kind and a year and nothing else ("Budget 2027",
"Ram 2028") is one table per section: the grid gives each section's heading to its column
(grid.py).
"""
from __future__ import annotations

from pipeline.model import Line
from pipeline.tables.columns import build_columns
from pipeline.tables.segments import Segment, is_header_line, is_year, segments
from pipeline.tables.settings import TableSettings
from pipeline.text.numbers import parse_number

# Right-aligned figures of one column end within this many ems of each other; the columns of
# a table stacked under another end elsewhere (between them, or past them).
ALIGNED_EM = 0.5
SIDE_ROWS = 2  # lines whose labels start a table beside another: one could be a stray word


def split_region(lines: list[Line], cfg: TableSettings) -> list[list[Line]]:
    """The region's lines as one part per table: left to right, then top to bottom."""
    return [section for side in split_side_by_side(lines, cfg) for part in split_stacked(side, cfg)
            for section in split_sections(part, cfg)]


def split_side_by_side(lines: list[Line], cfg: TableSettings) -> list[list[Line]]:
    """The region as the table on the left and the one beside it, cut at the left edge of
    the labels that stand right of figures and before figures on at least SIDE_ROWS lines."""
    edges = [x for line in lines if (x := _side_label(segments(line, cfg), cfg)) is not None]
    if len(edges) < SIDE_ROWS:
        return [lines]
    cut, size = min(edges), max(w.size for line in lines for w in line.words)
    if max(edges) - cut > size:
        return [lines]
    left = [Line(ln.page, [w for w in ln.words if w.x1 <= cut]) for ln in lines]
    right = [Line(ln.page, [w for w in ln.words if w.x1 > cut]) for ln in lines]
    return [[ln for ln in left if ln.words], *_breakdowns(left, right, cfg)]


def _breakdowns(left: list[Line], right: list[Line], cfg: TableSettings) -> list[list[Line]]:
    """The table beside, one part per row of the left table it starts beside: without a
    header of its own it breaks that row down ("Medlemsbidrag 2027" into "Alingsås | Vårgårda"),
    so each part opens with that row's label, which heads its figures (grid.py)."""
    parts: list[list[Line]] = []
    for beside, line in zip(left, right):
        if not line.words:
            continue
        segs = segments(beside, cfg) if beside.words else []
        first = next((n for n, seg in enumerate(segs) if seg.figure), None)
        if first or not parts:  # a row of the left table with a label and figures: a new part
            label = [w for seg in segs[:first] for w in seg.words]
            parts.append([Line(beside.page, label)] if label else [])
        parts[-1].append(line)
    return parts


def _side_label(segs: list[Segment], cfg: TableSettings) -> float | None:
    """Where a label starts that stands after a figure and before one: a text cell between
    figure cells, or one set so close after a figure that the figure's cell runs into it
    ("90 362 Alingsås"); never a unit after a figure ("45 000 kr", "12 %")."""
    for n, seg in enumerate(segs[:-1]):
        if seg.figure or not any(s.figure for s in segs[n + 1:]):
            continue
        words = seg.words
        if n == 0 or not segs[n - 1].figure:  # the label run into the figure's cell, if any
            lead = next((k for k in range(len(words) - 1, 0, -1)
                         if parse_number(" ".join(w.text for w in words[:k])) is not None), None)
            if lead is None:
                continue
            words = words[lead:]
        text = " ".join(w.text for w in words)
        if any(c.isalpha() for c in text) and not cfg.unit_words.fullmatch(text.strip("()* ")):
            return words[0].x0
    return None


def split_sections(lines: list[Line], cfg: TableSettings) -> list[list[Line]]:
    """A region without a column header, cut before each section heading below its first
    figure rows (section_heading)."""
    segs = [segments(ln, cfg) for ln in lines]
    if any(is_header_line(s, cfg) for s in segs):
        return [lines]
    body = [any(x.figure for x in s) for s in segs]
    cuts = [0, *(i for i in range(1, len(lines)) if section_heading(segs[i], cfg) and any(body[:i]) and any(body[i:]))]
    return [lines[a:b] for a, b in zip(cuts, [*cuts[1:], len(lines)])]


def section_heading(segs: list[Segment], cfg: TableSettings) -> bool:
    """A line of one text cell that names a kind and one year and nothing else but a unit
    ("Budget 2027", "Ram 2028 (tkr)"): the header of the figures under it."""
    if len(segs) != 1 or segs[0].figure:
        return False
    text = segs[0].text
    if len(set(cfg.years.years_in(text))) != 1 or not cfg.kind_words.search(text):
        return False
    return not any(ch.isalpha() for ch in cfg.unit_words.sub("", cfg.kind_words.sub("", text)))


def split_stacked(lines: list[Line], cfg: TableSettings) -> list[list[Line]]:
    """The region's lines as one part per stacked table, top to bottom."""
    segs = [segments(ln, cfg) for ln in lines]
    header = [is_header_line(s, cfg) for s in segs]
    body = [not h and any(x.figure for x in s) for s, h in zip(segs, header)]
    # a header line opening a run of header lines, with figure rows above and below it
    starts = [i for i in range(1, len(lines)) if header[i] and not header[i - 1] and any(body[:i]) and any(body[i:])]
    cuts = [0]
    for i, end in zip(starts, [*starts[1:], len(lines)]):
        if _dates(segs, header, i, cfg) and not _same_columns(segs, body, (cuts[-1], i, end), cfg):
            cuts.append(i)
    return [lines[a:b] for a, b in zip(cuts, [*cuts[1:], len(lines)])]


def _dates(segs: list[list[Segment]], header: list[bool], start: int, cfg: TableSettings) -> bool:
    """The header run from `start` states years: a table's own header dates its columns,
    while a line of kind words inside a table ("Prognos Budget Plan" over a group of
    planned projects) only repeats what the columns are."""
    end = next((i for i in range(start, len(header)) if not header[i]), len(header))
    return any(is_year(x, cfg.years) for s in segs[start:end] for x in s if x.figure)


def _same_columns(segs: list[list[Segment]], body: list[bool], bounds: tuple[int, int, int],
                  cfg: TableSettings) -> bool:
    """Whether every figure column below the header ends where one above it does (a section
    may leave a column empty)."""
    start, cut, end = bounds
    above = build_columns([segs[i] for i in range(start, cut) if body[i]], cfg)
    below = build_columns([segs[i] for i in range(cut, end) if body[i]], cfg)
    return all(any(abs(a.x1 - b.x1) <= ALIGNED_EM * max(a.size, b.size) for a in above) for b in below)
