"""What happens to the cases on this laptop, waiting to reach the collection office.

The vault records an event where the thing happens, whatever the caller: an objection (the
notice gate and the rights request both pass through storage.interviews.suppress_and_erase), a
completed interview (InterviewStore.complete), every call (CallService.record). An event names the
case by its digest under the study's case key, never by its sample id; an objection carries the
person's suppression digests, so the other laptops stop contacting them. A study the collection
office does not run (no case key) records nothing. Events go up in order (sync.case_events_push)
and are marked sent up to what the server acknowledged.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from etudes_desktop.core.case_keys import case_digest, person_digests
from etudes_desktop.storage.handle import VaultHandle
from etudes_desktop.storage.shared_suppression import case_key_in

KINDS = ("objected", "completed", "call")
NO_PSEUDONYM = "poste"  # a request recorded before any interviewer profile (command line)


@dataclass(frozen=True)
class CaseEventRow:
    id: int
    case: str
    kind: str
    at: str
    interviewer: str
    disposition: str | None
    suppression: list[str]

    def as_dict(self) -> dict[str, Any]:
        return {"id": self.id, "case": self.case, "kind": self.kind, "at": self.at, "interviewer": self.interviewer,
                "disposition": self.disposition, "suppression": self.suppression}


def _actor(conn: Any, interviewer: str | None) -> str:
    if interviewer:
        return interviewer
    row = conn.execute("SELECT pseudonym FROM interviewer WHERE id = 1").fetchone()
    return row[0] if row else NO_PSEUDONYM


def record_in(conn: Any, respondent_id: int, kind: str, at: datetime, interviewer: str | None, *,
              disposition: str | None = None, suppression: Iterable[str] = ()) -> int | None:
    """One event about a person, inside the caller's transaction; its id, or None when the
    person's study is not run from the collection office."""
    if kind not in KINDS:
        raise ValueError(f"unknown case event {kind!r}")
    row = conn.execute("SELECT study_id, sample_id FROM respondent WHERE id = ?", (respondent_id,)).fetchone()
    key = case_key_in(conn, row["study_id"]) if row is not None else None
    if row is None or key is None or not row["sample_id"]:
        return None
    cursor = conn.execute(
        "INSERT INTO case_event (study_id, case_digest, kind, at, interviewer, disposition, suppression_json) "
        "VALUES (?, ?, ?, ?, ?, ?, ?)",
        (row["study_id"], case_digest(key, row["sample_id"]), kind, at.isoformat(timespec="seconds"),
         _actor(conn, interviewer), disposition, json.dumps(list(suppression))))
    return int(cursor.lastrowid)


def completion_in(conn: Any, interview_id: str, respondent_id: int, at: datetime) -> int | None:
    """The person's interview was completed, by the interviewer who delivered its notice."""
    row = conn.execute("SELECT interviewer FROM consent WHERE interview_id = ? ORDER BY id DESC LIMIT 1",
                       (interview_id,)).fetchone()
    return record_in(conn, respondent_id, "completed", at, row[0] if row else None)


def objection_in(conn: Any, respondent_id: int, at: datetime, interviewer: str | None) -> int | None:
    """The person objected: their event carries their suppression digests (read before their
    contact data is erased)."""
    row = conn.execute("SELECT study_id, sample_id, phone, phone2, email FROM respondent WHERE id = ?",
                       (respondent_id,)).fetchone()
    key = case_key_in(conn, row["study_id"]) if row is not None else None
    if row is None or key is None:
        return None
    digests = person_digests(key, row["sample_id"], (row["phone"], row["phone2"]), row["email"])
    return record_in(conn, respondent_id, "objected", at, interviewer, suppression=digests[:4])


def pending(vault: VaultHandle, study_id: str, limit: int) -> list[CaseEventRow]:
    """Events the server has not acknowledged, oldest first."""
    rows = vault.conn.execute(
        "SELECT * FROM case_event WHERE study_id = ? AND sent = 0 ORDER BY id LIMIT ?", (study_id, limit)).fetchall()
    return [CaseEventRow(r["id"], r["case_digest"], r["kind"], r["at"], r["interviewer"], r["disposition"],
                         json.loads(r["suppression_json"])) for r in rows]


def renumber(vault: VaultHandle, study_id: str, ids: Iterable[int], after: int) -> int:
    """Number anew, after `after` and after every id of this vault, the unsent events of these
    ids: the server holds those numbers for other events of this device (a vault created anew
    with the same token). The sequence moves on too, so later events never meet those numbers
    again. Returns how many were renumbered."""
    moved = 0
    with vault.transaction() as conn:
        top = max(after, int(conn.execute("SELECT COALESCE(MAX(id), 0) FROM case_event").fetchone()[0]))
        for event_id in sorted(set(ids)):
            cursor = conn.execute("UPDATE case_event SET id = ? WHERE id = ? AND study_id = ? AND sent = 0",
                                  (top + 1, event_id, study_id))
            if cursor.rowcount:
                top += 1
                moved += 1
        conn.execute("UPDATE sqlite_sequence SET seq = MAX(seq, ?) WHERE name = 'case_event'", (top,))
    return moved


def mark_sent(vault: VaultHandle, study_id: str, upto: int) -> int:
    """The server holds every event up to `upto`: they are not sent again; returns how many."""
    with vault.transaction() as conn:
        return int(conn.execute("UPDATE case_event SET sent = 1 WHERE study_id = ? AND sent = 0 AND id <= ?",
                                (study_id, upto)).rowcount)


def unsent(vault: VaultHandle, study_id: str) -> int:
    return int(vault.conn.execute("SELECT count(*) FROM case_event WHERE study_id = ? AND sent = 0",
                                  (study_id,)).fetchone()[0])
