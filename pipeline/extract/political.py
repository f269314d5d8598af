"""Goals, indicators and measures: the political content of a budget as linked tables.

The document is read as a flat stream of items (sections.py: blocks, and the rows of the
tables stage's text-cell reading of each table block);
named rules (extract/rules) say what each item is, and the assembler (extract/assemble.py)
turns their labels into rows linked to their goals, each row naming the rule that made it
and the box it was read from. Vocabulary comes from configs/lexicon.yaml, compiled once per
settings object (`Lexicon.of`) and handed to every rule in its `Context`.
"""
from __future__ import annotations

from types import MappingProxyType

from pipeline.extract.assemble import Assembly, assemble
from pipeline.extract.lexicon import Lexicon
from pipeline.extract.rules.context import Context
from pipeline.extract.sections import Item, items
from pipeline.model import Document, GoalRow, IndicatorRow, MeasureRow
from pipeline.settings import Settings
from pipeline.tables import CellSettings, Table, read_cells


def extract_political(
    doc: Document, settings: Settings, doc_type: str | None = None, tables: list[Table] | None = None,
    organisation: str | None = None,
) -> tuple[list[GoalRow], list[IndicatorRow], list[MeasureRow]]:
    """`doc_type` (from the document fields) tells a report's standing mandate from tasks;
    `organisation` tells the issuer's own goals from those it writes of."""
    read = read_political(doc, settings, doc_type, tables=tables, organisation=organisation)
    return read.goals, read.indicators, read.measures


def read_political(doc: Document, settings: Settings, doc_type: str | None = None, trace: bool = False,
                   tables: list[Table] | None = None, organisation: str | None = None) -> Assembly:
    """The assembly of the document's political content; `trace` keeps what every rule said
    about every item (for `pipeline explain`). `tables` are the tables stage's output; a
    caller holding only the layout model (`explain`, a test) leaves them to be read here,
    by the same stage function, from the same blocks."""
    lexicon = settings.derived(Lexicon.of)
    abbreviations = lexicon.bodies.defined_abbreviations("\n".join(b.text for b in doc.blocks))
    cells = read_cells(doc, settings.derived(CellSettings.of)) if tables is None else tables
    read = items(doc, cells)
    context = Context(lexicon=lexicon, doc_type=doc_type, organisation=organisation,
                      abbreviations=MappingProxyType(abbreviations), card_series=_cards(read) >= _CARD_SERIES)
    return assemble(doc.doc_id, read, context, trace)


_CARD_SERIES = 2  # goal cards come one per area: a single filled box under a heading is a callout


def _cards(read: list[Item]) -> int:
    """Bold statements on a filled box right under an unboxed heading: the shape of a goal card."""
    return sum(1 for above, item in zip(read, read[1:])
               if item.filled and item.bold and above.kind == "heading" and not above.filled)
