"""Quarantine, never drop: rows failing a hard extraction check are set aside with the reason.

Clean rows are published; the others go to processed/quarantine/<dataset>.csv exactly as
extracted, with every reason. Per document and dataset, extracted = published +
quarantined, and a document with quarantined rows is `partial`.
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, replace
from typing import cast

import pandas as pd

from pipeline.contract import DATASETS, Column, DocumentRow, DocumentStatus, columns
from pipeline.validate.frames import typed_frame
from pipeline.validate.results import EXTRACTION_ERROR, WARNING, Finding


@dataclass
class Split:
    published: dict[str, pd.DataFrame]
    quarantined: dict[str, pd.DataFrame]
    counts: pd.DataFrame
    findings: list[Finding]  # what quarantining did to other rows (cascades, unlinked goals)


Hard = dict[str, dict[int, list[Finding]]]  # dataset → row position → the findings quarantining it


def split(rows: dict[str, list], raw: dict[str, pd.DataFrame], findings: list[Finding]) -> Split:
    """Published (typed, contract columns) and quarantined rows of every dataset."""
    hard: Hard = {name: defaultdict(list) for name in DATASETS}
    for f in findings:
        if f.severity == EXTRACTION_ERROR and f.row is not None:
            hard[f.dataset][f.row].append(f)
    knock_on = _cascade(rows, hard)
    partial = {cast(str, raw[name].at[i, "doc_id"]) for name in DATASETS for i in hard[name]}
    lost = _lost(rows, hard)
    published, quarantined = {}, {}
    for name in DATASETS:
        keep = [_unlink(name, r, lost) for i, r in enumerate(rows[name]) if i not in hard[name]]
        if name == "documents":
            keep = [_mark_partial(cast(DocumentRow, r), partial) for r in keep]
        published[name] = typed_frame(name, keep)
        bad = sorted(hard[name])
        q = raw[name].loc[bad].copy()
        q["checks"] = ["; ".join(dict.fromkeys(f.check for f in hard[name][i])) for i in bad]
        q["reasons"] = ["; ".join(f.message for f in hard[name][i]) for i in bad]
        quarantined[name] = q.reset_index(drop=True)
    return Split(published, quarantined, _counts(raw, published, quarantined), knock_on)


Lost = dict[tuple[str, str], set]  # (dataset, column) → its values in the dataset's quarantined rows


def _links(dataset: str) -> list[tuple[Column, tuple[str, str]]]:
    """The dataset's columns that refer to another row, with the (dataset, column) they refer to."""
    return [(c, c.references) for c in columns(dataset) if c.references]


def _lost(rows: dict[str, list], hard: Hard) -> Lost:
    targets = {target for name in DATASETS for _, target in _links(name)}
    return {(t, ref): {getattr(rows[t][i], ref) for i in hard[t]} for t, ref in targets}


def _cascade(rows: dict[str, list], hard: Hard) -> list[Finding]:
    """Keep the published tables' keys whole, following the contract's references: a row
    whose required reference is quarantined (its document, the indicator a KPI candidate is
    for) follows it into quarantine; a row whose optional link (a goal) is quarantined is
    published without the link, and a warning says so."""
    lost = _lost(rows, hard)
    warnings = []
    for name in DATASETS:
        for i, row in enumerate(rows[name]):
            if i in hard[name]:
                continue
            for link, target in _links(name):
                if getattr(row, link.name) not in lost[target]:
                    continue
                what = target[0].removesuffix("s")
                if not link.nullable:
                    hard[name][i].append(
                        Finding(
                            row.doc_id,
                            name,
                            f"{what}_quarantined",
                            EXTRACTION_ERROR,
                            f"its {what} row is quarantined",
                            row=i,
                            page=getattr(row, "page", None),
                        )
                    )
                    break
                warnings.append(
                    Finding(
                        row.doc_id,
                        name,
                        f"{what}_quarantined",
                        WARNING,
                        f"published without its {what} link: the {what} is quarantined",
                        page=getattr(row, "page", None),
                    )
                )
    return warnings


def _unlink(dataset: str, row: object, lost: Lost) -> object:
    for link, target in _links(dataset):
        if link.nullable and getattr(row, link.name) in lost[target]:
            row = replace(row, **{link.name: None})  # type: ignore[type-var]
    return row


def _mark_partial(row: DocumentRow, partial: set[str]) -> DocumentRow:
    """Some of the document's rows were quarantined: it is only partially published."""
    return (
        replace(row, status=DocumentStatus.PARTIAL)
        if row.doc_id in partial and row.status == DocumentStatus.OK
        else row
    )


def _counts(
    raw: dict[str, pd.DataFrame], published: dict[str, pd.DataFrame], quarantined: dict[str, pd.DataFrame]
) -> pd.DataFrame:
    """Per document and dataset: extracted, published, quarantined, and whether they add up."""
    docs = raw["documents"][["doc_id", "source_file"]].drop_duplicates("doc_id")
    records = []
    for name in DATASETS:
        extracted = raw[name]["doc_id"].value_counts()
        out = published[name]["doc_id"].value_counts()
        held = quarantined[name]["doc_id"].value_counts()
        for doc_id, source_file in docs.itertuples(index=False):
            e, p, q = (int(s.get(doc_id, 0)) for s in (extracted, out, held))
            records.append({"doc_id": doc_id, "source_file": source_file, "dataset": name, "extracted": e,
                            "published": p, "quarantined": q, "reconciles": e == p + q})
    return pd.DataFrame.from_records(
        records, columns=["doc_id", "source_file", "dataset", "extracted", "published", "quarantined", "reconciles"]
    )
