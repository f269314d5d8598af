"""The score gate's reading of score.py output (tests/score_gate.py), on a captured output."""
from __future__ import annotations

from tests.score_gate import above_floors, below_floors, load_floors, parse_totals

# ../shared/eval/score.py on the dev corpus at 6a44bb8: a per-document row, a document the
# output lacks, the TOTAL lines.
CAPTURED = """\
document                                         dataset      gold  pred match      P      R     F1
alingsas_budget_2021-2023.pdf                    goals          17    17    17   1.00   1.00   1.00
missing.pdf                                      NOT FOUND in documents.csv

TOTAL                                            goals         110    96    96   1.00   0.87   0.93   kind 96/96
TOTAL                                            indicators    103   106   101   0.95   0.98   0.97   direction 101/101, unit 99/101, goal 101/101
TOTAL                                            measures      252   155   155   1.00   0.62   0.76   responsible 153/155
TOTAL                                            amounts      2243  2052  1869   0.91   0.83   0.87   kind 1761/1869, value_sek 1725/1827, is_total 1811/1869
TOTAL document fields: doc_type 13/15, municipality 11/15, municipality_code 12/15, organisation 8/15, period_start 12/15, period_end 12/15
"""  # noqa: E501


def test_totals_are_read_from_the_total_lines_only():
    totals = parse_totals(CAPTURED)
    assert set(totals) == {"goals", "indicators", "measures", "amounts", "documents"}
    assert totals["goals"] == {"precision": 1.0, "recall": 0.87, "f1": 0.93, "matched": 96, "kind": 96}
    assert totals["indicators"] == {"precision": 0.95, "recall": 0.98, "f1": 0.97, "matched": 101,
                                    "direction": 101, "unit": 99, "goal": 101}
    assert totals["amounts"]["matched"] == 1869 and totals["amounts"]["value_sek"] == 1725
    assert totals["documents"] == {"doc_type": 13, "municipality": 11, "municipality_code": 12,
                                   "organisation": 8, "period_start": 12, "period_end": 12}


def test_a_value_below_its_floor_or_missing_is_named():
    totals = parse_totals(CAPTURED)
    floors = {"goals": {"recall": 0.9, "matched": 96}, "measures": {"responsible": 153, "missing_attr": 1},
              "documents": {"organisation": 9}}
    assert below_floors(totals, floors) == [
        "goals recall: 0.87 is below its floor 0.9",
        "measures missing_attr: not in the score output (floor 1)",
        "documents organisation: 8 is below its floor 9",
    ]
    assert above_floors(totals, {"goals": {"matched": 95, "kind": 96}}) == ["goals matched: 96 > 95"]


def test_the_floors_are_the_measured_values_of_every_total():
    """Every value the TOTAL lines report has a floor, and the captured run sits on them."""
    totals, floors = parse_totals(CAPTURED), load_floors()
    assert {d: set(m) for d, m in floors.items()} == {d: set(m) for d, m in totals.items()}
    assert below_floors(totals, floors) == [] and above_floors(totals, floors) == []
