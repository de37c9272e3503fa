"""The moderator's notes during the discussion: type, Entrée, the note is saved and listed.

The theme is picked with Ctrl+1 to Ctrl+9 (the guide's order) or its list; a pseudonym named in
the note tags it (« P3 pense que... »); a participant's name typed is replaced by their pseudonym
and the moderator is told. The list is a model that appends one row per note: a three-hour
session of a thousand notes updates as fast as its first.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QLineEdit, QListView, QSizePolicy, QVBoxLayout, QWidget

from etudes_desktop.core.group.notes import NoteRefused
from etudes_desktop.gui.interview.signals import emit
from etudes_desktop.gui.style import set_role
from etudes_desktop.storage.groups import GroupService, Note

_Index = QModelIndex | QPersistentModelIndex


class NotesModel(QAbstractListModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.notes: list[Note] = []

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 (Qt's signature)
        return 0 if parent.isValid() else len(self.notes)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or role != Qt.ItemDataRole.DisplayRole:
            return None
        note = self.notes[index.row()]
        at = datetime.fromisoformat(note.at).astimezone().strftime("%H:%M")
        tags = f" {' '.join(note.pseudonyms)}" if note.pseudonyms else ""
        return f"{at}  [{note.theme}]{tags} — {note.text}"

    def reset(self, notes: list[Note]) -> None:
        self.beginResetModel()
        self.notes = list(notes)
        self.endResetModel()

    def append(self, note: Note) -> None:
        row = len(self.notes)
        self.beginInsertRows(QModelIndex(), row, row)
        self.notes.append(note)
        self.endInsertRows()


class NotesPage(QWidget):
    saved = Signal(int)  # notes in the session

    def __init__(self, groups: GroupService, session_id: str, themes: list[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.groups, self.session_id = groups, session_id
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        theme_label = QLabel(self.tr("&Thème (Ctrl+1 à Ctrl+9) :"))
        self.theme = QComboBox()
        for n, theme in enumerate(themes, start=1):
            self.theme.addItem(f"{n}. {theme}" if n <= 9 else theme, theme)
            if n <= 9:
                shortcut = QShortcut(QKeySequence(f"Ctrl+{n}"), self)
                shortcut.activated.connect(lambda index=n - 1: self._pick_theme(index))
        theme_label.setBuddy(self.theme)
        top.addWidget(theme_label)
        top.addWidget(self.theme, 1)
        layout.addLayout(top)
        entry_label = QLabel(self.tr("&Note (Entrée pour l'enregistrer ; nommez les participants par leur pseudonyme, P1, P2…) :"))
        entry_label.setWordWrap(True)
        self.entry = QLineEdit()
        self.entry.setMaxLength(2000)
        entry_label.setBuddy(self.entry)
        self.entry.returnPressed.connect(self.save)
        layout.addWidget(entry_label)
        layout.addWidget(self.entry)
        self.message = QLabel()  # one line of fixed size: a new message does not lay the page out again
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        self.message.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        self.message.setFixedHeight(self.message.fontMetrics().height() + 6)
        layout.addWidget(self.message)
        self.model = NotesModel(self)
        self.list = QListView()
        self.list.setModel(self.model)
        self.list.setUniformItemSizes(True)  # a thousand notes lay out without measuring each
        self.list.setLayoutMode(QListView.LayoutMode.Batched)  # a new note lays out itself, not the whole list
        # Small batches: with Qt's default (100) every note from the 40th to the 100th laid out the
        # whole batch again (~10 ms each, the p99); with 10 an update stays under 2 ms at any length.
        self.list.setBatchSize(10)
        self.list.setWordWrap(False)
        layout.addWidget(self.list, 1)
        self.model.reset(groups.notes(session_id))

    def _pick_theme(self, index: int) -> None:
        if index < self.theme.count():
            self.theme.setCurrentIndex(index)
            self.entry.setFocus()

    def save(self) -> None:
        text = self.entry.text()
        if not text.strip():
            return
        try:
            note, cleaned = self.groups.add_note(self.session_id, text, str(self.theme.currentData()))
        except NoteRefused as exc:
            self.message.setText(str(exc))
            set_role(self.message, "error")
            return  # the text stays in the field, to be corrected
        self.entry.clear()
        self.model.append(note)
        self.list.scrollToBottom()
        if cleaned.replaced:
            said = self.tr("Note enregistrée : %n nom(s) remplacé(s) par le pseudonyme (%1).", "",
                           len(cleaned.replaced)).replace("%1", ", ".join(cleaned.replaced))
        else:
            said = self.tr("Note enregistrée.")
        self.message.setText(said)
        set_role(self.message, "warn" if cleaned.replaced else "ok")
        emit(self.saved, self.model.rowCount())
