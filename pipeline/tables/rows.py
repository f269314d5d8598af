"""Body rows: a row label is the text left of the first column, joined with the lines it
wraps onto; a label-only line is a wrapped label, the opening of the next row's label, or a
group heading inside the table; figures go to the column they end under.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from pipeline.model import Line
from pipeline.tables.columns import GridColumn, column_of
from pipeline.tables.segments import Segment
from pipeline.tables.settings import TableSettings

_CONNECTOR_END = re.compile(r"(,|-|–|&|\b(och|samt|eller|av|för|i|till|med|inkl\.?|exkl\.?))$", re.IGNORECASE)


@dataclass
class GridRow:
    """One logical table row as the grid reads it: label, figures by column, the lines it spans."""

    label: str
    page: int
    values: dict[int, Segment]
    bold: bool
    italic: bool
    lines: list[Line]
    units: list[str] = field(default_factory=list)  # short text cells beside the label ("%", "mnkr")
    strays: list[tuple[Segment, str]] = field(default_factory=list)  # figures without a cell, and why


def label_text(segs: list[Segment], first_x0: float, units: re.Pattern[str]) -> tuple[str, list[str]]:
    """The row label: the rightmost text cell left of the figures; unit-only cells aside."""
    texts = [s for s in segs if not s.figure and s.x1 <= first_x0 - 2]
    unit_cells = [s.text for s in texts if units.fullmatch(s.text.strip("()* "))]
    labels = [s for s in texts if s.text not in unit_cells]
    return (labels[-1].text if labels else ""), unit_cells


def continues_label(prev_label: str, text: str, tight: bool, cfg: TableSettings) -> bool:
    """A label-only line that finishes the previous row's label (wrapped cell text).

    `tight`: the line sits closer to the row above than rows sit to each other, as the
    lines of one wrapped cell do.
    """
    if not text or cfg.subrow.match(text):
        return False
    first = text[0]
    return (
        tight
        or first.islower()
        or first.isdigit()
        or first in "()&"
        or bool(_CONNECTOR_END.search(prev_label.rstrip()))
        or prev_label.count("(") > prev_label.count(")")
    )


def opens_label(text: str) -> bool:
    """A label-only line whose text stops mid-phrase, so the next row completes it."""
    return bool(_CONNECTOR_END.search(text.rstrip())) or text.count("(") > text.count(")")


def labels_at_margin(lines: list[Line], segs: list[list[Segment]]) -> None:
    """Text at the label margin is a label even when it reads as a number ("(6014)", "-")."""
    margin = min(ln.x0 for ln in lines)
    for line, row in zip(lines, segs):
        if row and row[0].x0 - margin < line.size:
            row[0].number, row[0].nil = None, False


def leading_prefix(segs: list[list[Segment]], lead: list[int], first: int, first_x0: float,
                   units: re.Pattern[str]) -> int | None:
    """The line before the first figure row is that row's label when the row has none."""
    if not lead or lead[-1] != first - 1:
        return None
    label, _ = label_text(segs[first], first_x0, units)
    above = segs[first - 1]
    if label or any(s.x1 > first_x0 - 2 for s in above):
        return None
    return first - 1


@dataclass
class _Reading:
    """Where the walk over a region's lines is: the row the previous line belonged to, and
    label text (with its lines) waiting for the row it opens."""

    last: GridRow | None = None
    pending: str = ""
    pending_lines: list[Line] = field(default_factory=list)

    def reset(self) -> None:
        self.last, self.pending, self.pending_lines = None, "", []


def body_rows(lines: list[Line], segs: list[list[Segment]], header: set[int], start: int,
              columns: list[GridColumn], cfg: TableSettings) -> list[GridRow]:
    """The rows of a region from line `start` on; header lines among them are skipped."""
    first_x0 = min(c.x0 for c in columns)
    pitch = _row_gap(lines, segs, header)
    rows: list[GridRow] = []
    r = _Reading()
    for i in range(start, len(lines)):
        if i in header:
            r.reset()
            continue
        s, line = segs[i], lines[i]
        label, unit_cells = label_text(s, first_x0, cfg.unit_words)
        figures = [x for x in s if x.figure]
        if not figures:
            _label_line(r, lines, segs, i, label, first_x0, pitch, cfg)
            continue
        values, strays = _place(figures, columns, cfg)
        opening: list[Line] = []  # the lines of a label this row completes
        if r.pending and (not label or opens_label(r.pending)):
            label, opening = f"{r.pending} {label}".strip(), r.pending_lines
        elif label[:1].islower() and r.last is not None and opens_label(r.last.label):
            # the row above wraps onto this line: its figures stand in that row's cells
            r.last.label = f"{r.last.label} {label}"
            r.last.lines.append(line)
            _stack(r.last, values, strays)
            r.pending, r.pending_lines = "", []
            continue
        row = GridRow(label=label, page=line.page, values=values, bold=line.bold, italic=line.italic,
                      lines=[*opening, line], units=unit_cells, strays=strays)
        r.pending, r.pending_lines = "", []
        rows.append(row)
        r.last = row
    return rows


def _label_line(r: _Reading, lines: list[Line], segs: list[list[Segment]], i: int, label: str,
                first_x0: float, pitch: float, cfg: TableSettings) -> None:
    """A line without figures: the end of the row above, the start of the next, or neither."""
    in_columns = any(x.x1 > first_x0 - 2 for x in segs[i])
    if r.last is not None and continues_label(r.last.label, label, _tight(lines, i, pitch), cfg):
        r.last.label = f"{r.last.label} {label}"
        r.last.lines.append(lines[i])
    elif in_columns:  # text where figures belong ("Ej aktuellt"): a row without amounts
        r.reset()
    elif _next_is_unlabelled_row(segs, i, first_x0, cfg.unit_words) or opens_label(label):
        r.pending = f"{r.pending} {label}".strip()
        r.pending_lines.append(lines[i])
        r.last = None
    else:  # a group heading inside the table
        r.reset()


def _place(figures: list[Segment], columns: list[GridColumn],
           cfg: TableSettings) -> tuple[dict[int, Segment], list[tuple[Segment, str]]]:
    """Each figure in the column it ends under; one without a free column is a stray."""
    values: dict[int, Segment] = {}
    strays: list[tuple[Segment, str]] = []
    for x in figures:
        col = column_of(x, columns, cfg)
        if col is None or col in values:
            strays.append((x, "no_column" if col is None else "column_taken"))
        else:
            values[col] = x
    return values, strays


def _stack(row: GridRow, values: dict[int, Segment], strays: list[tuple[Segment, str]]) -> None:
    """Figures on a wrapped row's next line: an empty cell of the row takes its figure; a
    filled one already holds the cell's figure, and the one under it ("(264)" under
    "422", a long-term target) is a second figure of that cell that no column names."""
    for col, seg in values.items():
        if col in row.values:
            row.strays.append((seg, "stacked"))
        else:
            row.values[col] = seg
    row.strays.extend(strays)


def _row_gap(lines: list[Line], segs: list[list[Segment]], header: set[int]) -> float:
    """Median vertical gap between consecutive figure rows: the table's row spacing."""
    rows = [i for i, s in enumerate(segs) if i not in header and any(x.figure for x in s)]
    gaps = sorted(
        lines[b].top - lines[a].bottom for a, b in zip(rows, rows[1:]) if b == a + 1 and lines[a].page == lines[b].page
    )
    return gaps[len(gaps) // 2] if gaps else 0.0


def _tight(lines: list[Line], i: int, pitch: float) -> bool:
    gap = lines[i].top - lines[i - 1].bottom
    return lines[i].page == lines[i - 1].page and pitch > 0 and gap < 0.6 * pitch


def _next_is_unlabelled_row(segs: list[list[Segment]], i: int, first_x0: float, units: re.Pattern[str]) -> bool:
    if i + 1 >= len(segs) or not any(x.figure for x in segs[i + 1]):
        return False
    label, _ = label_text(segs[i + 1], first_x0, units)
    return not label
