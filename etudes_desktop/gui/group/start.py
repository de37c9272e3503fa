"""Opening a focus group: the moderator's profile and commitment, then a session to resume or a
new one (date, place, people of the sample invited)."""

from __future__ import annotations

import datetime as _dt
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from etudes_desktop.core.errors import EtudesError
from etudes_desktop.gui.style import set_role
from etudes_desktop.storage import contact_list
from etudes_desktop.storage.groups import GroupService
from etudes_desktop.storage.handle import VaultHandle


class SessionsDialog(QDialog):
    """Resume a session of the study, or prepare a new one; `session_id` is the choice."""

    def __init__(self, vault: VaultHandle, groups: GroupService, study_id: str, moderator: str,
                 today: _dt.date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.vault, self.groups, self.study_id, self.moderator = vault, groups, study_id, moderator
        self.session_id: str | None = None
        self.setWindowTitle(self.tr("Réunions de groupe"))
        self.resize(1000, 600)
        layout = QHBoxLayout(self)
        left = QVBoxLayout()
        left.addWidget(QLabel(self.tr("Réunions de l'étude :")))
        self.sessions = QListWidget()
        states = {"open": self.tr("en cours"), "closed": self.tr("close, à envoyer"), "sending": self.tr("en envoi"),
                  "synced": self.tr("envoyée")}
        for session in groups.sessions(study_id):
            item = QListWidgetItem(f"{session.held_on} · {session.place} · {states.get(session.state, session.state)}")
            item.setData(Qt.ItemDataRole.UserRole, session.id)
            if session.state != "open":
                item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEnabled)
            self.sessions.addItem(item)
        self.sessions.itemActivated.connect(self._resume)
        left.addWidget(self.sessions, 1)
        self.resume_button = QPushButton(self.tr("&Reprendre la réunion"))
        self.resume_button.clicked.connect(lambda: self._resume(self.sessions.currentItem()))
        left.addWidget(self.resume_button)
        layout.addLayout(left, 1)

        right = QVBoxLayout()
        right.addWidget(QLabel(self.tr("Nouvelle réunion :")))
        form = QFormLayout()
        self.date = QDateEdit(QDate(today.year, today.month, today.day))
        self.date.setCalendarPopup(True)
        self.date.setDisplayFormat("dd/MM/yyyy")
        form.addRow(self.tr("&Date :"), self.date)
        self.place = QLineEdit()
        self.place.setMaxLength(120)
        self.place.setPlaceholderText(self.tr("salle, ville (jamais une personne)"))
        form.addRow(self.tr("&Lieu :"), self.place)
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("nom, identifiant ou commune"))
        self.search.textChanged.connect(self._fill)
        form.addRow(self.tr("&Chercher :"), self.search)
        right.addLayout(form)
        right.addWidget(QLabel(self.tr("Personnes invitées (Espace coche) :")))
        self.people = QListWidget()
        right.addWidget(self.people, 1)
        self.message = QLabel()
        self.message.setWordWrap(True)
        right.addWidget(self.message)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.create_button = buttons.addButton(self.tr("Créer la &réunion"), QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.accepted.connect(self._create)
        buttons.rejected.connect(self.reject)
        right.addWidget(buttons)
        layout.addLayout(right, 2)
        self._checked: set[int] = set()
        self._fill("")

    def _fill(self, text: str) -> None:
        self._remember()
        self.people.clear()
        for person in contact_list.contactable(self.vault, self.study_id, text, limit=300):
            item = QListWidgetItem(f"{person.name}  ·  {person.sample_id}  ·  {person.town}")
            item.setData(Qt.ItemDataRole.UserRole, person.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if person.id in self._checked else Qt.CheckState.Unchecked)
            self.people.addItem(item)

    def _remember(self) -> None:
        for row in range(self.people.count()):
            item = self.people.item(row)
            person = int(item.data(Qt.ItemDataRole.UserRole))
            if item.checkState() == Qt.CheckState.Checked:
                self._checked.add(person)
            else:
                self._checked.discard(person)

    def invited(self) -> list[int]:
        self._remember()
        return sorted(self._checked)

    def _resume(self, item: QListWidgetItem | None) -> None:
        if item is not None and item.flags() & Qt.ItemFlag.ItemIsEnabled:
            self.session_id = str(item.data(Qt.ItemDataRole.UserRole))
            self.accept()

    def _create(self) -> None:
        day = self.date.date()
        try:
            session_id = self.groups.create(self.study_id, _dt.date(day.year(), day.month(), day.day()),
                                            self.place.text(), self.moderator)
            self.groups.plan(session_id, self.invited())
        except EtudesError as exc:
            self.message.setText(str(exc))
            set_role(self.message, "error")
            return
        self.session_id = session_id
        self.accept()


def open_group_session(vault: VaultHandle, study: Any, *, parent: QWidget | None = None,
                       ask_profile: Callable[..., Any] | None = None, ask_commitment: Callable[..., bool] | None = None,
                       ask_session: Callable[[SessionsDialog], bool] | None = None,
                       language: str = "fr") -> Any:
    """Profile, commitment, the session chosen; the session's window, shown (None if cancelled)."""
    from etudes_desktop.gui.group.window import GroupSessionWindow
    from etudes_desktop.gui.sign_in import sign_in
    from etudes_desktop.storage.interviews import InterviewStore
    from etudes_desktop.storage.studies import load_study

    moderator = sign_in(InterviewStore(vault), study, parent, ask_profile=ask_profile, ask_commitment=ask_commitment)
    if moderator is None:
        return None
    package = load_study(vault, study.study_id)
    if package is None:
        return None
    groups = GroupService(vault)
    dialog = SessionsDialog(vault, groups, study.study_id, moderator.pseudonym, _dt.date.today(), parent)
    chosen = (ask_session or (lambda d: d.exec() == QDialog.DialogCode.Accepted))(dialog)
    if not chosen or dialog.session_id is None:
        return None
    window = GroupSessionWindow(groups, dialog.session_id, package, language, parent)
    window.show()
    return window
