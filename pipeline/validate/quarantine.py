"""Quarantine, never drop: rows failing a hard extraction check are set aside with the reason.

Clean rows are published; the others go to processed/quarantine/<dataset>.csv exactly as
extracted, with every reason. Per document and dataset, extracted = published +
quarantined, and a document with quarantined rows is `partial`.
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, replace
from pathlib import Path

import pandas as pd

from pipeline.model import DocumentRow
from pipeline.publish.schema import DATASETS
from pipeline.publish.writers import atomic_path, frame
from pipeline.validate.results import EXTRACTION_ERROR, WARNING, Finding


@dataclass
class Split:
    published: dict[str, pd.DataFrame]
    quarantined: dict[str, pd.DataFrame]
    counts: pd.DataFrame
    findings: list[Finding]  # what quarantining did to other rows (cascades, unlinked goals)


def split(rows: dict[str, list], raw: dict[str, pd.DataFrame], findings: list[Finding]) -> Split:
    """Published (typed, contract columns) and quarantined rows of every dataset."""
    hard: dict[str, dict[int, list[Finding]]] = {name: defaultdict(list) for name in DATASETS}
    for f in findings:
        if f.severity == EXTRACTION_ERROR and f.row is not None:
            hard[f.dataset][f.row].append(f)
    knock_on = _cascade(rows, hard)
    partial = {raw[name].at[i, "doc_id"] for name in DATASETS for i in hard[name]}
    lost_goals = {rows["goals"][i].goal_id for i in hard["goals"]}
    published, quarantined = {}, {}
    for name in DATASETS:
        keep = [_unlink(r, lost_goals) for i, r in enumerate(rows[name]) if i not in hard[name]]
        if name == "documents":
            keep = [_mark_partial(r, partial) for r in keep]
        published[name] = frame(name, keep)
        bad = sorted(hard[name])
        q = raw[name].loc[bad].copy()
        q["checks"] = ["; ".join(dict.fromkeys(f.check for f in hard[name][i])) for i in bad]
        q["reasons"] = ["; ".join(f.message for f in hard[name][i]) for i in bad]
        quarantined[name] = q.reset_index(drop=True)
    return Split(published, quarantined, _counts(raw, published, quarantined), knock_on)


def _cascade(rows: dict[str, list], hard: dict[str, dict[int, list[Finding]]]) -> list[Finding]:
    """Keep the published tables' keys whole: the rows of a quarantined document follow it
    into quarantine; a row linked to a quarantined goal is published without the link."""
    lost_docs = {rows["documents"][i].doc_id for i in hard["documents"]}
    lost_goals = {rows["goals"][i].goal_id for i in hard["goals"]}
    warnings = []
    for name in DATASETS[1:]:
        for i, row in enumerate(rows[name]):
            if i in hard[name]:
                continue
            if row.doc_id in lost_docs:
                hard[name][i].append(Finding(row.doc_id, name, "document_quarantined", EXTRACTION_ERROR,
                                             "its document row is quarantined", row=i, page=row.page))
            elif lost_goals & {getattr(row, "goal_id", None), getattr(row, "parent_goal_id", None)}:
                warnings.append(Finding(row.doc_id, name, "goal_quarantined", WARNING,
                                        "published without its goal link: the goal is quarantined", page=row.page))
    return warnings


def _unlink(row: object, lost_goals: set[str]) -> object:
    for link in ("goal_id", "parent_goal_id"):
        if getattr(row, link, None) in lost_goals:
            row = replace(row, **{link: None})  # type: ignore[type-var]
    return row


def _mark_partial(row: DocumentRow, partial: set[str]) -> DocumentRow:
    """Some of the document's rows were quarantined: it is only partially published."""
    return replace(row, status="partial") if row.doc_id in partial and row.status == "ok" else row


def _counts(raw: dict[str, pd.DataFrame], published: dict[str, pd.DataFrame], quarantined: dict[str, pd.DataFrame]) -> pd.DataFrame:
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


def write_quarantine(out: Path, quarantined: dict[str, pd.DataFrame]) -> None:
    """processed/quarantine/<dataset>.csv for every dataset (header only when none)."""
    for name, df in quarantined.items():
        with atomic_path(out / "quarantine" / f"{name}.csv") as tmp:
            df.to_csv(tmp, index=False, encoding="utf-8", lineterminator="\n")
