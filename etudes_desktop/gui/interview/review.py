"""The review page before completion, and the read-only view of a finished interview."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from etudes_desktop.gui.interview.signals import emit
from etudes_desktop.gui.style import set_role


class ReviewView(QWidget):
    """Every visible question with its answer; a row opens its page (while a draft)."""

    page_requested = Signal(str)  # answer key
    back_requested = Signal()
    complete_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.read_only = False
        layout = QVBoxLayout(self)
        layout.setContentsMargins(28, 16, 28, 16)
        self.title_label = QLabel(self.tr("Relecture avant de terminer"), self)
        self.title_label.setProperty("role", "title")
        self.intro_label = QLabel("", self)
        self.intro_label.setWordWrap(True)
        self.table = QTableWidget(0, 2, self)
        self.table.setHorizontalHeaderLabels([self.tr("Question"), self.tr("Réponse")])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setWordWrap(True)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.message_label = QLabel("", self)
        self.message_label.setWordWrap(True)
        buttons = QHBoxLayout()
        self.back_button = QPushButton(self.tr("← &Retour aux questions"), self)
        self.complete_button = QPushButton(self.tr("&Terminer l'entretien"), self)
        self.complete_button.setProperty("role", "primary")
        buttons.addWidget(self.back_button)
        buttons.addStretch(1)
        buttons.addWidget(self.complete_button)
        for widget in (self.title_label, self.intro_label):
            layout.addWidget(widget)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.message_label)
        layout.addLayout(buttons)
        self.keys: list[str] = []
        self.table.itemActivated.connect(self._on_row_activated)
        header.sectionResized.connect(self._on_columns_resized)
        self._fit_timer = QTimer(self)  # dies with the view: no call into a deleted table
        self._fit_timer.setSingleShot(True)
        self._fit_timer.setInterval(0)
        self._fit_timer.timeout.connect(self._on_columns_resized)
        self.back_button.clicked.connect(self.back_requested)
        self.complete_button.clicked.connect(self.complete_requested)

    def show_rows(self, rows: list[tuple[str, str, str, str | None]], *, read_only: bool, heading: str = "") -> None:
        """rows: (key, question, answer, error)."""
        self.read_only = read_only
        self.keys = [r[0] for r in rows]
        self.table.setRowCount(len(rows))
        problems = 0
        for row, (_key, question, answer, error) in enumerate(rows):
            self.table.setItem(row, 0, QTableWidgetItem(question))
            shown = QTableWidgetItem(answer if not error else f"{answer}  ⚠ {error}".strip())
            if not answer and not error:
                shown.setText(self.tr("— sans réponse"))
                shown.setForeground(Qt.GlobalColor.gray)
            if error:
                shown.setForeground(Qt.GlobalColor.darkRed)
                problems += 1
            self.table.setItem(row, 1, shown)
        self.table.resizeRowsToContents()
        if read_only:
            self.title_label.setText(self.tr("Entretien terminé (lecture seule)"))
            self.intro_label.setText(heading)
        else:
            self.title_label.setText(self.tr("Relecture avant de terminer"))
            self.intro_label.setText(self.tr("Vérifiez les réponses avec la personne. Entrée sur une ligne : "
                                             "revenir à cette question. Une fois terminé, l'entretien n'est plus modifiable."))
        self.back_button.setVisible(not read_only)
        self.complete_button.setVisible(not read_only)
        self.complete_button.setEnabled(problems == 0)
        self.message_label.setText(self.tr("%1 question(s) à compléter avant de terminer.", "", problems).replace("%1", str(problems))
                                   if problems and not read_only else "")
        set_role(self.message_label, "error" if problems else "")
        self._problems, self._read_only = problems, read_only
        self.focus_entry()

    def focus_entry(self) -> None:
        ready = getattr(self, "_problems", 1) == 0 and not getattr(self, "_read_only", True)
        (self.complete_button if ready else self.table).setFocus()

    def _on_columns_resized(self, *_: object) -> None:
        self.table.resizeRowsToContents()

    def _on_row_activated(self, item: QTableWidgetItem) -> None:
        if not self.read_only and 0 <= item.row() < len(self.keys):
            emit(self.page_requested, self.keys[item.row()])

    def resizeEvent(self, event: object) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)  # type: ignore[arg-type]
        self._fit_timer.start()  # once the columns have their width

    def showEvent(self, event: object) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)  # type: ignore[arg-type]
        self._fit_timer.start()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt override
        focus = self.focusWidget()
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and isinstance(focus, QAbstractButton):
            focus.click()
        elif event.key() == Qt.Key.Key_PageUp and not self.read_only:
            emit(self.back_requested)
        else:
            super().keyPressEvent(event)
