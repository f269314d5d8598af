"""Layout stage on the real corpus and on generated edge cases."""
from __future__ import annotations

import re
from pathlib import Path

import pdfplumber
import pytest
from rapidfuzz import fuzz

from pipeline.model import BlockKind, Document
from tests.pdfgen import paragraph_lines, write_pdf
from tests.settings_helpers import laid_out

CORPUS_FILES = [
    "alingsas_budget_2021-2023.pdf",
    "ale_verksamhetsplan_2017-2020.pdf",
    "vastmanland_regionplan_2026-2028.pdf",
    "dalarna_regionplan_2026-2028.pdf",
    "Simrishamn_KFN_arsbokslut_2025.pdf",
    "Simrishamn_KFN_arsbokslut_2025_draft-2026-01-30.pdf",
    "Simrishamn_budgetanvisningar_tidplan_2027-2031.pdf",
    "Moderaterna_valmanifest_2022.pdf",
    "Vansterpartiet_valplattform_2022.pdf",
]
BODY = (BlockKind.HEADING, BlockKind.PARAGRAPH, BlockKind.LIST_ITEM, BlockKind.CAPTION)


def norm(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def margin_repeats(path: Path) -> dict[str, set[int]]:
    """Oracle independent of our layout code: pdfplumber text lines in the top/bottom 10 %
    of the page, repeated (digits ignored) on at least half of the pages."""
    seen: dict[str, set[int]] = {}
    with pdfplumber.open(path) as pdf:
        for page in pdf.pages:
            for line in page.extract_text_lines():
                if line["bottom"] < page.height * 0.10 or line["top"] > page.height * 0.90:
                    key = re.sub(r"\d+", "#", norm(line["text"]))
                    seen.setdefault(key, set()).add(page.page_number)
            page.close()
        n_pages = len(pdf.pages)
    return {k: v for k, v in seen.items() if len(v) >= max(3, n_pages / 2) and len(k) >= 6}


@pytest.mark.parametrize("name", CORPUS_FILES)
def test_no_running_headers_or_page_numbers_in_body(name, corpus_dir, layout_of):
    doc: Document = layout_of(name)
    repeats = margin_repeats(corpus_dir / name)
    for block in doc.blocks:
        if block.kind not in BODY:
            continue
        height = doc.pages[block.page - 1].height
        in_margin = block.bbox[3] < 0.12 * height or block.bbox[1] > 0.88 * height
        text = re.sub(r"\d+", "#", norm(block.text))
        for key, pages in repeats.items():
            assert not (block.page in pages and key in text), (
                f"running text {key!r} in body block p{block.page}: {block.text[:80]}"
            )
        page_number = re.fullmatch(rf"(sida\s*)?{block.page}(\s*(av|/)\s*\d+)?", block.text.strip(), re.IGNORECASE)
        assert not (in_margin and page_number), f"page number as body text on p{block.page}"
        assert not norm(block.text).endswith(f" {block.page} {block.page + 1}"), "page number glued into text"


@pytest.mark.parametrize("name", ["alingsas_budget_2021-2023.pdf", "ale_verksamhetsplan_2017-2020.pdf"])
def test_headings_match_table_of_contents(name, layout_of):
    doc: Document = layout_of(name)
    toc = [b for b in doc.blocks if b.kind is BlockKind.TOC]
    headings = [b for b in doc.blocks if b.kind is BlockKind.HEADING]
    assert len(toc) >= 10
    for entry in toc:
        candidates = [h for h in headings if h.page == entry.toc_page]
        best = max(candidates, key=lambda h: fuzz.ratio(entry.text.lower(), norm(h.text).lower()), default=None)
        assert best is not None, f"no heading on p{entry.toc_page} for TOC entry {entry.text!r}"
        assert fuzz.ratio(entry.text.lower(), norm(best.text).lower()) >= 85, (entry.text, best.text)
        assert best.level == entry.level, f"{best.text!r}: level {best.level}, TOC says {entry.level}"


def test_alingsas_measure_and_indicator_bullets_are_single_list_items(layout_of, gold_of):
    name = "alingsas_budget_2021-2023.pdf"
    doc: Document = layout_of(name)
    gold = gold_of(name)
    items = [norm(b.text) for b in doc.blocks if b.kind is BlockKind.LIST_ITEM]
    expected = [g["text"] for g in gold["measures"]] + [g["text"] for g in gold["indicators"]]
    assert len(expected) == 68
    for text in expected:
        assert items.count(norm(text)) == 1, f"not exactly one list item: {text[:80]}"
    over_break = [b for b in doc.blocks if b.kind is BlockKind.LIST_ITEM and b.end_page]
    assert over_break, "the corpus has an ÅTGÄRDER item that wraps over a page break"


def _corpus_text(doc: Document) -> str:
    return " ".join(norm(b.text) for b in doc.blocks)


def _line_end_pairs(path: Path, single_column: set[int]) -> list[tuple[str, str]]:
    """(word before a line-end hyphen, first word of the next line), read with pdfplumber.

    Only single-column pages: pdfplumber's plain text runs across columns."""
    pairs = []
    with pdfplumber.open(path) as pdf:
        for page in pdf.pages:
            if page.page_number not in single_column:
                continue
            lines = (page.extract_text() or "").split("\n")
            for a, b in zip(lines, lines[1:]):
                m = re.search(r"(\w+)-$", a)
                if m and b[:1].isalpha():
                    pairs.append((m.group(1), b.split()[0]))
            page.close()
    return pairs


@pytest.mark.parametrize("name", CORPUS_FILES)
def test_compound_hyphens_preserved_in_corpus(name, corpus_dir, layout_of):
    doc = layout_of(name)
    text = _corpus_text(doc)
    for before, after in _line_end_pairs(corpus_dir / name, {p.number for p in doc.pages if p.columns == 1}):
        if after in ("och", "eller", "samt"):
            assert f"{before}- {after}" in text


def test_line_end_hyphenation_joined_in_corpus(layout_of):
    text = _corpus_text(layout_of("ale_verksamhetsplan_2017-2020.pdf"))
    assert "förvaltningsorganisationen" in text and "förvaltningsorganisatio-" not in text
    assert "1990-talets" in text  # a hyphen after a digit belongs to the word


def test_hyphenation_on_generated_pdf(tmp_path):
    lines = paragraph_lines(72, 100, [
        "Uppdraget ges till kultur-",
        "och fritidsnämnden som tillsammans med hälso-",
        "och sjukvården ska samordna verksam-",
        "heten med Barn-",
        "och ungdomsnämnden under EU-",
        "projektet 2024-",
        "2026 i hela kommunen.",
    ])
    doc = laid_out(write_pdf(tmp_path / "hyphens.pdf", [lines]))
    text = _corpus_text(doc)
    assert "kultur- och fritidsnämnden" in text
    assert "hälso- och sjukvården" in text
    assert "Barn- och ungdomsnämnden" in text
    assert "verksamheten" in text
    assert "EU-projektet 2024-2026" in text


def test_list_item_wrapping_over_page_break_is_one_item(tmp_path):
    bullet = "\u2022"
    page1 = [(72, 100, "ÅTGÄRDER:")] + [(72, 120, bullet), (90, 120, "Första åtgärden ska genomföras under året.")]
    page1 += [(72, 140, bullet), (90, 140, "Andra åtgärden fortsätter på nästa sida och")]
    page1 += [(90, 154, "rymmer flera rader text som hör")]
    page2 = [(90, 100, "ihop med samma punkt."), (72, 120, bullet), (90, 120, "Tredje åtgärden.")]
    doc = laid_out(write_pdf(tmp_path / "items.pdf", [page1, page2]))
    items = [b for b in doc.blocks if b.kind is BlockKind.LIST_ITEM]
    assert [norm(b.text) for b in items] == [
        "Första åtgärden ska genomföras under året.",
        "Andra åtgärden fortsätter på nästa sida och rymmer flera rader text som hör ihop med samma punkt.",
        "Tredje åtgärden.",
    ]
    assert items[1].page == 1 and items[1].end_page == 2


def test_two_column_document_read_column_by_column(layout_of, gold_of):
    name = "vastmanland_regionplan_2026-2028.pdf"
    doc: Document = layout_of(name)
    gold = gold_of(name)
    two_column = {p.number for p in doc.pages if p.columns == 2}
    assert len(two_column) >= 5
    prose = _corpus_text(doc)
    tables = " ".join(ln.text for b in doc.blocks if b.kind is BlockKind.TABLE for ln in b.lines)
    checked = 0
    for dataset, field in (("goals", "title"), ("indicators", "text"), ("measures", "text")):
        for item in gold[dataset]:
            if item["page"] not in two_column:
                continue
            text = norm(item[field])
            if text in prose:
                checked += 1
                continue
            # indicator tables are full-width tables whose cells wrap; the extractor reads them by cell
            in_table = " ".join(text.split()[:2]) in tables or any(
                b.page == item["page"] and re.search("[↑↓]", b.text) for b in doc.blocks
            )
            assert in_table, f"{text!r} neither intact in the text nor in a table"
    assert checked >= 4
    paragraph = next(b for b in doc.blocks if b.text.startswith("Allmäntandvård bedrivs"))
    assert "För att främja" not in paragraph.text, "left column interleaved with the right one"


def test_digit_groups_stay_one_token(layout_of):
    doc: Document = layout_of("alingsas_budget_2021-2023.pdf")
    table = next(b for b in doc.blocks if b.kind is BlockKind.TABLE and "Verksamhetens" in b.text)
    assert "-2 421 049" in norm(table.text)


def test_layout_model_round_trips_through_json(layout_of):
    """layout.json is the inspectable intermediate: it holds the whole model."""
    import json

    doc: Document = layout_of("alingsas_budget_2021-2023.pdf")
    again = Document.from_dict(json.loads(json.dumps(doc.to_dict())))
    assert again == doc


def test_deadlines_that_run_forward_are_no_table_of_contents(tmp_path):
    """A list of tasks whose deadline years rise row by row looks like TOC entries with page
    references, but no page of a budget is numbered 2026."""
    tasks = [f"Uppdrag {n} om budgetprocessen och uppföljningen ........ {2024 + n}" for n in range(1, 6)]
    pdf = write_pdf(tmp_path / "tasks.pdf", [paragraph_lines(70, 90, ["Uppdrag under planperioden", *tasks])])
    doc = laid_out(pdf)
    assert not [b for b in doc.blocks if b.kind is BlockKind.TOC]
    assert "Uppdrag 3 om budgetprocessen" in " ".join(b.text for b in doc.blocks)
    # the same list with page numbers is a table of contents
    toc = write_pdf(tmp_path / "toc.pdf", [paragraph_lines(70, 90, ["Innehåll", *(t[:-4] + str(n) for n, t in
                                                                                   enumerate(tasks, start=3))])])
    assert len([b for b in laid_out(toc).blocks if b.kind is BlockKind.TOC]) == 5


def test_a_figure_set_apart_from_its_label_is_a_cell_of_its_own():
    """In a tight table the gap before a figure may be narrower than the cell gap but is
    still wider than any word space; a label's own figures and close thousands stay whole."""
    from pipeline.model import Word
    from pipeline.tables.segments import split_cells

    def row(*placed: tuple[str, float, float]) -> list[Word]:
        return [Word(text, x0, x1, 100, 109, 9, False, False) for text, x0, x1 in placed]

    def cells(words: list[Word]) -> list[str]:
        return [" ".join(w.text for w in c) for c in split_cells(words, 0.8, 0.5)]

    tight = row(("Andel", 50, 72), ("20–64", 74.5, 98), ("år", 100.5, 108), ("78", 113.8, 122), ("%", 124, 130))
    assert cells(tight) == ["Andel 20–64 år", "78 %"]  # 5.8 pt = 0.64 em before the figure
    spaced = row(("Förskola", 50, 85), ("2026", 87.5, 105))  # a word space: part of the label
    assert cells(spaced) == ["Förskola 2026"]
    thousands = row(("12", 200, 210), ("345", 212, 228))
    assert cells(thousands) == ["12 345"]


@pytest.mark.parametrize("deviation", [["0", "0", "0", "0"], ["1", "2", "5", "9"]])
def test_figure_rows_ending_in_a_small_number_are_no_table_of_contents(tmp_path, deviation):
    """A table row "Nya kärl 1 000 1 000 0" ends, after a wide gap, in a small number that runs
    forward down the page like a page reference; but the word before it is a figure (here the
    thousands group "000"), and a TOC entry has one number only. The rows stay a table."""
    from tests.corpus.test_amounts_generated import table_row

    rows = [table_row(120 + 18 * i, label, "1 000", f"{1000 + int(dev):,}".replace(",", " "), dev)
            for i, (label, dev) in enumerate(zip(["Expansion", "Nya kärl", "Containrar", "Styrsystem"], deviation))]
    page = [(70, 80, "Investeringar"), *table_row(102, "Belopp i tkr", "Budget", "Prognos", "Avvikelse"),
            *[cell for row in rows for cell in row]]
    doc = laid_out(write_pdf(tmp_path / "investments.pdf", [page], size=10))
    assert not [b for b in doc.blocks if b.kind is BlockKind.TOC]
    table = next(b for b in doc.blocks if b.kind is BlockKind.TABLE)
    assert "Styrsystem" in table.text
