"""Validation over the real corpus: the source inconsistencies the gold notes list, counts."""
from __future__ import annotations

from dataclasses import replace

import pandas as pd
import pytest

from pipeline.batch import RunOptions, run_batch
from pipeline.runner import read_interim
from pipeline.validate import validate
from pipeline.validate.results import EXTRACTION_ERROR, SOURCE_INCONSISTENCY, WARNING
from tests.settings_helpers import SETTINGS

DRAFT = "Simrishamn_KFN_arsbokslut_2025_draft-2026-01-30.pdf"
FINAL = "Simrishamn_KFN_arsbokslut_2025.pdf"
ALINGSAS = "alingsas_budget_2021-2023.pdf"


@pytest.fixture(scope="module")
def corpus_run(corpus_dir, tmp_path_factory):
    out = tmp_path_factory.mktemp("corpus")
    _, report = run_batch([corpus_dir], out, SETTINGS, RunOptions(workers=2), log=lambda _: None)
    return out, report, pd.read_csv(out / "validation_results.csv")


def _finding(results: pd.DataFrame, source_file: str, row_label: str, column_label: str, check: str) -> pd.Series:
    """The result of one check on one printed figure (the extractor must deliver the table)."""
    rows = results[(results["source_file"] == source_file) & (results["row_label"] == row_label)
                   & (results["column_label"] == column_label) & (results["check"] == check)]
    if rows.empty:
        pytest.fail(f"no {check} result for {row_label!r} / {column_label!r} in {source_file}: "
                    "the amounts extractor no longer delivers that table")
    assert len(rows) == 1
    return rows.iloc[0]


def test_counts_reconcile_for_every_corpus_document(corpus_run, corpus_dir):
    _, report, _ = corpus_run
    validation = report["validation"]
    assert set(validation["documents"]) == {p.name for p in corpus_dir.glob("*.pdf")}
    for name, doc in validation["documents"].items():
        assert doc["reconciles"], name
        for dataset in ("goals", "indicators", "measures", "amounts"):
            counts = doc[dataset]
            assert counts["extracted"] == counts["published"] + counts["quarantined"], (name, dataset)


def test_draft_summa_totalt_is_a_source_inconsistency(corpus_run):
    _, _, results = corpus_run
    found = _finding(results, DRAFT, "Summa totalt", "Utfall 2025", "column_sum")
    assert found["severity"] == SOURCE_INCONSISTENCY
    assert (found["page"], found["found"], found["expected"], found["difference"]) == (33, -62079, -62051, -28)
    remaining = _finding(results, DRAFT, "Summa totalt", "Återstår", "deviation")
    assert remaining["severity"] == SOURCE_INCONSISTENCY and abs(remaining["difference"]) == 30


def test_a_figure_that_does_not_add_up_says_so_in_the_amounts_dataset(corpus_run):
    out, _, results = corpus_run
    amounts = pd.read_csv(out / "amounts.csv", dtype={"amount_id": str})
    assert amounts["validation_status"].notna().all()
    status = amounts.set_index("amount_id")["validation_status"]
    named = results[results["dataset"] == "amounts"].dropna(subset=["row_id"])
    total = _finding(results, DRAFT, "Summa totalt", "Utfall 2025", "column_sum")
    assert status[total["row_id"]] == SOURCE_INCONSISTENCY  # kept as printed, marked on the row
    assert status[~status.index.isin(named["row_id"])].eq("ok").all()
    assert set(status[status.index.isin(named["row_id"])]) <= {SOURCE_INCONSISTENCY, WARNING}


def test_final_summa_totalt_is_within_rounding(corpus_run):
    _, _, results = corpus_run
    found = _finding(results, FINAL, "Summa totalt", "Utfall 2025", "column_sum")
    assert found["severity"] == WARNING and (found["found"], found["expected"]) == (-62049, -62051)
    final = results[(results["source_file"] == FINAL) & (results["page"] == 33)]
    assert not (final["severity"] == SOURCE_INCONSISTENCY).any()


def test_draft_bidrag_totals_from_the_gold_notes(corpus_run):
    _, _, results = corpus_run
    for column, printed, rows in (
        ("Bokslut 2024", -1539, -1559),
        ("Bokslut 2025", -1539, -1565),
        ("Antal 2023", 38, 39),
    ):
        found = _finding(results, DRAFT, "Totalt", column, "column_sum")
        assert found["severity"] == SOURCE_INCONSISTENCY and (found["found"], found["expected"]) == (printed, rows)


def test_investment_accumulated_outcome_from_the_gold_notes(corpus_run):
    _, _, results = corpus_run
    for name in (DRAFT, FINAL):
        found = _finding(results, name, "Summa investeringsprojekt", "Ack. Utfall", "column_sum")
        assert found["severity"] == SOURCE_INCONSISTENCY and found["difference"] == pytest.approx(0.003)


def test_alingsas_resultatbudget_unit_is_flagged(corpus_run):
    _, _, results = corpus_run
    flagged = results[(results["source_file"] == ALINGSAS) & (results["check"] == "unit_scale")]
    assert "Resultatbudget" in set(flagged["table_title"])
    assert (flagged["severity"] == SOURCE_INCONSISTENCY).all() and flagged["message"].str.contains("tkr").all()


def test_corrupting_a_real_extracted_table(corpus_run):
    out, _, _ = corpus_run
    interim = [read_interim(out / "interim", p.parent.name) for p in (out / "interim").glob("*/extracted.json")]
    extraction = next(x for x, _ in interim if x.document.source_file == FINAL)
    table = [i for i, a in enumerate(extraction.amounts) if a.source == "table"]
    assert len(table) >= 2, "the Simrishamn report's tables must be extracted"
    amounts = list(extraction.amounts)
    dropped, texted = amounts[table[0]], amounts[table[1]]
    amounts[table[0]] = replace(dropped, value=None)
    amounts[table[1]] = replace(texted, value="1 2o4")
    outcome = validate([replace(extraction, amounts=amounts)], SETTINGS)
    errors = outcome.results[outcome.results["severity"] == EXTRACTION_ERROR]
    assert {dropped.amount_id, texted.amount_id} <= set(errors["row_id"])
    assert set(outcome.quarantined["amounts"]["amount_id"]) == {dropped.amount_id, texted.amount_id}
    assert not outcome.published["amounts"]["amount_id"].isin([dropped.amount_id, texted.amount_id]).any()
    assert outcome.published["documents"]["status"].tolist() == ["partial"]
    assert outcome.counts["reconciles"].all()


def test_every_corpus_amount_points_at_its_place_on_the_page(corpus_run):
    """Table amounts name their table (in interim tables.json), row and column; every amount
    has a box inside its page and the rule that read it."""
    import json

    out, _, _ = corpus_run
    amounts = pd.read_csv(out / "amounts.csv", keep_default_na=False, na_values=[""])
    assert not amounts.empty and (amounts["rule"].str.len() > 0).all()
    table = amounts[amounts["source"] == "table"]
    assert (table["rule"] == "table").all()
    assert amounts.loc[amounts["source"] == "text", "rule"].str.startswith("text:").all()
    assert table[["table_id", "row_index", "col_index"]].notna().all().all()
    for doc_id, rows in amounts.groupby("doc_id"):
        folder = out / "interim" / doc_id
        pages = {p["number"]: p for p in json.loads((folder / "layout.json").read_text(encoding="utf-8"))["pages"]}
        ids = {t["table_id"] for t in json.loads((folder / "tables.json").read_text(encoding="utf-8"))}
        assert set(rows.loc[rows["source"] == "table", "table_id"]) <= ids, doc_id
        for r in rows.itertuples():
            page = pages[r.page]
            assert 0 <= r.x0 < r.x1 <= page["width"] and 0 <= r.top < r.bottom <= page["height"], (doc_id, r.amount_id)


@pytest.mark.parametrize("dataset", ["goals", "indicators", "measures", "amounts"])
def test_every_published_row_names_the_rule_that_made_it(corpus_run, dataset):
    """`rule` is non-null in the contract: every row of the corpus run names its rule."""
    out, _, _ = corpus_run
    rows = pd.read_csv(out / f"{dataset}.csv", keep_default_na=False, na_values=[""])
    assert not rows.empty and rows["rule"].notna().all() and (rows["rule"].str.strip().str.len() > 0).all()


def test_no_measure_links_to_a_goal_of_another_kind_or_document(corpus_run):
    """Over the whole corpus output: a measure (an uppdrag, an åtgärd) carries out a political
    or operational goal of its own document, never a financial goal (a goal for the result or
    the soliditet, which a later chapter's uppdrag used to inherit as the last goal read)."""
    out, _, _ = corpus_run
    goals = pd.read_csv(out / "goals.csv", dtype=str).set_index("goal_id")
    measures = pd.read_csv(out / "measures.csv", dtype=str).dropna(subset=["goal_id"])
    assert len(measures) >= 50
    linked = goals.loc[measures["goal_id"]]
    assert (linked["doc_id"].to_numpy() == measures["doc_id"].to_numpy()).all()
    assert set(linked["kind"]) <= {"political", "operational"}, measures[linked["kind"].to_numpy() == "financial"]
