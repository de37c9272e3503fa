"""Paper keying field to field through the real keying panel (real vault, offscreen): from the
key press that validates a field to the next field ready for input, the answer committed
(synchronous=FULL). Both ways a field is validated are measured: a one-digit code that moves on
by itself, and a number followed by Enter. The disk's own fsync is given for context."""

from __future__ import annotations

import datetime as dt
import os
import statistics
import tempfile
import time
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def _percentile(samples: list[float], q: float) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, int(round(q * (len(ordered) - 1))))]


def _fsync_ms(folder: Path, rounds: int) -> list[float]:
    path = folder / "fsync-probe"
    samples = []
    with open(path, "wb") as handle:
        for _ in range(rounds):
            handle.write(b"x" * 4096)
            handle.flush()
            started = time.perf_counter()
            os.fsync(handle.fileno())
            samples.append((time.perf_counter() - started) * 1000)
    path.unlink()
    return samples


def _key(app: Any, entry: Any, text: str, enter: bool) -> float:
    """Type `text` but its last character, then time the last key press (or Enter)."""
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    if enter:
        QTest.keyClicks(entry, text)
        started = time.perf_counter()
        QTest.keyClick(entry, Qt.Key.Key_Return)
    else:
        QTest.keyClicks(entry, text[:-1])
        started = time.perf_counter()
        QTest.keyClick(entry, text[-1])
    app.processEvents()
    return (time.perf_counter() - started) * 1000


def run(quick: bool = False) -> list[dict]:
    from PySide6.QtWidgets import QApplication

    from etudes_desktop.demo.paper_study import paper_package
    from etudes_desktop.gui.paper.window import PaperWindow
    from etudes_desktop.gui.style import apply_style
    from etudes_desktop.paths import DataPaths
    from etudes_desktop.storage.paper_verify import DoubleEntry
    from etudes_desktop.storage.studies import save_study
    from etudes_desktop.storage.vault import KdfParams, Vault

    app = QApplication.instance() or QApplication([])
    apply_style(app)  # the application's font and stylesheet, as the operator's screen has them
    forms = 15 if quick else 80
    with tempfile.TemporaryDirectory(prefix="bench-paper-") as tmp:
        vault, _ = Vault.create(DataPaths.for_data_dir(Path(tmp)), "Bench-Papier-2026!", kdf=KdfParams.fast())
        package: Any = paper_package()
        save_study(vault, package)
        double = DoubleEntry(vault)
        batch = double.paper.create_batch(package.id, "OPE-01", dt.date(2026, 6, 3))
        window = PaperWindow(double, batch, package, "OPE-01")
        window.show()
        panel = window.keying
        entry = panel.entry
        auto: list[float] = []
        typed: list[float] = []
        for n in range(1, forms + 1):
            _key(app, entry, "00001" if n == 1 else "", True)  # the number (then the one offered)
            _key(app, entry, "1", False)                        # the notice: agrees
            _key(app, entry, "1", False)                        # keyed again, to confirm it
            typed.append(_key(app, entry, str(20 + n % 80), True))  # age, Enter
            auto.append(_key(app, entry, str(1 + n % 2), False))    # sex: one digit moves on
            auto.append(_key(app, entry, "2", False))               # satisfaction
            typed.append(_key(app, entry, "13", True))              # channels, Enter
            typed.append(_key(app, entry, str(n % 100), True))      # contacts, Enter
            typed.append(_key(app, entry, str(n % 11), True))       # scale, Enter
            _key(app, entry, "", True)                              # comment left blank: the form is saved
        assert len(double.paper.forms(batch)) == forms and panel.error.text() == ""
        fsync = _fsync_ms(Path(tmp), 50)
        window.close()
        vault.close()
    both = auto + typed
    return [
        {"name": "paper keying field to field, code moving on by itself p50", "value": statistics.median(auto),
         "unit": "ms"},
        {"name": "paper keying field to field, code moving on by itself p99", "value": _percentile(auto, 0.99),
         "unit": "ms", "target": "<= 5"},
        {"name": "paper keying field to field, entry + Enter p50", "value": statistics.median(typed), "unit": "ms"},
        {"name": "paper keying field to field, entry + Enter p99", "value": _percentile(typed, 0.99), "unit": "ms",
         "target": "<= 5"},
        {"name": "paper keying field to field, all p99", "value": _percentile(both, 0.99), "unit": "ms",
         "target": "<= 5", "note": f"{len(both)} fields, {forms} forms"},
        {"name": "disk fsync alone p50 (context)", "value": statistics.median(fsync), "unit": "ms"},
    ]
