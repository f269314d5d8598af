"""Figures for Swedish readers, and the colours every report page shares.

A controller reads "107 860 000 tkr", not "107860000000.0": thousands grouped with a
no-break thin space (a line never breaks inside a figure), a decimal comma, the unit after.
The palette lives here so that the review pages, the index and the PNG of one page colour a
dataset and a validation status the same way.
"""
from __future__ import annotations

import math

GROUP = "\u202f"  # narrow no-break space, the Swedish thousands separator in print

DATASET_COLOURS = {
    "goal": "#1f77b4",
    "indicator": "#9467bd",
    "measure": "#17becf",
    "table amount": "#2ca02c",
    "text amount": "#8c564b",
}
STATUS_COLOURS = {
    "ok": "",
    "warning": "#e6b800",
    "source_inconsistency": "#ff7f0e",
    "quarantined": "#d62728",
}
STATUS_LABELS = {
    "ok": "ok",
    "warning": "warning",
    "source_inconsistency": "source inconsistency (published as printed)",
    "quarantined": "quarantined (extraction error)",
}


def missing(value: object) -> bool:
    """None, NaN or pandas' NA: a cell the document did not state."""
    return value is None or (isinstance(value, float) and math.isnan(value)) or type(value).__name__ == "NAType"


def text_of(value: object) -> str:
    """A cell as text, "" when not stated (not "nan", not "None")."""
    return "" if missing(value) else str(value)


def sv_number(value: float | int | None) -> str:
    """1234567.5 → "1 234 567,5" (narrow no-break spaces), at most three decimals, no trailing
    zeros; None and NaN → "" (not stated)."""
    if missing(value):
        return ""
    assert value is not None
    text = f"{abs(value):,.3f}".rstrip("0").rstrip(".")
    sign = "−" if value < 0 and text != "0" else ""
    return sign + text.replace(",", GROUP).replace(".", ",")
