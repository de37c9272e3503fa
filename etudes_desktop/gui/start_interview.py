"""Starting an interview: pick a respondent (or an unnamed one) and a mode among the study's."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QDialog,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from etudes_desktop.core.interview import Mode
from etudes_desktop.gui.interview.labels import mode_label
from etudes_desktop.gui.interview.study_info import StudyInfo
from etudes_desktop.gui.style import set_role
from etudes_desktop.storage.contact_list import RespondentBrief

START = "start"
RESUME = "resume"
CALL = "call"


@dataclass(frozen=True)
class StartChoice:
    """What the interviewer chose: start an interview, or record a call that led to none."""

    action: str  # START | RESUME | CALL
    mode: Mode
    respondent_id: int | None
    interview_id: str | None = None  # the draft to resume (RESUME)
    began_at: datetime | None = None  # when the person was picked (CALL: the call's duration runs from here)


class StartInterviewDialog(QDialog):
    """Layout and a little state; `search` is a service call (contact_list.contactable)."""

    def __init__(self, study: StudyInfo, search: Callable[[str], Sequence[RespondentBrief]], *,
                 preselect: int | None = None, parent: QWidget | None = None,
                 last_mode: Mode | None = None, next_call: Callable[[], Any] | None = None) -> None:
        super().__init__(parent)
        self.study = study
        self._search = search
        self._next_call = next_call  # gui.next_call.find_next_call for this study: "Appel suivant"
        self.choice: StartChoice | None = None
        self.setWindowTitle(self.tr("Nouvel entretien"))
        self.resize(680, 560)
        self._selected_at = datetime.now(UTC)
        self._build()
        self._connect_signals()
        if last_mode is not None and Mode(last_mode) in self.mode_buttons:
            self.set_mode(Mode(last_mode))  # the mode chosen last time comes first
        self._on_search(self.search_edit.text())
        if preselect is not None:
            try:
                self.select_respondent(preselect)
            except LookupError:  # the list shows who may be; say why the one clicked is not there
                self.hint_label.setText(self.tr(
                    "La personne choisie ne peut pas être interrogée : elle a déjà été interrogée, "
                    "s'est opposée ou a arrêté son entretien."))
        self.search_edit.setFocus()

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        title = QLabel(self.tr("Nouvel entretien — %1").replace("%1", self.study.title), self)
        title.setProperty("role", "title")
        title.setWordWrap(True)
        layout.addWidget(title)
        self.search_edit = QLineEdit(self)
        self.search_edit.setPlaceholderText(self.tr("Rechercher par nom, n° d'échantillon ou commune"))
        self.search_edit.setClearButtonEnabled(True)
        layout.addWidget(QLabel(self.tr("&Personne à interroger :"), self, buddy=self.search_edit))
        layout.addWidget(self.search_edit)
        self.respondent_list = QListWidget(self)
        self.respondent_list.setObjectName("respondent_list")
        layout.addWidget(self.respondent_list, 1)
        self.unnamed_check = QCheckBox(self.tr("Personne non nommée (panel, recrutement sur place)"), self)
        self.unnamed_check.setVisible(self.study.allows_unnamed)
        layout.addWidget(self.unnamed_check)
        layout.addWidget(self._mode_box())
        self.next_call_label = QLabel("", self)
        self.next_call_label.setObjectName("next_call_reason")
        self.next_call_label.setWordWrap(True)
        self.next_call_label.hide()
        layout.addWidget(self.next_call_label)
        self.hint_label = QLabel("", self)
        self.hint_label.setProperty("role", "warn")
        self.hint_label.setWordWrap(True)
        layout.addWidget(self.hint_label)
        buttons = QHBoxLayout()
        self.next_call_button = QPushButton(self.tr("Appel s&uivant (F5)"), self)
        self.next_call_button.setToolTip(self.tr("La personne à appeler maintenant : rendez-vous dû, nouvel essai "
                                                 "ou premier appel, dans ses heures d'appel"))
        buttons.addWidget(self.next_call_button)
        self.call_button = QPushButton(self.tr("Noter un appel &sans entretien…"), self)
        self.cancel_button = QPushButton(self.tr("Annuler"), self)
        self.start_button = QPushButton(self.tr("&Commencer l'entretien"), self)
        self.start_button.setProperty("role", "primary")
        self.start_button.setDefault(True)
        buttons.addWidget(self.call_button)
        buttons.addStretch(1)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.start_button)
        layout.addLayout(buttons)

    def _mode_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Mode de recueil"), self)
        row = QHBoxLayout(box)
        self.mode_group = QButtonGroup(self)
        self.mode_buttons: dict[Mode, QRadioButton] = {}
        for position, mode in enumerate(self.study.interview_modes):
            button = QRadioButton(f"&{position + 1}  {mode_label(mode)}", box)
            self.mode_group.addButton(button)
            self.mode_buttons[mode] = button
            row.addWidget(button)
        row.addStretch(1)
        next(iter(self.mode_buttons.values())).setChecked(True)
        return box

    def _connect_signals(self) -> None:
        self.search_edit.textChanged.connect(self._on_search)
        self.respondent_list.currentItemChanged.connect(self._on_selection_changed)
        self.respondent_list.itemActivated.connect(self._on_start)
        self.unnamed_check.toggled.connect(self._on_selection_changed)
        self.mode_group.buttonToggled.connect(self._on_selection_changed)
        self.start_button.clicked.connect(self._on_start)
        self.call_button.clicked.connect(self._on_call)
        self.next_call_button.clicked.connect(self._on_next_call)
        self.cancel_button.clicked.connect(self.reject)

    # -- state ----------------------------------------------------------------------------------
    def mode(self) -> Mode:
        return next(m for m, b in self.mode_buttons.items() if b.isChecked())

    def set_mode(self, mode: Mode) -> None:
        self.mode_buttons[Mode(mode)].setChecked(True)

    def respondent_id(self) -> int | None:
        item = self.respondent_list.currentItem()
        if self.unnamed_check.isChecked() or item is None:
            return None
        return int(item.data(Qt.ItemDataRole.UserRole))

    def select_respondent(self, respondent_id: int) -> None:
        for row in range(self.respondent_list.count()):
            item = self.respondent_list.item(row)
            if item.data(Qt.ItemDataRole.UserRole) == respondent_id:
                self.respondent_list.setCurrentItem(item)
                return
        raise LookupError(respondent_id)

    # -- slots ------------------------------------------------------------------------------------
    def _on_search(self, text: str) -> None:
        self.respondent_list.clear()
        for person in self._search(text):
            label = f"{person.name or self.tr('(sans nom)')} — {person.sample_id}"
            extra = " · ".join(p for p in (person.town, person.phone) if p)
            if person.draft_id:
                extra = " · ".join(p for p in (self.tr("entretien en cours"), extra) if p)
            item = QListWidgetItem(label + (f"   ({extra})" if extra else ""), self.respondent_list)
            item.setData(Qt.ItemDataRole.UserRole, person.id)
            item.setData(Qt.ItemDataRole.UserRole + 1, person.draft_id)
        if self.respondent_list.count():
            self.respondent_list.setCurrentRow(0)
        self._on_selection_changed()

    def draft_id(self) -> str | None:
        """The open interview of the person selected, if they have one."""
        item = self.respondent_list.currentItem()
        if self.unnamed_check.isChecked() or item is None:
            return None
        return item.data(Qt.ItemDataRole.UserRole + 1)

    def _on_selection_changed(self, *_: object) -> None:
        self._selected_at = datetime.now(UTC)  # a phone call to this person starts about now
        unnamed = self.unnamed_check.isChecked()
        self.respondent_list.setEnabled(not unnamed)
        named = self.respondent_id() is not None
        self.start_button.setEnabled(named or unnamed)
        self.call_button.setVisible(self.mode() is Mode.PHONE)
        self.call_button.setEnabled(named)
        self.next_call_button.setVisible(self.mode() is Mode.PHONE and self._next_call is not None)
        resuming = self.draft_id() is not None
        self.start_button.setText(self.tr("&Reprendre l'entretien en cours") if resuming
                                  else self.tr("&Commencer l'entretien"))
        if not named and not unnamed:
            self.hint_label.setText(self.tr("Choisissez une personne dans la liste.") if self.respondent_list.count()
                                    else self.tr("Aucune personne à contacter ne correspond."))
        elif resuming:
            self.hint_label.setText(self.tr("Cette personne a déjà un entretien en cours : il sera repris là où "
                                            "il s'est arrêté (pas de second entretien)."))
        else:
            self.hint_label.clear()

    def _on_start(self, *_: object) -> None:
        if self.start_button.isEnabled():
            draft = self.draft_id()
            self.choice = StartChoice(RESUME if draft else START, self.mode(), self.respondent_id(), draft)
            self.accept()

    def _on_call(self) -> None:
        if self.call_button.isEnabled():
            self.choice = StartChoice(CALL, Mode.PHONE, self.respondent_id(), began_at=self._selected_at)
            self.accept()

    def _on_next_call(self) -> None:
        """Ask the scheduler who is next; show them selected, with why and their local time."""
        if self._next_call is None or not self.next_call_button.isVisible():
            return
        from etudes_desktop.gui.next_call import local_time_text, reason_text

        info = self._next_call()
        self.next_call_label.show()
        if info.call is None:
            opening = info.next_opening
            self.next_call_label.setText(self.tr("Aucune personne à appeler pour le moment.") + (
                " " + self.tr("Prochain créneau d'appel : %1").replace(
                    "%1", opening.astimezone().strftime("%d/%m/%Y %H:%M")) if opening else ""))
            set_role(self.next_call_label, "warn")
            return
        self.search_edit.setText(info.call.sample_id)
        try:
            self.select_respondent(info.call.respondent_id)
        except LookupError:  # no longer in the list of who may be interviewed (the search shows it)
            pass
        self.next_call_label.setText(self.tr("Appel suivant : %1. %2").replace("%1", reason_text(info.call)).replace(
            "%2", local_time_text(info.call)))
        set_role(self.next_call_label, "ok")
        self._selected_at = datetime.now(UTC)
        self.call_button.setFocus()

    def keyPressEvent(self, event: Any) -> None:  # noqa: N802 - Qt override: F5 is "Appel suivant"
        if event.key() == Qt.Key.Key_F5:
            self._on_next_call()
            return
        super().keyPressEvent(event)

    @classmethod
    def ask(cls, study: StudyInfo, search: Callable[[str], Sequence[RespondentBrief]],
            parent: QWidget | None = None, preselect: int | None = None,
            last_mode: Mode | None = None, next_call: Callable[[], Any] | None = None) -> StartChoice | None:
        dialog = cls(study, search, preselect=preselect, parent=parent, last_mode=last_mode, next_call=next_call)
        return dialog.choice if dialog.exec() == QDialog.DialogCode.Accepted else None
