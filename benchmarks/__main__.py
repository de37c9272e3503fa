"""Run every bench_*.py, print one table, write benchmarks/results/latest.json.

Each module exposes `run(quick: bool) -> list[dict]`; a row has `name`, `value`, `unit`,
and optionally `target` (text such as "<= 1.2") and `note`. Ratios are measured side by side
in the same run, never against a stored figure. Each module runs in a process of its own, so
one benchmark's memory and garbage never weigh on the next one's time or peak memory. A run of
some modules only (`python -m benchmarks sample views`) updates their rows in latest.json and
keeps the others.
"""

from __future__ import annotations

import argparse
import importlib
import json
import platform
import sys
import time
import traceback
from pathlib import Path

HERE = Path(__file__).resolve().parent


def _modules(only: list[str]) -> list[str]:
    names = sorted(p.stem for p in HERE.glob("bench_*.py"))
    return [n for n in names if not only or any(o in n for o in only)]


def _run_alone(name: str, quick: bool) -> list[dict] | None:
    """The module's rows, measured in a fresh interpreter (None when it failed; its output shown)."""
    import subprocess
    import tempfile

    with tempfile.TemporaryDirectory(prefix="etudes-bench-") as folder:
        out = Path(folder) / "rows.json"
        code = subprocess.call([sys.executable, "-m", "benchmarks", "--one", name, "--rows", str(out),
                                *(["--quick"] if quick else [])], cwd=HERE.parent)
        if code != 0 or not out.exists():
            return None
        return json.loads(out.read_text(encoding="utf-8"))


def _one(name: str, quick: bool, rows_file: str) -> int:
    try:
        rows = importlib.import_module(f"benchmarks.{name}").run(quick=quick)
    except Exception:
        traceback.print_exc()
        return 1
    Path(rows_file).write_text(json.dumps(rows, ensure_ascii=False), encoding="utf-8")
    return 0


def main() -> int:
    parser = argparse.ArgumentParser(prog="benchmarks")
    parser.add_argument("only", nargs="*", help="run only modules whose name contains one of these")
    parser.add_argument("--quick", action="store_true", help="smaller sizes, for a smoke run")
    parser.add_argument("--one", help=argparse.SUPPRESS)  # the child process of one module
    parser.add_argument("--rows", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        return _one(args.one, args.quick, args.rows)
    results: dict[str, list[dict]] = {}
    failed = False
    for name in _modules(args.only):
        print(f"== {name}", flush=True)
        started = time.perf_counter()
        rows = _run_alone(name, args.quick)
        if rows is None:  # a broken benchmark is reported, the others still run
            failed = True
            continue
        results[name] = rows
        for row in rows:
            target = row.get("target", "")
            print(f"  {row['name']:<58} {row['value']:>12.4g} {row.get('unit', ''):<10} {target}")
        print(f"  ({time.perf_counter() - started:.1f} s)")
    out = HERE / "results" / "latest.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    meta = {"python": sys.version.split()[0], "machine": platform.machine(), "when": time.strftime("%Y-%m-%dT%H:%M:%S")}
    if args.only and out.exists():  # some modules only: theirs replaced, the others' kept with their own date
        earlier = json.loads(out.read_text(encoding="utf-8"))
        kept = {k: v for k, v in earlier.get("results", {}).items() if k not in results}
        meta["updated"] = sorted(results)
        meta["earlier_run"] = earlier.get("meta", {}).get("when")
        results = {**kept, **results}
    out.write_text(json.dumps({"meta": meta, "results": dict(sorted(results.items()))}, indent=2,
                              ensure_ascii=False) + "\n")
    print(f"written {out.relative_to(HERE.parent)}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
