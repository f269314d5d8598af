"""great-expectations suites per dataset, built from the contract, run as one Checkpoint.

The column, type, null, enum and key expectations are derived from pipeline/contract.py
(a field typed `X | None` may be null, any other may not), so the contract is stated once.
Each expectation carries in its `meta` the check name and the severity of a failure; a
failing row-level expectation names the rows, which is what quarantine needs.

All datasets of a batch are validated in one Checkpoint run (GX is slow to start; one run
per document would dominate a batch). The context is ephemeral and analytics stay off.
GX can only build its Data Docs site into a directory, so it builds it into a private
temporary one and the pages are returned as bytes: validation writes nothing, and publish
places the pages under processed/reports/ beside the rest of the outputs it writes.
"""
from __future__ import annotations

import html
import os
import re
import tempfile
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING

import pandas as pd

from pipeline.contract import DATASETS, ColumnType, columns, primary_key
from pipeline.settings import Settings
from pipeline.validate.checks import OK, OUTCOMES, PASSING
from pipeline.validate.frames import numeric, with_texts
from pipeline.validate.results import EXTRACTION_ERROR, SOURCE_INCONSISTENCY, WARNING, Finding
from pipeline.validate.units import money_factors

if TYPE_CHECKING:
    from great_expectations import ExpectationSuite

CHECK_SUITES = ("crossfoot", "units")
NUMBER_SUFFIX = "__number"
DOC_PAGES = "_doc_pages"
VALUE_SEK_ERROR = "_value_sek_error"

_TYPE_NAMES = {
    ColumnType.STRING: ["str"],
    ColumnType.INTEGER: ["int"],
    ColumnType.NUMBER: ["float", "int"],
    ColumnType.BOOLEAN: ["bool"],
}
_NUMERIC = (ColumnType.INTEGER, ColumnType.NUMBER)


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


def staging_frames(raw: dict[str, pd.DataFrame], settings: Settings) -> dict[str, pd.DataFrame]:
    """Raw frames plus the derived columns range checks compare (numbers, page counts).

    Derived columns leave the extracted columns untouched: the type expectations see a
    text where a number belongs, the range expectations see only real numbers.
    """
    pages = dict(zip(raw["documents"]["doc_id"], numeric(raw["documents"]["pages"])))
    factors = settings.derived(money_factors)
    staged = {}
    for name in DATASETS:
        df = raw[name].copy()
        for column in columns(name):
            if column.type in _NUMERIC:
                df[column.name + NUMBER_SUFFIX] = numeric(df[column.name])
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
    expected = value * factors[unit]
    return abs(value_sek - expected) / max(1.0, abs(expected))


def build_suites(gx, settings: Settings) -> dict[str, ExpectationSuite]:
    """Suite name → ExpectationSuite: one per dataset, plus the arithmetic and unit checks."""
    suites = {name: _dataset_suite(gx, name, settings) for name in DATASETS}
    for name in CHECK_SUITES:
        suite = gx.ExpectationSuite(name=name)
        passing = PASSING if name == "crossfoot" else (OK,)
        suite.add_expectation(
            _rule(
                gx.expectations.ExpectColumnValuesToBeInSet(column="outcome", value_set=list(OUTCOMES)),
                "outcome_known",
                EXTRACTION_ERROR,
            )
        )
        suite.add_expectation(
            _rule(
                gx.expectations.ExpectColumnValuesToBeInSet(column="outcome", value_set=list(passing)),
                name,
                SOURCE_INCONSISTENCY,
            )
        )
        suites[name] = suite
    return suites


def _dataset_suite(gx, name: str, settings: Settings):
    """The contract's expectations for every column and the key, then the dataset's ranges and texts."""
    gxe = gx.expectations
    suite = gx.ExpectationSuite(name=name)
    found = [*_contract_expectations(gxe, name), *_range_expectations(gxe, name, settings),
             *_text_expectations(gxe, name, settings)]
    if name == "amounts":
        found += [
            _between(gxe, "year" + NUMBER_SUFFIX, "range:year", *settings.amounts.tables.year_range),
            _between(gxe, VALUE_SEK_ERROR, "value_sek", 0, 1e-6),
        ]
    for expectation in found:
        suite.add_expectation(expectation)
    return suite


def _contract_expectations(gxe, name: str) -> list:
    """Column present, of its type, not null unless optional, in its enum; the key unique."""
    found = []
    for column in columns(name):
        found.append(_rule(gxe.ExpectColumnToExist(column=column.name), f"column:{column.name}", EXTRACTION_ERROR))
        found.append(
            _rule(
                gxe.ExpectColumnValuesToBeInTypeList(column=column.name, type_list=_TYPE_NAMES[column.type]),
                f"type:{column.name}",
                EXTRACTION_ERROR,
            )
        )
        if not column.nullable:
            found.append(
                _rule(
                    gxe.ExpectColumnValuesToNotBeNull(column=column.name), f"not_null:{column.name}", EXTRACTION_ERROR
                )
            )
        if column.enum:
            found.append(
                _rule(
                    gxe.ExpectColumnValuesToBeInSet(column=column.name, value_set=list(column.enum)),
                    f"enum:{column.name}",
                    EXTRACTION_ERROR,
                )
            )
    keys = primary_key(name)
    unique = (
        gxe.ExpectColumnValuesToBeUnique(column=keys[0])
        if len(keys) == 1
        else gxe.ExpectCompoundColumnsToBeUnique(column_list=keys)
    )
    return [*found, _rule(unique, "unique_id", EXTRACTION_ERROR)]


def _range_expectations(gxe, name: str, settings: Settings) -> list:
    """Pages within the document, a document's years within the configured range, KPI ranks and scores."""
    years = settings.amounts.tables.year_range
    if name == "documents":
        return [
            _between(gxe, "pages" + NUMBER_SUFFIX, "range:pages", 0, settings.pipeline.ingest.max_pages),
            *(_between(gxe, c + NUMBER_SUFFIX, f"range:{c}", *years) for c in ("period_start", "period_end")),
            _not_before(gxe, "period_end" + NUMBER_SUFFIX, "period_start" + NUMBER_SUFFIX, "period_order"),
        ]
    if name == "indicator_kpi":
        return [
            _between(gxe, "rank" + NUMBER_SUFFIX, "range:rank", 1),
            _between(gxe, "score" + NUMBER_SUFFIX, "range:score", 0, 1),
        ]
    return [
        _between(gxe, "page" + NUMBER_SUFFIX, "page_range", 1),
        _not_before(gxe, DOC_PAGES, "page" + NUMBER_SUFFIX, "page_range"),
    ]


def _between(gxe, column: str, check: str, low: float, high: float | None = None):
    return _rule(
        gxe.ExpectColumnValuesToBeBetween(column=column, min_value=low, max_value=high), check, EXTRACTION_ERROR
    )


def _not_before(gxe, later: str, earlier: str, check: str):
    pair = gxe.ExpectColumnPairValuesAToBeGreaterThanB(
        column_A=later, column_B=earlier, or_equal=True, ignore_row_if="either_value_is_missing"
    )
    return _rule(pair, check, EXTRACTION_ERROR)


def _text_expectations(gxe, name: str, settings: Settings) -> list:
    """Free texts are never empty nor overlong, and (where configured) never page furniture."""
    rows = settings.validation.rows
    furniture = list(rows.furniture_patterns) + [
        f"(?i:{_non_capturing(p)})" for p in settings.layout.furniture.page_number_patterns
    ]
    found = []
    for column in rows.free_text.get(name, []):
        found.append(
            _rule(
                gxe.ExpectColumnValuesToMatchRegex(column=column, regex=r"\S"), f"text_empty:{column}", EXTRACTION_ERROR
            )
        )
        if name in rows.furniture_checked:
            found.append(
                _rule(
                    gxe.ExpectColumnValuesToNotMatchRegexList(column=column, regex_list=furniture),
                    f"furniture:{column}",
                    EXTRACTION_ERROR,
                )
            )
        found.append(
            _rule(
                gxe.ExpectColumnValueLengthsToBeBetween(column=column, max_value=rows.max_text_chars),
                f"text_long:{column}",
                WARNING,
            )
        )
    return found


def _non_capturing(pattern: str) -> str:
    """GX matches with pandas str.contains, which warns about capturing groups."""
    return re.sub(r"(?<!\\)\((?!\?)", "(?:", pattern)


def _rule(expectation, check: str, severity: str):
    expectation.meta = {"check": check, "severity": severity}
    return expectation


DataDocs = dict[PurePosixPath, bytes]  # a Data Docs site: path inside the site → file content


def run_checkpoint(frames: dict[str, pd.DataFrame],
                   settings: Settings) -> tuple[list[Finding], list[SuiteStats], DataDocs]:
    """Validate every frame against its suite in one Checkpoint; build the Data Docs site.

    Returns the row-level findings of the dataset suites (the check suites' findings are
    read from their frames), per-suite statistics, and the Data Docs pages as GX built them
    (in a temporary directory: publish decides where they go).
    """
    os.environ["GX_ANALYTICS_ENABLED"] = "False"
    import great_expectations as gx
    from great_expectations.data_context.types.base import ProgressBarsConfig

    context = gx.get_context(mode="ephemeral")
    context.variables.progress_bars = ProgressBarsConfig(globally=False)
    source = context.data_sources.add_pandas("extracted")
    with tempfile.TemporaryDirectory(prefix="validate-") as tmp:
        site = Path(tmp) / "data_docs"
        context.add_data_docs_site(
            site_name="reports",
            site_config={
                "class_name": "SiteBuilder",
                "store_backend": {"class_name": "TupleFilesystemStoreBackend", "base_directory": str(site)},
                "site_index_builder": {"class_name": "DefaultSiteIndexBuilder"},
            },
        )
        definitions = []
        for name, suite in build_suites(gx, settings).items():
            path = Path(tmp) / f"{name}.pkl"
            _html_escaped(frames[name]).to_pickle(path)
            batch = source.add_pickle_asset(name, filepath_or_buffer=path).add_batch_definition_whole_dataframe(name)
            definition = gx.ValidationDefinition(name=name, data=batch, suite=context.suites.add(suite))
            definitions.append(context.validation_definitions.add(definition))
        checkpoint = context.checkpoints.add(
            gx.Checkpoint(
                name="kommunbudget",
                validation_definitions=definitions,
                result_format={"result_format": "COMPLETE"},
            )
        )
        result = checkpoint.run()
        context.build_data_docs(site_names=["reports"])  # once, not once per suite as the action would
        files = [p for p in sorted(site.rglob("*")) if p.is_file()]
        docs = {PurePosixPath(p.relative_to(site).as_posix()): p.read_bytes() for p in files}
    findings: list[Finding] = []
    stats: list[SuiteStats] = []
    for run in result.run_results.values():
        name = run.suite_name
        evaluated, successful = run.statistics["evaluated_expectations"], run.statistics["successful_expectations"]
        stats.append(SuiteStats(name, evaluated, successful, len(frames[name])))
        if name in DATASETS:
            for outcome in run.results:
                if not outcome.success:
                    findings += _findings(name, frames[name], outcome)
    return findings, stats, docs


def _html_escaped(df: pd.DataFrame) -> pd.DataFrame:
    """The frame GX validates and renders: the Data Docs show failing values unescaped, so a
    text from a PDF ("<script>…") would run in the reader's browser. GX gets every text
    HTML-escaped (its checks of presence, furniture and length are unchanged by that); the
    findings are read from the frame as extracted, by row index."""
    return with_texts(df, lambda text: html.escape(text, quote=False))


def _findings(dataset: str, df: pd.DataFrame, outcome) -> list[Finding]:
    """One finding per unexpected row of a failed expectation (one for the dataset if none)."""
    meta = outcome.expectation_config.meta or {}
    check, severity = meta.get("check", outcome.expectation_config.type), meta.get("severity", EXTRACTION_ERROR)
    if outcome.exception_info.get("raised_exception"):
        message = f"{check} could not be evaluated: {outcome.exception_info.get('exception_message')}"
        return [Finding(doc_id=None, dataset=dataset, check=check, severity=severity, message=message)]
    indexes = outcome.result.get("unexpected_index_list")
    if not indexes:
        return [
            Finding(
                doc_id=None,
                dataset=dataset,
                check=check,
                severity=severity,
                message=f"{check} failed: {outcome.result}",
            )
        ]
    kwargs = outcome.expectation_config.kwargs
    involved = [kwargs[k] for k in ("column", "column_A", "column_B") if k in kwargs] + list(
        kwargs.get("column_list") or []
    )
    found = []
    for index in indexes:
        rec = df.loc[index]
        shown = ", ".join(_show(c, rec) for c in involved)
        page = rec.get("page" + NUMBER_SUFFIX)
        row_id = _row_id(dataset, rec)
        found.append(
            Finding(
                doc_id=rec["doc_id"], dataset=dataset, check=check, severity=severity,
                message=f"{dataset} row {row_id!r}: {check} failed ({shown})", row=int(index), row_id=row_id,
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


def _row_id(dataset: str, rec: pd.Series) -> str | None:
    """The row's key within its document (the doc_id for a document), as findings name rows."""
    keys = primary_key(dataset)
    values = [_text(rec[k]) for k in keys[1:] or keys]
    return None if None in values else "/".join(values)  # type: ignore[arg-type]


def _text(value: object) -> str | None:
    return None if value is None or (isinstance(value, float) and pd.isna(value)) else str(value)
