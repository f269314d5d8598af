"""Figure columns: figures are right-aligned, so their right edges cluster into columns.

These are the columns as the grid is built (their header words still being assigned);
the finished table holds model.Column.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from pipeline.model import Word
from pipeline.tables.segments import Segment
from pipeline.tables.settings import TableSettings


@dataclass
class GridColumn:
    x0: float
    x1: float
    header: list[Word] = field(default_factory=list)
    size: float = 0.0  # font size of its figures: the unit of its snap distance
    kinds: re.Pattern[str] | None = None  # the kind words by which a wrapped header word is rejoined

    @property
    def label(self) -> str:
        return join_header(self.header, self.kinds)


def join_header(words: list[Word], kinds: re.Pattern[str] | None = None) -> str:
    """Header words top to bottom, left to right; a word ending in '-' joins the next, and
    so does a word broken without a hyphen in a narrow column ("Budgetav" over "vikelse")."""
    ordered = sorted(words, key=lambda w: (round(w.top), w.x0))
    text = ""
    for before, w in zip([None, *ordered], ordered):
        hyphenated = text.endswith("-") and w.text[:1].islower()
        wrapped = (kinds is not None and before is not None and w.top > before.top + 0.3 * w.size
                   and _broken_word(before.text, w.text, kinds))
        if hyphenated or wrapped:
            text += w.text
        else:
            text = f"{text} {w.text}".strip()
    return text


def _broken_word(head: str, tail: str, kinds: re.Pattern[str]) -> bool:
    """A header word wrapped without a hyphen: the tail opens in lower case and names no kind
    on its own, and the two together are a kind word that runs across the break ("Avvik" +
    "else" → "Avvikelse"), not two words ("Fg" over "prognos", "Utfall" over "intäkter")."""
    if not tail[:1].islower() or kinds.search(tail):
        return False
    return any(m.start() < len(head) < m.end() for m in kinds.finditer(head + tail))


def build_columns(lines: list[list[Segment]], cfg: TableSettings) -> list[GridColumn]:
    """Cluster the right edges of the body's figures into columns."""
    cells = sorted((s for segs in lines for s in segs if s.figure), key=lambda s: s.x1)
    columns: list[GridColumn] = []
    for seg in cells:
        snap = cfg.column_snap_em * seg.words[-1].size
        if columns and seg.x1 - columns[-1].x1 <= snap:
            col = columns[-1]
            col.x0, col.x1, col.size = min(col.x0, seg.x0), max(col.x1, seg.x1), max(col.size, seg.words[-1].size)
        else:
            columns.append(GridColumn(seg.x0, seg.x1, size=seg.words[-1].size, kinds=cfg.kind_words))
    return columns


def column_of(seg: Segment, columns: list[GridColumn], cfg: TableSettings) -> int | None:
    """The column whose right edge the figure ends at (figures are right-aligned)."""
    snap = cfg.column_snap_em * seg.words[-1].size
    best = min(range(len(columns)), key=lambda i: abs(columns[i].x1 - seg.x1), default=None)
    if best is None or abs(columns[best].x1 - seg.x1) > snap:
        return None
    return best


def match_column(column: GridColumn, earlier: list[GridColumn], cfg: TableSettings) -> int | None:
    """The earlier column whose figures end where this column's do (right-aligned): a
    table continued on the next page without its header keeps its columns."""
    best = min(range(len(earlier)), key=lambda i: abs(earlier[i].x1 - column.x1))
    return best if abs(earlier[best].x1 - column.x1) <= cfg.column_snap_em * column.size else None
