"""Command line: `python -m pipeline run <pdf files or dirs> --out <dir>` and friends."""
from __future__ import annotations

import json
import logging
import platform
import signal
from collections.abc import Callable
from pathlib import Path

import typer
from rich.console import Console

from pipeline import __version__, logs
from pipeline.batch import (
    EXIT_LOCKED,
    EXIT_RUN_FAILED,
    EXIT_USAGE,
    EmptyInput,
    RunOptions,
    publish,
    run_batch,
    summary_table,
)
from pipeline.executors import RunFailed, default_workers
from pipeline.extract.explain import explain_page
from pipeline.ingest import ingest
from pipeline.layout import build_layout
from pipeline.layout.render import render
from pipeline.model import StageError
from pipeline.publish.lock import OutputLock, OutputLocked
from pipeline.publish.review import Sources
from pipeline.publish.review_marks import document_marks
from pipeline.publish.review_render import draw_page
from pipeline.publish.state import load_state
from pipeline.publish.verify import problems
from pipeline.publish.writers import CSV_DIALECTS
from pipeline.reference import DATA_DIR
from pipeline.reference.kolada_api import DEFAULT_BASE_URL, KoladaError
from pipeline.reference.update import update as update_reference
from pipeline.runner import find_pdfs, process_path, read_interim, write_json
from pipeline.settings import Settings, SettingsError, default_config_dir, load_settings
from pipeline.validate import validate as validate_rows

app = typer.Typer(add_completion=False, no_args_is_help=True, help=__doc__)
reference_app = typer.Typer(no_args_is_help=True, help="The reference data shipped in pipeline/reference/data.")
app.add_typer(reference_app, name="reference")
log = logging.getLogger(__name__)


@app.callback()
def main(
    ctx: typer.Context,
    verbose: bool = typer.Option(False, "--verbose", "-v", help="log debug lines too"),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="log warnings and errors only"),
    config_dir: Path | None = typer.Option(
        None,
        "--config-dir",
        help="configs to use (default: $KOMMUNBUDGET_CONFIG_DIR, else configs/ beside the package)",
    ),
) -> None:
    """Set up logging for every command: info lines by default (stderr; a command's own output
    goes to stdout). Validate the configs before any command reads a PDF: a bad key is a usage
    error (exit 2) that leaves every output as it was. The settings then go to the command,
    which passes them to every stage."""
    if verbose and quiet:
        raise typer.BadParameter("--verbose and --quiet exclude each other")
    try:
        ctx.obj = load_settings(config_dir or default_config_dir())
    except SettingsError as exc:
        typer.echo(str(exc), err=True)
        raise typer.Exit(EXIT_USAGE) from None
    logs.configure(logging.DEBUG if verbose else logging.WARNING if quiet else logging.INFO)
    log.debug("kommunbudget %s on Python %s", __version__, platform.python_version())


@app.command()
def run(
    ctx: typer.Context,
    inputs: list[Path] = typer.Argument(..., help="PDF files or directories of PDFs"),
    out: Path = typer.Option(Path("processed"), "--out", help="output directory"),
    workers: int = typer.Option(
        default_workers(), "--workers", min=1, help="parallel worker processes (default: cores)"
    ),
    scheduler: str | None = typer.Option(None, "--scheduler", help="Dask scheduler address, e.g. tcp://host:8786"),
    force: bool = typer.Option(False, "--force", help="reprocess every file, even unchanged ones"),
    prune: bool = typer.Option(False, "--prune", help="remove the rows of files no longer among the inputs "
                               "(by default a run keeps every document published before)"),
    allow_empty: bool = typer.Option(False, "--allow-empty", help="with --prune: let a run that finds no PDF "
                                     "empty the published set"),
    csv_dialect: str = typer.Option("contract", "--csv-dialect",
                                    help="contract: the published CSV format (default); excel-sv: ';' separator, "
                                    "decimal comma and a UTF-8 BOM, for Swedish Excel"),
    timeout: float | None = typer.Option(None, "--timeout", min=0,
                                         help="seconds one document may take before it is given up (0: no limit; "
                                         "default: configs/pipeline.yaml run.document_timeout_seconds)"),
) -> None:
    """Run every stage over the inputs and publish the datasets into OUT (incrementally)."""
    missing = [p for p in inputs if not p.exists()]
    if missing:
        typer.echo(f"no such file or directory: {', '.join(map(str, missing))}", err=True)
        raise typer.Exit(EXIT_USAGE)
    if csv_dialect not in CSV_DIALECTS:
        raise typer.BadParameter(f"one of {', '.join(sorted(CSV_DIALECTS))}", param_hint="--csv-dialect")
    settings: Settings = ctx.obj
    limit = timeout if timeout is not None else settings.pipeline.run.document_timeout_seconds
    options = RunOptions(workers=workers, scheduler=scheduler, force=force, prune=prune, allow_empty=allow_empty,
                         timeout=limit or None, csv_dialect=CSV_DIALECTS[csv_dialect])
    stopped_by: dict[str, int] = {}
    previous = signal.signal(signal.SIGTERM, _interrupt(stopped_by))
    try:
        code, report = run_batch(inputs, out, settings, options)
    except KeyboardInterrupt:
        typer.echo("interrupted: pending documents cancelled, the published outputs are those of the last complete "
                   "run", err=True)
        raise typer.Exit(128 + stopped_by.get("signal", signal.SIGINT)) from None
    except OutputLocked as exc:
        typer.echo(str(exc), err=True)
        raise typer.Exit(EXIT_LOCKED) from None
    except EmptyInput as exc:
        typer.echo(str(exc), err=True)
        raise typer.Exit(EXIT_USAGE) from None
    except RunFailed as exc:
        typer.echo(f"the run failed: {exc}", err=True)
        raise typer.Exit(EXIT_RUN_FAILED) from None
    except OSError as exc:  # disk full, output read-only …: the previous complete outputs stay in place
        typer.echo(f"the run failed writing its outputs: {exc.strerror or exc}: {exc.filename or out}", err=True)
        raise typer.Exit(EXIT_RUN_FAILED) from None
    finally:
        signal.signal(signal.SIGTERM, previous)  # a caller in the same process keeps its own
    if log.isEnabledFor(logging.INFO):  # --quiet: nothing but warnings, for cron
        Console().print(summary_table(report))
    raise typer.Exit(code)


def _interrupt(stopped_by: dict[str, int]) -> Callable[[int, object], None]:
    """A SIGTERM handler: SIGTERM (systemd stopping the unit, `kill`) stops a run as Ctrl-C
    does, and `stopped_by` then names the signal, for the exit code (130 SIGINT, 143 SIGTERM)."""

    def interrupt(signum: int, frame: object) -> None:
        stopped_by["signal"] = signum
        raise KeyboardInterrupt

    return interrupt


@app.command()
def validate(
    ctx: typer.Context,
    out: Path = typer.Option(Path("processed"), "--out", help="output directory of an earlier run"),
) -> None:
    """Re-run validation on OUT/interim/<doc_id>/extracted.json and publish again.

    The documents are those of the last run (its state), or every interim document.
    """
    interim = out / "interim"
    state = load_state(out)
    doc_ids = sorted({entry.doc_id for entry in state.values()}) or sorted(
        p.parent.name for p in interim.glob("*/extracted.json")
    )
    cached = [found for found in (read_interim(interim, d) for d in doc_ids) if found is not None]
    if not cached:
        typer.echo(f"no extracted documents under {interim}", err=True)
        raise typer.Exit(EXIT_USAGE)
    sources = Sources(
        paths={entry.doc_id: Path(key) for key, entry in sorted(state.items())},  # state keys are resolved paths
        errors={x.document.doc_id: error for x, error in cached if error is not None},
    )
    try:
        with OutputLock(out):
            publish(out, [x for x, _ in cached], ctx.obj, sources=sources)
    except OutputLocked as exc:
        typer.echo(str(exc), err=True)
        raise typer.Exit(EXIT_LOCKED) from None


@app.command()
def verify(
    out: Path = typer.Option(Path("processed"), "--out", help="output directory of an earlier run"),
) -> None:
    """Check that OUT holds one complete published set: exit 0 if so, 1 naming each problem."""
    found = problems(out)
    for problem in found:
        typer.echo(problem, err=True)
    if not found:
        typer.echo(f"{out}: the published set is complete and consistent")
    raise typer.Exit(1 if found else 0)


@app.command()
def layout(
    ctx: typer.Context,
    inputs: list[Path] = typer.Argument(..., help="PDF files or directories"),
    out: Path = typer.Option(Path("processed"), "--out", help="interim files go to OUT/interim/<doc_id>/"),
    as_json: bool = typer.Option(False, "--json", help="print the model as JSON instead of the rendering"),
) -> None:
    """Show the layout model of each PDF (block type, level, page, text)."""
    for path in find_pdfs(inputs):
        source = ingest(path, ctx.obj.pipeline.ingest)
        if isinstance(source, StageError):
            typer.echo(f"{path.name}: [{source.stage}] {source.reason}", err=True)
            continue
        document = build_layout(source, ctx.obj)
        write_json(out / "interim" / source.doc_id / "layout.json", document.to_dict())
        typer.echo(json.dumps(document.to_dict(), ensure_ascii=False) if as_json else render(document))


@app.command()
def explain(
    ctx: typer.Context,
    file: Path = typer.Argument(..., help="a PDF"),
    page: int = typer.Option(..., "--page", min=1, help="the page to explain"),
) -> None:
    """Show, for each block and table row of PAGE, the rules that applied, the one that won and the rows it made."""
    missing = StageError(str(file), "ingest", "no such file")
    source = ingest(file, ctx.obj.pipeline.ingest) if file.is_file() else missing
    if isinstance(source, StageError):
        typer.echo(f"{file.name}: [{source.stage}] {source.reason}", err=True)
        raise typer.Exit(EXIT_USAGE)
    typer.echo(explain_page(build_layout(source, ctx.obj), page, ctx.obj))


@app.command()
def review(
    ctx: typer.Context,
    file: Path = typer.Argument(..., help="a PDF"),
    page: int = typer.Option(..., "--page", min=1, help="the page to draw"),
    target: Path = typer.Option(Path("review.png"), "--out", help="the PNG to write"),
) -> None:
    """Draw PAGE of FILE with every row this pipeline extracts from it outlined (colour: dataset;
    frame: validation status), running every stage and validation on FILE in this process."""
    result = process_path(file, ctx.obj)
    if result.error is not None:
        typer.echo(f"{file.name}: [{result.error.stage}] {result.error.reason}", err=True)
        raise typer.Exit(EXIT_USAGE)
    marks = document_marks(validate_rows([result.extraction], ctx.obj)).get(result.doc_id, [])
    try:
        drawn = draw_page(file, page, marks, target)
    except ValueError as exc:
        typer.echo(str(exc), err=True)
        raise typer.Exit(EXIT_USAGE) from None
    typer.echo(f"{target}: page {page} of {file.name}, {drawn} rows outlined")


@reference_app.command("update")
def reference_update(
    base_url: str = typer.Option(DEFAULT_BASE_URL, "--base-url", help="the Kolada API v3"),
    data_dir: Path = typer.Option(DATA_DIR, "--data-dir", help="the reference files to refresh"),
) -> None:
    """Refresh the Kolada KPI catalogue and municipality list from the Kolada API; on any error the old files stay."""
    try:
        done = update_reference(base_url, data_dir)
    except (KoladaError, OSError) as exc:
        typer.echo(f"reference update failed, {data_dir} is unchanged: {exc}", err=True)
        raise typer.Exit(EXIT_RUN_FAILED) from None
    typer.echo(f"{done.kpis} KPIs ({done.retired} retired ones kept), {done.municipalities} municipalities")
