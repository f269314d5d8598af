"""A table region's positioned words → a grid: header lines, figure columns, labelled rows.

Budget tables are mostly borderless: the only reliable structure is where figures end.
Figures are right-aligned, so their right edges cluster into columns (columns.py); header
words are assigned to the column they sit over (headers.py); a row label is the text left
of the first column, joined with the lines it wraps onto (rows.py). Nothing here knows
what a column *means*, only where things are. A lone figure column without a header of
its own is headed by the line of one text cell naming one year right above it: a section
heading ("Budget 2027": stacked.py) or the row a table beside another breaks down.
"""
from __future__ import annotations

from dataclasses import dataclass

from pipeline.model import Line
from pipeline.tables.columns import GridColumn, build_columns, join_header
from pipeline.tables.headers import assign_header, group_headers
from pipeline.tables.model import HeaderRow
from pipeline.tables.rows import GridRow, body_rows, labels_at_margin, leading_prefix
from pipeline.tables.segments import Segment, is_header_line, segments
from pipeline.tables.settings import TableSettings


@dataclass
class Grid:
    columns: list[GridColumn]
    stub: str  # header text over the label column: title and unit ("RESULTATBUDGET, mnkr")
    rows: list[GridRow]
    headed: bool  # whether the region carried its own column header
    corner: str = ""  # the stub's top line alone: the table's own name and unit cell
    header_rows: tuple[HeaderRow, ...] = ()


def build_grid(lines: list[Line], cfg: TableSettings) -> Grid | None:
    """Header, columns and rows of one table region; None when it holds no figure row."""
    segs = [segments(ln, cfg) for ln in lines]
    labels_at_margin(lines, segs)
    header = {i for i, s in enumerate(segs) if is_header_line(s, cfg)}
    body = [i for i, s in enumerate(segs) if i not in header and any(x.figure for x in s)]
    if not body:
        return None
    first = body[0]
    columns = build_columns([segs[i] for i in body], cfg)
    first_x0 = min(c.x0 for c in columns)
    lead = list(range(first))
    prefix_line = leading_prefix(segs, lead, first, first_x0, cfg.unit_words)
    if prefix_line is not None:
        lead.remove(prefix_line)
    stub = assign_header([lines[i] for i in lead], columns, cfg)
    if len(columns) == 1 and not columns[0].header and lead and _heads_lone_column(segs[lead[-1]], cfg):
        # "Budget 2027" or "Medlemsbidrag 2027" over a lone column without a header of its own heads it
        heading = {id(w) for w in lines[lead[-1]].words}
        columns[0].header = [w for w in stub if id(w) in heading]
        stub = [w for w in stub if id(w) not in heading]
    header_rows = group_headers(columns, cfg)
    rows = body_rows(lines, segs, header, first if prefix_line is None else prefix_line, columns, cfg)
    top = {id(w) for w in lines[lead[0]].words} if lead else set()
    corner = join_header([w for w in stub if id(w) in top])
    return Grid(columns=columns, stub=join_header(stub), rows=rows, headed=bool(lead), corner=corner,
                header_rows=tuple(header_rows))


def _heads_lone_column(segs: list[Segment], cfg: TableSettings) -> bool:
    """One text cell that names one year: the header of a lone column under it."""
    return len(segs) == 1 and not segs[0].figure and len(set(cfg.years.years_in(segs[0].text))) == 1
