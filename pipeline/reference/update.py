"""`python -m pipeline reference update`: the Kolada files refreshed from the API, all or nothing.

Both endpoints are read and checked in full before anything is written; the new files are
written beside the old ones under temporary names and only then renamed over them, so an
error at any point (a server error, a malformed page, a full disk) leaves the old files as
they were. KPIs the catalogue no longer lists are kept with in_latest=false: budgets still
quote retired KPIs. The SCB lists are not Kolada's and are left alone.
"""
from __future__ import annotations

import csv
import gzip
import io
import json
import os
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import httpx

from pipeline.reference.kolada_api import KoladaError, fetch_all
from pipeline.reference.store import (
    DATA_DIR,
    FILES,
    KOLADA_MUNICIPALITY_COLUMNS,
    KPI_COLUMNS,
    read_kpis,
)

SOURCES = "sources.json"  # file → where it came from and when: the README's table, kept current
MUNICIPALITY_TYPES = frozenset({"K", "L", "A"})


@dataclass(frozen=True)
class Updated:
    kpis: int  # in the current catalogue
    retired: int  # kept from the old file, no longer in the catalogue
    municipalities: int


def update(base_url: str, data_dir: Path = DATA_DIR, timeout: float = 60.0) -> Updated:
    """Fetch /kpi and /municipality and replace the Kolada files; KoladaError leaves them as they were."""
    with httpx.Client(timeout=timeout, follow_redirects=True) as client:
        kpis = fetch_all(client, base_url, "kpi", ("id", "title", "municipality_type"))
        municipalities = fetch_all(client, base_url, "municipality", KOLADA_MUNICIPALITY_COLUMNS)
    kpi_rows, retired = _kpi_rows(kpis, data_dir)
    municipality_rows = [{c: m[c] for c in KOLADA_MUNICIPALITY_COLUMNS} for m in municipalities]
    _unique("municipality", municipality_rows)
    today = date.today().isoformat()
    files = {
        FILES["kpi"]: gzip.compress(_csv(KPI_COLUMNS, kpi_rows), mtime=0),
        FILES["kolada_municipality"]: _csv(KOLADA_MUNICIPALITY_COLUMNS, municipality_rows),
    }
    sources = _sources(data_dir)
    for name, endpoint, count in ((FILES["kpi"], "kpi", len(kpi_rows)),
                                  (FILES["kolada_municipality"], "municipality", len(municipality_rows))):
        sources[name] = {"source": f"{base_url.rstrip('/')}/{endpoint}", "retrieved": today, "rows": count}
    files[SOURCES] = (json.dumps(sources, ensure_ascii=False, indent=1) + "\n").encode("utf-8")
    _replace_all(data_dir, files)
    return Updated(len(kpi_rows) - retired, retired, len(municipality_rows))


def _kpi_rows(kpis: list[dict[str, Any]], data_dir: Path) -> tuple[list[dict[str, str]], int]:
    """The fetched KPIs (in_latest=true) and those of the old file they no longer list."""
    rows = []
    for kpi in kpis:
        if kpi["municipality_type"] not in MUNICIPALITY_TYPES:
            raise KoladaError(f"kpi {kpi['id']}: municipality_type {kpi['municipality_type']!r} is not K, L or A")
        rows.append({**{c: _field(kpi.get(c)) for c in KPI_COLUMNS}, "in_latest": "true"})
    _unique("kpi", rows)
    current = {r["id"] for r in rows}
    old = read_kpis(data_dir) if (data_dir / FILES["kpi"]).is_file() else ()
    retired = [{"id": k.id, "title": k.title, "description": k.description, "municipality_type": k.municipality_type,
                "operating_area": k.operating_area, "in_latest": "false"} for k in old if k.id not in current]
    return sorted(rows + retired, key=lambda r: r["id"]), len(retired)


def _field(value: object) -> str:
    return "" if value is None else str(value).strip()


def _unique(endpoint: str, rows: list[dict[str, str]]) -> None:
    if not rows:
        raise KoladaError(f"{endpoint}: the API listed no records")
    ids = [r["id"] for r in rows]
    if len(set(ids)) != len(ids):
        raise KoladaError(f"{endpoint}: the same id is listed twice")


def _csv(columns: tuple[str, ...], rows: list[dict[str, str]]) -> bytes:
    text = io.StringIO()
    writer = csv.DictWriter(text, fieldnames=columns, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return text.getvalue().encode("utf-8")


def _sources(data_dir: Path) -> dict[str, Any]:
    path = data_dir / SOURCES
    return json.loads(path.read_text(encoding="utf-8")) if path.is_file() else {}


def _replace_all(data_dir: Path, files: dict[str, bytes]) -> None:
    """Write every file under a temporary name first; rename them into place only when all are written."""
    written: dict[Path, Path] = {}
    try:
        for name, data in files.items():
            tmp = data_dir / f".{name}.tmp"
            tmp.write_bytes(data)
            written[tmp] = data_dir / name
        for tmp, target in written.items():
            os.replace(tmp, target)
    finally:
        for tmp in written:
            tmp.unlink(missing_ok=True)
