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
from pipeline.validate.results import EXTRACTION_ERROR, Finding


@dataclass
class Split:
    published: dict[str, pd.DataFrame]
    quarantined: dict[str, pd.DataFrame]
    counts: pd.DataFrame


def split(rows: dict[str, list], raw: dict[str, pd.DataFrame], findings: list[Finding]) -> Split:
    """Published (typed, contract columns) and quarantined rows of every dataset."""
    hard: dict[str, dict[int, list[Finding]]] = {name: defaultdict(list) for name in DATASETS}
    for f in findings:
        if f.severity == EXTRACTION_ERROR and f.row is not None:
            hard[f.dataset][f.row].append(f)
    partial = {raw[name].at[i, "doc_id"] for name in DATASETS for i in hard[name]}
    published, quarantined = {}, {}
    for name in DATASETS:
        keep = [r for i, r in enumerate(rows[name]) if i not in hard[name]]
        if name == "documents":
            keep = [_mark_partial(r, partial) for r in keep]
        published[name] = frame(name, keep)
        bad = sorted(hard[name])
        q = raw[name].loc[bad].copy()
        q["checks"] = ["; ".join(dict.fromkeys(f.check for f in hard[name][i])) for i in bad]
        q["reasons"] = ["; ".join(f.message for f in hard[name][i]) for i in bad]
        quarantined[name] = q.reset_index(drop=True)
    return Split(published, quarantined, _counts(raw, published, quarantined))


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
