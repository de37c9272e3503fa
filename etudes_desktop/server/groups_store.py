"""Focus group sessions on the server: one record per session, sealed at rest, with the figures the
console lists (held, invited, present, accepted, objected, notes) and the shows of hands the
results count, kept in clear since they are counts already. Idempotent on the session id: the same
content again is a duplicate, other content under the same id a conflict."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Column, Index, Integer, String, Table, Text, select

from etudes_desktop.server.store import Device, Store, iso, metadata, reading
from etudes_desktop.sync.group_protocol import GroupSessionRecord, GroupSessionUpload, record_hash

group_sessions = Table(
    "group_sessions", metadata,
    Column("session_id", String(36), primary_key=True),
    Column("study_id", String(128), nullable=False),
    Column("device_id", String(36), nullable=False),
    Column("content_sha256", String(64), nullable=False),
    Column("received_at", String(40), nullable=False),
    Column("held_on", String(10), nullable=False),
    Column("moderator", String(64), nullable=False),
    Column("invited", Integer, nullable=False),
    Column("present", Integer, nullable=False),
    Column("walk_ins", Integer, nullable=False),
    Column("agreed", Integer, nullable=False),
    Column("objected", Integer, nullable=False),
    Column("notes", Integer, nullable=False),
    Column("record_json", Text, nullable=False),  # sealed (AES-GCM, the session id as associated data)
)
Index("group_sessions_study", group_sessions.c.study_id, group_sessions.c.held_on)

group_hands = Table(
    "group_hands", metadata,
    Column("session_id", String(36), primary_key=True),
    Column("question", String(128), primary_key=True),
    Column("choice", String(128), primary_key=True),
    Column("study_id", String(128), nullable=False),
    Column("hands", Integer, nullable=False),
    Column("present", Integer, nullable=False),
)
Index("group_hands_study", group_hands.c.study_id, group_hands.c.question)


@dataclass(frozen=True)
class SessionFigures:
    session_id: str
    held_on: str
    moderator: str
    invited: int
    present: int
    walk_ins: int
    agreed: int
    objected: int
    notes: int


class GroupStore:
    def __init__(self, store: Store) -> None:
        self.store = store
        metadata.create_all(store.engine, tables=[group_sessions, group_hands])

    def ingest(self, device: Device, upload: GroupSessionUpload) -> tuple[str, str | None]:
        """(status, reason): accepted, duplicate, conflict or rejected."""
        record: GroupSessionRecord = upload.record
        if record.study_id != device.study_id:
            return "rejected", "study_mismatch: la réunion appartient à une autre étude que celle de l'appareil"
        digest = record_hash(record)
        if digest != upload.content_sha256:
            return "rejected", "hash_mismatch: contenu altéré en route"
        participants = record.participants
        row = {
            "session_id": record.session_id, "study_id": record.study_id, "device_id": device.id,
            "content_sha256": digest, "received_at": iso(self.store.clock()), "held_on": record.held_on,
            "moderator": record.moderator, "invited": record.invited, "present": len(participants),
            "walk_ins": sum(1 for p in participants if p.walk_in),
            "agreed": sum(1 for p in participants if p.decision == "agrees"),
            "objected": sum(1 for p in participants if p.decision == "objects"), "notes": len(record.notes),
            "record_json": self.store.sealer.seal(json.dumps(record.model_dump(mode="json"), ensure_ascii=False),
                                                  record.session_id),
        }
        hands = [{"session_id": record.session_id, "question": c.question, "choice": choice, "study_id": record.study_id,
                  "hands": n, "present": c.present} for c in record.counts for choice, n in c.counts.items()]
        with self.store.engine.begin() as conn:
            inserted = conn.execute(self.store._insert(group_sessions).on_conflict_do_nothing()
                                    .returning(group_sessions.c.session_id), [row]).first()
            if inserted is None:
                held = conn.execute(select(group_sessions.c.content_sha256).where(
                    group_sessions.c.session_id == record.session_id)).scalar_one()
                return ("duplicate", None) if held == digest else (
                    "conflict", "other_content: cette réunion a déjà été reçue avec un autre contenu")
            if hands:
                conn.execute(group_hands.insert(), hands)
        return "accepted", None

    def sessions(self, study_id: str) -> list[SessionFigures]:
        query = select(group_sessions).where(group_sessions.c.study_id == study_id).order_by(
            group_sessions.c.held_on.desc(), group_sessions.c.session_id)
        with reading(self.store.engine) as conn:
            return [SessionFigures(r.session_id, r.held_on, r.moderator, r.invited, r.present, r.walk_ins, r.agreed,
                                   r.objected, r.notes) for r in conn.execute(query)]

    def record(self, session_id: str) -> dict[str, Any] | None:
        with reading(self.store.engine) as conn:
            sealed = conn.execute(select(group_sessions.c.record_json).where(
                group_sessions.c.session_id == session_id)).scalar_one_or_none()
        return None if sealed is None else dict(json.loads(self.store.sealer.open(sealed, session_id)))

    def hands(self, study_id: str) -> dict[str, dict[str, tuple[int, int]]]:
        """Per question, per choice: (hands raised, people present), summed over the study's sessions."""
        out: dict[str, dict[str, tuple[int, int]]] = {}
        query = select(group_hands.c.question, group_hands.c.choice, group_hands.c.hands, group_hands.c.present).where(
            group_hands.c.study_id == study_id)
        with reading(self.store.engine) as conn:
            for question, choice, hands, present in conn.execute(query):
                before = out.setdefault(question, {}).get(choice, (0, 0))
                out[question][choice] = (before[0] + hands, before[1] + present)
        return out
