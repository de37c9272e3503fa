"""Retention at unlock and then daily, with an injected date; the banner says what comes and what went."""

from __future__ import annotations

from datetime import UTC, date, datetime, timezone

from PySide6.QtCore import Qt

from etudes_desktop.gui.hub import Hub
from etudes_desktop.gui.retention_banner import RetentionBanner, RetentionScheduler
from etudes_desktop.storage import audit

NOW = datetime(2026, 11, 1, tzinfo=UTC)


def _study(vault, study_id: str, title: str, delivery: str) -> None:
    with vault.transaction() as conn:
        conn.execute("INSERT INTO study (id, version, title, package_json, imported_at, delivery_date, "
                     "retention_months) VALUES (?, '1', ?, '{}', ?, ?, 6)", (study_id, title, NOW.isoformat(), delivery))
        for n in range(3):
            conn.execute("INSERT INTO respondent (study_id, sample_id, last_name, phone, created_at) "
                         "VALUES (?, ?, 'Lefèvre', '0612345678', ?)", (study_id, f"{study_id}-{n}", NOW.isoformat()))
        conn.execute("INSERT INTO interview (id, study_id, study_version, mode, state, created_at, updated_at) "
                     "VALUES (?, ?, '1', 'phone', 'draft', ?, ?)", (f"draft-{study_id}", study_id, NOW.isoformat(),
                                                                     NOW.isoformat()))


class Calendar:
    def __init__(self, day: date) -> None:
        self.day = day

    def __call__(self) -> date:
        return self.day


def _respondents(vault, study_id: str) -> int:
    return vault.conn.execute("SELECT count(*) FROM respondent WHERE study_id = ?", (study_id,)).fetchone()[0]


def test_warns_at_unlock_then_destroys_on_the_day(qtbot, vault, pool) -> None:
    _study(vault, "sat", "Satisfaction 2026", "2026-06-20")  # destroyed on 20/12/2026
    banner = RetentionBanner()
    qtbot.addWidget(banner)
    banner.show()
    calendar = Calendar(date(2026, 11, 10))
    hub = Hub()
    scheduler = RetentionScheduler(banner, today=calendar, pool=pool, hub=hub, check_interval_ms=50)
    with qtbot.waitSignal(scheduler.reported) as first:
        hub.vault_opened.emit(vault)  # at unlock
    assert first.args[0].destroyed == {} and banner.isHidden()  # 40 days ahead: nothing to say yet
    calendar.day = date(2026, 11, 20)
    with qtbot.waitSignal(scheduler.reported, timeout=2000):
        pass  # the timer notices the new day
    assert banner.isVisible()
    assert banner.text_label.text() == (
        "⚠ Étude « Satisfaction 2026 » : les fichiers fournis et les coordonnées seront détruits de ce poste le "
        "20/12/2026 (dans 30 jours). Synchronisez les entretiens terminés avant cette date.")
    assert _respondents(vault, "sat") == 3
    calendar.day = date(2026, 12, 19)
    with qtbot.waitSignal(scheduler.reported, timeout=2000):
        pass
    assert "(demain)" in banner.text_label.text()
    calendar.day = date(2026, 12, 20)
    with qtbot.waitSignal(scheduler.reported, timeout=2000) as due:
        pass
    assert due.args[0].destroyed == {"sat": {"respondents": 3, "drafts": 1, "call_attempts": 0}}
    assert banner.text_label.text() == ("⚠ Étude « Satisfaction 2026 » : durée de conservation atteinte ; "
                                        "3 personnes, 1 brouillon et 0 appel détruits de ce poste.")
    assert _respondents(vault, "sat") == 0
    assert [e.event for e in audit.entries(vault.conn)][-1] == "retention_destroyed"
    qtbot.mouseClick(banner.hide_button, Qt.MouseButton.LeftButton)
    assert banner.isHidden()
    hub.vault_locked.emit()
    assert not scheduler.timer.isActive() and scheduler.vault is None


def test_runs_once_a_day_not_at_every_check(qtbot, vault, pool) -> None:
    _study(vault, "sat", "Satisfaction 2026", "2026-06-20")
    calendar = Calendar(date(2026, 11, 25))
    scheduler = RetentionScheduler(today=calendar, pool=pool, check_interval_ms=3_600_000)
    runs: list[object] = []
    scheduler.reported.connect(runs.append)
    scheduler.start(vault)
    assert len(runs) == 1 and scheduler.timer.isActive()
    scheduler._on_tick()  # an hour later, same day
    assert len(runs) == 1
    calendar.day = date(2026, 11, 26)
    scheduler._on_tick()
    assert len(runs) == 2 and runs[1].warnings[0].days_left == 24
    scheduler.stop()


def test_two_studies_one_destroyed_one_warned(qtbot, vault, pool) -> None:
    _study(vault, "old", "Ancienne étude", "2026-05-01")
    _study(vault, "soon", "Étude proche", "2026-06-20")
    banner = RetentionBanner()
    qtbot.addWidget(banner)
    scheduler = RetentionScheduler(banner, today=lambda: date(2026, 11, 29), pool=pool)
    scheduler.start(vault)
    assert banner.lines == [
        "Étude « Ancienne étude » : durée de conservation atteinte ; 3 personnes, 1 brouillon et 0 appel "
        "détruits de ce poste.",
        "Étude « Étude proche » : les fichiers fournis et les coordonnées seront détruits de ce poste le 20/12/2026 "
        "(dans 21 jours). Synchronisez les entretiens terminés avant cette date.",
    ]
    assert _respondents(vault, "old") == 0 and _respondents(vault, "soon") == 3
    scheduler.stop()
    assert banner.isHidden()
