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

import pyarrow as pa

from pipeline import __version__
from pipeline.publish.schema import COLUMNS, ENUMS, PRIMARY_KEYS
from pipeline.publish.writers import write_text

# Row ids are unique across documents (extract.qualify_ids), so single-column keys suffice.
FOREIGN_KEYS: dict[str, list[tuple[str, str, str]]] = {
    "goals": [("doc_id", "documents", "doc_id"), ("parent_goal_id", "goals", "goal_id")],
    "indicators": [("doc_id", "documents", "doc_id"), ("goal_id", "goals", "goal_id")],
    "measures": [("doc_id", "documents", "doc_id"), ("goal_id", "goals", "goal_id")],
    "amounts": [("doc_id", "documents", "doc_id")],
}


def _field(dataset: str, name: str, typ: pa.DataType) -> dict:
    if pa.types.is_integer(typ):
        kind = "integer"
    elif pa.types.is_floating(typ):
        kind = "number"
    elif pa.types.is_boolean(typ):
        kind = "boolean"
    else:
        kind = "string"
    field: dict = {"name": name, "type": kind}
    if name in ENUMS[dataset]:
        field["constraints"] = {"enum": list(ENUMS[dataset][name])}
    if name in PRIMARY_KEYS[dataset]:
        field.setdefault("constraints", {})["required"] = True
    return field


def descriptor(datasets: list[str]) -> dict:
    resources = []
    for name in datasets:
        schema: dict = {
            "fields": [_field(name, col, typ) for col, typ in COLUMNS[name]],
            "primaryKey": list(PRIMARY_KEYS[name]),
            "missingValues": [""],
        }
        fks = [
            {"fields": [column], "reference": {"resource": "" if target == name else target, "fields": [ref]}}
            for column, target, ref in FOREIGN_KEYS.get(name, [])
        ]
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
