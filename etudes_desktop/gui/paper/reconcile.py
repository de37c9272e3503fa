"""Reconciliation of a form keyed twice: a table of the differences, one row per question (the
first keying, the second, the decision); 1 keeps the first, 2 the second, R keys the value again
from the paper; Ctrl+Entrée validates the form once every row is decided."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from etudes_desktop.core.errors import EtudesError
from etudes_desktop.core.paper.verification import Resolution
from etudes_desktop.core.study import StudyPackage
from etudes_desktop.gui.interview.signals import emit
from etudes_desktop.gui.paper.flow import KeyingFlow, question_tag
from etudes_desktop.gui.style import set_role
from etudes_desktop.storage.paper_verify import DoubleEntry


class DifferenceTable(QTableWidget):
    """The table's keys: 1, 2 and R decide the current row."""

    decided = Signal(int, str)  # row, resolution
    validate_requested = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt override
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and \
                event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            emit(self.validate_requested)
            return
        choice = {Qt.Key.Key_1: "first", Qt.Key.Key_2: "second", Qt.Key.Key_R: "rekey"}.get(Qt.Key(event.key()))
        if choice is not None and self.currentRow() >= 0:
            emit(self.decided, self.currentRow(), choice)
        else:
            super().keyPressEvent(event)


class ReconcilePanel(QWidget):
    resolved = Signal(object)  # the paper Form, completed

    def __init__(self, double: DoubleEntry, package: StudyPackage, operator: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.double, self.package, self.operator = double, package, operator
        self.form: Any = None
        layout = QHBoxLayout(self)
        left = QVBoxLayout()
        left.addWidget(QLabel(self.tr("Questionnaires à trancher :")))
        self.forms = QListWidget()
        self.forms.currentItemChanged.connect(self._on_form_chosen)
        left.addWidget(self.forms, 1)
        layout.addLayout(left, 1)
        right = QVBoxLayout()
        self.title = QLabel()
        set_role(self.title, "subtitle")
        right.addWidget(self.title)
        help_text = QLabel(self.tr("Sur chaque ligne, le papier en main : 1 garde la première saisie, 2 la seconde, "
                                   "R saisit à nouveau la valeur lue. La valeur gardée est la bonne : l'autre saisie "
                                   "compte une erreur pour son opérateur."))
        help_text.setWordWrap(True)
        right.addWidget(help_text)
        self.table = DifferenceTable(0, 4)
        self.table.setHorizontalHeaderLabels([self.tr("Question"), self.tr("1re saisie"), self.tr("2e saisie"),
                                              self.tr("Décision")])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in (1, 2, 3):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.table.verticalHeader().setVisible(False)
        self.table.decided.connect(self._on_decided)
        right.addWidget(self.table, 1)
        rekey_row = QHBoxLayout()
        self.rekey_label = QLabel(self.tr("Valeur lue sur le papier :"))
        rekey_row.addWidget(self.rekey_label)
        self.rekey = QLineEdit()
        self.rekey.returnPressed.connect(self._on_rekeyed)
        rekey_row.addWidget(self.rekey, 1)
        right.addLayout(rekey_row)
        self.message = QLabel()
        self.message.setWordWrap(True)
        right.addWidget(self.message)
        self.validate = QPushButton(self.tr("&Valider le questionnaire (Ctrl+Entrée)"))
        self.validate.clicked.connect(self.finish)
        self.table.validate_requested.connect(self.finish)
        right.addWidget(self.validate)
        layout.addLayout(right, 3)
        self._rekey_row: int | None = None
        self._show_rekey(False)
        self.refresh()

    def refresh(self) -> None:
        self.forms.blockSignals(True)
        self.forms.clear()
        for form in self.double.to_resolve(self.package.id):
            item = QListWidgetItem(self.tr("N° %1").replace("%1", form.number))
            item.setData(Qt.ItemDataRole.UserRole, form.id)
            self.forms.addItem(item)
        self.forms.blockSignals(False)
        if self.forms.count():
            self.forms.setCurrentRow(0)
            self._on_form_chosen(self.forms.currentItem(), None)
        else:
            self.form = None
            self.table.setRowCount(0)
            self.title.setText(self.tr("Aucun questionnaire à trancher."))
        self.validate.setEnabled(self.form is not None)

    def _on_form_chosen(self, item: QListWidgetItem | None, _previous: Any) -> None:
        if item is None:
            return
        self.form = self.double.paper.form(int(item.data(Qt.ItemDataRole.UserRole)))
        self.title.setText(self.tr("Questionnaire n° %1 — saisi par %2, vérifié par %3")
                           .replace("%1", self.form.number).replace("%2", self.form.keyer)
                           .replace("%3", self.form.verifier or ""))
        self._fill()
        self.table.setCurrentCell(0, 0)
        self.table.setFocus()

    def _flow(self) -> KeyingFlow:
        """A keying flow on the first keying's values: shows codes and reads a re-keyed value."""
        return KeyingFlow(self.package.questionnaire, self.double.paper.first_values(self.form.id),  # type: ignore[arg-type]
                          lambda _k, _v: None)

    def _fill(self) -> None:
        flow = self._flow()
        labels = {Resolution.FIRST: self.tr("1re gardée"), Resolution.SECOND: self.tr("2e gardée"),
                  Resolution.REKEY: self.tr("ressaisie : %1")}
        rows = self.double.differences(self.form.id)
        self.table.setRowCount(len(rows))
        numbers = {item.name: n for n, item in enumerate(
            [i for top in flow.questionnaire.items for i in top.walk() if i.is_input], start=1)}
        for row, diff in enumerate(rows):
            label = flow.session.label(diff.name)
            decision = labels.get(diff.resolution, self.tr("à trancher")) if diff.resolution else self.tr("à trancher")
            if diff.resolution is Resolution.REKEY:
                decision = decision.replace("%1", _shown(flow, diff.name, diff.final) or self.tr("vide"))
            tag = question_tag(numbers.get(diff.name.split("[")[0], 0), diff.name)
            cells = [f"{tag}. {label}", _shown(flow, diff.name, diff.first),
                     _shown(flow, diff.name, diff.second), decision]
            for column, text in enumerate(cells):
                self.table.setItem(row, column, QTableWidgetItem(text or "—"))
        self._differences = rows

    def _on_decided(self, row: int, choice: str) -> None:
        resolution = Resolution(choice)
        if resolution is Resolution.REKEY:
            self._rekey_row = row
            self._show_rekey(True)
            self.rekey.clear()
            self.rekey.setFocus()
            return
        self._resolve(row, resolution)

    def _on_rekeyed(self) -> None:
        if self._rekey_row is None:
            return
        row = self._rekey_row
        diff = self._differences[row]
        flow = self._flow()
        try:
            value = flow.parse(diff.name, self.rekey.text())
            flow.session.set_answer(diff.name, value)
            value = flow.session.answer(diff.name)
        except EtudesError as exc:
            self._say(str(exc), "error")
            return
        self._resolve(row, Resolution.REKEY, value)

    def _resolve(self, row: int, resolution: Resolution, value: Any = None) -> None:
        try:
            self.double.resolve(self.form.id, self._differences[row].name, resolution, self.operator, value)
        except EtudesError as exc:
            self._say(str(exc), "error")
            return
        self._rekey_row = None
        self._show_rekey(False)
        self._fill()
        self._say("", "")
        self.table.setFocus()
        self.table.setCurrentCell(min(row + 1, self.table.rowCount() - 1), 0)

    def _show_rekey(self, shown: bool) -> None:
        self.rekey_label.setVisible(shown)
        self.rekey.setVisible(shown)

    def finish(self) -> None:
        if self.form is None:
            return
        try:
            form = self.double.finish_resolution(self.form.id, self.package.questionnaire, self.operator)  # type: ignore[arg-type]
        except EtudesError as exc:
            self._say(str(exc), "error")
            return
        self._say(self.tr("Questionnaire n° %1 validé : il partira à la prochaine synchronisation.")
                  .replace("%1", form.number), "ok")
        emit(self.resolved, form)
        message = self.message.text()
        self.refresh()
        self._say(message, "ok")

    def _say(self, text: str, role: str) -> None:
        self.message.setText(text)
        set_role(self.message, role)


def _shown(flow: KeyingFlow, key: str, value: Any) -> str:
    if value is None:
        return ""
    try:
        flow.session.set_answer(key, value)
    except EtudesError:
        return str(value)
    return flow.shown(key)
