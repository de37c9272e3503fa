"""The studies in the vault: a list to pick one from, and the import buttons."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QListView, QListWidget, QListWidgetItem, QPushButton, QVBoxLayout, QWidget

from etudes_desktop.gui.views.labels import group_digits
from etudes_desktop.storage.browse import StudySummary

STUDY_ID_ROLE = Qt.ItemDataRole.UserRole


class StudiesPanel(QWidget):
    """Layout only: shows the summaries it is given and reports the selection and clicks."""

    study_selected = Signal(str)  # study id, "" when none
    import_study_clicked = Signal()
    import_sample_clicked = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        title = QLabel(self.tr("Études"), self)
        title.setProperty("role", "subtitle")
        title.setStyleSheet("font-weight: bold;")
        self.list = QListWidget(self)
        self.list.setObjectName("study_list")
        self.list.setResizeMode(QListView.ResizeMode.Adjust)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.setTextElideMode(Qt.TextElideMode.ElideRight)  # the tooltip holds the whole title
        self.list.setSpacing(3)
        self.list.setStyleSheet("QListWidget#study_list::item { padding: 6px 4px; }")
        self.empty_label = QLabel(self.tr("Aucune étude dans le coffre. Importez le questionnaire (XLSForm) "
                                          "ou le paquet d'étude reçu du responsable d'étude."), self)
        self.empty_label.setObjectName("study_empty")
        self.empty_label.setWordWrap(True)
        self.import_study_button = QPushButton(self.tr("Importer une étude…"), self)
        self.import_study_button.setObjectName("import_study")
        self.import_sample_button = QPushButton(self.tr("Importer un échantillon…"), self)
        self.import_sample_button.setObjectName("import_sample")
        layout.addWidget(title)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.empty_label)
        layout.addWidget(self.import_study_button)
        layout.addWidget(self.import_sample_button)
        self.list.currentItemChanged.connect(self._on_current_changed)
        self.import_study_button.clicked.connect(self.import_study_clicked)
        self.import_sample_button.clicked.connect(self.import_sample_clicked)
        self.show_studies([])

    def show_studies(self, studies: list[StudySummary], keep: str | None = None) -> None:
        """Replace the list; select `keep` if present, else the first study."""
        self.list.blockSignals(True)
        self.list.clear()
        for study in studies:
            item = QListWidgetItem(self._text(study))
            item.setData(STUDY_ID_ROLE, study.id)
            item.setToolTip(study.title + "\n" + self.tr("Identifiant %1, version %2").replace("%1", study.id)
                            .replace("%2", study.version))
            self.list.addItem(item)
        self.list.blockSignals(False)
        self.empty_label.setVisible(not studies)
        self.list.setVisible(bool(studies))
        ids = [s.id for s in studies]
        target = keep if keep in ids else (ids[0] if ids else None)
        if target is None:
            self.import_sample_button.setEnabled(False)
            self.study_selected.emit("")
        else:
            self.select(target)

    def _text(self, study: StudySummary) -> str:
        people = group_digits(study.counters.respondents)
        line = self.tr("%1 personnes · v%2").replace("%1", people).replace("%2", study.version)
        if study.closed_at:
            line += " · " + self.tr("close")
        return f"{study.title}\n{line}"

    def select(self, study_id: str) -> None:
        for row in range(self.list.count()):
            if self.list.item(row).data(STUDY_ID_ROLE) == study_id:
                if self.list.currentRow() == row:
                    self._on_current_changed(self.list.item(row), None)
                else:
                    self.list.setCurrentRow(row)
                return

    def current_study_id(self) -> str:
        item = self.list.currentItem()
        return item.data(STUDY_ID_ROLE) if item is not None else ""

    def study_titles(self) -> list[str]:
        return [self.list.item(r).text().split("\n")[0] for r in range(self.list.count())]

    def _on_current_changed(self, current: QListWidgetItem | None, _previous: object) -> None:
        study_id = current.data(STUDY_ID_ROLE) if current is not None else ""
        self.import_sample_button.setEnabled(bool(study_id))
        self.study_selected.emit(study_id)
