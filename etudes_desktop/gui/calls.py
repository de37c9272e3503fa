"""Phone calls that lead to no interview (AAPOR dispositions) and the callback list."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, time, timedelta

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from etudes_desktop.core.calls.dispositions import BY_KEY, RECORDABLE
from etudes_desktop.core.calls.territory import Territory, local_time, utc_offset_label
from etudes_desktop.core.errors import EtudesError
from etudes_desktop.core.interview import CallOutcome, aapor_code
from etudes_desktop.core.questionnaire import ItemType
from etudes_desktop.gui.interview.formats import PLACEHOLDERS, from_display
from etudes_desktop.gui.interview.labels import callback_columns, disposition_label, outcome_label
from etudes_desktop.gui.interview.signals import emit
from etudes_desktop.gui.style import set_role
from etudes_desktop.storage.contact_list import RespondentBrief
from etudes_desktop.storage.interviews import Callback, Interviewer, InterviewStore


def _local_now() -> datetime:
    return datetime.now().astimezone()


OTHER = "other"  # the "0  Autre issue" choice: the disposition comes from its list


class CallOutcomeDialog(QDialog):
    """One outcome (digit keys pick it); an appointment needs a date and time, in the person's time."""

    def __init__(self, store: InterviewStore, study_id: str, respondent: RespondentBrief, interviewer: Interviewer, *,
                 now: Callable[[], datetime] = _local_now, began_at: datetime | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store, self.study_id, self.respondent, self.interviewer = store, study_id, respondent, interviewer
        self._now = now
        self.began_at = began_at or now()  # the call's duration runs from here to "Enregistrer"
        self.territory = store.calls.territory(respondent.id)
        self.attempt_id: int | None = None
        self.setWindowTitle(self.tr("Appel sans entretien"))
        self.setMinimumWidth(600)
        self._build()
        self._connect_signals()
        self._on_outcome_changed()

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        title = QLabel(self.tr("Issue de l'appel"), self)
        title.setProperty("role", "title")
        who = QLabel(f"{self.respondent.name} — {self.respondent.sample_id}   {self.respondent.phone}", self)
        who.setProperty("role", "subtitle")
        local = local_time(self.territory, self._now())
        self.local_label = QLabel(self.tr("Heure locale de la personne : %1 (%2, %3)").replace(
            "%1", local.strftime("%H:%M")).replace("%2", self.territory.name_fr).replace(
            "%3", utc_offset_label(self.territory, local)), self)
        for widget in (title, who, self.local_label):
            layout.addWidget(widget)
        self.outcome_group = QButtonGroup(self)
        self.outcome_buttons: dict[str, QRadioButton] = {}
        for position, outcome in enumerate(CallOutcome):
            self._add_outcome(layout, outcome.value, f"&{position + 1}  {outcome_label(outcome)}", aapor_code(outcome))
        self.other_combo = QComboBox(self)
        self.other_combo.setObjectName("other_outcome")
        self.other_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        for found in RECORDABLE:
            if found.key not in {o.value for o in CallOutcome}:
                self.other_combo.addItem(f"{disposition_label(found.key)}  (AAPOR {found.aapor})", found.key)
        self._add_outcome(layout, OTHER, self.tr("&0  Autre issue :"), None, self.other_combo)
        # Typed as the interview's own date fields: 05/12/2026 14:30, 05122026 1430, 05-12-2026 14h30.
        self.appointment_edit = QLineEdit(self)
        self.appointment_edit.setObjectName("appointment_edit")
        self.appointment_edit.setPlaceholderText(PLACEHOLDERS[ItemType.DATETIME])
        tomorrow = datetime.combine(local.date() + timedelta(days=1), time(10, 0))
        self.appointment_edit.setText(tomorrow.strftime("%d/%m/%Y %H:%M"))
        self.appointment_edit.setMinimumWidth(self.appointment_edit.fontMetrics().horizontalAdvance("00/00/0000 00:00") + 24)
        appointment_row = QHBoxLayout()
        self.appointment_label = QLabel(self.tr("&Rendez-vous le (heure de la personne) :"), self,
                                        buddy=self.appointment_edit)
        appointment_row.addWidget(self.appointment_label)
        appointment_row.addWidget(self.appointment_edit)
        appointment_row.addStretch(1)
        layout.addLayout(appointment_row)
        self.refusal_label = QLabel(self.tr("Un refus est définitif : la personne ne sera plus appelée pour cette étude."), self)
        self.refusal_label.setProperty("role", "warn")
        self.refusal_label.setWordWrap(True)
        layout.addWidget(self.refusal_label)
        self.error_label = QLabel("", self)
        self.error_label.setWordWrap(True)
        set_role(self.error_label, "error")
        layout.addWidget(self.error_label)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self)
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setText(self.tr("&Enregistrer l'appel"))
        set_role(self.save_button, "primary")
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Annuler"))
        layout.addWidget(self.buttons)

    def _add_outcome(self, layout: QVBoxLayout, key: str, text: str, code: str | None,
                     extra: QWidget | None = None) -> None:
        button = QRadioButton(text, self)
        row = QHBoxLayout()
        row.addWidget(button)
        if extra is not None:
            row.addWidget(extra, 1)
        row.addStretch(1)
        if code is not None:
            button.setToolTip(self.tr("Code AAPOR %1").replace("%1", code))
            label = QLabel(self.tr("AAPOR %1").replace("%1", code), self)
            label.setProperty("role", "subtitle")
            row.addWidget(label)
        layout.addLayout(row)
        self.outcome_group.addButton(button)
        self.outcome_buttons[key] = button

    def _connect_signals(self) -> None:
        self.outcome_group.buttonToggled.connect(self._on_outcome_changed)
        self.other_combo.activated.connect(self._on_other_picked)
        self.buttons.accepted.connect(self._on_save)
        self.buttons.rejected.connect(self.reject)

    def outcome(self) -> CallOutcome | str | None:
        """The disposition chosen (a CallOutcome, else a key of core.calls.dispositions), None before any choice."""
        key = next((k for k, b in self.outcome_buttons.items() if b.isChecked()), None)
        if key == OTHER:
            return self.other_combo.currentData()
        return CallOutcome(key) if key is not None else None

    def set_outcome(self, outcome: CallOutcome | str) -> None:
        key = str(getattr(outcome, "value", outcome))
        if key in self.outcome_buttons:
            self.outcome_buttons[key].setChecked(True)
            return
        self.other_combo.setCurrentIndex(self.other_combo.findData(key))
        self.outcome_buttons[OTHER].setChecked(True)

    def set_appointment(self, moment: datetime) -> None:
        self.appointment_edit.setText(local_time(self.territory, moment).strftime("%d/%m/%Y %H:%M"))

    def appointment_at(self) -> datetime | None:
        """The typed date and time (the person's time), None when either is missing or no real date."""
        text = " ".join(self.appointment_edit.text().split())
        if " " not in text:
            return None  # a date without its time is no appointment
        try:
            typed = datetime.fromisoformat(from_display(ItemType.DATETIME, text)).replace(tzinfo=None)
        except (TypeError, ValueError):
            return None
        return typed.replace(tzinfo=self.territory.tz)

    def _on_other_picked(self, *_: object) -> None:
        self.outcome_buttons[OTHER].setChecked(True)
        self._on_outcome_changed()

    def _on_outcome_changed(self, *_: object) -> None:
        outcome = self.outcome()
        appointment = outcome is not None and BY_KEY[outcome].appointment is not None
        self.appointment_edit.setEnabled(appointment)
        self.appointment_label.setEnabled(appointment)
        self.refusal_label.setVisible(outcome in ("refusal", "household_refusal"))
        self.save_button.setEnabled(outcome is not None)
        self.error_label.clear()

    def _on_save(self) -> None:
        outcome = self.outcome()
        if outcome is None:
            return
        wants_appointment = BY_KEY[outcome].appointment is not None
        appointment = self.appointment_at() if wants_appointment else None
        if wants_appointment and appointment is None:
            self.error_label.setText(self.tr("Date et heure du rendez-vous non reconnues : tapez par exemple "
                                             "05/12/2026 14:30."))
            self.appointment_edit.setFocus()
            return
        if appointment is not None and appointment <= self._now():
            self.error_label.setText(self.tr("Le rendez-vous doit être dans le futur."))
            return
        duration = max(0, int((self._now() - self.began_at).total_seconds()))
        try:
            self.attempt_id = self.store.record_call(self.study_id, self.respondent.id, outcome,
                                                     self.interviewer.pseudonym, appointment,
                                                     duration_seconds=duration)
        except EtudesError as exc:
            self.error_label.setText(str(exc)[:1].upper() + str(exc)[1:] + ".")
            return
        self.accept()

    def keyPressEvent(self, event: object) -> None:  # noqa: N802 - Qt override: digits pick an outcome
        text = event.text()  # type: ignore[attr-defined]
        outcomes = [o.value for o in CallOutcome]
        if text.isdigit() and not self.appointment_edit.hasFocus():
            if text == "0":
                self.outcome_buttons[OTHER].setChecked(True)
                self.other_combo.setFocus()
                return
            if int(text) <= len(outcomes):
                self.set_outcome(outcomes[int(text) - 1])
                return
        super().keyPressEvent(event)  # type: ignore[arg-type]

    @classmethod
    def record(cls, store: InterviewStore, study_id: str, respondent: RespondentBrief, interviewer: Interviewer,
               parent: QWidget | None = None, began_at: datetime | None = None) -> int | None:
        dialog = cls(store, study_id, respondent, interviewer, began_at=began_at, parent=parent)
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

    def show_callbacks(self, callbacks: list[Callback], people: dict[int, RespondentBrief],
                       places: dict[int, Territory] | None = None) -> None:
        """Fill the table from the store's callbacks, the respondents' briefs and their territories."""
        self.table.setRowCount(len(callbacks))
        self.rows = [c.respondent_id for c in callbacks]
        now = self._now()
        for row, callback in enumerate(callbacks):
            person = people.get(callback.respondent_id)
            moment = datetime.fromisoformat(callback.appointment_at)
            shown = moment.astimezone(now.tzinfo).strftime("%d/%m/%Y %H:%M")
            if moment < now:
                shown += self.tr("  (en retard)")
            place = (places or {}).get(callback.respondent_id)
            theirs = self.tr("même heure")
            if place is not None and local_time(place, moment).utcoffset() != moment.astimezone(now.tzinfo).utcoffset():
                theirs = f"{local_time(place, moment):%H:%M}" + (
                    f" ({place.name_fr})" if place.zone != "Europe/Paris" else "")
            kind = self.tr("précis") if callback.kind == "hard" else self.tr("approximatif")
            cells = (shown, person.name if person else "", person.phone if person else "",
                     person.sample_id if person else "", theirs, kind)
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
        ids = [c.respondent_id for c in callbacks]
        self.show_callbacks(callbacks, contact_list.briefs(vault, ids), {i: store.calls.territory(i) for i in ids})

    def cell(self, row: int, column: int) -> str:
        item = self.table.item(row, column)
        return item.text() if item else ""

    def _on_call(self, *_: object) -> None:
        row = self.table.currentRow()
        if 0 <= row < len(self.rows):
            emit(self.call_requested, self.rows[row])
