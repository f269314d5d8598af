"""Reference data the project ships (data/, see data/README.md): the SCB kommun and län lists,
Kolada's municipality list and its KPI catalogue.

They are package data so that a clone runs with nothing beside it; `python -m pipeline
reference update` (update.py) refreshes the Kolada files from the Kolada API.
"""
from __future__ import annotations

from pipeline.reference.store import (
    DATA_DIR,
    FILES,
    KoladaMunicipality,
    Kpi,
    ScbCounty,
    ScbMunicipality,
    read_counties,
    read_kolada_municipalities,
    read_kpis,
    read_municipalities,
)

__all__ = [
    "DATA_DIR", "FILES", "Kpi", "KoladaMunicipality", "ScbCounty", "ScbMunicipality",
    "read_counties", "read_kolada_municipalities", "read_kpis", "read_municipalities",
]
