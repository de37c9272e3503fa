"""A small study and synthetic interviews for the results tests (no real person)."""

from __future__ import annotations

import hashlib
import uuid
from typing import Any

from etudes_desktop.core.questionnaire import Choice, Item, ItemType, Questionnaire
from etudes_desktop.core.study import StudyPackage
from etudes_desktop.sync import protocol as p

STUDY = "sat-2026"
NOTICE_SHA = hashlib.sha256(b"mention obligatoire").hexdigest()
FREE_TEXT = "Accueil très aimable à l'agence de Quimper"


def package(**overrides: Any) -> StudyPackage:
    questionnaire = Questionnaire(form_id=STUDY, title="Satisfaction", items=[
        Item(name="satisfaction", type=ItemType.SELECT_ONE, label={"default": "Êtes-vous satisfait de l'accueil ?"},
             list_name="sat"),
        Item(name="canaux", type=ItemType.SELECT_MULTIPLE, label={"default": "Par quels canaux nous contactez-vous ?"},
             list_name="canal"),
        Item(name="attente", type=ItemType.INTEGER, label={"default": "Minutes d'attente au guichet"}),
        Item(name="reco", type=ItemType.INTEGER, label={"default": "Recommanderiez-vous votre caisse ? (0 à 10)"}),
        Item(name="avis", type=ItemType.TEXT, label={"default": "Votre avis en quelques mots"}),
        Item(name="info", type=ItemType.NOTE, label={"default": "Merci."}),
    ], choices={
        "sat": [Choice(name="oui", label={"default": "Oui"}), Choice(name="non", label={"default": "Non"})],
        "canal": [Choice(name="web", label={"default": "Site web"}), Choice(name="tel", label={"default": "Téléphone"}),
                  Choice(name="agence", label={"default": "Agence"})],
    })
    fields: dict[str, Any] = {"id": STUDY, "title": "Baromètre satisfaction 2026", "questionnaire": questionnaire,
                              "special_answers": True, "analysis_attributes": ["age_band", "sex"],
                              "results_by": ["age_band"], "nps": ["reco"]}
    return StudyPackage(**{**fields, **overrides})


def payload(answers: dict[str, Any], *, mode: str = "phone", attributes: dict[str, Any] | None = None,
            interviewer: str = "enq-7f3a", objected: bool = False) -> dict[str, Any]:
    return {
        "study_id": STUDY, "study_version": "1", "state": "objected" if objected else "completed", "mode": mode,
        "interviewer": interviewer, "created_at": "2026-11-29T10:00:00Z", "completed_at": "2026-11-29T10:20:00Z",
        "consent": {"notice_id": "cnam-marketing", "notice_version": "2024-01", "text_sha256": NOTICE_SHA,
                    "mode": mode, "interviewer": interviewer, "delivered_at": "2026-11-29T10:00:00Z",
                    "decided_at": "2026-11-29T10:01:00Z", "decision": "objects" if objected else "agrees"},
        "answers": {} if objected else answers,
        "attributes": {} if objected else (attributes if attributes is not None else {"age_band": "35-44"}),
    }


def batch(payloads: list[dict[str, Any]]) -> p.Batch:
    items = [{"id": str(uuid.uuid4()), "content_sha256": p.content_hash(body), "clock_offset_ms": 0, "payload": body}
             for body in payloads]
    return p.Batch.model_validate({"batch_id": str(uuid.uuid4()), "study_id": STUDY,
                                   "sent_at": "2026-11-29T11:00:00Z", "interviews": items})
