"""Table structure from positioned words: headers, columns, wrapped labels, continuations."""
from __future__ import annotations

from pipeline.extract.amounts import extract_amounts
from pipeline.extract.document_fields import document_fields
from pipeline.model import Block, BlockKind, Document, DocumentRow, Line, PageInfo, Word
from pipeline.tables import Table, TableSettings, build_tables
from tests.settings_helpers import SETTINGS

SIZE = 9.0
TABLES = SETTINGS.derived(TableSettings.of)
CHAR = 4.5  # width of one character at SIZE


def line(page: int, top: float, *cells: tuple[float, str], bold: bool = False) -> Line:
    """A line whose cells end at the given x (figures are right-aligned) or start there (labels)."""
    words: list[Word] = []
    for x, text in cells:
        right = x > 200  # figure columns sit right of x=200 in these tables
        start = x - len(text) * CHAR if right else x
        for part in text.split(" "):
            width = len(part) * CHAR
            words.append(Word(part, start, start + width, top, top + SIZE, SIZE, bold, False))
            start += width + 3.0  # a thousands-group or word gap, far below the cell gap
    return Line(page=page, words=words)


def table(page: int, lines: list[Line]) -> Block:
    first = lines[0]
    return Block(BlockKind.TABLE, " ".join(ln.text for ln in lines), page, (first.x0, first.top, 500, 700), SIZE,
                 False, False, lines=lines)


def heading(page: int, text: str) -> Block:
    return Block(BlockKind.HEADING, text, page, (70, 50, 300, 62), 13.0, True, False)


def grid(lines: list[Line]) -> Table:
    """The one table of a page holding just these lines."""
    (found,) = build_tables(Document("d", "x.pdf", [PageInfo(1, 595, 842, True)], {}, SIZE, [table(1, lines)]), TABLES)
    return found


def test_two_line_header_wrapped_label_blank_and_nil_cells():
    g = grid([
        line(1, 100, (70, "tkr"), (350, "Budget"), (450, "Plan"), bold=True),
        line(1, 112, (350, "2021"), (450, "2022"), bold=True),
        line(1, 130, (70, "Avgifter och"), (350, "1 200"), (450, "-")),
        line(1, 141, (70, "ersättningar")),
        line(1, 158, (70, "Bidrag"), (450, "- 6 279")),
        line(1, 176, (70, "Summa"), (350, "1 200"), (450, "-6 279"), bold=True),
    ])
    assert [c.label for c in g.columns] == ["Budget 2021", "Plan 2022"]
    assert g.stub == "tkr"
    labels = [(r.label, {c.col_index: c.value for c in r.cells}) for r in g.rows]
    assert labels == [
        ("Avgifter och ersättningar", {0: 1200.0, 1: None}),
        ("Bidrag", {1: -6279.0}),
        ("Summa", {0: 1200.0, 1: -6279.0}),
    ]


def test_group_rows_and_varav_rows_are_not_label_continuations():
    g = grid([
        line(1, 100, (70, "mnkr"), (350, "2026"), (450, "2027"), bold=True),
        line(1, 118, (70, "Anläggningstillgångar"), bold=True),
        line(1, 136, (70, "Utgående balans"), (350, "5 637"), (450, "5 975")),
        line(1, 154, (70, "varav årets avskrivningar"), (350, "457"), (450, "490")),
        line(1, 172, (70, "varav förändring RuR")),
        line(1, 190, (70, "Förråd"), (350, "70"), (450, "70")),
    ])
    assert [r.label for r in g.rows] == ["Utgående balans", "varav årets avskrivningar", "Förråd"]


def test_table_without_header_continues_previous_page_table():
    header = line(1, 100, (70, "Driftsbudget, tkr"), (350, "Budget 2021"), (450, "Plan 2022"), bold=True)
    doc = Document("d", "x.pdf", [PageInfo(1, 595, 842, True), PageInfo(2, 595, 842, True)], {}, SIZE, [
        heading(1, "Driftsbudget"),
        table(1, [header, line(1, 118, (70, "Socialnämnden"), (350, "205 172"), (450, "209 559"))]),
        table(2, [line(2, 60, (70, "Kommunstyrelsen"), (350, "95 090"), (450, "96 486")),
                  line(2, 78, (70, "Summa kommunbidrag"), (350, "300 262"), (450, "306 045"), bold=True)]),
    ])
    rows = amounts_of(doc)
    assert [(r.row_label, r.year, r.kind, r.page) for r in rows] == [
        ("Socialnämnden", 2021, "budget", 1), ("Socialnämnden", 2022, "plan", 1),
        ("Kommunstyrelsen", 2021, "budget", 2), ("Kommunstyrelsen", 2022, "plan", 2),
        ("Summa kommunbidrag", 2021, "budget", 2), ("Summa kommunbidrag", 2022, "plan", 2),
    ]
    assert {r.unit for r in rows} == {"tkr"} and rows[0].value_sek == 205_172_000
    assert [r.is_total for r in rows] == [False] * 4 + [True] * 2
    assert all(r.table_title == "Driftsbudget" for r in rows)


def test_table_without_header_or_financial_context_gives_nothing():
    doc = Document("d", "x.pdf", [PageInfo(1, 595, 842, True)], {}, SIZE, [
        heading(1, "Besökare"),
        table(1, [line(1, 100, (70, "Museet"), (350, "62 225"), (450, "60 000")),
                  line(1, 118, (70, "Biblioteket"), (350, "1 200"), (450, "1 300"))]),
    ])
    assert amounts_of(doc) == []


def test_percent_cells_and_row_units():
    g_lines = [
        line(1, 100, (350, "Utfall 2014"), (450, "Budget 2017"), bold=True),
        line(1, 118, (70, "Nettokostnadsandel (%)"), (350, "96,6%"), (450, "98,2%")),
        line(1, 136, (70, "Nettokostnad per invånare (kr)"), (350, "48 707"), (450, "52 876")),
    ]
    doc = Document("d", "x.pdf", [PageInfo(1, 595, 842, True)], {}, SIZE,
                   [heading(1, "Finansiella jämförelsetal"), table(1, g_lines)])
    rows = amounts_of(doc)
    assert [(r.value, r.unit, r.value_sek, r.kind) for r in rows] == [
        (96.6, "percent", None, "outcome"), (98.2, "percent", None, "budget"),
        (48707, "kr", 48707, "outcome"), (52876, "kr", 52876, "budget"),
    ]


def amounts_of(doc: Document):
    return extract_amounts(doc, build_tables(doc, TABLES), document_fields(doc, SETTINGS), SETTINGS).rows


def _doc(*blocks: Block) -> Document:
    return Document("d", "x.pdf", [PageInfo(p, 595, 842, True) for p in (1, 2)], {}, SIZE, list(blocks))


def caption(page: int, text: str) -> Block:
    return Block(BlockKind.CAPTION, text, page, (70, 600, 300, 610), 8.0, False, True)


def test_header_cell_reaching_left_of_a_narrow_column_names_it():
    g = grid([
        line(1, 100, (70, "INVESTERINGSBUDGET, mnkr"), (350, "Budget 2026"), (450, "Plan 2027"), bold=True),
        line(1, 118, (70, "Regionstyrelsen"), (350, "489"), (450, "572")),
    ])
    assert [c.label for c in g.columns] == ["Budget 2026", "Plan 2027"]
    assert g.corner == "INVESTERINGSBUDGET, mnkr"


def test_numbered_caption_names_table_and_ends_it():
    """A caption under a table closes it: the next table with the same year columns is a new
    table with its own unit, not a continuation."""
    def part(page: int, top: float, corner: str, value: str) -> Block:
        return table(page, [line(page, top, (70, corner), (350, "2026"), (450, "2027"), bold=True),
                            line(page, top + 18, (70, "Medel"), (350, value), (450, value))])
    rows = amounts_of(_doc(
        heading(1, "Satsningar"), part(1, 100, "Tillkommande satsningar (tkr)", "1 000"),
        caption(1, "Tabell 3. Tillkommande satsningar per nämnd"),
        part(1, 300, "Reserverade medel, mnkr", "15"), caption(1, "Tabell 4. Reserverade medel"),
    ))
    assert [(r.table_title, r.unit, r.value_sek) for r in rows[::2]] == [
        ("Tillkommande satsningar per nämnd", "tkr", 1_000_000), ("Reserverade medel", "mnkr", 15_000_000)]


def test_repeated_header_with_same_corner_continues_across_a_sub_heading():
    def part(page: int, label: str) -> Block:
        return table(page, [line(page, 100, (70, "Finansieringsbudget, mnkr"), (350, "Budget 2026"), (450, "Plan 2027"),
                                 bold=True), line(page, 118, (70, label), (350, "−706"), (450, "(828)"))])
    rows = amounts_of(_doc(heading(1, "Balans- och finansieringsbudget"), part(1, "Årets resultat"),
                                heading(1, "Investeringsverksamhet"), part(2, "Investeringar"),
                                caption(2, "Tabell 11. Finansieringsbudget")))
    assert {r.table_title for r in rows} == {"Finansieringsbudget"}
    # "(828)" alone in its cell is an accounting negative, whatever signs other cells print
    assert [r.value for r in rows] == [-706, -828, -706, -828]


def _investments(second_header: tuple[str, str]) -> list[Table]:
    """A projects table on page 1 under a two-line header ("Budget 2025" over "Budget"),
    and the next page under a one-line header, then its numbered caption."""
    first = table(1, [line(1, 100, (70, "Projekt, mnkr"), (350, "Budget 2025"), (450, "Plan 2026"), bold=True),
                      line(1, 112, (350, "Budget"), (450, "Plan"), bold=True),
                      line(1, 130, (70, "Falu lasarett"), (350, "135"), (450, "109"))])
    second = table(2, [line(2, 60, (70, "Projekt, mnkr"), *zip((350, 450), second_header), bold=True),
                       line(2, 78, (70, "Mora lasarett"), (350, "20"), (450, "5"))])
    return build_tables(_doc(heading(1, "Betydande investeringsprojekt"), first, second,
                             caption(2, "Tabell 7. Fastighetsinvesteringar")), TABLES)


def test_a_header_repeated_without_one_of_its_lines_continues_the_table():
    """The next page repeats the header without its line of kinds: one table, named by the
    caption under its last page, its columns labelled as both pages print them; a header
    naming other years starts a table of its own."""
    (found,) = _investments(("Budget 2025", "Plan 2026"))
    assert found.pages == [1, 2] and found.title == "Fastighetsinvesteringar"
    assert [c.label for c in found.columns] == ["Budget 2025", "Plan 2026"]
    assert [r.label for r in found.rows] == ["Falu lasarett", "Mora lasarett"]
    assert len(_investments(("Budget 2026", "Plan 2027"))) == 2


def test_bare_years_take_their_kind_from_the_document():
    """Stated elsewhere in the document ("Budget 2021", "Plan 2022"), else by the period of a
    budget (later years are plan), and every bare year of an annual report is an outcome."""
    doc = _doc(
        heading(1, "Resultatbudget"),
        table(1, [line(1, 100, (70, "tkr"), (350, "Budget 2021"), (450, "Plan 2022"), bold=True),
                  line(1, 118, (70, "Skatteintäkter"), (350, "1 000"), (450, "1 100"))]),
        heading(1, "Investeringsbudget"),
        table(1, [line(1, 300, (70, "tkr"), (300, "2021"), (400, "2022"), (500, "2024"), bold=True),
                  line(1, 318, (70, "Kommunstyrelsen"), (300, "42 350"), (400, "55 000"), (500, "48 900"))]),
    )

    def kinds(doc_type: str) -> list:
        document = DocumentRow("d", "x.pdf", 1, "ok", "0", doc_type=doc_type, period_start=2021, period_end=2023)
        rows = extract_amounts(doc, build_tables(doc, TABLES), document, SETTINGS).rows
        return [(r.year, r.kind) for r in rows if r.table_title == "Investeringsbudget"]

    assert kinds("budget") == [(2021, "budget"), (2022, "plan"), (2024, "plan")]
    assert kinds("annual_report") == [(2021, "outcome"), (2022, "outcome"), (2024, "outcome")]
    assert kinds("other") == [(2021, "budget"), (2022, "plan"), (2024, None)]


def test_cues_and_kinds_are_anchored_at_word_starts():
    from pipeline.extract.table_semantics import Vocabulary

    vocabulary = SETTINGS.derived(Vocabulary.of)
    kind_of, is_financial = vocabulary.kind_of, vocabulary.is_financial
    assert [kind_of(label) for label in ("Program", "Medelvärde", "Driftbudget 2026", "Ram 2026",
                                         "Helårsprognos", "Budgetavvikelse")] == [
        None, None, "budget", "budget", "forecast", "deviation"]
    assert not any(is_financial(t) for t in ("Framtidens program", "Medelvärde per elev", "Antal besök"))
    assert all(is_financial(t) for t in ("Resultatbudget", "Reserverade medel", "Regionbidragsförändringar",
                                         "Fastighetsinvesteringar", "Ramar per nämnd"))


def test_a_total_is_multi_year_and_a_one_year_total_column_is_that_years_figure():
    from pipeline.extract.table_semantics import Vocabulary

    kind_of = SETTINGS.derived(Vocabulary.of).kind_of
    assert kind_of("Totalt 2026–2028") == kind_of("Total projektbudget") == "total"
    assert kind_of("Totalt 2026") is None  # the year's kind in the document decides
    assert kind_of("Totalt budget 2026") == "budget"


def _stacked(lower_header: list[Line], lower_x: tuple[float, float]) -> list[Table]:
    """A result table with four year columns and, in the same region, more rows under a
    header of their own whose figures end at `lower_x`."""
    upper = [line(1, 100, (70, "(tkr)"), (300, "2026"), (350, "2027"), (400, "2028"), (450, "2029"), bold=True),
             line(1, 118, (70, "Intäkter"), (300, "7 231"), (350, "7 600"), (400, "7 919"), (450, "8 220")),
             line(1, 130, (70, "Årets resultat"), (300, "937"), (350, "980"), (400, "1 021"), (450, "1 060"))]
    lower = [line(1, 190, (70, "Ingående eget kapital"), *zip(lower_x, ("9 279", "10 259"))),
             line(1, 202, (70, "Utgående eget kapital"), *zip(lower_x, ("10 259", "11 280")))]
    return build_tables(_doc(heading(1, "Resultatbudget samt eget kapital"), table(1, upper + lower_header + lower)),
                        TABLES)


def test_a_dated_header_under_figure_rows_starts_a_stacked_table():
    """"Budget 2027 | Ram 2028" printed under the result rows, over figures that end between
    the columns above: a second table, its two-line header kept whole even where it is set
    left-aligned, left of its right-aligned figures ("Budget" over "2027")."""
    header = [Line(page=1, words=[Word("Budget", 275, 302, 160, 169, SIZE, True, False),
                                  Word("Ram", 340, 355, 160, 169, SIZE, True, False)]),
              Line(page=1, words=[Word("2027", 275, 293, 172, 181, SIZE, True, False),
                                  Word("2028", 340, 358, 172, 181, SIZE, True, False)])]
    first, second = _stacked(header, (325, 375))
    assert [c.label for c in first.columns] == ["2026", "2027", "2028", "2029"] and len(first.rows) == 2
    assert [c.label for c in second.columns] == ["Budget 2027", "Ram 2028"]
    assert [r.label for r in second.rows] == ["Ingående eget kapital", "Utgående eget kapital"]


def test_a_line_of_kinds_over_a_section_of_the_same_columns_does_not_split_a_table():
    """A group's kind line ("Budget Plan") inside one table, over rows that leave a column
    empty, is no table of its own: it states no year and its figures end at the columns above."""
    kinds = [line(1, 172, (300, "Budget"), (400, "Plan"), bold=True)]
    (found,) = _stacked(kinds, (300, 400))
    assert len(found.columns) == 4 and len(found.rows) == 4
