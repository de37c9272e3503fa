"""The layers of the house plan, read from the code: who may import whom, and no import circle."""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "etudes_desktop"
# What each layer may not import, lazily or not (ARCHITECTURE.md: core < storage < sync < gui/cli).
FORBIDDEN = {
    "core": ("storage", "sync", "server", "gui", "cli", "demo"),
    "storage": ("sync", "server", "gui", "cli", "demo"),
    "sync": ("server", "gui", "cli", "demo"),
    "gui": ("server",),  # the desktop reaches the server over HTTP only (the demo package starts one)
    "server": ("gui", "cli", "storage", "demo"),
}


def _module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _imports(path: Path, *, eager_only: bool) -> set[str]:
    """Modules of the package this file imports (eager: at import time, outside TYPE_CHECKING)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found: set[str] = set()

    def visit(node: ast.AST, eager: bool) -> None:
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.If) and "TYPE_CHECKING" in ast.unparse(child.test):
                continue
            lazy = isinstance(child, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda))
            if isinstance(child, ast.ImportFrom) and child.module and child.level == 0:
                if child.module.startswith("etudes_desktop") and (eager or not eager_only):
                    found.add(child.module)
                    # `from etudes_desktop.server import office_cli` imports the module office_cli
                    found.update(f"{child.module}.{a.name}" for a in child.names
                                 if (PACKAGE.parent / f"{child.module}.{a.name}".replace(".", "/")).with_suffix(".py").exists()
                                 or (PACKAGE.parent / f"{child.module}.{a.name}".replace(".", "/") / "__init__.py").exists())
            elif isinstance(child, ast.Import):
                found.update(a.name for a in child.names
                             if a.name.startswith("etudes_desktop") and (eager or not eager_only))
            visit(child, eager and not lazy)

    visit(tree, True)
    return found


def _files() -> dict[str, Path]:
    return {_module_name(p): p for p in PACKAGE.rglob("*.py")}


def test_no_layer_imports_a_layer_above_it():
    wrong = []
    for name, path in _files().items():
        layer = name.split(".")[1] if "." in name else ""
        for target in _imports(path, eager_only=False):
            above = target.split(".")[1] if target.count(".") else ""
            if above in FORBIDDEN.get(layer, ()):
                wrong.append(f"{name} -> {target}")
    assert wrong == []


def test_no_import_circle():
    """Lazy imports included: a function-level import that closes a circle is a circle still."""
    files = _files()
    graph = {n: {t for t in _imports(p, eager_only=False) if t in files and t != n} for n, p in files.items()}
    # a package's __init__ re-exporting its own modules is not a circle of the code
    for name in graph:
        graph[name] = {t for t in graph[name] if not (name.startswith(t + ".") and files[t].name == "__init__.py")}
    circles = []
    state: dict[str, int] = {}

    def walk(node: str, stack: list[str]) -> None:
        state[node] = 1
        for nxt in sorted(graph[node]):
            if state.get(nxt) == 1:
                circles.append(" -> ".join(stack[stack.index(nxt):] + [nxt]))
            elif nxt not in state:
                walk(nxt, stack + [nxt])
        state[node] = 2

    for node in sorted(graph):
        if node not in state:
            walk(node, [node])
    assert circles == []


def test_the_sync_engine_runs_no_sql():
    """Its vault work is storage.outbox's (one transaction each, by the lifecycle's rules)."""
    source = (PACKAGE / "sync" / "engine.py").read_text(encoding="utf-8")
    assert ".execute(" not in source and ".transaction(" not in source and "PRAGMA" not in source
