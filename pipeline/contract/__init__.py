"""The output contract (../shared/contract/datasets.md) as code: the one module that knows it.

Every published dataset is a row dataclass below. A field's annotation is its type (a
StrEnum for an enum column, `X | None` where the contract allows null); its metadata holds
the contract's meaning, whether it belongs to the primary key and which column it refers
to. Arrow, DuckDB, the Frictionless data package and the GX suites all read `columns()`,
so a column is added here once and appears everywhere.

Column order is the published order: a row's own fields as declared, then the evidence
columns it inherits. Fields the contract added later are declared last and have defaults,
so extraction code that does not set them yet, and extracted.json files written before
them, still work. A field with a default is keyword-only: that is what lets the required
fields keep their positional order while the columns stand in published order.
"""
from __future__ import annotations

from dataclasses import MISSING, Field, dataclass, field, fields
from enum import StrEnum
from functools import cache
from typing import Any, get_args, get_type_hints

import pyarrow as pa

from pipeline.contract.enums import (
    AmountKind,
    AmountSource,
    AmountUnit,
    DocType,
    DocumentStatus,
    GoalKind,
    IndicatorDirection,
    IndicatorUnit,
    IssuerKind,
    SumCheck,
    UnitSource,
    ValidationStatus,
    YearSource,
)


def column(meaning: str, *, default: Any = MISSING, key: bool = False, references: str | None = None,
           kw_only: bool = False, added: bool = False) -> Any:
    """A contract field: its meaning, primary-key membership and reference ("dataset.column").

    `added`: a column this project publishes beyond ../shared/contract/datasets.md (columns
    may be added, never renamed or dropped); docs/datasets.md marks it.

    A field with a default is keyword-only, so that optional fields can stand between the
    required ones in published order without changing how rows are built positionally; a
    required field may be keyword-only too (`rule`, inherited by every row type).
    """
    metadata = {"meaning": meaning, "key": key, "references": references, "added": added}
    if default is MISSING:
        return field(kw_only=kw_only, metadata=metadata)
    return field(default=default, kw_only=True, metadata=metadata)


def _doc_id() -> Any:
    """Every row but a document's refers to its document; stated once."""
    return column("the document the row comes from", key=True, references="documents.doc_id")


def _page() -> Any:
    """Every row carries the page it can be checked against."""
    return column("1-based PDF page where the row's text or figure is printed")


@dataclass
class Evidence:
    """Provenance: where on the page a row stands and which named rule produced it."""

    x0: float | None = column(
        "left edge of the bounding box on `page`, PDF points from the left (pdfplumber)", default=None,
    )
    top: float | None = column("top edge of the bounding box, PDF points from the top of the page", default=None)
    x1: float | None = column(
        "right edge of the bounding box (a table cell: the cell; a list item: the item; a text amount: its sentence)",
        default=None,
    )
    bottom: float | None = column("bottom edge of the bounding box, PDF points from the top of the page", default=None)
    page_label: str | None = column(
        'the page number as printed ("SID 12 (36)" → "12"), when it differs from the PDF page', default=None,
    )
    rule: str = column(
        'the named rule that produced the row ("cue_heading", "indicator_table", "table", "text:allocation", …)',
        kw_only=True,
    )


@dataclass
class DocumentRow:
    doc_id: str = column("first 16 hex digits of the SHA-256 of the file's bytes", key=True)
    source_file: str = column("file name as given (no directory)")
    title: str | None = column("document title as printed", default=None)
    municipality: str | None = column(
        'kommun or region the document is about ("Alingsås", "Region Blekinge")', default=None,
    )
    municipality_code: str | None = column(
        "4-digit kommunkod / 2-digit länskod as a string with leading zeros", default=None,
    )
    organisation: str | None = column(
        'who issued it: a party ("Socialdemokraterna"), a nämnd, the kommun itself', default=None,
    )
    doc_type: DocType = column("kind of document", default=DocType.OTHER)
    period_start: int | None = column("first year the document plans or reports", default=None)
    period_end: int | None = column("last year the document plans or reports", default=None)
    pages: int = column("page count")
    status: DocumentStatus = column(
        "ok, partial (some stage reported problems), failed (could not be read), not_budget",
    )
    pipeline_version: str = column("version of the pipeline that produced the row")
    kolada_municipality_id: str | None = column(
        'the id Kolada uses (4 digits, regions as "0020"); null when the issuer is not a kommun/region', default=None,
    )
    issuer_kind: IssuerKind | None = column("what kind of body issued the document", default=None)


@dataclass
class GoalRow(Evidence):
    doc_id: str = _doc_id()
    goal_id: str = column("unique within the document", key=True)
    number: str | None = column('as printed: "1", "6.1", "Mål 3" → "3"', default=None)
    kind: GoalKind = column(
        "political (prioriterade/övergripande/inriktningsmål, nämndmål), financial (finansiella mål), operational "
        "(verksamhetsmål för god ekonomisk hushållning)",
    )
    title: str = column("the goal statement as printed, without numbering")
    focus_area: str | None = column("the vision focus area / perspective it belongs to, if named", default=None)
    parent_goal_id: str | None = column(
        "for goals nested under a broader goal", default=None, references="goals.goal_id",
    )
    page: int = column("1-based PDF page where the goal is stated")
    section: str | None = column("the chapter or nämnd heading the goal stands under", default=None)


@dataclass
class IndicatorRow(Evidence):
    doc_id: str = _doc_id()
    indicator_id: str = column("unique within the document", key=True)
    goal_id: str | None = column(
        "the goal it measures, when the document links them", default=None, references="goals.goal_id",
    )
    text: str = column(
        "the indicator as printed (one bullet / table row), whitespace-normalised, line-end hyphenation undone",
    )
    direction: IndicatorDirection | None = column(
        "increase, decrease, maintain (oförändrad / i nivå med), improve (förbättras), target (a stated target value)",
        default=None,
    )
    target_value: float | None = column('e.g. 75 for "målvärde 75%", 4 for "minst 4 procent"', default=None)
    unit: IndicatorUnit | None = column(
        "unit of the indicator (per_capita: per 1000 / per invånare / per capita)", default=None,
    )
    page: int = _page()
    baseline_value: float | None = column("utgångsläge / nuläge / referensvärde as printed", default=None)
    baseline_year: int | None = column("the year of the baseline value", default=None)
    outcome_value: float | None = column("the latest utfall the document reports for the indicator", default=None)
    outcome_year: int | None = column("the year of that utfall", default=None)
    target_year: int | None = column('the year the target applies to ("målvärde 2026")', default=None)


@dataclass
class MeasureRow(Evidence):
    doc_id: str = _doc_id()
    measure_id: str = column("unique within the document", key=True)
    goal_id: str | None = column(
        "the goal it serves, when the document links them", default=None, references="goals.goal_id",
    )
    section: str | None = column("heading the measure stands under", default=None)
    text: str = column("the measure as printed, whitespace-normalised")
    responsible: str | None = column('body named as responsible ("Kommunstyrelsen", "Alla nämnder")', default=None)
    page: int = _page()


@dataclass
class AmountRow(Evidence):
    doc_id: str = _doc_id()
    amount_id: str = column("unique within the document", key=True)
    source: AmountSource = column("a figure of a financial table, or a money amount allocated in running text")
    table_title: str | None = column(
        'e.g. "Resultatbudget", "Driftsbudget", "Investeringsbudget" (null for text)', default=None,
    )
    row_label: str = column("row header as printed (for text: the recipient or purpose)")
    column_label: str | None = column('column header as printed, e.g. "Budget 2021", "Plan 2022"', default=None)
    year: int | None = column("the year the figure is for", default=None)
    kind: AmountKind | None = column(
        "outcome (utfall/bokslut), budget, plan, forecast (prognos), deviation (avvikelse), total (multi-year total), "
        "other", default=None,
    )
    value: float = column("the number as printed, sign included (−1 234,5 → -1234.5)")
    unit: AmountUnit | None = column("as stated by the table or text", default=None)
    value_sek: float | None = column("value converted to kronor when unit is a money unit, else null", default=None)
    is_total: bool = column("row is a sum/total row (Summa, Totalt, Årets resultat …)", default=False)
    page: int = _page()
    snippet: str | None = column("for text amounts: the sentence it came from", default=None)
    table_id: str | None = column(
        "the table the cell belongs to, unique within the document (null for text amounts)", default=None,
    )
    row_index: int | None = column("the cell's row in that table's body (0-based; null for text)", default=None)
    col_index: int | None = column("the cell's column in that table's body (0-based; null for text)", default=None)
    parent_label: str | None = column(
        'the row this one is a part of ("varav …" rows, indented sub-rows) or the group heading a "Summa" row closes',
        default=None,
    )
    unit_source: UnitSource | None = column(
        "where the unit came from (document: inferred from the document's other tables, and validation warns)",
        default=None,
    )
    year_source: YearSource | None = column("where the year came from", default=None)
    sum_check: SumCheck | None = column(
        "passed: adds up to its total (or is a total equal to its rows) within rounding; failed: see "
        "validation_results; none: no total to check against", default=None,
    )
    validation_status: ValidationStatus | None = column(
        "the worst validation finding that names this figure (details in validation_results); set on every "
        "published row, null only in an extraction not yet validated", default=None, added=True,
    )


@dataclass
class IndicatorKpiRow:
    doc_id: str = _doc_id()
    indicator_id: str = column("the indicator", key=True, references="indicators.indicator_id")
    rank: int = column("1 = best candidate", key=True)
    kpi_id: str = column('Kolada KPI id ("N15419", "U23401")')
    kpi_title: str = column("Kolada's title of the KPI")
    score: float = column("0–1 similarity after normalisation")
    method: str = column("how it was matched")


ROW_TYPES: dict[str, type] = {
    "documents": DocumentRow,
    "goals": GoalRow,
    "indicators": IndicatorRow,
    "measures": MeasureRow,
    "amounts": AmountRow,
    "indicator_kpi": IndicatorKpiRow,
}
DATASETS: tuple[str, ...] = tuple(ROW_TYPES)


class ColumnType(StrEnum):
    """A column's logical type, named as the Frictionless Table Schema names it."""

    STRING = "string"
    INTEGER = "integer"
    NUMBER = "number"
    BOOLEAN = "boolean"


_TYPE_OF = {str: ColumnType.STRING, int: ColumnType.INTEGER, float: ColumnType.NUMBER, bool: ColumnType.BOOLEAN}


@dataclass(frozen=True)
class Column:
    """One published column, as every writer and check needs it."""

    name: str
    type: ColumnType
    nullable: bool
    meaning: str
    enum: tuple[str, ...] | None = None  # the allowed values of an enum column
    key: bool = False  # part of the dataset's primary key
    references: tuple[str, str] | None = None  # (dataset, column) this column refers to
    added: bool = False  # published beyond ../shared/contract/datasets.md


@cache
def columns(dataset: str) -> tuple[Column, ...]:
    """The dataset's columns in published order: the row's own fields as declared, then the
    evidence columns it inherits (which dataclass inheritance would put first)."""
    row_type = ROW_TYPES[dataset]
    hints = get_type_hints(row_type)
    inherited = {f.name for f in fields(Evidence)} if issubclass(row_type, Evidence) else set()
    own = [f for f in fields(row_type) if f.name not in inherited]
    ordered = own + [f for f in fields(row_type) if f.name in inherited]
    return tuple(_column(f, hints[f.name]) for f in ordered)


def _column(spec: Field, hint: Any) -> Column:
    """A field's annotation is its type: `X | None` may be null, a StrEnum is an enum of texts."""
    nullable = type(None) in get_args(hint)
    base = next((a for a in get_args(hint) if a is not type(None)), hint)
    enum = tuple(m.value for m in base) if issubclass(base, StrEnum) else None
    references = spec.metadata["references"]
    return Column(
        name=spec.name, type=ColumnType.STRING if enum else _TYPE_OF[base], nullable=nullable,
        meaning=spec.metadata["meaning"], enum=enum, key=spec.metadata["key"],
        references=tuple(references.split(".")) if references else None, added=spec.metadata["added"],
    )


def column_names(dataset: str) -> list[str]:
    return [c.name for c in columns(dataset)]


def primary_key(dataset: str) -> list[str]:
    return [c.name for c in columns(dataset) if c.key]


_ARROW_TYPES = {ColumnType.STRING: pa.string(), ColumnType.INTEGER: pa.int64(), ColumnType.NUMBER: pa.float64(),
                ColumnType.BOOLEAN: pa.bool_()}


def arrow_schema(dataset: str) -> pa.Schema:
    """Enum columns are dictionary-encoded: small files, and readers see the categories.

    Each field carries its meaning as `description` metadata, so a Parquet reader has it too.
    """
    dictionary = pa.dictionary(pa.int8(), pa.string())
    return pa.schema(
        [
            pa.field(c.name, dictionary if c.enum else _ARROW_TYPES[c.type], metadata={"description": c.meaning})
            for c in columns(dataset)
        ]
    )
