"""OCR end to end on generated scans: a budget page drawn into an image (upright and turned
90/180/270 degrees), a table pasted as a picture into a text page, the corpus's scanned
report, and the run without Tesseract, which warns on each page it could not read."""
from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from pipeline.batch import RunOptions, run_batch
from pipeline.model import Document
from pipeline.runner import DocumentResult, process_path
from tests.ocrgen import A4_PX, draw, needs_tesseract, scanned_pdf, table_items, text_page_with_image
from tests.settings_helpers import SETTINGS

ROWS = [("tkr", "Budget 2026", "Plan 2027", "Plan 2028"),
        ("Socialnämnden", "205 172", "209 559", "212 001"),
        ("Kommunstyrelsen", "95 090", "−1 200", "3 500"),
        ("Tekniska nämnden", "40 118", "41 020", "41 980"),
        ("Summa", "340 380", "249 379", "257 481")]
YEARS = (2026, 2027, 2028)
EXPECTED = {(label, year): float(figure.replace(" ", "").replace("−", "-"))
            for label, *figures in ROWS[1:] for year, figure in zip(YEARS, figures)}
COLUMNS = (360.0, 450.0, 540.0)


def budget_page():
    return draw(A4_PX, [
        (50, 60, "Driftbudget 2026", 18, "l"),
        (50, 100, "Nämndernas driftbudget för perioden 2026 till 2028 fördelas enligt tabellen.", 11, "l"),
        *[(x + 30, y, text, size, align) for x, y, text, size, align in table_items(150, ROWS, COLUMNS)],
    ])


def with_ocr(**update):
    """The default settings with configs/pipeline.yaml ocr keys changed."""
    ocr = SETTINGS.pipeline.ocr.model_copy(update=update)
    return SETTINGS.model_copy(update={"pipeline": SETTINGS.pipeline.model_copy(update={"ocr": ocr})})


def figures(result: DocumentResult) -> dict[tuple[str, int | None], float]:
    return {(a.row_label, a.year): a.value for a in result.extraction.amounts}


@pytest.fixture(scope="module")
def scanned(tmp_path_factory) -> DocumentResult:
    needs_tesseract()
    return process_path(scanned_pdf(tmp_path_factory.mktemp("ocr") / "scan.pdf", [budget_page()]), SETTINGS)


def test_a_scanned_budget_table_becomes_its_amounts_exactly(scanned):
    assert scanned.error is None
    assert figures(scanned) == EXPECTED
    amounts = scanned.extraction.amounts
    assert {a.unit for a in amounts} == {"tkr"}
    assert {a.row_label for a in amounts if a.is_total} == {"Summa"}
    assert {a.rule for a in amounts} == {"ocr:table"}


def test_ocr_words_enter_the_layout_as_headings_and_paragraphs(scanned):
    doc = Document.from_dict(scanned.layout)
    assert [(b.kind.value, b.text) for b in doc.blocks[:2]] == [
        ("heading", "Driftbudget 2026"),
        ("paragraph", "Nämndernas driftbudget för perioden 2026 till 2028 fördelas enligt tabellen.")]
    (region,) = doc.pages[0].ocr
    assert region.rotation == 0 and region.confidence > 80 and region.words > 40
    assert region.bbox == (0.0, 0.0, doc.pages[0].width, doc.pages[0].height)
    assert scanned.timings["ocr"] > 0


@pytest.mark.parametrize("turn", [90, 180, 270])
def test_a_page_scanned_turned_is_read_upright(tmp_path, turn):
    needs_tesseract()
    page = budget_page().rotate(turn, expand=True, fillcolor=255)  # turned counter-clockwise
    result = process_path(scanned_pdf(tmp_path / f"scan{turn}.pdf", [page]), SETTINGS)
    assert figures(result) == EXPECTED
    (region,) = Document.from_dict(result.layout).pages[0].ocr
    assert region.rotation == turn  # turned back clockwise by as much


def test_without_orientation_data_the_surest_of_four_turns_is_read(tmp_path, monkeypatch):
    needs_tesseract()
    import pytesseract

    monkeypatch.setattr(pytesseract, "get_languages", lambda *a, **k: ["swe"])  # no osd
    page = budget_page().rotate(90, expand=True, fillcolor=255)
    result = process_path(scanned_pdf(tmp_path / "scan.pdf", [page]), SETTINGS)
    assert figures(result) == EXPECTED


@pytest.fixture(scope="module")
def pasted_table(tmp_path_factory) -> Path:
    """A report page with a text layer and its budget table pasted in as a picture."""
    table = draw((2100, 480), table_items(5, ROWS, (330.0, 420.0, 490.0)))
    lines = [(60, 70, "Driftbudget 2026"), (60, 100, "Nämndernas ramar för 2026 till 2028 visas i tabellen nedan."),
             (60, 300, "Kommunstyrelsen ansvarar för uppföljningen av budgeten under året.")]
    return text_page_with_image(tmp_path_factory.mktemp("ocr") / "pasted.pdf", lines, table, (40, 130))


def test_a_table_pasted_as_a_picture_is_read_and_only_its_rows_are_marked(pasted_table):
    needs_tesseract()
    result = process_path(pasted_table, SETTINGS)
    assert figures(result) == EXPECTED
    assert {a.rule for a in result.extraction.amounts} == {"ocr:table"}
    (region,) = Document.from_dict(result.layout).pages[0].ocr
    assert region.bbox[1] == pytest.approx(130, abs=1) and region.confidence > 80
    texts = [b.text for b in Document.from_dict(result.layout).blocks]
    assert "Kommunstyrelsen ansvarar för uppföljningen av budgeten under året." in texts


def test_without_tesseract_the_run_completes_and_warns_on_each_page_it_could_not_read(
        tmp_path, monkeypatch, pasted_table):
    inbox = tmp_path / "in"
    inbox.mkdir()
    scanned_pdf(inbox / "scan.pdf", [budget_page()])
    (inbox / "pasted.pdf").write_bytes(pasted_table.read_bytes())
    monkeypatch.setenv("PATH", str(tmp_path / "empty"))  # tesseract hidden
    run_batch([inbox], tmp_path / "out", SETTINGS, RunOptions(workers=1), log=lambda _: None)
    documents = pd.read_csv(tmp_path / "out" / "documents.csv").set_index("source_file")
    assert documents.loc["scan.pdf", "status"] == "failed"
    assert documents.loc["pasted.pdf", "status"] == "partial"
    results = pd.read_csv(tmp_path / "out" / "validation_results.csv")
    warned = results[results["check"] == "ocr_unavailable"]
    assert list(zip(warned["source_file"], warned["page"], warned["severity"])) == [("pasted.pdf", 1, "warning")]
    assert "page 1" in warned["message"].iloc[0]


def test_a_scan_without_tesseract_is_refused_saying_what_to_install(tmp_path, monkeypatch):
    scan = scanned_pdf(tmp_path / "scan.pdf", [budget_page()])
    result = process_path(scan, with_ocr(command=str(tmp_path / "no-such-tesseract")))
    assert result.error is not None and result.error.stage == "ingest"
    assert "tesseract-ocr" in result.error.reason


def test_the_ocr_page_budget_leaves_later_pages_unread_and_says_so(tmp_path):
    needs_tesseract()
    result = process_path(scanned_pdf(tmp_path / "two.pdf", [budget_page(), budget_page()]), with_ocr(page_budget=1))
    assert [(g.page, g.reason) for g in result.extraction.ocr_gaps] == [(2, "over_budget")]
    assert result.extraction.document.status == "partial"


@pytest.mark.corpus
def test_the_scanned_corpus_report_is_read_with_its_document_facts(corpus_dir):
    needs_tesseract()
    result = process_path(corpus_dir / "tolkformedling-vast_internkontrollrapport_2025_scanned.pdf", SETTINGS)
    assert result.error is None
    row = result.extraction.document
    assert row.status in ("ok", "partial") and row.pages == 2
    assert "Internkontrollrapport" in (row.title or "")
    assert (row.period_start, row.period_end) == (2025, 2025)
    # the förbund's name stands only on the e-signature page ("TITEL, ORGANISATION: …")
    assert (row.organisation, row.municipality, row.municipality_code, row.doc_type) == (
        "Tolkförmedling Väst", "Tolkförmedling Väst", None, "other")
    regions = [r for p in Document.from_dict(result.layout).pages for r in p.ocr]
    assert len(regions) == 2 and all(r.confident_share > 0.8 for r in regions)


def test_a_cover_with_a_few_words_of_text_layer_is_not_read_as_a_scan(layout_of):
    """Simrishamn's covers: a photo with a few words set on it. Only graphic images of such a
    page are read, never the whole page (that cost seconds per cover and read the photo)."""
    pytest.importorskip("pytesseract")
    for name in ("Simrishamn_KFN_arsbokslut_2025.pdf", "Simrishamn_budgetanvisningar_tidplan_2027-2031.pdf"):
        for page in layout_of(name).pages:
            for region in page.ocr:
                x0, top, x1, bottom = region.bbox
                assert (x1 - x0) * (bottom - top) < 0.9 * page.width * page.height, (name, page.number)
