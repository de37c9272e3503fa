"""Desktop start-up: process start until the first screen is shown, and resident memory.

Each run starts `python -m etudes_desktop.gui.app` headless (QT_QPA_PLATFORM=offscreen) with the
hidden `--report-startup` option: the application prints one JSON line once the window is on
show; the time is measured here, from just before the process is spawned until that line arrives.
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


def _start_once(data_dir: Path, *extra: str) -> tuple[float, dict]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    command = [sys.executable, "-m", "etudes_desktop.gui.app", "--data-dir", str(data_dir), *extra, "--report-startup", "--quit-after", "50"]
    started = time.perf_counter()
    child = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, env=env)
    assert child.stdout is not None
    line = child.stdout.readline()
    shown = time.perf_counter() - started
    child.wait(timeout=60)
    if child.returncode != 0 or not line:
        raise RuntimeError(f"etudes-desktop failed to start (exit {child.returncode})")
    return shown, json.loads(line)


def _series(runs: int, data_dir: Path, *extra: str) -> tuple[list[float], list[dict]]:
    times, reports = [], []
    for _ in range(runs):
        seconds, report = _start_once(data_dir, *extra)
        times.append(seconds)
        reports.append(report)
    return times, reports


def run(quick: bool = False) -> list[dict]:
    runs = 3 if quick else 7
    with tempfile.TemporaryDirectory(prefix="etudes-bench-gui-") as tmp:
        root = Path(tmp)
        _start_once(root, "--demo")  # first demo run creates the demo vault; then wait for it
        unlock, unlock_reports = _series(runs, root, "--demo")
        creation, _ = _series(runs, root / "fresh")
    assert all(r["screen"] == "UnlockScreen" for r in unlock_reports)
    rss = max(r["max_rss_mb"] for r in unlock_reports)
    return [
        {"name": "start to unlock screen (demo, median)", "value": statistics.median(unlock), "unit": "s", "target": "<= 1"},
        {"name": "start to unlock screen (demo, worst)", "value": max(unlock), "unit": "s", "target": "<= 1"},
        {"name": "start to creation screen (fresh folder, median)", "value": statistics.median(creation), "unit": "s", "target": "<= 1"},
        {"name": "resident memory at the unlock screen (max RSS)", "value": rss, "unit": "MB", "target": "<= 300"},
    ]


if __name__ == "__main__":
    for row in run(quick="--quick" in sys.argv):
        print(f"{row['name']:<52} {row['value']:>8.3f} {row['unit']:<3} {row.get('target', '')}")
