"""The documents table of reports/index.html: one row per document, what it is, what was
published from it, what validation found and, for a failed file, at which stage and why.

Colours say what a reader must do: red only for a failure or quarantined rows, amber for
a source inconsistency, pale yellow for warnings (for attention, not failures).
"""
from __future__ import annotations

import html
from typing import cast

import pandas as pd

from pipeline.model import StageError
from pipeline.publish.formatting import DATASET_COLOURS, missing, sv_number, text_of
from pipeline.validate import ValidationOutcome
from pipeline.validate.results import EXTRACTION_ERROR, SEVERITIES, SOURCE_INCONSISTENCY, WARNING

_COUNTED = ("goals", "indicators", "measures", "amounts", "indicator_kpi")
_SEVERITY_CLASS = {SOURCE_INCONSISTENCY: "warn", EXTRACTION_ERROR: "bad", WARNING: "muted"}
_ORDER = {"failed": 0, "partial": 1}  # what needs a reader first, first
_KIND_COLOURS = {"budget": "#2ca02c", "outcome": "#1f77b4", "plan": "#9467bd", "forecast": "#17becf",
                 "deviation": "#ff7f0e", "total": "#8c564b", "other": "#999999"}


def documents_table(outcome: ValidationOutcome, links: dict[str, str], errors: dict[str, StageError]) -> str:
    docs = outcome.published["documents"]
    if docs.empty:
        return "<h2>Documents</h2><p>No documents.</p>"
    counts = outcome.counts.set_index(["doc_id", "dataset"])
    findings = outcome.results.groupby(["doc_id", "severity"]).size()
    kinds = outcome.published["amounts"].groupby(["doc_id", "kind"], observed=True).size()
    head = "".join(f"<th>{h}</th>" for h in (
        "document", "status", "doc_type", "municipality", "organisation", "period",
        *_COUNTED, "findings", "amounts by kind", "failure"))
    body = []
    for doc in sorted(docs.to_dict("records"), key=lambda d: (_ORDER.get(str(d["status"]), 2), d["source_file"])):
        doc_id = str(doc["doc_id"])
        error = errors.get(doc_id)
        failure = f"<b>{html.escape(error.stage)}</b>: {html.escape(error.reason)}" if error else ""
        body.append(
            f"<tr><td>{_name(doc, links.get(doc_id))}</td>"
            f"<td class='st-{html.escape(str(doc['status']))}'>{html.escape(str(doc['status']))}</td>"
            f"<td>{_text(doc['doc_type'])}</td><td>{_municipality(doc)}</td><td>{_text(doc['organisation'])}</td>"
            f"<td class='n'>{_period(doc)}</td>{_rows(counts, doc_id)}"
            f"<td>{_findings(findings, doc_id)}</td><td class='chart'>{kind_chart(_of(kinds, doc_id))}</td>"
            f"<td>{failure}</td></tr>"
        )
    return (
        "<h2>Documents</h2><p>Rows per dataset are those published; <span class='bad'>+n q</span> were quarantined. "
        "The file name opens its review: every page with every row outlined.</p>"
        f"<table class='docs'><tr>{head}</tr>{''.join(body)}</table>"
    )


def _name(doc: dict, link: str | None) -> str:
    name = html.escape(str(doc["source_file"]))
    title = f"<br><span class='muted'>{_text(doc['title'])}</span>" if _text(doc["title"]) else ""
    return (f"<a href='{html.escape(link)}'>{name}</a>" if link else name) + title


def _text(value: object) -> str:
    return html.escape(text_of(value))


def _municipality(doc: dict) -> str:
    code = _text(doc["municipality_code"])
    return _text(doc["municipality"]) + (f" <span class='muted'>({code})</span>" if code else "")


def _period(doc: dict) -> str:
    years = [text_of(y).removesuffix(".0") for y in (doc["period_start"], doc["period_end"]) if not missing(y)]
    return "–".join(dict.fromkeys(years))


def _of(series: pd.Series, doc_id: str) -> dict[str, int]:
    """The second level of a (doc_id, x) count series for one document."""
    if doc_id not in series.index.get_level_values(0):
        return {}
    return {str(k): int(v) for k, v in series.loc[doc_id].items()}


def _rows(counts: pd.DataFrame, doc_id: str) -> str:
    """A cell per dataset: the rows published, and in red the rows quarantined."""
    cells = []
    for name in _COUNTED:
        if (doc_id, name) not in counts.index:
            cells.append("<td></td>")
            continue
        published, quarantined = (int(cast(int, counts.loc[(doc_id, name), k])) for k in ("published", "quarantined"))
        held = f"<br><span class='bad' title='quarantined'>+{sv_number(quarantined)} q</span>" if quarantined else ""
        cells.append(f"<td class='n'>{sv_number(published)}{held}</td>")
    return "".join(cells)


def _findings(findings: pd.Series, doc_id: str) -> str:
    found = _of(findings, doc_id)
    parts = [f"<span class='{_SEVERITY_CLASS[s]}'>{sv_number(found[s])} {s.replace('_', ' ')}</span>"
             for s in SEVERITIES if found.get(s)]
    return "<br>".join(parts) or "<span class='ok'>none</span>"


def kind_chart(by_kind: dict[str, int], width: int = 160, height: int = 14) -> str:
    """A stacked bar of the document's amounts by kind, inline SVG (offline, no library);
    each part names its kind and count on hover."""
    total = sum(by_kind.values())
    if not total:
        return ""
    x, parts = 0.0, []
    for kind in sorted(by_kind, key=lambda k: list(_KIND_COLOURS).index(k) if k in _KIND_COLOURS else 99):
        w = width * by_kind[kind] / total
        colour = _KIND_COLOURS.get(kind, DATASET_COLOURS["table amount"])
        parts.append(f"<rect x='{x:.1f}' y='0' width='{w:.1f}' height='{height}' fill='{colour}'>"
                     f"<title>{html.escape(kind)}: {sv_number(by_kind[kind])}</title></rect>")
        x += w
    label = ", ".join(f"{html.escape(k)} {sv_number(v)}" for k, v in by_kind.items())
    return (f"<svg xmlns='http://www.w3.org/2000/svg' width='{width}' height='{height}' role='img' "
            f"aria-label='amounts by kind: {label}'>{''.join(parts)}</svg>")
