"""The two first screens' forms, built in code like every other screen: creating the vault and
unlocking it (with the recovery page). Their classes keep the names the Designer forms had, so
the translation contexts (`VaultCreateForm`, `UnlockForm`) are unchanged.

Each form holds its widgets as attributes named as before (`passphrase_edit`, `unlock_button`,
...), with the same object names; the screens (vault_create.py, unlock.py) drive them.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QLayout,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)


def _named(widget: QWidget, name: str, role: str | None = None) -> QWidget:
    widget.setObjectName(name)
    if role:
        widget.setProperty("role", role)
    return widget


def _label(parent: QWidget, name: str, text: str = "", *, wrap: bool = False, role: str | None = None,
           buddy: QWidget | None = None) -> QLabel:
    label = QLabel(text, parent)
    _named(label, name, role)
    label.setWordWrap(wrap)
    if buddy is not None:
        label.setBuddy(buddy)
    return label


def _password(parent: QWidget, name: str) -> QLineEdit:
    edit = QLineEdit(parent)
    _named(edit, name)
    edit.setEchoMode(QLineEdit.EchoMode.Password)
    return edit


def _busy(parent: QWidget, name: str) -> QProgressBar:
    bar = QProgressBar(parent)
    _named(bar, name)
    bar.setMaximum(0)  # busy, no figure
    bar.setTextVisible(False)
    return bar


def _page(parent: QWidget, name: str) -> tuple[QWidget, QVBoxLayout]:
    page = QWidget(parent)
    page.setObjectName(name)
    layout = QVBoxLayout(page)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(10)
    return page, layout


def _row(*widgets: QWidget | None) -> QHBoxLayout:
    """Buttons in a row; None is the stretch between them."""
    row = QHBoxLayout()
    for widget in widgets:
        if widget is None:
            row.addStretch(1)
        else:
            row.addWidget(widget)
    return row


def _add(layout: QVBoxLayout, *parts: QWidget | QLayout) -> None:
    for part in parts:
        if isinstance(part, QLayout):
            layout.addLayout(part)
        else:
            layout.addWidget(part)


def place(form: QWidget, host: QWidget) -> None:
    """Put a form into its host (a card): the host's layout, made when it has none."""
    layout = host.layout()
    if layout is None:
        layout = QVBoxLayout(host)
        layout.setContentsMargins(0, 0, 0, 0)
    layout.addWidget(form)


class VaultCreateForm(QWidget):
    """The passphrase twice with the live policy line, then the recovery code to note."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("VaultCreateForm")
        root = QVBoxLayout(self)
        root.setContentsMargins(0, 0, 0, 0)  # the card gives the margins
        root.setSpacing(12)
        self.title_label = _label(self, "title_label", self.tr("Création du coffre chiffré"), role="title")
        self.passphrase_page, page = _page(self, "passphrase_page")
        p = self.passphrase_page
        self.intro_label = _label(p, "intro_label", self.tr(
            "Les réponses et les coordonnées des assurés sont chiffrées sur ce poste. Choisissez la phrase de "
            "passe qui ouvrira le coffre : au moins 12 caractères mêlant minuscules, majuscules, chiffres et "
            "symboles, 14 caractères de trois de ces sortes, 16 de deux sortes, ou une phrase de 7 mots."), wrap=True)
        self.passphrase_edit = _password(p, "passphrase_edit")
        self.passphrase_label = _label(p, "passphrase_label", self.tr("&Phrase de passe"), buddy=self.passphrase_edit)
        self.confirm_edit = _password(p, "confirm_edit")
        self.confirm_label = _label(p, "confirm_label", self.tr("&Confirmation de la phrase de passe"),
                                    buddy=self.confirm_edit)
        self.policy_label = _label(p, "policy_label", wrap=True)
        self.message_label = _label(p, "message_label", wrap=True, role="error")
        self.busy_bar = _busy(p, "busy_bar")
        self.create_button = QPushButton(self.tr("Créer le coffre"), p)
        _named(self.create_button, "create_button", "primary")
        self.create_button.setDefault(True)
        _add(page, self.intro_label, self.passphrase_label, self.passphrase_edit, self.confirm_label,
             self.confirm_edit, self.policy_label, self.message_label, self.busy_bar, _row(None, self.create_button))
        self.recovery_page, page = _page(self, "recovery_page")
        r = self.recovery_page
        self.recovery_intro_label = _label(r, "recovery_intro_label", self.tr(
            "Voici votre code de secours. Il rouvre le coffre si la phrase de passe est oubliée. Il ne sera plus "
            "jamais affiché : recopiez-le à la main sur papier et rangez-le à l'écart de l'ordinateur."), wrap=True)
        self.recovery_code_label = _label(r, "recovery_code_label", role="code")
        self.recovery_code_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.recovery_code_label.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        self.noted_check = QCheckBox(self.tr("&Je l'ai noté"), r)
        _named(self.noted_check, "noted_check")
        self.continue_button = QPushButton(self.tr("Continuer"), r)
        _named(self.continue_button, "continue_button", "primary")
        _add(page, self.recovery_intro_label, self.recovery_code_label, self.noted_check,
             _row(None, self.continue_button))
        _add(root, self.title_label, self.passphrase_page, self.recovery_page)
        root.addStretch(1)


class UnlockForm(QWidget):
    """The passphrase (with the demo's, in demo mode), or the recovery code and a new passphrase."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("UnlockForm")
        root = QVBoxLayout(self)
        root.setContentsMargins(0, 0, 0, 0)  # the card gives the margins
        root.setSpacing(12)
        self.title_label = _label(self, "title_label", self.tr("Coffre verrouillé"), role="title")
        self.unlock_page, page = _page(self, "unlock_page")
        u = self.unlock_page
        self.intro_label = _label(u, "intro_label", self.tr(
            "Les données des enquêtes sont chiffrées sur ce poste. Saisissez votre phrase de passe pour ouvrir "
            "le coffre."), wrap=True)
        self.passphrase_edit = _password(u, "passphrase_edit")
        self.passphrase_label = _label(u, "passphrase_label", self.tr("&Phrase de passe"), buddy=self.passphrase_edit)
        self.demo_label = _label(u, "demo_label", self.tr("Mode démonstration : la phrase de passe est %1"),
                                 wrap=True, role="info")
        self.demo_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.message_label = _label(u, "message_label", wrap=True, role="error")
        self.busy_bar = _busy(u, "busy_bar")
        self.forgot_button = QPushButton(self.tr("Phrase de passe oubliée ?"), u)
        _named(self.forgot_button, "forgot_button", "link")
        self.forgot_button.setFlat(True)
        self.unlock_button = QPushButton(self.tr("Déverrouiller"), u)
        _named(self.unlock_button, "unlock_button", "primary")
        self.unlock_button.setDefault(True)
        _add(page, self.intro_label, self.passphrase_label, self.passphrase_edit, self.demo_label,
             self.message_label, self.busy_bar, _row(self.forgot_button, None, self.unlock_button))
        self.recover_page, page = _page(self, "recover_page")
        r = self.recover_page
        self.recover_intro_label = _label(r, "recover_intro_label", self.tr(
            "Saisissez le code de secours noté à la création du coffre, puis choisissez une nouvelle phrase de "
            "passe."), wrap=True)
        self.code_edit = QLineEdit(r)
        _named(self.code_edit, "code_edit", "code")
        self.code_label = _label(r, "code_label", self.tr("&Code de secours"), buddy=self.code_edit)
        self.new_edit = _password(r, "new_edit")
        self.new_label = _label(r, "new_label", self.tr("&Nouvelle phrase de passe"), buddy=self.new_edit)
        self.confirm_edit = _password(r, "confirm_edit")
        self.confirm_label = _label(r, "confirm_label", self.tr("C&onfirmation de la nouvelle phrase de passe"),
                                    buddy=self.confirm_edit)
        self.policy_label = _label(r, "policy_label", wrap=True)
        self.recover_message_label = _label(r, "recover_message_label", wrap=True, role="error")
        self.recover_busy_bar = _busy(r, "recover_busy_bar")
        self.back_button = QPushButton(self.tr("Retour"), r)
        _named(self.back_button, "back_button")
        self.recover_button = QPushButton(self.tr("Définir la nouvelle phrase de passe"), r)
        _named(self.recover_button, "recover_button", "primary")
        _add(page, self.recover_intro_label, self.code_label, self.code_edit, self.new_label, self.new_edit,
             self.confirm_label, self.confirm_edit, self.policy_label, self.recover_message_label,
             self.recover_busy_bar, _row(self.back_button, None, self.recover_button))
        _add(root, self.title_label, self.unlock_page, self.recover_page)
        root.addStretch(1)
