"""The interview screen: the notice gate, then the runner, the review, the end; one controller.

Holds the conditional logic between the views (which one shows, when), and nothing else:
the rules are InterviewFlow's, the data the InterviewStore's.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QStackedWidget, QVBoxLayout, QWidget

from etudes_desktop.core.errors import EtudesError
from etudes_desktop.core.interview import Decision
from etudes_desktop.gui.interview.controller import REVIEW_POSITION, InterviewFlow, Phase
from etudes_desktop.gui.interview.notice_gate import NoticeGate
from etudes_desktop.gui.interview.review import ReviewView
from etudes_desktop.gui.interview.runner import RunnerView
from etudes_desktop.gui.interview.signals import emit
from etudes_desktop.storage.interviews import utc_now


class EndView(QWidget):
    """What remains after an objection, a "not now", or a completion."""

    closed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(32, 32, 32, 32)
        self.title_label = QLabel("", self)
        self.title_label.setProperty("role", "title")
        self.body_label = QLabel("", self)
        self.body_label.setWordWrap(True)
        self.close_button = QPushButton(self.tr("&Fermer"), self)
        self.close_button.setProperty("role", "primary")
        self.close_button.clicked.connect(self.closed)
        layout.addWidget(self.title_label)
        layout.addWidget(self.body_label)
        layout.addWidget(self.close_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addStretch(1)

    def show_phase(self, phase: Phase) -> None:
        texts = {
            Phase.OBJECTED: (self.tr("Opposition enregistrée"), self.tr(
                "La personne a exercé son droit d'opposition : aucune question ne lui a été posée. Elle ne sera plus "
                "sollicitée pour cette étude et ses coordonnées ont été effacées.")),
            Phase.ABANDONED: (self.tr("Entretien arrêté"), self.tr(
                "La personne ne répond pas maintenant : aucune réponse n'est conservée pour cet entretien.")),
            Phase.COMPLETED: (self.tr("Entretien terminé"), self.tr(
                "Les réponses sont enregistrées et verrouillées ; elles partiront à la prochaine synchronisation.")),
        }
        title, body = texts[phase]
        self.title_label.setText(title)
        self.body_label.setText(body)
        self.close_button.setFocus()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt override
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):  # Enter closes, as on a dialog
            self.close_button.click()
            return
        super().keyPressEvent(event)


class InterviewScreen(QWidget):
    """One interview from the notice to the end; `finished(phase)` when the person leaves it."""

    finished = Signal(str)

    def __init__(self, flow: InterviewFlow, *, clock: Callable[[], datetime] = utc_now,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.flow = flow
        self._clock = clock
        self.gate: NoticeGate | None = None
        self.stack = QStackedWidget(self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(self._build_bar())
        layout.addWidget(self.stack)
        self.runner = RunnerView(flow, self.stack)
        self.review = ReviewView(self.stack)
        self.end = EndView(self.stack)
        self.error_label = QLabel("", self)
        self.error_label.setProperty("role", "error")
        self.error_label.setWordWrap(True)
        self.error_label.hide()
        layout.addWidget(self.error_label)
        for view in (self.runner, self.review, self.end):
            self.stack.addWidget(view)
        self._connect_signals()
        self.open()
        self._update_bar()

    def _build_bar(self) -> QHBoxLayout:
        """Leave a draft for later, or record that the person stops (while questions are open)."""
        bar = QHBoxLayout()
        bar.setContentsMargins(28, 8, 28, 0)
        self.suspend_button = QPushButton(self.tr("Reprendre &plus tard"), self)
        self.stop_button = QPushButton(self.tr("La personne &arrête l'entretien…"), self)
        self.stop_label = QLabel(self.tr("Les réponses déjà données seront effacées."), self)
        self.stop_label.setProperty("role", "warn")
        self.stop_label.setMinimumWidth(self.stop_label.sizeHint().width())
        self.confirm_stop_button = QPushButton(self.tr("&Confirmer l'arrêt"), self)
        self.cancel_stop_button = QPushButton(self.tr("A&nnuler"), self)
        for button in (self.suspend_button, self.stop_button, self.confirm_stop_button, self.cancel_stop_button):
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the keyboard path stays in the questions
        bar.addStretch(1)
        for widget in (self.stop_label, self.confirm_stop_button, self.cancel_stop_button, self.stop_button,
                       self.suspend_button):
            bar.addWidget(widget)
        self._show_stop_confirmation(False)
        return bar

    def _show_stop_confirmation(self, shown: bool) -> None:
        # While confirming, the confirmation takes the bar's room: the warning is never clipped.
        for widget in (self.stop_label, self.confirm_stop_button, self.cancel_stop_button):
            widget.setVisible(shown)
        if shown:
            self.stop_button.hide()
            self.suspend_button.hide()

    def _update_bar(self) -> None:
        current = self.stack.currentWidget()
        asking = current in (self.runner, self.review) and not self.review.read_only
        self.suspend_button.setVisible(current is self.gate or asking)
        self.stop_button.setVisible(asking)
        self._show_stop_confirmation(False)

    def _connect_signals(self) -> None:
        self.stack.currentChanged.connect(self._on_view_changed)
        self.suspend_button.clicked.connect(self._on_suspend)
        self.stop_button.clicked.connect(self._on_stop)
        self.confirm_stop_button.clicked.connect(self._on_confirm_stop)
        self.cancel_stop_button.clicked.connect(self._on_cancel_stop)
        self.runner.review_requested.connect(self._on_review_requested)
        self.review.back_requested.connect(self._on_review_back)
        self.review.page_requested.connect(self._on_review_page)
        self.review.complete_requested.connect(self._on_complete)
        self.end.closed.connect(self._on_end_closed)

    # -- which view -------------------------------------------------------------------------------
    def phase(self) -> Phase:
        return self.flow.phase()

    def current_view(self) -> QWidget:
        return self.stack.currentWidget()

    def focus_entry(self) -> None:
        """Where the interviewer types next: the notice's first box, the page's first field, the
        review's button or list, the end's close button."""
        current = self.stack.currentWidget()
        if current is self.gate and self.gate is not None:
            self.gate.delivered_check.setFocus(Qt.FocusReason.OtherFocusReason)
        elif current is self.runner:
            self.runner.focus_field(0)
        elif current is self.review:
            self.review.focus_entry()
        elif current is self.end:
            self.end.close_button.setFocus(Qt.FocusReason.OtherFocusReason)

    def showEvent(self, event: Any) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)
        self.focus_entry()

    def open(self) -> None:
        """Show what the interview's state allows: never a question without a current consent."""
        phase = self.flow.phase()
        if phase is Phase.NOTICE:
            self._show_gate()
        elif phase is Phase.QUESTIONS:
            page = self.flow.resume_page()
            self._say_refused_on_resume()
            if page is None:
                self._show_review()
            else:
                self.runner.show_page(page)
                self.stack.setCurrentWidget(self.runner)
        elif phase is Phase.REVIEW:
            self._show_review()
        elif phase is Phase.COMPLETED:
            self._show_review(read_only=True)
        else:
            self.end.show_phase(phase)
            self.stack.setCurrentWidget(self.end)

    def _show_gate(self) -> None:
        if self.gate is not None:
            self.stack.removeWidget(self.gate)
            self.gate.deleteLater()
        self.gate = NoticeGate(self.flow.study, self.flow.mode, outdated=self.flow.consent_outdated(),
                               clock=self._clock, parent=self.stack)
        self.gate.decided.connect(self._on_decided)
        self.stack.addWidget(self.gate)
        self.stack.setCurrentWidget(self.gate)
        self.gate.delivered_check.setFocus()

    def _show_review(self, *, read_only: bool = False) -> None:
        heading = ""
        if read_only:
            row = self.flow.store.get(self.flow.interview_id)
            heading = self.tr("Terminé le %1. Un entretien terminé ne peut plus être modifié.").replace(
                "%1", _local(row.completed_at))
        self.review.show_rows(self.flow.review_rows(), read_only=read_only, heading=heading)
        self.runner.set_from_review(False)
        self.stack.setCurrentWidget(self.review)
        self._update_bar()

    # -- slots ----------------------------------------------------------------------------------------
    def _on_decided(self, delivered_at: datetime, decision: Decision) -> None:
        try:
            self.flow.record_decision(delivered_at, decision)
        except EtudesError as exc:
            self._show_error(exc)
            return
        self.open()

    def _on_review_requested(self) -> None:
        self._show_review()

    def _on_review_back(self) -> None:
        pages = [p for p in self.flow.session.pages() if p.visible]
        if pages:
            self.runner.show_page(pages[-1])
            self.stack.setCurrentWidget(self.runner)

    def _on_review_page(self, key: str) -> None:
        page = next((p for p in self.flow.session.pages() if p.visible and key in p.keys), None)
        if page is not None:
            self.runner.show_page(page)
            self.runner.set_from_review(True)
            self.stack.setCurrentWidget(self.runner)
            self.runner.focus_field(0)

    def _on_complete(self) -> None:
        try:
            self.flow.complete()
        except EtudesError as exc:
            self._show_error(exc)
            self._show_review()
            return
        self.end.show_phase(Phase.COMPLETED)
        self.stack.setCurrentWidget(self.end)

    def _on_view_changed(self, _index: int) -> None:
        self._update_bar()

    def _on_suspend(self) -> None:
        if self.stack.currentWidget() is self.runner:
            self.runner.flush()  # what is typed is given before leaving
        emit(self.finished, self.flow.phase().value)

    def _on_stop(self) -> None:
        self._show_stop_confirmation(True)

    def _on_cancel_stop(self) -> None:
        self._update_bar()

    def _on_confirm_stop(self) -> None:
        try:
            self.flow.abandon()
        except EtudesError as exc:
            self._show_error(exc)
            return
        self.end.show_phase(Phase.ABANDONED)
        self.stack.setCurrentWidget(self.end)

    def _on_end_closed(self) -> None:
        emit(self.finished, self.flow.phase().value)

    def _say_refused_on_resume(self) -> None:
        """Stored answers the questionnaire no longer accepts stay in the vault; say how many."""
        refused = len(self.flow.restore_refused)
        if refused:
            self.error_label.setText(self.tr(
                "%n réponse(s) enregistrée(s) ne sont plus acceptées par le questionnaire : "
                "posez de nouveau les questions concernées.", "", refused))
            self.error_label.show()

    def _show_error(self, exc: Exception) -> None:
        text = str(exc).strip()
        self.error_label.setText(text[:1].upper() + text[1:])
        self.error_label.show()


def _local(moment: str | None) -> str:
    """An ISO time from the vault as the interviewer reads it, in local time."""
    if not moment:
        return ""
    try:
        return datetime.fromisoformat(moment).astimezone().strftime("%d/%m/%Y à %H:%M")
    except ValueError:
        return moment


def open_interview(store: Any, study: Any, interviewer: Any, interview_id: str, *,
                   clock: Callable[[], datetime] = utc_now, parent: QWidget | None = None) -> InterviewScreen:
    """The screen for an interview (new or resumed)."""
    return InterviewScreen(InterviewFlow(store, study, interviewer, interview_id, clock), clock=clock, parent=parent)


__all__ = ["EndView", "InterviewScreen", "REVIEW_POSITION", "open_interview"]
