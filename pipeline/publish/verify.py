"""`pipeline verify --out DIR`: is the published set complete and consistent?

A set passes when `<out>/current` points to a generation, every published name at the top
of `<out>` is the link through it, and every file the data package names has the bytes and
hash it recorded, with no file of the generation left unnamed. A torn or tampered set names
each problem; a reader can run this before trusting the files (and a test after killing a
run at a random moment).
"""
from __future__ import annotations

import json
import os
from pathlib import Path

from pipeline.publish.datapackage import FILES, PACKAGE, file_digest
from pipeline.publish.generations import CURRENT, current_generation


def problems(out: Path) -> list[str]:
    """What is wrong with the set published in `out` ([] when nothing is)."""
    generation = current_generation(out)
    if generation is None:
        return [f"{out / CURRENT} does not point to a published generation"]
    found = [f"{out / e.name} is not the link {CURRENT}/{e.name}" for e in generation.iterdir()
             if not ((out / e.name).is_symlink() and Path(os.readlink(out / e.name)) == Path(CURRENT) / e.name)]
    try:
        package = json.loads((generation / PACKAGE).read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        return [*found, f"{PACKAGE} cannot be read: {exc}"]
    named = {r["path"]: {"bytes": r.get("bytes"), "hash": r.get("hash")} for r in package.get("resources", [])}
    named.update(package.get(FILES, {}))
    for path, recorded in sorted(named.items()):
        file = generation / path
        if not file.is_file():
            found.append(f"{path}: missing")
        elif file_digest(file) != recorded:
            found.append(f"{path}: its bytes differ from what {PACKAGE} recorded")
    present = {p.relative_to(generation).as_posix() for p in generation.rglob("*") if p.is_file()}
    found += [f"{path}: not named in {PACKAGE}" for path in sorted(present - set(named) - {PACKAGE})]
    return found
