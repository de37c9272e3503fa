"""The contractor's commitment of confidentiality and non-reuse, signed once per study."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from etudes_desktop.core.errors import EtudesError
from etudes_desktop.gui.interview.study_info import StudyInfo
from etudes_desktop.gui.style import set_role
from etudes_desktop.storage.interviews import Interviewer, InterviewStore


class CommitmentDialog(QDialog):
    """Read, tick, type one's name: stored with the text's SHA-256 by the InterviewStore."""

    def __init__(self, store: InterviewStore, study: StudyInfo, interviewer: Interviewer, *,
                 today: Callable[[], date] = date.today, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.study = study
        self.interviewer = interviewer
        self.signed_on = today()
        self.setWindowTitle(self.tr("Engagement de confidentialité"))
        self.resize(720, 600)
        self._build()
        self._connect_signals()
        self._on_changed()

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        title = QLabel(self.tr("Engagement de confidentialité et de non-réexploitation des données"), self)
        title.setProperty("role", "title")
        title.setWordWrap(True)
        study = QLabel(self.tr("Étude : %1").replace("%1", self.study.title), self)
        study.setProperty("role", "subtitle")
        intro = QLabel(self.tr("Avant votre premier entretien pour cette étude, lisez et signez "
                               "l'engagement exigé des prestataires."), self)
        intro.setWordWrap(True)
        self.text_view = QPlainTextEdit(self.study.commitment_text, self)
        self.text_view.setObjectName("commitment_text")
        self.text_view.setReadOnly(True)
        self.text_view.setTabChangesFocus(True)
        # Read with the keyboard too (arrows, Page Down, Ctrl+End): the box needs the end reached.
        self.text_view.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse
                                               | Qt.TextInteractionFlag.TextSelectableByKeyboard)
        self.read_check = QCheckBox(self.tr("J'ai lu cet engagement et je m'engage à le respecter"), self)
        self.read_check.setEnabled(False)  # once the text was scrolled to its end
        self.read_check.setToolTip(self.tr("Faites défiler l'engagement jusqu'à la fin pour pouvoir le cocher."))
        form = QFormLayout()
        self.name_edit = QLineEdit(self)
        self.name_edit.setPlaceholderText(self.interviewer.display_name)
        form.addRow(self.tr("&Signature (nom et prénom) :"), self.name_edit)
        self.date_label = QLabel(self.signed_on.strftime("%d/%m/%Y"), self)
        form.addRow(self.tr("Date :"), self.date_label)
        self.error_label = QLabel("", self)
        set_role(self.error_label, "error")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        self.sign_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.sign_button.setText(self.tr("&Signer l'engagement"))
        set_role(self.sign_button, "primary")
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Annuler"))
        for widget in (title, study, intro, self.text_view, self.read_check):
            layout.addWidget(widget)
        layout.addLayout(form)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)

    def _connect_signals(self) -> None:
        self.text_view.verticalScrollBar().valueChanged.connect(self._on_scrolled)
        self.text_view.verticalScrollBar().rangeChanged.connect(self._on_scrolled)
        self.read_check.toggled.connect(self._on_changed)
        self.name_edit.textChanged.connect(self._on_changed)
        self.buttons.accepted.connect(self._on_sign)
        self.buttons.rejected.connect(self.reject)

    def _on_scrolled(self, *_: object) -> None:
        """The box may be ticked only once the whole text was on screen."""
        bar = self.text_view.verticalScrollBar()
        if bar.value() >= bar.maximum():
            self.read_check.setEnabled(True)

    def showEvent(self, event: object) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)  # type: ignore[arg-type]
        self._on_scrolled()  # a text that fits needs no scrolling

    def _on_changed(self) -> None:
        self.sign_button.setEnabled(self.read_check.isChecked() and bool(self.name_edit.text().strip()))
        self.error_label.clear()

    def _on_sign(self) -> None:
        if not self.sign_button.isEnabled():
            return
        try:
            self.store.sign_commitment(self.study.study_id, self.interviewer.pseudonym, self.name_edit.text(),
                                       self.signed_on.isoformat(), self.study.commitment_text)
        except EtudesError as exc:
            text = str(exc).strip()
            self.error_label.setText(text[:1].upper() + text[1:])
            return
        self.accept()

    @classmethod
    def ensure_signed(cls, store: InterviewStore, study: StudyInfo, interviewer: Interviewer,
                      parent: QWidget | None = None) -> bool:
        """True when signed already (this exact text) or signed now."""
        if store.has_signed(study.study_id, interviewer.pseudonym, study.commitment_text):
            return True
        return cls(store, study, interviewer, parent=parent).exec() == QDialog.DialogCode.Accepted
