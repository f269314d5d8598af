"""Goals, indicators and measures: the political content of a budget as linked tables.

One pass over the document's items (blocks and table rows) keeps the state a reader keeps:
which section the text is in (opened by a cue heading, a cue table header, a labelled row
or a sentence ending in "… följande effektmål:"), which goal the text belongs to, and which
heading names the section. Vocabulary comes from configs/lexicon.yaml via sections.py.

The state lives in political_state; headings, paragraphs and list items, and table rows are
read by political_headings, political_content and political_tables; this module walks the items
and, last, links goals to the focus areas an overview table names.
"""
from __future__ import annotations

from pipeline.extract.political_content import read_content
from pipeline.extract.political_headings import read_heading
from pipeline.extract.political_state import FOCUS_WORDS, State, clean
from pipeline.extract.political_tables import read_row
from pipeline.extract.sections import Item, Lexicon, items
from pipeline.model import Document, GoalRow, IndicatorRow, MeasureRow
from pipeline.settings import Settings
from pipeline.text.lexicon import defined_abbreviations

_TAIL_WORDS = 8  # a lower-case line this short right after a table row is the row's wrapped end


def extract_political(doc: Document, settings: Settings,
                      doc_type: str | None = None) -> tuple[list[GoalRow], list[IndicatorRow], list[MeasureRow]]:
    """`doc_type` (from the document fields) tells a report's standing mandate from tasks."""
    lex = settings.derived(Lexicon.of)
    state = State(doc_id=doc.doc_id, lex=lex, mandates=doc_type in lex.mandate_doc_types,
                  abbreviations=defined_abbreviations("\n".join(b.text for b in doc.blocks), lex.bodies))
    stream = items(doc, lex)
    for i, item in enumerate(stream):
        following = stream[i + 1] if i + 1 < len(stream) else None
        if item.kind != "row" and (_row_tail(state, item) or _caption_tail(state, item)):
            continue
        if item.kind == "row":
            read_row(state, item)
        elif item.kind == "heading":
            read_heading(state, item)
        else:
            read_content(state, item, following)
    _focus_areas_from_tables(state, stream)
    return state.goals, state.indicators, state.measures


def _row_tail(state: State, item: Item) -> bool:
    """A short lower-case line right after a table row is the end of the row's wrapped text
    that layout left outside the table ("Medelväntetid … för besvarade" + "samtal för 1177 telefon")."""
    tail, state.tail = state.tail, None
    text = item.text.strip()
    if tail is None or item.kind != "paragraph" or not text[:1].islower() or len(text.split()) > _TAIL_WORDS:
        return False
    if isinstance(tail, IndicatorRow):
        tail.text = clean(f"{tail.text} {text}")
    else:
        tail.title = clean(f"{tail.title} {text}")
    return True


def _caption_tail(state: State, item: Item) -> bool:
    """A lower-case paragraph right after a caption or footnote is the rest of it."""
    after, state.after_caption = state.after_caption, item.kind == "caption"
    return after and item.kind == "paragraph" and item.text.strip()[:1].islower()


def _focus_areas_from_tables(state: State, stream: list[Item]) -> None:
    """An overview "Livskvalitet | Mål: I Alingsås ska …" names each goal's focus area: as
    table cells, as one line, or with the label set beside a wrapped statement."""
    lex = state.lex
    for i, item in enumerate(stream):
        if item.kind == "row" and len([c for c in item.cells if c]) >= 2 and item.cells[0]:
            pairs = [(item.cells[0], cell) for cell in item.cells[1:]]
        else:
            split = _labelled_statement(item.text, lex)
            if split is None:
                continue
            label, statement = split
            if not label and i + 1 < len(stream) and stream[i + 1].kind == "heading":
                label = stream[i + 1].text  # the label set beside a statement broken over lines
            pairs = [(label, statement)] if label and len(label.split()) <= FOCUS_WORDS else []
        for focus, cell in pairs:
            m = lex.goal_prefix.match(cell)
            goal = state.find_goal(m["title"] if m else cell, partial=True)
            if goal is not None and goal.focus_area is None and goal.parent_goal_id is None:
                goal.focus_area = focus.strip()


def _labelled_statement(text: str, lex: Lexicon) -> tuple[str, str] | None:
    """("Livskvalitet", "Mål: I Alingsås …") for a line that states a goal after a short label."""
    words = text.split()
    for k in range(FOCUS_WORDS + 1):
        rest = " ".join(words[k:])
        if lex.goal_prefix.match(rest) and rest.split(" ", 1)[0].endswith(":"):
            return " ".join(words[:k]), rest
    return None
