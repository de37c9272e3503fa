"""Closed focus group sessions on their way to the server, then purged once acknowledged.

A closed session is read as one plain record (sync.group_protocol checks it); once the server
acknowledges it, its notes, counts and participants are deleted from the laptop and the session
row keeps only its id, date and figures (what the audit log and the screens show).
"""

from __future__ import annotations

import json
from typing import Any

from etudes_desktop.storage import audit
from etudes_desktop.storage.handle import VaultHandle


def to_send(vault: VaultHandle, study_id: str) -> list[str]:
    rows = vault.conn.execute("SELECT id FROM group_session WHERE study_id = ? AND state = 'closed' "
                              "ORDER BY closed_at", (study_id,)).fetchall()
    return [r["id"] for r in rows]


def record(vault: VaultHandle, session_id: str) -> dict[str, Any]:
    """The session as the wire carries it (no name, no sample id, no respondent id)."""
    conn = vault.conn
    session = conn.execute("SELECT s.*, st.version AS study_version FROM group_session s JOIN study st "
                           "ON st.id = s.study_id WHERE s.id = ?", (session_id,)).fetchone()
    participants = conn.execute(
        "SELECT pseudonym, walk_in, decision, decided_at, interview_id, arrived_at FROM group_participant "
        "WHERE session_id = ? ORDER BY CAST(substr(pseudonym, 2) AS INTEGER)", (session_id,)).fetchall()
    invited = conn.execute("SELECT count(*) FROM group_participant WHERE session_id = ? AND walk_in = 0",
                           (session_id,)).fetchone()[0]
    notes = conn.execute("SELECT at, theme, pseudonyms, text FROM group_note WHERE session_id = ? ORDER BY id",
                         (session_id,)).fetchall()
    counts = conn.execute("SELECT question, present, counts_json FROM group_count WHERE session_id = ? "
                          "ORDER BY question", (session_id,)).fetchall()
    notice = None
    if session["notice_delivered_at"]:
        notice = {"notice_id": session["notice_id"], "notice_version": session["notice_version"],
                  "text_sha256": session["notice_sha256"], "delivered_at": session["notice_delivered_at"]}
    return {
        "session_id": session["id"], "study_id": session["study_id"], "study_version": session["study_version"],
        "held_on": session["held_on"], "place": session["place"], "moderator": session["moderator"],
        "invited": int(invited), "notice": notice,
        "participants": [{"pseudonym": p["pseudonym"], "walk_in": bool(p["walk_in"]), "decision": p["decision"],
                          "decided_at": p["decided_at"], "interview_id": p["interview_id"]}
                         for p in participants if p["pseudonym"]],
        "notes": [{"at": n["at"], "theme": n["theme"], "pseudonyms": n["pseudonyms"].split(), "text": n["text"]}
                  for n in notes],
        "counts": [{"question": c["question"], "present": c["present"], "counts": json.loads(c["counts_json"])}
                   for c in counts],
        "closed_at": session["closed_at"],
    }


def acknowledged(vault: VaultHandle, session_id: str, at: Any) -> None:
    """The server holds the session: the laptop's copy of its content goes."""
    with vault.transaction() as conn:
        notes = conn.execute("DELETE FROM group_note WHERE session_id = ?", (session_id,)).rowcount
        conn.execute("DELETE FROM group_count WHERE session_id = ?", (session_id,))
        conn.execute("DELETE FROM group_participant WHERE session_id = ?", (session_id,))
        conn.execute("UPDATE group_session SET state = 'synced' WHERE id = ?", (session_id,))
        audit.record(conn, at, "group_session_synced", None, [session_id], {"notes_purged": int(notes)})

