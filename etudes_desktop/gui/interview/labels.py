"""Domain labels the interviewer reads (modes, call outcomes), translatable by lupdate."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from etudes_desktop.core.interview import CallOutcome, Mode


def _t(text: str) -> str:
    return QCoreApplication.translate("InterviewLabels", text)


def mode_label(mode: Mode) -> str:
    labels = {
        Mode.FACE_TO_FACE: _t("Face à face"),
        Mode.PHONE: _t("Téléphone"),
        Mode.PAPER: _t("Saisie d'un questionnaire papier"),
        Mode.GROUP: _t("Groupe"),
        Mode.INTERNET: _t("Internet"),
    }
    return labels[Mode(mode)]


def outcome_label(outcome: CallOutcome) -> str:
    labels = {
        CallOutcome.NO_ANSWER: _t("Pas de réponse"),
        CallOutcome.BUSY: _t("Occupé"),
        CallOutcome.ANSWERING_MACHINE: _t("Répondeur"),
        CallOutcome.WRONG_NUMBER: _t("Faux numéro"),
        CallOutcome.APPOINTMENT: _t("Rendez-vous"),
        CallOutcome.REFUSAL: _t("Refus"),
    }
    return labels[CallOutcome(outcome)]


def callback_columns() -> list[str]:
    return [_t("Rendez-vous"), _t("Personne"), _t("Téléphone"), _t("N° d'échantillon")]
