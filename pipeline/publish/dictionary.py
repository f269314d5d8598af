"""The data dictionary (docs/datasets.md), generated from the contract so that it can never
disagree with what is published: `python -m pipeline.publish.dictionary > docs/datasets.md`
(`make docs`); a test fails when the file in the repository is out of date."""
from __future__ import annotations

from pipeline.contract import DATASETS, Column, columns
from pipeline.validate.results import RESULT_SCHEMA

_INTRO = """# Datasets

Generated from `pipeline/contract/` by `make docs`; do not edit by hand. The contract these
columns follow is `../shared/contract/datasets.md`; columns marked *added* are published
beyond it. Every file is written as CSV (UTF-8, `,`, `.` decimals; `--csv-dialect excel-sv`
for Swedish Excel), Parquet, a DuckDB table in `kommunbudget.duckdb` and a sheet of
`kommunbudget.xlsx`; `datapackage.json` carries the same descriptions.
"""


def _type(column: Column) -> str:
    text = column.type.value + ("?" if column.nullable else "")
    return f"{text}: " + _escaped(" | ").join(f"`{v}`" for v in column.enum) if column.enum else text


def _notes(column: Column) -> str:
    notes = [n for n, on in (("key", column.key), ("*added*", column.added)) if on]
    if column.references:
        notes.append(f"→ {'.'.join(column.references)}")
    return ", ".join(notes)


def _escaped(text: str) -> str:
    return text.replace("|", "\\|")


def _table(dataset: str) -> str:
    rows = [f"| `{c.name}` | {_type(c)} | {_escaped(c.meaning)} | {_notes(c)} |" for c in columns(dataset)]
    return "\n".join([f"## {dataset}", "", "| column | type | meaning | |", "|---|---|---|---|", *rows])


def _results() -> str:
    rows = [f"| `{f.name}` | {f.type} |" for f in RESULT_SCHEMA]
    return "\n".join(["## validation_results", "", "One row per validation finding "
                      "(severity `source_inconsistency`, `extraction_error` or `warning`).", "",
                      "| column | type |", "|---|---|", *rows])


def data_dictionary() -> str:
    """docs/datasets.md: one table per dataset, columns in published order."""
    return "\n\n".join([_INTRO.rstrip(), *(_table(d) for d in DATASETS), _results()]) + "\n"


if __name__ == "__main__":
    print(data_dictionary(), end="")
