"""Year, unit and total of table figures from the table's structure and the document's period
(table_years, table_units, table_totals), on hand-built layouts."""
from __future__ import annotations

from pipeline.extract.amounts import extract_amounts
from pipeline.model import DocumentRow, Word
from pipeline.tables import build_tables
from pipeline.tables.columns import join_header
from tests.fast.test_tables import SIZE, TABLES, _doc, heading, line, table
from tests.settings_helpers import SETTINGS


def rows_of(doc, doc_type: str = "interim_report", start: int = 2026, end: int = 2026):
    document = DocumentRow("d", "x.pdf", 2, "ok", "0", doc_type=doc_type, period_start=start, period_end=end)
    return extract_amounts(doc, build_tables(doc, TABLES), document, SETTINGS).rows


def test_undated_columns_take_the_report_year_and_fg_ar_the_year_before():
    """A delårsrapport prints "Utfall | Budget | Utfall fg år | Prognos helår" without years:
    the document's single year dates them, "fg år" is the year before it, a comparison with
    the previous year is still of the report year, and a full-year column that names no kind
    ("Resultat helår": budget or forecast) is of the report year but of no kind."""
    doc = _doc(
        heading(1, "Resultatredovisning i sammandrag"),
        table(1, [line(1, 100, (70, "Belopp i mnkr"), (240, "Utfall"), (310, "Budget"), (380, "Utfall fg år"),
                       (460, "Resultat helår"), (570, "Avv. mot fg år"), bold=True),
                  line(1, 118, (70, "Intäkter"), (240, "373,6"), (310, "375,7"), (380, "346,2"), (460, "1 513,3"),
                       (570, "27,4"))]),
    )
    got = [(r.column_label, r.year, r.year_source, r.kind) for r in rows_of(doc)]
    assert got == [
        ("Utfall", 2026, "document", "outcome"), ("Budget", 2026, "document", "budget"),
        ("Utfall fg år", 2025, "document", "outcome"), ("Resultat helår", 2026, "document", None),
        ("Avv. mot fg år", 2026, "document", "deviation"),
    ]
    assert rows_of(doc, "budget", 2026, 2028)[0].year is None  # a multi-year document dates nothing


def test_title_year_and_month_period_date_columns():
    """A title naming one year ("Driftredovisning 2025") dates its undated columns; a YYYYMM
    header ("Utfall 202503") is that year; a printed year beats both."""
    doc = _doc(
        heading(1, "Driftredovisning 2025"),
        table(1, [line(1, 100, (70, "tkr"), (300, "Budget"), (400, "Utfall 202503"), (500, "Plan 2026"), bold=True),
                  line(1, 118, (70, "Kommunstyrelsen"), (300, "1 000"), (400, "250"), (500, "1 100"))]),
    )
    got = [(r.year, r.year_source) for r in rows_of(doc, "budget", 2025, 2027)]
    assert got == [(2025, "title"), (2025, "column"), (2026, "column")]


def _two_tables(detail_value: str, detail_budget: str = "31,4"):
    return _doc(
        heading(1, "Resultat i sammandrag"),
        table(1, [line(1, 100, (70, "Belopp i mnkr"), (350, "Utfall"), (450, "Budget"), bold=True),
                  line(1, 118, (70, "Resultat"), (350, "22,5"), (450, "31,4"))]),
        heading(2, "Resultat per verksamhet"),
        table(2, [line(2, 100, (70, "Verksamhet"), (350, "Utfall"), (450, "Budget"), bold=True),
                  line(2, 118, (70, "Ekonomi"), (350, "6,8"), (450, "1,0")),
                  line(2, 130, (70, "Totalt"), (350, detail_value), (450, detail_budget))]),
    )


def test_a_table_without_unit_takes_the_unit_of_a_table_printing_its_figures():
    """The detail table prints the summary's 22,5 and 31,4 and no unit: it is in the summary's
    mnkr, marked "document"; with no distinctive figure in common it stays without a unit."""
    detail = [r for r in rows_of(_two_tables("22,5")) if r.page == 2]
    assert {(r.unit, r.unit_source) for r in detail} == {("mnkr", "document")}
    assert detail[0].value_sek == 6_800_000
    alone = [r for r in rows_of(_two_tables("29,5", "30,0")) if r.page == 2]
    assert {(r.unit, r.value_sek) for r in alone} == {(None, None)}


def _scaled_pair(summa_2027: str, unit_finer: bool = True):
    """A resultatbudget and a driftbudget printing the same totals at two scales: the
    driftbudget's sums are the nettokostnad (negative there) in a unit 1 000 times finer."""
    stated, unknown = ("RESULTATBUDGET, mnkr", "Driftbudget") if unit_finer else ("Driftbudget, tkr", "Resultat")
    coarse = (("Verksamhetens nettokostnad", "−12 687", "−13 105"), ("Skatteintäkter", "8 986", "9 325"))
    fine = (("Kommunstyrelsen", "4 550 286", "4 604 601"), ("Socialnämnden", "8 137 000", "8 500 000"),
            ("Summa", "12 687 286", summa_2027))
    first, second = (coarse, fine) if unit_finer else (fine, coarse)

    def body(page: int, rows: tuple[tuple[str, str, str], ...]):
        return [line(page, 118 + 12 * i, (70, label), (350, a), (450, b)) for i, (label, a, b) in enumerate(rows)]

    return _doc(
        heading(1, stated),
        table(1, [line(1, 100, (70, "Mnkr" if unit_finer else "Tkr"), (350, "Budget 2026"), (450, "Plan 2027"),
                       bold=True), *body(1, first)]),
        heading(2, unknown),
        table(2, [line(2, 100, (70, "Nämnd"), (350, "Budget 2026"), (450, "Plan 2027"), bold=True), *body(2, second)]),
    )


def test_a_table_printing_another_tables_figures_at_another_scale_is_in_the_neighbouring_unit():
    """A driftbudget without unit whose sums, divided by 1 000 and rounded, are two of the
    resultatbudget's mnkr figures is in tkr; a summary without unit whose figures are a tkr
    table's divided by 1 000 is in mnkr; one figure in common at scale carries no unit."""
    finer = {(r.unit, r.unit_source) for r in rows_of(_scaled_pair("13 104 601"), "budget", 2026, 2027) if r.page == 2}
    assert finer == {("tkr", "document")}
    coarser = [r for r in rows_of(_scaled_pair("13 104 601", unit_finer=False), "budget", 2026, 2027) if r.page == 2]
    assert {(r.unit, r.unit_source) for r in coarser} == {("mnkr", "document")}
    assert coarser[0].value_sek == -12_687_000_000
    once = {(r.unit, r.value_sek) for r in rows_of(_scaled_pair("13 204 601"), "budget", 2026, 2027) if r.page == 2}
    assert once == {(None, None)}


def test_a_unit_note_below_the_table():
    from pipeline.model import Block, BlockKind
    note = Block(BlockKind.CAPTION, "Alla belopp i tusental kronor", 1, (70, 140, 300, 150), 8.0, False, True)
    doc = _doc(heading(1, "Driftbudget"),
               table(1, [line(1, 100, (70, "Nämnd"), (350, "Budget 2026"), (450, "Plan 2027"), bold=True),
                         line(1, 118, (70, "Kommunstyrelsen"), (350, "1 000"), (450, "1 100"))]),
               note)
    assert {(r.unit, r.unit_source, r.value_sek) for r in rows_of(doc, "budget", 2026, 2027)[:1]} \
        == {("tkr", "caption", 1_000_000)}


def test_totals_by_arithmetic_above_below_and_varav():
    """A row that is the sum of the rows above it, or of the rows indented under it, is a
    total without any cue word; "varav" rows are parts of an item; one column adding up by
    chance is not enough."""
    doc = _doc(
        heading(1, "Investeringar"),
        table(1, [line(1, 100, (70, "tkr"), (350, "Budget 2026"), (450, "Prognos 2026"), bold=True),
                  line(1, 118, (70, "Expansion"), (350, "3 100"), (450, "2 600")),
                  line(1, 130, (80, "Kärl"), (350, "1 600"), (450, "1 600")),
                  line(1, 142, (80, "Containrar"), (350, "1 500"), (450, "1 000")),
                  line(1, 154, (70, "Reinvestering"), (350, "900"), (450, "800")),
                  line(1, 166, (70, "- varav fordon"), (350, "600"), (450, "500")),
                  line(1, 178, (70, "Anpassning"), (350, "100"), (450, "300")),
                  line(1, 190, (70, "Utgifter"), (350, "4 100"), (450, "3 700")),
                  line(1, 202, (70, "Inkomster"), (350, "500"), (450, "100")),
                  line(1, 214, (70, "Avgifter"), (350, "400"), (450, "50")),
                  line(1, 226, (70, "Bidrag"), (350, "900"), (450, "70"))]),
    )
    rows = {r.row_label: r for r in rows_of(doc, "budget", 2026, 2026) if r.col_index == 0}
    assert [label for label, r in rows.items() if r.is_total] == ["Expansion", "Utgifter"]
    assert rows["Kärl"].parent_label == "Expansion" and rows["- varav fordon"].parent_label == "Reinvestering"
    assert rows["Kärl"].sum_check == "passed" and rows["Bidrag"].sum_check == "none"


def test_a_header_word_wrapped_without_hyphen_is_rejoined_only_into_a_kind_word():
    def words(*texts: tuple[str, float]) -> list[Word]:
        return [Word(t, 300, 330, top, top + SIZE, SIZE, False, False) for t, top in texts]

    kinds = TABLES.kind_words
    assert join_header(words(("Budgetav", 100), ("vikelse", 110)), kinds) == "Budgetavvikelse"
    assert join_header(words(("Avvik", 100), ("else", 110)), kinds) == "Avvikelse"
    assert join_header(words(("Fg", 100), ("prognos", 110)), kinds) == "Fg prognos"
    assert join_header(words(("Utfall", 100), ("intäkter", 110)), kinds) == "Utfall intäkter"


def _summa_table(income_total: str, cost_total: str):
    """A drift table with a "Summa" row under three items, in three columns."""
    return _doc(
        heading(1, "Driftredovisning"),
        table(1, [line(1, 100, (70, "tkr"), (300, "Intäkter 2026"), (400, "Kostnader 2026"), (500, "Netto 2026"),
                       bold=True),
                  line(1, 118, (70, "Kultur"), (300, "1 200"), (400, "-3 400"), (500, "-2 200")),
                  line(1, 130, (70, "Fritid"), (300, "800"), (400, "-2 900"), (500, "-2 100")),
                  line(1, 142, (70, "Bibliotek"), (300, "150"), (400, "-1 650"), (500, "-1 500")),
                  line(1, 154, (70, "Summa"), (300, income_total), (400, cost_total), (500, "-5 800"), bold=True)]),
    )


def test_a_marked_sum_that_does_not_add_up_in_one_column_fails_there():
    """"Summa" adds up in two columns and not in the third (a sign lost, a row changed after
    the sum was typed): that column of the sum and its parts fails, the others pass, and the
    printed figures are kept."""
    rows = rows_of(_summa_table("-2 150", "-7 950"), "budget", 2026, 2026)
    checks = {(r.row_label, r.col_index): (r.sum_check, r.value) for r in rows}
    assert checks[("Summa", 0)] == ("failed", -2150) and checks[("Kultur", 0)] == ("failed", 1200)
    assert checks[("Summa", 1)] == ("passed", -7950) and checks[("Fritid", 2)] == ("passed", -2100)
    assert [r.row_label for r in rows if r.is_total] == ["Summa"] * 3
    # off by more than one step but within the rounding of four printed figures: no failure
    within = rows_of(_summa_table("2 152", "-7 950"), "budget", 2026, 2026)
    assert {r.sum_check for r in within if r.col_index == 0} == {"none"}


def test_a_sum_that_adds_up_in_one_column_only_is_not_failed():
    """One column adding up can be chance: a marked sum off in two of three columns is not
    checked against the rows above at all."""
    rows = rows_of(_summa_table("-2 150", "-1 000"), "budget", 2026, 2026)
    assert {r.sum_check for r in rows} == {"none"}


def test_a_budget_or_frame_of_a_later_year_in_a_budget_is_its_plan():
    """"Budget 2027 | Ram 2028 | Ram 2029" in the budget for 2027: only 2027 is budgeted, the
    frames of later years are plans, and so are the bare later years elsewhere."""
    doc = _doc(heading(1, "Resultatbudget"),
               table(1, [line(1, 100, (70, "tkr"), (300, "Budget 2027"), (400, "Ram 2028"), (500, "Ram 2029"),
                              bold=True),
                         line(1, 118, (70, "Årets resultat"), (300, "980"), (400, "1 021"), (500, "1 060"))]),
               heading(2, "Investeringar"),
               table(2, [line(2, 100, (70, "tkr"), (350, "2027"), (450, "2028"), bold=True),
                         line(2, 118, (70, "Fordon"), (350, "12 250"), (450, "9 600"))]))
    rows = rows_of(doc, "budget", 2027, 2029)
    assert [(r.year, r.kind) for r in rows] == [(2027, "budget"), (2028, "plan"), (2029, "plan"),
                                                (2027, "budget"), (2028, "plan")]
    # an outcome document is not a budget: its frames stay what they say
    assert {r.kind for r in rows_of(doc, "annual_report", 2027, 2027) if r.year == 2028 and r.page == 1} == {"budget"}
