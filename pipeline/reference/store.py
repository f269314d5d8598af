"""Reading the shipped reference files: one typed record per row, every id kept as a string.

Ids carry leading zeros ("0180", regions "0013"), so nothing here lets a CSV reader guess
types. The KPI catalogue is gzip-compressed (it is the one large file); the readers open
either form, so a refreshed file may be written plainly or compressed.
"""
from __future__ import annotations

import csv
import gzip
import io
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

DATA_DIR = Path(__file__).resolve().parent / "data"

# logical name → file name under the data directory
FILES = {
    "kpi": "kolada_kpi.csv.gz",
    "kolada_municipality": "kolada_municipality.csv",
    "scb_municipality": "scb_kommuner.csv",
    "scb_county": "scb_lan.csv",
}
KPI_COLUMNS = ("id", "title", "description", "municipality_type", "operating_area", "in_latest")
KOLADA_MUNICIPALITY_COLUMNS = ("id", "title", "type")


@dataclass(frozen=True)
class Kpi:
    """One Kolada key figure. `municipality_type` is K (kommun), L (region) or A (both);
    `in_latest` is False for a KPI Kolada has retired, kept because budgets still quote them."""

    id: str
    title: str
    description: str
    municipality_type: str
    operating_area: str
    in_latest: bool


@dataclass(frozen=True)
class KoladaMunicipality:
    id: str  # "1489"; regions "0013"; the whole country "0000"
    title: str
    type: str  # K or L


@dataclass(frozen=True)
class ScbMunicipality:
    code: str  # four-digit kommunkod
    name: str  # "Upplands Väsby kommun"
    short_name: str  # "Upplands Väsby"
    county_code: str


@dataclass(frozen=True)
class ScbCounty:
    code: str  # two-digit länskod
    name: str  # "Stockholms län"
    short_name: str  # "Stockholm"


def rows(path: Path) -> Iterator[dict[str, str]]:
    """The rows of a CSV file with a header, gzip-compressed or not, as strings."""
    raw = path.read_bytes()
    text = gzip.decompress(raw) if raw[:2] == b"\x1f\x8b" else raw
    yield from csv.DictReader(io.StringIO(text.decode("utf-8"), newline=""))


def read_kpis(data_dir: Path = DATA_DIR) -> tuple[Kpi, ...]:
    return tuple(
        Kpi(r["id"], r["title"], r["description"], r["municipality_type"], r["operating_area"],
            r["in_latest"].lower() == "true")
        for r in rows(data_dir / FILES["kpi"])
    )


def read_kolada_municipalities(data_dir: Path = DATA_DIR) -> tuple[KoladaMunicipality, ...]:
    path = data_dir / FILES["kolada_municipality"]
    return tuple(KoladaMunicipality(r["id"], r["title"], r["type"]) for r in rows(path))


def read_municipalities(data_dir: Path = DATA_DIR) -> tuple[ScbMunicipality, ...]:
    return tuple(
        ScbMunicipality(r["municipality_code"], r["municipality_name"], r["municipality_name_short"], r["county_code"])
        for r in rows(data_dir / FILES["scb_municipality"])
    )


def read_counties(data_dir: Path = DATA_DIR) -> tuple[ScbCounty, ...]:
    path = data_dir / FILES["scb_county"]
    return tuple(ScbCounty(r["county_code"], r["county_name"], r["county_name_short"]) for r in rows(path))
