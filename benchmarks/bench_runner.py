"""Answer-to-saved latency through the interview runner (GUI, real vault, offscreen).

Each sample: a choice clicked (or a number typed and given) on the runner, until the field
shows "Enregistré" — the engine's check, the vault's COMMIT (synchronous=FULL) and the repaint
of the mark. Also measured: opening a draft (gate check, session rebuild from the vault, first
page) and moving to the next page.
"""

from __future__ import annotations

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


def _timed_store_class() -> Any:
    from etudes_desktop.storage.interviews import InterviewStore

    class TimedStore(InterviewStore):
        """The real store, timing its save_answer (the transaction and its COMMIT)."""

        commit_ms: list[float] = []

        def save_answer(self, *args: Any, **kwargs: Any) -> None:
            started = time.perf_counter()
            super().save_answer(*args, **kwargs)
            self.commit_ms.append((time.perf_counter() - started) * 1000)

    return TimedStore


def _fsync_ms(folder: Path, rounds: int) -> list[float]:
    """The disk's own fsync latency, for context: the vault's COMMIT waits for one."""
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


def _setup(folder: Path) -> tuple[Any, Any, Any, Any]:
    from etudes_desktop.core.interview import Mode
    from etudes_desktop.demo.sample_study import sample_package
    from etudes_desktop.gui.interview.study_info import StudyInfo
    from etudes_desktop.paths import DataPaths
    from etudes_desktop.storage.studies import save_study
    from etudes_desktop.storage.vault import KdfParams, Vault

    vault, _ = Vault.create(DataPaths.for_data_dir(folder), "Banc-Essai-Mesure-2026!", kdf=KdfParams.fast())
    package = sample_package()
    save_study(vault, package)
    store = _timed_store_class()(vault)
    me = store.set_profile("Claire Martin", "ENQ-07")
    study = StudyInfo.from_package(package)
    return vault, store, study, (me, store.start(study.study_id, study.version, Mode.FACE_TO_FACE))


def run(quick: bool = False) -> list[dict]:
    from PySide6.QtWidgets import QApplication

    from etudes_desktop.gui.interview.screen import open_interview

    app = QApplication.instance() or QApplication([])
    rounds = 100 if quick else 1000
    with tempfile.TemporaryDirectory(prefix="etudes-bench-runner-") as tmp:
        vault, store, study, (me, interview_id) = _setup(Path(tmp))
        try:
            screen = open_interview(store, study, me, interview_id)
            screen.resize(980, 700)
            screen.show()
            screen.gate.delivered_check.click()
            screen.gate.agree_button.click()
            runner = screen.runner
            runner.show_page(screen.flow.page("satisfaction"))
            choice = runner.field("satisfaction")
            store.commit_ms.clear()
            click_samples = []
            for i in range(rounds):
                button = choice.buttons[i % 2]  # alternate: every click is a change, hence a commit
                started = time.perf_counter()
                button.click()
                assert choice.is_saved_shown()
                choice.message_label.repaint()
                click_samples.append((time.perf_counter() - started) * 1000)
            overhead = [total - commit for total, commit in zip(click_samples, store.commit_ms)]
            runner.show_page(screen.flow.page("age"))
            age = runner.field("age")
            typed_samples = []
            for i in range(rounds):
                age.editor.setText(str(20 + i % 60))
                started = time.perf_counter()
                age.flush()
                assert age.is_saved_shown()
                age.message_label.repaint()
                typed_samples.append((time.perf_counter() - started) * 1000)
            page_samples = []
            for _ in range(max(10, rounds // 20)):
                runner.show_page(screen.flow.page("age"))
                started = time.perf_counter()
                runner.go_next()
                app.processEvents()
                page_samples.append((time.perf_counter() - started) * 1000)
            open_samples = []
            for _ in range(max(5, rounds // 50)):
                started = time.perf_counter()
                again = open_interview(store, study, me, interview_id)
                again.show()
                app.processEvents()
                open_samples.append((time.perf_counter() - started) * 1000)
                again.close()
                again.deleteLater()
            screen.close()
        finally:
            vault.close()
        fsync = _fsync_ms(Path(tmp), rounds // 2)
    return [
        {"name": "runner answer-to-saved, choice click p50", "value": statistics.median(click_samples), "unit": "ms"},
        {"name": "runner answer-to-saved, choice click p99", "value": _percentile(click_samples, 0.99), "unit": "ms",
         "target": "<= 10"},
        {"name": "runner answer-to-saved, typed number p50", "value": statistics.median(typed_samples), "unit": "ms"},
        {"name": "runner answer-to-saved, typed number p99", "value": _percentile(typed_samples, 0.99), "unit": "ms",
         "target": "<= 10"},
        {"name": "runner overhead excluding the vault transaction p99", "value": _percentile(overhead, 0.99),
         "unit": "ms", "note": "engine check, skip logic, saved mark"},
        {"name": "disk fsync alone p50 (context)", "value": statistics.median(fsync), "unit": "ms"},
        {"name": "disk fsync alone p99 (context)", "value": _percentile(fsync, 0.99), "unit": "ms"},
        {"name": "runner next page p50", "value": statistics.median(page_samples), "unit": "ms"},
        {"name": "interview screen open (draft resume) p50", "value": statistics.median(open_samples), "unit": "ms"},
    ]


if __name__ == "__main__":
    for row in run():
        print(f"{row['name']:<48} {row['value']:8.3f} {row['unit']} {row.get('target', '')}")
