"""Interviews inside the main window: opened from the workspace, resumed after a lock.

The launcher (profile, commitment, respondent and mode) and the interview screen belong to
gui/interview; this host only places the screen in the window and brings the person back to the
workspace when it ends. When the window locks, the screen is dropped (it holds the closed
vault); after unlock the same interview is reopened, which resumes it on the page it was on.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QWidget

from etudes_desktop.gui.hub import Hub
from etudes_desktop.gui.main_window import MainWindow
from etudes_desktop.storage.handle import VaultHandle

INTERVIEW_VIEW = "interview"
log = logging.getLogger(__name__)

LauncherFactory = Callable[[Any, Any, QWidget], Any]


def default_launcher(vault: VaultHandle, study: Any, parent: QWidget) -> Any:
    """The real launcher, with its modal dialogs."""
    from etudes_desktop.gui.interview.launcher import InterviewLauncher

    return InterviewLauncher(vault, study, parent=parent)


class InterviewHost(QObject):
    """Connects the workspace's start/resume requests to interview screens in the window."""

    def __init__(self, window: MainWindow, workspace: Any, hub: Hub, *, return_view: str,
                 make_launcher: LauncherFactory = default_launcher) -> None:
        super().__init__(window)
        self.window, self.workspace, self.hub = window, workspace, hub
        self._return_view = return_view
        self._make_launcher = make_launcher
        self.vault: VaultHandle | None = None
        self.screen: Any = None
        self._open: tuple[str, str] | None = None  # (study id, interview id) of the screen shown
        self._resume_after_unlock: tuple[str, str] | None = None
        self._connect_signals()

    def _connect_signals(self) -> None:
        self.workspace.start_interview_requested.connect(self._on_start_requested)
        self.workspace.resume_interview_requested.connect(self._on_resume_requested)
        self.workspace.discard_interview_requested.connect(self._on_discard_requested)
        self.hub.vault_opened.connect(self._on_vault_opened)
        self.hub.vault_locked.connect(self._on_vault_locked)

    def _launcher(self, study_id: str) -> Any:
        from etudes_desktop.gui.interview.launcher import load_study_info

        study = load_study_info(self.vault, study_id) if self.vault is not None else None
        return None if study is None else self._make_launcher(self.vault, study, self.window)

    def _on_start_requested(self, study_id: str, respondent_id: object) -> None:
        """The person picked in the workspace comes preselected (None: the interviewer picks one)."""
        launcher = self._launcher(study_id)
        preselect = respondent_id if isinstance(respondent_id, int) else None
        screen = launcher.new_interview(preselect) if launcher is not None else None
        if screen is not None:
            self._show(study_id, screen)
        elif launcher is not None and getattr(launcher, "last_call", None) is not None:
            self.hub.interviews_changed.emit()  # a call outcome was recorded: the lists re-read

    def _on_resume_requested(self, interview_id: str) -> None:
        self._resume(self.workspace.controller.study_id, interview_id)

    def _on_discard_requested(self, interview_id: str) -> None:
        """Erase a draft (confirmed in the list); the person is back to "à contacter"."""
        from etudes_desktop.core.errors import EtudesError
        from etudes_desktop.storage.interviews import InterviewStore

        if self.vault is None or (self._open is not None and self._open[1] == interview_id):
            return  # not while it is on screen
        try:
            erased = InterviewStore(self.vault).discard(interview_id)
        except EtudesError as exc:
            text = str(exc)
            self.workspace.show_message(text[:1].upper() + text[1:] + ".", "error")
            return
        self.hub.interviews_changed.emit()
        self.workspace.show_message(self.tr("Brouillon abandonné : %n réponse(s) effacée(s).", "", erased))

    def _resume(self, study_id: str, interview_id: str) -> None:
        launcher = self._launcher(study_id)
        screen = launcher.resume(interview_id) if launcher is not None else None
        if screen is not None:
            self._show(study_id, screen)

    def _show(self, study_id: str, screen: Any) -> None:
        self._drop_screen()
        self.screen = screen
        self._open = (study_id, screen.flow.interview_id)
        screen.finished.connect(self._on_finished)
        self.window.add_view(INTERVIEW_VIEW, screen)
        self.window.show_view(INTERVIEW_VIEW)

    def _on_finished(self, _phase: str) -> None:
        self._drop_screen()
        self.window.show_view(self._return_view)
        self.hub.interviews_changed.emit()

    def _drop_screen(self) -> None:
        if self.screen is None:
            return
        self.window.remove_view(INTERVIEW_VIEW)
        self.screen.deleteLater()
        self.screen = None
        self._open = None

    def _on_vault_locked(self) -> None:
        self._resume_after_unlock = self._open
        self._drop_screen()
        self.vault = None

    def _on_vault_opened(self, vault: VaultHandle) -> None:
        self.vault = vault
        target, self._resume_after_unlock = self._resume_after_unlock, None
        if target is not None:
            self._resume(*target)
            if self.screen is None:
                self.window.show_view(self._return_view)
