"""Row-level validation status: a figure from a table that does not add up, or whose unit
was inferred, says so in the amounts dataset itself, so a user filtering or charting the
figures sees it without joining validation_results."""
from __future__ import annotations

import pandas as pd

from pipeline.contract import ValidationStatus
from pipeline.validate.results import SOURCE_INCONSISTENCY, WARNING, Finding

_RANK = {ValidationStatus.OK: 0, ValidationStatus.WARNING: 1, ValidationStatus.SOURCE_INCONSISTENCY: 2}
_STATUS_OF = {WARNING: ValidationStatus.WARNING, SOURCE_INCONSISTENCY: ValidationStatus.SOURCE_INCONSISTENCY}


def with_status(amounts: pd.DataFrame, findings: list[Finding]) -> pd.DataFrame:
    """`amounts` with validation_status: the worst source_inconsistency or warning among the
    findings that name the row (by doc_id and amount_id), else ok. Extraction errors never
    reach here: their rows are quarantined."""
    worst: dict[tuple[str | None, str], ValidationStatus] = {}
    for f in findings:
        status = _STATUS_OF.get(f.severity)
        if f.dataset != "amounts" or f.row_id is None or status is None:
            continue
        key = (f.doc_id, f.row_id)
        if _RANK[status] > _RANK[worst.get(key, ValidationStatus.OK)]:
            worst[key] = status
    out = amounts.copy()
    statuses = [worst.get((d, a), ValidationStatus.OK).value for d, a in zip(out["doc_id"], out["amount_id"])]
    out["validation_status"] = pd.Series(statuses, index=out.index, dtype=out["validation_status"].dtype)
    return out
