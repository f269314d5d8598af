"""Money stated in running text: strict constructions that name what the money is for,
read only in budget documents and financial reports."""
from __future__ import annotations

from pipeline.extract.table_semantics import Vocabulary, YearKinds
from pipeline.extract.text_amounts import compile_patterns, text_amounts
from pipeline.model import Block, BlockKind, Document, DocumentRow, PageInfo
from tests.settings_helpers import SETTINGS


def doc(*texts: str) -> Document:
    """Paragraphs; a text opening with "# " is a heading, one opening with "- " a list item."""
    kinds = {"# ": BlockKind.HEADING, "- ": BlockKind.LIST_ITEM}
    blocks = [Block(kinds.get(t[:2], BlockKind.PARAGRAPH), t[2:] if t[:2] in kinds else t, 3,
                    (70, 100, 500, 120), 10.0, False, False) for t in texts]
    return Document("d", "x.pdf", [PageInfo(3, 595, 842, True)], {}, 10.0, blocks)


def read(*texts: str, doc_type: str = "budget", period: tuple[int, int] = (2026, 2028)):
    document = DocumentRow("d", "x.pdf", 1, "ok", "0", doc_type=doc_type, period_start=period[0], period_end=period[1])
    vocabulary = SETTINGS.derived(Vocabulary.of)
    years = YearKinds.of(["Budget 2026", "Plan 2027"], document, vocabulary)
    return text_amounts(doc(*texts), document, years, SETTINGS.derived(compile_patterns))


def test_allocations_name_their_recipient():
    rows = read(
        "Kultur- och utbildningsnämnden tilldelas 2,5 mnkr permanent kommunbidrag.",
        "600 tkr tillskjuts socialnämnden för tjänsten personligt ombud. Det är bra.",
        "Utöver den förstärkning på 3 mnkr som barn- och ungdomsnämnden erhåller "
        "tillskjuts ytterligare 700 tkr till nämnden.",
        "Barn- och ungdomsnämnden tilldelas 3 mnkr för att långsiktigt minska orosanmälningarna.",
    )
    assert [(r.row_label, r.value, r.unit, r.value_sek, r.page) for r in rows] == [
        ("Kultur- och utbildningsnämnden", 2.5, "mnkr", 2_500_000, 3),
        ("Socialnämnden", 600, "tkr", 600_000, 3),
        ("Barn- och ungdomsnämnden", 700, "tkr", 700_000, 3),
        ("Barn- och ungdomsnämnden", 3, "mnkr", 3_000_000, 3),
    ]
    assert rows[1].snippet == "600 tkr tillskjuts socialnämnden för tjänsten personligt ombud."
    assert all(r.source == "text" and r.year is None and r.kind is None for r in rows)


def test_statements_receipts_and_frames_with_their_years():
    rows = read(
        "Lönepotten uppgår till 15 mnkr år 2026, 47 mnkr år 2027 och 81 mnkr år 2028.",
        "Utvecklingsmedel avsätts för åren 2026, 2027 och 2028 med 10 mnkr.",
        "Kollektivtrafiknämnden får en ramförstärkning på 20 miljoner kronor 2026 utöver uppräkningen.",
        "Ram om 6,7 miljoner kronor till patientnämnden inklusive kansli 2026 fastställs.",
        "Avskrivningarna 2027 beräknades i budgetarbetet 2026–2030 till 94 mnkr, "
        "varav 73 mnkr i skattefinansierad verksamhet.",
    )
    assert [(r.row_label, r.value, r.unit, r.year, r.kind) for r in rows] == [
        ("Lönepotten", 15, "mnkr", 2026, "budget"),
        ("Lönepotten", 47, "mnkr", 2027, "plan"),
        ("Lönepotten", 81, "mnkr", 2028, "plan"),
        ("Utvecklingsmedel", 10, "mnkr", None, None),
        ("Kollektivtrafiknämnden – ramförstärkning", 20, "mnkr", 2026, "budget"),
        ("Patientnämnden inklusive kansli", 6.7, "mnkr", 2026, "budget"),
        ("Avskrivningarna 2027", 94, "mnkr", 2027, "plan"),
        ("Avskrivningarna 2027, skattefinansierad verksamhet", 73, "mnkr", 2027, "plan"),
    ]


def test_item_statements_and_years_continued_in_the_next_list_item():
    rows = read(
        "Den beräknade ramen för patientnämnden för 2026 uppgår till 6,7 miljoner kronor.",
        "- Ramen för 2026 års investeringar fastställs till 2 571 miljoner kronor.",
        "- Planeringsunderlag för investeringar fastställs för 2027 till 2 067 miljoner kronor",
        "- och för 2028 till 2 621 miljoner kronor.",
    )
    assert [(r.row_label, r.value, r.year, r.kind) for r in rows] == [
        ("Patientnämnden", 6.7, 2026, "budget"),
        ("Investeringar 2026", 2571, 2026, "budget"),
        ("Planeringsunderlag för investeringar", 2067, 2027, "plan"),
        ("Planeringsunderlag för investeringar", 2621, 2028, "plan"),
    ]


def test_a_purposed_allocation_names_its_breakdown():
    rows = read(
        "För nya hyreskostnader för skolor fördelas regionbidrag om 3 mnkr till nämnder 2027.",
        "Av dessa medel fördelas 2 mnkr till byggnadsnämnden (genom en ramjustering) och 1 mnkr till övriga nämnder.",
        "Inget mer sägs här.",
        "Av dessa fördelas 400 tkr till socialnämnden.",
    )
    assert [(r.row_label, r.value, r.year, r.kind) for r in rows] == [
        ("Regionbidrag till nämnder för nya hyreskostnader för skolor", 3, 2027, "plan"),
        ("Byggnadsnämnden (hyreskostnader)", 2, 2027, "plan"),
        ("Övriga nämnder (hyreskostnader)", 1, 2027, "plan"),
        ("Socialnämnden", 400, None, None),  # no allocation before it: no purpose, no year
    ]


def test_report_results_of_bodies_and_operations():
    rows = read(
        "# Fritidsgården",
        "Sammantaget redovisar verksamheten för fritidsgårdar ett underskott mot budget på 0,4 mnkr.",
        "Verksamheten redovisar ett överskott mot budget om 250 tkr.",
        "Nämnden redovisar ett överskott på 1,07 mnkr.",
        doc_type="annual_report", period=(2025, 2025))
    assert [(r.row_label, r.value, r.year, r.kind) for r in rows] == [
        ("Fritidsgårdar – underskott mot budget", 0.4, 2025, "deviation"),
        ("Fritidsgården – överskott mot budget", 250, 2025, "deviation"),
    ]


def test_named_figures_budget_lines_and_defined_items():
    rows = read(
        "Projektmedel från Kulturrådet (250 tkr) har använts till läsfrämjande insatser.",
        "Museet finansieras av entréavgifter (1,1 mnkr) och bidrag (2,6 mnkr).",
        "Biblioteket har med projektmedel (545 tkr) genomfört aktiviteter.",
        "*I budgeten för föreningsbidrag finns 800 tkr.",
        "Under året har 5,4 mnkr av den totala investeringsbudgeten på 10,5 mnkr nyttjats.",
        "En besparing på 20 mnkr ska ske inom administrationen.",
        doc_type="annual_report", period=(2025, 2025))
    assert [(r.row_label, r.value, r.unit, r.kind) for r in rows] == [
        ("Projektmedel från Kulturrådet", 250, "tkr", None),
        ("Föreningsbidrag – budget", 800, "tkr", "budget"),
        ("Totala investeringsbudgeten", 10.5, "mnkr", "budget"),
    ]


def test_report_money_for_the_year_takes_the_report_year():
    rows = read("Kultur- och fritidsnämnden redovisar ett överskott mot budget med 1,07 mnkr för året.",
                doc_type="annual_report", period=(2025, 2025))
    assert [(r.row_label, r.value, r.year) for r in rows] == [
        ("Kultur- och fritidsnämnden – överskott mot budget", 1.07, 2025)]


def test_prose_figures_ranges_promises_loans_and_averages_are_not_amounts():
    rows = read(
        "Investeringsnivån bör ligga på 300 400 Mkr per år.",
        "Vi vill satsa 10 miljarder kronor på välfärden.",
        "Nämnden redovisar ett överskott på 1,07 mnkr.",
        "Den totala investeringsvolymen uppgår i genomsnitt till 765 mnkr per år.",
        "Bankkontokreditens storlek fastställs till 1 500 miljoner kronor.",
        "Om skatten höjs med tio öre ökar intäkterna med 85 miljoner kronor.",
        "Sammantagen budgetpost för sommarjobb uppgår därmed till 2 mnkr.",
        "För 2026 budgeteras ett överskott om 422 mnkr.",
    )
    assert rows == []


def test_manifestos_and_unknown_documents_give_no_text_amounts():
    for doc_type in ("not_budget", "other"):
        assert read("Socialnämnden tilldelas 5 mnkr.", doc_type=doc_type) == []


def test_amounts_are_whole_numbers_as_find_numbers_reads_them():
    """A figure is never read from inside a number ("1500" is not "500"), thousands may be
    ungrouped or grouped with any space, and a malformed grouping is no amount."""
    rows = read(
        "Totalt 1500 tkr tillskjuts socialnämnden för personligt ombud.",
        "Socialnämnden tilldelas 1500 tkr.",
        "Kommunstyrelsen tilldelas 2\u00a0500 tkr.",
        "Kommunstyrelsen tilldelas 2 42 049 tkr.",
        "Socialnämnden tilldelas 4,1 mnkr.",
    )
    assert [(r.row_label, r.value, r.value_sek) for r in rows] == [
        ("Socialnämnden", 1500, 1_500_000), ("Socialnämnden", 1500, 1_500_000),
        ("Kommunstyrelsen", 2500, 2_500_000), ("Socialnämnden", 4.1, 4_100_000)]
    assert rows[-1].value_sek == 4_100_000.0  # exact, not 4099999.9999999995


def test_bare_millions_in_prose_are_not_money():
    assert read("Befolkningen beräknas till 3 miljoner invånare.", "Socialnämnden tilldelas 3 miljoner.") == []
