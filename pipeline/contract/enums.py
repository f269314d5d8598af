"""The contract's enums: the allowed values of its enum columns (../shared/contract/datasets.md)."""
from __future__ import annotations

from enum import StrEnum


class DocType(StrEnum):
    BUDGET = "budget"
    BUDGET_PROPOSAL = "budget_proposal"
    VERKSAMHETSPLAN = "verksamhetsplan"
    ANNUAL_REPORT = "annual_report"
    INTERIM_REPORT = "interim_report"
    BUDGET_REQUEST = "budget_request"
    BUDGET_INSTRUCTIONS = "budget_instructions"
    OTHER = "other"
    NOT_BUDGET = "not_budget"


class DocumentStatus(StrEnum):
    OK = "ok"
    PARTIAL = "partial"
    FAILED = "failed"
    NOT_BUDGET = "not_budget"


class IssuerKind(StrEnum):
    KOMMUN = "kommun"
    REGION = "region"
    NAMND = "namnd"
    FORBUND = "forbund"
    BOLAG = "bolag"
    PARTY = "party"
    OTHER = "other"


class GoalKind(StrEnum):
    POLITICAL = "political"
    FINANCIAL = "financial"
    OPERATIONAL = "operational"


class IndicatorDirection(StrEnum):
    INCREASE = "increase"
    DECREASE = "decrease"
    MAINTAIN = "maintain"
    IMPROVE = "improve"
    TARGET = "target"


class IndicatorUnit(StrEnum):
    PERCENT = "percent"
    COUNT = "count"
    PER_CAPITA = "per_capita"
    INDEX = "index"
    DAYS = "days"
    SEK = "sek"
    HA = "ha"
    MWH = "mwh"
    METERS = "meters"
    RATIO = "ratio"
    OTHER = "other"


class AmountSource(StrEnum):
    TABLE = "table"
    TEXT = "text"


class AmountKind(StrEnum):
    OUTCOME = "outcome"
    BUDGET = "budget"
    PLAN = "plan"
    FORECAST = "forecast"
    DEVIATION = "deviation"
    TOTAL = "total"
    OTHER = "other"


class AmountUnit(StrEnum):
    KR = "kr"
    TKR = "tkr"
    MNKR = "mnkr"
    MDKR = "mdkr"
    PERCENT = "percent"
    COUNT = "count"
    OTHER = "other"


class UnitSource(StrEnum):
    CELL = "cell"
    ROW = "row"
    COLUMN = "column"
    CORNER = "corner"
    TITLE = "title"
    CAPTION = "caption"
    NOTE = "note"
    TEXT = "text"
    DOCUMENT = "document"


class YearSource(StrEnum):
    COLUMN = "column"
    TITLE = "title"
    CAPTION = "caption"
    TEXT = "text"
    DOCUMENT = "document"


class SumCheck(StrEnum):
    PASSED = "passed"
    FAILED = "failed"
    NONE = "none"


class ValidationStatus(StrEnum):
    """A published amount's standing after validation: the worst finding that names it."""

    OK = "ok"
    SOURCE_INCONSISTENCY = "source_inconsistency"  # the printed table does not add up here; kept as printed
    WARNING = "warning"  # e.g. a unit inferred from the document's other tables; see validation_results
