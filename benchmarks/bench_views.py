"""Unlock to the respondents list with 100,000 respondents and 100,000 interviews.

Measures, on a real vault (cheap KDF: the unlock cost is the vault's own benchmark): opening the
vault and showing the workspace with its first page of respondents; scrolling the list to the
bottom and back in steps, with every visible row painted; a search and a status filter; the
resident memory of the process. `fill_vault` is shared with the GUI tests.
"""

from __future__ import annotations

import os
import random
import resource
import tempfile
import time
import uuid
from pathlib import Path
from typing import Any

LAST_NAMES = (
    "Martin", "Bernard", "Dubois", "Thomas", "Robert", "Richard", "Petit", "Durand", "Leroy", "Moreau",
    "Simon", "Laurent", "Lefèvre", "Michel", "Garcia", "David", "Bertrand", "Roux", "Vincent", "Fournier",
    "Morel", "Girard", "André", "Lefebvre", "Mercier", "Dupont", "Lambert", "Bonnet", "François", "Martinez",
    "Legrand", "Garnier", "Faure", "Rousseau", "Blanc", "Guérin", "Muller", "Henry", "Roussel", "Nicolas",
    "Perrin", "Morin", "Mathieu", "Clément", "Gauthier", "Dumont", "Lopez", "Fontaine", "Chevalier", "Robin",
)
FIRST_NAMES = (
    "Marie", "Jean", "Pierre", "Michel", "André", "Philippe", "Nathalie", "Isabelle", "Sylvie", "Catherine",
    "Françoise", "Jacques", "Bernard", "Christine", "Hélène", "Éric", "Stéphane", "Céline", "Julien", "Camille",
    "Léa", "Hugo", "Chloé", "Lucas", "Manon", "Louis", "Zoé", "Gabriel", "Inès", "Noël",
)
TOWNS = (
    ("75011", "Paris"), ("69003", "Lyon"), ("13005", "Marseille"), ("31000", "Toulouse"), ("59000", "Lille"),
    ("33000", "Bordeaux"), ("44000", "Nantes"), ("67000", "Strasbourg"), ("35000", "Rennes"), ("34000", "Montpellier"),
    ("20000", "Ajaccio"), ("97400", "Saint-Denis"), ("21000", "Dijon"), ("87000", "Limoges"), ("29200", "Brest"),
)
STATUS_WEIGHTS = (("to_contact", 70), ("in_progress", 8), ("done", 15), ("objected", 3), ("do_not_contact", 4))
STATE_WEIGHTS = (("draft", 10), ("completed", 30), ("sending", 2), ("acknowledged", 40), ("objected", 3),
                 ("abandoned", 10), ("rejected", 3), ("conflict", 2))
NOW = "2026-11-20T10:00:00+00:00"


def _pick(rng: random.Random, weights: tuple[tuple[str, int], ...]) -> str:
    return rng.choices([w[0] for w in weights], [w[1] for w in weights])[0]


def insert_study(vault: Any, study_id: str = "bench-2026", title: str = "Satisfaction des assurés 2026") -> str:
    """A minimal valid study stored through the study service."""
    from etudes_desktop.core.questionnaire import Questionnaire
    from etudes_desktop.core.study import StudyPackage
    from etudes_desktop.storage.studies import save_study

    questionnaire = Questionnaire(form_id=study_id, title=title)
    save_study(vault, StudyPackage(id=study_id, title=title, questionnaire=questionnaire))
    return study_id


def fill_vault(vault: Any, study_id: str, respondents: int, interviews: int, seed: int = 7) -> None:
    """Fictitious respondents and interviews, written in bulk (one transaction each)."""
    rng = random.Random(seed)
    people = []
    for n in range(respondents):
        postcode, town = rng.choice(TOWNS)
        phone = "0{}{:08d}".format(rng.choice("1234567"), rng.randrange(10**8))  # stored as the import does
        people.append((study_id, f"{study_id[:3].upper()}-{n + 1:06d}", rng.choice(("M.", "Mme")),
                       rng.choice(LAST_NAMES), rng.choice(FIRST_NAMES), postcode, town, phone,
                       _pick(rng, STATUS_WEIGHTS), NOW))
    with vault.transaction() as conn:
        first = conn.execute("SELECT coalesce(max(id), 0) FROM respondent").fetchone()[0] + 1
        conn.executemany(
            "INSERT INTO respondent (study_id, sample_id, title, last_name, first_name, postcode, town, phone, "
            "status, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", people)
    rows = []
    # One interview per person at most (the vault refuses a second); the rest have none.
    interviewed = rng.sample(range(respondents), min(interviews, respondents)) if respondents else []
    for n in range(interviews):
        respondent = first + interviewed[n] if n < len(interviewed) else None
        day = f"2026-{rng.randint(9, 11):02d}-{rng.randint(1, 28):02d}T{rng.randint(8, 19):02d}:{rng.randint(0, 59):02d}:00+00:00"
        rows.append((str(uuid.UUID(int=rng.getrandbits(128))), study_id, "1", respondent,
                     rng.choice(("face_to_face", "phone", "paper")), _pick(rng, STATE_WEIGHTS), day, day))
    with vault.transaction() as conn:
        conn.executemany(
            "INSERT INTO interview (id, study_id, study_version, respondent_id, mode, state, created_at, updated_at) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?)", rows)


def _rss_mb() -> float:
    """Current resident memory (Linux /proc), else the peak."""
    try:
        with open("/proc/self/statm") as handle:
            return int(handle.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20
    except OSError:
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _timed_steps(app: Any, table: Any, values: list[int]) -> list[float]:
    """Set the scroll bar to each value in turn, paint, and time each step."""
    bar, durations = table.verticalScrollBar(), []
    for value in values:
        started = time.perf_counter()
        bar.setValue(value)
        table.viewport().repaint()
        app.processEvents()
        durations.append(time.perf_counter() - started)
    return durations


def _page_downs(app: Any, table: Any, steps: int) -> list[float]:
    """Page Down `steps` times from the top, as a person reading the list would."""
    bar = table.verticalScrollBar()
    bar.setValue(0)
    return _timed_steps(app, table, [min(bar.maximum(), bar.pageStep() * (i + 1)) for i in range(steps)])


def _jumps(app: Any, table: Any, count: int) -> list[float]:
    """Drag the scroll bar's handle to `count` places down the list, then back up."""
    top = table.verticalScrollBar().maximum()
    positions = [top * i // count for i in range(1, count + 1)]
    return _timed_steps(app, table, positions + positions[-2::-1] + [0])


def run(quick: bool = False) -> list[dict[str, Any]]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from etudes_desktop.gui.tasks import ImmediatePool
    from etudes_desktop.gui.views import WorkspaceServices, WorkspaceView
    from etudes_desktop.paths import DataPaths
    from etudes_desktop.storage.vault import KdfParams, Vault

    size = 10_000 if quick else 100_000
    passphrase = "Banc-Essai-Vues-2026!"
    app = QApplication.instance() or QApplication([])
    with tempfile.TemporaryDirectory() as tmp:
        paths = DataPaths(data_dir=Path(tmp) / "data", log_dir=Path(tmp) / "logs")
        vault, _code = Vault.create(paths, passphrase, kdf=KdfParams.fast())
        started = time.perf_counter()
        insert_study(vault)
        fill_vault(vault, "bench-2026", size, size)
        insert_study(vault, "autre-2026", "Délais de remboursement")
        fill_vault(vault, "autre-2026", 50, 20)
        vault.close()
        fill_s = time.perf_counter() - started

        rss_before = _rss_mb()
        started = time.perf_counter()
        vault = Vault.open(paths, passphrase)
        open_s = time.perf_counter() - started
        view = WorkspaceView(WorkspaceServices(pool=ImmediatePool()))
        view.resize(1200, 760)
        view.show()
        app.processEvents()
        built_s = time.perf_counter() - started - open_s
        bound = time.perf_counter()
        view.bind(vault)
        view.select_study("bench-2026")
        table = view.respondents.table
        table.viewport().repaint()  # painted, synchronously: what the interviewer sees first
        list_s = time.perf_counter() - bound
        show_s = time.perf_counter() - started
        while view.counters.values()["drafts"] == "–":  # interviews are counted once the list is painted
            app.processEvents()
        counters_s = time.perf_counter() - bound
        shown = view.respondents.model.rowCount()

        pages = _page_downs(app, table, 60)
        jumps = _jumps(app, table, 20)
        fetched = view.respondents.model.pages_fetched

        started = time.perf_counter()
        view.respondents.search_edit.setText("Lefèvre")
        view.respondents.apply_filters_now()
        table.viewport().repaint()
        search_s = time.perf_counter() - started
        started = time.perf_counter()
        view.respondents.search_edit.setText("")
        view.respondents.set_status_filter("to_contact")
        view.respondents.apply_filters_now()
        table.viewport().repaint()
        filter_s = time.perf_counter() - started
        rss = _rss_mb()
        view.unbind()
        view.close()
        view.deleteLater()
        vault.close()
        app.processEvents()
    return [
        {"name": f"views: fill vault ({size} respondents + {size} interviews)", "value": fill_s, "unit": "s"},
        {"name": "views: vault open (fast KDF; integrity check of every page)", "value": open_s, "unit": "s"},
        {"name": "views: workspace widgets built and shown (empty)", "value": built_s, "unit": "s"},
        {"name": "views: respondents list painted (studies, respondent counts, first page)", "value": list_s, "unit": "s",
         "target": "<= 0.3", "note": f"{shown} rows in the model"},
        {"name": "views: unlock to respondents list shown (all of the above)", "value": show_s, "unit": "s"},
        {"name": "views: bind to every counter shown (interviews counted after the list)", "value": counters_s,
         "unit": "s"},
        {"name": "views: scroll, 60 Page Down from the top: slowest step", "value": max(pages), "unit": "s",
         "target": "<= 0.3", "note": f"mean {1000 * sum(pages) / len(pages):.1f} ms, each step painted"},
        {"name": "views: scroll, 40 scroll-bar jumps over the list: slowest step", "value": max(jumps), "unit": "s",
         "target": "<= 0.3", "note": f"mean {1000 * sum(jumps) / len(jumps):.1f} ms; {fetched} pages read in all"},
        {"name": "views: search by name", "value": search_s, "unit": "s", "target": "<= 0.3"},
        {"name": "views: filter by status", "value": filter_s, "unit": "s", "target": "<= 0.3"},
        {"name": "views: resident memory after list shown", "value": rss, "unit": "MB", "target": "<= 300",
         "note": f"{rss_before:.0f} MB before unlock"},
    ]
