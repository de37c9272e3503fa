"""Per-operator figures of the study's keying: forms, fields, forms per hour, errors per 1,000 fields."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from etudes_desktop.storage.paper_verify import DoubleEntry


class FiguresPanel(QWidget):
    def __init__(self, double: DoubleEntry, study_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.double, self.study_id = double, study_id
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr("Par opérateur, premières saisies et doubles saisies ensemble. Le temps compté va du "
                               "numéro du questionnaire à son dernier champ ; une erreur est une différence tranchée "
                               "contre l'opérateur."))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.table = QTableWidget(0, 6)
        self.table.setHorizontalHeaderLabels([
            self.tr("Opérateur"), self.tr("Questionnaires"), self.tr("Champs saisis"), self.tr("Questionnaires / heure"),
            self.tr("Erreurs"), self.tr("Erreurs pour 1 000 champs")])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        layout.addWidget(self.table, 1)
        self.refresh()

    def refresh(self) -> None:
        figures = self.double.figures(self.study_id)
        self.table.setRowCount(len(figures))
        for row, f in enumerate(figures):
            per_hour = f"{f.forms_per_hour:.1f}".replace(".", ",") if f.forms_per_hour is not None else "—"
            rate = f"{f.errors_per_thousand:.1f}".replace(".", ",") if f.errors_per_thousand is not None else "—"
            for column, text in enumerate([f.operator, str(f.forms), str(f.fields), per_hour, str(f.errors), rate]):
                self.table.setItem(row, column, QTableWidgetItem(text))
