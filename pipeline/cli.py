"""Command line: `python -m pipeline run <pdf files or dirs> --out <dir>` and friends."""
from __future__ import annotations

import json
from pathlib import Path

import typer

from pipeline.batch import EXIT_LOCKED, EXIT_USAGE, RunOptions, publish, run_batch
from pipeline.executors import default_workers
from pipeline.ingest import ingest
from pipeline.layout import build_layout
from pipeline.layout.render import render
from pipeline.model import StageError
from pipeline.publish.lock import OutputLock, OutputLocked
from pipeline.publish.state import load_state
from pipeline.runner import find_pdfs, read_interim, write_json
from pipeline.settings import ENV_CONFIG_DIR, Settings, SettingsError, default_config_dir, load_settings

app = typer.Typer(add_completion=False, no_args_is_help=True, help=__doc__)

CONFIG_DIR = typer.Option(None, "--config-dir", file_okay=False,
                          help=f"directory of the config files (default: ${ENV_CONFIG_DIR}, else configs/)")


def _settings(config_dir: Path | None) -> Settings:
    """Every config file, validated before any PDF is read: a bad key ends the command with
    exit code 2 and one line naming the file and the key, and nothing is written."""
    try:
        return load_settings(config_dir or default_config_dir())
    except SettingsError as exc:
        typer.echo(f"bad configuration: {exc}", err=True)
        raise typer.Exit(EXIT_USAGE) from None


@app.command()
def run(
    inputs: list[Path] = typer.Argument(..., help="PDF files or directories of PDFs"),
    out: Path = typer.Option(Path("processed"), "--out", help="output directory"),
    workers: int = typer.Option(default_workers(), "--workers", min=1, help="parallel worker processes (default: cores)"),
    scheduler: str | None = typer.Option(None, "--scheduler", help="Dask scheduler address, e.g. tcp://host:8786"),
    force: bool = typer.Option(False, "--force", help="reprocess every file, even unchanged ones"),
    keep_deleted: bool = typer.Option(False, "--keep-deleted", help="keep rows of files no longer among the inputs"),
    timeout: float | None = typer.Option(None, "--timeout", min=0,
                                         help="seconds one document may take before it is given up (0: no limit; "
                                              "default: configs/pipeline.yaml run.document_timeout_seconds)"),
    config_dir: Path | None = CONFIG_DIR,
) -> None:
    """Run every stage over the inputs and publish the datasets into OUT (incrementally)."""
    settings = _settings(config_dir)
    missing = [p for p in inputs if not p.exists()]
    if missing:
        typer.echo(f"no such file or directory: {', '.join(map(str, missing))}", err=True)
        raise typer.Exit(EXIT_USAGE)
    limit = settings.pipeline.run.document_timeout_seconds if timeout is None else timeout
    options = RunOptions(workers=workers, scheduler=scheduler, force=force, keep_deleted=keep_deleted,
                         timeout=limit or None)
    try:
        code, _ = run_batch(inputs, out, settings, options)
    except OutputLocked as exc:
        typer.echo(str(exc), err=True)
        raise typer.Exit(EXIT_LOCKED) from None
    raise typer.Exit(code)


@app.command()
def validate(
    out: Path = typer.Option(Path("processed"), "--out", help="output directory of an earlier run"),
    config_dir: Path | None = CONFIG_DIR,
) -> None:
    """Re-run validation on OUT/interim/<doc_id>/extracted.json and publish again.

    The documents are those of the last run (its state), or every interim document.
    """
    settings = _settings(config_dir)
    interim = out / "interim"
    doc_ids = sorted({entry.doc_id for entry in load_state(out).values()}) or sorted(p.parent.name for p in interim.glob("*/extracted.json"))
    extractions = [cached[0] for cached in (read_interim(interim, d) for d in doc_ids) if cached is not None]
    if not extractions:
        typer.echo(f"no extracted documents under {interim}", err=True)
        raise typer.Exit(EXIT_USAGE)
    try:
        with OutputLock(out):
            publish(out, extractions, settings)
    except OutputLocked as exc:
        typer.echo(str(exc), err=True)
        raise typer.Exit(EXIT_LOCKED) from None


@app.command()
def layout(
    inputs: list[Path] = typer.Argument(..., help="PDF files or directories"),
    out: Path = typer.Option(Path("processed"), "--out", help="interim files go to OUT/interim/<doc_id>/"),
    as_json: bool = typer.Option(False, "--json", help="print the model as JSON instead of the rendering"),
    config_dir: Path | None = CONFIG_DIR,
) -> None:
    """Show the layout model of each PDF (block type, level, page, text)."""
    settings = _settings(config_dir)
    for path in find_pdfs(inputs):
        source = ingest(path, settings.pipeline.ingest)
        if isinstance(source, StageError):
            typer.echo(f"{path.name}: [{source.stage}] {source.reason}", err=True)
            continue
        document = build_layout(source, settings)
        write_json(out / "interim" / source.doc_id / "layout.json", document.to_dict())
        typer.echo(json.dumps(document.to_dict(), ensure_ascii=False) if as_json else render(document))
