"""The political reader reads tables through the one table model: the tables stage reads every
table block as rows of text cells (pipeline/tables/cells.py), and sections.py only turns those
rows into items. Hand-built Table and Document fixtures: an indicator table and a task table
read through the model, the cell reading of positioned words, and a check that sections.py
keeps no grid code of its own."""
from __future__ import annotations

import ast
import json
from pathlib import Path

from pipeline.extract.political import extract_political
from pipeline.extract.sections import items
from pipeline.model import Block, BlockKind, Document, Line, PageInfo, Word
from pipeline.tables import CellSettings, read_cells
from pipeline.tables.model import Cell, Column, HeaderCell, HeaderRow, Part, Row, Table
from tests.settings_helpers import SETTINGS

SIZE = 9.0
CHAR = 4.5
SECTIONS = Path(__file__).resolve().parents[2] / "pipeline" / "extract" / "sections.py"


def _line(top: float, *cells: tuple[float, str], page: int = 2) -> Line:
    """A line of left-aligned text cells starting at the given x."""
    words = []
    for x, text in cells:
        for part in text.split(" "):
            words.append(Word(part, x, x + len(part) * CHAR, top, top + SIZE, SIZE, False, False))
            x += len(part) * CHAR + 2.5
    return Line(page=page, words=words)


def _table_block(lines: list[Line]) -> Block:
    return Block(BlockKind.TABLE, " ".join(ln.text for ln in lines), 2, (70, 100, 520, 300), SIZE, False, False,
                 lines=lines)


def _document(*blocks: Block) -> Document:
    return Document("d", "d.pdf", [PageInfo(n, 595, 842, True) for n in (1, 2)], {}, SIZE, list(blocks))


def _heading(text: str) -> Block:
    return Block(BlockKind.HEADING, text, 2, (70, 60, 400, 74), 13.0, True, False, level=2)


def _cells_table(block: int, starts: list[float], rows: list[list[str]]) -> Table:
    """A text-cell Table as the tables stage hands it: the first row is the opening (header) row."""
    built = []
    for n, texts in enumerate(rows):
        top = 100.0 + 20 * n
        cells = [Cell(n, col, text, 2, (starts[col], top, starts[col] + 80, top + SIZE))
                 for col, text in enumerate(texts) if text]
        built.append(Row(n, texts[0], 2, (70.0, top, 520.0, top + SIZE), n == 0, False, 0, cells=cells,
                         text=" ".join(t for t in texts if t), header=n == 0))
    header = HeaderRow([HeaderCell(c.text, [c.col_index], c.bbox) for c in built[0].cells])
    columns = [Column(i, x, x + 80, rows[0][i]) for i, x in enumerate(starts)]
    return Table("c1", [2], None, None, rows[0][0], "", columns, [header], built, [Part(2, (70, 100, 520, 300), "own")],
                 reading="cells", block=block)


def test_indicator_table_is_read_through_the_table_model():
    table = _cells_table(1, [70, 200, 400], [["Mål", "Indikator", "Önskat läge"],
                                             ["Trygg kommun", "Andel invånare som känner sig trygga", "Öka"]])
    doc = _document(_heading("Mål och indikatorer"), _table_block([_line(100, (70, "x"))]))
    goals, indicators, _ = extract_political(doc, SETTINGS, "budget", tables=[table])
    assert [g.title for g in goals] == ["Trygg kommun"]
    (indicator,) = indicators
    assert (indicator.text, indicator.direction, indicator.goal_id) == (
        "Andel invånare som känner sig trygga", "increase", goals[0].goal_id)
    assert (indicator.rule, indicator.page, indicator.top) == ("indicator_table_by_header_roles", 2, 120.0)


def test_task_table_is_read_through_the_table_model():
    table = _cells_table(1, [70, 320], [["Uppdrag", "Ansvarig nämnd"],
                                        ["Ta fram en plan för lokaler", "Kommunstyrelsen"],
                                        ["Utred en ny förskola", ""]])
    doc = _document(_heading("Uppdrag till nämnderna"), _table_block([_line(100, (70, "x"))]))
    _, _, measures = extract_political(doc, SETTINGS, "budget", tables=[table])
    assert [(m.text, m.responsible) for m in measures] == [("Ta fram en plan för lokaler", "Kommunstyrelsen"),
                                                           ("Utred en ny förskola", None)]


def test_items_pad_cells_by_column_and_the_opening_row_knows_the_labels_below():
    table = _cells_table(0, [70, 200, 400], [["Mål", "Indikator", "Målvärde"], ["", "Andel", "80 %"]])
    header, body = items(_document(_table_block([_line(100, (70, "x"))])), [table])
    assert header.header and header.table == 0 and header.body_labels == ("",)
    assert body.cells == ["", "Andel", "80 %"] and not body.header


def test_table_blocks_are_read_as_rows_of_text_cells():
    """Lines closer than a line pitch are one row; columns are where cells start; a first line
    narrower than the lines it heads labels them; a cell right of its column is indented."""
    lines = [
        _line(100, (70, "Mål"), (200, "Indikator")),
        _line(120, (70, "Trygg"), (200, "Andel invånare som känner sig trygga i sin kommun")),
        _line(129, (200, "Anmälda brott per tusen invånare i hela kommunen")),
        _line(150, (70, "Ekonomi"), (210, "Per förvaltning")),
    ]
    (table,) = read_cells(_document(_table_block(lines)), SETTINGS.derived(CellSettings.of))
    assert (table.reading, table.block, [c.x0 for c in table.columns]) == ("cells", 0, [70, 200])
    assert [r.header for r in table.rows] == [True, False, False]
    assert [c.text for c in table.header_rows[0].cells] == ["Mål", "Indikator"]
    wrapped = table.rows[1]
    assert (wrapped.row_index, wrapped.label, wrapped.label_line) == (1, "Trygg", None)
    assert wrapped.cells[1].text.endswith("i hela kommunen") and wrapped.cells[1].bbox[3] == 129 + SIZE
    assert [(c.col_index, c.indented) for c in table.rows[2].cells] == [(0, False), (1, True)]


def test_sections_builds_no_grid_of_its_own():
    """The political reader reads the tables stage's cells: sections.py imports no cell
    splitting or line geometry, so a second grid builder cannot grow back there unseen."""
    tree = ast.parse(SECTIONS.read_text(encoding="utf-8"))
    imported = {(node.module, alias.name) for node in ast.walk(tree) if isinstance(node, ast.ImportFrom)
                for alias in node.names}
    assert not {m for m, _ in imported if m and m.startswith("pipeline.tables.") and m != "pipeline.tables.model"}
    assert ("pipeline.model", "Line") not in imported and ("pipeline.model", "Word") not in imported


def test_a_cells_table_survives_tables_json():
    table = _cells_table(1, [70, 320], [["Uppdrag", "Ansvarig nämnd"], ["Ta fram en plan", "Kommunstyrelsen"]])
    table.rows[1].cells[0].indented, table.rows[1].label_line = True, "Uppdrag"
    assert Table.from_dict(json.loads(json.dumps(table.to_dict()))) == table


def test_key_ratios_of_a_financial_goal_table_are_indicators_not_statement_lines():
    """Ratio labels mention statement lines ("resultat", "intäkter", "nettokostnad") but relate
    them to something (procent, kr/invånare, andel): a table of them holds indicators; a table
    of the lines themselves ("Personalkostnader") reports amounts and holds none."""
    ratios = ["Resultat i procent av skatteintäkter och statsbidrag", "Nettokostnad, kr/invånare",
              "Nettokostnadsandel av skatteintäkterna", "Avskrivningar"]
    rows = [["Indikator", "Utfall 2024", "Mål 2026"], *[[label, "", "Öka"] for label in ratios]]
    doc = _document(_heading("God ekonomisk hushållning"), _table_block([_line(100, (70, "x"))]))
    _, indicators, _ = extract_political(doc, SETTINGS, "budget", tables=[_cells_table(1, [70, 300, 400], rows)])
    assert [i.text for i in indicators] == ratios
    lines = [["Indikator", "Utfall 2024", "Mål 2026"], *[[label, "", "Öka"] for label in
                                                         ["Personalkostnader", "Övriga kostnader", "Intäkter"]]]
    assert extract_political(doc, SETTINGS, "budget", tables=[_cells_table(1, [70, 300, 400], lines)])[1] == []
