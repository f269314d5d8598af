"""`make score`: the score gate. Runs the pipeline on ../shared/corpus, scores the output
with ../shared/eval/score.py against ../shared/gold, and fails when a TOTAL value falls
below its floor in tests/score_floors.yaml.

A development tool, not part of the pipeline: tests and CI guard the code, this guards
the numbers, so that a change which quietly loses goals or amounts cannot land. The floors
are the measured values; raise them when the pipeline improves (the gate says where).
"""
from __future__ import annotations

import argparse
import re
import subprocess
import sys
import tempfile
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
FLOORS = Path(__file__).with_name("score_floors.yaml")
DOCUMENT_FIELDS = "documents"  # the key of the "TOTAL document fields" line

# TOTAL  goals  110  96  96  1.00  0.87  0.93   kind 96/96
_DATASET_LINE = re.compile(
    r"^TOTAL\s+(?P<dataset>\w+)\s+\d+\s+\d+\s+(?P<matched>\d+)"
    r"\s+(?P<precision>[\d.]+)\s+(?P<recall>[\d.]+)\s+(?P<f1>[\d.]+)(?P<counts>.*)$"
)
# TOTAL document fields: doc_type 13/15, municipality 11/15, ...
_FIELDS_LINE = re.compile(r"^TOTAL document fields:(?P<counts>.*)$")
_COUNT = re.compile(r"(\w+) (\d+)/\d+")

Totals = dict[str, dict[str, float]]


def parse_totals(output: str) -> Totals:
    """{dataset: {metric: value}} from the TOTAL lines of score.py: precision, recall, f1,
    matched and the hits of every attribute; the document fields under "documents"."""
    totals: Totals = {}
    for line in output.splitlines():
        if fields := _FIELDS_LINE.match(line):
            totals[DOCUMENT_FIELDS] = _counts(fields["counts"])
        elif row := _DATASET_LINE.match(line):
            metrics = {name: float(row[name]) for name in ("precision", "recall", "f1")}
            totals[row["dataset"]] = metrics | {"matched": int(row["matched"])} | _counts(row["counts"])
    return totals


def _counts(text: str) -> dict[str, float]:
    return {name: int(hits) for name, hits in _COUNT.findall(text)}


def below_floors(totals: Totals, floors: Totals) -> list[str]:
    """One message per floored value that is missing from the totals or below its floor."""
    failures = []
    for dataset, metrics in floors.items():
        for metric, floor in metrics.items():
            value = totals.get(dataset, {}).get(metric)
            if value is None:
                failures.append(f"{dataset} {metric}: not in the score output (floor {floor:g})")
            elif value < floor:
                failures.append(f"{dataset} {metric}: {value:g} is below its floor {floor:g}")
    return failures


def above_floors(totals: Totals, floors: Totals) -> list[str]:
    """The floored values that have risen: their floors may be raised."""
    return [f"{dataset} {metric}: {totals[dataset][metric]:g} > {floor:g}"
            for dataset, metrics in floors.items() for metric, floor in metrics.items()
            if totals.get(dataset, {}).get(metric, floor) > floor]


def load_floors(path: Path = FLOORS) -> Totals:
    with path.open(encoding="utf-8") as fh:
        return yaml.safe_load(fh)


def score_output(processed: Path, shared: Path) -> str:
    """What score.py prints for the datasets in `processed`."""
    scorer = [sys.executable, str(shared / "eval" / "score.py"), "--processed", str(processed),
              "--gold", str(shared / "gold")]
    return subprocess.run(scorer, capture_output=True, text=True, check=True).stdout


def run_pipeline(corpus: Path, out: Path) -> None:
    """Every corpus document from scratch; exit 1 (some documents failed) is part of the corpus."""
    command = [sys.executable, "-m", "pipeline", "run", str(corpus), "--out", str(out), "--force"]
    done = subprocess.run(command, cwd=ROOT, capture_output=True, text=True)
    if done.returncode not in (0, 1):
        raise SystemExit(f"score gate: the pipeline exited {done.returncode}:\n{done.stdout}{done.stderr}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--processed", type=Path, help="score this earlier output instead of running the pipeline")
    ap.add_argument("--shared", type=Path, default=SHARED, help="the folder with corpus/, gold/ and eval/")
    ap.add_argument("--floors", type=Path, default=FLOORS)
    args = ap.parse_args(argv)
    if not (args.shared / "eval" / "score.py").is_file():
        print(f"score gate skipped: {args.shared} (corpus, gold and scorer) is absent")
        return 0
    if args.processed:
        output = score_output(args.processed, args.shared)
    else:
        with tempfile.TemporaryDirectory(prefix="score-gate-") as out:
            run_pipeline(args.shared / "corpus", Path(out))
            output = score_output(Path(out), args.shared)
    totals, floors = parse_totals(output), load_floors(args.floors)
    print("\n".join(line for line in output.splitlines() if line.startswith("TOTAL")))
    if raised := above_floors(totals, floors):
        print(f"above the floor, raise it in {args.floors.name}: " + "; ".join(raised))
    if failures := below_floors(totals, floors):
        print(f"score gate FAILED ({args.floors.name}):\n  " + "\n  ".join(failures), file=sys.stderr)
        return 1
    print(f"score gate passed: {sum(map(len, floors.values()))} values at or above their floors")
    return 0


if __name__ == "__main__":
    sys.exit(main())
