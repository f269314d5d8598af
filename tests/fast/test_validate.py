"""The validate stage end to end on constructed extractions: GX suites, quarantine, reports."""
from __future__ import annotations

import re
import shutil
import subprocess
from dataclasses import replace
from pathlib import Path

import pandas as pd
import pytest

from pipeline.model import DocumentRow, Extraction, GoalRow, MeasureRow
from pipeline.publish.validation import write_validation
from pipeline.validate import validate
from pipeline.validate.results import EXTRACTION_ERROR, SOURCE_INCONSISTENCY
from tests.fast.test_validate_crossfoot import ROWS, drift_table
from tests.settings_helpers import SETTINGS

CHROMIUM = Path("/usr/bin/chromium")
SUITES = ("documents", "goals", "indicators", "measures", "amounts", "indicator_kpi", "crossfoot", "units")


def _extraction(doc_id: str, summa_offset: float) -> Extraction:
    table = drift_table(sum(r[2] for r in ROWS) + summa_offset)
    amounts = [replace(r, doc_id=doc_id, amount_id=f"{doc_id}-a{i}") for i, r in enumerate(table.rows)]
    document = DocumentRow(doc_id=doc_id, source_file=f"{doc_id}.pdf", pages=40, status="ok", pipeline_version="test")
    goals = [GoalRow(doc_id, f"{doc_id}-g1", "political", "Alla barn ska ha en trygg uppväxt", 5, rule="test")]
    measures = [MeasureRow(doc_id, f"{doc_id}-m1", "Bygga ut fritidsgårdarna", 6, rule="test")]
    return Extraction(document=document, goals=goals, measures=measures, amounts=amounts)


def _corrupted(extraction: Extraction) -> Extraction:
    """Drop one cell of the table, put a text in another, and add impossible rows."""
    amounts = list(extraction.amounts)
    amounts[1] = replace(amounts[1], value=None, value_sek=None)  # a dropped cell
    amounts[4] = replace(amounts[4], value="6 2x9", value_sek=None)  # text in a value
    goals = [*extraction.goals, GoalRow(extraction.document.doc_id, "bad-g2", "vision", "Sida 4", 99, rule="test")]
    return replace(extraction, amounts=amounts, goals=goals)


@pytest.fixture(scope="module")
def run(tmp_path_factory):
    out = tmp_path_factory.mktemp("validated")
    clean = _extraction("clean0000000000a", 0)
    draft = _extraction("draft0000000000b", -28)
    broken = _corrupted(_extraction("broken000000000c", 0))
    outcome = validate([clean, draft, broken], SETTINGS)
    write_validation(out, outcome)
    return out, outcome, broken


def test_corrupted_table_rows_are_quarantined_not_published(run):
    out, outcome, broken = run
    dropped, texted = broken.amounts[1].amount_id, broken.amounts[4].amount_id
    errors = outcome.results[outcome.results["severity"] == EXTRACTION_ERROR]
    assert {"not_null:value", "type:value"} <= set(errors[errors["row_id"].isin([dropped, texted])]["check"])
    quarantined = pd.read_csv(out / "quarantine" / "amounts.csv", dtype=str)
    assert set(quarantined["amount_id"]) == {dropped, texted}
    assert quarantined.set_index("amount_id").loc[texted, "value"] == "6 2x9"  # as extracted
    assert "type:value" in quarantined.set_index("amount_id").loc[texted, "reasons"]
    published = outcome.published["amounts"]
    assert not published["amount_id"].isin([dropped, texted]).any()
    assert len(published) == 3 * len(broken.amounts) - 2


def test_bad_enum_page_and_furniture_are_extraction_errors(run):
    _, outcome, _ = run
    checks = set(outcome.results[outcome.results["row_id"] == "bad-g2"]["check"])
    assert {"enum:kind", "page_range", "furniture:title"} <= checks
    assert "bad-g2" in set(outcome.quarantined["goals"]["goal_id"])


def test_counts_reconcile_and_status(run):
    _, outcome, broken = run
    assert outcome.counts["reconciles"].all()
    status = dict(zip(outcome.published["documents"]["doc_id"], outcome.published["documents"]["status"]))
    assert status == {"clean0000000000a": "ok", "draft0000000000b": "ok", broken.document.doc_id: "partial"}
    summary = outcome.summary()
    assert summary["counts_reconcile"] and summary["documents"]["broken000000000c.pdf"]["amounts"]["quarantined"] == 2


def test_source_inconsistency_is_reported_not_quarantined(run):
    out, outcome, _ = run
    found = pd.read_parquet(out / "validation_results.parquet")
    si = found[(found["severity"] == SOURCE_INCONSISTENCY) & (found["doc_id"] == "draft0000000000b")]
    summa = si[si["row_label"] == "Summa totalt"]
    assert set(summa["check"]) == {"column_sum", "deviation"}
    row = summa[summa["check"] == "column_sum"].iloc[0]
    assert row["page"] == 33 and row["difference"] == -28 and row["source_file"] == "draft0000000000b.pdf"
    assert not found[(found["doc_id"] == "clean0000000000a") & (found["severity"] != "warning")].size
    assert outcome.quarantined["amounts"]["doc_id"].eq("broken000000000c").all()


def test_gx_suites_cover_every_dataset(run):
    _, outcome, _ = run
    stats = {s.suite: s for s in outcome.suites}
    assert set(stats) == set(SUITES)
    assert stats["amounts"].evaluated > 40 and not stats["amounts"].success
    assert stats["measures"].success and not stats["crossfoot"].success


def test_reports_are_offline(run):
    out, _, _ = run
    docs = out / "reports" / "data_docs"
    pages = list(docs.rglob("*.html"))
    assert (docs / "index.html").exists() and len(pages) >= 2 * len(SUITES)
    remote = re.compile(r"<(script|link)\b[^>]*(src|href)=[\"']https?://", re.IGNORECASE)
    assert not [p for p in pages if remote.search(p.read_text(encoding="utf-8"))]
    summary = (out / "reports" / "index.html").read_text(encoding="utf-8")
    assert "<script" not in summary and "Summa totalt" in summary and "draft0000000000b.pdf" in summary


@pytest.mark.skipif(not CHROMIUM.exists(), reason="/usr/bin/chromium is absent (.ci/run installs Debian's chromium)")
def test_data_docs_render_in_headless_chromium(run):
    out, _, _ = run
    for page, expected in ((out / "reports" / "data_docs" / "index.html", [f"expectations/{s}.html" for s in SUITES]),
                           (out / "reports" / "index.html", [f"data_docs/expectations/{s}.html" for s in SUITES])):
        dom = re.sub(r"<script\b.*?</script>", "", _dump_dom(page), flags=re.DOTALL)  # links, not script text
        assert all(re.search(rf"<a [^>]*href=\"{re.escape(link)}\"", dom) for link in expected), page


def _dump_dom(page: Path) -> str:
    done = subprocess.run(
        [str(CHROMIUM), "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-dev-shm-usage", f"--user-data-dir={page.parent / '.chromium'}", "--dump-dom", page.as_uri()],
        capture_output=True, text=True, timeout=120, check=True,
    )
    shutil.rmtree(page.parent / ".chromium", ignore_errors=True)
    return done.stdout


def test_quarantined_goal_leaves_its_indicators_published_without_the_link():
    from pipeline.model import IndicatorRow

    base = _extraction("links00000000000d", 0)
    bad_goal = GoalRow(base.document.doc_id, "links-g9", "vision", "Sida 4", 3, rule="test")  # bad enum → quarantined
    indicators = [IndicatorRow(base.document.doc_id, "links-i1", "Andel nöjda invånare ska öka", 3, goal_id="links-g9",
                               rule="test")]
    outcome = validate([replace(base, goals=[*base.goals, bad_goal], indicators=indicators)], SETTINGS)
    published = outcome.published["indicators"]
    assert list(published["indicator_id"]) == ["links-i1"] and published["goal_id"].isna().all()
    assert "links-g9" not in set(outcome.published["goals"]["goal_id"])
    assert (outcome.results["check"] == "goal_quarantined").any()


def test_unplaced_figures_are_reported():
    from pipeline.model import UnplacedFigure

    base = _extraction("unplaced0000000e", 0)
    stacked = UnplacedFigure(base.document.doc_id, 7, "(264)", "stacked", "Likviditet", "Finansiella mål")
    outcome = validate([replace(base, unplaced=[stacked])], SETTINGS)
    found = outcome.results[outcome.results["check"] == "unplaced_figure:stacked"]
    assert len(found) == 1 and found.iloc[0]["page"] == 7 and "(264)" in found.iloc[0]["message"]


def test_kpi_candidates_follow_their_quarantined_indicator():
    from pipeline.contract import IndicatorKpiRow
    from pipeline.model import IndicatorRow

    base = _extraction("kpis000000000000f", 0)
    doc = base.document.doc_id
    indicators = [IndicatorRow(doc, "kpis-i1", "Andel nöjda invånare ska öka", 3, unit="percent", rule="test"),
                  # bad enum → quarantined
                  IndicatorRow(doc, "kpis-i2", "Antal besök per invånare", 3, unit="furlongs", rule="test")]
    kpis = [IndicatorKpiRow(doc, i.indicator_id, 1, "N00001", "Nöjd medborgar-index", 0.8, "test") for i in indicators]
    outcome = validate([replace(base, indicators=indicators, indicator_kpi=kpis)], SETTINGS)
    assert list(outcome.published["indicator_kpi"]["indicator_id"]) == ["kpis-i1"]
    held = outcome.quarantined["indicator_kpi"]
    assert list(held["indicator_id"]) == ["kpis-i2"] and list(held["checks"]) == ["indicator_quarantined"]
    assert outcome.counts["reconciles"].all()


def test_a_unit_inferred_from_the_other_tables_is_one_warning_per_table(run):
    """A table that prints no unit and took the document's (unit_source "document") is
    published with its value_sek, and named once so a user can check it; a stated unit is not."""
    base = _extraction("inferred0000000f", 0)
    amounts = [replace(r, unit_source="document") for r in base.amounts]
    outcome = validate([replace(base, amounts=amounts)], SETTINGS)
    found = outcome.results[outcome.results["check"] == "unit_inferred"]
    assert len(found) == 1 and found.iloc[0]["severity"] == "warning"
    assert f"{len(amounts)} figures" in found.iloc[0]["message"] and found.iloc[0]["page"] == amounts[0].page
    assert len(outcome.published["amounts"]) == len(amounts)
    assert not (run[1].results["check"] == "unit_inferred").any()


def test_a_script_in_a_pdf_text_never_reaches_the_data_docs_as_markup(tmp_path):
    """A failing value is shown in the Data Docs: a title that holds markup must be shown as
    text there (escaped), while the finding keeps the text exactly as extracted."""
    base = _extraction("xss0000000000000", 0)
    script = "<script>document.title='pwned'</script><img src=x onerror=alert(1)>"
    title = script + " mål" * SETTINGS.validation.rows.max_text_chars  # overlong: a failing value GX renders
    hostile = GoalRow(base.document.doc_id, "xss-g2", "political", title, 5, rule="test")
    outcome = validate([replace(base, goals=[*base.goals, hostile])], SETTINGS)
    write_validation(tmp_path, outcome)
    pages = [p.read_text(encoding="utf-8") for p in (tmp_path / "reports" / "data_docs").rglob("*.html")]
    assert any("document.title=" in page for page in pages), "the overlong title is not shown at all"
    assert not any("<script>document.title" in page or "<img src=x" in page for page in pages)
    found = outcome.results[outcome.results["row_id"] == "xss-g2"]
    assert not found.empty and found["message"].str.contains("<script>document.title", regex=False).all()
