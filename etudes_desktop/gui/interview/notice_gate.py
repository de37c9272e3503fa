"""The notice gate: the study's notice verbatim, per mode, then the respondent's decision.

Nothing here stores anything: the gate emits `decided(delivered_at, decision)` and the
interview screen's flow writes the consent record.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QMarginsF, Qt, Signal
from PySide6.QtGui import QKeyEvent, QPageLayout, QPageSize, QPdfWriter, QTextDocument
from PySide6.QtWidgets import (
    QAbstractButton,
    QCheckBox,
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from etudes_desktop.core.interview import Decision, Mode
from etudes_desktop.gui.interview.labels import mode_label
from etudes_desktop.gui.interview.signals import emit
from etudes_desktop.gui.interview.study_info import StudyInfo
from etudes_desktop.storage.interviews import utc_now

NOTICE_STYLE = """
QLabel#notice_text { background: #ffffff; border: 1px solid #c9d3df; border-radius: 6px;
  padding: 14px; color: #101820; font-size: 14pt; }
QLabel#notice_text[mode="phone"] { background: #f3f7fc; border-left: 6px solid #1d5fa8; font-size: 15pt; }
"""


class NoticeGate(QWidget):
    """Shows the notice for one mode; the decision buttons open once delivery is confirmed."""

    decided = Signal(object, object)  # delivered_at: datetime, decision: Decision

    def __init__(self, study: StudyInfo, mode: Mode, *, outdated: bool = False,
                 clock: Callable[[], datetime] = utc_now, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.study = study
        self.mode = Mode(mode)
        self._clock = clock
        self.delivered_at: datetime | None = None
        self.setStyleSheet(NOTICE_STYLE)
        self._build(outdated)
        self._connect_signals()
        self._on_delivery_toggled(False)

    # -- layout -------------------------------------------------------------------------------
    def _build(self, outdated: bool) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(28, 20, 28, 20)
        title = QLabel(self.tr("Mention d'information — avant toute question"), self)
        title.setProperty("role", "title")
        subtitle = QLabel(f"{self.study.title} — {mode_label(self.mode)}", self)
        subtitle.setProperty("role", "subtitle")
        subtitle.setWordWrap(True)
        layout.addWidget(title)
        layout.addWidget(subtitle)
        self.outdated_label = QLabel(self.tr(
            "La mention a changé depuis le début de cet entretien : délivrez la nouvelle version "
            "et recueillez à nouveau la décision de la personne avant de continuer."), self)
        self.outdated_label.setProperty("role", "info")
        self.outdated_label.setWordWrap(True)
        self.outdated_label.setVisible(outdated)
        layout.addWidget(self.outdated_label)
        self.instruction_label = QLabel(self._instruction(), self)
        self.instruction_label.setWordWrap(True)
        self.instruction_label.setObjectName("notice_instruction")
        layout.addWidget(self.instruction_label)
        notice = self.study.notice
        self.version_label = QLabel(self.tr("Mention « %1 », version %2").replace("%1", notice.id).replace("%2", notice.version), self)
        self.version_label.setObjectName("notice_version")
        self.version_label.setProperty("role", "subtitle")
        layout.addWidget(self.version_label)
        self.text_label = QLabel(notice.text, self)
        self.text_label.setObjectName("notice_text")
        self.text_label.setProperty("mode", self.mode.value)
        self.text_label.setWordWrap(True)
        self.text_label.setTextFormat(Qt.TextFormat.PlainText)
        self.text_label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.text_label.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        scroll.setWidget(self.text_label)
        layout.addWidget(scroll, 1)
        self.print_button = QPushButton(self.tr("Imprimer la mention (PDF) à remettre à la personne…"), self)
        self.print_button.setProperty("role", "link")
        self.print_button.setVisible(self.mode in (Mode.FACE_TO_FACE, Mode.GROUP))
        layout.addWidget(self.print_button, 0, Qt.AlignmentFlag.AlignLeft)
        self.delivered_check = QCheckBox(self._confirmation(), self)
        self.delivered_check.setObjectName("delivered_check")
        layout.addWidget(self.delivered_check)
        layout.addLayout(self._decision_row())
        layout.addLayout(self._objection_row())

    def _decision_row(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.decision_label = QLabel(self.tr("Décision de la personne :"), self)
        self.agree_button = QPushButton(self.tr("&Accepte de répondre"), self)
        self.agree_button.setProperty("role", "primary")
        self.object_button = QPushButton(self.tr("S'&oppose (droit d'opposition)"), self)
        self.later_button = QPushButton(self.tr("&Pas maintenant"), self)
        row.addWidget(self.decision_label)
        for button in (self.agree_button, self.object_button, self.later_button):
            row.addWidget(button)
        row.addStretch(1)
        return row

    def _objection_row(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.objection_label = QLabel(self.tr(
            "Aucune question ne sera posée ; la personne ne sera plus sollicitée pour cette étude "
            "et ses coordonnées seront effacées."), self)
        self.objection_label.setWordWrap(True)
        self.objection_label.setProperty("role", "warn")
        self.confirm_objection_button = QPushButton(self.tr("&Confirmer l'opposition"), self)
        self.cancel_objection_button = QPushButton(self.tr("A&nnuler"), self)
        row.addWidget(self.objection_label, 1)
        row.addWidget(self.confirm_objection_button)
        row.addWidget(self.cancel_objection_button)
        self._show_objection_confirmation(False)
        return row

    def _instruction(self) -> str:
        if self.mode is Mode.PHONE:
            return self.tr("Lisez ce texte à la personne mot pour mot, sans le résumer ni le reformuler, "
                           "avant toute question.")
        if self.mode is Mode.PAPER:
            return self.tr("Saisie d'un questionnaire papier : vérifiez que le formulaire papier portait "
                           "cette mention, dans cette version, avant de saisir la moindre réponse.")
        return self.tr("Tournez l'écran vers la personne et laissez-lui le temps de lire la mention. "
                       "Vous pouvez aussi lui en remettre une copie imprimée.")

    def _confirmation(self) -> str:
        if self.mode is Mode.PHONE:
            return self.tr("J'ai lu la mention mot pour mot à la personne")
        if self.mode is Mode.PAPER:
            return self.tr("Le questionnaire papier portait cette mention (version %1)").replace("%1", self.study.notice.version)
        return self.tr("La personne a lu la mention à l'écran ou sur papier")

    # -- behaviour ------------------------------------------------------------------------------
    def _connect_signals(self) -> None:
        self.delivered_check.toggled.connect(self._on_delivery_toggled)
        self.agree_button.clicked.connect(self._on_agree)
        self.object_button.clicked.connect(self._on_object)
        self.later_button.clicked.connect(self._on_later)
        self.confirm_objection_button.clicked.connect(self._on_confirm_objection)
        self.cancel_objection_button.clicked.connect(self._on_cancel_objection)
        self.print_button.clicked.connect(self._on_print)

    def _on_delivery_toggled(self, checked: bool) -> None:
        self.delivered_at = self._clock() if checked else None
        for button in (self.agree_button, self.object_button, self.later_button):
            button.setEnabled(checked)
        self.decision_label.setEnabled(checked)
        if not checked:
            self._show_objection_confirmation(False)

    def _on_agree(self) -> None:
        self._decide(Decision.AGREES)

    def _on_later(self) -> None:
        self._decide(Decision.NOT_NOW)

    def _on_object(self) -> None:
        self._show_objection_confirmation(True)
        self.confirm_objection_button.setFocus()

    def _on_confirm_objection(self) -> None:
        self._decide(Decision.OBJECTS)

    def _on_cancel_objection(self) -> None:
        self._show_objection_confirmation(False)
        self.object_button.setFocus()

    def _show_objection_confirmation(self, shown: bool) -> None:
        for widget in (self.objection_label, self.confirm_objection_button, self.cancel_objection_button):
            widget.setVisible(shown)

    def _decide(self, decision: Decision) -> None:
        if self.delivered_at is None:
            return  # no decision before the notice was delivered
        emit(self.decided, self.delivered_at, decision)

    def _on_print(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Enregistrer la mention en PDF"),
                                              f"mention-{self.study.notice.id}-v{self.study.notice.version}.pdf",
                                              self.tr("Document PDF (*.pdf)"))
        if path:
            self.export_pdf(Path(path))

    def export_pdf(self, path: Path) -> Path:
        """Write the notice (no personal data) as an A4 PDF to hand over."""
        return write_notice_pdf(path, self.study, self.tr("Mention d'information"))

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt override
        focus = self.focusWidget()
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and isinstance(focus, QAbstractButton):
            focus.click()
            return
        super().keyPressEvent(event)

    def showEvent(self, event: object) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)  # type: ignore[arg-type]
        self.delivered_check.setFocus()


def write_notice_pdf(path: Path, study: StudyInfo, heading: str) -> Path:
    """Render the notice with QTextDocument into a PDF through QPdfWriter."""
    from html import escape

    notice = study.notice
    paragraphs = "".join(f"<p>{escape(p)}</p>" for p in notice.text.split("\n") if p.strip())
    html = (f"<h2>{escape(heading)}</h2><p><b>{escape(study.title)}</b></p>{paragraphs}"
            f"<p style='color:#555'>{escape(notice.id)} — version {escape(notice.version)} — "
            f"SHA-256 {notice.sha256[:16]}</p>")
    writer = QPdfWriter(str(path))
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    writer.setPageMargins(QMarginsF(20, 20, 20, 20), QPageLayout.Unit.Millimeter)
    writer.setTitle(heading)
    writer.setResolution(300)
    document = QTextDocument()
    document.setHtml(html)
    font = document.defaultFont()
    font.setPointSize(12)
    document.setDefaultFont(font)
    document.setPageSize(writer.pageLayout().paintRectPixels(writer.resolution()).size().toSizeF())
    document.print_(writer)
    return path
