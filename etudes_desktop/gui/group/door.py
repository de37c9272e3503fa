"""The door and the decisions: one row per participant, keys to mark arrivals and decisions."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from etudes_desktop.core.errors import EtudesError
from etudes_desktop.core.interview import Decision
from etudes_desktop.gui.interview.signals import emit
from etudes_desktop.gui.style import set_role
from etudes_desktop.storage.groups import GroupService, Seat


def _item(text: str) -> QTableWidgetItem:
    item = QTableWidgetItem(text)
    item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
    return item


class SeatTable(QTableWidget):
    """A table of participants whose keys the page decides (Espace, A, O...)."""

    key_pressed = Signal(int)  # Qt.Key

    KEYS = frozenset({Qt.Key.Key_Space, Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_A, Qt.Key.Key_O})

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if Qt.Key(event.key()) in self.KEYS and not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier:
            emit(self.key_pressed, int(event.key()))
            return
        super().keyPressEvent(event)


def _table(headers: list[str]) -> SeatTable:
    table = SeatTable(0, len(headers))
    table.setHorizontalHeaderLabels(headers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.verticalHeader().setVisible(False)
    table.horizontalHeader().setMinimumSectionSize(130)  # room around short headers (« Venue »)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    table.horizontalHeader().setStretchLastSection(True)
    return table


class DoorPage(QWidget):
    """Who came: Espace or Entrée marks the selected person present (their pseudonym is given);
    a walk-in's first name typed below and Entrée adds them, present."""

    changed = Signal()

    def __init__(self, groups: GroupService, session_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.groups, self.session_id = groups, session_id
        self.seats: list[Seat] = []
        layout = QVBoxLayout(self)
        hint = QLabel(self.tr("Flèches pour choisir, Espace ou Entrée : la personne est arrivée et reçoit son pseudonyme."))
        hint.setWordWrap(True)
        layout.addWidget(hint)
        self.table = _table([self.tr("Pseudonyme"), self.tr("Prénom"), self.tr("Venue"), self.tr("Invitation")])
        self.table.key_pressed.connect(self._on_key)
        self.table.cellDoubleClicked.connect(lambda row, _col: self._arrive(row))
        layout.addWidget(self.table, 1)
        row = QHBoxLayout()
        label = QLabel(self.tr("Venue sans invitation, &prénom :"))
        self.walk_in = QLineEdit()
        self.walk_in.setMaxLength(40)
        self.walk_in.setPlaceholderText(self.tr("le prénom seulement"))
        label.setBuddy(self.walk_in)
        self.walk_in.returnPressed.connect(self._add_walk_in)
        self.add_button = QPushButton(self.tr("Ajouter"))
        self.add_button.clicked.connect(self._add_walk_in)
        row.addWidget(label)
        row.addWidget(self.walk_in, 1)
        row.addWidget(self.add_button)
        layout.addLayout(row)
        self.message = QLabel()
        self.message.setWordWrap(True)
        layout.addWidget(self.message)
        self.refresh()

    def refresh(self) -> None:
        current = max(self.table.currentRow(), 0)
        self.seats = self.groups.seats(self.session_id)
        self.table.setRowCount(len(self.seats))
        for row, seat in enumerate(self.seats):
            self.table.setItem(row, 0, _item(seat.pseudonym or "—"))
            self.table.setItem(row, 1, _item(seat.first_name))
            self.table.setItem(row, 2, _item(self.tr("présent") if seat.present else self.tr("attendu")))
            self.table.setItem(row, 3, _item(self.tr("sans invitation") if seat.walk_in else self.tr("invité")))
        if self.seats:
            self.table.setCurrentCell(min(current, len(self.seats) - 1), 0)

    def present_count(self) -> int:
        return sum(1 for s in self.seats if s.present)

    def _on_key(self, key: int) -> None:
        if key in (Qt.Key.Key_Space, Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self._arrive(self.table.currentRow())

    def _arrive(self, row: int) -> None:
        if not 0 <= row < len(self.seats):
            return
        seat = self.seats[row]
        self._run(lambda: self.groups.arrive(seat.id),
                  lambda pseudonym: self.tr("%1 est arrivé(e) : pseudonyme %2.").replace("%1", seat.first_name)
                  .replace("%2", pseudonym))
        expected = next((r for r, s in enumerate(self.seats) if not s.present), row)
        self.table.setCurrentCell(expected, 0)

    def _add_walk_in(self) -> None:
        name = self.walk_in.text()
        if self._run(lambda: self.groups.add_walk_in(self.session_id, name).pseudonym or "",
                     lambda pseudonym: self.tr("Personne venue sans invitation ajoutée : pseudonyme %1.")
                     .replace("%1", pseudonym)):
            self.walk_in.clear()

    def _run(self, action: Callable[[], str], said: Callable[[str], str]) -> bool:
        try:
            result = action()
        except EtudesError as exc:
            self.message.setText(str(exc))
            set_role(self.message, "error")
            return False
        self.message.setText(said(result))
        set_role(self.message, "ok")
        self.refresh()
        emit(self.changed)
        return True


class DecisionsPage(QWidget):
    """Each present participant's decision after the notice: A accepte, O s'oppose; the next row follows."""

    changed = Signal()

    def __init__(self, groups: GroupService, session_id: str, package: object, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.groups, self.session_id, self.package = groups, session_id, package
        self.seats: list[Seat] = []
        layout = QVBoxLayout(self)
        hint = QLabel(self.tr("Pour chaque participant, après la lecture de la mention : A s'il accepte, "
                              "O s'il s'oppose (il quitte la réunion ; rien de lui n'est gardé)."))
        hint.setWordWrap(True)
        layout.addWidget(hint)
        self.table = _table([self.tr("Pseudonyme"), self.tr("Prénom"), self.tr("Décision")])
        self.table.key_pressed.connect(self._on_key)
        layout.addWidget(self.table, 1)
        buttons = QHBoxLayout()
        self.agree_button = QPushButton(self.tr("&Accepte"))
        self.object_button = QPushButton(self.tr("S'&oppose"))
        self.agree_button.clicked.connect(lambda: self._decide(Decision.AGREES))
        self.object_button.clicked.connect(lambda: self._decide(Decision.OBJECTS))
        buttons.addWidget(self.agree_button)
        buttons.addWidget(self.object_button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        self.message = QLabel()
        self.message.setWordWrap(True)
        layout.addWidget(self.message)
        self.refresh()

    def refresh(self) -> None:
        current = max(self.table.currentRow(), 0)
        self.seats = [s for s in self.groups.seats(self.session_id) if s.present]
        self.table.setRowCount(len(self.seats))
        labels = {"agrees": self.tr("accepte"), "objects": self.tr("s'oppose, a quitté la réunion")}
        for row, seat in enumerate(self.seats):
            self.table.setItem(row, 0, _item(seat.pseudonym or ""))
            self.table.setItem(row, 1, _item(seat.first_name))
            self.table.setItem(row, 2, _item(labels.get(seat.decision or "", self.tr("à recueillir"))))
        if self.seats:
            self.table.setCurrentCell(min(current, len(self.seats) - 1), 0)

    def undecided(self) -> int:
        return sum(1 for s in self.seats if s.decision is None)

    def _on_key(self, key: int) -> None:
        if key == Qt.Key.Key_A:
            self._decide(Decision.AGREES)
        elif key == Qt.Key.Key_O:
            self._decide(Decision.OBJECTS)

    def _decide(self, decision: Decision) -> None:
        row = self.table.currentRow()
        if not 0 <= row < len(self.seats):
            return
        seat = self.seats[row]
        try:
            self.groups.decide(seat.id, decision, self.package)  # type: ignore[arg-type]
        except EtudesError as exc:
            self.message.setText(str(exc))
            set_role(self.message, "error")
            return
        text = (self.tr("%1 accepte.") if decision is Decision.AGREES
                else self.tr("%1 s'oppose : son opposition est enregistrée, son prénom effacé."))
        self.message.setText(text.replace("%1", seat.pseudonym or ""))
        set_role(self.message, "ok")
        self.refresh()
        following = next((r for r, s in enumerate(self.seats) if s.decision is None and r > row),
                         next((r for r, s in enumerate(self.seats) if s.decision is None), row))
        self.table.setCurrentCell(following, 0)
        emit(self.changed)
