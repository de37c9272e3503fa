"""The outbox: finished interviews on their way to the collection server, as the vault keeps them.

Every step of a sync that touches the vault is one transaction here, and every state change
goes through `core.interview.check_transition`, as any other write of an interview does:
- `lock` puts the next finished interviews under a new batch id (SENDING), with their canonical
  content and hash; what may not leave is refused locally, with its reason;
- `relock` rebuilds an interrupted batch identically (same id, same content, same hashes);
- `release` gives a batch back (to be sent again, or refused locally);
- `apply_receipts` purges what the server acknowledged (a tombstone without personal data is
  kept, and the contact data of people with nothing left to send is erased), keeps the rest
  with the server's reason, logs the batch and audits it.
The sync engine (sync/engine.py) keeps the protocol, the retries and the pipelining.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any, NamedTuple

from etudes_desktop.core.errors import EtudesError
from etudes_desktop.core.interview import OPEN, SYNC_PROBLEMS, TO_SEND, WAITING_SYNC, State, check_transition, values
from etudes_desktop.storage import audit
from etudes_desktop.storage.handle import VaultHandle
from etudes_desktop.storage.interviews import ERASE_CONTACT
from etudes_desktop.storage.settings import write_setting_in

SETTING_LAST_SYNC = "sync.last_success"
# People with one of these still keep their contact data (something is left to ask or to send).
STILL_TO_DO = values(OPEN | WAITING_SYNC | SYNC_PROBLEMS)
LOCAL = "local"  # receipt_status of an interview refused on this laptop, never sent


@dataclass
class LockedBatch:
    batch_id: str
    study_id: str
    items: list[dict[str, Any]] = field(default_factory=list)  # id, content_sha256, payload


class Prepared(NamedTuple):
    """An interview's content as it will travel: the checked payload and its canonical bytes."""

    content: dict[str, Any]
    blob: bytes
    sha256: str


class Refused(Exception):
    """`prepare` refuses an interview: it may not leave as it is (its reason, and a ReasonCode value)."""

    def __init__(self, reason: str, code: str) -> None:
        super().__init__(reason)
        self.reason, self.code = reason, code


class UnreadableBatch(EtudesError):
    """An interrupted batch holds an interview whose content can no longer be rebuilt."""

    def __init__(self, interview_id: str, problem: str) -> None:
        super().__init__(f"entretien {interview_id} illisible : {problem}")


class ReceiptRow(NamedTuple):
    """One receipt of the server, as the outbox needs it."""

    interview_id: str
    status: str  # accepted, duplicate, conflict, rejected
    acknowledged: bool  # the server holds this exact content: the laptop may purge its copy
    reason: str | None = None
    code: str | None = None


Prepare = Callable[[dict[str, Any]], Prepared]


def iso(moment: datetime) -> str:
    return moment.astimezone(UTC).isoformat(timespec="microseconds").replace("+00:00", "Z")


def _norm_time(value: str | None) -> str | None:
    """A stored timestamp in the protocol's form (UTC assumed when the zone is missing)."""
    if not value:
        return None
    moment = datetime.fromisoformat(value.replace("Z", "+00:00"))
    return iso(moment if moment.tzinfo else moment.replace(tzinfo=UTC))


# -- what an interview carries -------------------------------------------------------------------
def build_payloads(conn: Any, rows: list[Any]) -> dict[str, dict[str, Any] | ValueError]:
    """The content of interviews, read from the vault in three queries (never contact data)."""
    ids = json.dumps([row["id"] for row in rows])
    answers = {r[0]: r[1] for r in conn.execute(
        "SELECT interview_id, json_group_object(name, json(value_json)) FROM answer "
        "WHERE interview_id IN (SELECT value FROM json_each(?)) GROUP BY interview_id", (ids,))}
    consents = {r["interview_id"]: r for r in conn.execute(
        "SELECT * FROM consent WHERE interview_id IN (SELECT value FROM json_each(?)) ORDER BY id", (ids,))}
    out: dict[str, dict[str, Any] | ValueError] = {}
    for row in rows:
        consent = consents.get(row["id"])
        if consent is None:
            out[row["id"]] = ValueError("aucun enregistrement de la mention d'information")
            continue
        out[row["id"]] = _payload(row, consent, json.loads(answers.get(row["id"], "{}")))
    return out


def build_payload(conn: Any, row: Any) -> dict[str, Any]:
    """The content of one interview."""
    payload = build_payloads(conn, [row])[row["id"]]
    if isinstance(payload, ValueError):
        raise payload
    return payload


def _payload(row: Any, consent: Any, answers: dict[str, Any]) -> dict[str, Any]:
    objected = consent["decision"] == "objects"
    delivered = _norm_time(consent["delivered_at"])
    return {
        "study_id": row["study_id"], "study_version": row["study_version"],
        "state": State.OBJECTED.value if objected else State.COMPLETED.value, "mode": row["mode"],
        "interviewer": consent["interviewer"],
        "created_at": _norm_time(row["created_at"]), "completed_at": _norm_time(row["completed_at"]),
        "consent": {
            "notice_id": consent["notice_id"], "notice_version": consent["notice_version"],
            "text_sha256": consent["text_sha256"], "mode": consent["mode"], "interviewer": consent["interviewer"],
            "delivered_at": delivered, "decided_at": _norm_time(consent["decided_at"]) or delivered,
            "decision": consent["decision"],
        },
        "answers": {} if objected else answers,
        "attributes": {} if objected else json.loads(row["attributes_json"] or "{}"),
    }


# -- reading ----------------------------------------------------------------------------------------
def count(vault: VaultHandle, study_id: str, states: Iterable[State]) -> int:
    marks = values(frozenset(states))
    return int(vault.conn.execute(
        f"SELECT count(*) FROM interview WHERE study_id = ? AND state IN ({','.join('?' * len(marks))})",
        (study_id, *marks)).fetchone()[0])


def pending_batches(vault: VaultHandle, study_id: str) -> list[str]:
    """Batches locked by an interrupted sync, to be sent again as they were."""
    rows = vault.conn.execute("SELECT DISTINCT batch_id FROM interview WHERE study_id = ? AND state = ? "
                              "ORDER BY batch_id", (study_id, State.SENDING.value)).fetchall()
    return [r[0] for r in rows]


def relock(vault: VaultHandle, study_id: str, batch_id: str) -> LockedBatch:
    """An interrupted batch, rebuilt identically (same id, same interviews, same hashes)."""
    batch = LockedBatch(batch_id, study_id)
    conn = vault.conn
    rows = conn.execute("SELECT * FROM interview WHERE batch_id = ? AND state = ? ORDER BY id",
                        (batch_id, State.SENDING.value)).fetchall()
    payloads = build_payloads(conn, rows)
    for row in rows:
        payload = payloads[row["id"]]
        if isinstance(payload, ValueError):
            raise UnreadableBatch(row["id"], str(payload))
        batch.items.append({"id": row["id"], "content_sha256": row["content_sha256"], "payload": payload})
    return batch


# -- the steps of a sync ------------------------------------------------------------------------------
def lock(vault: VaultHandle, study_id: str, limit: int, max_bytes: int, prepare: Prepare) -> tuple[LockedBatch | None, int]:
    """Lock the next finished interviews as SENDING under a new batch id, bounded in number and
    bytes; returns the batch (None when nothing is left) and how many were refused locally."""
    refused = 0
    while True:
        batch = LockedBatch(str(uuid.uuid4()), study_id)
        size = 512
        to_send = values(TO_SEND)
        with vault.transaction() as conn:
            rows = conn.execute(
                f"SELECT * FROM interview WHERE study_id = ? AND state IN ({','.join('?' * len(to_send))}) "
                "ORDER BY completed_at, id LIMIT ?", (study_id, *to_send, limit)).fetchall()
            payloads = build_payloads(conn, rows)
            for row in rows:
                try:
                    raw = payloads[row["id"]]
                    if isinstance(raw, ValueError):
                        raise Refused(f"contenu invalide : {raw}", "unreadable")
                    prepared = prepare(raw)
                except Refused as exc:  # never sent: it would carry what may not leave
                    check_transition(State(row["state"]), State.REJECTED)
                    conn.execute("UPDATE interview SET state = ?, receipt_status = ?, receipt_reason = ?, "
                                 "receipt_code = ? WHERE id = ?",
                                 (State.REJECTED.value, LOCAL, exc.reason, exc.code, row["id"]))
                    refused += 1
                    continue
                item_bytes = len(prepared.blob) + 160
                if batch.items and size + item_bytes > max_bytes:
                    break
                size += item_bytes
                check_transition(State(row["state"]), State.SENDING)
                batch.items.append({"id": row["id"], "content_sha256": prepared.sha256, "payload": prepared.content})
            conn.executemany("UPDATE interview SET state = ?, batch_id = ?, content_sha256 = ?, receipt_status = NULL, "
                             "receipt_reason = NULL, receipt_code = NULL WHERE id = ?",
                             [(State.SENDING.value, batch.batch_id, item["content_sha256"], item["id"])
                              for item in batch.items])
        batch.items.sort(key=lambda item: item["id"])
        if batch.items:
            return batch, refused
        if not rows:
            return None, refused
        # every interview read was refused locally: look at the next ones


def release(vault: VaultHandle, batch: LockedBatch, reject_reason: str | None = None, code: str | None = None) -> None:
    """Give a batch's interviews back: to be sent again in other batches, or refused locally."""
    with vault.transaction() as conn:
        for item in batch.items:
            target = State.REJECTED if reject_reason else State(item["payload"]["state"])
            check_transition(State.SENDING, target)
            conn.execute("UPDATE interview SET state = ?, batch_id = NULL, receipt_status = ?, receipt_reason = ?, "
                         "receipt_code = ? WHERE id = ? AND state = ?",
                         (target.value, LOCAL if reject_reason else None, reject_reason,
                          code if reject_reason else None, item["id"], State.SENDING.value))


def apply_receipts(vault: VaultHandle, batch: LockedBatch, receipts: Iterable[ReceiptRow], now: datetime) -> dict[str, int]:
    """In one transaction: purge what was acknowledged (tombstones kept), keep the rest with its
    reason, give back what got no receipt, log and audit the batch; then checkpoint the vault.
    Returns the counts by receipt status."""
    at = iso(now)
    counts = {"accepted": 0, "duplicate": 0, "conflict": 0, "rejected": 0}
    with vault.transaction() as conn:
        present = {r["id"]: r for r in conn.execute(
            "SELECT id, study_id, respondent_id, mode, completed_at, content_sha256 FROM interview "
            "WHERE batch_id = ? AND state = ?", (batch.batch_id, State.SENDING.value))}
        acked: list[tuple[Any, ReceiptRow]] = []
        kept: list[tuple[Any, ReceiptRow]] = []
        for receipt in receipts:
            row = present.pop(receipt.interview_id, None)
            if row is None:
                continue  # a repeated receipt, or not one of ours
            counts[receipt.status] += 1
            target = State.ACKNOWLEDGED if receipt.acknowledged else State(receipt.status)
            check_transition(State.SENDING, target)
            (acked if receipt.acknowledged else kept).append((row, receipt))
        conn.executemany("INSERT INTO tombstone (interview_id, study_id, content_sha256, batch_id, receipt_status, "
                         "purged_at, respondent_id, mode, completed_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) "
                         "ON CONFLICT DO NOTHING",
                         [(r["id"], r["study_id"], r["content_sha256"], batch.batch_id, rc.status, at,
                           r["respondent_id"], r["mode"], r["completed_at"]) for r, rc in acked])
        gone = json.dumps([r["id"] for r, _ in acked])
        for table, key in (("answer", "interview_id"), ("consent", "interview_id"), ("interview", "id")):
            conn.execute(f"DELETE FROM {table} WHERE {key} IN (SELECT value FROM json_each(?))", (gone,))
        conn.executemany("UPDATE interview SET state = ?, receipt_status = ?, receipt_reason = ?, receipt_code = ? "
                         "WHERE id = ?", [(rc.status, rc.status, rc.reason, rc.code, r["id"]) for r, rc in kept])
        _erase_contacts_when_done(conn, [r["respondent_id"] for r, _ in acked if r["respondent_id"] is not None])
        _log_in(conn, at, batch.study_id, batch.batch_id, len(batch.items), counts, "ok", None)
        for item in batch.items:  # no receipt: back to the queue
            conn.execute("UPDATE interview SET state = ?, batch_id = NULL WHERE id = ? AND batch_id = ? AND state = ?",
                         (item["payload"]["state"], item["id"], batch.batch_id, State.SENDING.value))
        purged = counts["accepted"] + counts["duplicate"]
        audit.record(conn, now, "sync_batch", None, [], {**counts, "purged": purged})
    vault.checkpoint()
    return counts


def _erase_contacts_when_done(conn: Any, respondent_ids: list[int]) -> None:
    """People with no interview left to ask or send keep only what stops a new contact (the
    assignments of storage.interviews.erase_contact, without changing their status)."""
    if not respondent_ids:
        return
    conn.execute(
        f"UPDATE respondent SET {ERASE_CONTACT} WHERE id IN (SELECT value FROM json_each(?)) "
        f"AND NOT EXISTS (SELECT 1 FROM interview i WHERE i.respondent_id = respondent.id "
        f"AND i.state IN ({','.join('?' * len(STILL_TO_DO))}))",
        (json.dumps(sorted(set(respondent_ids))), *STILL_TO_DO))


def log_outcome(vault: VaultHandle, now: datetime, study_id: str | None, outcome: str, duration_ms: int) -> None:
    """A sync that stopped (an error or a cancel) leaves its line in the sync log."""
    with vault.transaction() as conn:
        _log_in(conn, iso(now), study_id, None, 0, {}, outcome, duration_ms)


def _log_in(conn: Any, at: str, study_id: str | None, batch_id: str | None, sent: int, counts: dict[str, int],
            outcome: str, duration_ms: int | None) -> None:
    conn.execute("INSERT INTO sync_log (at, study_id, batch_id, sent, accepted, duplicate, conflict, rejected, "
                 "outcome, duration_ms) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                 (at, study_id, batch_id, sent, counts.get("accepted", 0), counts.get("duplicate", 0),
                  counts.get("conflict", 0), counts.get("rejected", 0), outcome, duration_ms))


@contextmanager
def page_cache(vault: VaultHandle, kib: int) -> Iterator[None]:
    """A larger page cache while a sync runs (negative: KiB, SQLite's convention); freed after."""
    conn = vault.conn
    before = int(conn.execute("PRAGMA cache_size").fetchone()[0])
    conn.execute(f"PRAGMA cache_size = {int(kib)}")
    try:
        yield
    finally:
        conn.execute(f"PRAGMA cache_size = {before}")


def mark_synced(vault: VaultHandle, now: datetime) -> None:
    """The time of the last sync that went to its end."""
    with vault.transaction() as conn:
        write_setting_in(conn, SETTING_LAST_SYNC, iso(now))
