"""Group questions by a show of hands: a count per choice, with the number of participants present."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from etudes_desktop.core.errors import EtudesError
from etudes_desktop.core.study import StudyPackage
from etudes_desktop.gui.interview.signals import emit
from etudes_desktop.gui.style import set_role
from etudes_desktop.storage.groups import GroupService


class HandsPage(QWidget):
    saved = Signal()

    def __init__(self, groups: GroupService, session_id: str, package: StudyPackage, language: str = "fr",
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.groups, self.session_id, self.package, self.language = groups, session_id, package, language
        self.questionnaire = package.questionnaire
        items = self.questionnaire.item_index()
        self.questions = [items[name] for name in package.group.questions if name in items]
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        label = QLabel(self.tr("&Question posée au groupe :"))
        self.question = QComboBox()
        for item in self.questions:
            self.question.addItem(self.questionnaire.text(item.label, language) or item.name, item.name)
        label.setBuddy(self.question)
        self.question.currentIndexChanged.connect(self._build)
        top.addWidget(label)
        top.addWidget(self.question, 1)
        layout.addLayout(top)
        self.present = QLabel()
        layout.addWidget(self.present)
        self.form_host = QWidget()
        self.form = QFormLayout(self.form_host)
        layout.addWidget(self.form_host)
        self.save_button = QPushButton(self.tr("&Enregistrer le décompte"))
        self.save_button.clicked.connect(self.save)
        layout.addWidget(self.save_button)
        self.message = QLabel()
        self.message.setWordWrap(True)
        layout.addWidget(self.message)
        layout.addStretch(1)
        self.spins: dict[str, QSpinBox] = {}
        if not self.questions:
            self.present.setText(self.tr("Le guide de l'étude ne prévoit aucune question à main levée (group_questions)."))
            self.save_button.setEnabled(False)
        self._build()

    def _build(self) -> None:
        while self.form.rowCount():
            self.form.removeRow(0)
        self.spins = {}
        present = len(self.groups.taking_part(self.session_id))
        if not self.questions:
            return
        self.present.setText(self.tr("Participants présents qui ont accepté : %1").replace("%1", str(present)))
        item = self.questions[self.question.currentIndex()]
        stored = self.groups.counts(self.session_id).get(item.name, (present, {}))[1]
        for choice in self.questionnaire.choices_for(item):
            spin = QSpinBox()
            spin.setRange(0, 99)
            spin.setValue(int(stored.get(choice.name, 0)))
            spin.lineEdit().returnPressed.connect(self.save)
            label = self.questionnaire.text(choice.label, self.language) or choice.name
            self.form.addRow(f"{label} :", spin)
            self.spins[choice.name] = spin

    def refresh(self) -> None:
        self._build()

    def save(self) -> None:
        if not self.questions:
            return
        item = self.questions[self.question.currentIndex()]
        try:
            count = self.groups.record_count(self.session_id, self.package, item.name,
                                             {name: spin.value() for name, spin in self.spins.items()})
        except EtudesError as exc:
            self.message.setText(str(exc))
            set_role(self.message, "error")
            return
        self.message.setText(self.tr("Décompte enregistré : %1 mains levées pour %2 présents.")
                             .replace("%1", str(sum(count.counts.values()))).replace("%2", str(count.present)))
        set_role(self.message, "ok")
        emit(self.saved)
