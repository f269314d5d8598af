"""Document-level fields on the corpus, and the optional municipality reference list."""
from __future__ import annotations

import importlib

import pytest

from tests.settings_helpers import SETTINGS

fields_module = importlib.import_module("pipeline.extract.document_fields")
place_module = importlib.import_module("pipeline.extract.document_fields.place")
document_fields = fields_module.document_fields

# every gold document with a text layer (the scanned one needs OCR)
CASES = [
    "alingsas_budget_2021-2023.pdf",
    "ale_verksamhetsplan_2017-2020.pdf",
    "dalarna_regionplan_2026-2028.pdf",
    "vastmanland_regionplan_2026-2028.pdf",
    "Simrishamn_KFN_arsbokslut_2025.pdf",
    "Simrishamn_budgetanvisningar_tidplan_2027-2031.pdf",
    "Moderaterna_valmanifest_2022.pdf",
    "Vansterpartiet_valplattform_2022.pdf",
    "alingsas-vargarda-raddningstjanstforbund_budget_2027_ramar_2028-2029.pdf",
    "alingsas_barn-och-ungdomsnamnden_lokalforsorjningsplan_2026-2031.pdf",
    "alingsas_barn-och-ungdomsnamnden_uppfoljning_inriktning_budget_2026.pdf",
    "alingsas_tekniska-namnden_fordjupad_manadsuppfoljning_2026-04.pdf",
    "goteborg_intraservice_delarsrapport_2026-03.pdf",
]
TITLES_AS_GOLD = CASES[:6]
# Where the pipeline deliberately differs from the gold, and why.
NOT_AS_GOLD = {
    # the förbund never prints its name (it is in the logo); the gold composed it from the
    # member kommuner, which would be a guess on most förbund (issuer.py)
    "alingsas-vargarda-raddningstjanstforbund_budget_2027_ramar_2028-2029.pdf":
        {"municipality": "Räddningstjänstförbund", "organisation": "Räddningstjänstförbund"},
}


@pytest.mark.parametrize("name", CASES)
def test_fields_match_gold(layout_of, gold_of, name):
    row = document_fields(layout_of(name), SETTINGS)
    gold = {**gold_of(name)["document"], **NOT_AS_GOLD.get(name, {})}
    assert row.doc_type == gold["doc_type"]
    assert row.municipality == gold["municipality"]
    assert row.municipality_code == gold["municipality_code"]
    assert row.organisation == gold["organisation"]
    assert (row.period_start, row.period_end) == (gold["period_start"], gold["period_end"])
    if name in TITLES_AS_GOLD:
        assert row.title == gold["title"]
    assert row.status == ("not_budget" if gold["doc_type"] == "not_budget" else "ok")


def test_organisation_is_party_or_nämnd(layout_of):
    assert document_fields(layout_of("alingsas_budget_2021-2023.pdf"), SETTINGS).organisation == "Socialdemokraterna"
    nämnd = document_fields(layout_of("Simrishamn_KFN_arsbokslut_2025.pdf"), SETTINGS)
    assert nämnd.organisation == "Kultur- och fritidsnämnden"


def test_without_reference_list_the_code_is_null(layout_of, monkeypatch):
    monkeypatch.setattr(place_module, "reference", lambda: ())
    row = document_fields(layout_of("alingsas_budget_2021-2023.pdf"), SETTINGS)
    assert row.municipality is None  # no place is guessed without the SCB names
    assert row.municipality_code is None


# -- generated title pages ---------------------------------------------------------------------

GOALS_PAGE = [(16, "Prioriterade mål"),
              (11, "• Alla barn ska lämna grundskolan med godkända betyg"),
              (11, "• Företagsklimatet ska förbättras")]


def _document(tmp_path, name, cover, body=(), title=None):
    from tests.corpus.test_political import flow, generated_layout

    pages = [flow(cover, y=120)] + ([flow(list(body))] if body else [])
    return generated_layout(tmp_path / name, pages, title=title)


def test_party_budget_proposal_mentioning_its_election_programme(tmp_path):
    """A party's budget that builds on "vårt valprogram" is a budget proposal, not a
    programme: the title names a budget, and its goals are extracted."""
    from pipeline.extract import extract
    from pipeline.tables import stage_tables

    doc = _document(tmp_path, "proposal.pdf",
                    cover=[(28, "Budget 2025 med plan 2026–2027"), (16, "Moderaterna i Exempelby")],
                    body=[(11, "Förslaget bygger på vårt valprogram och på de löften vi gav väljarna."), *GOALS_PAGE])
    result = extract(doc, stage_tables(doc, SETTINGS), SETTINGS)
    row = result.document
    assert (row.doc_type, row.status, row.organisation) == ("budget_proposal", "ok", "Moderaterna")
    assert (row.period_start, row.period_end) == (2025, 2027)
    assert [g.title for g in result.goals] == ["Alla barn ska lämna grundskolan med godkända betyg",
                                               "Företagsklimatet ska förbättras"]


def test_period_spans_every_year_of_the_title(tmp_path):
    """"Budget 2025 med plan 2026–2027": the budget year opens the period, not the plan range;
    a case number and a date on the cover are not the period."""
    doc = _document(tmp_path, "budget.pdf",
                    cover=[(28, "Budget 2025 med plan 2026–2027"), (11, "Kommunfullmäktige 2024-11-25 KS 2024/311")])
    row = document_fields(doc, SETTINGS)
    assert (row.doc_type, row.organisation, row.period_start, row.period_end) == ("budget", None, 2025, 2027)


def test_annual_report_title_year_is_its_period(tmp_path):
    doc = _document(tmp_path, "report.pdf", cover=[(28, "Årsredovisning 2024")],
                    body=[(11, "Budget 2025 och plan för 2026–2027 beslutades i november.")])
    row = document_fields(doc, SETTINGS)
    assert (row.doc_type, row.period_start, row.period_end) == ("annual_report", 2024, 2024)


def test_programme_on_the_cover_is_not_a_budget(tmp_path):
    doc = _document(tmp_path, "programme.pdf", cover=[(28, "Valprogram 2026"), (16, "Liberalerna i Exempelby")],
                    body=GOALS_PAGE)
    row = document_fields(doc, SETTINGS)
    assert (row.doc_type, row.status, row.organisation) == ("not_budget", "not_budget", "Liberalerna")


def test_coalition_line_on_the_cover_issues_the_budget(tmp_path):
    """A cover line of parties, a local party among them, is the issuer as printed; a party
    named in the text of a council's own budget, however often, is not."""
    coalition = "Socialdemokraterna, Centerpartiet och Kommunens Väl"
    proposal = document_fields(_document(tmp_path, "coalition.pdf",
                                         cover=[(28, "Mål och budget 2026–2028"), (14, coalition)]), SETTINGS)
    assert (proposal.doc_type, proposal.organisation) == ("budget_proposal", coalition)
    council = document_fields(_document(tmp_path, "council.pdf", cover=[(28, "Mål och budget 2026–2028")],
                                        body=[(11, "Budgeten bygger på en överenskommelse med Centerpartiet."),
                                              (11, "Centerpartiet har lagt fram förslag om skolan."),
                                              (11, "Centerpartiet och majoriteten är överens om investeringarna.")]),
                              SETTINGS)
    assert (council.doc_type, council.organisation) == ("budget", None)


def test_metadata_title_picks_the_printed_title(tmp_path):
    """The metadata title "<title> – <issuer>" chooses the printed heading it restates, not
    the cover's larger slogan; a metadata title that keeps punctuation the print lost wins."""
    doc = _document(tmp_path, "slogan.pdf", cover=[(30, "Tillsammans bygger vi framtiden"),
                                                   (14, "Regionplan och budget 2026–2028")],
                    body=GOALS_PAGE, title="Regionplan och budget 2026–2028 – Region Exempel")
    assert document_fields(doc, SETTINGS).title == "Regionplan och budget 2026–2028"
    doc = _document(tmp_path, "years.pdf", cover=[(30, "Verksamhetsplan med budget"), (30, "2017 2020")],
                    body=GOALS_PAGE, title="Verksamhetsplan med budget 2017-2020")
    assert document_fields(doc, SETTINGS).title == "Verksamhetsplan med budget 2017-2020"
