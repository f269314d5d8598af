"""Arithmetic cross-checks and unit plausibility on constructed amounts tables."""
from __future__ import annotations

from dataclasses import asdict

import pandas as pd
import pytest

from pipeline.contract import column_names
from pipeline.model import AmountRow
from pipeline.validate.checks import INCOMPLETE, INCONSISTENT, OK, ROUNDING, UNEXPLAINED
from pipeline.validate.crossfoot import crossfoot
from pipeline.validate.tables import tables
from pipeline.validate.units import unit_checks
from tests.settings_helpers import SETTINGS

FACTOR = {"kr": 1, "tkr": 1000, "mnkr": 1_000_000}


class Table:
    """Builds the amount rows of one printed table, row by row, in reading order."""

    def __init__(
        self, title: str, columns: list[tuple[str, str, int | None]], unit: str = "tkr", page: int = 33, doc: str = "d1"
    ) -> None:
        self.title, self.columns, self.unit, self.page, self.doc = title, columns, unit, page, doc
        self.rows: list[AmountRow] = []
        self.row_count = 0

    def row(
        self, label: str, *values: float | None, total: bool = False, page: int | None = None, unit: str | None = None
    ) -> Table:
        unit = unit or self.unit
        for col_index, ((column, kind, year), value) in enumerate(zip(self.columns, values)):
            if value is None:
                continue
            self.rows.append(
                AmountRow(
                    doc_id=self.doc, amount_id=f"{self.doc}-{self.title}-{len(self.rows)}",
                    source="table", row_label=label, value=value, page=page or self.page, is_total=total,
                    table_title=self.title, column_label=column, year=year, kind=kind, unit=unit,
                    value_sek=value * FACTOR[unit] if unit in FACTOR else None,
                    table_id=self.title, row_index=self.row_count, col_index=col_index, rule="table",
                )
            )
        self.row_count += 1
        return self


def frame_of(*tables_: Table) -> pd.DataFrame:
    rows = [asdict(r) for t in tables_ for r in t.rows]
    return pd.DataFrame({c: pd.Series([r[c] for r in rows], dtype=object) for c in column_names("amounts")})


def checks_of(*tables_: Table):
    return crossfoot(tables(frame_of(*tables_)), SETTINGS)


def only(checks, label: str, column: str | None = None):
    found = [c for c in checks if c.row_label == label and (column is None or c.column_label == column)]
    assert len(found) == 1, found
    return found[0]


DRIFT = [("Budget 2025", "budget", 2025), ("Utfall 2025", "outcome", 2025), ("Återstår", "deviation", None)]
ROWS = [  # label, budget, outcome, remaining: the operating table of an annual report, tkr
    ("Nämnd- och styrelseverksamhet", -1_100, -1_046, -54),
    ("Allmän kulturverksamhet", -2_612, -2_564, -48),
    ("Allmän fritidsverksamhet", -6_400, -6_279, -121),
    ("Bibliotek", -20_007, -19_950, -57),
    ("Gem adm kultur och fritid", -33_000, -32_212, -788),
]


def drift_table(summa_outcome: float) -> Table:
    table = Table("Driftredovisning", DRIFT)
    for label, budget, outcome, remaining in ROWS:
        table.row(label, budget, outcome, remaining)
    budget = sum(r[1] for r in ROWS)
    outcome = sum(r[2] for r in ROWS)
    return table.row("Summa totalt", budget, summa_outcome, budget - outcome, total=True)


def test_total_off_its_rows_is_a_source_inconsistency_with_page_and_difference():
    rows_sum = sum(r[2] for r in ROWS)  # -62 051
    check = only(checks_of(drift_table(rows_sum - 28)), "Summa totalt", "Utfall 2025")
    assert check.outcome == INCONSISTENT
    assert check.page == 33 and check.expected == rows_sum and check.difference == -28
    assert "p33" in check.message and "-62 079" in check.message and "-62 051" in check.message


def test_total_within_rounding_is_not_an_error():
    rows_sum = sum(r[2] for r in ROWS)
    check = only(checks_of(drift_table(rows_sum + 2)), "Summa totalt", "Utfall 2025")
    assert check.outcome == ROUNDING  # 5 figures + the total: ±3 tkr of rounding
    exact = only(checks_of(drift_table(rows_sum)), "Summa totalt", "Utfall 2025")
    assert exact.outcome == OK


def test_rounding_tolerance_grows_with_the_rows_summed():
    two = Table("T", [("Budget 2025", "budget", 2025)]).row("a", 10).row("b", 20).row("Summa", 32, total=True)
    assert only(checks_of(two), "Summa").outcome == INCONSISTENT  # ±1.5 for three figures
    many = Table("T", [("Budget 2025", "budget", 2025)])
    for i in range(6):
        many.row(f"r{i}", 10)
    many.row("Summa", 62, total=True)
    assert only(checks_of(many), "Summa").outcome == ROUNDING  # ±3.5 for seven figures


def test_decimals_set_the_rounding_unit():
    mnkr = Table("Investeringar", [("Ack. Utfall", "outcome", None)], unit="mnkr", page=21)
    mnkr.row("Projekt A", 10.5).row("Projekt B", 4.627).row("Summa", 15.130, total=True)
    check = only(checks_of(mnkr), "Summa")
    assert check.outcome == INCONSISTENT and check.difference == pytest.approx(0.003)


def test_counts_are_exact():
    counts = Table("Bidrag", [("Antal 2025", "other", 2025)], unit="count")
    counts.row("a", 20).row("b", 12).row("c", 8).row("Totalt", 39, total=True)
    assert only(checks_of(counts), "Totalt").outcome == INCONSISTENT


def test_deviation_column_either_sign_convention():
    checks = checks_of(drift_table(sum(r[2] for r in ROWS)))
    assert all(c.outcome == OK for c in checks if c.check == "deviation")
    flipped = Table("Drift", DRIFT).row("x", -100, -90, 10).row("y", 50, 45, -2)
    by_label = {c.row_label: c for c in checks_of(flipped) if c.check == "deviation"}
    assert by_label["x"].outcome == OK  # Utfall − Budget
    assert by_label["y"].outcome == INCONSISTENT and by_label["y"].expected == -5


def test_wrong_remaining_on_the_total_row_is_found():
    table = drift_table(sum(r[2] for r in ROWS) - 28)  # Återstår stays at the rows' figure
    check = only([c for c in checks_of(table) if c.check == "deviation"], "Summa totalt")
    assert check.outcome == INCONSISTENT and abs(check.difference) == 28


def test_subtotals_and_grand_total():
    table = Table("Investeringar", [("Budget 2025", "budget", 2025)])
    table.row("a", 1).row("b", 2).row("Summa pågående", 3, total=True)
    table.row("c", 10).row("Summa avslutade", 10, total=True)
    table.row("Summa investeringsprojekt", 13, total=True)
    assert {c.row_label: c.outcome for c in checks_of(table)} == {
        "Summa pågående": OK, "Summa avslutade": OK, "Summa investeringsprojekt": OK,
    }


def test_running_results_of_a_resultatbudget():
    table = Table("Resultatbudget", [("Budget 2021", "budget", 2021)])
    table.row("Verksamhetens intäkter", 300).row("Verksamhetens kostnader", -2_600).row("Avskrivningar", -100)
    table.row("Verksamhetens nettokostnader", -2_400, total=True)
    table.row("Skatteintäkter", 2_000).row("Generella statsbidrag och utjämning", 500)
    table.row("Verksamhetens resultat", 100, total=True)
    table.row("Finansiella intäkter", 10).row("Finansiella kostnader", -5).row("Finansnetto", 5, total=True)
    table.row("Resultat före extraordinära poster", 105, total=True)
    assert {c.outcome for c in checks_of(table) if c.check == "column_sum"} == {OK}


def test_identity_holds_for_costs_printed_without_sign():
    table = Table("Resultatbudget", [("Budget 2021", "budget", 2021)])
    table.row("Verksamhetens intäkter", 300).row("Verksamhetens kostnader", 2_600).row("Avskrivningar", 100)
    table.row("Verksamhetens nettokostnader", -2_400, total=False)
    check = only(checks_of(table), "Verksamhetens nettokostnader")
    assert check.check == "identity" and check.outcome == OK


def test_breakdown_rows_are_not_summed():
    table = Table("Ramar", [("Budget 2026", "budget", 2026)])
    table.row("Hälso- och sjukvårdsnämnden", 100).row("varav Vårduppdrag", 40).row("Regionkontoret", 50)
    table.row("Summa fördelat", 150, total=True)
    assert only(checks_of(table), "Summa fördelat").outcome == OK


def test_total_printed_in_another_unit():
    table = Table("Tillkommande satsningar (tkr)", [("2026", None, 2026)])
    table.row("a", 200).row("b", 26_100).row("Summa", 26_300_000, total=True)
    check = only(checks_of(table), "Summa")
    assert check.outcome == INCONSISTENT and "another unit" in check.message


def test_a_total_far_from_every_sum_is_only_a_warning():
    table = Table("Kassaflöde", [("Budget 2026", "budget", 2026)])
    table.row("Investeringar", -700).row("Försäljning", -6).row("Årets kassaflöde", 200, total=True)
    assert only(checks_of(table), "Årets kassaflöde").outcome == UNEXPLAINED


def test_a_total_printed_with_the_opposite_sign_is_a_source_inconsistency():
    """Rows that add up to +1 633,7 under a total printed −1 633,7: a minus sign lost or
    added in the source, not "no plain sum"; in tkr and in mnkr with decimals alike."""
    for unit, rows in (("mnkr", (1_203.3, 430.4)), ("tkr", (52_000, -2_500))):
        table = Table("Resultatuppföljning", [("Prognos intäkter helår", "forecast", 2026)], unit=unit)
        table.row("Total förvaltning", rows[0], total=True).row("Övrigt", rows[1]).row("Ränta", 0)
        table.row("Totalt", -sum(rows), total=True)
        check = only(checks_of(table), "Totalt")  # the rows since the previous total are not its run
        assert check.outcome == INCONSISTENT and "opposite sign" in check.message and check.expected == sum(rows)
    # one row the negative of the one above is an item and its counterpart, not a lost sign
    table = Table("Drift", [("Budget 2026", "budget", 2026)])
    table.row("Verksamhetens nettokostnader", 1_917, total=True).row("Finansnetto", -1_917, total=True)
    assert only(checks_of(table), "Finansnetto").outcome != INCONSISTENT


def test_blank_cells_in_the_summed_rows_make_a_mismatch_incomplete():
    table = Table("Drift", [("Budget 2025", "budget", 2025), ("Utfall 2025", "outcome", 2025)])
    table.row("a", 10, 9).row("b", None, 5).row("c", 30, 31).row("Summa", 50, 45, total=True)
    assert only(checks_of(table), "Summa", "Budget 2025").outcome == INCOMPLETE
    assert only(checks_of(table), "Summa", "Utfall 2025").outcome == OK


def test_total_with_no_rows_of_its_own_sums_nothing():
    table = Table("Fastigheter", [("Senast beslutad", "budget", None), ("Budget 2025", "budget", 2025)])
    table.row("a", 100, 5).row("Summa beslutade", 100, 5, total=True)
    table.row("b", None, 7).row("Summa planerade", 0, 7, total=True)
    table.row("Summa totalt", 100, 12, total=True)
    assert {c.outcome for c in checks_of(table)} == {OK}


def test_validation_reads_the_extractors_tables_as_they_are():
    """A table the tables stage continued over a page break (one table_id) is checked as one;
    two tables with the same columns are never joined by validation, so the second's
    "Summa totalt" is not checked against the first's rows."""
    one = Table("Fastighetsinvesteringar", [("Budget 2025", "budget", 2025)], page=16)
    one.row("a", 10).row("Summa beslutade", 10, total=True).row("b", 4)
    one.row("c", 6, page=17).row("Summa planerade", 10, total=True, page=17)
    one.row("Summa totalt", 20, total=True, page=17)
    assert {c.outcome for c in checks_of(one)} == {OK}
    first = Table("Betydande investeringsprojekt", [("Budget 2025", "budget", 2025)], page=16)
    first.row("a", 10).row("Summa beslutade", 10, total=True)
    second = Table("Externt finansierade", [("Budget 2025", "budget", 2025)], page=17)
    second.row("c", 6).row("d", 4).row("Summa totalt", 20, total=True)
    assert only(checks_of(first, second), "Summa totalt").expected == 10


def test_multi_year_total_column():
    table = Table("Investeringsbudget", [("2021", "budget", 2021), ("2022", "plan", 2022), ("Totalt", "total", None)])
    table.row("Skolor", 10, 20, 30).row("Vägar", 5, 5, 13)
    by_label = {c.row_label: c for c in checks_of(table) if c.check == "row_total"}
    assert by_label["Skolor"].outcome == OK and by_label["Vägar"].outcome == INCONSISTENT


def test_mnkr_header_over_tkr_figures_is_flagged():
    result = Table("Resultatbudget", [("Budget 2021", "budget", 2021)], unit="mnkr", page=21)
    result.row("Skatteintäkter", 2_020_214).row("Verksamhetens nettokostnader", -2_421_049).row("Finansnetto", 5_000)
    drift = Table("Driftsbudget", [("Budget 2021", "budget", 2021)], unit="tkr", page=22)
    drift.row("Socialnämnden", 205_172).row("Kultur- och fritidsnämnden", 80_000).row(
        "Barn- och ungdomsnämnden", 900_000
    )
    invest = Table("Investeringsbudget", [("2021", "budget", 2021)], unit="tkr", page=23)
    invest.row("Skolor", 120_000).row("Vägar", 30_000)
    df = frame_of(result, drift, invest)
    by_title = {c.table_title: c for c in unit_checks(tables(df), df, SETTINGS)}
    assert by_title["Resultatbudget"].outcome == INCONSISTENT and "tkr" in by_title["Resultatbudget"].message
    assert by_title["Driftsbudget"].outcome == OK and by_title["Investeringsbudget"].outcome == OK


def test_text_amount_far_above_every_table_figure_is_flagged():
    drift = Table("Driftredovisning", [("Utfall 2025", "outcome", 2025)], unit="tkr")
    drift.row("Gem adm kultur och fritid", -1_394).row("Summa totalt", -62_051, total=True)
    text = [
        AmountRow(doc_id="d1", amount_id=f"t{i}", source="text", row_label=label, value=value, page=13, unit="mnkr",
                  value_sek=value * 1e6, snippet=f"{label} {value} mnkr", rule="text:test")
        for i, (label, value) in enumerate((("Gemensam administration, överskott", 1262), ("Nämnden, överskott", 1.07)))
    ]
    df = frame_of(drift)
    df = pd.concat(
        [df, pd.DataFrame({c: pd.Series([asdict(r)[c] for r in text], dtype=object) for c in df.columns})],
        ignore_index=True,
    )
    by_label = {c.row_label: c.outcome for c in unit_checks(tables(df), df, SETTINGS) if c.check == "unit_text"}
    assert by_label == {"Gemensam administration, överskott": UNEXPLAINED, "Nämnden, överskott": OK}
