"""pipeline/contract/ is the contract: the markdown agrees with it, every output follows it,
and validation stays a stage that returns rather than writes."""
from __future__ import annotations

import ast
import json
import re
from pathlib import Path

import duckdb
import pandas as pd
import pyarrow.parquet as pq
import pytest

from pipeline.contract import DATASETS, ROW_TYPES, AmountRow, Column, ColumnType, column_names, columns, enums
from pipeline.model import Extraction
from pipeline.publish.database import write_database
from pipeline.publish.datapackage import descriptor
from pipeline.publish.writers import write_dataset
from pipeline.runner import read_interim
from pipeline.validate.frames import typed_frame
from pipeline.validate.suites import build_suites
from tests.conftest import ROOT, SHARED
from tests.settings_helpers import SETTINGS

CONTRACT_MD = SHARED / "contract" / "datasets.md"

_SAMPLE = {ColumnType.STRING: "x", ColumnType.INTEGER: 2, ColumnType.NUMBER: 1.5, ColumnType.BOOLEAN: True}
_DUCK = {
    ColumnType.STRING: "VARCHAR",
    ColumnType.INTEGER: "BIGINT",
    ColumnType.NUMBER: "DOUBLE",
    ColumnType.BOOLEAN: "BOOLEAN",
}


def _sample_row(dataset: str) -> object:
    """A row with every column set (an enum to its first value), so that every type is written."""
    return ROW_TYPES[dataset](**{c.name: c.enum[0] if c.enum else _SAMPLE[c.type] for c in columns(dataset)})


@pytest.fixture(scope="module")
def published(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("contract")
    frames = {name: typed_frame(name, [_sample_row(name)]) for name in DATASETS}
    for name, df in frames.items():
        write_dataset(out, name, df)
    write_database(out / "budget.duckdb", frames)
    return out


@pytest.mark.parametrize("dataset", DATASETS)
def test_csv_and_parquet_follow_the_contract(published, dataset):
    assert list(pd.read_csv(published / f"{dataset}.csv").columns) == column_names(dataset)
    schema = pq.read_schema(published / f"{dataset}.parquet")
    assert schema.names == column_names(dataset)
    for column in columns(dataset):
        kind = str(schema.field(column.name).type)
        assert kind.startswith("dictionary") if column.enum else not kind.startswith("dictionary"), column.name
        assert schema.field(column.name).metadata[b"description"].decode() == column.meaning


@pytest.mark.parametrize("dataset", DATASETS)
def test_duckdb_table_follows_the_contract(published, dataset):
    con = duckdb.connect(str(published / "budget.duckdb"), read_only=True)
    described = con.execute(f"DESCRIBE {dataset}").fetchall()
    con.close()
    assert [(name, typ) for name, typ, *_ in described] == [(c.name, _DUCK[c.type]) for c in columns(dataset)]
    assert [name for name, _, _, key, *_ in described if key == "PRI"] == [c.name for c in columns(dataset) if c.key]


@pytest.mark.parametrize("dataset", DATASETS)
def test_datapackage_follows_the_contract(dataset):
    resources = {r["name"]: r for r in descriptor(list(DATASETS))["resources"]}
    assert list(resources) == list(DATASETS)
    schema = resources[dataset]["schema"]
    assert [(f["name"], f["type"], f["description"]) for f in schema["fields"]] == [
        (c.name, c.type.value, c.meaning) for c in columns(dataset)
    ]
    enums = {f["name"]: f["constraints"]["enum"] for f in schema["fields"] if "enum" in f.get("constraints", {})}
    assert enums == {c.name: list(c.enum) for c in columns(dataset) if c.enum}
    assert schema["primaryKey"] == [c.name for c in columns(dataset) if c.key]


@pytest.fixture(scope="module")
def suites():
    import great_expectations as gx

    gx.get_context(mode="ephemeral")  # suites are built in a context, as run_checkpoint builds them
    return build_suites(gx, SETTINGS)


@pytest.mark.parametrize("dataset", DATASETS)
def test_gx_suite_follows_the_contract(suites, dataset):
    by_type: dict[str, list] = {}
    for expectation in suites[dataset].expectations:
        by_type.setdefault(type(expectation).__name__, []).append(expectation)
    assert [e.column for e in by_type["ExpectColumnToExist"]] == column_names(dataset)
    assert [e.column for e in by_type["ExpectColumnValuesToBeInTypeList"]] == column_names(dataset)
    assert {e.column for e in by_type["ExpectColumnValuesToNotBeNull"]} == {
        c.name for c in columns(dataset) if not c.nullable
    }
    enums = {e.column: list(e.value_set) for e in by_type.get("ExpectColumnValuesToBeInSet", [])}
    assert enums == {c.name: list(c.enum) for c in columns(dataset) if c.enum}


def test_extractions_written_before_the_new_columns_load_and_one_without_rules_is_redone(tmp_path):
    """An extracted.json from before the contract's additions loads with the new optional
    columns empty; one whose rows name no rule cannot be published (rule is non-null), so the
    batch finds it unreadable and processes its document again."""
    amount = {"doc_id": "d", "amount_id": "a1", "source": "table", "row_label": "Summa", "value": 1.0, "page": 3}
    old = {
        "document": {
            "doc_id": "d",
            "source_file": "x.pdf",
            "pages": 3,
            "status": "ok",
            "pipeline_version": "0",
            "doc_type": "budget",
        },
        "goals": [{"doc_id": "d", "goal_id": "g1", "kind": "political", "title": "Trygg uppväxt", "page": 2,
                   "rule": "cue_heading"}],
        "indicators": [],
        "measures": [],
        "amounts": [{**amount, "rule": "table"}],
    }
    extraction = Extraction.from_dict(old)
    assert (
        extraction.goals[0].x0 is None and extraction.amounts[0].sum_check is None and extraction.indicator_kpi == []
    )
    assert Extraction.from_dict(extraction.to_dict()) == extraction
    (tmp_path / "d").mkdir()
    (tmp_path / "d" / "extracted.json").write_text(json.dumps({"extraction": {**old, "amounts": [amount]}}))
    assert read_interim(tmp_path, "d") is None


# -- the markdown contract ------------------------------------------------------------------


def _markdown_columns(text: str) -> dict[str, dict[str, tuple[str, str]]]:
    """Dataset → column → (type as written, meaning) for every column the markdown names.

    A table belongs to the dataset of the `## name — …` heading above it, or to the datasets a
    sentence before it names ("These columns are added to goals, … and amounts:", "amounts
    also get:"); "goals also get `section` (string?)" names a column inline.
    """
    found: dict[str, dict[str, tuple[str, str]]] = {}
    targets: list[str] = []
    for line in text.splitlines():
        heading = re.match(r"## (\w+)\b", line)
        added = re.search(r"added to ([\w, ]+):$", line)
        also = re.match(r"(\w+) also get", line)
        if heading:
            targets = [heading.group(1)] if heading.group(1) in DATASETS else []
        elif added:
            targets = [d for d in re.split(r",\s*|\s+and\s+", added.group(1)) if d in DATASETS]
        elif also:
            targets = [also.group(1)]
        for name, typ in re.findall(r"also get `(\w+)` \(([\w?]+)\)", line):
            found.setdefault(also.group(1), {})[name] = (typ, "")  # type: ignore[union-attr]
        cells = [c.strip() for c in line.strip().strip("|").split("|")] if line.startswith("|") else []
        if len(cells) < 3 or cells[0] in ("column", "---"):
            continue
        names, types = re.split(r",\s*", cells[0]), re.split(r",\s*", cells[1])
        for i, name in enumerate(names):
            for dataset in targets:
                found.setdefault(dataset, {})[name] = (types[i] if len(types) == len(names) else types[0], cells[2])
    return found


def _enum_values(meaning: str) -> list[str]:
    """"what: a, b (why), c — note" → [a, b, c]: the leading word of each item, asides removed."""
    while re.search(r"\([^()]*\)", meaning):
        meaning = re.sub(r"\([^()]*\)", "", meaning)
    listed = meaning.split(" — ")[0].split(": ")[-1]
    return [item.split()[0] for item in listed.split(",") if item.strip()]


_MARKDOWN_TYPES = {
    "string": ColumnType.STRING,
    "int": ColumnType.INTEGER,
    "float": ColumnType.NUMBER,
    "bool": ColumnType.BOOLEAN,
    "enum": ColumnType.STRING,
}


def test_every_column_of_the_markdown_contract_is_in_the_module():
    if not CONTRACT_MD.exists():
        pytest.skip(f"{CONTRACT_MD} is absent: the markdown contract lives in ../shared beside the project")
    documented = _markdown_columns(CONTRACT_MD.read_text(encoding="utf-8"))
    assert set(documented) == set(DATASETS)
    for dataset, named in documented.items():
        module: dict[str, Column] = {c.name: c for c in columns(dataset)}
        added = {c.name for c in columns(dataset) if c.added}
        assert set(named) == set(module) - added, dataset  # nothing renamed or dropped
        assert not added & set(named), dataset  # a column the contract has is not the project's addition
        for name, (typ, meaning) in named.items():
            column = module[name]
            assert column.type == _MARKDOWN_TYPES[typ.rstrip("?")], (dataset, name)
            assert column.nullable == typ.endswith("?"), (dataset, name)
            if typ.startswith("enum"):
                assert list(column.enum or ()) == _enum_values(meaning), (dataset, name)
            else:
                assert column.enum is None, (dataset, name)


# -- stage boundaries -----------------------------------------------------------------------


def _imports(path: Path, package: str) -> set[str]:
    """Every module a file imports, relative imports resolved against its package."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom):
            base = package.split(".")[: len(package.split(".")) - node.level + 1] if node.level else []
            module = ".".join([*base, node.module or ""]).strip(".")
            found |= {module} | {f"{module}.{alias.name}" for alias in node.names}
    return found


def test_validate_never_imports_publish():
    files = sorted((ROOT / "pipeline" / "validate").rglob("*.py"))
    assert files
    for path in files:
        leaking = {
            m
            for m in _imports(path, "pipeline.validate")
            if m == "pipeline.publish" or m.startswith("pipeline.publish.")
        }
        assert not leaking, f"{path.relative_to(ROOT)} imports {sorted(leaking)}: validation returns, publish writes"


def test_the_contract_depends_on_no_stage():
    for path in (ROOT / "pipeline" / "contract").glob("*.py"):
        imported = {m for m in _imports(path, "pipeline.contract") if m.startswith("pipeline")}
        assert imported <= {"pipeline.contract.enums"} | {f"pipeline.contract.enums.{n}" for n in dir(enums)}, path


def test_the_data_dictionary_in_docs_is_generated_from_the_contract():
    from pipeline.publish.dictionary import data_dictionary

    shipped = (ROOT / "docs" / "datasets.md").read_text(encoding="utf-8")
    assert shipped == data_dictionary(), "docs/datasets.md is out of date: run `make docs`"
    assert all(f"## {dataset}" in shipped for dataset in DATASETS)


def test_an_amount_is_marked_by_the_worst_finding_that_names_it():
    from pipeline.validate.frames import typed_frame
    from pipeline.validate.results import Finding
    from pipeline.validate.status import with_status

    rows = [AmountRow(doc_id="d", amount_id=f"d-a{i}", source="table", row_label="Summa", value=1.0, page=1,
                      rule="table") for i in range(4)]
    findings = [Finding("d", "amounts", "column_sum", "warning", "rounding", row_id="d-a1"),
                Finding("d", "amounts", "column_sum", "warning", "rounding", row_id="d-a2"),
                Finding("d", "amounts", "column_sum", "source_inconsistency", "does not add up", row_id="d-a2"),
                Finding("e", "amounts", "column_sum", "source_inconsistency", "other document", row_id="d-a3"),
                Finding("d", "goals", "text_long", "warning", "another dataset", row_id="d-a3")]
    marked = with_status(typed_frame("amounts", rows), findings)
    assert list(marked["validation_status"]) == ["ok", "warning", "source_inconsistency", "ok"]
