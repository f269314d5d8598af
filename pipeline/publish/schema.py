"""The output contract (../shared/contract/datasets.md) in one place.

Column order, types and enums of every published dataset. Writers, validation and tests
import from here; nothing else spells the contract out.
"""
from __future__ import annotations

from dataclasses import fields

import pyarrow as pa

from pipeline.model import AmountRow, DocumentRow, GoalRow, IndicatorRow, MeasureRow

ENUMS: dict[str, dict[str, tuple[str, ...]]] = {
    "documents": {
        "doc_type": (
            "budget", "budget_proposal", "verksamhetsplan", "annual_report", "interim_report",
            "budget_request", "budget_instructions", "other", "not_budget",
        ),
        "status": ("ok", "partial", "failed", "not_budget"),
    },
    "goals": {"kind": ("political", "financial", "operational")},
    "indicators": {
        "direction": ("increase", "decrease", "maintain", "improve", "target"),
        "unit": ("percent", "count", "per_capita", "index", "days", "sek", "ha", "mwh", "meters", "ratio", "other"),
    },
    "measures": {},
    "amounts": {
        "source": ("table", "text"),
        "kind": ("outcome", "budget", "plan", "forecast", "deviation", "total", "other"),
        "unit": ("kr", "tkr", "mnkr", "mdkr", "percent", "count", "other"),
    },
}

_STRING, _INT, _FLOAT, _BOOL = pa.string(), pa.int64(), pa.float64(), pa.bool_()

# the rule that produced a goal, indicator or measure row, and its bounding box on `page`
_EVIDENCE = [("rule", _STRING), ("x0", _FLOAT), ("top", _FLOAT), ("x1", _FLOAT), ("bottom", _FLOAT)]

COLUMNS: dict[str, list[tuple[str, pa.DataType]]] = {
    "documents": [
        ("doc_id", _STRING), ("source_file", _STRING), ("title", _STRING), ("municipality", _STRING),
        ("municipality_code", _STRING), ("organisation", _STRING), ("doc_type", _STRING),
        ("period_start", _INT), ("period_end", _INT), ("pages", _INT), ("status", _STRING),
        ("pipeline_version", _STRING),
    ],
    "goals": [
        ("doc_id", _STRING), ("goal_id", _STRING), ("number", _STRING), ("kind", _STRING), ("title", _STRING),
        ("focus_area", _STRING), ("parent_goal_id", _STRING), ("page", _INT), *_EVIDENCE,
    ],
    "indicators": [
        ("doc_id", _STRING), ("indicator_id", _STRING), ("goal_id", _STRING), ("text", _STRING),
        ("direction", _STRING), ("target_value", _FLOAT), ("unit", _STRING), ("page", _INT), *_EVIDENCE,
    ],
    "measures": [
        ("doc_id", _STRING), ("measure_id", _STRING), ("goal_id", _STRING), ("section", _STRING),
        ("text", _STRING), ("responsible", _STRING), ("page", _INT), *_EVIDENCE,
    ],
    "amounts": [
        ("doc_id", _STRING), ("amount_id", _STRING), ("source", _STRING), ("table_title", _STRING),
        ("row_label", _STRING), ("column_label", _STRING), ("year", _INT), ("kind", _STRING),
        ("value", _FLOAT), ("unit", _STRING), ("value_sek", _FLOAT), ("is_total", _BOOL), ("page", _INT),
        ("snippet", _STRING),
    ],
}

PRIMARY_KEYS: dict[str, tuple[str, ...]] = {
    "documents": ("doc_id",),
    "goals": ("doc_id", "goal_id"),
    "indicators": ("doc_id", "indicator_id"),
    "measures": ("doc_id", "measure_id"),
    "amounts": ("doc_id", "amount_id"),
}

ROW_TYPES = {
    "documents": DocumentRow,
    "goals": GoalRow,
    "indicators": IndicatorRow,
    "measures": MeasureRow,
    "amounts": AmountRow,
}

DATASETS: tuple[str, ...] = tuple(COLUMNS)


def column_names(dataset: str) -> list[str]:
    return [name for name, _ in COLUMNS[dataset]]


def arrow_schema(dataset: str) -> pa.Schema:
    """Enum columns are dictionary-encoded: small files, and readers see the categories."""
    enums = ENUMS[dataset]
    return pa.schema(
        [
            pa.field(name, pa.dictionary(pa.int8(), pa.string()) if name in enums else typ)
            for name, typ in COLUMNS[dataset]
        ]
    )


def _check_contract() -> None:
    """Row dataclasses and the column lists must name the same fields."""
    for name, row_type in ROW_TYPES.items():
        assert {f.name for f in fields(row_type)} == set(column_names(name)), name


_check_contract()
