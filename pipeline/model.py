"""The document model every stage after layout reads.

Plain dataclasses, serialisable to JSON, so that a stage's result can be inspected on disk
and a later stage never needs the PDF (or pdfplumber) again. The output rows are the
contract's (pipeline.contract); Extraction holds them, and extract imports them from here.
"""
from __future__ import annotations

from dataclasses import asdict, dataclass, field, fields
from enum import StrEnum
from typing import Any

from pipeline.contract import AmountRow, DocumentRow, GoalRow, IndicatorKpiRow, IndicatorRow, MeasureRow


@dataclass(frozen=True)
class StageError:
    """Why one file could not go through one stage; the batch carries on without it."""

    file: str
    stage: str
    reason: str


@dataclass
class SourceDocument:
    """What ingest learns about a file before any layout work."""

    path: str
    source_file: str
    doc_id: str
    size_bytes: int
    pages: int
    title: str | None
    producer: str | None
    creator: str | None
    text_pages: list[bool]
    # who the file says wrote it and what about: a body ("Ale kommun", "Kultur- och
    # fritidsnämnden") as often as a person; the document fields read it as weak evidence
    author: str | None = None
    subject: str | None = None
    keywords: str | None = None


@dataclass
class Word:
    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    size: float
    bold: bool
    italic: bool


@dataclass
class Line:
    """Words sharing a baseline within one column of one page."""

    page: int
    words: list[Word]

    @property
    def text(self) -> str:
        return " ".join(w.text for w in self.words)

    @property
    def x0(self) -> float:
        return min(w.x0 for w in self.words)

    @property
    def x1(self) -> float:
        return max(w.x1 for w in self.words)

    @property
    def top(self) -> float:
        return min(w.top for w in self.words)

    @property
    def bottom(self) -> float:
        return max(w.bottom for w in self.words)

    @property
    def size(self) -> float:
        """Size of the line's dominant font, weighted by characters."""
        weights: dict[float, int] = {}
        for w in self.words:
            weights[w.size] = weights.get(w.size, 0) + len(w.text)
        return max(weights, key=weights.__getitem__)

    @property
    def bold(self) -> bool:
        return _mostly(self.words, "bold")

    @property
    def italic(self) -> bool:
        return _mostly(self.words, "italic")


def _mostly(words: list[Word], attr: str) -> bool:
    total = sum(len(w.text) for w in words)
    return sum(len(w.text) for w in words if getattr(w, attr)) * 2 > total


class BlockKind(StrEnum):
    HEADING = "heading"
    PARAGRAPH = "paragraph"
    LIST_ITEM = "list_item"
    TABLE = "table"
    TOC = "toc"
    CAPTION = "caption"


@dataclass
class Block:
    """A unit a reader sees: a heading, a paragraph, one list item, a table region …

    `page` is where the block starts; `end_page` differs when a list item or paragraph
    runs over a page break. Table blocks keep their lines (with word positions) because
    the tables stage builds the cell grid from them.
    """

    kind: BlockKind
    text: str
    page: int
    bbox: tuple[float, float, float, float]
    size: float
    bold: bool
    italic: bool
    end_page: int | None = None
    level: int | None = None
    marker: str | None = None
    depth: int = 0
    toc_page: int | None = None
    column: int = 0
    lines: list[Line] = field(default_factory=list)
    filled: bool = False  # set on a filled (shaded or coloured) box: a card, a callout


@dataclass
class OcrRegion:
    """A part of a page read by OCR (a whole scanned page, or an image on a text page): rows
    standing in it carry "ocr:" in their rule, and this says how sure Tesseract was."""

    bbox: tuple[float, float, float, float]  # PDF points from the top-left, as the page's words
    confidence: float  # mean word confidence (0–100) of the words kept
    words: int
    confident_share: float  # of the words kept, the share read with confidence ≥ 80
    rotation: int  # degrees the page was turned clockwise to be read upright (its words stand so)
    seconds: float


@dataclass
class PageInfo:
    number: int
    width: float
    height: float
    has_text: bool
    columns: int = 1
    ocr: list[OcrRegion] = field(default_factory=list)
    # why a page, or an image on it, that needed OCR was not read: unavailable | over_budget
    ocr_missing: str | None = None

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> PageInfo:
        regions = [OcrRegion(**{**r, "bbox": tuple(r["bbox"])}) for r in data.get("ocr", [])]
        return cls(**{**data, "ocr": regions})


@dataclass
class Document:
    doc_id: str
    source_file: str
    pages: list[PageInfo]
    metadata: dict[str, Any]
    body_size: float
    blocks: list[Block]

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Document:
        return cls(
            doc_id=data["doc_id"],
            source_file=data["source_file"],
            pages=[PageInfo.from_dict(p) for p in data["pages"]],
            metadata=data["metadata"],
            body_size=data["body_size"],
            blocks=[_block_from_dict(b) for b in data["blocks"]],
        )


def _block_from_dict(data: dict[str, Any]) -> Block:
    names = {f.name for f in fields(Block)}
    values = {k: v for k, v in data.items() if k in names}
    values["kind"] = BlockKind(values["kind"])
    values["bbox"] = tuple(values["bbox"])
    values["lines"] = [
        Line(page=ln["page"], words=[Word(**w) for w in ln["words"]]) for ln in values.get("lines", [])
    ]
    return Block(**values)


@dataclass
class UnplacedFigure:
    """A figure printed in a financial table that no amount row holds (it fits no column,
    a second figure in one cell, a row without a label): not published, but reported."""

    doc_id: str
    page: int
    text: str
    reason: str  # no_column | column_taken | stacked | no_row_label
    row_label: str | None = None
    table_title: str | None = None
    table_id: str | None = None


@dataclass
class OcrGap:
    """A page that needed OCR and was not read (no Tesseract, or over the document's OCR page
    budget): validation warns, so that what it holds is never a silent gap."""

    doc_id: str
    page: int
    reason: str  # unavailable | over_budget


@dataclass
class Extraction:
    """Everything extract learns from one document; the input of validation."""

    document: DocumentRow
    goals: list[GoalRow] = field(default_factory=list)
    indicators: list[IndicatorRow] = field(default_factory=list)
    measures: list[MeasureRow] = field(default_factory=list)
    amounts: list[AmountRow] = field(default_factory=list)
    indicator_kpi: list[IndicatorKpiRow] = field(default_factory=list)  # Kolada candidates (extract/kpi)
    unplaced: list[UnplacedFigure] = field(default_factory=list)  # for validation to warn about
    ocr_gaps: list[OcrGap] = field(default_factory=list)  # for validation to warn about

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Extraction:
        return cls(
            document=DocumentRow(**data["document"]),
            goals=[GoalRow(**r) for r in data["goals"]],
            indicators=[IndicatorRow(**r) for r in data["indicators"]],
            measures=[MeasureRow(**r) for r in data["measures"]],
            amounts=[AmountRow(**r) for r in data["amounts"]],
            indicator_kpi=[IndicatorKpiRow(**r) for r in data.get("indicator_kpi", [])],
            unplaced=[UnplacedFigure(**r) for r in data.get("unplaced", [])],
            ocr_gaps=[OcrGap(**r) for r in data.get("ocr_gaps", [])],
        )
