"""The review pages and the index over the real corpus (issue 14's acceptance): outlines that
sit on the figures they claim, in a real browser, and a bbox for every published row."""
from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from collections import Counter
from pathlib import Path

import pandas as pd
import pdfplumber
import pytest

from pipeline.batch import RunOptions, run_batch
from tests.settings_helpers import SETTINGS

CHROMIUM = Path("/usr/bin/chromium")
# `make screenshots` points this at docs/screenshots; a test run never writes into the checkout
_SHOTS = os.environ.get("KOMMUNBUDGET_SCREENSHOTS")
SCREENSHOTS = Path(_SHOTS) if _SHOTS else None
REVIEWED_FILE, REVIEWED_PAGE = "Simrishamn_KFN_arsbokslut_2025.pdf", 13
BROKEN = "broken_budget_2026.pdf"
_TEXT = {"goals": "title", "indicators": "text", "measures": "text"}
needs_chromium = pytest.mark.skipif(not CHROMIUM.exists(), reason="/usr/bin/chromium is absent")

# Measures where each outline is, relative to the page image, once the page has laid out.
_GEOMETRY = """<script>addEventListener('load', () => {
  const section = document.getElementById('p%d'), image = section.querySelector('img').getBoundingClientRect();
  const boxes = [...section.querySelectorAll('a.box')].map(a => { const b = a.getBoundingClientRect();
    return {id: a.id, x0: b.left - image.left, top: b.top - image.top, x1: b.right - image.left,
            bottom: b.bottom - image.top}; });
  const out = document.createElement('pre'); out.id = 'geometry';
  out.textContent = JSON.stringify({width: image.width, height: image.height, boxes}); document.body.append(out);
});</script>"""


@pytest.fixture(scope="module")
def corpus_run(corpus_dir, tmp_path_factory):
    """The corpus and one file that is no PDF, run as a batch."""
    inbox = tmp_path_factory.mktemp("inbox")
    for pdf in corpus_dir.glob("*.pdf"):
        (inbox / pdf.name).symlink_to(pdf)
    (inbox / BROKEN).write_bytes(b"%PDF-1.4 this file was cut short in the upload")
    out = tmp_path_factory.mktemp("out")
    run_batch([inbox], out, SETTINGS, RunOptions(workers=2), log=lambda _: None)
    return out, pd.read_csv(out / "documents.csv", dtype=str)


def _chromium(page: Path, *args: str) -> str:
    profile = page.parent / ".chromium"
    done = subprocess.run(
        [str(CHROMIUM), "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-dev-shm-usage", f"--user-data-dir={profile}", "--window-size=1400,1000",
         "--virtual-time-budget=5000", *args, page.as_uri()],
        capture_output=True, text=True, timeout=180, check=True,
    )
    shutil.rmtree(profile, ignore_errors=True)
    return done.stdout


def _digits(text: str) -> str:
    return re.sub(r"\D", "", text)


def _printed_digits(value: float) -> str:
    """The digits a figure is printed with (1.07 → "107", -1930.0 → "1930")."""
    return _digits(f"{abs(value):.6f}".rstrip("0").rstrip("."))


def _words_in(words: list[dict], box: tuple[float, float, float, float], slack: float = 1.0) -> list[str]:
    x0, top, x1, bottom = box
    return [w["text"] for w in words if x0 - slack <= (w["x0"] + w["x1"]) / 2 <= x1 + slack
            and top - slack <= (w["top"] + w["bottom"]) / 2 <= bottom + slack]


@needs_chromium
def test_every_amount_of_a_page_has_an_outline_on_its_figure(corpus_run, corpus_dir):
    out, documents = corpus_run
    doc_id = documents.set_index("source_file").at[REVIEWED_FILE, "doc_id"]
    review = out / "reports" / "docs" / f"{doc_id}.html"
    probe = review.with_name(f"{doc_id}.probe.html")
    probe.write_text(review.read_text(encoding="utf-8").replace("</body>", _GEOMETRY % REVIEWED_PAGE + "</body>"),
                     encoding="utf-8")
    geometry = json.loads(re.search(r"<pre id=\"geometry\">(.*?)</pre>", _chromium(probe, "--dump-dom")).group(1))
    boxes = {b["id"]: b for b in geometry["boxes"]}
    with pdfplumber.open(corpus_dir / REVIEWED_FILE) as pdf:
        page = pdf.pages[REVIEWED_PAGE - 1]
        words, scale = page.extract_words(), page.width / geometry["width"]
    amounts = pd.read_csv(out / "amounts.csv")
    amounts = amounts[(amounts["doc_id"] == doc_id) & (amounts["page"] == REVIEWED_PAGE)]
    assert len(amounts) >= 10
    for amount in amounts.itertuples():
        box = boxes[amount.amount_id]
        assert 0 <= box["x0"] < box["x1"] <= geometry["width"] + 0.5, amount.amount_id
        assert 0 <= box["top"] < box["bottom"] <= geometry["height"] + 0.5, amount.amount_id
        inside = _words_in(words, tuple(box[k] * scale for k in ("x0", "top", "x1", "bottom")))
        assert _printed_digits(amount.value) in _digits("".join(inside)), (amount.amount_id, amount.value, inside)
    shot = review.with_name(f"{doc_id}.shot.html")  # the page alone, one row's details shown as on hover
    only = (f"<style>section:not(#p{REVIEWED_PAGE}){{display:none}}"
            f"[id='{amounts.iloc[-1].amount_id}'] .tip{{display:block}}</style></head>")
    shot.write_text(review.read_text(encoding="utf-8").replace("</head>", only), encoding="utf-8")
    png = _screenshot_path(review.parent, "review_page.png")
    _chromium(shot, f"--screenshot={png}")
    assert png.stat().st_size > 10_000


@needs_chromium
def test_the_index_shows_the_failed_file_with_its_stage_and_reason(corpus_run):
    out, documents = corpus_run
    assert documents.set_index("source_file").at[BROKEN, "status"] == "failed"
    dom = _chromium(out / "reports" / "index.html", "--dump-dom")
    row = re.search(rf"<tr>(?:(?!</tr>).)*{re.escape(BROKEN)}(?:(?!</tr>).)*</tr>", dom, re.DOTALL)
    assert row and "st-failed" in row.group(0) and "<b>ingest</b>" in row.group(0)
    assert "failed: rows quarantined" not in dom  # the corpus has warnings and source inconsistencies, no red suite
    png = _screenshot_path(out, "index.png")
    _chromium(out / "reports" / "index.html", f"--screenshot={png}")
    assert png.stat().st_size > 10_000


def _screenshot_path(scratch: Path, name: str) -> Path:
    """docs/screenshots/<name> under `make screenshots`, else a file beside the test's outputs."""
    folder = SCREENSHOTS or scratch
    folder.mkdir(parents=True, exist_ok=True)
    return folder / name


def _contains(row: dict, dataset: str, words: list[dict]) -> bool:
    """The words inside the row's box hold its text: an amount's printed digits, or most of
    the words of a goal, indicator or measure (hyphenation undone across lines)."""
    inside = _words_in(words, (row["x0"], row["top"], row["x1"], row["bottom"]))
    if dataset == "amounts":
        return _printed_digits(row["value"]) in _digits("".join(inside))
    found = {re.sub(r"\W", "", w).lower() for w in inside}
    found |= {re.sub(r"\W", "", a + b).lower() for a, b in zip(inside, inside[1:])}
    wanted = [t for t in (re.sub(r"\W", "", w).lower() for w in str(row[_TEXT[dataset]]).split()) if len(t) > 1]
    return not wanted or sum(t in found for t in wanted) / len(wanted) >= 0.8


def test_every_published_row_has_a_bbox_that_holds_its_text(corpus_run, corpus_dir):
    out, documents = corpus_run
    files = dict(zip(documents["doc_id"], documents["source_file"]))
    rows = {name: pd.read_csv(out / f"{name}.csv").to_dict("records") for name in ("goals", "indicators", "measures",
                                                                                    "amounts")}
    checked, failed = 0, Counter()
    for doc_id in sorted({r["doc_id"] for found in rows.values() for r in found}):
        with pdfplumber.open(corpus_dir / files[doc_id]) as pdf:
            words = {}
            for dataset, found in rows.items():
                for row in (r for r in found if r["doc_id"] == doc_id):
                    if row["page"] not in words:
                        words[row["page"]] = pdf.pages[row["page"] - 1].extract_words()
                    checked += 1
                    if pd.isna(row["x0"]) or not _contains(row, dataset, words[row["page"]]):
                        failed[(dataset, row["rule"])] += 1
    assert checked > 2000
    assert sum(failed.values()) <= 0.01 * checked, failed.most_common()
