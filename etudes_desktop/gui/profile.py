"""The interviewer's profile: the name respondents are told and the pseudonym synced data carry."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from etudes_desktop.core.errors import EtudesError
from etudes_desktop.gui.style import set_role
from etudes_desktop.storage.interviews import Interviewer, InterviewStore


class ProfileDialog(QDialog):
    """Set or change the profile; saves through the InterviewStore."""

    def __init__(self, store: InterviewStore, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.profile: Interviewer | None = store.profile()
        self.setWindowTitle(self.tr("Profil de l'enquêteur"))
        self.setMinimumWidth(560)
        self._build()
        self._connect_signals()
        self._on_edited()

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        title = QLabel(self.tr("Qui réalise les entretiens ?"), self)
        title.setProperty("role", "title")
        intro = QLabel(self.tr(
            "Le nom affiché est celui que vous annoncez aux personnes interrogées. Le pseudonyme est "
            "la seule identité de l'enquêteur transmise avec les entretiens lors de la synchronisation."), self)
        intro.setWordWrap(True)
        form = QFormLayout()
        self.name_edit = QLineEdit(self.profile.display_name if self.profile else "", self)
        self.name_edit.setPlaceholderText(self.tr("ex. Claire Martin"))
        self.pseudonym_edit = QLineEdit(self.profile.pseudonym if self.profile else "", self)
        self.pseudonym_edit.setPlaceholderText(self.tr("ex. ENQ-07"))
        form.addRow(self.tr("&Nom annoncé aux personnes :"), self.name_edit)
        form.addRow(self.tr("&Pseudonyme d'enquêteur :"), self.pseudonym_edit)
        self.error_label = QLabel("", self)
        self.error_label.setWordWrap(True)
        set_role(self.error_label, "error")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self)
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setText(self.tr("&Enregistrer"))
        set_role(self.save_button, "primary")
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Annuler"))
        for widget in (title, intro):
            layout.addWidget(widget)
        layout.addLayout(form)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)

    def _connect_signals(self) -> None:
        self.name_edit.textChanged.connect(self._on_edited)
        self.pseudonym_edit.textChanged.connect(self._on_edited)
        self.buttons.accepted.connect(self._on_save)
        self.buttons.rejected.connect(self.reject)

    def _on_edited(self) -> None:
        self.save_button.setEnabled(bool(self.name_edit.text().strip() and self.pseudonym_edit.text().strip()))
        self.error_label.clear()

    def _on_save(self) -> None:
        try:
            self.profile = self.store.set_profile(self.name_edit.text(), self.pseudonym_edit.text())
        except EtudesError as exc:
            self.error_label.setText(_sentence(str(exc)))
            return
        self.accept()

    @classmethod
    def ensure_profile(cls, store: InterviewStore, parent: QWidget | None = None) -> Interviewer | None:
        """The profile, asking for it on first run (None when the person cancels)."""
        existing = store.profile()
        if existing is not None:
            return existing
        dialog = cls(store, parent)
        return dialog.profile if dialog.exec() == QDialog.DialogCode.Accepted else None


def _sentence(text: str) -> str:
    text = text.strip()
    return (text[:1].upper() + text[1:]).rstrip(".") + "." if text else text
