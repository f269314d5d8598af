"""A Frictionless data package describing every published CSV: Table Schema, keys, enums,
and the bytes and SHA-256 of each file as published.

Each file is replaced atomically, but a run killed between two files would leave a set
from two publishes. The package is written last and names the exact bytes of its set, so
`frictionless validate processed/datapackage.json` (or any reader comparing hashes) tells a
consistent set from a torn one.
"""
from __future__ import annotations

import hashlib
import json
from pathlib import Path

from pipeline import __version__
from pipeline.contract import Column, columns, primary_key
from pipeline.publish.writers import write_text


def _field(column: Column) -> dict:
    field: dict = {"name": column.name, "type": column.type.value, "description": column.meaning}
    if column.enum:
        field["constraints"] = {"enum": list(column.enum)}
    if column.key:
        field.setdefault("constraints", {})["required"] = True
    return field


def _foreign_keys(dataset: str) -> list[dict]:
    """The contract's references. Row ids are unique across documents (extract.qualify_ids),
    so single-column foreign keys suffice."""
    return [
        {
            "fields": [c.name],
            "reference": {
                "resource": "" if c.references[0] == dataset else c.references[0],
                "fields": [c.references[1]],
            },
        }
        for c in columns(dataset)
        if c.references
    ]


def descriptor(datasets: list[str]) -> dict:
    resources = []
    for name in datasets:
        schema: dict = {
            "fields": [_field(c) for c in columns(name)],
            "primaryKey": primary_key(name),
            "missingValues": [""],
        }
        fks = _foreign_keys(name)
        if fks:
            schema["foreignKeys"] = fks
        resources.append(
            {
                "name": name,
                "path": f"{name}.csv",
                "profile": "tabular-data-resource",
                "format": "csv",
                "mediatype": "text/csv",
                "encoding": "utf-8",
                "schema": schema,
            }
        )
    return {
        "name": "kommunbudget",
        "title": "Swedish municipal and regional budgets, extracted by kommunbudget",
        "version": __version__,
        "profile": "tabular-data-package",
        "resources": resources,
    }


PACKAGE = "datapackage.json"
FILES = "kommunbudget:files"  # every other file of the publish: path → bytes and hash


def write_datapackage(out: Path, datasets: list[str]) -> None:
    """Call last, when every other output of the publish is written: the package records what
    each file holds — the CSVs as Frictionless resources, and every file (Parquet, DuckDB,
    validation_results, quarantine, reports) in `kommunbudget:files`, which `pipeline verify`
    checks."""
    package = descriptor(datasets)
    for resource in package["resources"]:
        resource.update(file_digest(out / resource["path"]))
    package[FILES] = {
        path.relative_to(out).as_posix(): file_digest(path)
        for path in sorted(out.rglob("*"))
        if path.is_file() and path.name != PACKAGE
    }
    write_text(out / PACKAGE, json.dumps(package, ensure_ascii=False, indent=2) + "\n")


def file_digest(path: Path) -> dict:
    """{"bytes": …, "hash": "sha256:…"}, as Frictionless writes them."""
    digest, size = hashlib.sha256(), 0
    with path.open("rb") as fh:
        while chunk := fh.read(1 << 20):
            digest.update(chunk)
            size += len(chunk)
    return {"bytes": size, "hash": f"sha256:{digest.hexdigest()}"}
