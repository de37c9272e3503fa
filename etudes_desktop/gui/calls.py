"""Phone calls that lead to no interview (AAPOR dispositions) and the callback list."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, time, timedelta

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView, QButtonGroup, QDialog, QDialogButtonBox, QHBoxLayout, QHeaderView, QLabel, QLineEdit,
    QPushButton, QRadioButton, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget,
)

from etudes_desktop.core.errors import EtudesError
from etudes_desktop.core.interview import CallOutcome, aapor_code
from etudes_desktop.core.questionnaire import ItemType
from etudes_desktop.gui.interview.formats import PLACEHOLDERS, from_display
from etudes_desktop.gui.interview.labels import callback_columns, outcome_label
from etudes_desktop.gui.style import set_role
from etudes_desktop.storage.contact_list import RespondentBrief
from etudes_desktop.storage.interviews import Callback, Interviewer, InterviewStore
from etudes_desktop.gui.interview.signals import emit


def _local_now() -> datetime:
    return datetime.now().astimezone()


class CallOutcomeDialog(QDialog):
    """One outcome (digit keys pick it); an appointment needs a date and time."""

    def __init__(self, store: InterviewStore, study_id: str, respondent: RespondentBrief, interviewer: Interviewer, *,
                 now: Callable[[], datetime] = _local_now, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store, self.study_id, self.respondent, self.interviewer = store, study_id, respondent, interviewer
        self._now = now
        self.attempt_id: int | None = None
        self.setWindowTitle(self.tr("Appel sans entretien"))
        self.setMinimumWidth(560)
        self._build()
        self._connect_signals()
        self._on_outcome_changed()

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        title = QLabel(self.tr("Issue de l'appel"), self)
        title.setProperty("role", "title")
        who = QLabel(f"{self.respondent.name} — {self.respondent.sample_id}   {self.respondent.phone}", self)
        who.setProperty("role", "subtitle")
        layout.addWidget(title)
        layout.addWidget(who)
        self.outcome_group = QButtonGroup(self)
        self.outcome_buttons: dict[CallOutcome, QRadioButton] = {}
        for position, outcome in enumerate(CallOutcome):
            text = f"&{position + 1}  {outcome_label(outcome)}"
            button = QRadioButton(text, self)
            button.setToolTip(self.tr("Code AAPOR %1").replace("%1", aapor_code(outcome)))
            code = QLabel(self.tr("AAPOR %1").replace("%1", aapor_code(outcome)), self)
            code.setProperty("role", "subtitle")
            row = QHBoxLayout()
            row.addWidget(button)
            row.addStretch(1)
            row.addWidget(code)
            layout.addLayout(row)
            self.outcome_group.addButton(button)
            self.outcome_buttons[outcome] = button
        # Typed as the interview's own date fields: 05/12/2026 14:30, 05122026 1430, 05-12-2026 14h30.
        self.appointment_edit = QLineEdit(self)
        self.appointment_edit.setObjectName("appointment_edit")
        self.appointment_edit.setPlaceholderText(PLACEHOLDERS[ItemType.DATETIME])
        tomorrow = datetime.combine(self._now().date() + timedelta(days=1), time(10, 0))
        self.appointment_edit.setText(tomorrow.strftime("%d/%m/%Y %H:%M"))
        self.appointment_edit.setMinimumWidth(self.appointment_edit.fontMetrics().horizontalAdvance("00/00/0000 00:00") + 24)
        appointment_row = QHBoxLayout()
        self.appointment_label = QLabel(self.tr("&Rendez-vous le :"), self, buddy=self.appointment_edit)
        appointment_row.addWidget(self.appointment_label)
        appointment_row.addWidget(self.appointment_edit)
        appointment_row.addStretch(1)
        layout.addLayout(appointment_row)
        self.refusal_label = QLabel(self.tr("Un refus est définitif : la personne ne sera plus appelée pour cette étude."), self)
        self.refusal_label.setProperty("role", "warn")
        self.refusal_label.setWordWrap(True)
        layout.addWidget(self.refusal_label)
        self.error_label = QLabel("", self)
        set_role(self.error_label, "error")
        layout.addWidget(self.error_label)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self)
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setText(self.tr("&Enregistrer l'appel"))
        set_role(self.save_button, "primary")
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Annuler"))
        layout.addWidget(self.buttons)

    def _connect_signals(self) -> None:
        self.outcome_group.buttonToggled.connect(self._on_outcome_changed)
        self.buttons.accepted.connect(self._on_save)
        self.buttons.rejected.connect(self.reject)

    def outcome(self) -> CallOutcome | None:
        return next((o for o, b in self.outcome_buttons.items() if b.isChecked()), None)

    def set_outcome(self, outcome: CallOutcome) -> None:
        self.outcome_buttons[CallOutcome(outcome)].setChecked(True)

    def set_appointment(self, moment: datetime) -> None:
        self.appointment_edit.setText(moment.astimezone(self._now().tzinfo).strftime("%d/%m/%Y %H:%M"))

    def appointment_at(self) -> datetime | None:
        """The typed date and time (local time), None when either is missing or no real date."""
        text = " ".join(self.appointment_edit.text().split())
        if " " not in text:
            return None  # a date without its time is no appointment
        try:
            return datetime.fromisoformat(from_display(ItemType.DATETIME, text)).astimezone()
        except (TypeError, ValueError):
            return None

    def _on_outcome_changed(self, *_: object) -> None:
        outcome = self.outcome()
        appointment = outcome is CallOutcome.APPOINTMENT
        self.appointment_edit.setEnabled(appointment)
        self.appointment_label.setEnabled(appointment)
        self.refusal_label.setVisible(outcome is CallOutcome.REFUSAL)
        self.save_button.setEnabled(outcome is not None)
        self.error_label.clear()

    def _on_save(self) -> None:
        outcome = self.outcome()
        if outcome is None:
            return
        appointment = self.appointment_at() if outcome is CallOutcome.APPOINTMENT else None
        if outcome is CallOutcome.APPOINTMENT and appointment is None:
            self.error_label.setText(self.tr("Date et heure du rendez-vous non reconnues : tapez par exemple "
                                             "05/12/2026 14:30."))
            self.appointment_edit.setFocus()
            return
        if appointment is not None and appointment <= self._now():
            self.error_label.setText(self.tr("Le rendez-vous doit être dans le futur."))
            return
        try:
            self.attempt_id = self.store.record_call(self.study_id, self.respondent.id, outcome,
                                                     self.interviewer.pseudonym, appointment)
        except EtudesError as exc:
            self.error_label.setText(str(exc))
            return
        self.accept()

    def keyPressEvent(self, event: object) -> None:  # noqa: N802 - Qt override: digits pick an outcome
        text = event.text()  # type: ignore[attr-defined]
        outcomes = list(CallOutcome)
        if text.isdigit() and 1 <= int(text) <= len(outcomes) and not self.appointment_edit.hasFocus():
            self.set_outcome(outcomes[int(text) - 1])
            return
        super().keyPressEvent(event)  # type: ignore[arg-type]

    @classmethod
    def record(cls, store: InterviewStore, study_id: str, respondent: RespondentBrief, interviewer: Interviewer,
               parent: QWidget | None = None) -> int | None:
        dialog = cls(store, study_id, respondent, interviewer, parent=parent)
        return dialog.attempt_id if dialog.exec() == QDialog.DialogCode.Accepted else None


class CallbackList(QWidget):
    """Appointments still due, soonest first; late ones flagged."""

    call_requested = Signal(int)  # respondent id

    def __init__(self, *, now: Callable[[], datetime] = _local_now, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._now = now
        self.setMinimumSize(640, 300)
        layout = QVBoxLayout(self)
        title = QLabel(self.tr("Rappels prévus"), self)
        title.setProperty("role", "title")
        self.table = QTableWidget(0, len(callback_columns()), self)
        self.table.setHorizontalHeaderLabels(callback_columns())
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.empty_label = QLabel(self.tr("Aucun rappel prévu."), self)
        self.call_button = QPushButton(self.tr("&Appeler cette personne"), self)
        set_role(self.call_button, "primary")
        for widget in (title, self.table, self.empty_label):
            layout.addWidget(widget)
        layout.addWidget(self.call_button, 0, Qt.AlignmentFlag.AlignRight)
        self.table.itemActivated.connect(self._on_call)
        self.call_button.clicked.connect(self._on_call)
        self.rows: list[int] = []

    def show_callbacks(self, callbacks: list[Callback], people: dict[int, RespondentBrief]) -> None:
        """Fill the table from the store's callbacks and the respondents' briefs."""
        self.table.setRowCount(len(callbacks))
        self.rows = [c.respondent_id for c in callbacks]
        now = self._now()
        for row, callback in enumerate(callbacks):
            person = people.get(callback.respondent_id)
            moment = datetime.fromisoformat(callback.appointment_at)
            shown = moment.astimezone(now.tzinfo).strftime("%d/%m/%Y %H:%M")
            if moment < now:
                shown += self.tr("  (en retard)")
            cells = (shown, person.name if person else "", person.phone if person else "", person.sample_id if person else "")
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if moment < now:
                    item.setForeground(Qt.GlobalColor.darkRed)
                self.table.setItem(row, column, item)
        self.table.setVisible(bool(callbacks))
        self.empty_label.setVisible(not callbacks)
        self.call_button.setEnabled(bool(callbacks))
        if callbacks:
            self.table.selectRow(0)

    def refresh(self, store: InterviewStore, vault: object, study_id: str) -> None:
        from etudes_desktop.storage import contact_list

        callbacks = store.callbacks(study_id)
        self.show_callbacks(callbacks, contact_list.briefs(vault, [c.respondent_id for c in callbacks]))

    def cell(self, row: int, column: int) -> str:
        item = self.table.item(row, column)
        return item.text() if item else ""

    def _on_call(self, *_: object) -> None:
        row = self.table.currentRow()
        if 0 <= row < len(self.rows):
            emit(self.call_requested, self.rows[row])
