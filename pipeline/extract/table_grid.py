"""A table region's positioned words → a grid: header lines, figure columns, labelled rows.

Budget tables are mostly borderless: the only reliable structure is where figures end.
Figures are right-aligned, so their right edges cluster into columns; header words are
assigned to the column they sit over; a row label is the text left of the first column,
joined with the lines it wraps onto. Nothing here knows what a column *means* (that is
table_semantics), only where things are.
"""
from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from pipeline.extract.table_semantics import Vocabulary, meaningful_column
from pipeline.layout.lines import split_segments
from pipeline.model import Line, Word
from pipeline.text.numbers import (
    ParsedNumber,
    is_nil,
    parse_number,
    without_footnote_mark,
)

_CONNECTOR_END = re.compile(r"(,|-|–|&|\b(och|samt|eller|av|för|i|till|med|inkl\.?|exkl\.?))$", re.IGNORECASE)


@dataclass(frozen=True)
class GridSettings:
    cell_gap_em: float
    figure_gap_em: float
    group_gap_em: float
    column_snap_em: float
    subrow: re.Pattern[str]
    vocabulary: Vocabulary  # what a header's words and years mean


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
    def figure(self) -> bool:
        return self.number is not None or self.nil


@dataclass
class Column:
    x0: float
    x1: float
    header: list[Word] = field(default_factory=list)
    size: float = 0.0  # font size of its figures: the unit of its snap distance

    @property
    def label(self) -> str:
        return _join_header(self.header)


@dataclass
class GridRow:
    """One logical table row: its label (wrapped lines joined) and its figures by column."""

    label: str
    page: int
    values: dict[int, Segment]
    bold: bool
    italic: bool
    units: list[str] = field(default_factory=list)  # short text cells beside the label ("%", "mnkr")
    # figures printed in the row without a cell of their own, each with why:
    # "no_column", "column_taken" (a second figure on the line), "stacked" (a second
    # figure of a cell, on the next line of a wrapped row: "422" over "(264)")
    strays: list[tuple[Segment, str]] = field(default_factory=list)


@dataclass
class Grid:
    columns: list[Column]
    stub: str  # header text over the label column: title and unit ("RESULTATBUDGET, mnkr")
    rows: list[GridRow]
    headed: bool  # whether the region carried its own column header
    corner: str = ""  # the stub's top line alone: the table's own name and unit cell


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


def segments(line: Line, cfg: GridSettings) -> list[Segment]:
    """Split a line into cells where layout does; figure segments get their parsed number."""
    cells = split_cells(line.words, cfg.cell_gap_em, cfg.figure_gap_em)
    return [seg for words in cells for seg in _read_segment(words, cfg)]


def _read_segment(words: list[Word], cfg: GridSettings) -> list[Segment]:
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


def is_year(seg: Segment, cfg: GridSettings) -> bool:
    return len(seg.words) == 1 and cfg.vocabulary.years.is_year_text(seg.text)


def is_header_line(segs: list[Segment], cfg: GridSettings) -> bool:
    """Column-header line: years and kind words, no figure that is not a year."""
    figures = [s for s in segs if s.figure]
    if any(not is_year(s, cfg) for s in figures):
        return False
    years = [s for s in figures if is_year(s, cfg)]
    kinds = [s for s in segs if not s.figure and cfg.vocabulary.kind_words.search(s.text)]
    return len(years) + len(kinds) >= 2 or (bool(years) and len(segs) <= 3)


def build_columns(lines: list[list[Segment]], cfg: GridSettings) -> list[Column]:
    """Cluster the right edges of the body's figures into columns."""
    cells = sorted((s for segs in lines for s in segs if s.figure), key=lambda s: s.x1)
    columns: list[Column] = []
    for seg in cells:
        snap = cfg.column_snap_em * seg.words[-1].size
        if columns and seg.x1 - columns[-1].x1 <= snap:
            col = columns[-1]
            col.x0, col.x1, col.size = min(col.x0, seg.x0), max(col.x1, seg.x1), max(col.size, seg.words[-1].size)
        else:
            columns.append(Column(seg.x0, seg.x1, size=seg.words[-1].size))
    return columns


def column_of(seg: Segment, columns: list[Column], cfg: GridSettings) -> int | None:
    """The column whose right edge the figure ends at (figures are right-aligned)."""
    snap = cfg.column_snap_em * seg.words[-1].size
    best = min(range(len(columns)), key=lambda i: abs(columns[i].x1 - seg.x1), default=None)
    if best is None or abs(columns[best].x1 - seg.x1) > snap:
        return None
    return best


def assign_header(lines: list[Line], columns: list[Column], cfg: GridSettings) -> list[Word]:
    """Give each header cell to the column it sits over; return the stub's words.

    A header cell is kept whole: "Budget 2026" set right-aligned over a narrow column of
    three-digit figures reaches left of the figures, and its "Budget" still names that
    column. Only a cell whose words sit over different columns is split word by word.
    """
    stub: list[Word] = []
    first_x0 = min(c.x0 for c in columns)
    for line in lines:
        for cell in split_segments(line.words, cfg.cell_gap_em):
            if cell[-1].x1 <= first_x0 - 2:
                stub.extend(cell)
                continue
            targets = [_header_column(w, columns, cfg) for w in cell]
            placed = {t for t in targets if t is not None}
            if len(placed) == 1:
                targets = [placed.pop()] * len(cell)
            for word, target in zip(cell, targets):
                if target is None and word.x1 <= first_x0 - 2:
                    stub.append(word)
                elif target is not None:
                    columns[target].header.append(word)
    return stub


def _header_column(word: Word, columns: list[Column], cfg: GridSettings) -> int | None:
    """The column a header word overlaps most; a word over no column heads the column to
    its right, within reach. Figures are right-aligned, so a header wider than its figures
    reaches left of them, into the gap after the previous column ("Totalt" of "Totalt
    2026–2028" set close to "Plan 2028"), never right past its own figures."""
    first_x0 = min(c.x0 for c in columns)
    if word.x1 <= first_x0 - 2:
        return None
    overlaps = [max(0.0, min(word.x1, c.x1) - max(word.x0, c.x0)) for c in columns]
    best = max(range(len(columns)), key=lambda i: (overlaps[i], -abs(columns[i].x1 - word.x1)))
    if overlaps[best] > 0:
        return best
    right = [i for i, c in enumerate(columns) if c.x0 >= word.x1]
    if not right:
        return None  # a text column's header ("Från nämnd"), right of every figure
    best = min(right, key=lambda i: columns[i].x0)
    return best if columns[best].x0 - word.x1 <= 3 * cfg.column_snap_em * word.size else None


def _join_header(words: list[Word]) -> str:
    """Header words top to bottom, left to right; a word ending in '-' joins the next."""
    ordered = sorted(words, key=lambda w: (round(w.top), w.x0))
    text = ""
    for w in ordered:
        if text.endswith("-") and w.text[:1].islower():
            text += w.text
        else:
            text = f"{text} {w.text}".strip()
    return text


def label_text(segs: list[Segment], first_x0: float, units: re.Pattern[str]) -> tuple[str, list[str]]:
    """The row label: the rightmost text cell left of the figures; unit-only cells aside."""
    texts = [s for s in segs if not s.figure and s.x1 <= first_x0 - 2]
    unit_cells = [s.text for s in texts if units.fullmatch(s.text.strip("()* "))]
    labels = [s for s in texts if s.text not in unit_cells]
    return (labels[-1].text if labels else ""), unit_cells


def continues_label(prev_label: str, text: str, tight: bool, cfg: GridSettings) -> bool:
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


def build_grid(lines: list[Line], cfg: GridSettings, units: re.Pattern[str]) -> Grid | None:
    """Header, columns and rows of one table region; None when it holds no figure row."""
    segs = [segments(ln, cfg) for ln in lines]
    _labels_at_margin(lines, segs)
    header = {i for i, s in enumerate(segs) if is_header_line(s, cfg)}
    body = [i for i, s in enumerate(segs) if i not in header and any(x.figure for x in s)]
    if not body:
        return None
    first = body[0]
    columns = build_columns([segs[i] for i in body], cfg)
    first_x0 = min(c.x0 for c in columns)
    lead = list(range(first))
    prefix_line = _leading_prefix(segs, lead, first, first_x0, units)
    if prefix_line is not None:
        lead.remove(prefix_line)
    stub = assign_header([lines[i] for i in lead], columns, cfg)
    _group_headers(columns, cfg)
    rows = _rows(lines, segs, header, first if prefix_line is None else prefix_line, columns, cfg, units)
    top = {id(w) for w in lines[lead[0]].words} if lead else set()
    corner = _join_header([w for w in stub if id(w) in top])
    return Grid(columns=columns, stub=_join_header(stub), rows=rows, headed=bool(lead), corner=corner)


def _group_headers(columns: list[Column], cfg: GridSettings) -> None:
    """A header cell over several columns groups them; the header line below names each.

    A group cell that states a year, kind or unit ("Budget 2026" centred over "Intäkter |
    Kostnader | Netto") heads every column under it whose own name states none, so their
    labels carry both levels ("Budget 2026 Intäkter"); each such column takes the nearest
    group cell not cut off from it by a column with a meaning of its own. Other group text
    in a band of its own over fewer than half the columns ("Varav årets investeringar") is
    left out of the labels.
    """
    lines = _lines([w for c in columns for w in c.header])
    spread: set[int] = set()
    if len(lines) >= 2:
        lowest = {id(w) for w in lines[-1]}
        named = [[w for w in c.header if id(w) in lowest] for c in columns]
        subs = {i for i, words in enumerate(named)
                if words and not meaningful_column(_join_header(words), cfg.vocabulary)}
        for line in lines[:-1]:
            spread |= _spread_groups(columns, line, subs, cfg)
    bands = _bands([w for c in columns for w in c.header])
    for band in bands[:-1]:
        ids = {id(w) for w in band} - spread
        covered = [c for c in columns if any(id(w) in ids for w in c.header)]
        if 2 * len(covered) < len(columns):
            for c in covered:
                c.header = [w for w in c.header if id(w) not in ids]


# A sub-column between two group cells belongs to one only when it is clearly nearer (as
# under centred group headers); under left- or right-aligned ones it is not, and a column
# left without a meaning publishes nothing rather than another group's year.
_GROUP_CLEARLY_NEARER = 0.6


def _spread_groups(columns: list[Column], line: list[Word], subs: set[int], cfg: GridSettings) -> set[int]:
    """Give each group cell of a header line to the sub-columns under it, and take it from a
    sub-column it is not clearly over; return the ids of the words given. A group cell states
    a year, kind or unit and sits over sub-columns only: a cell over a column with a name of
    its own is that column's header."""
    cells = [cell for cell in split_segments(sorted(line, key=lambda w: w.x0), cfg.cell_gap_em)
             if meaningful_column(_join_header(cell), cfg.vocabulary)]
    homes = [{i for i, c in enumerate(columns) if {id(w) for w in c.header} & {id(w) for w in cell}} for cell in cells]
    groups = [(cell, home) for cell, home in zip(cells, homes) if home and home <= subs]
    targets: list[set[int]] = [set() for _ in groups]
    for i in sorted(subs):
        reach = _reach(i, len(columns), lambda k: k in subs)
        centre = (columns[i].x0 + columns[i].x1) / 2
        near = sorted((abs((cell[0].x0 + cell[-1].x1) / 2 - centre), n)
                      for n, (cell, home) in enumerate(groups) if home & reach)
        if len(near) == 1 or (near and near[0][0] <= _GROUP_CLEARLY_NEARER * near[1][0]):
            targets[near[0][1]].add(i)
    given: set[int] = set()
    for (cell, _), target in zip(groups, targets):
        words = {id(w) for w in cell}
        for i in subs:
            columns[i].header = [w for w in columns[i].header if id(w) not in words]
            if i in target:
                columns[i].header.extend(cell)
        given |= words
    return given


def _reach(i: int, n: int, open_: Callable[[int], bool]) -> set[int]:
    """Column i and its neighbours on either side up to the first column that is not open."""
    lo = hi = i
    while lo > 0 and open_(lo - 1):
        lo -= 1
    while hi + 1 < n and open_(hi + 1):
        hi += 1
    return set(range(lo, hi + 1))


def _lines(words: list[Word]) -> list[list[Word]]:
    """Header words in lines, top to bottom: words of one line share their top."""
    lines: list[list[Word]] = []
    for w in sorted(words, key=lambda w: w.top):
        if lines and w.top - lines[-1][0].top < 0.3 * w.size:
            lines[-1].append(w)
        else:
            lines.append([w])
    return lines


def _bands(words: list[Word]) -> list[list[Word]]:
    """Header words in horizontal bands, top to bottom (the lines of a multi-line header)."""
    bands: list[list[Word]] = []
    for w in sorted(words, key=lambda w: w.top):
        if bands and w.top - max(b.bottom for b in bands[-1]) < 0.5 * w.size:
            bands[-1].append(w)
        else:
            bands.append([w])
    return bands


def _labels_at_margin(lines: list[Line], segs: list[list[Segment]]) -> None:
    """Text at the label margin is a label even when it reads as a number ("(6014)", "-")."""
    margin = min(ln.x0 for ln in lines)
    for line, row in zip(lines, segs):
        if row and row[0].x0 - margin < line.size:
            row[0].number, row[0].nil = None, False


def _leading_prefix(segs, lead, first, first_x0, units) -> int | None:
    """The line before the first figure row is that row's label when the row has none."""
    if not lead or lead[-1] != first - 1:
        return None
    label, _ = label_text(segs[first], first_x0, units)
    above = segs[first - 1]
    if label or any(s.x1 > first_x0 - 2 for s in above):
        return None
    return first - 1


def _rows(lines, segs, header, start, columns, cfg, units) -> list[GridRow]:
    first_x0 = min(c.x0 for c in columns)
    pitch = _row_gap(lines, segs, header)
    rows: list[GridRow] = []
    last: GridRow | None = None  # the row the previous line belonged to
    pending = ""
    for i in range(start, len(lines)):
        if i in header:
            last, pending = None, ""
            continue
        s, line = segs[i], lines[i]
        label, unit_cells = label_text(s, first_x0, units)
        figures = [x for x in s if x.figure]
        if not figures:
            in_columns = any(x.x1 > first_x0 - 2 for x in s)
            if last is not None and continues_label(last.label, label, _tight(lines, i, pitch), cfg):
                last.label = f"{last.label} {label}"
            elif in_columns:  # text where figures belong ("Ej aktuellt"): a row without amounts
                last, pending = None, ""
            elif _next_is_unlabelled_row(segs, i, first_x0, units) or opens_label(label):
                pending = f"{pending} {label}".strip()
                last = None
            else:  # a group heading inside the table
                last, pending = None, ""
            continue
        values: dict[int, Segment] = {}
        strays: list[tuple[Segment, str]] = []
        for x in figures:
            col = column_of(x, columns, cfg)
            if col is None or col in values:
                strays.append((x, "no_column" if col is None else "column_taken"))
            else:
                values[col] = x
        if pending and (not label or opens_label(pending)):
            label = f"{pending} {label}".strip()
        elif label[:1].islower() and last is not None and opens_label(last.label):
            # the row above wraps onto this line: its figures stand in that row's cells
            last.label = f"{last.label} {label}"
            _stack(last, values, strays)
            pending = ""
            continue
        pending = ""
        row = GridRow(label=label, page=line.page, values=values, bold=line.bold, italic=line.italic, units=unit_cells,
                      strays=strays)
        rows.append(row)
        last = row
    return rows


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


def _next_is_unlabelled_row(segs, i, first_x0, units) -> bool:
    if i + 1 >= len(segs) or not any(x.figure for x in segs[i + 1]):
        return False
    label, _ = label_text(segs[i + 1], first_x0, units)
    return not label
