"""French labels of the statuses, states and modes the lists show (translated at call time)."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QColor

_CONTEXT = "ViewLabels"


def _t(text: str) -> str:
    return QCoreApplication.translate(_CONTEXT, text)


def respondent_status_label(status: str) -> str:
    labels = {
        "to_contact": _t("À contacter"), "in_progress": _t("En cours"), "done": _t("Interrogé"), "stopped": _t("Entretien arrêté"),
        "objected": _t("Opposé"), "do_not_contact": _t("Ne plus contacter"), "erased": _t("Effacé"),
    }
    return labels.get(status, status)


def interview_state_label(state: str) -> str:
    labels = {
        "draft": _t("Brouillon"), "completed": _t("Terminé, à envoyer"), "sending": _t("Envoi en cours"),
        "acknowledged": _t("Envoyé"), "purged": _t("Envoyé et effacé"), "objected": _t("Opposition"),
        "abandoned": _t("Abandonné"), "rejected": _t("Refusé par le serveur"), "conflict": _t("En conflit"),
    }
    return labels.get(state, state)


def mode_label(mode: str) -> str:
    labels = {
        "face_to_face": _t("Face à face"), "phone": _t("Téléphone"), "paper": _t("Papier"),
        "group": _t("Groupe"), "internet": _t("Internet"),
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


def phone_text(phone: str) -> str:
    """'0612345678' as '06 12 34 56 78' (how a French number is read aloud); others unchanged."""
    if len(phone) == 10 and phone.isdigit():
        return " ".join(phone[i:i + 2] for i in range(0, 10, 2))
    return phone
