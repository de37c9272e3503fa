"""French labels of the statuses, states and modes the lists show (translated at call time)."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QColor

from etudes_desktop.core.interview import State


def respondent_status_label(status: str) -> str:
    labels = {
        "to_contact": QCoreApplication.translate("ViewLabels", "À contacter"), "in_progress": QCoreApplication.translate("ViewLabels", "En cours"), "done": QCoreApplication.translate("ViewLabels", "Interrogé"), "stopped": QCoreApplication.translate("ViewLabels", "Entretien arrêté"),
        "objected": QCoreApplication.translate("ViewLabels", "Opposé"), "do_not_contact": QCoreApplication.translate("ViewLabels", "Ne plus contacter"), "erased": QCoreApplication.translate("ViewLabels", "Effacé"),
    }
    return labels.get(status, status)


def interview_state_label(state: str) -> str:
    labels = {
        State.DRAFT: QCoreApplication.translate("ViewLabels", "Brouillon"), State.COMPLETED: QCoreApplication.translate("ViewLabels", "Terminé, à envoyer"),
        State.SENDING: QCoreApplication.translate("ViewLabels", "Envoi en cours"), State.ACKNOWLEDGED: QCoreApplication.translate("ViewLabels", "Envoyé"),
        State.PURGED: QCoreApplication.translate("ViewLabels", "Envoyé et effacé"), State.OBJECTED: QCoreApplication.translate("ViewLabels", "Opposition"),
        State.ABANDONED: QCoreApplication.translate("ViewLabels", "Abandonné"), State.REJECTED: QCoreApplication.translate("ViewLabels", "Refusé par le serveur"),
        State.CONFLICT: QCoreApplication.translate("ViewLabels", "En conflit"),
    }
    return labels.get(state, state)  # type: ignore[call-overload]


def mode_label(mode: str) -> str:
    labels = {
        "face_to_face": QCoreApplication.translate("ViewLabels", "Face à face"), "phone": QCoreApplication.translate("ViewLabels", "Téléphone"), "paper": QCoreApplication.translate("ViewLabels", "Papier"),
        "group": QCoreApplication.translate("ViewLabels", "Groupe"), "internet": QCoreApplication.translate("ViewLabels", "Internet"),
    }
    return labels.get(mode, mode)


# Colours readable on white (contrast >= 4.5:1); statuses that forbid contact stand out.
_STATUS_COLOURS = {"in_progress": "#8a4b00", "done": "#1b6e20", "objected": "#b00020",
                   "do_not_contact": "#b00020", "erased": "#5f6b7a"}
_STATE_COLOURS = {"draft": "#8a4b00", "completed": "#174d88", "rejected": "#b00020", "conflict": "#b00020",
                  "objected": "#5f6b7a", "abandoned": "#5f6b7a"}


def status_colour(status: str) -> QColor | None:
    colour = _STATUS_COLOURS.get(status)
    return QColor(colour) if colour else None


def state_colour(state: str) -> QColor | None:
    colour = _STATE_COLOURS.get(state)
    return QColor(colour) if colour else None


def short_datetime(iso: str | None) -> str:
    """'2026-11-20T10:00:00+00:00' as '20/11/2026 11:00' in local time."""
    if not iso:
        return ""
    try:
        moment = datetime.fromisoformat(iso)
    except ValueError:
        return iso
    if moment.tzinfo is not None:
        moment = moment.astimezone()
    return moment.strftime("%d/%m/%Y %H:%M")


def group_digits(number: int) -> str:
    """12345 as '12 345' (French thousands separator, a narrow no-break space)."""
    return f"{number:,}".replace(",", "\u202f")


# Overseas départements share France's national plan: +262 (Réunion, Mayotte), +590, +594, +596.
_OVERSEAS = ("+262", "+590", "+594", "+596")


def phone_text(phone: str) -> str:
    """'0612345678' or '+33612345678' as '06 12 34 56 78' (how a French number is read aloud and
    dialled); other countries' numbers unchanged."""
    if len(phone) == 12 and phone.startswith("+33") and phone[3:].isdigit():
        phone = "0" + phone[3:]
    elif len(phone) == 13 and phone[:4] in _OVERSEAS and phone[4:].isdigit():
        phone = "0" + phone[4:]  # +262 692… is dialled 0692… from anywhere in France
    if len(phone) == 10 and phone.isdigit():
        return " ".join(phone[i:i + 2] for i in range(0, 10, 2))
    return phone
