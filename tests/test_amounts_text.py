"""Money allocated in running text: verb + amount + named recipient, budgets only."""
from __future__ import annotations

from pipeline.extract.text_amounts import text_amounts
from pipeline.model import Block, BlockKind, Document, PageInfo


def doc(*texts: str) -> Document:
    blocks = [Block(BlockKind.PARAGRAPH, t, 3, (70, 100, 500, 120), 10.0, False, False) for t in texts]
    return Document("d", "x.pdf", [PageInfo(3, 595, 842, True)], {}, 10.0, blocks)


def test_allocations_name_their_recipient():
    rows = text_amounts(doc(
        "Kultur- och utbildningsnämnden tilldelas 2,5 mnkr permanent kommunbidrag.",
        "600 tkr tillskjuts socialnämnden för tjänsten personligt ombud. Det är bra.",
        "Utöver den förstärkning på 3 mnkr som barn- och ungdomsnämnden erhåller tillskjuts ytterligare 700 tkr till nämnden.",
    ), table_rows=10)
    assert [(r.row_label, r.value, r.unit, r.value_sek, r.page) for r in rows] == [
        ("Kultur- och utbildningsnämnden", 2.5, "mnkr", 2_500_000, 3),
        ("Socialnämnden", 600, "tkr", 600_000, 3),
        ("Barn- och ungdomsnämnden", 700, "tkr", 700_000, 3),
    ]
    assert rows[1].snippet == "600 tkr tillskjuts socialnämnden för tjänsten personligt ombud."
    assert all(r.source == "text" and r.year is None and r.kind is None for r in rows)


def test_prose_figures_ranges_and_promises_are_not_allocations():
    rows = text_amounts(doc(
        "Investeringsnivån bör ligga på 300 400 Mkr per år.",
        "Vi vill satsa 10 miljarder kronor på välfärden.",
        "Nämnden redovisar ett överskott på 1,07 mnkr.",
    ), table_rows=10)
    assert rows == []


def test_documents_without_table_amounts_give_no_text_amounts():
    assert text_amounts(doc("Socialnämnden tilldelas 5 mnkr."), table_rows=0) == []
