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


def write_datapackage(out: Path, datasets: list[str]) -> None:
    """Call after the CSVs are written: the package records what they hold."""
    package = descriptor(datasets)
    for resource in package["resources"]:
        data = (out / resource["path"]).read_bytes()
        resource["bytes"] = len(data)
        resource["hash"] = f"sha256:{hashlib.sha256(data).hexdigest()}"
    write_text(out / "datapackage.json", json.dumps(package, ensure_ascii=False, indent=2) + "\n")
