"""`reference update` against a local Kolada stand-in on 127.0.0.1 (no network): a full
refresh replaces the files; a server error or a malformed page leaves them as they were."""
from __future__ import annotations

import json
import shutil
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from typer.testing import CliRunner

from pipeline.batch import EXIT_RUN_FAILED
from pipeline.cli import app
from pipeline.reference import DATA_DIR, read_kolada_municipalities, read_kpis

KPI_PAGE_1 = [
    {"id": "N00003", "title": "Personalkostnader, kr/inv", "description": "Personalkostnader … Källa: SCB.",
     "is_divided_by_gender": False, "municipality_type": "K", "auspice": "E",
     "operating_area": "Kommunen, övergripande", "perspective": "Resurser"},
    {"id": "U23401", "title": "Väntetid i antal dagar från ansökningsdatum till erbjudet inflyttningsdatum till "
     "särskilt boende, medelvärde", "description": None, "municipality_type": "K", "operating_area": "Äldre"},
]
KPI_PAGE_2 = [{"id": "N99999", "title": "Ny KPI, andel (%)", "description": "Ny.", "municipality_type": "A",
               "operating_area": "Befolkning"}]
MUNICIPALITIES = [{"id": "1489", "title": "Alingsås", "type": "K"}, {"id": "0020", "title": "Region Dalarna",
                                                                     "type": "L"}]


class _Kolada(BaseHTTPRequestHandler):
    routes: dict[str, tuple[int, str]] = {}

    def do_GET(self) -> None:  # noqa: N802 (http.server's name)
        status, body = self.routes.get(self.path, (404, "{}"))
        data = body.encode("utf-8")
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def server() -> Iterator[tuple[str, dict[str, tuple[int, str]]]]:
    """The base URL of a server answering `routes[path]`, and the routes to fill in."""
    routes: dict[str, tuple[int, str]] = {}
    handler = type("Handler", (_Kolada,), {"routes": routes})
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}/v3", routes
    finally:
        httpd.shutdown()
        httpd.server_close()


def _page(values: list[dict], next_url: str | None = None) -> tuple[int, str]:
    return 200, json.dumps({"values": values, "count": len(values), **({"next_url": next_url} if next_url else {})})


def _catalogue(routes: dict[str, tuple[int, str]], base: str) -> None:
    routes["/v3/kpi?per_page=5000&page=1"] = _page(KPI_PAGE_1, f"{base}/kpi?per_page=5000&page=2")
    routes["/v3/kpi?per_page=5000&page=2"] = _page(KPI_PAGE_2)
    routes["/v3/municipality?per_page=5000&page=1"] = _page(MUNICIPALITIES)


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    target = tmp_path / "data"
    shutil.copytree(DATA_DIR, target)
    return target


def _run(base: str, data_dir: Path):
    return CliRunner().invoke(app, ["reference", "update", "--base-url", base, "--data-dir", str(data_dir)])


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


def test_a_full_refresh_replaces_the_files_and_keeps_retired_kpis(server, data_dir):
    base, routes = server
    _catalogue(routes, base)
    old_ids = {k.id for k in read_kpis(data_dir)}
    result = _run(base, data_dir)
    assert result.exit_code == 0, result.output
    kpis = {k.id: k for k in read_kpis(data_dir)}
    assert {k for k, v in kpis.items() if v.in_latest} == {"N00003", "U23401", "N99999"}
    assert set(kpis) == old_ids | {"N99999"}  # every old id is kept, the retired ones marked so
    assert not kpis["N00000"].in_latest and kpis["U23401"].description == ""
    assert kpis["N99999"].municipality_type == "A" and kpis["N99999"].operating_area == "Befolkning"
    assert [(m.id, m.type) for m in read_kolada_municipalities(data_dir)] == [("1489", "K"), ("0020", "L")]
    sources = json.loads((data_dir / "sources.json").read_text(encoding="utf-8"))
    assert sources["kolada_kpi.csv.gz"]["source"] == f"{base}/kpi" and sources["kolada_kpi.csv.gz"]["rows"] == len(kpis)
    assert "sjbrg/swedish-geodata" in sources["scb_kommuner.csv"]["source"]  # the SCB lists are not Kolada's
    assert not list(data_dir.glob(".*.tmp"))


@pytest.mark.parametrize("path, answer, message", [
    ("/v3/kpi?per_page=5000&page=2", (500, '{"error": "internal"}'), "HTTP 500"),
    ("/v3/kpi?per_page=5000&page=2", (200, "<html>maintenance</html>"), "not JSON"),
    ("/v3/kpi?per_page=5000&page=2", (200, '{"results": []}'), "no 'values' list"),
    ("/v3/kpi?per_page=5000&page=2", _page([{"id": "N1", "municipality_type": "K"}]), "record 0 lacks title"),
    ("/v3/kpi?per_page=5000&page=2", _page([{"id": "N1", "title": "T", "municipality_type": "X"}]), "is not K, L or A"),
    ("/v3/municipality?per_page=5000&page=1", (503, "{}"), "HTTP 503"),  # after every KPI page was read
    ("/v3/municipality?per_page=5000&page=1", _page([]), "listed no records"),
])
def test_an_error_or_malformed_page_leaves_the_old_files(server, data_dir, path, answer, message):
    base, routes = server
    _catalogue(routes, base)
    routes[path] = answer
    before = _snapshot(data_dir)
    result = _run(base, data_dir)
    assert result.exit_code == EXIT_RUN_FAILED
    assert "reference update failed" in result.output and message in result.output
    assert _snapshot(data_dir) == before


def test_an_unreachable_server_is_a_clear_error(data_dir):
    before = _snapshot(data_dir)
    result = _run("http://127.0.0.1:9/v3", data_dir)  # the discard port: nothing listens
    assert result.exit_code == EXIT_RUN_FAILED and "ConnectError" in result.output
    assert _snapshot(data_dir) == before
