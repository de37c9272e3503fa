"""Settings of the synchronisation: the collection server's address and this laptop's device token.

Both are kept in the vault's `setting` table (encrypted), through `sync.overview`. The token
is typed into a password field. `SyncSettingsDialog.edit(vault, parent)` runs it modally;
tests build the dialog, fill it and click, without `exec()`.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from etudes_desktop.core.errors import EtudesError
from etudes_desktop.gui.i18n import SOURCE_LANGUAGE, current_language
from etudes_desktop.gui.style import set_role
from etudes_desktop.storage.handle import VaultHandle
from etudes_desktop.sync import overview


class SyncSettingsDialog(QDialog):
    """Server address and device token, checked before they are saved."""

    saved = Signal()

    def __init__(self, vault: VaultHandle, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("sync_settings_dialog")
        self.setWindowTitle(self.tr("Réglages de la synchronisation"))
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.setMinimumWidth(520)
        self.vault = vault
        self._build()
        self._connect_signals()
        current = overview.load_settings(vault)
        self.url_edit.setText(current.server_url)
        self.token_edit.setText(current.token)

    @classmethod
    def edit(cls, vault: VaultHandle, parent: QWidget | None = None) -> bool:
        """Show the dialog modally; True when new settings were saved."""
        dialog = cls(vault, parent)
        try:
            return dialog.exec() == QDialog.DialogCode.Accepted
        finally:
            dialog.deleteLater()

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr("Votre responsable d'étude vous communique l'adresse du serveur de collecte et "
                               "le jeton de ce poste. Ils sont conservés dans le coffre chiffré."), self)
        intro.setWordWrap(True)
        form = QFormLayout()
        self.url_edit = QLineEdit(self)
        self.url_edit.setObjectName("server_url_edit")
        self.url_edit.setPlaceholderText("https://collecte.exemple.fr")
        self.token_edit = QLineEdit(self)
        self.token_edit.setObjectName("device_token_edit")
        self.token_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.show_token = QCheckBox(self.tr("Afficher le jeton"), self)
        form.addRow(self.tr("Adresse du serveur :"), self.url_edit)
        form.addRow(self.tr("Jeton d'appareil :"), self.token_edit)
        form.addRow("", self.show_token)
        self.cleartext_check = QCheckBox(self.tr(
            "Je confirme utiliser ce serveur sans chiffrement (http://) : les entretiens circuleront "
            "en clair sur le réseau."), self)
        self.cleartext_check.setObjectName("cleartext_check")
        self.cleartext_check.hide()
        form.addRow("", self.cleartext_check)
        self.error_label = QLabel(self)
        self.error_label.setObjectName("sync_settings_error")
        self.error_label.setWordWrap(True)
        self.error_label.hide()
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        self.cancel_button = QPushButton(self.tr("Annuler"), self)
        self.save_button = QPushButton(self.tr("Enregistrer"), self)
        self.save_button.setObjectName("save_button")
        self.save_button.setProperty("role", "primary")
        self.save_button.setDefault(True)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.save_button)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.error_label)
        layout.addLayout(buttons)

    def _connect_signals(self) -> None:
        self.save_button.clicked.connect(self._on_save_clicked)
        self.cancel_button.clicked.connect(self.reject)
        self.show_token.toggled.connect(self._on_show_token_toggled)
        self.url_edit.textChanged.connect(self._on_url_changed)

    def _on_url_changed(self, text: str) -> None:
        """An http:// address of another machine asks for an explicit confirmation (TLS is the norm)."""
        cleartext = overview.is_cleartext_remote(text)
        self.cleartext_check.setVisible(cleartext)
        if not cleartext:
            self.cleartext_check.setChecked(False)

    def _on_show_token_toggled(self, shown: bool) -> None:
        self.token_edit.setEchoMode(QLineEdit.EchoMode.Normal if shown else QLineEdit.EchoMode.Password)

    def _on_save_clicked(self) -> None:
        try:
            overview.save_settings(self.vault, self.url_edit.text(), self.token_edit.text(),
                                   allow_cleartext=self.cleartext_check.isChecked())
        except overview.CleartextAddress:
            self.error_label.setText(self.tr("Cette adresse n'est pas chiffrée (http://) : utilisez https://, "
                                             "ou cochez la confirmation ci-dessus."))
            set_role(self.error_label, "error")
            self.error_label.show()
            self.cleartext_check.setFocus()
            return
        except EtudesError as exc:
            self.show_error(exc)
            return
        self.saved.emit()
        self.accept()

    def show_error(self, exc: EtudesError) -> None:
        known = {
            "indiquez l'adresse du serveur": self.tr("Indiquez l'adresse du serveur."),
            "l'adresse du serveur doit commencer par http:// ou https://":
                self.tr("L'adresse du serveur doit commencer par http:// ou https://."),
            "l'adresse du serveur ne doit pas contenir d'espace":
                self.tr("L'adresse du serveur ne doit pas contenir d'espace."),
            "indiquez le jeton d'appareil": self.tr("Indiquez le jeton d'appareil."),
            "ce jeton d'appareil n'est pas valide": self.tr("Ce jeton d'appareil n'est pas valide."),
        }
        text = known.get(exc.message)
        if text is None:
            text = exc.message if current_language() == SOURCE_LANGUAGE else self.tr("Réglages refusés.")
        self.error_label.setText(text)
        set_role(self.error_label, "error")
        self.error_label.show()
