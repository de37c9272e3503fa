"""Retention: run at unlock and then daily; a banner warns 30 days ahead and says what was destroyed.

`RetentionScheduler` holds the logic (when to run, in the pool, stale results dropped);
`RetentionBanner` only shows an outcome. The date comes from an injectable `today()`, so tests
move the calendar by hand. What runs is `storage.retention.run` (it audits destructions).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from etudes_desktop.core import retention as rules
from etudes_desktop.gui.tasks import Pool, run_task
from etudes_desktop.gui.views.labels import group_digits
from etudes_desktop.storage import retention
from etudes_desktop.storage.handle import VaultHandle

log = logging.getLogger(__name__)
HOUR_MS = 3_600_000


@dataclass(frozen=True)
class RetentionWarning:
    study_id: str
    title: str
    destroy_on: date
    days_left: int


@dataclass
class RetentionOutcome:
    """What one retention run did and what comes within 30 days (no personal data)."""

    day: date
    warnings: list[RetentionWarning] = field(default_factory=list)
    destroyed: dict[str, dict[str, int]] = field(default_factory=dict)  # study id -> counts
    titles: dict[str, str] = field(default_factory=dict)

    @property
    def empty(self) -> bool:
        return not self.warnings and not self.destroyed


def run_retention(vault: VaultHandle, today: date) -> RetentionOutcome:
    """Apply retention for `today` (in a worker), then list the studies within the warning delay."""
    report = retention.run(vault, today)
    outcome = RetentionOutcome(day=today, destroyed=report.destroyed)
    for study in retention.review(vault, today):
        outcome.titles[study.study_id] = study.title
        state = study.state
        if state.due is rules.Due.WARN and state.destroy_on is not None and state.days_left is not None:
            outcome.warnings.append(RetentionWarning(study.study_id, study.title, state.destroy_on, state.days_left))
    return outcome


class RetentionBanner(QFrame):
    """A band above the workspace: destructions done, destructions coming; hidden when there are none."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("retention_banner")
        self.setStyleSheet("QFrame#retention_banner { background: #fff4d6; border: 1px solid #e3c36b; "
                           "border-radius: 6px; } QFrame#retention_banner QLabel { color: #4a3b00; }")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(12, 8, 8, 8)
        self.text_label = QLabel(self)
        self.text_label.setObjectName("retention_text")
        self.text_label.setWordWrap(True)
        self.hide_button = QPushButton(self.tr("Masquer"), self)
        self.hide_button.setObjectName("retention_hide")
        column = QVBoxLayout()
        column.addWidget(self.text_label)
        layout.addLayout(column, 1)
        layout.addWidget(self.hide_button)
        self.hide_button.clicked.connect(self._on_hide_clicked)
        self.lines: list[str] = []
        self.hide()

    def show_outcome(self, outcome: RetentionOutcome) -> None:
        """Show what this run found; hide the banner when there is nothing to say."""
        self.lines = [self.destroyed_text(outcome.titles.get(s, s), counts) for s, counts in outcome.destroyed.items()]
        self.lines += [self.warning_text(w) for w in outcome.warnings]
        self.text_label.setText("\n".join(f"⚠ {line}" for line in self.lines))
        self.setVisible(bool(self.lines))

    def clear(self) -> None:
        self.lines = []
        self.text_label.clear()
        self.hide()

    def warning_text(self, warning: RetentionWarning) -> str:
        when = (self.tr("demain") if warning.days_left == 1 else
                self.tr("dans %1 jours").replace("%1", str(warning.days_left)))
        return (self.tr("Étude « %1 » : les fichiers fournis et les coordonnées seront détruits de ce poste le %2 "
                        "(%3). Synchronisez les entretiens terminés avant cette date.")
                .replace("%1", warning.title).replace("%2", warning.destroy_on.strftime("%d/%m/%Y"))
                .replace("%3", when))

    def destroyed_text(self, title: str, counts: dict[str, int]) -> str:
        people, drafts, calls = (counts.get(k, 0) for k in ("respondents", "drafts", "call_attempts"))
        return (self.tr("Étude « %1 » : durée de conservation atteinte ; %2, %3 et %4 détruits de ce poste.")
                .replace("%1", title)
                .replace("%2", self.tr("%1 personne(s)", "", people).replace("%1", group_digits(people)))
                .replace("%3", self.tr("%1 brouillon(s)", "", drafts).replace("%1", group_digits(drafts)))
                .replace("%4", self.tr("%1 appel(s)", "", calls).replace("%1", group_digits(calls))))

    def _on_hide_clicked(self) -> None:
        self.hide()


class RetentionScheduler(QObject):
    """Runs retention when the vault opens, then again whenever the day has changed (checked hourly)."""

    reported = Signal(object)  # RetentionOutcome
    failed = Signal(str)  # a French sentence

    def __init__(self, banner: RetentionBanner | None = None, *, today: Callable[[], date] = date.today,
                 pool: Pool | None = None, hub: Any = None, check_interval_ms: int = HOUR_MS,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.banner = banner
        self.today = today
        self.vault: VaultHandle | None = None
        self.last_day: date | None = None
        self.busy = False
        self._pool = pool
        self._run = 0
        self.timer = QTimer(self)
        self.timer.setInterval(check_interval_ms)
        self.timer.timeout.connect(self._on_tick)
        if hub is not None:
            hub.vault_opened.connect(self.start)
            hub.vault_locked.connect(self.stop)

    def start(self, vault: VaultHandle) -> None:
        """The vault is open: run now, then daily."""
        self.vault = vault
        self.last_day = None
        self.run_now()
        self.timer.start()

    def stop(self) -> None:
        """The vault is closing: no more runs; a run in flight is ignored when it ends."""
        self.timer.stop()
        self.vault = None
        self.busy = False
        self._run += 1
        if self.banner is not None:
            self.banner.clear()

    def run_now(self) -> None:
        if self.vault is None or self.busy:
            return
        self.busy = True
        self._run += 1
        run, vault, day = self._run, self.vault, self.today()
        self.last_day = day
        run_task(lambda: run_retention(vault, day), lambda outcome: self._on_done(run, outcome),
                 lambda exc: self._on_failed(run, exc), self._pool)

    def _on_tick(self) -> None:
        if self.today() != self.last_day:
            self.run_now()

    def _on_done(self, run: int, outcome: RetentionOutcome) -> None:
        if run != self._run:
            return
        self.busy = False
        if outcome.destroyed:
            log.info("retention destroyed data of %d study(ies)", len(outcome.destroyed))
        if self.banner is not None:
            self.banner.show_outcome(outcome)
        self.reported.emit(outcome)

    def _on_failed(self, run: int, exc: BaseException) -> None:
        if run != self._run:
            return
        self.busy = False
        self.last_day = None  # try again at the next check
        log.error("retention run failed: %s", type(exc).__name__)
        self.failed.emit(self.tr("La vérification des durées de conservation a échoué ; nouvel essai dans une heure."))
