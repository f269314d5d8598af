"""Section classification: which headings, table headers and labels introduce goals,
indicators or measures.

The political extractors read the document as a flat stream of `Item`s: the layout blocks,
with each table block as the rows of the tables stage's text-cell reading of it
(pipeline/tables/cells.py; no grid is built here). A heading, a table header or the label
line of a row is classified against the cue lists of configs/lexicon.yaml, compiled into
the `Lexicon` (extract/lexicon.py) every function here is given.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from enum import StrEnum

from pipeline.contract import IndicatorUnit
from pipeline.extract.indicators import unit_of
from pipeline.extract.lexicon import Lexicon
from pipeline.model import BlockKind, Document
from pipeline.tables.model import Table

_TITLE_WORDS = 8  # a numbered title is a few words
# units that relate a figure to another (a share, per inhabitant, an index, "gånger"): a ratio
_RELATIVE_UNITS = frozenset({IndicatorUnit.PERCENT, IndicatorUnit.PER_CAPITA, IndicatorUnit.INDEX, IndicatorUnit.RATIO})


class Role(StrEnum):
    GOALS = "goals"
    INDICATORS = "indicators"
    MEASURES = "measures"
    DECISIONS = "decisions"
    TARGETS = "targets"  # an indicator table's direction / target value column
    RESPONSIBLE = "responsible"  # a task table's column naming who carries out each task


@dataclass(frozen=True)
class Cue:
    role: Role
    kind: str | None = None  # goal kind for Role.GOALS


@dataclass
class Item:
    """One readable unit: a block, or one row of a table's text-cell reading."""

    kind: str  # heading, paragraph, list_item, caption, row
    text: str
    page: int
    level: int | None = None
    bold: bool = False
    italic: bool = False
    cells: list[str] = field(default_factory=list)
    label: str | None = None  # first line of a table row group when it reads as a label
    table: int | None = None  # index of the table block a row belongs to
    header: bool = False  # first row group of its table
    marker: str | None = None  # list marker of a list item
    indented: list[bool] = field(default_factory=list)  # per cell: starts right of its column
    x0: float = 0.0  # left edge of a block, to tell a nested list from the list around it
    column: int = 0  # text column of a block on its page
    bbox: tuple[float, float, float, float] | None = None  # (x0, top, x1, bottom) on `page`: the rows' evidence
    body_labels: tuple[str, ...] = ()  # of a table's first row group: the first cells of the rows below it
    filled: bool = False  # set in a filled (shaded or coloured) box


def goal_run(lex: Lexicon, text: str) -> list[tuple[str, str]]:
    """[(number, title), …] of a paragraph that is a list of numbered goals run together
    ("Fokusområde 1 – Hållbarhet … Fokusområde 9 – Klimatanpassning"); [] for anything else."""
    marks = list(lex.goal_run.finditer(text))
    if len(marks) < 2 or marks[0].start() != 0:
        return []
    ends = [m.start() for m in marks[1:]] + [len(text)]
    return [(m["num"], text[m.end():end].strip()) for m, end in zip(marks, ends)]


def strip_numbering(lex: Lexicon, text: str) -> tuple[str | None, str]:
    """("2.2", "Finansiella mål") for "2.2 Finansiella mål"; (None, text) when unnumbered."""
    parts = text.strip().split(maxsplit=1)
    if len(parts) < 2 or not lex.numbered.match(parts[0]):
        return None, text
    return parts[0].rstrip("."), parts[1]


def classify(lex: Lexicon, text: str) -> Cue | None:
    """The role a label introduces when the label is made of a cue phrase (and filler)."""
    _, text = strip_numbering(lex, text)
    text = text.strip().rstrip(":").strip()
    if len(text.split()) > 10:
        return None
    if (goals := _goal_cue(lex, text)) is not None:
        return goals
    # "Vidtagna åtgärder", "Genomförda uppdrag": a participle before a task or indicator cue
    # keeps its role; before "mål" it makes another kind of goal ("övergripande", "finansiella")
    if lex.indicators.is_whole(text, lex.filler, modified=True):
        return Cue(Role.INDICATORS)
    if lex.measures.is_whole(text, lex.filler, modified=True):
        return Cue(Role.MEASURES)
    if lex.decisions.is_whole(text, lex.filler):
        return Cue(Role.DECISIONS)
    return _body_goals(lex, text) or _alternatives_cue(lex, text)


def _alternatives_cue(lex: Lexicon, text: str) -> Cue | None:
    """Cues of one role offered as alternatives ("Mått/nyckeltal", "Indikator/Styrtal") label
    that role; alternatives of different roles ("Mål/Uppdrag") label none."""
    parts = [p.strip() for p in text.split("/")]
    if len(parts) < 2 or not all(parts):
        return None
    cues = {classify(lex, p) for p in parts}
    return cues.pop() if len(cues) == 1 else None


def _body_goals(lex: Lexicon, text: str) -> Cue | None:
    """A nämnd's own goals ("Socialnämndens mål", "Bygg- och miljönämndens mål"): a goal cue
    after a body named in the genitive; its goals are political (nämndmål)."""
    rest = lex.bodies.after_genitive(text)
    return _goal_cue(lex, rest) if rest is not None else None


def _goal_cue(lex: Lexicon, text: str) -> Cue | None:
    for kind in ("financial", "operational", "political"):
        if lex.goals[kind].is_whole(text, lex.filler):
            return Cue(Role.GOALS, kind)
    return None


def split_label(lex: Lexicon, text: str) -> tuple[Cue, str] | None:
    """A paragraph that starts with a cue label run into its content ("Nyckeltal Mäts genom …",
    a labelled card flattened by layout): the label's role and the content."""
    words = text.split()
    for k in range(min(10, len(words) - 1), 0, -1):
        if words[k][:1].isupper() and (cue := classify(lex, " ".join(words[:k]))) is not None:
            return cue, " ".join(words[k:])
    return None


def goal_kind_mentioned(lex: Lexicon, text: str) -> str | None:
    """Kind of the goals an introducing sentence ("… följande effektmål:") announces; "mål" in
    an idiom ("För att komma i mål … krävs att:") announces none."""
    for kind in ("financial", "operational", "political"):
        if lex.goals[kind].contains(text, unless=lex.goal_idioms):
            return kind
    return None


def names_amount_line(lex: Lexicon, label: str) -> bool:
    """The row label names a line of a financial statement ("Personalkostnader", "Intäkter,
    inkl kommunbidrag"): a word of it is a compound of a configured line head. A label that
    relates a line to something else ("Resultat i procent av skatteintäkter", "Nettokostnad,
    kr/invånare", "Andel av kostnaderna") is a key ratio, the indicator of a financial goal:
    its unit (as an indicator's unit is read) says so, whatever line it mentions."""
    if unit_of(lex, label) in _RELATIVE_UNITS:
        return False
    return any(lex.compounds.head_among(w, lex.amount_lines) for w in re.findall(r"\w+", label))


def is_numbered_title(lex: Lexicon, text: str) -> bool:
    """A numbered title ("3.1.1.1 Personalvolymsutveckling"): a heading number before a few
    words that end no sentence."""
    number, bare = strip_numbering(lex, text)
    return number is not None and len(bare.split()) <= _TITLE_WORDS and not bare.rstrip().endswith((".", ":"))


def is_bare_label(text: str) -> bool:
    """A cue heading that only labels a list ("ÅTGÄRDER:"): the list belongs to the heading
    above it, which names the section."""
    return text.rstrip().endswith(":") and len(text.split()) <= 2


def items(doc: Document, tables: list[Table]) -> list[Item]:
    """The document as the political reader walks it: every block but a table of contents,
    a table block as the rows of its text-cell reading (the tables stage's `read_cells`)."""
    by_block = {t.block: t for t in tables if t.reading == "cells"}
    out: list[Item] = []
    for index, block in enumerate(doc.blocks):
        if block.kind is BlockKind.TABLE and block.lines:
            out.extend(_table_rows(by_block[index]))
        elif block.kind is not BlockKind.TOC:
            out.append(
                Item(
                    kind=block.kind.value,
                    text=block.text,
                    page=block.page,
                    level=block.level,
                    bold=block.bold,
                    italic=block.italic,
                    marker=block.marker,
                    x0=block.bbox[0],
                    column=block.column,
                    bbox=block.bbox,
                    filled=block.filled,
                )
            )
    return out


def _table_rows(table: Table) -> list[Item]:
    """One row Item per row of the table, its cells in column order (an empty string where a
    column has no cell); the opening row also carries the first cells of the rows below it."""
    width = max(1, len(table.columns))
    rows: list[Item] = []
    for row in table.rows:
        cells, indented = [""] * width, [False] * width
        for cell in row.cells:
            cells[cell.col_index], indented[cell.col_index] = cell.text, cell.indented
        rows.append(Item(kind="row", text=row.text, page=row.page, bold=row.bold, italic=row.italic, cells=cells,
                         label=row.label_line, table=table.block, header=row.header, indented=indented,
                         bbox=row.bbox))
    if rows:
        rows[0].body_labels = tuple(r.cells[0] for r in rows[1:])
    return rows
