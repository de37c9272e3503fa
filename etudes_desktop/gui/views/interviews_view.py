"""The interviews of the selected study with their state; drafts can be resumed from here."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from etudes_desktop.core.interview import OPEN, SYNC_PROBLEMS, State, values
from etudes_desktop.gui.views.labels import (
    group_digits,
    interview_state_label,
    mode_label,
    short_datetime,
    state_colour,
)
from etudes_desktop.gui.views.respondents_model import Column, PagedTableModel
from etudes_desktop.gui.views.tables import list_table
from etudes_desktop.storage.browse import COMPLETED_STATES, WAITING_SYNC_STATES, InterviewRow


def interview_columns() -> list[Column[InterviewRow]]:
    return [
        Column(QCoreApplication.translate("InterviewsModel", "Personne"), lambda r: r.respondent_name or QCoreApplication.translate("InterviewsModel", "(sans nom)")),
        Column(QCoreApplication.translate("InterviewsModel", "Mode"), lambda r: mode_label(r.mode)),
        Column(QCoreApplication.translate("InterviewsModel", "État"), lambda r: interview_state_label(r.state), lambda r: state_colour(r.state)),
        Column(QCoreApplication.translate("InterviewsModel", "Avancement"), _progress),
        Column(QCoreApplication.translate("InterviewsModel", "Modifié le"), lambda r: short_datetime(r.updated_at)),
    ]


def _progress(row: InterviewRow) -> str:
    """A draft's pages done out of the pages the person sees (as last seen on screen)."""
    if row.state != State.DRAFT or not row.pages_total:
        return ""
    return QCoreApplication.translate("InterviewsModel", "%1 / %2 pages").replace("%1", str(row.pages_done or 0)).replace("%2", str(row.pages_total))


class InterviewsModel(PagedTableModel[InterviewRow]):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(interview_columns(), parent)


class InterviewsView(QWidget):
    """State filter, the table (most recent first), and "Reprendre" for a draft."""

    filters_changed = Signal()
    resume_requested = Signal(str)  # interview id
    discard_requested = Signal(str)  # interview id (a draft), after the interviewer confirmed

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = InterviewsModel(self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        bar = QHBoxLayout()
        self.state_combo = QComboBox(self)
        self.state_combo.setObjectName("interview_state")
        self.state_combo.addItem(self.tr("Tous les entretiens"), ())
        self.state_combo.addItem(self.tr("Brouillons"), values(OPEN))
        self.state_combo.addItem(self.tr("Terminés"), COMPLETED_STATES)
        self.state_combo.addItem(self.tr("À synchroniser"), WAITING_SYNC_STATES)
        self.state_combo.addItem(self.tr("Refusés ou en conflit"), values(SYNC_PROBLEMS))
        self.state_combo.addItem(self.tr("Oppositions"), (State.OBJECTED.value,))
        self.state_combo.addItem(self.tr("Abandonnés"), (State.ABANDONED.value,))
        self.count_label = QLabel(self)
        self.count_label.setObjectName("interview_count")
        self.count_label.setProperty("role", "subtitle")
        bar.addWidget(self.count_label, 1)
        bar.addWidget(self.state_combo)
        layout.addLayout(bar)
        self.table = list_table(self, "interview_table", self.model)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)  # the person takes what is left
        metrics = self.fontMetrics()
        for column, sample in ((1, mode_label("face_to_face")), (2, interview_state_label(State.REJECTED)),
                               (3, QCoreApplication.translate("InterviewsModel", "%1 / %2 pages").replace("%1", "00").replace("%2", "00")),
                               (4, "00/00/0000 00:00")):
            header.resizeSection(column, metrics.horizontalAdvance(sample) + 18)
        layout.addWidget(self.table, 1)
        buttons = QHBoxLayout()
        self.discard_button = QPushButton(self.tr("&Abandonner le brouillon…"), self)
        self.discard_button.setObjectName("discard_interview")
        self.discard_confirm = QLabel(self.tr("Ses réponses seront effacées et la personne redeviendra « à contacter »."),
                                      self)
        self.discard_confirm.setProperty("role", "warn")
        self.discard_confirm_button = QPushButton(self.tr("&Confirmer l'abandon"), self)
        self.discard_cancel_button = QPushButton(self.tr("A&nnuler"), self)
        for widget in (self.discard_button, self.discard_confirm, self.discard_confirm_button,
                       self.discard_cancel_button):
            buttons.addWidget(widget)
        buttons.addStretch(1)
        self.resume_button = QPushButton(self.tr("Reprendre le brouillon"), self)
        self.resume_button.setObjectName("resume_interview")
        self.resume_button.setProperty("role", "primary")
        buttons.addWidget(self.resume_button)
        layout.addLayout(buttons)
        self._connect_signals()
        self._on_selection_changed()

    def _connect_signals(self) -> None:
        self.state_combo.currentIndexChanged.connect(self._on_state_changed)
        self.table.selectionModel().selectionChanged.connect(self._on_selection_changed)
        self.model.modelReset.connect(self._on_selection_changed)
        self.table.activated.connect(self._on_resume_clicked)  # double click, or Enter on a row
        self.resume_button.clicked.connect(self._on_resume_clicked)
        self.discard_button.clicked.connect(lambda: self._show_discard_confirmation(True))
        self.discard_cancel_button.clicked.connect(lambda: self._show_discard_confirmation(False))
        self.discard_confirm_button.clicked.connect(self._on_discard_confirmed)

    def state_filter(self) -> tuple[str, ...]:
        value = self.state_combo.currentData()
        return tuple(value) if value else ()

    def set_state_filter(self, *states: str) -> None:
        for index in range(self.state_combo.count()):
            if tuple(self.state_combo.itemData(index) or ()) == tuple(states):
                self.state_combo.setCurrentIndex(index)
                return
        raise ValueError(f"no state filter for {states}")

    def show_count(self, shown: int) -> None:
        noun = self.tr("entretien") if shown <= 1 else self.tr("entretiens")
        self.count_label.setText(f"{group_digits(shown)} {noun}")

    def selected_interview(self) -> InterviewRow | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.row_at(rows[0].row()) if rows else None

    def _on_state_changed(self, _index: int) -> None:
        self.filters_changed.emit()

    def _on_selection_changed(self, *_args: object) -> None:
        interview = self.selected_interview()
        draft = interview is not None and interview.state == State.DRAFT
        self.resume_button.setEnabled(draft)
        self.discard_button.setEnabled(draft)
        self._show_discard_confirmation(False)

    def _show_discard_confirmation(self, shown: bool) -> None:
        """A second, explicit click: the answers are erased for good."""
        for widget in (self.discard_confirm, self.discard_confirm_button, self.discard_cancel_button):
            widget.setVisible(shown)
        self.discard_button.setVisible(not shown)
        if shown:
            self.discard_cancel_button.setFocus()

    def _on_discard_confirmed(self) -> None:
        interview = self.selected_interview()
        self._show_discard_confirmation(False)
        if interview is not None and interview.state == State.DRAFT:
            self.discard_requested.emit(interview.id)

    def _on_resume_clicked(self, *_args: object) -> None:
        interview = self.selected_interview()
        if interview is not None and interview.state == State.DRAFT:
            self.resume_requested.emit(interview.id)
