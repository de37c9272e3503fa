"""The synchronisation screen: "Synchroniser" with progress and cancel, what waits, the sync log.

`SyncPanel` is the widget the main window hosts (layout and a small public API);
`SyncController` holds the logic: it runs `SyncEngine.run` in the pool (plain data in, a report
out), carries the engine's progress to the GUI thread, cancels between batches, and reads what
the screen shows through `sync.overview` (ids, counts, reasons and times: no personal data).
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QProgressBar,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from etudes_desktop.gui.i18n import SOURCE_LANGUAGE, current_language
from etudes_desktop.gui.style import set_role
from etudes_desktop.gui.sync_settings import SyncSettingsDialog
from etudes_desktop.gui.tasks import run_task
from etudes_desktop.gui.views.labels import group_digits, interview_state_label, short_datetime, state_colour
from etudes_desktop.storage.handle import VaultHandle
from etudes_desktop.sync import overview
from etudes_desktop.sync.engine import BatchSizer, SyncCancelled, SyncEngine, SyncError, SyncReport
from etudes_desktop.sync.transport import HttpTransport, Transport

log = logging.getLogger(__name__)
TransportFactory = Callable[[str, str], Transport]


def _http_transport(url: str, token: str) -> Transport:
    return HttpTransport(url, token)


def run_sync(vault: VaultHandle, settings: overview.SyncSettings, progress: Callable[[int, int, int], None],
             cancel: threading.Event, transport_factory: TransportFactory = _http_transport,
             batch_size: int | None = None) -> SyncReport:
    """One sync, in a worker thread: plain data in, the engine's report out (SyncError raised)."""
    transport = transport_factory(settings.server_url, settings.token)
    sizer = BatchSizer(count=batch_size, max_count=batch_size) if batch_size else None
    try:
        engine = SyncEngine(vault, transport, progress=progress, cancelled=cancel.is_set, sleep=cancel.wait,
                            sizer=sizer)
        return engine.run()
    finally:
        transport.close()


class _ProgressRelay(QObject):
    """Carries the engine's progress (sent, total, current batch) to the GUI thread."""

    progressed = Signal(int, int, int)

    def __call__(self, done: int, total: int, batch: int) -> None:
        self.progressed.emit(done, total, batch)


def _readonly_table(headers: list[str], parent: QWidget) -> QTableWidget:
    table = QTableWidget(0, len(headers), parent)
    table.setHorizontalHeaderLabels(headers)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setAlternatingRowColors(True)
    table.verticalHeader().hide()
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    table.horizontalHeader().setStretchLastSection(True)
    return table


def _cell(text: str, *, number: bool = False) -> QTableWidgetItem:
    item = QTableWidgetItem(text)
    if number:
        item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    return item


class SyncPanel(QWidget):
    """Synchronise button, cancel, progress, the outcome, the status line, the log and the problems."""

    status_changed = Signal(str)  # the PII-free line for the status bar
    sync_finished = Signal(object)  # a SyncReport, or the exception that stopped the sync
    settings_saved = Signal()

    def __init__(self, services: Any, parent: QWidget | None = None, *,
                 transport_factory: TransportFactory | None = None, batch_size: int | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("sync_panel")
        self.services = services
        self._build()
        self.controller = SyncController(self, services, transport_factory or _http_transport, batch_size)

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 16, 16, 16)
        title = QLabel(self.tr("Synchronisation"), self)
        title.setProperty("role", "title")
        intro = QLabel(self.tr("Les entretiens terminés partent par lots vers le serveur de collecte. "
                               "Ceux que le serveur a reçus sont ensuite effacés de ce poste."), self)
        intro.setWordWrap(True)
        intro.setProperty("role", "subtitle")
        buttons = QHBoxLayout()
        self.sync_button = QPushButton(self.tr("Synchroniser"), self)
        self.sync_button.setObjectName("sync_button")
        self.sync_button.setProperty("role", "primary")
        self.cancel_button = QPushButton(self.tr("Annuler"), self)
        self.cancel_button.setObjectName("cancel_button")
        self.cancel_button.setEnabled(False)
        self.settings_button = QPushButton(self.tr("Réglages du serveur…"), self)
        self.settings_button.setObjectName("sync_settings_button")
        for button in (self.sync_button, self.cancel_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.settings_button)
        self.progress_label = QLabel(self)
        self.progress_label.setObjectName("sync_progress_label")
        self.progress_bar = QProgressBar(self)
        self.progress_bar.setObjectName("sync_progress")
        self.progress_bar.setTextVisible(False)
        self.outcome_label = QLabel(self)
        self.outcome_label.setObjectName("sync_outcome")
        self.outcome_label.setWordWrap(True)
        self.status_label = QLabel(self)
        self.status_label.setObjectName("sync_status")
        self.status_label.setWordWrap(True)
        self.status_label.setStyleSheet("font-weight: bold; color: #12355b; padding: 4px 0;")
        self.tabs = QTabWidget(self)
        self.log_table = _readonly_table([
            self.tr("Date"), self.tr("Étude"), self.tr("Lot"), self.tr("Envoyés"), self.tr("Acceptés"),
            self.tr("Déjà reçus"), self.tr("En conflit"), self.tr("Refusés"), self.tr("Résultat")], self.tabs)
        self.log_table.setObjectName("sync_log_table")
        log_header = self.log_table.horizontalHeader()
        log_header.setStretchLastSection(False)
        log_header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)  # the study gives way, elided
        self.log_table.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        self.problems_table = _readonly_table([
            self.tr("Entretien"), self.tr("Étude"), self.tr("Terminé le"), self.tr("État"), self.tr("Motif")],
            self.tabs)
        self.problems_table.setObjectName("sync_problems_table")
        self.problems_table.setWordWrap(True)
        problems_page = QWidget(self.tabs)
        problems_column = QVBoxLayout(problems_page)
        problems_column.setContentsMargins(6, 6, 6, 6)
        hint = QLabel(self.tr("Ces entretiens restent sur ce poste et ne seront pas renvoyés tels quels. "
                              "Signalez-les à votre responsable d'étude avec le motif."), problems_page)
        hint.setWordWrap(True)
        problems_column.addWidget(hint)
        problems_column.addWidget(self.problems_table, 1)
        self.tabs.addTab(self.log_table, self.tr("Journal des synchronisations"))
        self.tabs.addTab(problems_page, self.tr("Refusés ou en conflit"))
        for widget in (title, intro):
            layout.addWidget(widget)
        layout.addLayout(buttons)
        for widget in (self.progress_label, self.progress_bar, self.outcome_label, self.status_label):
            layout.addWidget(widget)
        layout.addWidget(self.tabs, 1)
        self.progress_label.hide()
        self.progress_bar.hide()
        self.outcome_label.hide()

    # -- the public API (the main window, tests) -------------------------------------------------
    def bind(self, vault: VaultHandle) -> None:
        """Show what this open vault holds."""
        self.controller.bind(vault)

    def unbind(self) -> None:
        """The vault is closing: stop a running sync, show nothing."""
        self.controller.unbind()

    def start_sync(self) -> None:
        self.controller.start_sync()

    def cancel(self) -> None:
        self.controller.cancel()

    def refresh(self) -> None:
        self.controller.refresh()

    @property
    def busy(self) -> bool:
        return self.controller.busy

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt override
        """Figures change while the panel is hidden (interviews completed): read them again on show."""
        super().showEvent(event)
        self.controller.refresh()

    def status_text(self) -> str:
        return self.status_label.text()

    # -- what the controller shows ---------------------------------------------------------------
    def show_running(self, running: bool, has_vault: bool = True) -> None:
        self.sync_button.setEnabled(not running and has_vault)
        self.settings_button.setEnabled(not running and has_vault)
        self.cancel_button.setEnabled(running)
        self.progress_label.setVisible(running or self.progress_label.isVisible())
        self.progress_bar.setVisible(running)
        if running:
            self.outcome_label.hide()
            self.progress_bar.setRange(0, 0)  # busy until the engine knows the total
            self.progress_label.setText(self.tr("Connexion au serveur de collecte…"))

    def show_progress(self, done: int, total: int, batch: int) -> None:
        done = min(done, total)
        self.progress_bar.setRange(0, max(total, 1))
        self.progress_bar.setValue(done if total else 1)
        text = self.tr("%1 entretien(s) envoyé(s) sur %2", "", done).replace("%1", group_digits(done)).replace(
            "%2", group_digits(total))
        if batch:
            text += " — " + self.tr("lot en cours : %1 entretien(s)", "", batch).replace("%1", group_digits(batch))
        self.progress_label.setText(text)

    def show_outcome(self, text: str, role: str) -> None:
        self.outcome_label.setText(text)
        set_role(self.outcome_label, role)
        self.outcome_label.show()

    def show_status(self, text: str) -> None:
        self.status_label.setText(text)

    def show_log(self, entries: list[overview.SyncLogEntry]) -> None:
        outcomes = {"ok": self.tr("Réussi"), "error": self.tr("Échec"), "cancelled": self.tr("Annulé")}
        self.log_table.setRowCount(len(entries))
        for row, entry in enumerate(entries):
            values = [short_datetime(entry.at), entry.study_id or "", (entry.batch_id or "—")[:8]]
            for column, text in enumerate(values):
                self.log_table.setItem(row, column, _cell(text))
            self.log_table.item(row, 1).setToolTip(entry.study_id or "")  # elided when space is short
            figures = (entry.sent, entry.accepted, entry.duplicate, entry.conflict, entry.rejected)
            for column, figure in enumerate(figures, start=3):
                self.log_table.setItem(row, column, _cell(group_digits(figure), number=True))
            outcome = _cell(outcomes.get(entry.outcome, entry.outcome))
            if entry.outcome != "ok" or entry.conflict or entry.rejected:
                outcome.setForeground(state_colour("rejected"))  # type: ignore[arg-type]
            self.log_table.setItem(row, 8, outcome)

    # -- texts (here, so lupdate files them under SyncPanel) ---------------------------------------
    def describe_status(self, state: overview.SyncStatus) -> str:
        if state.waiting == 0:
            parts = [self.tr("Aucun entretien en attente d'envoi")]
        elif state.waiting == 1:
            parts = [self.tr("1 entretien en attente d'envoi")]
        else:
            parts = [self.tr("%1 entretiens en attente d'envoi").replace("%1", group_digits(state.waiting))]
        if state.problems:
            parts.append(self.tr("%1 refusé(s) ou en conflit", "", state.problems).replace(
                "%1", group_digits(state.problems)))
        if state.last_success:
            last = short_datetime(state.last_success)
            parts.append(self.tr("dernière synchronisation réussie : %1").replace("%1", last))
        else:
            parts.append(self.tr("jamais synchronisé"))
        return " · ".join(parts)

    def describe_report(self, report: SyncReport) -> str:
        if report.wiped:
            return self.tr("Cet ordinateur a été retiré de l'étude par le bureau d'études : ses données de l'étude "
                           "ont été détruites après l'envoi de ce qui pouvait l'être.")
        return self._describe_sent(report) + self._describe_assignment(report)

    def _describe_assignment(self, report: SyncReport) -> str:
        """The people the collection office sent or took back at this sync, if any."""
        if not (report.assigned_added or report.assigned_dropped):
            return ""
        received = self.tr("%1 personne(s) reçue(s)", "", report.assigned_added).replace(
            "%1", group_digits(report.assigned_added))
        dropped = self.tr("%1 retirée(s)", "", report.assigned_dropped).replace(
            "%1", group_digits(report.assigned_dropped))
        return " " + self.tr("Attribution du bureau d'études : %1, %2.").replace("%1", received).replace("%2", dropped)

    def _describe_sent(self, report: SyncReport) -> str:
        if report.sent == 0 and not report.rejected:
            return self.tr("Synchronisation réussie : rien à envoyer, tout est à jour.")
        sent = self.tr("%1 entretien(s) envoyé(s)", "", report.sent).replace("%1", group_digits(report.sent))
        batches = self.tr("en %1 lot(s)", "", report.batches).replace("%1", group_digits(report.batches))
        purged = self.tr("%1 reçu(s) par le serveur et effacé(s) de ce poste", "", report.purged).replace(
            "%1", group_digits(report.purged))
        text = self.tr("Synchronisation réussie : %1 %2 ; %3.").replace("%1", sent).replace("%2", batches).replace(
            "%3", purged)
        problems = report.conflict + report.rejected
        if problems:
            text += " " + self.tr("%1 refusé(s) ou en conflit : ils restent sur ce poste, motif dans l'onglet "
                             "« Refusés ou en conflit ».", "", problems).replace("%1", group_digits(problems))
        return text

    def describe_error(self, exc: BaseException, sent: int) -> str:
        if isinstance(exc, SyncCancelled):
            return self.tr("Synchronisation annulée : %1 entretien(s) envoyé(s) ; les autres partiront à la prochaine "
                      "synchronisation.", "", sent).replace("%1", group_digits(sent))
        from etudes_desktop.sync import errors

        known: list[tuple[type[BaseException], str]] = [
            (errors.TokenRefused, self.tr("Le serveur a refusé le jeton d'appareil. Vérifiez-le dans les réglages du "
                                          "serveur ; rien n'a été envoyé ni effacé.")),
            (errors.WriteRefused, self.tr("Le serveur refuse les envois de ce poste pour cette étude. "
                                          "Contactez votre responsable d'étude.")),
            (errors.ServerUnreachable, self.tr("Le serveur de collecte est injoignable. Vérifiez la connexion puis "
                                               "réessayez : rien n'est perdu.")),
            (errors.WrongStudy, self.tr("Ce jeton d'appareil est inscrit pour une autre étude : vérifiez les réglages "
                                        "du serveur. Rien n'a été envoyé.")),
            (errors.BatchRefused, self.tr("Le serveur a refusé un lot d'entretiens. Rien n'est perdu ; réessayez plus "
                                          "tard ou contactez votre responsable d'étude.")),
            (errors.ServerIncoherent, self.tr("Le serveur a répondu de façon incohérente. Rien n'a été effacé ; "
                                              "réessayez plus tard.")),
            (errors.AuditRejected, self.tr("Le serveur a refusé le journal d'audit ; les entretiens envoyés sont bien "
                                           "reçus. Réessayez plus tard.")),
        ]
        for kind, text in known:
            if isinstance(exc, kind):
                return text
        message = str(getattr(exc, "message", "") or exc) if isinstance(exc, SyncError) else ""
        if message and current_language() == SOURCE_LANGUAGE:
            return self.tr("La synchronisation a échoué : %1. Rien n'est perdu ; réessayez plus tard.").replace(
                "%1", message)
        return self.tr("La synchronisation a échoué. Rien n'est perdu ; réessayez plus tard.")

    def show_missing_settings(self) -> None:
        self.show_outcome(self.tr("Indiquez l'adresse du serveur et le jeton d'appareil (bouton "
                                  "« Réglages du serveur… »)."), "error")

    def show_cancelling(self) -> None:
        self.cancel_button.setEnabled(False)
        self.progress_label.setText(self.tr("Annulation après le lot en cours…"))

    def reason_text(self, reason: str | None, code: str | None = None) -> str:
        """Why an interview stays here, by its reason code, in the interface's language."""
        from etudes_desktop.sync.protocol import ReasonCode

        words = {
            ReasonCode.OTHER_CONTENT: self.tr("déjà reçu par le serveur avec un autre contenu"),
            ReasonCode.REPEATED_IN_BATCH: self.tr("présent deux fois dans le lot avec des contenus différents"),
            ReasonCode.STUDY_MISMATCH: self.tr("appartient à une autre étude que celle de ce poste"),
            ReasonCode.HASH_MISMATCH: self.tr("contenu altéré pendant l'envoi (empreinte différente)"),
            ReasonCode.UNKNOWN_NOTICE: self.tr("notice d'information absente des versions publiées de l'étude"),
            ReasonCode.INVALID_PAYLOAD: self.tr("contenu refusé par le serveur (format invalide)"),
            ReasonCode.UNDECLARED_ATTRIBUTE: self.tr("une information sur la personne que le serveur n'accepte pas"),
            ReasonCode.TOO_LARGE: self.tr("trop volumineux pour le serveur, même envoyé seul"),
            ReasonCode.UNREADABLE: self.tr("contenu qui ne peut pas quitter ce poste tel quel"),
        }
        try:
            known = words.get(ReasonCode(code)) if code else None
        except ValueError:
            known = None  # a code from a newer server
        local = code in (ReasonCode.TOO_LARGE.value, ReasonCode.UNREADABLE.value)
        if known and local and reason and current_language() == SOURCE_LANGUAGE:
            return f"{known} ({reason})"  # the laptop's own detail is French: it says what to fix
        if known:
            return known
        if reason and current_language() == SOURCE_LANGUAGE:
            return reason
        return self.tr("(aucun motif donné)") if not reason else self.tr("refusé par le serveur")

    def show_problems(self, problems: list[overview.ProblemInterview]) -> None:
        self.problems_table.setRowCount(len(problems))
        for row, item in enumerate(problems):
            state = _cell(self.tr("Bloqué sur ce poste") if item.refused_locally else interview_state_label(item.state))
            state.setForeground(state_colour(item.state))  # type: ignore[arg-type]
            cells = [_cell(item.id[:8]), _cell(item.study_id), _cell(short_datetime(item.completed_at)), state,
                     _cell(self.reason_text(item.reason, item.code))]
            for column, cell in enumerate(cells):
                self.problems_table.setItem(row, column, cell)
        self.problems_table.resizeRowsToContents()
        label = self.tr("Refusés ou en conflit")
        self.tabs.setTabText(1, f"{label} ({len(problems)})" if problems else label)


class SyncController(QObject):
    """Runs the sync in the pool and keeps the panel's figures up to date."""

    def __init__(self, panel: SyncPanel, services: Any, transport_factory: TransportFactory,
                 batch_size: int | None) -> None:
        super().__init__(panel)
        self.panel = panel
        self.services = services
        self.vault: VaultHandle | None = None
        self.busy = False
        self._transport_factory = transport_factory
        self._batch_size = batch_size
        self._cancel = threading.Event()
        self._sent = 0
        self._progressed = False
        self._run = 0  # drops the result of a sync started on a vault since closed
        self._relay = _ProgressRelay(self)
        self.settings_dialog: SyncSettingsDialog | None = None
        self._connect_signals()
        self.bind(getattr(services, "vault", None))

    def _connect_signals(self) -> None:
        self.panel.sync_button.clicked.connect(self._on_sync_clicked)
        self.panel.cancel_button.clicked.connect(self._on_cancel_clicked)
        self.panel.settings_button.clicked.connect(self._on_settings_clicked)
        self._relay.progressed.connect(self._on_progress)
        hub = getattr(self.services, "hub", None)
        if hub is not None:
            hub.vault_opened.connect(self.bind)
            hub.vault_locked.connect(self.unbind)

    # -- vault ------------------------------------------------------------------------------------
    def bind(self, vault: VaultHandle) -> None:
        self.vault = vault
        self.panel.show_running(False, vault is not None)
        self.refresh()

    def unbind(self) -> None:
        self.cancel()
        self._run += 1
        self.busy = False
        self.vault = None
        self.panel.show_running(False, False)
        self.panel.show_log([])
        self.panel.show_problems([])
        self.panel.show_status("")

    def refresh(self) -> None:
        """Read the status line, the log and the problems again (never during a sync)."""
        if self.vault is None or self.busy:
            return
        state = overview.status(self.vault)
        text = self.panel.describe_status(state)
        self.panel.show_status(text)
        self.panel.show_log(overview.log_entries(self.vault))
        self.panel.show_problems(overview.problems(self.vault))
        self.panel.status_changed.emit(text)

    # -- the sync ---------------------------------------------------------------------------------
    def start_sync(self) -> None:
        if self.vault is None or self.busy:
            return
        settings = overview.load_settings(self.vault)
        if not settings.complete:
            self.panel.show_missing_settings()
            return
        self.busy, self._sent, self._progressed = True, 0, False
        self._cancel = threading.Event()
        self._run += 1
        run, vault, relay, cancel = self._run, self.vault, self._relay, self._cancel
        factory, batch_size = self._transport_factory, self._batch_size
        self.panel.show_running(True)
        run_task(lambda: run_sync(vault, settings, relay, cancel, factory, batch_size),
                 lambda report: self._on_done(run, report), lambda exc: self._on_failed(run, exc),
                 getattr(self.services, "pool", None))

    def cancel(self) -> None:
        """Stop between batches: the batch on the wire finishes; the rest leaves with the next sync."""
        if self.busy:
            self._cancel.set()
            self.panel.show_cancelling()

    def _finish(self, run: int) -> bool:
        if run != self._run:
            return False
        self.busy = False
        self.panel.show_running(False)
        self.panel.progress_label.setVisible(self._progressed)  # not "Connexion…" once it is over
        self.refresh()
        return True

    def _on_done(self, run: int, report: SyncReport) -> None:
        if not self._finish(run):
            return
        role = "warn" if report.conflict or report.rejected or report.wiped else "ok"
        self.panel.show_outcome(self.panel.describe_report(report), role)
        self.panel.sync_finished.emit(report)

    def _on_failed(self, run: int, exc: BaseException) -> None:
        if not self._finish(run):
            return
        if not isinstance(exc, SyncError):
            log.error("sync failed: %s", type(exc).__name__)
        role = "warn" if isinstance(exc, SyncCancelled) else "error"
        self.panel.show_outcome(self.panel.describe_error(exc, self._sent), role)
        self.panel.sync_finished.emit(exc)

    # -- slots ------------------------------------------------------------------------------------
    def _on_sync_clicked(self) -> None:
        self.start_sync()

    def _on_cancel_clicked(self) -> None:
        self.cancel()

    def _on_progress(self, done: int, total: int, batch: int) -> None:
        if self.busy:
            self._sent, self._progressed = done, True
            self.panel.show_progress(done, total, batch)

    def _on_settings_clicked(self) -> None:
        if self.vault is None:
            return
        self.settings_dialog = SyncSettingsDialog(self.vault, self.panel)
        self.settings_dialog.saved.connect(self._on_settings_saved)
        self.settings_dialog.open()

    def _on_settings_saved(self) -> None:
        self.panel.outcome_label.hide()
        self.panel.settings_saved.emit()
