"""great-expectations suites per dataset, built from the contract, run as one Checkpoint.

Every expectation is derived from publish/schema.py (columns, types, enums, keys) plus the
row dataclasses' optional fields (a field typed `X | None` may be null, any other may not),
so the contract is stated once. Each expectation carries in its `meta` the check name and
the severity of a failure; a failing row-level expectation names the rows, which is what
quarantine needs.

All datasets of a batch are validated in one Checkpoint run (GX is slow to start; one run
per document would dominate a batch). The context is ephemeral: nothing but the Data Docs
site is written, and analytics stay off.
"""
from __future__ import annotations

import os
import re
import tempfile
from dataclasses import dataclass, fields
from pathlib import Path

import pandas as pd
import pyarrow as pa

from pipeline.publish.schema import COLUMNS, DATASETS, ENUMS, PRIMARY_KEYS, ROW_TYPES
from pipeline.settings import Settings
from pipeline.validate.checks import OK, OUTCOMES, PASSING
from pipeline.validate.frames import numeric
from pipeline.validate.results import EXTRACTION_ERROR, SOURCE_INCONSISTENCY, WARNING, Finding
from pipeline.validate.units import money_factors

CHECK_SUITES = ("crossfoot", "units")
NUMBER_SUFFIX = "__number"
DOC_PAGES = "_doc_pages"
VALUE_SEK_ERROR = "_value_sek_error"

_TYPE_NAMES = {"string": ["str"], "int64": ["int"], "double": ["float", "int"], "bool": ["bool"]}


@dataclass(frozen=True)
class SuiteStats:
    """What Data Docs show per suite, for the project's own summary page."""

    suite: str
    evaluated: int
    successful: int
    rows: int

    @property
    def success(self) -> bool:
        return self.evaluated == self.successful


def nullable(dataset: str) -> set[str]:
    """Columns the contract allows to be null: fields typed `X | None` in model.py."""
    return {f.name for f in fields(ROW_TYPES[dataset]) if "None" in str(f.type)}


def staging_frames(raw: dict[str, pd.DataFrame], settings: Settings) -> dict[str, pd.DataFrame]:
    """Raw frames plus the derived columns range checks compare (numbers, page counts).

    Derived columns leave the extracted columns untouched: the type expectations see a
    text where a number belongs, the range expectations see only real numbers.
    """
    pages = dict(zip(raw["documents"]["doc_id"], numeric(raw["documents"]["pages"])))
    factors = money_factors(settings)
    staged = {}
    for name in DATASETS:
        df = raw[name].copy()
        for column, typ in COLUMNS[name]:
            if pa.types.is_integer(typ) or pa.types.is_floating(typ):
                df[column + NUMBER_SUFFIX] = numeric(df[column])
        if name != "documents":
            df[DOC_PAGES] = df["doc_id"].map(pages).astype(float)
        if name == "amounts":
            df[VALUE_SEK_ERROR] = [
                _value_sek_error(v, u, s, factors)
                for v, u, s in zip(df["value" + NUMBER_SUFFIX], df["unit"], df["value_sek" + NUMBER_SUFFIX])
            ]
        staged[name] = df
    return staged


def _value_sek_error(value: float, unit: object, value_sek: float, factors: dict[str, float]) -> float:
    """Relative error of value_sek against value × unit factor (1.0: present/absent wrongly)."""
    if pd.isna(value):
        return float("nan")
    if unit not in factors:
        return float("nan") if pd.isna(value_sek) else 1.0
    if pd.isna(value_sek):
        return 1.0
    expected = value * factors[unit]  # type: ignore[index]
    return abs(value_sek - expected) / max(1.0, abs(expected))


def build_suites(gx, settings: Settings) -> dict[str, object]:
    """Suite name → ExpectationSuite: one per dataset, plus the arithmetic and unit checks."""
    suites = {name: _dataset_suite(gx, name, settings) for name in DATASETS}
    for name in CHECK_SUITES:
        suite = gx.ExpectationSuite(name=name)
        passing = PASSING if name == "crossfoot" else (OK,)
        suite.add_expectation(_rule(gx.expectations.ExpectColumnValuesToBeInSet(column="outcome", value_set=list(OUTCOMES)), "outcome_known", EXTRACTION_ERROR))
        suite.add_expectation(_rule(gx.expectations.ExpectColumnValuesToBeInSet(column="outcome", value_set=list(passing)), name, SOURCE_INCONSISTENCY))
        suites[name] = suite
    return suites


def _dataset_suite(gx, name: str, settings: Settings):
    gxe = gx.expectations
    years = settings.amounts.tables.year_range
    suite = gx.ExpectationSuite(name=name)
    add = suite.add_expectation
    optional = nullable(name)
    for column, typ in COLUMNS[name]:
        add(_rule(gxe.ExpectColumnToExist(column=column), f"column:{column}", EXTRACTION_ERROR))
        type_names = _TYPE_NAMES[str(typ)]
        add(_rule(gxe.ExpectColumnValuesToBeInTypeList(column=column, type_list=type_names), f"type:{column}", EXTRACTION_ERROR))
        if column not in optional:
            add(_rule(gxe.ExpectColumnValuesToNotBeNull(column=column), f"not_null:{column}", EXTRACTION_ERROR))
        if column in ENUMS[name]:
            add(_rule(gxe.ExpectColumnValuesToBeInSet(column=column, value_set=list(ENUMS[name][column])), f"enum:{column}", EXTRACTION_ERROR))
    keys = list(PRIMARY_KEYS[name])
    unique = gxe.ExpectColumnValuesToBeUnique(column=keys[0]) if len(keys) == 1 else gxe.ExpectCompoundColumnsToBeUnique(column_list=keys)
    add(_rule(unique, "unique_id", EXTRACTION_ERROR))
    if name == "documents":
        add(_rule(gxe.ExpectColumnValuesToBeBetween(column="pages" + NUMBER_SUFFIX, min_value=0, max_value=settings.pipeline.ingest.max_pages), "range:pages", EXTRACTION_ERROR))
        for column in ("period_start", "period_end"):
            add(_rule(gxe.ExpectColumnValuesToBeBetween(column=column + NUMBER_SUFFIX, min_value=years[0], max_value=years[1]), f"range:{column}", EXTRACTION_ERROR))
        add(_rule(gxe.ExpectColumnPairValuesAToBeGreaterThanB(column_A="period_end" + NUMBER_SUFFIX, column_B="period_start" + NUMBER_SUFFIX, or_equal=True, ignore_row_if="either_value_is_missing"), "period_order", EXTRACTION_ERROR))
        return suite
    add(_rule(gxe.ExpectColumnValuesToBeBetween(column="page" + NUMBER_SUFFIX, min_value=1), "page_range", EXTRACTION_ERROR))
    add(_rule(gxe.ExpectColumnPairValuesAToBeGreaterThanB(column_A=DOC_PAGES, column_B="page" + NUMBER_SUFFIX, or_equal=True, ignore_row_if="either_value_is_missing"), "page_range", EXTRACTION_ERROR))
    rows = settings.validation.rows
    furniture = list(rows.furniture_patterns) + [
        f"(?i:{_non_capturing(p)})" for p in settings.layout.furniture.page_number_patterns
    ]
    for column in rows.free_text.get(name, []):
        add(_rule(gxe.ExpectColumnValuesToMatchRegex(column=column, regex=r"\S"), f"text_empty:{column}", EXTRACTION_ERROR))
        if name in rows.furniture_checked:
            add(_rule(gxe.ExpectColumnValuesToNotMatchRegexList(column=column, regex_list=furniture), f"furniture:{column}", EXTRACTION_ERROR))
        add(_rule(gxe.ExpectColumnValueLengthsToBeBetween(column=column, max_value=rows.max_text_chars), f"text_long:{column}", WARNING))
    if name == "amounts":
        add(_rule(gxe.ExpectColumnValuesToBeBetween(column="year" + NUMBER_SUFFIX, min_value=years[0], max_value=years[1]), "range:year", EXTRACTION_ERROR))
        add(_rule(gxe.ExpectColumnValuesToBeBetween(column=VALUE_SEK_ERROR, min_value=0, max_value=1e-6), "value_sek", EXTRACTION_ERROR))
    return suite


def _non_capturing(pattern: str) -> str:
    """GX matches with pandas str.contains, which warns about capturing groups."""
    return re.sub(r"(?<!\\)\((?!\?)", "(?:", pattern)


def _rule(expectation, check: str, severity: str):
    expectation.meta = {"check": check, "severity": severity}
    return expectation


def run_checkpoint(frames: dict[str, pd.DataFrame], docs_dir: Path,
                   settings: Settings) -> tuple[list[Finding], list[SuiteStats]]:
    """Validate every frame against its suite in one Checkpoint; build Data Docs offline.

    Returns the row-level findings of the dataset suites (the check suites' findings are
    read from their frames) and per-suite statistics.
    """
    os.environ["GX_ANALYTICS_ENABLED"] = "False"
    import great_expectations as gx
    from great_expectations.data_context.types.base import ProgressBarsConfig

    context = gx.get_context(mode="ephemeral")
    context.variables.progress_bars = ProgressBarsConfig(globally=False)
    context.add_data_docs_site(
        site_name="reports",
        site_config={
            "class_name": "SiteBuilder",
            "store_backend": {"class_name": "TupleFilesystemStoreBackend", "base_directory": str(docs_dir.resolve())},
            "site_index_builder": {"class_name": "DefaultSiteIndexBuilder"},
        },
    )
    source = context.data_sources.add_pandas("extracted")
    with tempfile.TemporaryDirectory(prefix="validate-") as tmp:
        definitions = []
        for name, suite in build_suites(gx, settings).items():
            path = Path(tmp) / f"{name}.pkl"
            frames[name].to_pickle(path)
            batch = source.add_pickle_asset(name, filepath_or_buffer=path).add_batch_definition_whole_dataframe(name)
            definitions.append(context.validation_definitions.add(gx.ValidationDefinition(name=name, data=batch, suite=context.suites.add(suite))))
        checkpoint = context.checkpoints.add(
            gx.Checkpoint(
                name="kommunbudget",
                validation_definitions=definitions,
                result_format={"result_format": "COMPLETE"},
            )
        )
        result = checkpoint.run()
    context.build_data_docs(site_names=["reports"])  # once, not once per suite as the action would
    findings: list[Finding] = []
    stats: list[SuiteStats] = []
    for run in result.run_results.values():
        name = run.suite_name
        stats.append(SuiteStats(name, run.statistics["evaluated_expectations"], run.statistics["successful_expectations"], len(frames[name])))
        if name in DATASETS:
            for outcome in run.results:
                if not outcome.success:
                    findings += _findings(name, frames[name], outcome)
    return findings, stats


def _findings(dataset: str, df: pd.DataFrame, outcome) -> list[Finding]:
    """One finding per unexpected row of a failed expectation (one for the dataset if none)."""
    meta = outcome.expectation_config.meta or {}
    check, severity = meta.get("check", outcome.expectation_config.type), meta.get("severity", EXTRACTION_ERROR)
    key = PRIMARY_KEYS[dataset][-1]
    if outcome.exception_info.get("raised_exception"):
        message = f"{check} could not be evaluated: {outcome.exception_info.get('exception_message')}"
        return [Finding(doc_id=None, dataset=dataset, check=check, severity=severity, message=message)]
    indexes = outcome.result.get("unexpected_index_list")
    if not indexes:
        return [Finding(doc_id=None, dataset=dataset, check=check, severity=severity, message=f"{check} failed: {outcome.result}")]
    kwargs = outcome.expectation_config.kwargs
    columns = [kwargs[k] for k in ("column", "column_A", "column_B") if k in kwargs] + list(kwargs.get("column_list") or [])
    found = []
    for index in indexes:
        rec = df.loc[index]
        shown = ", ".join(_show(c, rec) for c in columns)
        page = rec.get("page" + NUMBER_SUFFIX)
        found.append(
            Finding(
                doc_id=rec["doc_id"], dataset=dataset, check=check, severity=severity,
                message=f"{dataset} row {rec[key]!r}: {check} failed ({shown})", row=int(index), row_id=_text(rec[key]),
                page=None if page is None or pd.isna(page) else int(page),
                table_title=_text(rec.get("table_title")), row_label=_text(rec.get("row_label")),
                column_label=_text(rec.get("column_label")),
            )
        )
    return found


def _show(column: str, rec: pd.Series) -> str:
    """A failing value as extracted (derived columns shown as what they derive from)."""
    if column == DOC_PAGES:
        return f"document pages = {rec[column]:g}"
    original = column.removesuffix(NUMBER_SUFFIX)
    value = rec[original] if original in rec.index else rec[column]
    return f"{original} = {value!r}"


def _text(value: object) -> str | None:
    return None if value is None or (isinstance(value, float) and pd.isna(value)) else str(value)
