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


def disposition_label(key: str) -> str:
    """A call disposition as the interviewer reads it (core.calls.dispositions keys)."""
    labels = {
        "no_answer": QCoreApplication.translate("InterviewLabels", "Pas de réponse"),
        "busy": QCoreApplication.translate("InterviewLabels", "Occupé"),
        "answering_machine": QCoreApplication.translate("InterviewLabels", "Répondeur"),
        "message_left": QCoreApplication.translate("InterviewLabels", "Répondeur de la personne, message laissé"),
        "technical_problem": QCoreApplication.translate("InterviewLabels", "Problème technique de ligne"),
        "appointment": QCoreApplication.translate("InterviewLabels", "Rendez-vous"),
        "soft_appointment": QCoreApplication.translate("InterviewLabels", "Rappeler plus tard (heure approximative)"),
        "soft_refusal": QCoreApplication.translate("InterviewLabels", "Refus pour l'instant (nouvel essai plus tard)"),
        "refusal": QCoreApplication.translate("InterviewLabels", "Refus"),
        "household_refusal": QCoreApplication.translate("InterviewLabels", "Refus par l'entourage"),
        "wrong_number": QCoreApplication.translate("InterviewLabels", "Faux numéro"),
        "not_eligible": QCoreApplication.translate("InterviewLabels", "Personne hors cible"),
        "deceased": QCoreApplication.translate("InterviewLabels", "Personne décédée"),
        "unable": QCoreApplication.translate("InterviewLabels", "Personne dans l'incapacité de répondre"),
        "language": QCoreApplication.translate("InterviewLabels", "Barrière de la langue"),
        "other_unknown": QCoreApplication.translate("InterviewLabels", "Autre cas (éligibilité inconnue)"),
        "complete": QCoreApplication.translate("InterviewLabels", "Entretien complet"),
        "partial": QCoreApplication.translate("InterviewLabels", "Entretien partiel"),
        "break_off": QCoreApplication.translate("InterviewLabels", "Entretien interrompu"),
        "objection": QCoreApplication.translate("InterviewLabels", "Opposition (droit d'opposition)"),
        "not_attempted": QCoreApplication.translate("InterviewLabels", "Jamais appelée"),
    }
    return labels.get(str(key), str(key))


def outcome_label(outcome: CallOutcome | str) -> str:
    return disposition_label(str(getattr(outcome, "value", outcome)))


def callback_columns() -> list[str]:
    return [QCoreApplication.translate("InterviewLabels", "Rendez-vous"),
            QCoreApplication.translate("InterviewLabels", "Personne"),
            QCoreApplication.translate("InterviewLabels", "Téléphone"),
            QCoreApplication.translate("InterviewLabels", "N° d'échantillon"),
            QCoreApplication.translate("InterviewLabels", "Heure de la personne"),
            QCoreApplication.translate("InterviewLabels", "Type")]


def special_answer_label(code: str) -> str:
    """« Ne sait pas » / « Refus » as the interviewer reads them (core.special_answers codes)."""
    from etudes_desktop.core.special_answers import DONT_KNOW

    if code == DONT_KNOW:
        return QCoreApplication.translate("InterviewLabels", "Ne sait pas")
    return QCoreApplication.translate("InterviewLabels", "Refus")
