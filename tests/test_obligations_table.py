"""The README's table of the register's obligations names code and tests that exist."""

from __future__ import annotations

import ast
import importlib
import re
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
ROW = re.compile(r"^\| (?P<what>[^|]+) \| (?P<where>[^|]+) \| (?P<tests>[^|]+) \|$")


def _rows() -> list[dict[str, str]]:
    text = (REPO / "README.md").read_text(encoding="utf-8")
    section = text.split("## Where the register's obligations live", 1)[1].split("\n## ", 1)[0]
    rows = [m.groupdict() for line in section.splitlines() if (m := ROW.match(line.strip()))]
    return [r for r in rows if r["what"].strip() not in ("Obligation", "---")]


def test_every_obligation_names_existing_code_and_tests():
    rows = _rows()
    assert len(rows) >= 10
    for row in rows:
        places = re.findall(r"`(etudes_desktop/[\w/]+\.py)` · ((?:`[\w.]+`(?:, )?)+)", row["where"])
        assert places, f"aucun module nommé pour : {row['what']}"
        for module_path, names in places:
            module = importlib.import_module(module_path[:-3].replace("/", "."))
            for name in re.findall(r"`([\w.]+)`", names):
                target = module
                for part in name.split("."):
                    assert hasattr(target, part), f"{module_path}: {name} introuvable ({row['what']})"
                    target = getattr(target, part)
        tests = re.findall(r"`(tests/[\w/]+\.py)::(\w+)`", row["tests"])
        assert tests, f"aucun test nommé pour : {row['what']}"
        for path, name in tests:
            tree = ast.parse((REPO / path).read_text(encoding="utf-8"))
            defined = {n.name for n in ast.walk(tree) if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef))}
            assert name in defined, f"{path}::{name} introuvable ({row['what']})"


def test_every_picture_the_readme_shows_exists():
    text = (REPO / "README.md").read_text(encoding="utf-8")
    pictures = re.findall(r"!\[[^\]]*\]\(([^)]+\.png)\)", text)
    assert len(pictures) >= 30
    assert [p for p in pictures if not (REPO / p).is_file()] == []
