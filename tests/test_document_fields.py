"""Document-level fields on the corpus, and the optional municipality reference list."""
from __future__ import annotations

import pytest

import importlib

fields_module = importlib.import_module("pipeline.extract.document_fields")
document_fields = fields_module.document_fields

CASES = [
    "alingsas_budget_2021-2023.pdf",
    "ale_verksamhetsplan_2017-2020.pdf",
    "dalarna_regionplan_2026-2028.pdf",
    "Simrishamn_KFN_arsbokslut_2025.pdf",
    "Simrishamn_budgetanvisningar_tidplan_2027-2031.pdf",
    "Moderaterna_valmanifest_2022.pdf",
]


@pytest.mark.parametrize("name", CASES)
def test_fields_match_gold(layout_of, gold_of, name):
    row = document_fields(layout_of(name))
    gold = gold_of(name)["document"]
    assert row.doc_type == gold["doc_type"]
    assert row.municipality == gold["municipality"]
    assert row.municipality_code == gold["municipality_code"]
    if gold["doc_type"] != "not_budget":
        assert (row.period_start, row.period_end) == (gold["period_start"], gold["period_end"])
    assert row.status == ("not_budget" if gold["doc_type"] == "not_budget" else "ok")


def test_organisation_is_party_or_nämnd(layout_of):
    assert document_fields(layout_of("alingsas_budget_2021-2023.pdf")).organisation == "Socialdemokraterna"
    assert document_fields(layout_of("Simrishamn_KFN_arsbokslut_2025.pdf")).organisation == "Kultur- och fritidsnämnden"


def test_without_reference_list_the_code_is_null(layout_of, monkeypatch):
    monkeypatch.setattr(fields_module, "_reference", lambda: ())
    row = document_fields(layout_of("alingsas_budget_2021-2023.pdf"))
    assert row.municipality == "Alingsås"
    assert row.municipality_code is None
