"""Opening paper keying: the operator's profile and commitment, then a batch to resume or a new
one (date, rate of double entry), then the keying window."""

from __future__ import annotations

import datetime as _dt
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QCheckBox,
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
from etudes_desktop.core.paper.verification import format_rate, parse_rate
from etudes_desktop.gui.style import set_role
from etudes_desktop.storage.paper import PaperService


class BatchDialog(QDialog):
    """Resume one of the operator's batches, or open a new one; `batch_id` is the choice."""

    def __init__(self, paper: PaperService, study_id: str, operator: str, today: _dt.date,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.paper, self.study_id, self.operator = paper, study_id, operator
        self.batch_id: str | None = None
        self.setWindowTitle(self.tr("Lots de questionnaires papier"))
        self.resize(900, 480)
        layout = QHBoxLayout(self)
        left = QVBoxLayout()
        left.addWidget(QLabel(self.tr("Lots de l'étude :")))
        self.batches = QListWidget()
        for batch in paper.batches(study_id):
            text = self.tr("%1 · %2 · %n questionnaire(s)", "", batch.forms).replace("%1", batch.keyed_on) \
                .replace("%2", batch.operator)
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, batch.id)
            self.batches.addItem(item)
        self.batches.itemActivated.connect(self._resume)
        left.addWidget(self.batches, 1)
        self.resume_button = QPushButton(self.tr("&Reprendre le lot"))
        self.resume_button.clicked.connect(lambda: self._resume(self.batches.currentItem()))
        self.resume_button.setEnabled(self.batches.count() > 0)
        left.addWidget(self.resume_button)
        layout.addLayout(left, 1)
        right = QVBoxLayout()
        right.addWidget(QLabel(self.tr("Nouveau lot, saisi par %1 :").replace("%1", operator)))
        form = QFormLayout()
        self.date = QDateEdit(QDate(today.year, today.month, today.day))
        self.date.setDisplayFormat("dd/MM/yyyy")
        form.addRow(self.tr("&Date :"), self.date)
        self.rate = QLineEdit(format_rate(paper.study_rate(study_id)))
        self.rate.setToolTip(self.tr("« 1/5 » : un questionnaire sur cinq ; « 20 % » : un sur cinq tiré au hasard"))
        form.addRow(self.tr("Double &saisie :"), self.rate)
        self.for_study = QCheckBox(self.tr("Taux de l'é&tude pour les prochains lots"))
        form.addRow("", self.for_study)
        right.addLayout(form)
        self.message = QLabel()
        self.message.setWordWrap(True)
        right.addWidget(self.message)
        right.addStretch(1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.create_button = buttons.addButton(self.tr("Ouvrir le &lot"), QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.accepted.connect(self._create)
        buttons.rejected.connect(self.reject)
        right.addWidget(buttons)
        layout.addLayout(right, 1)

    def _resume(self, item: QListWidgetItem | None) -> None:
        if item is not None:
            self.batch_id = str(item.data(Qt.ItemDataRole.UserRole))
            self.accept()

    def _create(self) -> None:
        day = self.date.date()
        try:
            rate = parse_rate(self.rate.text())
            if self.for_study.isChecked():
                self.paper.set_study_rate(self.study_id, rate)
            self.batch_id = self.paper.create_batch(self.study_id, self.operator,
                                                    _dt.date(day.year(), day.month(), day.day()), rate)
        except EtudesError as exc:
            self.message.setText(str(exc))
            set_role(self.message, "error")
            return
        self.accept()


def open_paper_keying(vault: Any, study: Any, *, parent: QWidget | None = None,
                      ask_profile: Callable[..., Any] | None = None, ask_commitment: Callable[..., bool] | None = None,
                      ask_batch: Callable[[BatchDialog], bool] | None = None) -> Any:
    """Profile, commitment, the batch chosen; the keying window, shown (None if cancelled)."""
    from etudes_desktop.gui.paper.window import PaperWindow
    from etudes_desktop.gui.sign_in import sign_in
    from etudes_desktop.storage.interviews import InterviewStore
    from etudes_desktop.storage.paper_verify import DoubleEntry
    from etudes_desktop.storage.studies import load_study

    operator = sign_in(InterviewStore(vault), study, parent, ask_profile=ask_profile, ask_commitment=ask_commitment)
    if operator is None:
        return None
    package = load_study(vault, study.study_id)
    if package is None or package.questionnaire is None:
        return None
    double = DoubleEntry(vault)
    dialog = BatchDialog(double.paper, study.study_id, operator.pseudonym, _dt.date.today(), parent)
    chosen = (ask_batch or (lambda d: d.exec() == QDialog.DialogCode.Accepted))(dialog)
    if not chosen or dialog.batch_id is None:
        return None
    window = PaperWindow(double, dialog.batch_id, package, operator.pseudonym, parent)
    window.show()
    return window
