"""The architecture, checked from the code's own imports (docs/ARCHITECTURE.md draws it).

    python -m tests.architecture        # prints every breach; exits 1 if there is any

Each package is a unit: a top-level package, or a sub-package of `bot/` or `interop/`, or `workers/queue.py`
(the queue itself, below everything that enqueues; the rest of `workers/` are the jobs). Units
stand in LAYERS, bottom first, and a unit may import only units of lower layers: never one of
its own layer, never one above. The check fails on:

- an import against that direction, and any import cycle between units;
- an import of our own code inside a function (an import hidden from this check, or dodging a cycle);
- a module over 400 lines, or a package with more than 12 modules at one level.

Tests, migrations and the `.venv` are not checked; benchmarks import inside functions by design.
"""

from __future__ import annotations

import ast
import sys
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

LAYERS: tuple[tuple[str, ...], ...] = (
    ("config", "bot", "interop"),  # `bot` and `interop` alone are only docstrings: their parts are units
    ("models",),
    ("bot.i18n", "workers.queue", "interop.translation"),
    ("directory", "flows"),
    ("bot.understanding",),
    ("bot.engine",),
    ("bot.messaging",),
    ("casework",),
    ("bot.pipeline",),
    ("interop.partners",),  # partners' email, texts and page; their job and sweep are in workers
    ("interop.fhir", "reports"),  # a Task posted back to its sender is a job in workers/partners.py, above
    ("workers",),
    ("bot.web", "bot.cli", "dashboard", "demo"),
    ("app",),
    ("faketwilio",),  # a development tool: the fake Twilio reuses the app's HTTP client
    ("bench",),
)
LAYER = {unit: level for level, units in enumerate(LAYERS) for unit in units}
SKIPPED = {"tests", "migrations", ".venv", "instance", "node_modules"}
# Benchmarks import the app only once they have set up what it reads (and `python -m bench`
# imports no more than the benchmark it runs): imports inside their functions are by design.
LAZY = {"bench"}
MAX_LINES = 400
MAX_MODULES = 12


def modules(root: Path) -> Iterator[tuple[str, Path]]:
    """(dotted name, path) of every Python module of ours."""
    for path in sorted(root.rglob("*.py")):
        parts = path.relative_to(root).with_suffix("").parts
        if parts[0] in SKIPPED or parts[0].startswith("."):
            continue
        name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
        if name.split(".")[0] in LAYER:
            yield name, path


def unit(module: str) -> str | None:
    """The unit a module belongs to, or None when it is not ours."""
    parts = module.split(".")
    if parts[0] not in LAYER:
        return None
    if parts[0] in ("bot", "interop") and len(parts) > 1:
        return ".".join(parts[:2])
    if parts[:2] == ["workers", "queue"]:
        return "workers.queue"
    return parts[0]


def imports(path: Path) -> Iterator[tuple[str, int, bool]]:
    """(module imported, line, inside a function?) for each import of our own code in a file."""
    tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
    nested: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            nested.update(id(inner) for inner in ast.walk(node) if inner is not node)
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            # `from bot.pipeline import profile` imports the module bot.pipeline.profile
            names = [f"{node.module}.{alias.name}" for alias in node.names]
        else:
            continue
        for name in names:
            if unit(name) is not None:
                yield name, node.lineno, id(node) in nested


def breaches(root: Path = ROOT) -> list[str]:
    """Every breach of the rules above in the tree at `root`, one line each."""
    found: list[str] = []
    edges: dict[str, set[str]] = {}
    for module, path in modules(root):
        here = unit(module)
        where = path.relative_to(root)
        lines = len(path.read_text(encoding="utf-8").splitlines())
        if lines > MAX_LINES:
            found.append(f"{where}: {lines} lines, over {MAX_LINES}")
        for name, line, inside in imports(path):
            there = unit(name)
            if inside and here not in LAZY:
                found.append(f"{where}:{line}: imports {name} inside a function")
            if there == here:
                continue
            edges.setdefault(here, set()).add(there)
            if LAYER[there] >= LAYER[here]:
                side = "its own layer" if LAYER[there] == LAYER[here] else "a layer above"
                found.append(f"{where}:{line}: {here} imports {there}, in {side}")
    found += [f"import cycle between units: {' -> '.join(cycle)}" for cycle in cycles(edges)]
    found += crowded(root)
    return found


def cycles(edges: dict[str, set[str]]) -> list[list[str]]:
    """One cycle through each group of units that import each other (Tarjan's components)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    groups: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        for nxt in edges.get(node, ()):
            if nxt not in index:
                visit(nxt)
                low[node] = min(low[node], low[nxt])
            elif nxt in stack:
                low[node] = min(low[node], index[nxt])
        if low[node] == index[node]:
            group = []
            while True:
                member = stack.pop()
                group.append(member)
                if member == node:
                    break
            if len(group) > 1:
                groups.append(sorted(group) + [min(group)])

    for node in sorted(edges):
        if node not in index:
            visit(node)
    return groups


def crowded(root: Path) -> list[str]:
    """Packages with more than MAX_MODULES modules (sub-packages count as one) at one level."""
    found = []
    for init in sorted(root.rglob("__init__.py")):
        folder = init.parent
        rel = folder.relative_to(root)
        if not rel.parts or rel.parts[0] in SKIPPED or rel.parts[0].startswith(".") or rel.parts[0] not in LAYER:
            continue
        count = sum(1 for p in folder.iterdir() if p.suffix == ".py" and p.name != "__init__.py")
        count += sum(1 for p in folder.iterdir() if (p / "__init__.py").exists())
        if count > MAX_MODULES and rel.parts[0] not in LAZY:
            found.append(f"{rel}/: {count} modules and packages at one level, over {MAX_MODULES}")
    return found


def main() -> int:
    found = breaches()
    for breach in found:
        print(breach)
    print(f"{len(found)} breaches of docs/ARCHITECTURE.md" if found else "The imports follow docs/ARCHITECTURE.md.")
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
