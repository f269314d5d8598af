"""Publish a whole set at once: every output of a publish goes into a new generation folder,
and one rename makes it the current one.

`<out>/generations/<stamp>/` holds the datasets, the database, validation_results,
quarantine/, reports/ and datapackage.json of one publish. `<out>/current` is a symbolic
link to the newest complete generation, switched by renaming a new link over it (atomic on
POSIX), and every published name at the top of `<out>` is a fixed link through it
(`amounts.csv -> current/amounts.csv`): readers keep the paths they know, and they, a
killed run and `pipeline verify` only ever see one complete set, never files of two
publishes. Files are fsynced before the switch, so a power cut cannot publish a generation
whose files are still in the page cache. The previous generation is kept for readers that
still have it open; older ones are removed.
"""
from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path

GENERATIONS = "generations"
CURRENT = "current"
_KEPT = 2  # the current generation and the one before it


@contextmanager
def new_generation(out: Path) -> Iterator[Path]:
    """A fresh folder to write a publish into; on success it becomes the current generation,
    on any failure it is removed and the current one stays as it was."""
    root = out / GENERATIONS
    root.mkdir(parents=True, exist_ok=True)
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%fZ")
    staged = root / f".{stamp}.tmp"
    staged.mkdir()
    final = root / stamp
    try:
        yield staged
        _sync_tree(staged)
        staged.rename(final)
        _sync_dir(root)
        _switch(out, final)
    finally:
        shutil.rmtree(staged, ignore_errors=True)
    _link_names(out, final)
    _prune(root, final)


def current_generation(out: Path) -> Path | None:
    """The generation `<out>/current` points to, if there is one."""
    link = out / CURRENT
    return link.resolve() if link.is_symlink() and link.resolve().is_dir() else None


def _switch(out: Path, final: Path) -> None:
    """Point `<out>/current` at `final` in one rename."""
    link = out / f".{CURRENT}.tmp"
    link.unlink(missing_ok=True)
    link.symlink_to(Path(GENERATIONS) / final.name)
    os.replace(link, out / CURRENT)
    _sync_dir(out)


def _link_names(out: Path, generation: Path) -> None:
    """A fixed link at the top of `<out>` for every name a generation holds. An output from
    before generations (a plain file or folder of that name) is replaced by its link."""
    for entry in generation.iterdir():
        top = out / entry.name
        target = Path(CURRENT) / entry.name
        if top.is_symlink() and Path(os.readlink(top)) == target:
            continue
        if top.is_dir() and not top.is_symlink():
            shutil.rmtree(top)
        link = out / f".{entry.name}.link.tmp"
        link.unlink(missing_ok=True)
        link.symlink_to(target)
        os.replace(link, top)


def _prune(root: Path, final: Path) -> None:
    """Remove all but the newest generations, and anything a killed publish left."""
    done = sorted(p for p in root.iterdir() if p.is_dir() and not p.name.startswith("."))
    for old in done[:-_KEPT]:
        if old != final:
            shutil.rmtree(old, ignore_errors=True)
    for leftover in root.glob(".*.tmp"):
        shutil.rmtree(leftover, ignore_errors=True)


def _sync_tree(folder: Path) -> None:
    for path in sorted(folder.rglob("*"), key=lambda p: len(p.parts), reverse=True):
        if path.is_file():
            fd = os.open(path, os.O_RDONLY)
            try:
                os.fsync(fd)
            finally:
                os.close(fd)
        else:
            _sync_dir(path)
    _sync_dir(folder)


def _sync_dir(folder: Path) -> None:
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
