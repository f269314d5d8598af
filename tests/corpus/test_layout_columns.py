"""Reading order of pages that split at a vertical gutter: a borderless table whose first
column holds long wrapped text is read row by row, while a real two-column page (prose in
each column, or prose beside a small table) and two tables side by side are still read
column by column. Each page is a small generated PDF run through the real layout stage."""
from __future__ import annotations

import pytest

from pipeline.layout.columns import order_rows
from pipeline.layout.settings import LayoutRules
from pipeline.model import BlockKind, Document, Word
from tests.corpus.test_amounts_layouts import Sheet
from tests.corpus.test_political import generated_layout
from tests.settings_helpers import SETTINGS, laid_out

BODY = 9
LEADING = 12

# -- (a) a task table: long wrapped task text | responsible body | deadline ------------------------

TASKS = [  # deadlines out of order: a column of rising years would look like a TOC's page numbers
    (("Ta fram en ny lokalförsörjningsplan som omfattar", "skolor, förskolor, särskilda boenden och kontor"),
     "Kommunstyrelsen", "2027"),
    (("Inventera behovet av särskilda boenden för äldre", "fram till år 2035 och föreslå en utbyggnadsplan",
      "för hela kommunen"),
     "Socialnämnden", "2026"),
    (("Se över taxan för bygglov och jämför den med de", "taxor som gäller i grannkommunerna"),
     "Bygg- och miljönämnden", "2028"),
    (("Utreda formerna för en gemensam kundtjänst för", "hela kommunkoncernen och de kommunala bolagen"),
     "Kommunstyrelsen", "2026"),
    (("Ta fram en plan för att minska sjukfrånvaron bland", "medarbetarna i vård och omsorg"),
     "Vård- och omsorgsnämnden", "2027"),
    (("Utveckla samarbetet med det lokala näringslivet", "kring praktikplatser och feriearbeten för unga"),
     "Barn- och utbildningsnämnden", "2026"),
]
COLUMNS = (60, 330, 500)


def _task_table_page() -> list[tuple[float, float, float, str]]:
    lines = [(60, 60, 16, "Uppdrag under planperioden"),
             (60, 90, BODY, "Fullmäktige ger nämnderna följande uppdrag för perioden 2026–2028.")]
    y = 120.0
    lines += [(x, y, BODY, text) for x, text in zip(COLUMNS, ("Uppdrag", "Ansvarig nämnd", "Klart"))]
    for task, body, year in TASKS:
        y += 2 * LEADING
        lines += [(COLUMNS[0], y + k * LEADING, BODY, text) for k, text in enumerate(task)]
        lines += [(COLUMNS[1], y, BODY, body), (COLUMNS[2], y, BODY, year)]
        y += (len(task) - 1) * LEADING
    return lines


@pytest.fixture(scope="module")
def task_table(tmp_path_factory) -> Document:
    return generated_layout(tmp_path_factory.mktemp("columns") / "tasks.pdf", [_task_table_page()])


def test_task_table_page_is_not_two_columns(task_table):
    assert [p.columns for p in task_table.pages] == [1]


def test_task_table_is_read_row_by_row(task_table):
    """Each row's first line holds its cells in order; the task's wrapped lines follow it."""
    table = next(b for b in task_table.blocks if b.kind is BlockKind.TABLE)
    expected = []
    for task, body, year in TASKS:
        expected.append(f"{task[0]} {body} {year}")
        expected += task[1:]
    assert [ln.text for ln in table.lines][-len(expected):] == expected


def test_task_table_intro_stays_one_line(task_table):
    intro = "Fullmäktige ger nämnderna följande uppdrag för perioden 2026–2028."
    assert any(b.text == intro for b in task_table.blocks)


# -- (b) real two-column pages -----------------------------------------------------------------------

LEFT_PROSE = ("Ekonomi i balans", [
    ("Kommunens ekonomi är stabil men utmaningarna", "växer under planperioden. Antalet äldre ökar",
     "snabbare än antalet invånare i arbetsför ålder,", "och kostnaderna för lokaler och löner stiger."),
    ("Skatteunderlaget väntas växa långsammare än", "tidigare år. Budgeten bygger på den senaste",
     "prognosen från Sveriges Kommuner och Regioner."),
])
RIGHT_PROSE = ("Verksamhetens utveckling", [
    ("Nämnderna får en uppräkning av sina ramar för", "löner och priser under hela planperioden, men",
     "ska samtidigt effektivisera sina verksamheter."),
    ("Investeringarna prioriteras utifrån behoven i", "skolan och i omsorgen, och lånen ska inte öka",
     "under perioden. Fastigheterna ska underhållas."),
])


def _column(x: float, heading: str, paragraphs, y: float = 60) -> tuple[list[tuple[float, float, float, str]], float]:
    lines = [(x, y, 14, heading)]
    y += 26
    for paragraph in paragraphs:
        for text in paragraph:
            lines.append((x, y, BODY, text))
            y += LEADING
        y += BODY
    return lines, y


def _blocks(doc: Document) -> list[tuple[str, int, str]]:
    return [(b.kind.value, b.column, b.text) for b in doc.blocks]


def _expected(heading: str, paragraphs, column: int) -> list[tuple[str, int, str]]:
    return [("heading", column, heading)] + [("paragraph", column, " ".join(p)) for p in paragraphs]


def test_two_column_prose_page_is_read_column_by_column(tmp_path):
    left, _ = _column(60, *LEFT_PROSE)
    right, _ = _column(315, *RIGHT_PROSE)
    doc = generated_layout(tmp_path / "prose.pdf", [left + right])
    assert [p.columns for p in doc.pages] == [2]
    assert _blocks(doc) == _expected(*LEFT_PROSE, 1) + _expected(*RIGHT_PROSE, 2)


KEY_FIGURES = [("Nyckeltal", "2025", "2026"), ("Invånare", "15 480", "15 620"),
               ("Anställda", "1 210", "1 235"), ("Skattesats", "21,99", "21,99")]


def test_prose_beside_a_column_with_a_small_table_is_read_column_by_column(tmp_path):
    """The right column's key-figure table lines up in sub-columns, but the column is mostly prose."""
    left, _ = _column(60, *LEFT_PROSE)
    right, y = _column(315, *RIGHT_PROSE)
    for n, cells in enumerate(KEY_FIGURES):
        right += [(x, y + n * LEADING, BODY, text) for x, text in zip((315, 430, 490), cells)]
    doc = generated_layout(tmp_path / "figures.pdf", [left + right])
    assert [p.columns for p in doc.pages] == [2]
    expected = _expected(*LEFT_PROSE, 1) + _expected(*RIGHT_PROSE, 2)
    assert _blocks(doc)[: len(expected)] == expected


# -- (c) two tables side by side ----------------------------------------------------------------------

DRIFT = [("Kommunstyrelsen", "95 090", "96 486"), ("Socialnämnden", "205 172", "209 559"),
         ("Tekniska nämnden", "42 300", "43 100"), ("Kultur och fritid", "18 400", "18 900"),
         ("Summa", "361 962", "368 045")]
INVEST = [("Skolor", "40 000", "55 000"), ("Gator och vägar", "12 500", "13 000"), ("IT", "3 200", "2 800"),
          ("Idrottshall", "8 000", "1 000"), ("Summa", "63 700", "71 800")]


def test_two_tables_side_by_side_are_read_table_by_table(tmp_path):
    sheet = Sheet().page()
    tables = ((60, (215, 280), "Driftbudget", DRIFT), (320, (475, 540), "Investeringsbudget", INVEST))
    for x, edges, title, rows in tables:
        sheet.text(x, 80, title, "B", 12)
        sheet.row(105, "tkr", ("Budget 2026", "Plan 2027"), edges, "B", x=x)
        for n, (label, *figures) in enumerate(rows, start=1):
            sheet.row(105 + 17 * n, label, tuple(figures), edges, x=x)
    doc = laid_out(sheet.save(tmp_path / "side_by_side.pdf"))
    assert [p.columns for p in doc.pages] == [2]
    lines = [ln.text for b in doc.blocks if b.kind is BlockKind.TABLE for ln in b.lines]
    drift = [n for n, text in enumerate(lines) if text.startswith(tuple(r[0] for r in DRIFT[:-1]))]
    invest = [n for n, text in enumerate(lines) if text.startswith(tuple(r[0] for r in INVEST[:-1]))]
    assert len(drift) == len(invest) == 4 and max(drift) < min(invest)
    assert not any("Kommunstyrelsen" in text and "Skolor" in text for text in lines)


# -- a full-width line whose word space happens to fall in the gutter --------------------------------


def _words(top: float, *spans: tuple[float, float]) -> list[Word]:
    return [Word(f"ord{n}", x0, x1, top, top + 9, 9.0, False, False) for n, (x0, x1) in enumerate(spans)]


def test_full_width_line_is_not_split_at_a_word_space_in_the_gutter():
    """Columns end at 290 and start at 315; the sentence above them has an ordinary 3 pt word
    space at 301–304, in the middle of the gutter. It is one full-width line, not two."""
    sentence = _words(60, (60, 120), (124, 200), (204, 301), (304, 380), (384, 450))
    rows = [sentence] + [_words(80 + 12 * n, (60, 170), (174, 290), (315, 420), (424, 545)) for n in range(8)]
    ordered, columns = order_rows(rows, 1, 595.0, SETTINGS.derived(LayoutRules.of).columns)
    assert columns == 2
    assert [(len(line.words), column) for line, column in ordered[:2]] == [(5, 0), (2, 1)]
