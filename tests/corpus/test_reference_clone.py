"""Acceptance of issue 13: `run` in a clone with no ../shared beside it gives the municipality
codes and Kolada ids of the gold, and links indicators to Kolada KPIs, from the shipped data."""
from __future__ import annotations

import subprocess
import sys

import pandas as pd

from tests.clone import environment_of, project_copy


def test_a_run_in_a_clone_alone_gives_the_gold_codes(tmp_path, gold_of):
    project = project_copy(tmp_path)
    out = tmp_path / "out"
    done = subprocess.run([sys.executable, "-m", "pipeline", "--quiet", "run", "raw", "--out", str(out),
                           "--workers", "1"], cwd=project, env=environment_of(project),
                          capture_output=True, text=True, timeout=600, check=False)
    assert done.returncode == 0, done.stderr
    documents = pd.read_csv(out / "documents.csv", dtype=str, keep_default_na=False)
    assert len(documents) == 2
    for row in documents.itertuples():
        gold = gold_of(row.source_file)["document"]
        assert (row.municipality, row.municipality_code) == (gold["municipality"], gold["municipality_code"])
        assert row.kolada_municipality_id == gold["municipality_code"]  # a kommun's Kolada id is its kommunkod
    links = pd.read_csv(out / "indicator_kpi.csv", dtype=str)
    assert {"N07901", "U23401"} <= set(links.loc[links["rank"] == "1", "kpi_id"])  # quoted Kolada titles
