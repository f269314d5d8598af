"""The shape of pipeline/: stages import only downwards, modules and functions stay short.

Read from the source (ast), nothing imported. The tree breaks some of these rules today;
KNOWN_VIOLATIONS lists each break, and the tests fail on a break not listed there and on a
listed one that is gone, so the list only shrinks: remove an entry when its refactor lands.
"""
from __future__ import annotations

import ast
from collections.abc import Iterator
from functools import cache
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PACKAGE = ROOT / "pipeline"
MAX_MODULE_LINES = 400
MAX_FUNCTION_LINES = 60

# The layers, lowest first: a module may import from its own layer and the ones before it.
# The key is the first part of the module name under pipeline ("" is pipeline/__init__.py).
LAYERS: list[set[str]] = [
    {"", "text", "reference"},  # shared lowest layer: Swedish numbers, units, normalisation, lemmas; shipped data
    {"contract"},
    {"model"},
    {"settings"},
    {"ingest", "ocr"},  # ocr: the Tesseract engine ingest asks about and layout reads with
    {"layout"},
    {"tables"},
    {"extract"},
    {"validate"},
    {"publish"},
    {"runner", "executors", "batch", "cli", "bench", "time_limit", "logs", "__main__"},  # orchestration
]

KNOWN_VIOLATIONS: set[str] = set()


def _layer_of(module: str) -> int:
    key = module.split(".")[1] if "." in module else ""
    for level, names in enumerate(LAYERS):
        if key in names:
            return level
    raise AssertionError(f"{module} is in no layer of tests/fast/test_structure.py LAYERS: place it there")


def _module_name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _resolve(name: str) -> str:
    """The module `name` refers to: itself when it is one, else its package (an imported attribute)."""
    relative = Path(*name.split("."))
    if (ROOT / relative).with_suffix(".py").is_file() or (ROOT / relative / "__init__.py").is_file():
        return name
    return name.rpartition(".")[0]


def _imports(path: Path, tree: ast.Module) -> Iterator[str]:
    """Every pipeline module that `path` imports, at any depth (lazy imports too)."""
    package = _module_name(path) if path.name == "__init__.py" else _module_name(path).rpartition(".")[0]
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names if alias.name.split(".")[0] == "pipeline")
        elif isinstance(node, ast.ImportFrom):
            base = ".".join(package.split(".")[: len(package.split(".")) - node.level + 1]) if node.level else ""
            source = ".".join(part for part in (base, node.module or "") if part)
            if source.split(".")[0] == "pipeline":
                yield from (_resolve(f"{source}.{alias.name}") for alias in node.names)


@cache
def _sources() -> dict[Path, tuple[str, ast.Module]]:
    """Text and syntax tree of every module under pipeline/."""
    sources = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        text = path.read_text(encoding="utf-8")
        sources[path] = (text, ast.parse(text))
    return sources


Function = ast.FunctionDef | ast.AsyncFunctionDef


def _functions(tree: ast.AST, prefix: str = "") -> Iterator[tuple[str, Function]]:
    """(qualified name, node) of every function and method, nested ones included."""
    for node in ast.iter_child_nodes(tree):
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
            name = f"{prefix}{node.name}"
            if not isinstance(node, ast.ClassDef):
                yield name, node
            yield from _functions(node, f"{name}.")
        else:
            yield from _functions(node, prefix)


def import_violations() -> dict[str, str]:
    found = {}
    for path, (_, tree) in _sources().items():
        module = _module_name(path)
        for target in _imports(path, tree):
            if _layer_of(target) > _layer_of(module):
                found[f"import: {path.relative_to(ROOT)} -> {target}"] = "imports from a later stage"
    return found


def module_violations() -> dict[str, str]:
    return {f"lines: {path.relative_to(ROOT)}": f"{len(text.splitlines())} lines"
            for path, (text, _) in _sources().items() if len(text.splitlines()) > MAX_MODULE_LINES}


def function_violations() -> dict[str, str]:
    found = {}
    for path, (_, tree) in _sources().items():
        for name, node in _functions(tree):
            length = (node.end_lineno or node.lineno) - node.lineno + 1
            if length > MAX_FUNCTION_LINES:
                found[f"function: {path.relative_to(ROOT)}:{name}"] = f"{length} lines"
    return found


def _compare(kind: str, found: dict[str, str]) -> None:
    known = {entry for entry in KNOWN_VIOLATIONS if entry.startswith(f"{kind}: ")}
    new = [f"  {entry} ({found[entry]})" for entry in sorted(set(found) - known)]
    gone = [f"  {entry}" for entry in sorted(known - set(found))]
    report = []
    if new:
        report += ["new structure violations (fix them; KNOWN_VIOLATIONS is for the old ones):", *new]
    if gone:
        report += ["fixed, so remove them from KNOWN_VIOLATIONS in tests/fast/test_structure.py:", *gone]
    assert not report, "\n".join(report)


@pytest.mark.parametrize(("kind", "finder"), [
    ("import", import_violations),
    ("lines", module_violations),
    ("function", function_violations),
])
def test_pipeline_structure(kind, finder):
    _compare(kind, finder())


def test_every_known_violation_names_a_kind_the_tests_check():
    assert {entry.split(": ")[0] for entry in KNOWN_VIOLATIONS} <= {"import", "lines", "function"}


def test_relative_imports_resolve_to_modules():
    tree = ast.parse("from ..model import Block\nfrom . import words\nimport pipeline.settings\nimport os")
    assert set(_imports(PACKAGE / "layout" / "blocks.py", tree)) == {
        "pipeline.model", "pipeline.layout.words", "pipeline.settings"}


def test_a_later_stage_import_is_found():
    assert _layer_of("pipeline.publish.writers") > _layer_of("pipeline.validate.report") > _layer_of("pipeline.text")
