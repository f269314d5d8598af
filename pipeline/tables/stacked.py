"""Tables stacked in one region: a new column header below figure rows starts a new table.

Layout hands the tables stage one region for figures set close together, and a report often
prints a small table right under another ("Resultatbudget" and, under it, "Budget 2027 | Ram
2028 | Ram 2029" over the eget kapital rows). A header line below the first figure rows whose
figures then end at other right edges is the header of another table: the region is split
there, and each part is read as a table of its own. A header over the same columns (a
section of one table), or one that states no year (a group's line of kinds), does not.
"""
from __future__ import annotations

from pipeline.model import Line
from pipeline.tables.columns import build_columns
from pipeline.tables.segments import Segment, is_header_line, is_year, segments
from pipeline.tables.settings import TableSettings

# Right-aligned figures of one column end within this many ems of each other; the columns of
# a table stacked under another end elsewhere (between them, or past them).
ALIGNED_EM = 0.5


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
