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
4. closed focus group sessions go up, one pseudonymised record each (sync.group_push), their
   content purged here once acknowledged; then the audit log goes up;
5. case management (sync.cases): the case events go up (objections, completions, calls), the
   study published on the server comes down (sync.studies_pull: a new version serves the next
   interviews, a study closed there is closed here), then the people assigned to this laptop
   (sync.assignment_pull: received, updated, dropped when moved elsewhere). When the collection
   office revoked the laptop, instead: the study's data is destroyed and the audit log goes up
   once more, saying so (remote wipe).
No Qt: the GUI runs `SyncEngine.run` in a worker; clock, sleep, randomness and transport are
passed in.
"""

from __future__ import annotations

import hashlib
import json
import logging
import random
import time
from collections.abc import Callable
from concurrent.futures import Executor, Future, ThreadPoolExecutor
from concurrent.futures import wait as wait_all
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from typing import Any

import orjson
from pydantic import ValidationError

from etudes_desktop.core.interview import WAITING_SYNC
from etudes_desktop.storage import audit, outbox
from etudes_desktop.storage.handle import VaultHandle
from etudes_desktop.storage.outbox import LockedBatch
from etudes_desktop.sync import clock_offset
from etudes_desktop.sync import protocol as p
from etudes_desktop.sync.errors import (  # noqa: F401 - SyncError, SyncCancelled re-exported
    AuditRejected,
    BatchRefused,
    ServerIncoherent,
    ServerUnreachable,
    SyncCancelled,
    SyncError,
    TokenRefused,
    WriteRefused,
    WrongStudy,
)
from etudes_desktop.sync.transport import Reply, Transport, TransportFailure

log = logging.getLogger(__name__)

MAX_BATCH_BYTES = 2 * 1024 * 1024
TARGET_SECONDS = 5.0
SETTING_SERVER, SETTING_TOKEN = "sync.server_url", "sync.device_token"
# Page cache while syncing (negative: KiB, SQLite's convention). With the default 8 MiB the pages
# a batch's lock decrypted were evicted before its purge deleted their rows, and were read and
# decrypted again; 64 MiB holds a 2 MB batch's answers, consents and indexes across both steps.
SYNC_CACHE_KIB = -65536




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
    case_events_sent: int = 0  # case events the server acknowledged
    assignment: str = ""  # the office's assignment: applied, unchanged, waiting (study not here yet), none, refused
    assigned_added: int = 0
    assigned_updated: int = 0
    assigned_dropped: int = 0
    assigned_kept: int = 0  # no longer assigned here, kept while an interview with them is open or unsent
    assigned_refused: int = 0  # refused by the import's checks (a NIR...), never stored
    case_problem: str = ""
    group_sessions_sent: int = 0  # focus group sessions the server holds now (their content purged here)
    group_problems: list[str] = field(default_factory=list)
    wiped: bool = False  # the office revoked this laptop: the study's data was destroyed after sending
    wipe_counts: dict[str, int] = field(default_factory=dict)

    def as_dict(self) -> dict[str, Any]:
        return dict(self.__dict__)


def batch_body(batch: LockedBatch, device_id: str | None, offset_ms: int, sent_at: str) -> bytes:
    """The request body of a locked batch."""
    interviews = [{**item, "clock_offset_ms": offset_ms} for item in batch.items]
    body = {"protocol_version": p.PROTOCOL_VERSION, "batch_id": batch.batch_id, "device_id": device_id,
            "study_id": batch.study_id, "sent_at": sent_at, "interviews": interviews}
    try:
        # the same JSON as json.dumps, ten times faster: payloads are model dumps whose
        # canonical form was already encoded (so no NaN or infinity is left to write)
        return orjson.dumps(body)
    except orjson.JSONEncodeError:  # integers beyond 64 bits
        return json.dumps(body, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def utc_now() -> datetime:
    return datetime.now(UTC)


def prepare(raw: dict[str, Any]) -> outbox.Prepared:
    """An interview's content checked by the protocol's model, as it will travel; Refused when it
    may not leave as it is (it would carry what the server must never receive)."""
    try:
        model = p.InterviewPayload.model_validate(raw)
    except (ValidationError, ValueError) as exc:
        raise outbox.Refused(_short(exc), p.ReasonCode.UNREADABLE.value) from None
    content = model.model_dump(mode="json")
    blob = p.canonical_json(content)  # hashed once; its length bounds the batch's bytes
    return outbox.Prepared(content, blob, hashlib.sha256(blob).hexdigest())


class SyncEngine:
    """Sends a study's finished interviews and purges what the server acknowledged."""

    def __init__(self, vault: VaultHandle, transport: Transport, *, clock: Callable[[], datetime] = utc_now,
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
        self.audit_upto_at_server = 0  # the server's highest audit entry id for this device (handshake)
        self.offset_ms = 0
        self.rejected_locally = 0
        self.wipe_requested = False

    # -- the whole run ---------------------------------------------------------------------------
    def run(self, study_id: str | None = None) -> SyncReport:
        """One sync: resume interrupted batches, then send everything finished; returns the counts."""
        with outbox.page_cache(self.vault, SYNC_CACHE_KIB):
            return self._run(study_id)

    def _run(self, study_id: str | None) -> SyncReport:
        started = time.perf_counter()
        report = SyncReport(study_id=study_id or "")
        try:
            report.study_id = self._handshake(study_id, report)
            total = outbox.count(self.vault, report.study_id, WAITING_SYNC)
            for batch_id in outbox.pending_batches(self.vault, report.study_id):
                self._deliver(self._relock(report.study_id, batch_id), report, total)
            self._pipeline(report, total)
            self._push_groups(report)
            report.audit_sent = self._send_audit(report)
            self._cases(report)
        except SyncError as exc:
            report.outcome = "cancelled" if isinstance(exc, SyncCancelled) else "error"
            outbox.log_outcome(self.vault, self.clock(), report.study_id or None, report.outcome,
                               round((time.perf_counter() - started) * 1000))
            raise
        finally:
            report.seconds = time.perf_counter() - started
            report.rejected += self.rejected_locally
            report.remaining = outbox.count(self.vault, report.study_id, WAITING_SYNC)
        outbox.mark_synced(self.vault, self.clock())
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
        self.wipe_requested = info.wipe_requested
        self.audit_upto_at_server = info.audit_upto
        if info.study_delivered_on:  # the server delivered the study: its retention clock starts here too
            from etudes_desktop.storage.retention import apply_server_delivery

            apply_server_delivery(self.vault, info.study_id, date.fromisoformat(info.study_delivered_on),
                                  now=self.clock())
        return info.study_id

    def _push_groups(self, report: SyncReport) -> None:
        """Step 4a (sync.group_push): closed focus group sessions go up, one record each; the
        laptop's copy of what the server holds is purged (before a remote wipe, too)."""
        from etudes_desktop.sync import group_push

        pushed = group_push.push(self.vault, self.transport, report.study_id, lambda send: self._call(send, report),
                                 self.clock(), self.request_timeout)
        report.group_sessions_sent = pushed.sent
        report.group_problems = pushed.problems

    def _cases(self, report: SyncReport) -> None:
        """Step 5 (sync.cases): case events up, study and assignment down; or the remote wipe."""
        from etudes_desktop.sync import cases

        if self.wipe_requested:
            cases.remote_wipe(self, report, lambda: self._send_audit(report), self.clock())
            return
        cases.push_events(self, report, lambda send: self._call(send, report))
        self._pull_studies(report)
        cases.pull_assignment(self, report, lambda send: self._call(send, report), self.clock())

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
            audit.record_alone(self.vault, self.clock(), "study_pull_refused", None, [report.study_id])

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
        body = batch_body(batch, self.device_id, self.offset_ms, outbox.iso(self.clock()))
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
                lambda: self.transport.post_audit(body, self.request_timeout), report),
                server_upto=self.audit_upto_at_server)
        except audit_upload.AuditRefused as exc:
            raise AuditRejected(str(exc)) from None

    # -- the vault side: storage.outbox, one transaction each ----------------------------------------
    def _relock(self, study_id: str, batch_id: str) -> LockedBatch:
        try:
            return outbox.relock(self.vault, study_id, batch_id)
        except outbox.UnreadableBatch as exc:
            raise SyncError(exc.message) from None

    def _lock(self, study_id: str, count: int) -> LockedBatch | None:
        batch, refused = outbox.lock(self.vault, study_id, count, self.sizer.max_bytes, prepare)
        self.rejected_locally += refused
        return batch

    def _release(self, batch: LockedBatch, reject_reason: str | None = None,
                 code: p.ReasonCode | None = None) -> None:
        outbox.release(self.vault, batch, reject_reason, code.value if code else None)

    def _apply(self, batch: LockedBatch, receipts: p.BatchReceipts, report: SyncReport) -> None:
        rows = [outbox.ReceiptRow(r.interview_id, r.status, r.status in p.ACKNOWLEDGED, r.reason, r.reason_code)
                for r in receipts.receipts]
        counts = outbox.apply_receipts(self.vault, batch, rows, self.clock())
        for name, value in counts.items():
            setattr(report, name, getattr(report, name) + value)
        report.purged += counts["accepted"] + counts["duplicate"]


def _settle(futures: list[Future[None]], *, finished_only: bool = False) -> None:
    """Wait for queued work (or only collect what has finished) and re-raise its first error."""
    while futures and (not finished_only or futures[0].done()):
        futures.pop(0).result()


class _Released(Exception):
    """The batch was given back after a timeout, to be re-sent in smaller batches."""


def _short(exc: Exception) -> str:
    if isinstance(exc, ValidationError):
        first = exc.errors(include_input=False, include_url=False)[0]
        return f"contenu invalide : {'.'.join(str(x) for x in first['loc'])} : {first['msg']}"
    return f"contenu invalide : {exc}"
