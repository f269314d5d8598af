"""The tables stage on hand-built layout Documents: one Table per printed table, with
header rows and spans, cells by row and column with their boxes, and continuation over a
page break as one table_id."""
from __future__ import annotations

import json

from pipeline.extract.amounts import extract_amounts
from pipeline.extract.document_fields import document_fields
from pipeline.model import Block, BlockKind, Document, PageInfo
from pipeline.tables import Table, build_tables
from tests.fast.test_tables import SIZE, TABLES, heading, line, table
from tests.settings_helpers import SETTINGS


def _doc(*blocks: Block) -> Document:
    return Document("d", "x.pdf", [PageInfo(p, 595, 842, True) for p in (1, 2)], {}, SIZE, list(blocks))


def _tables(doc: Document) -> list[Table]:
    return build_tables(doc, TABLES)


def _caption(page: int, top: float, text: str) -> Block:
    return Block(BlockKind.CAPTION, text, page, (70, top, 300, top + 8), 8.0, False, True)


def test_two_line_header_budget_over_year():
    (t,) = _tables(_doc(heading(1, "Resultatbudget"), table(1, [
        line(1, 100, (70, "mnkr"), (350, "Budget"), (450, "Plan"), bold=True),
        line(1, 112, (350, "2027"), (450, "2028"), bold=True),
        line(1, 130, (70, "Skatteintäkter"), (350, "1 200"), (450, "1 250")),
        line(1, 148, (70, "Summa"), (350, "1 200"), (450, "-"), bold=True),
    ])))
    assert (t.table_id, t.pages, t.title, t.stub, t.corner) == ("t1", [1], "Resultatbudget", "mnkr", "mnkr")
    assert [(c.index, c.label) for c in t.columns] == [(0, "Budget 2027"), (1, "Plan 2028")]
    assert [[(h.text, h.columns) for h in r.cells] for r in t.header_rows] == [
        [("Budget", [0]), ("Plan", [1])], [("2027", [0]), ("2028", [1])]]
    assert [(r.row_index, r.label, r.bold) for r in t.rows] == [(0, "Skatteintäkter", False), (1, "Summa", True)]
    first = t.rows[0].cells[0]
    assert (first.row_index, first.col_index, first.text, first.value, first.page) == (0, 0, "1 200", 1200.0, 1)
    x0, top, x1, bottom = first.bbox
    assert 345 < x1 <= 350 and (top, bottom) == (130, 130 + SIZE) and x0 < x1
    nil = t.rows[1].cells[1]
    assert (nil.value, nil.nil) == (None, True)
    assert t.rows[0].bbox[0] == 70 and t.rows[0].bbox[2] == t.rows[0].cells[1].bbox[2]  # label to last figure


def test_group_header_spans_its_sub_columns():
    (t,) = _tables(_doc(heading(1, "Driftbudget"), table(1, [
        line(1, 100, (400, "Budget 2026"), bold=True),
        line(1, 112, (70, "tkr"), (300, "Intäkter"), (400, "Kostnader"), (500, "Netto"), bold=True),
        line(1, 130, (70, "Socialnämnden"), (300, "1 000"), (400, "-5 000"), (500, "-4 000")),
    ])))
    assert [c.label for c in t.columns] == ["Budget 2026 Intäkter", "Budget 2026 Kostnader", "Budget 2026 Netto"]
    group, names = t.header_rows
    assert [(h.text, h.columns) for h in group.cells] == [("Budget 2026", [0, 1, 2])]
    assert [h.columns for h in names.cells] == [[0], [1], [2]]


def test_table_continued_on_the_next_page_without_header_is_one_table():
    tables = _tables(_doc(
        heading(1, "Driftsbudget"),
        table(1, [line(1, 100, (70, "tkr"), (350, "Budget 2021"), (450, "Plan 2022"), bold=True),
                  line(1, 118, (70, "Socialnämnden"), (350, "205 172"), (450, "209 559"))]),
        table(2, [line(2, 60, (70, "Kommunstyrelsen"), (350, "95 090"), (450, "96 486")),
                  line(2, 78, (70, "Summa"), (352, "300 262"), (450, "306 045"), bold=True)]),
        _caption(2, 100, "Källa: ekonomikontoret"),
    ))
    (t,) = tables
    assert (t.table_id, t.pages, [p.header for p in t.parts]) == ("t1", [1, 2], ["own", "none"])
    assert [(r.row_index, r.label, r.page, r.part) for r in t.rows] == [
        (0, "Socialnämnden", 1, 0), (1, "Kommunstyrelsen", 2, 1), (2, "Summa", 2, 1)]
    assert [c.col_index for r in t.rows for c in r.cells] == [0, 1] * 3
    assert t.caption == "Källa: ekonomikontoret"


def test_repeated_header_on_the_next_page_is_no_row_and_notes_follow_the_caption():
    def part(page: int, label: str) -> Block:
        return table(page, [line(page, 100, (70, "Investeringar, mnkr"), (350, "Budget 2026"), (450, "Plan 2027"),
                                 bold=True), line(page, 118, (70, label), (350, "10"), (450, "12"))])
    captions = _caption(2, 140, "Tabell 3. Investeringsbudget"), _caption(2, 150, "* Exkl. exploatering")
    (t,) = _tables(_doc(heading(1, "Investeringar"), part(1, "Skolor"), part(2, "Vägar"), *captions))
    assert [p.header for p in t.parts] == ["own", "repeated"]
    assert [r.label for r in t.rows] == ["Skolor", "Vägar"]
    assert (t.title, t.caption, t.notes) == ("Investeringsbudget", None, ["* Exkl. exploatering"])


def test_every_figure_region_is_a_table_and_strays_stay_recorded():
    tables = _tables(_doc(
        heading(1, "Besökare"),
        table(1, [line(1, 100, (70, "Museet"), (350, "62 225"), (450, "60 000")),
                  line(1, 118, (70, "Biblioteket"), (350, "1 200"), (450, "1 300"))]),
        heading(1, "Resultatbudget"),
        table(1, [line(1, 300, (70, "mnkr"), (350, "Budget 2026"), (450, "Plan 2027"), bold=True),
                  line(1, 318, (70, "Skatteintäkter"), (350, "900"), (360, "7"), (450, "950"))]),
    ))
    assert [t.table_id for t in tables] == ["t1", "t2"]
    visitors, result = tables
    assert visitors.header_rows == [] and visitors.title is None  # no header, and nothing to continue
    (stray,) = result.rows[0].strays
    assert (stray.text, stray.reason, stray.value) == ("7", "column_taken", 7.0)
    assert [c.text for c in result.rows[0].cells] == ["900", "950"]


def test_amounts_point_at_their_cells_and_unplaced_figures_at_their_table():
    doc = _doc(heading(1, "Resultatbudget"), table(1, [
        line(1, 100, (70, "mnkr"), (350, "Budget 2026"), (450, "Plan 2027"), bold=True),
        line(1, 118, (70, "Skatteintäkter"), (350, "900"), (360, "7"), (450, "950")),
        line(1, 136, (70, "Soliditet, %"), (350, "40"), (450, "41")),
    ]))
    tables = build_tables(doc, TABLES)
    amounts = extract_amounts(doc, tables, document_fields(doc, SETTINGS), SETTINGS)
    cells = {(c.row_index, c.col_index): c.bbox for r in tables[0].rows for c in r.cells}
    for row in amounts.rows:
        assert (row.table_id, row.rule, row.year_source) == ("t1", "table", "column")
        assert (row.x0, row.top, row.x1, row.bottom) == cells[(row.row_index, row.col_index)]
    assert [(r.row_index, r.col_index, r.unit, r.unit_source) for r in amounts.rows] == [
        (0, 0, "mnkr", "corner"), (0, 1, "mnkr", "corner"), (1, 0, "percent", "row"), (1, 1, "percent", "row")]
    assert [(u.text, u.reason, u.table_id) for u in amounts.unplaced] == [("7", "column_taken", "t1")]


def test_tables_survive_a_round_trip_through_json():
    tables = _tables(_doc(heading(1, "Driftbudget"), table(1, [
        line(1, 100, (400, "Budget 2026"), bold=True),
        line(1, 112, (70, "tkr"), (300, "Intäkter"), (400, "Kostnader"), (500, "Netto"), bold=True),
        line(1, 130, (70, "Socialnämnden"), (300, "1 000"), (400, "-5 000"), (500, "-4 000"), (540, "3")),
    ])))
    again = [Table.from_dict(json.loads(json.dumps(t.to_dict()))) for t in tables]
    assert again == tables
