"""The KPI matcher's parts on hand-made phrases and KPIs: one normal form for both sides,
the disagreements that lower a score, the rows and the DuckDB view it publishes."""
from __future__ import annotations

import duckdb
import pytest

from pipeline.contract import IndicatorKpiRow
from pipeline.extract.kpi import link_kpis, municipality_type
from pipeline.extract.kpi.catalogue import Catalogue
from pipeline.extract.kpi.normalise import Vocabulary, normalise
from pipeline.extract.kpi.score import candidates
from pipeline.model import DocumentRow, IndicatorRow
from pipeline.publish.database import write_database
from pipeline.reference import Kpi
from pipeline.validate.frames import typed_frame
from tests.settings_helpers import CONFIGS, SETTINGS, configs_with

VOCABULARY = SETTINGS.derived(Vocabulary.of)
SCORING = SETTINGS.kpi.scoring


def _kpi(kpi_id: str, title: str, kind: str = "A", latest: bool = True) -> Kpi:
    return Kpi(kpi_id, title, "", kind, "", latest)


def _best(text: str, kpis: list[Kpi], kind: str | None = "K") -> list[str]:
    catalogue = Catalogue.from_kpis(tuple(kpis), VOCABULARY)
    return [c.kpi.id for c in candidates(normalise(text, VOCABULARY), kind, catalogue, SCORING)]


@pytest.mark.parametrize("text, words, kind, unit, ages", [
    ("Fallskador bland personer 80+, 3-årsm, antal/1000 inv, ska minska", ("fallskador", "blanda", "person"),
     "antal", "per_capita", {"80+"}),
    ("Fallskador bland personer 80 år och äldre, antal/100 000 inv", ("fallskador", "blanda", "person"),
     "antal", "per_capita", {"80+"}),
    ("Andel kariesfria sexåringar", ("kariesfria",), "andel", "percent", {"6-åring"}),  # "Andel" is a share in %
    ("Personalkostnader, kr/inv", ("personalkostnader",), None, "sek_per_capita", set()),
    ("Elever i åk 9 som är behöriga till yrkesprogram, lägeskommun, andel (%)",
     ("elev", "behörig", "yrkesprogram"), "andel", "percent", {"åk9"}),
    ("Nöjd Inflytande-Index - Helheten (-2020)", ("nöjd", "inflyta", "helhet"), None, "index", set()),
    ("Skyddad natur, total area (ha) ska öka", ("skydda", "natur", "total", "area"), None, "ha", set()),
])
def test_both_sides_have_one_normal_form(text, words, kind, unit, ages):
    found = normalise(text, VOCABULARY)
    assert (found.words, found.kind, found.unit, set(found.ages)) == (words, kind, unit, ages)


def test_a_quoted_title_is_found_with_its_small_edits():
    kpis = [_kpi("N07901", "Bostäder med hyresrätter, antal/1000 inv", "K"),
            _kpi("N07902", "Bostäder med bostadsrätter, antal/1000 inv", "K")]
    assert _best("Bostäder med hyresrätter, antal/1000 invånare, ska öka", kpis)[0] == "N07901"


def test_a_share_is_not_a_count_and_a_region_kpi_is_not_a_kommun_one():
    share = [_kpi("N85052", "Vattendrag med god ekologisk status, andel (%)")]
    assert _best("Vattendrag med god ekologisk status, andel (%)", share) == ["N85052"]
    assert _best("Vattendrag med god ekologisk status, antal", share) == []
    regional = [_kpi("N60030", "Sjukfrånvaro totalt bland anställda, region, andel (%)", "L")]
    assert _best("Sjukfrånvaro totalt bland anställda, andel (%)", regional, "L") == ["N60030"]
    assert _best("Sjukfrånvaro totalt bland anställda, andel (%)", regional, "K") == []  # even word for word
    assert _best("Sjukfrånvaro totalt bland anställda, andel (%)", regional, None) == ["N60030"]  # no preference


def test_another_age_group_or_unit_lowers_the_score_below_the_threshold():
    kpis = [_kpi("N80401", "Kariesfria 3-åringar, andel (%)", "L"),
            _kpi("N80403", "Kariesfria 12-åringar, andel (%)", "L")]
    assert _best("Andelen undersökta 12-åringar som är kariesfria", kpis, "L") == ["N80403"]
    assert _best("Skyddad natur totalt, hektar", [_kpi("N85054", "Skyddad natur totalt, andel (%)")]) == []


def test_at_most_the_configured_number_of_candidates_best_first():
    """Near ties (here the margin is opened wide) are cut at max_candidates."""
    kpis = [_kpi(f"N0000{n}", f"Befolkning i kollektivtrafiknära läge {suffix}, andel (%)")
            for n, suffix in enumerate(["", "inom tätort", "utanför tätort", "i kommunen", "totalt"])]
    found = candidates(normalise("Befolkning i kollektivtrafiknära läge, andel %", VOCABULARY), "K",
                       Catalogue.from_kpis(tuple(kpis), VOCABULARY),
                       SCORING.model_copy(update={"runner_up_margin": 1.0}))
    assert found[0].kpi.id == "N00000" and len(found) == SCORING.max_candidates
    assert [c.score for c in found] == sorted((c.score for c in found), reverse=True)


def test_a_runner_up_far_behind_the_best_is_not_published():
    kpis = [_kpi("N00001", "Befolkning i kollektivtrafiknära läge, andel (%)"),
            _kpi("N00002", "Befolkning i kollektivtrafiknära läge inom tätort med bil, andel (%)")]
    catalogue = Catalogue.from_kpis(tuple(kpis), VOCABULARY)
    query = normalise("Befolkning i kollektivtrafiknära läge, andel %", VOCABULARY)
    wide = candidates(query, "K", catalogue, SCORING.model_copy(update={"runner_up_margin": 1.0}))
    assert [c.kpi.id for c in wide] == ["N00001", "N00002"] and wide[0].score - wide[1].score > SCORING.runner_up_margin
    assert [c.kpi.id for c in candidates(query, "K", catalogue, SCORING)] == ["N00001"]


def test_a_bad_scoring_config_is_refused(tmp_path):
    from pipeline.settings import SettingsError, load_settings

    with pytest.raises(SettingsError, match=r"kpi\.yaml: scoring\.threshold: .*less than or equal to 1"):
        load_settings(configs_with(tmp_path, "kpi", "threshold: 0.74", "threshold: 1.5"))
    assert load_settings(CONFIGS).kpi.scoring.max_candidates == 3


@pytest.mark.parametrize("code, issuer, expected", [("1489", "namnd", "K"), ("20", "region", "L"),
                                                    (None, "region", "L"), (None, "forbund", None)])
def test_the_municipality_type_of_a_document(code, issuer, expected):
    document = DocumentRow("d", "x.pdf", pages=1, status="ok", pipeline_version="t", municipality_code=code,
                           issuer_kind=issuer)
    assert municipality_type(document) == expected


def _document() -> DocumentRow:
    return DocumentRow("d", "x.pdf", pages=3, status="ok", pipeline_version="t", municipality="Alingsås",
                       municipality_code="1489", kolada_municipality_id="1489", issuer_kind="kommun")


def test_each_indicator_gets_ranked_rows_naming_the_rule_and_evidence():
    indicators = [IndicatorRow("d", "d-i1", "Bostäder med hyresrätter, antal/1000 invånare, ska öka", 3, rule="t"),
                  IndicatorRow("d", "d-i2", "Soptunnor i offentlig miljö, antal ska öka", 3, rule="t")]
    rows = link_kpis(indicators, _document(), SETTINGS)
    assert [(r.indicator_id, r.rank, r.kpi_id) for r in rows][:1] == [("d-i1", 1, "N07901")]
    assert {r.indicator_id for r in rows} == {"d-i1"}  # nothing measures litter bins
    assert rows[0].method.startswith("kpi_title: words: bostad, hyresrätter; unit: per_capita")
    assert all(r.score >= SCORING.threshold for r in rows)


def test_the_view_gives_every_indicator_once_with_its_best_kpi(tmp_path):
    indicators = [IndicatorRow("d", "d-i1", "Bostäder med hyresrätter", 3, rule="t"),
                  IndicatorRow("d", "d-i2", "Soptunnor", 3, rule="t")]
    kpis = [IndicatorKpiRow("d", "d-i1", rank, kpi, "t", score, "kpi_title: test")
            for rank, kpi, score in ((1, "N07901", 0.9), (2, "N07902", 0.8))]
    frames = {"documents": typed_frame("documents", [_document()]), "indicators": typed_frame("indicators", indicators),
              "indicator_kpi": typed_frame("indicator_kpi", kpis),
              **{name: typed_frame(name, []) for name in ("goals", "measures", "amounts")}}
    write_database(tmp_path / "budget.duckdb", frames)
    con = duckdb.connect(str(tmp_path / "budget.duckdb"), read_only=True)
    rows = con.execute("SELECT indicator_id, kpi_id, kpi_score, kolada_municipality_id FROM indicators_with_kpi "
                       "ORDER BY indicator_id").fetchall()
    con.close()
    assert rows == [("d-i1", "N07901", 0.9, "1489"), ("d-i2", None, None, "1489")]
