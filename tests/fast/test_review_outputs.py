"""Issue 14's outputs on a small validated set: review pages that escape what PDFs say, the
workbook's types, the Swedish-Excel CSV read back, figures formatted the Swedish way."""
from __future__ import annotations

import re
from dataclasses import replace

import openpyxl
import pandas as pd
import pytest

from pipeline.batch import publish
from pipeline.publish.formatting import GROUP, sv_number
from pipeline.publish.review import Sources
from pipeline.publish.writers import CSV_DIALECTS
from pipeline.validate import validate
from tests.fast.test_validate import _extraction
from tests.settings_helpers import SETTINGS

EVIL = "=HYPERLINK(\"http://x\")<script>alert(1)</script>"  # a formula and a script, as a PDF title


@pytest.fixture(scope="module")
def published(tmp_path_factory):
    base = _extraction("clean0000000000a", 0)
    doc = replace(base.document, title=EVIL, municipality_code="0180")
    out = tmp_path_factory.mktemp("review")
    publish(out, [replace(base, document=doc)], SETTINGS, lambda _: None, Sources(), CSV_DIALECTS["excel-sv"])
    return out, validate([replace(base, document=doc)], SETTINGS)


def test_review_and_index_escape_every_text_from_a_pdf(published):
    out, _ = published
    pages = [out / "reports" / "index.html", *(out / "reports" / "docs").glob("*.html")]
    assert len(pages) == 2
    for page in pages:
        text = page.read_text(encoding="utf-8")
        assert "<script" not in text and "&lt;script&gt;" in text, page
    review = pages[1].read_text(encoding="utf-8")
    assert "No page images" in review and re.search(r"<li>.*\(no box\)</li>|<a href='#", review)


def test_the_workbook_keeps_types_and_never_holds_a_formula(published):
    out, outcome = published
    book = openpyxl.load_workbook(out / "kommunbudget.xlsx")
    assert book.sheetnames == list(outcome.published)
    documents, amounts = book["documents"], book["amounts"]
    assert documents.freeze_panes == "A2" and documents.auto_filter.ref.startswith("A1:")
    header = [c.value for c in documents[1]]
    row = dict(zip(header, (c for c in documents[2])))
    assert row["municipality_code"].value == "0180" and row["municipality_code"].data_type == "s"
    assert row["title"].value == EVIL and row["title"].data_type == "s"  # text, not a formula
    assert row["pages"].data_type == "n" and isinstance(row["pages"].value, int)
    cells = dict(zip([c.value for c in amounts[1]], amounts[2]))
    assert cells["value"].data_type == "n" and cells["is_total"].data_type == "b"


def test_the_excel_sv_csv_reads_back_to_the_same_values(published):
    out, outcome = published
    raw = (out / "amounts.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf") and b";" in raw.splitlines()[0]
    back = pd.read_csv(out / "amounts.csv", sep=";", decimal=",", encoding="utf-8-sig")
    expected = outcome.published["amounts"]
    assert list(back.columns) == list(expected.columns)
    assert back["value"].tolist() == expected["value"].astype(float).tolist()
    assert back["amount_id"].tolist() == expected["amount_id"].tolist()
    documents = pd.read_csv(out / "documents.csv", sep=";", decimal=",", encoding="utf-8-sig", dtype=str)
    assert documents.at[0, "municipality_code"] == "0180" and documents.at[0, "title"] == "'" + EVIL  # neutralised


def test_published_files_are_readable_by_others(published):
    out, _ = published
    generation = (out / "current").resolve()
    modes = {p.relative_to(generation).as_posix(): p.stat().st_mode & 0o777 for p in generation.rglob("*")
             if p.is_file()}
    assert modes and all(mode == 0o644 for mode in modes.values()), modes


def test_figures_the_swedish_way():
    assert sv_number(107_860_000) == f"107{GROUP}860{GROUP}000"
    assert sv_number(-1234.5) == f"−1{GROUP}234,5" and sv_number(15.127) == "15,127"
    assert sv_number(None) == "" and sv_number(float("nan")) == "" and sv_number(-0.0001) == "0"
