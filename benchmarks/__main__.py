"""Run every bench_*.py, print one table, write benchmarks/results/latest.json.

Each module exposes `run(quick: bool) -> list[dict]`; a row has `name`, `value`, `unit`,
and optionally `target` (text such as "<= 1.2") and `note`. Ratios are measured side by side
in the same run, never against a stored figure.
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


def main() -> int:
    parser = argparse.ArgumentParser(prog="benchmarks")
    parser.add_argument("only", nargs="*", help="run only modules whose name contains one of these")
    parser.add_argument("--quick", action="store_true", help="smaller sizes, for a smoke run")
    args = parser.parse_args()
    results: dict[str, list[dict]] = {}
    failed = False
    for name in _modules(args.only):
        print(f"== {name}", flush=True)
        started = time.perf_counter()
        try:
            rows = importlib.import_module(f"benchmarks.{name}").run(quick=args.quick)
        except Exception:  # a broken benchmark is reported, the others still run
            traceback.print_exc()
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
    out.write_text(json.dumps({"meta": meta, "results": results}, indent=2, ensure_ascii=False) + "\n")
    print(f"written {out.relative_to(HERE.parent)}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
