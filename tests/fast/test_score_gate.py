"""The score gate's reading of score.py output (tests/score_gate.py), on a captured output."""
from __future__ import annotations

from tests.score_gate import above_floors, below_floors, load_floors, parse_totals

# ../shared/eval/score.py on the dev corpus after merging the political branch: a per-document
# row, a document the output lacks, the TOTAL lines.
CAPTURED = """\
document                                         dataset      gold  pred match      P      R     F1
alingsas_budget_2021-2023.pdf                    goals          17    17    17   1.00   1.00   1.00
missing.pdf                                      NOT FOUND in documents.csv

TOTAL                                            goals         110   106   106   1.00   0.96   0.98   kind 106/106
TOTAL                                            indicators    103   103   103   1.00   1.00   1.00   direction 102/103, unit 100/103, goal 101/101
TOTAL                                            measures      252   227   223   0.98   0.88   0.93   responsible 212/223
TOTAL                                            amounts      2243  2154  2152   1.00   0.96   0.98   kind 2130/2152, value_sek 2035/2110, is_total 2121/2152
TOTAL document fields: doc_type 15/15, municipality 14/15, municipality_code 15/15, organisation 14/15, period_start 15/15, period_end 15/15
"""  # noqa: E501


def test_totals_are_read_from_the_total_lines_only():
    totals = parse_totals(CAPTURED)
    assert set(totals) == {"goals", "indicators", "measures", "amounts", "documents"}
    assert totals["goals"] == {"precision": 1.0, "recall": 0.96, "f1": 0.98, "matched": 106, "kind": 106}
    assert totals["indicators"] == {"precision": 1.0, "recall": 1.0, "f1": 1.0, "matched": 103,
                                    "direction": 102, "unit": 100, "goal": 101}
    assert totals["amounts"]["matched"] == 2152 and totals["amounts"]["value_sek"] == 2035
    assert totals["measures"] == {"precision": 0.98, "recall": 0.88, "f1": 0.93, "matched": 223, "responsible": 212}
    assert totals["documents"] == {"doc_type": 15, "municipality": 14, "municipality_code": 15,
                                   "organisation": 14, "period_start": 15, "period_end": 15}


def test_a_value_below_its_floor_or_missing_is_named():
    totals = parse_totals(CAPTURED)
    floors = {"goals": {"recall": 0.97, "matched": 106}, "measures": {"responsible": 212, "missing_attr": 1},
              "documents": {"organisation": 15}}
    assert below_floors(totals, floors) == [
        "goals recall: 0.96 is below its floor 0.97",
        "measures missing_attr: not in the score output (floor 1)",
        "documents organisation: 14 is below its floor 15",
    ]
    assert above_floors(totals, {"goals": {"matched": 105, "kind": 106}}) == ["goals matched: 106 > 105"]


def test_the_floors_are_the_measured_values_of_every_total():
    """Every value the TOTAL lines report has a floor, and the captured run sits on them."""
    totals, floors = parse_totals(CAPTURED), load_floors()
    assert {d: set(m) for d, m in floors.items()} == {d: set(m) for d, m in totals.items()}
    assert below_floors(totals, floors) == [] and above_floors(totals, floors) == []
