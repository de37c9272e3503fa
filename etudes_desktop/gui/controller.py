"""The application controller: which screen shows, the vault's life, auto-lock."""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QThreadPool
from PySide6.QtWidgets import QApplication, QDialog, QFileDialog, QWidget

from etudes_desktop.demo import DEMO_PASSPHRASE, ensure_demo_vault
from etudes_desktop.gui.hub import Hub
from etudes_desktop.gui.i18n import current_language
from etudes_desktop.gui.lock import DEFAULT_IDLE_SECONDS, ClipboardGuard, IdleWatcher
from etudes_desktop.gui.main_window import MainWindow
from etudes_desktop.gui.messages import vault_error_text
from etudes_desktop.gui.settings import AppSettings
from etudes_desktop.gui.tasks import Pool, run_task
from etudes_desktop.gui.unlock import UnlockScreen
from etudes_desktop.gui.vault_create import VaultCreateScreen
from etudes_desktop.paths import DataPaths
from etudes_desktop.storage.handle import VaultHandle

log = logging.getLogger(__name__)
WORKSPACE_VIEW = "workspace"
SYNC_VIEW = "synchronisation"
AUDIT_VIEW = "audit"


class AppController(QObject):
    """Owns the main window and the open vault; everything it uses is passed in."""

    def __init__(
        self,
        paths: DataPaths,
        *,
        demo: bool = False,
        pool: Pool | None = None,
        clock: Callable[[], float] = time.monotonic,
        idle_seconds: float = DEFAULT_IDLE_SECONDS,
        kdf: Any = None,
        hub: Hub | None = None,
        settings: AppSettings | None = None,
        make_launcher: Any = None,
        demo_server: tuple[str, str] | None = None,
    ) -> None:
        super().__init__()
        self._demo_server = demo_server  # (url, device token) of the embedded demo server
        self.paths = paths
        self.demo = demo
        self.hub = hub or Hub()
        self.settings = settings or AppSettings.for_paths(paths)
        self.vault: VaultHandle | None = None
        self._pool = pool
        self._kdf = kdf
        self._resume_view: str | None = None
        self._shut_down = False
        self.window = MainWindow(demo=demo)
        self.unlock_screen = UnlockScreen(
            paths, pool=pool, clock=clock, demo_passphrase=DEMO_PASSPHRASE if demo else None
        )
        self.window.add_screen(self.unlock_screen)
        self.create_screen: VaultCreateScreen | None = None
        self.workspace: QWidget | None = None
        self.interviews: Any = None
        self.services: Any = None
        self.retention: Any = None
        self.next_call_dialog: Any = None  # F5 "Appel suivant" (window-modal)
        self.group_window: Any = None  # Ctrl+6, a focus group session (its own window)
        self.paper_window: Any = None  # Ctrl+7, keying paper questionnaires (its own window)
        self.rates_dialog: Any = None
        self._make_launcher = make_launcher
        self.idle = IdleWatcher(idle_seconds, clock=clock, parent=self)
        self.clipboard = ClipboardGuard(self)
        self.window.show_settings(current_language(), idle_seconds / 60)
        geometry = self.settings.window_geometry
        if geometry:  # the size and place the interviewer left it in
            from PySide6.QtCore import QByteArray

            self.window.restoreGeometry(QByteArray(geometry))
        self._connect_signals()

    def _connect_signals(self) -> None:
        self.unlock_screen.unlocked.connect(self._on_vault_opened)
        self.unlock_screen.passphrase_reset.connect(self._on_passphrase_reset)
        self.idle.idle_timeout.connect(self._on_idle_timeout)
        self.window.lock_requested.connect(self.lock)
        self.window.quit_requested.connect(self.window.close)
        self.hub.status_message.connect(self._on_status_message)
        self.window.language_chosen.connect(self._on_language_chosen)
        self.window.idle_minutes_chosen.connect(self._on_idle_minutes_chosen)

    def start(self) -> None:
        """Show the first screen: unlock if a vault exists, else creation (demo: create it)."""
        from etudes_desktop.storage.vault import Vault

        if Vault.exists(self.paths):
            self.window.show_screen(self.unlock_screen)
        elif self.demo:
            self.window.show_screen(self.unlock_screen)
            self.unlock_screen.set_preparing(True)
            paths, kdf = self.paths, self._kdf
            run_task(lambda: ensure_demo_vault(paths, kdf), self._on_demo_ready, self._on_demo_failed, self._pool)
        else:
            self.create_screen = VaultCreateScreen(self.paths, pool=self._pool, kdf=self._kdf)
            self.window.add_screen(self.create_screen)
            self.create_screen.created.connect(self._on_vault_opened)
            self.window.set_locked(True, vault_exists=False)
            self.window.show_screen(self.create_screen)

    def lock(self) -> None:
        """Close the vault, hide the content, show the unlock screen; unlock returns here."""
        if self.vault is None:
            return
        self._resume_view = self.window.current_view_key()
        self.idle.disarm()
        vault, self.vault = self.vault, None
        self.hub.vault_locked.emit()
        self._close_dialogs()
        self._wait_for_tasks()
        vault.close()
        self.clipboard.clear_ours()
        self.unlock_screen.reset()
        self.window.set_locked(True)
        self.window.show_screen(self.unlock_screen)
        log.info("vault locked")

    def _wait_for_tasks(self) -> None:
        """Let work already handed to the pool (an answer being committed) finish first."""
        wait = getattr(self._pool or QThreadPool.globalInstance(), "waitForDone", None)
        if wait is not None:
            wait(10_000)

    def _close_dialogs(self) -> None:
        """Dialogs opened over the content (a form, a file picker) must not outlive the lock."""
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, QDialog) and widget.isVisible():
                widget.reject()

    def shutdown(self) -> None:
        """On quit: close the vault, leave nothing of ours on the clipboard."""
        if self._shut_down:
            return
        self._shut_down = True
        self.settings.window_geometry = bytes(self.window.saveGeometry().data())
        self.settings.sync()
        self.idle.stop()
        if self.vault is not None:
            self.hub.vault_locked.emit()
            self._wait_for_tasks()
            self.vault.close()
            self.vault = None
        self.clipboard.clear_ours()
        self.clipboard.stop()

    @property
    def locked(self) -> bool:
        return self.vault is None

    def set_demo_server(self, url: str, token: str) -> None:
        """--demo: the embedded collection server is up (started behind the unlock screen)."""
        self._demo_server = (url, token)
        if self.vault is not None:
            from etudes_desktop.sync import overview

            overview.save_settings(self.vault, url, token)

    def _on_vault_opened(self, vault: VaultHandle) -> None:
        self.vault = vault
        if self._demo_server is not None:  # --demo: "Synchroniser" works with nothing to type
            from etudes_desktop.sync import overview

            overview.save_settings(vault, *self._demo_server)
        if self.create_screen is not None and self.window.screens.currentWidget() is self.create_screen:
            self.window.screens.removeWidget(self.create_screen)
            self.create_screen.deleteLater()
            self.create_screen = None
        self._ensure_workspace()
        self.window.set_locked(False)
        self.window.show_workspace(self._resume_view or WORKSPACE_VIEW)
        self.idle.arm()
        log.info("vault opened")
        self.hub.vault_opened.emit(vault)

    def _ensure_workspace(self) -> None:
        """Build the views on the first unlock (keeps start-up light).

        The workspace (studies, respondents, interviews), the synchronisation panel, the audit
        log and the retention banner share one WorkspaceServices and follow the vault through
        the hub: bound on `vault_opened`, emptied on `vault_locked`.
        """
        if self.workspace is not None:
            return
        from etudes_desktop.gui.audit_view import AuditView
        from etudes_desktop.gui.interview_host import InterviewHost, default_launcher
        from etudes_desktop.gui.retention_banner import RetentionBanner, RetentionScheduler
        from etudes_desktop.gui.sync_panel import SyncPanel
        from etudes_desktop.gui.views.services import WorkspaceServices
        from etudes_desktop.gui.views.workspace import WorkspaceView

        self.services = WorkspaceServices(vault=None, pool=self._pool, hub=self.hub)
        window = self.window
        self.workspace = WorkspaceView(self.services)
        window.add_view(WORKSPACE_VIEW, self.workspace)
        window.add_view_action(WORKSPACE_VIEW, self.tr("Études et entretiens"), "Ctrl+1")
        sync_panel = SyncPanel(self.services)
        sync_panel.sync_finished.connect(self._on_sync_finished)
        sync_panel.status_changed.connect(window.set_sync_status)
        self.hub.interviews_changed.connect(sync_panel.refresh)
        self.hub.vault_locked.connect(self._on_locked_clear_sync_status)
        window.add_view(SYNC_VIEW, sync_panel)
        window.add_view_action(SYNC_VIEW, self.tr("Synchronisation"), "Ctrl+2")
        window.add_view(AUDIT_VIEW, AuditView(self.services))
        window.add_view_action(AUDIT_VIEW, self.tr("Journal d'audit"), "Ctrl+3")
        window.add_view_menu_action(self.tr("Rappels prévus"), "Ctrl+4", self._on_callbacks_requested)
        window.add_view_menu_action(self.tr("Appel suivant"), "F5", self._on_next_call_requested)
        window.add_view_menu_action(self.tr("Taux de réponse (AAPOR)"), "Ctrl+5", self._on_rates_requested)
        window.add_view_menu_action(self.tr("Réunions de groupe"), "Ctrl+6", self._on_group_requested)
        window.add_view_menu_action(self.tr("Saisie des questionnaires papier"), "Ctrl+7", self._on_paper_requested)
        window.add_vault_action(self.tr("Droits des personnes (accès, rectification, opposition)…"), self._on_rights_requested)
        window.add_vault_action(self.tr("Imprimer le questionnaire (PDF)…"), self._on_print_requested)
        banner = RetentionBanner()
        window.add_banner(banner)
        self.retention = RetentionScheduler(banner, pool=self._pool, hub=self.hub, parent=self)
        self.interviews = InterviewHost(
            window, self.workspace, self.hub, return_view=WORKSPACE_VIEW,
            make_launcher=self._make_launcher or default_launcher,
        )

    def _on_callbacks_requested(self) -> None:
        self.window.show_view(WORKSPACE_VIEW)
        self.workspace.show_callbacks()

    def _on_next_call_requested(self) -> None:
        """F5: who to call now in the current study; "Appeler" opens the start dialog on them."""
        from etudes_desktop.gui.next_call import open_next_call

        study_id = self._current_study()
        if study_id is None:
            return
        workspace = self.workspace
        self.next_call_dialog = open_next_call(
            self.vault, study_id, lambda person: workspace.start_interview_requested.emit(study_id, person),
            parent=self.window)

    def _on_rates_requested(self) -> None:
        from etudes_desktop.gui.next_call import open_rates

        study_id = self._current_study()
        if study_id is not None:
            self.rates_dialog = open_rates(self.vault, study_id, self.workspace.study_title.text(), parent=self.window)

    def _on_group_requested(self) -> None:
        """Ctrl+6: a focus group of the current study (its own window; questionnaires open here)."""
        from etudes_desktop.gui.group.start import open_group_session
        from etudes_desktop.gui.interview.launcher import load_study_info

        study_id = self._current_study()
        study = load_study_info(self.vault, study_id) if study_id else None
        if study is None:
            return
        window = open_group_session(self.vault, study, parent=self.window, language=current_language())
        if window is not None:
            self.group_window = window
            window.questionnaire_requested.connect(self.workspace.resume_interview_requested)
            window.closed_session.connect(lambda _id: self.hub.interviews_changed.emit())
            self.hub.vault_locked.connect(window.close)  # first names on screen go with the lock

    def _on_paper_requested(self) -> None:
        """Ctrl+7: key the paper questionnaires of the current study in batches (its own window)."""
        from etudes_desktop.gui.interview.launcher import load_study_info
        from etudes_desktop.gui.paper.start import open_paper_keying

        study_id = self._current_study()
        study = load_study_info(self.vault, study_id) if study_id else None
        if study is None:
            return
        window = open_paper_keying(self.vault, study, parent=self.window)
        if window is not None:
            self.paper_window = window
            window.finished.connect(lambda _r: self.hub.interviews_changed.emit())
            self.hub.vault_locked.connect(window.close)

    def _current_study(self) -> str | None:
        self.window.show_view(WORKSPACE_VIEW)
        study_id = self.workspace.current_study_id() if self.workspace is not None else ""
        if not study_id or self.vault is None:
            self.hub.status_message.emit(self.tr("Choisissez d'abord une étude."))
            return None
        return study_id

    def _on_locked_clear_sync_status(self) -> None:
        self.window.set_sync_status("")

    def _on_sync_finished(self, _outcome: object) -> None:
        """A sync changes the workspace's figures and purges people: re-read the lists (no stale names)."""
        if self.workspace is not None and self.vault is not None:
            self.workspace.refresh()

    def _on_rights_requested(self) -> None:
        from etudes_desktop.gui.rights_dialog import RightsDialog

        study = getattr(self.workspace, "controller", None)
        dialog = RightsDialog.show_for(self.services, (study.study_id if study else "") or None, parent=self.window)
        dialog.changed.connect(self._on_people_changed)

    def _on_print_requested(self) -> None:
        """Coffre > Imprimer le questionnaire (PDF)…: the current study's paper form, where the user says."""
        study_id = self._current_study()
        if study_id is None:
            return
        suggested = str(Path.home() / f"{study_id}-questionnaire-papier.pdf")
        chosen, _filter = QFileDialog.getSaveFileName(
            self.window, self.tr("Imprimer le questionnaire (PDF)"), suggested, self.tr("Documents PDF (*.pdf)"))
        if chosen:
            self.print_questionnaire(study_id, Path(chosen))

    def print_questionnaire(self, study_id: str, path: Path) -> str:
        """Write the study's paper form to `path` (labels in the application's language); the message shown."""
        from etudes_desktop.core.errors import EtudesError
        from etudes_desktop.core.printing.output import write_whole
        from etudes_desktop.core.printing.paper_form import render_paper_form
        from etudes_desktop.storage.studies import load_study

        package = load_study(self.vault, study_id) if self.vault is not None else None
        if package is None:
            text = self.tr("Étude introuvable dans le coffre.")
        else:
            try:
                write_whole(path, render_paper_form(package, lang=current_language()))
                text = self.tr("Questionnaire papier enregistré : %1").replace("%1", str(path))
            except EtudesError as exc:
                text = self.tr("Questionnaire non enregistré : %1").replace("%1", exc.message)
        self.hub.status_message.emit(text)
        return text

    def _on_people_changed(self, _what: str) -> None:
        """A rectification or an objection: every list re-reads (no stale name or phone on screen)."""
        self.hub.interviews_changed.emit()

    def _on_idle_timeout(self) -> None:
        log.info("auto-lock after %.0f s idle", self.idle.timeout)
        self.lock()
        self.hub.status_message.emit(self.tr("Coffre verrouillé après inactivité."))

    def _on_passphrase_reset(self) -> None:
        self.hub.status_message.emit(self.tr("Nouvelle phrase de passe enregistrée."))

    def _on_demo_ready(self, _created: bool) -> None:
        self.unlock_screen.set_preparing(False)

    def _on_demo_failed(self, exc: BaseException) -> None:
        self.unlock_screen.set_preparing(False)
        self.unlock_screen.show_error(vault_error_text(exc))

    def _on_language_chosen(self, language: str) -> None:
        self.settings.language = language
        self.settings.sync()
        if language != current_language():
            self.hub.status_message.emit(self.tr("La langue choisie s'appliquera au prochain démarrage."))

    def _on_idle_minutes_chosen(self, minutes: int) -> None:
        self.settings.idle_minutes = minutes
        self.settings.sync()
        self.idle.timeout = minutes * 60
        self.hub.status_message.emit(self.tr("Verrouillage automatique après %1 min d'inactivité.").replace("%1", str(minutes)))

    def _on_status_message(self, text: str) -> None:
        self.window.statusBar().showMessage(text, 8000)
