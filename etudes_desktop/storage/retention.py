"""Apply retention: destroy what the insurer supplied once the study's time is up, and audit it."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from typing import Any

from etudes_desktop.core import retention
from etudes_desktop.core.errors import EtudesError
from etudes_desktop.storage import audit
from etudes_desktop.storage.handle import VaultHandle


@dataclass(frozen=True)
class StudyRetention:
    study_id: str
    title: str
    state: retention.RetentionStatus


@dataclass
class RetentionReport:
    destroyed: dict[str, dict[str, int]] = field(default_factory=dict)  # study -> counts
    warnings: list[str] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        return {"destroyed": self.destroyed, "warnings": self.warnings}


def set_delivery_date(vault: VaultHandle, study_id: str, delivery: date, months: int | None = None,
                      now: datetime | None = None) -> None:
    """Record the study's delivery date (and a shorter retention, never a longer one)."""
    if months is not None:
        retention.destruction_date(delivery, months)  # validates the range
    with vault.transaction() as conn:
        cursor = conn.execute(
            "UPDATE study SET delivery_date = ?, retention_months = coalesce(?, retention_months) WHERE id = ?",
            (delivery.isoformat(), months, study_id),
        )
        if cursor.rowcount == 0:
            raise EtudesError(f"étude inconnue : {study_id}")
        audit.record(conn, now or datetime.now(UTC), "delivery_date_set", None, [study_id])


def apply_server_delivery(vault: VaultHandle, study_id: str, delivery: date, now: datetime | None = None) -> bool:
    """The delivery date the collection server announces at sync: recorded when the vault has
    none, or a later one (the earlier date is the stricter clock); True when it was recorded."""
    row = vault.conn.execute("SELECT delivery_date FROM study WHERE id = ?", (study_id,)).fetchone()
    if row is None or (row[0] and date.fromisoformat(row[0]) <= delivery):
        return False
    set_delivery_date(vault, study_id, delivery, now=now)
    return True


def review(vault: VaultHandle, today: date) -> list[StudyRetention]:
    """Where every study stands today."""
    rows = vault.conn.execute("SELECT id, title, delivery_date, retention_months FROM study ORDER BY id").fetchall()
    out = []
    for row in rows:
        delivery = date.fromisoformat(row["delivery_date"]) if row["delivery_date"] else None
        out.append(StudyRetention(row["id"], row["title"], retention.status(delivery, row["retention_months"], today)))
    return out


def run(vault: VaultHandle, today: date, now: datetime | None = None) -> RetentionReport:
    """Destroy what is due (one transaction per study), warn what comes within 30 days."""
    report = RetentionReport()
    for study in review(vault, today):
        if study.state.due is retention.Due.WARN:
            report.warnings.append(retention.warning_text(study.title, study.state))
        if study.state.due is retention.Due.DESTROY:
            counts = _destroy(vault, study.study_id, now or datetime.now(UTC))
            if any(counts.values()):
                report.destroyed[study.study_id] = counts
    return report


def _destroy(vault: VaultHandle, study_id: str, now: datetime) -> dict[str, int]:
    with vault.transaction() as conn:
        counts = erase_supplied_in(conn, study_id)
        conn.execute("UPDATE study SET sample_mapping_json = NULL, closed_at = coalesce(closed_at, ?) WHERE id = ?",
                     (now.isoformat(), study_id))
        if any(counts.values()):
            audit.record(conn, now, "retention_destroyed", None, [study_id], counts)
    if any(counts.values()):
        vault.checkpoint()
    return counts


def erase_supplied_in(conn: Any, study_id: str) -> dict[str, int]:
    """Destroy what the insurer supplied for a study (its people, their calls, the drafts begun
    with them), inside the caller's transaction; the counts. The retention run and the remote
    wipe both destroy through here."""
    drafts = [r[0] for r in conn.execute("SELECT id FROM interview WHERE study_id = ? AND state = 'draft'", (study_id,))]
    conn.executemany("DELETE FROM interview WHERE id = ?", [(i,) for i in drafts])
    calls = conn.execute("DELETE FROM call_attempt WHERE study_id = ?", (study_id,)).rowcount
    respondents = conn.execute("DELETE FROM respondent WHERE study_id = ?", (study_id,)).rowcount
    return {"respondents": respondents, "drafts": len(drafts), "call_attempts": calls}


REMOTE_WIPED = "study.remote_wiped"


def was_wiped(vault: VaultHandle, study_id: str) -> bool:
    """Whether this vault already destroyed the study's data on the collection office's request."""
    return vault.conn.execute("SELECT 1 FROM audit WHERE event = ? AND object_ids_json = ? LIMIT 1",
                              (REMOTE_WIPED, json.dumps([study_id]))).fetchone() is not None


def wipe_study(vault: VaultHandle, study_id: str, now: datetime) -> dict[str, int]:
    """The collection office revoked this laptop: destroy everything of the study (what the insurer
    supplied, every interview whatever its state, the case events, the assignment, the focus group
    sessions, the study package), keep the suppression lists (an objection outlives the study's
    data) and the audit log, and say so in it with the counts. Called after the sync sent what it could."""
    with vault.transaction() as conn:
        counts = erase_supplied_in(conn, study_id)
        counts["interviews_unsent"] = conn.execute("DELETE FROM interview WHERE study_id = ?", (study_id,)).rowcount
        counts["case_events"] = conn.execute("DELETE FROM case_event WHERE study_id = ?", (study_id,)).rowcount
        conn.execute("DELETE FROM assigned_case WHERE study_id = ?", (study_id,))
        counts["group_sessions"] = conn.execute("DELETE FROM group_session WHERE study_id = ?", (study_id,)).rowcount
        counts["study"] = conn.execute("DELETE FROM study WHERE id = ?", (study_id,)).rowcount
        audit.record(conn, now, REMOTE_WIPED, None, [study_id], counts)
    vault.checkpoint()
    return counts
