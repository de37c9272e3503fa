"""A focus group's moderator notes (issue 14): a note saved from Entrée (target <= 10 ms p99) and
the note list updated (target <= 50 ms per update) over a three-hour session of 1,000 notes.

Real parts: a vault, a session with 9 participants, the real notes page (offscreen Qt); each note
is typed into the field, Entrée pressed; "saved" runs from the key press to the row stored and
listed, "list update" is the model's append and the scroll with the events it posts processed.
"""

from __future__ import annotations

import datetime as dt
import tempfile
import time
from pathlib import Path
from typing import Any

from benchmarks.bench_calls import _percentile


def run(quick: bool = False) -> list[dict[str, Any]]:
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from etudes_desktop.core.group.guide import GroupGuide
    from etudes_desktop.core.questionnaire import Questionnaire
    from etudes_desktop.core.sample import SampleRecord
    from etudes_desktop.core.study import StudyPackage
    from etudes_desktop.gui.group.notes import NotesPage
    from etudes_desktop.paths import DataPaths
    from etudes_desktop.storage.groups import GroupService
    from etudes_desktop.storage.respondents import RespondentRepository
    from etudes_desktop.storage.studies import save_study
    from etudes_desktop.storage.vault import KdfParams, Vault

    app = QApplication.instance() or QApplication([])
    count = 200 if quick else 1000
    with tempfile.TemporaryDirectory(prefix="etudes-bench-groups-") as folder:
        vault, _ = Vault.create(DataPaths.for_data_dir(Path(folder)), "Banc-Groupes-2026!", kdf=KdfParams.fast())
        try:
            save_study(vault, StudyPackage(id="g", title="Groupes", group=GroupGuide(themes=["Accueil", "Délais"]),
                                           questionnaire=Questionnaire(form_id="g", title="t")))
            RespondentRepository(vault).insert_many("g", [SampleRecord(n, f"G{n}", last_name=f"Nom{n}",
                                                                       first_name=f"Prenom{n}") for n in range(9)])
            groups = GroupService(vault)
            session = groups.create("g", dt.date(2026, 6, 2), "Salle 3", "MOD-01")
            groups.plan(session, [r.id for r in RespondentRepository(vault).list("g")])
            for seat in groups.seats(session):
                groups.arrive(seat.id)
            page = NotesPage(groups, session, ["Accueil", "Délais"])
            page.resize(1200, 700)
            page.show()
            saved, updates = [], []
            original_append = page.model.append

            def timed_append(note: Any) -> None:
                started = time.perf_counter()
                original_append(note)
                page.list.scrollToBottom()
                app.processEvents()
                updates.append(time.perf_counter() - started)

            page.model.append = timed_append  # type: ignore[method-assign]
            for n in range(count):
                page.entry.setText(f"P{1 + n % 9} remarque {n} sur l'accueil, Prenom{n % 9} approuve")
                started = time.perf_counter()
                QTest.keyClick(page.entry, Qt.Key.Key_Return)
                saved.append(time.perf_counter() - started)
            page.close()
            assert page.model.rowCount() == count
        finally:
            vault.close()
    return [
        {"name": f"group note saved from Entrée p50 ({count} notes)", "value": _percentile(saved, 0.5) * 1000,
         "unit": "ms"},
        {"name": f"group note saved from Entrée p99 ({count} notes)", "value": _percentile(saved, 0.99) * 1000,
         "unit": "ms", "target": "<= 10"},
        {"name": f"group note list update p99 (up to {count} notes)", "value": _percentile(updates, 0.99) * 1000,
         "unit": "ms", "target": "<= 50"},
        {"name": "group note list update, last note", "value": updates[-1] * 1000, "unit": "ms"},
    ]
