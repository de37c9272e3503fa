"""The counters an interviewer watches: people to contact, drafts, completed, waiting for sync."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from etudes_desktop.gui.views.labels import group_digits
from etudes_desktop.storage.browse import StudyCounters


class _Counter(QFrame):
    """A figure above its caption."""

    def __init__(self, key: str, caption: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("card")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(14, 8, 14, 8)
        layout.setSpacing(0)
        self.value_label = QLabel("–", self)
        self.value_label.setObjectName(f"counter_{key}")
        self.value_label.setStyleSheet("font-size: 20pt; font-weight: bold; color: #12355b;")
        caption_label = QLabel(caption, self)
        caption_label.setStyleSheet("color: #3b4654;")
        caption_label.setWordWrap(True)
        layout.addWidget(self.value_label)
        layout.addWidget(caption_label)

    def set_value(self, value: int | None) -> None:
        self.value_label.setText("–" if value is None else group_digits(value))


class CountersBar(QWidget):
    """Four figures in a row, for the selected study."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.to_contact = _Counter("to_contact", self.tr("personnes à contacter"), self)
        self.drafts = _Counter("drafts", self.tr("brouillons en cours"), self)
        self.completed = _Counter("completed", self.tr("entretiens terminés"), self)
        self.waiting_sync = _Counter("waiting_sync", self.tr("en attente de synchronisation"), self)
        for counter in (self.to_contact, self.drafts, self.completed, self.waiting_sync):
            layout.addWidget(counter, 1, Qt.AlignmentFlag.AlignTop)

    def show_counters(self, counters: StudyCounters | None, interviews_known: bool = True) -> None:
        """The figures of one study; dashes when none is selected (or not counted yet)."""
        values = (None,) * 4 if counters is None else (
            counters.to_contact, counters.drafts, counters.completed, counters.waiting_sync)
        if not interviews_known:
            values = (values[0], None, None, None)
        for counter, value in zip((self.to_contact, self.drafts, self.completed, self.waiting_sync), values):
            counter.set_value(value)

    def values(self) -> dict[str, str]:
        """What the person reads, by counter (tests)."""
        return {name: getattr(self, name).value_label.text()
                for name in ("to_contact", "drafts", "completed", "waiting_sync")}
