"""Domain labels the interviewer reads (modes, call outcomes), translatable by lupdate."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from etudes_desktop.core.interview import CallOutcome, Mode



def mode_label(mode: Mode) -> str:
    labels = {
        Mode.FACE_TO_FACE: QCoreApplication.translate("InterviewLabels", "Face à face"),
        Mode.PHONE: QCoreApplication.translate("InterviewLabels", "Téléphone"),
        Mode.PAPER: QCoreApplication.translate("InterviewLabels", "Saisie d'un questionnaire papier"),
        Mode.GROUP: QCoreApplication.translate("InterviewLabels", "Groupe"),
        Mode.INTERNET: QCoreApplication.translate("InterviewLabels", "Internet"),
    }
    return labels[Mode(mode)]


def outcome_label(outcome: CallOutcome) -> str:
    labels = {
        CallOutcome.NO_ANSWER: QCoreApplication.translate("InterviewLabels", "Pas de réponse"),
        CallOutcome.BUSY: QCoreApplication.translate("InterviewLabels", "Occupé"),
        CallOutcome.ANSWERING_MACHINE: QCoreApplication.translate("InterviewLabels", "Répondeur"),
        CallOutcome.WRONG_NUMBER: QCoreApplication.translate("InterviewLabels", "Faux numéro"),
        CallOutcome.APPOINTMENT: QCoreApplication.translate("InterviewLabels", "Rendez-vous"),
        CallOutcome.REFUSAL: QCoreApplication.translate("InterviewLabels", "Refus"),
    }
    return labels[CallOutcome(outcome)]


def callback_columns() -> list[str]:
    return [QCoreApplication.translate("InterviewLabels", "Rendez-vous"), QCoreApplication.translate("InterviewLabels", "Personne"), QCoreApplication.translate("InterviewLabels", "Téléphone"), QCoreApplication.translate("InterviewLabels", "N° d'échantillon")]


def special_answer_label(code: str) -> str:
    """« Ne sait pas » / « Refus » as the interviewer reads them (core.special_answers codes)."""
    from etudes_desktop.core.special_answers import DONT_KNOW

    if code == DONT_KNOW:
        return QCoreApplication.translate("InterviewLabels", "Ne sait pas")
    return QCoreApplication.translate("InterviewLabels", "Refus")
