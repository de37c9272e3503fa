"""Builders of protocol objects for the server and sync tests (synthetic, no real person)."""

from __future__ import annotations

import hashlib
import uuid
from typing import Any

from etudes_desktop.sync import protocol as p

NOTICE_SHA = hashlib.sha256(b"mention obligatoire").hexdigest()


def payload(study_id: str = "sat-2026", *, n_answers: int = 5, objected: bool = False, seed: int = 0) -> dict[str, Any]:
    """A valid interview payload; `seed` varies the answers."""
    decision = "objects" if objected else "agrees"
    answers = {} if objected else {f"q{i:02d}": (seed + i) % 5 + 1 for i in range(n_answers)}
    if not objected and n_answers:
        answers["q00_text"] = f"réponse libre numéro {seed}"
    return {
        "study_id": study_id, "study_version": "1.0", "state": "objected" if objected else "completed",
        "mode": "phone", "interviewer": "enq-7f3a",
        "created_at": "2026-11-29T10:00:00Z", "completed_at": "2026-11-29T10:20:00Z",
        "consent": {
            "notice_id": "cnam-marketing", "notice_version": "2024-01", "text_sha256": NOTICE_SHA,
            "mode": "phone", "interviewer": "enq-7f3a", "delivered_at": "2026-11-29T10:00:00Z",
            "decided_at": "2026-11-29T10:01:00Z", "decision": decision,
        },
        "answers": answers,
        "attributes": {} if objected else {"age_band": "35-44", "sex": "F"},
    }


def interview(study_id: str = "sat-2026", *, interview_id: str | None = None, **kwargs: Any) -> dict[str, Any]:
    body = payload(study_id, **kwargs)
    return {"id": interview_id or str(uuid.uuid4()), "content_sha256": p.content_hash(body), "clock_offset_ms": 0,
            "payload": body}


def batch(items: list[dict[str, Any]], study_id: str = "sat-2026", batch_id: str | None = None) -> dict[str, Any]:
    return {"protocol_version": 1, "batch_id": batch_id or str(uuid.uuid4()), "study_id": study_id,
            "sent_at": "2026-11-29T11:00:00Z", "interviews": items}


def many(count: int, study_id: str = "sat-2026", **kwargs: Any) -> list[dict[str, Any]]:
    return [interview(study_id, seed=i, **kwargs) for i in range(count)]
