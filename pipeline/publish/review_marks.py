"""The rows a review page outlines: every goal, indicator, measure and amount of a document,
published or quarantined, with its box, its dataset and its validation status.

Validation's outcome knows each row twice (published or quarantined frames, and findings
by row_id); a review page, the index and the PNG of one page all need the same joined
view, so it is built once here.
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

import pandas as pd

from pipeline.publish.formatting import missing, sv_number, text_of
from pipeline.validate import ValidationOutcome
from pipeline.validate.results import SOURCE_INCONSISTENCY, WARNING

REVIEWED = {"goals": "goal_id", "indicators": "indicator_id", "measures": "measure_id", "amounts": "amount_id"}
_TEXT = {"goals": "title", "indicators": "text", "measures": "text"}
# what a reader checks a figure by, in the order shown
_AMOUNT_FIELDS = ("value", "unit", "year", "kind", "value_sek", "table_title", "row_label", "column_label",
                  "unit_source", "year_source", "sum_check")
_FIGURES = {"value", "value_sek"}
_RANK = {"ok": 0, WARNING: 1, SOURCE_INCONSISTENCY: 2, "quarantined": 3}


@dataclass(frozen=True)
class Mark:
    """One outlined row: where it stands (PDF points from the top-left) and what it says."""

    row_id: str
    dataset: str  # goal, indicator, measure, table amount, text amount (formatting.DATASET_COLOURS)
    status: str  # ok, warning, source_inconsistency, quarantined (formatting.STATUS_COLOURS)
    page: int
    box: tuple[float, float, float, float] | None  # x0, top, x1, bottom
    label: str  # what the side list shows
    fields: tuple[tuple[str, str], ...]  # name → value as a reader sees it
    messages: tuple[str, ...]  # what validation said about the row


def document_marks(outcome: ValidationOutcome) -> dict[str, list[Mark]]:
    """doc_id → its marks, by page and position."""
    said = _messages(outcome.results)
    found: dict[str, list[Mark]] = defaultdict(list)
    for name, id_column in REVIEWED.items():
        for frame, quarantined in ((outcome.published[name], False), (outcome.quarantined[name], True)):
            for record in frame.to_dict("records"):
                row_id = str(record[id_column])
                severities, messages = said.get(row_id, (set(), []))
                status = "quarantined" if quarantined else _status(severities)
                found[str(record["doc_id"])].append(_mark(name, record, row_id, status, messages))
    for marks in found.values():
        marks.sort(key=lambda m: (m.page, m.box[1] if m.box else 0.0, m.box[0] if m.box else 0.0, m.row_id))
    return dict(found)


def _messages(results: pd.DataFrame) -> dict[str, tuple[set[str], list[str]]]:
    """row_id → (the severities of its findings, their messages)."""
    said: dict[str, tuple[set[str], list[str]]] = {}
    for row_id, severity, message in results[["row_id", "severity", "message"]].itertuples(index=False):
        if isinstance(row_id, str):
            severities, messages = said.setdefault(row_id, (set(), []))
            severities.add(str(severity))
            messages.append(str(message))
    return said


def _status(severities: set[str]) -> str:
    """The worst of the row's findings that leave it published (an extraction error quarantines)."""
    return max((s for s in severities if s in _RANK), key=_RANK.__getitem__, default="ok")


def _mark(name: str, record: dict, row_id: str, status: str, messages: list[str]) -> Mark:
    if name == "amounts":
        dataset = f"{record['source']} amount"
        value = _number(record["value"])
        figure = f"{text_of(record['value']) if value is None else sv_number(value)} {text_of(record.get('unit'))}"
        label = f"{figure} · {text_of(record.get('row_label'))}"
        fields = [(f, _figure(record.get(f)) if f in _FIGURES else _shown(record.get(f)))
                  for f in _AMOUNT_FIELDS]
    else:
        dataset = name.removesuffix("s")
        label = text_of(record[_TEXT[name]])
        fields = [(_TEXT[name], label)] + ([("kind", text_of(record.get("kind")))] if name == "goals" else [])
    fields += [("rule", text_of(record.get("rule"))), ("page", _shown(record.get("page"))), ("status", status)]
    box = tuple(_number(record.get(k)) for k in ("x0", "top", "x1", "bottom"))
    return Mark(
        row_id=row_id, dataset=dataset, status=status, page=int(_number(record["page"]) or 0),  # 0: no page
        box=None if any(v is None for v in box) else box,  # type: ignore[arg-type]
        label=label.strip(" ·"), fields=tuple((k, v) for k, v in fields if v), messages=tuple(messages),
    )


def _number(value: object) -> float | None:
    """A number, or None: a quarantined row holds what was extracted ("6 2x9" where a figure belongs)."""
    try:
        return None if missing(value) else float(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return None


def _figure(value: object) -> str:
    number = _number(value)
    return text_of(value) if number is None else sv_number(number)


def _shown(value: object) -> str:
    """Years and pages as they are (2024, not "2 024"), texts as printed."""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, int | float) and not missing(value):
        return str(int(value)) if float(value).is_integer() else sv_number(float(value))
    return text_of(value)
