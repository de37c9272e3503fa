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
    t = QCoreApplication.translate
    labels = {
        "no_answer": t("InterviewLabels", "Pas de réponse"), "busy": t("InterviewLabels", "Occupé"),
        "answering_machine": t("InterviewLabels", "Répondeur"),
        "message_left": t("InterviewLabels", "Répondeur de la personne, message laissé"),
        "technical_problem": t("InterviewLabels", "Problème technique de ligne"),
        "appointment": t("InterviewLabels", "Rendez-vous"),
        "soft_appointment": t("InterviewLabels", "Rappeler plus tard (heure approximative)"),
        "soft_refusal": t("InterviewLabels", "Refus pour l'instant (nouvel essai plus tard)"),
        "refusal": t("InterviewLabels", "Refus"), "household_refusal": t("InterviewLabels", "Refus par l'entourage"),
        "wrong_number": t("InterviewLabels", "Faux numéro"), "not_eligible": t("InterviewLabels", "Personne hors cible"),
        "deceased": t("InterviewLabels", "Personne décédée"),
        "unable": t("InterviewLabels", "Personne dans l'incapacité de répondre"),
        "language": t("InterviewLabels", "Barrière de la langue"),
        "other_unknown": t("InterviewLabels", "Autre cas (éligibilité inconnue)"),
        "complete": t("InterviewLabels", "Entretien complet"), "partial": t("InterviewLabels", "Entretien partiel"),
        "break_off": t("InterviewLabels", "Entretien interrompu"),
        "objection": t("InterviewLabels", "Opposition (droit d'opposition)"),
        "not_attempted": t("InterviewLabels", "Jamais appelée"),
    }
    return labels.get(str(key), str(key))


def outcome_label(outcome: CallOutcome | str) -> str:
    return disposition_label(str(getattr(outcome, "value", outcome)))


def callback_columns() -> list[str]:
    t = QCoreApplication.translate
    return [t("InterviewLabels", "Rendez-vous"), t("InterviewLabels", "Personne"), t("InterviewLabels", "Téléphone"),
            t("InterviewLabels", "N° d'échantillon"), t("InterviewLabels", "Heure de la personne"),
            t("InterviewLabels", "Type")]


def special_answer_label(code: str) -> str:
    """« Ne sait pas » / « Refus » as the interviewer reads them (core.special_answers codes)."""
    from etudes_desktop.core.special_answers import DONT_KNOW

    if code == DONT_KNOW:
        return QCoreApplication.translate("InterviewLabels", "Ne sait pas")
    return QCoreApplication.translate("InterviewLabels", "Refus")
