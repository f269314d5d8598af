"""The shipped reference data: the same places and codes as the SCB lists in ../shared, and
the same municipality codes from a copy of the project that has no ../shared beside it."""
from __future__ import annotations

import csv
import json
import subprocess
import sys
from pathlib import Path

import pytest

from pipeline.extract.document_fields.place import reference
from pipeline.reference import DATA_DIR, read_kolada_municipalities, read_kpis
from tests.clone import ROOT, environment_of, project_copy

SHARED = ROOT.parent / "shared" / "reference"

# Document fields of hand-built documents, printed as JSON: run inside the copy of the project.
FIELDS_SCRIPT = """
import json, pipeline
from pipeline.extract.document_fields import document_fields
from pipeline.extract.document_fields.place import reference
from pipeline.model import Block, BlockKind, Document, PageInfo
from pipeline.settings import default_config_dir, load_settings

def doc(cover, footer):
    blocks = [Block(BlockKind.HEADING, t, 1, (50.0, 100.0, 500.0, 120.0), 28.0, False, False) for t in cover]
    blocks += [Block(BlockKind.PARAGRAPH, "Text.", p, (50.0, 100.0, 500.0, 120.0), 11.0, False, False) for p in (2, 3)]
    meta = {"title": None, "furniture": [[1, footer, 3]] if footer else []}
    return Document("d", "x.pdf", [PageInfo(n, 595, 842, True) for n in (1, 2, 3)], meta, 11.0, blocks)

docs = [doc(["Verksamhetsplan 2026", "Socialnämnden"], "Alingsås kommun"),
        doc(["Regionplan och budget 2026–2028", "Region Dalarna"], None),
        doc(["Budget 2027", "Upplands Väsby kommun"], None)]
settings = load_settings(default_config_dir())
rows = [document_fields(d, settings) for d in docs]
print(json.dumps({"package": pipeline.__file__,
                  "places": sorted([p.name, p.code, p.kolada_id] for p in reference()),
                  "rows": [[r.municipality, r.municipality_code, r.kolada_municipality_id] for r in rows]}))
"""


def _fields_in(project: Path) -> dict:
    done = subprocess.run([sys.executable, "-c", FIELDS_SCRIPT], cwd=project, env=environment_of(project),
                          capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def test_a_copy_without_shared_beside_it_gives_the_same_codes(tmp_path):
    """The project's files (as a clone has them) copied where no ../shared is: the places and
    the codes of a nämnd's, a region's and a kommun's document are those of this checkout."""
    project = project_copy(tmp_path)
    alone = _fields_in(project)
    assert alone["package"] == str(project / "pipeline" / "__init__.py")  # the copy ran, not this checkout
    assert alone["rows"] == [["Alingsås", "1489", "1489"], ["Region Dalarna", "20", "0020"],
                             ["Upplands Väsby", "0114", "0114"]]
    assert alone == {**_fields_in(ROOT), "package": alone["package"]}


def test_every_place_has_its_scb_code_and_kolada_id():
    places = reference()
    assert len(places) == 290 + 21
    regions = [p for p in places if p.is_region]
    assert all(p.kolada_id == "00" + p.code for p in regions) and len(regions) == 21
    assert all(p.kolada_id == p.code and len(p.code) == 4 for p in places if not p.is_region)
    kolada = {(m.id, m.type) for m in read_kolada_municipalities()}
    assert {(p.kolada_id, "L" if p.is_region else "K") for p in places} | {("0000", "L")} == kolada


@pytest.mark.skipif(not SHARED.is_dir(), reason="../shared/reference is absent: nothing to compare the shipped copy to")
@pytest.mark.parametrize("shipped, original", [("scb_kommuner.csv", "se_municipalities.csv"),
                                                ("scb_lan.csv", "se_counties.csv"),
                                                ("kolada_municipality.csv", "kolada_municipality_2026-03-23.csv")])
def test_the_shipped_lists_are_the_shared_ones(shipped, original):
    assert (DATA_DIR / shipped).read_bytes() == (SHARED / original).read_bytes()


@pytest.mark.skipif(not SHARED.is_dir(), reason="../shared/reference is absent: nothing to compare the shipped copy to")
def test_the_shipped_catalogue_has_every_current_kpi_as_kolada_lists_it():
    with (SHARED / "kolada_kpi_2026-03-23.csv").open(encoding="utf-8", newline="") as fh:
        current = {r["id"]: (r["title"], r["description"], r["municipality_type"], r["operating_area"])
                   for r in csv.DictReader(fh)}
    kpis = read_kpis()
    shipped = {k.id: (k.title, k.description, k.municipality_type, k.operating_area) for k in kpis if k.in_latest}
    assert shipped == current
    assert len(kpis) - len(current) == 1079 and all(k.title for k in kpis)


def test_the_shipped_files_are_small_and_each_has_its_source():
    sources = json.loads((DATA_DIR / "sources.json").read_text(encoding="utf-8"))
    readme = (DATA_DIR / "README.md").read_text(encoding="utf-8")
    data = [p for p in DATA_DIR.iterdir() if p.name not in ("README.md", "sources.json")]
    assert {p.name for p in data} == set(sources)
    assert all(f"`{p.name}`" in readme and sources[p.name]["retrieved"] for p in data)
    assert sum(p.stat().st_size for p in data) < 600_000


def test_the_shipped_data_is_part_of_what_decides_a_reprocessing():
    """A refreshed catalogue changes the links: `run` processes the documents again."""
    from pipeline.publish.state import _code_files

    assert {p.name for p in DATA_DIR.iterdir() if p.is_file()} <= {p.name for p in _code_files()}
