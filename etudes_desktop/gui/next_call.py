""""Appel suivant" (F5) and the AAPOR rates of a study: two small windows over storage.calls.

`find_next_call` is the one service call both "Appel suivant" entries use (the workspace's F5
and the phone start dialog's button): who to call now, why, and the person's local time.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from etudes_desktop.core.calls.plan import NextCall, Rank
from etudes_desktop.core.calls.rates import RATE_NAMES, RatesReport
from etudes_desktop.core.calls.territory import utc_offset_label
from etudes_desktop.gui.interview.labels import disposition_label
from etudes_desktop.gui.interview.signals import emit
from etudes_desktop.gui.style import set_role
from etudes_desktop.storage.contact_list import RespondentBrief
from etudes_desktop.storage.handle import VaultHandle


@dataclass(frozen=True)
class NextCallInfo:
    """The scheduler's answer: the person to call (None: no one now) or when calling opens next."""

    call: NextCall | None
    person: RespondentBrief | None = None
    next_opening: datetime | None = None


def find_next_call(vault: VaultHandle, study_id: str, now: datetime | None = None) -> NextCallInfo:
    """Ask the scheduler (storage.calls) and read the person's brief (storage.contact_list)."""
    from etudes_desktop.storage import contact_list
    from etudes_desktop.storage.calls import CallService

    service = CallService(vault)
    moment = now or datetime.now(UTC)
    found = service.next_call(study_id, moment)
    if found is None:
        return NextCallInfo(None, next_opening=service.next_opening(study_id, moment))
    return NextCallInfo(found, contact_list.briefs(vault, [found.respondent_id]).get(found.respondent_id))


def reason_text(call: NextCall, viewer_tz: Any = None) -> str:
    """Why this person now, for the interviewer ("Rendez-vous précis à 14:30 (heure de la personne)")."""
    if call.rank in (Rank.HARD_APPOINTMENT, Rank.SOFT_APPOINTMENT) and call.appointment_at is not None:
        at = call.appointment_at.astimezone(call.territory.tz).strftime("%H:%M")
        text = (QCoreApplication.translate("NextCall", "Rendez-vous précis à %1 (heure de la personne)")
                if call.rank is Rank.HARD_APPOINTMENT
                else QCoreApplication.translate("NextCall", "Rendez-vous approximatif vers %1 (heure de la personne)"))
        return text.replace("%1", at)
    if call.rank is Rank.RETRY and call.last_disposition and call.last_at is not None:
        when = call.last_at.astimezone(viewer_tz).strftime("%d/%m %H:%M")
        text = QCoreApplication.translate("NextCall", "Nouvel essai : dernier appel le %1, %2")
        return text.replace("%1", when).replace("%2", disposition_label(call.last_disposition).lower())
    return QCoreApplication.translate("NextCall", "Premier appel")


def local_time_text(call: NextCall) -> str:
    """"Heure locale de la personne : 16:32 (La Réunion, UTC+4)"."""
    text = QCoreApplication.translate("NextCall", "Heure locale de la personne : %1 (%2, %3)")
    return (text.replace("%1", call.local_now.strftime("%H:%M")).replace("%2", call.territory.name_fr)
            .replace("%3", utc_offset_label(call.territory, call.local_now)))


class NextCallDialog(QDialog):
    """Who to call now and why; "Appeler" hands the person to the start dialog."""

    call_requested = Signal(int)  # respondent id

    def __init__(self, info: NextCallInfo, *, viewer_tz: Any = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.info = info
        self.setWindowTitle(self.tr("Appel suivant"))
        self.setMinimumWidth(520)
        layout = QVBoxLayout(self)
        title = QLabel(self.tr("Appel suivant"), self)
        title.setProperty("role", "title")
        self.person_label = QLabel(self)
        self.person_label.setProperty("role", "subtitle")
        self.reason_label = QLabel(self)
        self.reason_label.setWordWrap(True)
        self.local_label = QLabel(self)
        self.attempts_label = QLabel(self)
        self.attempts_label.setProperty("role", "subtitle")
        for widget in (title, self.person_label, self.reason_label, self.local_label, self.attempts_label):
            layout.addWidget(widget)
        layout.addStretch(1)
        self.buttons = QDialogButtonBox(self)
        self.call_button = self.buttons.addButton(self.tr("&Appeler cette personne"),
                                                  QDialogButtonBox.ButtonRole.AcceptRole)
        set_role(self.call_button, "primary")
        self.close_button = self.buttons.addButton(self.tr("Fermer"), QDialogButtonBox.ButtonRole.RejectRole)
        layout.addWidget(self.buttons)
        self._show(viewer_tz)
        self.buttons.accepted.connect(self._on_call)
        self.buttons.rejected.connect(self.reject)

    def _show(self, viewer_tz: Any) -> None:
        call, person = self.info.call, self.info.person
        if call is None:
            self.person_label.setText(self.tr("Aucune personne à appeler pour le moment."))
            opening = self.info.next_opening
            self.reason_label.setText(self.tr("Prochain créneau d'appel : %1").replace(
                "%1", opening.astimezone(viewer_tz).strftime("%d/%m/%Y %H:%M")) if opening else
                self.tr("Aucune personne ne reste à appeler dans cette étude."))
            self.local_label.clear()
            self.attempts_label.clear()
            self.call_button.setEnabled(False)
            self.close_button.setDefault(True)
            return
        name = person.name if person and person.name else self.tr("(sans nom)")
        phone = person.phone if person else ""
        self.person_label.setText(f"{name} — {call.sample_id}" + (f"   {phone}" if phone else ""))
        self.reason_label.setText(reason_text(call, viewer_tz))
        set_role(self.reason_label, "warn" if call.rank is Rank.HARD_APPOINTMENT else "")
        self.local_label.setText(local_time_text(call))
        self.attempts_label.setText(self.tr("%n appel(s) déjà passé(s) à cette personne.", "", call.attempts)
                                    if call.attempts else self.tr("Aucun appel encore passé à cette personne."))
        self.call_button.setDefault(True)
        self.call_button.setFocus()

    def _on_call(self) -> None:
        if self.info.call is not None:
            self.accept()
            emit(self.call_requested, self.info.call.respondent_id)


class RatesDialog(QDialog):
    """AAPOR's outcome rates of a study, with the counts they come from."""

    def __init__(self, title: str, report: RatesReport, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Taux de réponse (AAPOR)"))
        self.resize(640, 760)
        layout = QVBoxLayout(self)
        heading = QLabel(self.tr("Taux de réponse (AAPOR) — %1").replace("%1", title), self)
        heading.setProperty("role", "title")
        heading.setWordWrap(True)
        counts = report.counts
        self.counts_label = QLabel(self.tr(
            "%n cas : %1 complets (I), %2 partiels (P), %3 refus et abandons (R), %4 non-contacts (NC), "
            "%5 autres (O), %6 + %7 d'éligibilité inconnue (UH, UO), %8 hors cible (NE).", "", counts.total)
            .replace("%1", str(counts["I"])).replace("%2", str(counts["P"])).replace("%3", str(counts["R"]))
            .replace("%4", str(counts["NC"])).replace("%5", str(counts["O"])).replace("%6", str(counts["UH"]))
            .replace("%7", str(counts["UO"])).replace("%8", str(counts["NE"])), self)
        self.counts_label.setWordWrap(True)
        e = "—" if report.e is None else f"{float(report.e):.3f}"
        self.e_label = QLabel((self.tr("e = %1 (estimé : part d'éligibles parmi les cas dont l'éligibilité est connue)")
                               if report.e_estimated else self.tr("e = %1 (fixé par l'étude)")).replace("%1", e), self)
        self.e_label.setProperty("role", "subtitle")
        self.e_label.setWordWrap(True)
        self.table = QTableWidget(len(RATE_NAMES), 3, self)
        self.table.setHorizontalHeaderLabels([self.tr("Taux"), self.tr("Valeur"), self.tr("Ce qu'il mesure")])
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        meaning = self._meanings()
        for row, name in enumerate(RATE_NAMES):
            value = report.values[name]
            shown = "—" if value is None else f"{float(value) * 100:.1f} %"
            for column, text in enumerate((name, shown, meaning[name.rstrip("0123456789")])):
                item = QTableWidgetItem(text)
                if column == 1:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.table.setItem(row, column, item)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Fermer"))
        buttons.rejected.connect(self.reject)
        for widget in (heading, self.counts_label, self.e_label, self.table, buttons):
            layout.addWidget(widget)

    def _meanings(self) -> dict[str, str]:
        return {"RR": self.tr("réponse : entretiens parmi les cas"),
                "COOP": self.tr("coopération : entretiens parmi les personnes jointes"),
                "REF": self.tr("refus : refus et abandons parmi les cas"),
                "CON": self.tr("contact : personnes jointes parmi les cas")}

    def value(self, name: str) -> str:
        item = self.table.item(RATE_NAMES.index(name), 1)
        return item.text() if item else ""


def open_next_call(vault: VaultHandle, study_id: str, on_call: Callable[[int], None], parent: QWidget | None = None,
                   now: datetime | None = None) -> NextCallDialog:
    """The F5 window (window-modal, not blocking); `on_call` gets the person chosen."""
    dialog = NextCallDialog(find_next_call(vault, study_id, now), parent=parent)
    dialog.call_requested.connect(on_call)
    dialog.finished.connect(dialog.deleteLater)
    dialog.open()
    return dialog


def open_rates(vault: VaultHandle, study_id: str, title: str, parent: QWidget | None = None) -> RatesDialog:
    from etudes_desktop.storage.calls import CallService

    dialog = RatesDialog(title, CallService(vault).rates(study_id), parent)
    dialog.finished.connect(dialog.deleteLater)
    dialog.open()
    return dialog
