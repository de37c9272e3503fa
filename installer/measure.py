"""Figures of the built bundle: size, and start of the bundled application to the unlock screen.

    python installer/measure.py build/dist/etudes-desktop [build/dist/etudes-terrain_*.deb]

Each start runs the bundle headless (QT_QPA_PLATFORM=offscreen) on a data folder that holds a
vault, with the hidden `--report-startup` option; the time runs from just before the process is
spawned until the application's line saying the unlock screen is on show. The same is measured
from source in the same run, for comparison. Prints a table, writes measure.json beside the
bundle; informative only (targets: 250 MB, 1.5 s), it fails only if the bundle does not start.
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

RUNS = 7
SIZE_TARGET_MB = 250
START_TARGET_S = 1.5


def _size_mb(path: Path) -> float:
    files = [path] if path.is_file() else [p for p in path.rglob("*") if p.is_file() and not p.is_symlink()]
    return sum(p.stat().st_size for p in files) / 1_000_000


def _start_once(command: list[str], data_dir: Path) -> float:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    started = time.perf_counter()
    child = subprocess.Popen([*command, "--data-dir", str(data_dir), "--report-startup", "--quit-after", "0"],
                             stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, env=env)
    assert child.stdout is not None
    line = child.stdout.readline()
    shown = time.perf_counter() - started
    child.wait(timeout=60)
    if child.returncode != 0 or not line:
        raise SystemExit(f"measure: {command[0]} did not start (exit {child.returncode})")
    report = json.loads(line)
    if report.get("screen") != "UnlockScreen":
        raise SystemExit(f"measure: first screen {report.get('screen')}, not the unlock screen")
    return shown


def _series(command: list[str], data_dir: Path) -> list[float]:
    _start_once(command, data_dir)  # the first start warms the disk cache; not counted
    return [_start_once(command, data_dir) for _ in range(RUNS)]


def main(argv: list[str]) -> int:
    if not argv:
        raise SystemExit("usage: measure.py BUNDLE_DIR [PACKAGE.deb]")
    bundle = Path(argv[0])
    executable = bundle / ("etudes-desktop.exe" if sys.platform == "win32" else "etudes-desktop")
    if not executable.is_file():
        raise SystemExit(f"measure: {executable} not found: build it first (make dist)")
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
    from etudes_desktop.paths import DataPaths
    from etudes_desktop.storage.vault import KdfParams, Vault

    rows = [("bundle size (one folder)", _size_mb(bundle), "MB", f"<= {SIZE_TARGET_MB}")]
    for package in argv[1:]:
        rows.append((f"package size ({Path(package).name})", _size_mb(Path(package)), "MB", ""))
    with tempfile.TemporaryDirectory(prefix="etudes-measure-") as tmp:
        data_dir = Path(tmp) / "data"
        vault, _code = Vault.create(DataPaths.for_data_dir(data_dir), "Mesure-Démarrage-2026!", kdf=KdfParams.fast())
        vault.close()
        bundled = _series([str(executable)], data_dir)
        source = _series([sys.executable, "-m", "etudes_desktop.gui.app"], data_dir)
    rows += [
        ("bundle: start to unlock screen (median)", statistics.median(bundled), "s", f"<= {START_TARGET_S}"),
        ("bundle: start to unlock screen (worst)", max(bundled), "s", f"<= {START_TARGET_S}"),
        ("source: start to unlock screen (median)", statistics.median(source), "s", "comparison"),
    ]
    for name, value, unit, target in rows:
        print(f"  {name:<52} {value:>8.2f} {unit:<3} {target}")
    out = bundle.parent / "measure.json"
    out.write_text(json.dumps([{"name": n, "value": round(v, 3), "unit": u, "target": t} for n, v, u, t in rows],
                              indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
