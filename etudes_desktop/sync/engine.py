"""The sync engine: completed interviews leave in batches; what the server acknowledged is purged.

Steps, each one transaction in the vault, so an interruption anywhere is finished by the next
sync (nothing lost, nothing twice):
1. batches left SENDING by an earlier sync are sent again with the same batch id (the server
   answers the same receipts);
2. completed and objected interviews are locked as SENDING under a new batch id (count and
   bytes bounded; the count grows while requests stay under 2 MB and 5 s, halves on a timeout);
3. on receipts: accepted/duplicate interviews are deleted (answers, consent, attributes) and
   leave a PII-free tombstone; rejected/conflict ones stay with the reason; respondents with
   nothing left to do lose their contact data; then the WAL is checkpointed (TRUNCATE);
4. the audit log goes up, then the study published on the server comes down (sync.studies_pull):
   a new version serves the next interviews, a study closed there is closed here.
No Qt: the GUI runs `SyncEngine.run` in a worker; clock, sleep, randomness and transport are
passed in.
"""

from __future__ import annotations

from etudes_desktop.sync.errors import (  # noqa: F401 - SyncError, SyncCancelled re-exported
    AuditRejected, BatchRefused, ServerIncoherent, ServerUnreachable, SyncCancelled, SyncError, TokenRefused,
    WriteRefused, WrongStudy,
)
from etudes_desktop.core.interview import OPEN, SYNC_PROBLEMS, WAITING_SYNC, values
import hashlib
import json
import logging
import random
import time
import uuid
from collections.abc import Callable
from concurrent.futures import Executor, Future, ThreadPoolExecutor
from concurrent.futures import wait as wait_all
from dataclasses import dataclass, field
from datetime import date, datetime, timezone
from typing import Any

import orjson
from pydantic import ValidationError

from etudes_desktop.storage import audit
from etudes_desktop.storage.interviews import CONTACT_COLUMNS
from etudes_desktop.sync import clock_offset
from etudes_desktop.sync import protocol as p
from etudes_desktop.sync.transport import Reply, Transport, TransportFailure

log = logging.getLogger(__name__)

MAX_BATCH_BYTES = 2 * 1024 * 1024
TARGET_SECONDS = 5.0
SETTING_SERVER, SETTING_TOKEN, SETTING_LAST_SYNC = "sync.server_url", "sync.device_token", "sync.last_success"
# Page cache while syncing (negative: KiB, SQLite's convention). With the default 8 MiB the pages
# a batch's lock decrypted were evicted before its purge deleted their rows, and were read and
# decrypted again; 64 MiB holds a 2 MB batch's answers, consents and indexes across both steps.
SYNC_CACHE_KIB = -65536
STILL_TO_DO = values(OPEN | WAITING_SYNC | SYNC_PROBLEMS)




@dataclass
class BatchSizer:
    """How many interviews the next batch may hold."""

    count: int = 100
    max_count: int = p.MAX_INTERVIEWS_PER_BATCH
    max_bytes: int = MAX_BATCH_BYTES
    target_seconds: float = TARGET_SECONDS

    def after_success(self, count: int, body_bytes: int, seconds: float) -> None:
        if seconds > self.target_seconds:
            self.count = max(1, count // 2)
        elif count >= self.count and body_bytes < self.max_bytes and seconds < self.target_seconds / 2:
            self.count = min(self.max_count, self.count * 2)

    def after_timeout(self, count: int) -> None:
        self.count = max(1, min(self.count, count) // 2)


@dataclass
class Retry:
    """Exponential backoff with jitter; Retry-After wins when the server gives it."""

    attempts: int = 6
    base: float = 0.5
    cap: float = 60.0

    def delay(self, attempt: int, retry_after: float | None, rng: Callable[[], float]) -> float:
        if retry_after is not None:
            return min(retry_after, self.cap * 5)
        return min(self.cap, self.base * 2 ** (attempt - 1)) * (0.5 + rng() / 2)


@dataclass
class SyncReport:
    study_id: str = ""
    batches: int = 0
    sent: int = 0
    accepted: int = 0
    duplicate: int = 0
    conflict: int = 0
    rejected: int = 0
    purged: int = 0
    retries: int = 0  # batch and audit requests tried again
    handshake_retries: int = 0  # device requests tried again before the sync could start
    clock_offset_ms: int = 0  # server clock minus laptop clock (best of several round trips)
    clock_uncertainty_ms: int = 0  # half the best round trip: the most the offset can be wrong by
    clock_suspect: bool = False  # offset beyond an hour, or uncertainty beyond a second
    seconds: float = 0.0
    outcome: str = "ok"
    remaining: int = 0
    audit_sent: int = 0
    study_update: str = ""  # the published study: created, updated, closed, unchanged, none, refused
    study_problem: str = ""

    def as_dict(self) -> dict[str, Any]:
        return dict(self.__dict__)


@dataclass
class LockedBatch:
    batch_id: str
    study_id: str
    items: list[dict[str, Any]] = field(default_factory=list)  # id, content_sha256, payload

    def body(self, device_id: str | None, offset_ms: int, sent_at: str) -> bytes:
        interviews = [{**item, "clock_offset_ms": offset_ms} for item in self.items]
        batch = {"protocol_version": p.PROTOCOL_VERSION, "batch_id": self.batch_id, "device_id": device_id,
                 "study_id": self.study_id, "sent_at": sent_at, "interviews": interviews}
        try:
            # the same JSON as json.dumps, ten times faster: payloads are model dumps whose
            # canonical form was already encoded (so no NaN or infinity is left to write)
            return orjson.dumps(batch)
        except orjson.JSONEncodeError:  # integers beyond 64 bits
            return json.dumps(batch, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def utc_now() -> datetime:
    return datetime.now(timezone.utc)


def _iso(moment: datetime) -> str:
    return moment.astimezone(timezone.utc).isoformat(timespec="microseconds").replace("+00:00", "Z")


def _norm_time(value: str | None) -> str | None:
    """A stored timestamp in the protocol's form (UTC assumed when the zone is missing)."""
    if not value:
        return None
    moment = datetime.fromisoformat(value.replace("Z", "+00:00"))
    return _iso(moment if moment.tzinfo else moment.replace(tzinfo=timezone.utc))


def build_payloads(conn: Any, rows: list[Any]) -> dict[str, dict[str, Any] | ValueError]:
    """The canonical content of interviews, read from the vault in three queries (never contact data)."""
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
    """The canonical content of one interview."""
    payload = build_payloads(conn, [row])[row["id"]]
    if isinstance(payload, ValueError):
        raise payload
    return payload


def _payload(row: Any, consent: Any, answers: dict[str, Any]) -> dict[str, Any]:
    objected = consent["decision"] == "objects"
    delivered = _norm_time(consent["delivered_at"])
    return {
        "study_id": row["study_id"], "study_version": row["study_version"],
        "state": "objected" if objected else "completed", "mode": row["mode"], "interviewer": consent["interviewer"],
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


class SyncEngine:
    """Sends a study's finished interviews and purges what the server acknowledged."""

    def __init__(self, vault: Any, transport: Transport, *, clock: Callable[[], datetime] = utc_now,
                 sleep: Callable[[float], None] = time.sleep, rng: Callable[[], float] = random.random,
                 monotonic: Callable[[], float] = time.monotonic,
                 sizer: BatchSizer | None = None, retry: Retry | None = None, request_timeout: float = 30.0,
                 progress: Callable[[int, int, int], None] | None = None,
                 cancelled: Callable[[], bool] | None = None) -> None:
        self.vault, self.transport, self.clock, self.sleep, self.rng = vault, transport, clock, sleep, rng
        self.monotonic = monotonic
        self.sizer = sizer or BatchSizer()
        self.retry = retry or Retry()
        self.request_timeout = request_timeout
        self.progress = progress or (lambda done, total, batch: None)
        self.cancelled = cancelled or (lambda: False)
        self.device_id: str | None = None
        self.offset_ms = 0
        self.rejected_locally = 0

    # -- the whole run ---------------------------------------------------------------------------
    def run(self, study_id: str | None = None) -> SyncReport:
        """One sync: resume interrupted batches, then send everything finished; returns the counts."""
        conn = self.vault.conn
        cache = int(conn.execute("PRAGMA cache_size").fetchone()[0])
        conn.execute(f"PRAGMA cache_size = {SYNC_CACHE_KIB}")
        try:
            return self._run(study_id)
        finally:
            conn.execute(f"PRAGMA cache_size = {cache}")  # the extra pages are freed

    def _run(self, study_id: str | None) -> SyncReport:
        started = time.perf_counter()
        report = SyncReport(study_id=study_id or "")
        try:
            report.study_id = self._handshake(study_id, report)
            total = self._count(report.study_id, values(WAITING_SYNC))
            for batch_id in self._pending_batches(report.study_id):
                self._deliver(self._relock(report.study_id, batch_id), report, total)
            self._pipeline(report, total)
            report.audit_sent = self._send_audit(report)
            self._pull_studies(report)
        except SyncError as exc:
            report.outcome = "cancelled" if isinstance(exc, SyncCancelled) else "error"
            self._log(report.study_id or None, None, report, started, report.outcome)
            raise
        finally:
            report.seconds = time.perf_counter() - started
            report.rejected += self.rejected_locally
            report.remaining = self._count(report.study_id, values(WAITING_SYNC))
        with self.vault.transaction() as conn:
            conn.execute("INSERT INTO setting (key, value_json) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET "
                         "value_json = excluded.value_json", (SETTING_LAST_SYNC, json.dumps(_iso(self.clock()))))
        return report

    def _pipeline(self, report: SyncReport, total: int) -> None:
        """The vault's work runs in a helper thread, in order, while batches are on the wire: the
        next batch is locked, and the last one's receipts applied, during the current request (the
        vault's own lock keeps their transactions apart). A batch locked but not sent, or sent but
        not yet applied, is resumed by the next sync (the server replays its receipts)."""
        with ThreadPoolExecutor(max_workers=1, thread_name_prefix="sync-vault") as helper:
            upcoming = helper.submit(self._lock, report.study_id, self.sizer.count)
            applying: list[Future[None]] = []
            try:
                # nothing locked ahead: look again once the receipts are applied, a batch given
                # back (timeout, 413, unanswered) may be waiting
                while not self._stop_requested() and (batch := upcoming.result() or (
                        _settle(applying) or self._lock(report.study_id, self.sizer.count))):
                    upcoming = helper.submit(self._lock, report.study_id, self.sizer.count)
                    self._deliver(batch, report, total, helper=helper, applying=applying)
                _settle(applying)
            except BaseException:
                wait_all(applying)  # receipts already received are applied first
                for done in applying:
                    if done.exception() is not None:
                        log.warning("sync: applying receipts failed too (%s)", type(done.exception()).__name__)
                unsent = upcoming.result()
                if unsent:
                    self._release(unsent)  # locked ahead but never sent: back to the queue
                raise

    def _handshake(self, study_id: str | None, report: SyncReport) -> str:
        """Which study this token may write to, and the offset between our clock and the server's,
        measured on each request's own round trip (never across retries), best of a few."""
        samples: list[clock_offset.Sample] = []

        def measured() -> Reply:
            sent_at, start = self.clock(), self.monotonic()
            reply = self.transport.get_device()
            round_trip = self.monotonic() - start
            stamp = reply.headers.get(p.SERVER_TIME_HEADER.lower())
            if stamp is None and reply.status == 200:
                stamp = reply.body.get("server_time")
            server = clock_offset.parse_server_time(stamp) if isinstance(stamp, str) else None
            if server is not None:
                samples.append(clock_offset.Sample(sent_at, round_trip, server))
            return reply

        reply = self._call(measured, report, counter="handshake_retries")
        info = p.DeviceInfo.model_validate(reply.body)
        if study_id and study_id != info.study_id:
            raise WrongStudy(info.study_id, study_id)
        while len(samples) < clock_offset.SAMPLES and not self.cancelled():
            try:  # quick probes, one attempt each: a failed one only means one sample less
                measured()
            except TransportFailure:
                break
        found = clock_offset.estimate(samples)  # ClockOffsetAbsurd (a SyncError) beyond the bound
        if found is None:
            raise ServerIncoherent("heure du serveur absente")
        self.offset_ms = found.offset_ms
        report.clock_offset_ms, report.clock_uncertainty_ms = found.offset_ms, found.uncertainty_ms
        report.clock_suspect = found.suspect
        if found.suspect:
            log.warning("sync: clock offset %d ms (uncertainty %d ms)", found.offset_ms, found.uncertainty_ms)
        self.device_id = info.device_id
        if info.study_delivered_on:  # the server delivered the study: its retention clock starts here too
            from etudes_desktop.storage.retention import apply_server_delivery

            apply_server_delivery(self.vault, info.study_id, date.fromisoformat(info.study_delivered_on),
                                  now=self.clock())
        return info.study_id

    def _pull_studies(self, report: SyncReport) -> None:
        """The study published on the server comes down first (sync.studies_pull); a package the
        laptop refuses is reported and audited, and the interviews still go up."""
        from etudes_desktop.sync import studies_pull

        try:
            report.study_update = studies_pull.pull(self.vault, self.transport, report.study_id,
                                                    lambda send: self._call(send, report), self.clock())
        except studies_pull.StudyRefused as exc:
            report.study_update, report.study_problem = "refused", str(exc)
            log.warning("sync: published study refused (%s)", exc)
            with self.vault.transaction() as conn:
                audit.record(conn, self.clock(), "study_pull_refused", None, [report.study_id])

    def _stop_requested(self) -> bool:
        if self.cancelled():
            raise SyncCancelled()
        return False

    def _deliver(self, batch: LockedBatch, report: SyncReport, total: int, *, helper: Executor | None = None,
                 applying: list[Future[None]] | None = None) -> None:
        """Send one batch and apply its receipts: here, or queued on helper (see `_pipeline`)."""
        self._stop_requested()
        self.progress(report.sent, total, len(batch.items))
        receipts = self._send(batch, report)
        if receipts is None:
            return  # released for smaller batches; the loop picks the interviews up again
        report.batches += 1
        report.sent += len(batch.items)
        if helper is None or applying is None:
            self._apply(batch, receipts, report)
        else:
            applying.append(helper.submit(self._apply, batch, receipts, report))
            _settle(applying, finished_only=True)  # an error in an earlier batch stops the sync now
        self.progress(report.sent, total, 0)

    # -- one batch over the network ------------------------------------------------------------
    def _send(self, batch: LockedBatch, report: SyncReport) -> p.BatchReceipts | None:
        body = batch.body(self.device_id, self.offset_ms, _iso(self.clock()))
        try:
            reply = self._call(lambda: self.transport.post_batch(body, self.request_timeout), report,
                               shrink_on=batch)
        except _Released:
            return None
        if reply.status == 413 and len(batch.items) > 1:
            self.sizer.count = max(1, len(batch.items) // 2)
            self._release(batch)
            return None
        if reply.status in (409, 413):
            reason = "lot trop volumineux pour le serveur" if reply.status == 413 else None
            self._release(batch, reject_reason=reason, code=p.ReasonCode.TOO_LARGE if reason else None)
            return None
        if reply.status != 200:
            raise BatchRefused(reply.message())
        self.sizer.after_success(len(batch.items), len(body), reply.seconds)
        receipts = p.BatchReceipts.model_validate(reply.body)
        if receipts.batch_id != batch.batch_id:
            raise ServerIncoherent("identifiant de lot")
        return receipts

    def _call(self, request: Callable[[], Reply], report: SyncReport | None,
              shrink_on: LockedBatch | None = None, counter: str = "retries") -> Reply:
        """A request with retries: network failures, 429 and 5xx back off; 401/403 stop the sync."""
        attempt = 0
        while True:
            if self.cancelled():
                raise SyncCancelled()
            try:
                reply = request()
            except TransportFailure as exc:
                if exc.timeout and shrink_on is not None and len(shrink_on.items) > 1:
                    self.sizer.after_timeout(len(shrink_on.items))
                    self._release(shrink_on)
                    raise _Released() from None
                wait, why = self.retry.delay(attempt + 1, None, self.rng), str(exc)
            else:
                if reply.status == 401:
                    raise TokenRefused(reply.message())
                if reply.status == 403:
                    raise WriteRefused(reply.message())
                if reply.status != 429 and reply.status < 500:
                    return reply
                wait, why = self.retry.delay(attempt + 1, reply.retry_after(), self.rng), reply.message()
            attempt += 1
            if attempt >= self.retry.attempts:
                raise ServerUnreachable(attempt, why)
            if report is not None:
                setattr(report, counter, getattr(report, counter) + 1)
            log.info("sync retry %d in %.1f s", attempt, wait)
            self.sleep(wait)

    def _send_audit(self, report: SyncReport) -> int:
        """The audit log travels with the interviews (ids and counts only), once each."""
        from etudes_desktop.sync import audit_upload

        if self._stop_requested():
            return 0
        try:
            return audit_upload.upload(self.vault, self.device_id, lambda body: self._call(
                lambda: self.transport.post_audit(body, self.request_timeout), report))
        except audit_upload.AuditRefused as exc:
            raise AuditRejected(str(exc)) from None

    # -- the vault side --------------------------------------------------------------------------
    def _count(self, study_id: str, states: tuple[str, ...]) -> int:
        marks = ",".join("?" * len(states))
        return int(self.vault.conn.execute(f"SELECT count(*) FROM interview WHERE study_id = ? AND state IN ({marks})",
                                           (study_id, *states)).fetchone()[0])

    def _pending_batches(self, study_id: str) -> list[str]:
        rows = self.vault.conn.execute("SELECT DISTINCT batch_id FROM interview WHERE study_id = ? AND "
                                       "state = 'sending' ORDER BY batch_id", (study_id,)).fetchall()
        return [r[0] for r in rows]

    def _relock(self, study_id: str, batch_id: str) -> LockedBatch:
        """An interrupted batch, rebuilt identically (same id, same interviews, same hashes)."""
        batch = LockedBatch(batch_id, study_id)
        conn = self.vault.conn
        rows = conn.execute("SELECT * FROM interview WHERE batch_id = ? AND state = 'sending' ORDER BY id",
                            (batch_id,)).fetchall()
        payloads = build_payloads(conn, rows)
        for row in rows:
            payload = payloads[row["id"]]
            if isinstance(payload, ValueError):
                raise SyncError(f"entretien {row['id']} illisible : {payload}")
            batch.items.append({"id": row["id"], "content_sha256": row["content_sha256"], "payload": payload})
        return batch

    def _lock(self, study_id: str, count: int) -> LockedBatch | None:
        """Lock the next finished interviews as SENDING under a new batch id (bounded in bytes)."""
        batch = LockedBatch(str(uuid.uuid4()), study_id)
        size = 512
        with self.vault.transaction() as conn:
            rows = conn.execute("SELECT * FROM interview WHERE study_id = ? AND state IN ('completed', 'objected') "
                                "ORDER BY completed_at, id LIMIT ?", (study_id, count)).fetchall()
            payloads = build_payloads(conn, rows)
            for row in rows:
                try:
                    raw = payloads[row["id"]]
                    if isinstance(raw, ValueError):
                        raise raw
                    model = p.InterviewPayload.model_validate(raw)
                except (ValidationError, ValueError) as exc:  # never sent: it would carry what may not leave
                    _set_state(conn, row["id"], "rejected", "local", _short(exc), p.ReasonCode.UNREADABLE)
                    self.rejected_locally += 1
                    continue
                content = model.model_dump(mode="json")
                blob = p.canonical_json(content)  # hashed once; its length bounds the batch's bytes
                item = {"id": row["id"], "content_sha256": hashlib.sha256(blob).hexdigest(), "payload": content}
                item_bytes = len(blob) + 160
                if batch.items and size + item_bytes > self.sizer.max_bytes:
                    break
                size += item_bytes
                batch.items.append(item)
            conn.executemany("UPDATE interview SET state = 'sending', batch_id = ?, content_sha256 = ?, "
                             "receipt_status = NULL, receipt_reason = NULL, receipt_code = NULL WHERE id = ?",
                             [(batch.batch_id, item["content_sha256"], item["id"]) for item in batch.items])
        batch.items.sort(key=lambda item: item["id"])
        return batch if batch.items else (None if not rows else self._lock(study_id, count))

    def _release(self, batch: LockedBatch, reject_reason: str | None = None,
                 code: p.ReasonCode | None = None) -> None:
        """Give a batch's interviews back (to be sent again in other batches, or rejected locally)."""
        with self.vault.transaction() as conn:
            for item in batch.items:
                state = "rejected" if reject_reason else item["payload"]["state"]
                conn.execute("UPDATE interview SET state = ?, batch_id = NULL, receipt_status = ?, receipt_reason = ?, "
                             "receipt_code = ? WHERE id = ? AND state = 'sending'",
                             (state, "local" if reject_reason else None, reject_reason,
                              code.value if code and reject_reason else None, item["id"]))

    def _apply(self, batch: LockedBatch, receipts: p.BatchReceipts, report: SyncReport) -> None:
        """In one transaction: purge what was acknowledged, keep the rest with its reason; then checkpoint."""
        now = _iso(self.clock())
        counts = {"accepted": 0, "duplicate": 0, "conflict": 0, "rejected": 0}
        with self.vault.transaction() as conn:
            present = {r["id"]: r for r in conn.execute(
                "SELECT id, study_id, respondent_id, mode, completed_at, content_sha256 FROM interview WHERE batch_id = ? AND "
                "state = 'sending'", (batch.batch_id,))}
            acked, kept = [], []
            for receipt in receipts.receipts:
                row = present.pop(receipt.interview_id, None)
                if row is None:
                    continue  # a repeated receipt, or not one of ours
                counts[receipt.status] += 1
                (acked if receipt.status in p.ACKNOWLEDGED else kept).append((row, receipt))
            conn.executemany("INSERT INTO tombstone (interview_id, study_id, content_sha256, batch_id, receipt_status, "
                             "purged_at, respondent_id, mode, completed_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) "
                             "ON CONFLICT DO NOTHING",
                             [(r["id"], r["study_id"], r["content_sha256"], batch.batch_id, rc.status, now,
                               r["respondent_id"], r["mode"], r["completed_at"]) for r, rc in acked])
            gone = json.dumps([r["id"] for r, _ in acked])
            for table, key in (("answer", "interview_id"), ("consent", "interview_id"), ("interview", "id")):
                conn.execute(f"DELETE FROM {table} WHERE {key} IN (SELECT value FROM json_each(?))", (gone,))
            conn.executemany("UPDATE interview SET state = ?, receipt_status = ?, receipt_reason = ?, receipt_code = ? "
                             "WHERE id = ?", [(rc.status, rc.status, rc.reason, rc.reason_code, r["id"]) for r, rc in kept])
            _purge_respondents_if_done(conn, [r["respondent_id"] for r, _ in acked if r["respondent_id"] is not None])
            for name, value in counts.items():
                setattr(report, name, getattr(report, name) + value)
            purged = counts["accepted"] + counts["duplicate"]
            report.purged += purged
            self._log_in(conn, batch.study_id, batch.batch_id, len(batch.items), counts, "ok", None)
            self._release_unanswered(conn, batch)
            audit.record(conn, self.clock(), "sync_batch", None, [], {**counts, "purged": purged})
        self.vault.checkpoint()

    def _release_unanswered(self, conn: Any, batch: LockedBatch) -> None:
        for item in batch.items:
            conn.execute("UPDATE interview SET state = ?, batch_id = NULL WHERE id = ? AND batch_id = ? "
                         "AND state = 'sending'", (item["payload"]["state"], item["id"], batch.batch_id))

    def _log(self, study_id: str, batch_id: str | None, report: SyncReport, started: float, outcome: str) -> None:
        with self.vault.transaction() as conn:
            self._log_in(conn, study_id, batch_id, 0, {}, outcome, round((time.perf_counter() - started) * 1000))

    def _log_in(self, conn: Any, study_id: str, batch_id: str | None, sent: int, counts: dict[str, int],
                outcome: str, duration_ms: int | None) -> None:
        conn.execute("INSERT INTO sync_log (at, study_id, batch_id, sent, accepted, duplicate, conflict, rejected, "
                     "outcome, duration_ms) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                     (_iso(self.clock()), study_id, batch_id, sent, counts.get("accepted", 0),
                      counts.get("duplicate", 0), counts.get("conflict", 0), counts.get("rejected", 0), outcome,
                      duration_ms))


def _settle(futures: list[Future[None]], *, finished_only: bool = False) -> None:
    """Wait for queued work (or only collect what has finished) and re-raise its first error."""
    while futures and (not finished_only or futures[0].done()):
        futures.pop(0).result()


class _Released(Exception):
    """The batch was given back after a timeout, to be re-sent in smaller batches."""


def _set_state(conn: Any, interview_id: str, state: str, receipt: str, reason: str | None,
               code: p.ReasonCode | None = None) -> None:
    conn.execute("UPDATE interview SET state = ?, receipt_status = ?, receipt_reason = ?, receipt_code = ? WHERE id = ?",
                 (state, receipt, reason, code.value if code else None, interview_id))


def _purge_respondents_if_done(conn: Any, respondent_ids: list[int]) -> None:
    """Respondents with no interview left to send keep only what stops a new contact."""
    if not respondent_ids:
        return
    marks = ",".join("?" * len(STILL_TO_DO))
    erase = ", ".join(f"{column} = NULL" for column in CONTACT_COLUMNS)
    conn.execute(
        f"UPDATE respondent SET {erase}, attributes_json = '{{}}' WHERE id IN (SELECT value FROM json_each(?)) "
        f"AND NOT EXISTS (SELECT 1 FROM interview i WHERE i.respondent_id = respondent.id AND i.state IN ({marks}))",
        (json.dumps(sorted(set(respondent_ids))), *STILL_TO_DO))


def _short(exc: Exception) -> str:
    if isinstance(exc, ValidationError):
        first = exc.errors(include_input=False, include_url=False)[0]
        return f"contenu invalide : {'.'.join(str(x) for x in first['loc'])} : {first['msg']}"
    return f"contenu invalide : {exc}"


def read_setting(vault: Any, key: str) -> Any:
    row = vault.conn.execute("SELECT value_json FROM setting WHERE key = ?", (key,)).fetchone()
    return json.loads(row[0]) if row else None


def write_setting(vault: Any, key: str, value: Any) -> None:
    with vault.transaction() as conn:
        conn.execute("INSERT INTO setting (key, value_json) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET "
                     "value_json = excluded.value_json", (key, json.dumps(value)))

