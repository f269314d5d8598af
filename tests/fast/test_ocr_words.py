"""OCR words without Tesseract: figures re-checked for its misreadings, its pixel boxes
placed as the layout stage's Words, and the rows standing in OCR regions marked."""
from __future__ import annotations

import pytest

from pipeline.contract import AmountRow, AmountSource, DocumentRow, DocumentStatus, GoalKind, GoalRow
from pipeline.extract.ocr_marks import mark_ocr
from pipeline.layout.ocr_words import placed_words
from pipeline.model import Document, Extraction, OcrRegion, PageInfo
from pipeline.ocr import OcrWord
from pipeline.text.numbers import parse_number
from pipeline.text.ocr_figures import is_figure, joins_split_figure, recheck_figure


@pytest.mark.parametrize(("read", "meant"), [
    ("2O25", "2025"), ("1O", "10"), ("l00", "100"), ("4,O", "4,0"), ("1I", "11"), ("|2", "12"), ("9O%", "90%"),
    ("—-1", "-1"), ("~5", "-5"), ("−1", "−1"), ("-3,5", "-3,5"),
    # words, not figures: never changed
    ("I", "I"), ("O", "O"), ("lO", "lO"), ("l:a", "l:a"), ("Q1", "Q1"), ("S", "S"), ("Olle", "Olle"),
    ("2025-01-01", "2025-01-01"), ("—", "—"), ("oOl1", "oOl1"),
])
def test_lookalike_letters_in_a_figure_are_read_as_digits(read, meant):
    assert recheck_figure(read) == meant


def test_a_rechecked_figure_parses_as_swedish_number():
    assert parse_number(recheck_figure("2O5")).value == 205
    assert is_figure(recheck_figure("l2,5%")) and not is_figure("Summa")


@pytest.mark.parametrize(("left", "right", "joined"), [
    ("12", "34", True), ("20", "25", True), ("-1", "2", True), ("1", "23,5", True),
    ("1", "234", False),  # a thousands group: "1 234" is one figure as printed, grouped
    ("205", "172", False), ("Summa", "12", False), ("12", "tkr", False), ("12", "2026-01", False),
])
def test_a_figure_split_at_a_narrow_gap_is_told_from_a_thousands_grouping(left, right, joined):
    assert joins_split_figure(left, right) is joined


def _word(text: str, left: int, right: int, top: int = 100, bottom: int = 145, line=(1, 1, 1)) -> OcrWord:
    return OcrWord(text, left, top, right, bottom, 95.0, line)


def test_ocr_words_become_words_in_pdf_points_on_one_baseline():
    scale = 300 / 72
    words = placed_words([_word("Tillvägagångssätt", 100, 500, 100, 146), _word("av", 520, 560, 112, 135),
                          _word("Summa", 100, 250, 300, 335, (2, 1, 1))], scale, (10.0, 20.0))
    first, second, third = words
    assert (first.x0, first.top) == (round(10 + 100 / scale, 2), round(20 + 100 / scale, 2))
    assert (first.top, first.bottom) == (second.top, second.bottom)  # the line's box, not the ink's
    assert first.size == second.size == 11.0  # a word of x-height letters is half its font tall
    assert third.top > first.bottom


def test_a_split_figure_is_joined_and_lookalikes_fixed_when_placed():
    texts = [w.text for w in placed_words([_word("Summa", 100, 250), _word("12", 600, 650), _word("3O", 655, 705),
                                           _word("1", 900, 925), _word("234", 945, 1025)], 300 / 72, (0.0, 0.0))]
    assert texts == ["Summa", "1230", "1", "234"]


def _amount(row_id: str, page: int, box: tuple[float, float, float, float] | None) -> AmountRow:
    x0, top, x1, bottom = box or (None, None, None, None)
    return AmountRow(doc_id="d", amount_id=row_id, source=AmountSource.TABLE, row_label="Summa", value=1.0,
                     page=page, x0=x0, top=top, x1=x1, bottom=bottom, rule="table")


def test_rows_standing_in_an_ocr_region_are_marked_and_pages_missed_listed():
    region = OcrRegion((50, 100, 300, 200), 91.0, 40, 0.9, 0, 1.2)
    pages = [PageInfo(1, 595, 842, True, ocr=[region]), PageInfo(2, 595, 842, False, ocr=[
        OcrRegion((0, 0, 595, 842), 88.0, 100, 0.8, 90, 3.0)]), PageInfo(3, 595, 842, True, ocr_missing="unavailable")]
    doc = Document("d", "x.pdf", pages, {}, 11.0, [])
    goal = GoalRow(doc_id="d", goal_id="g1", kind=GoalKind.POLITICAL, title="Mål", page=2, rule="cue_heading")
    rows = Extraction(DocumentRow(doc_id="d", source_file="x.pdf", pages=3, status=DocumentStatus.OK,
                                  pipeline_version="0"), goals=[goal],
                      amounts=[_amount("a", 1, (60, 120, 90, 130)), _amount("b", 1, (60, 300, 90, 310)),
                               _amount("c", 2, None), _amount("d", 3, (60, 120, 90, 130))])
    marked = mark_ocr(rows, doc)
    assert [a.rule for a in marked.amounts] == ["ocr:table", "table", "ocr:table", "table"]
    assert [g.rule for g in marked.goals] == ["ocr:cue_heading"]
    assert [(g.page, g.reason) for g in marked.ocr_gaps] == [(3, "unavailable")]
    assert marked.document.status == DocumentStatus.PARTIAL
    assert Extraction.from_dict(marked.to_dict()).ocr_gaps == marked.ocr_gaps


def test_the_layout_model_keeps_its_ocr_regions_through_json():
    region = OcrRegion((0.0, 0.0, 595.0, 842.0), 88.0, 100, 0.8, 270, 3.0)
    doc = Document("d", "x.pdf", [PageInfo(1, 842, 595, False, ocr=[region])], {}, 11.0, [])
    assert Document.from_dict(doc.to_dict()) == doc
