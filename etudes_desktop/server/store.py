"""The collection server's store: SQLAlchemy Core over SQLite (default) or PostgreSQL.

Stateless by design: everything a request needs is in the database, so several workers can
share one PostgreSQL. Interviews are deduplicated on their id with `INSERT ... ON CONFLICT DO
NOTHING`; a batch's receipts are stored under its id so a resend gets the very same answer.
"""

from __future__ import annotations

import hashlib
import json
import os
import secrets
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import orjson
from sqlalchemy import (
    BigInteger,
    Column,
    Connection,
    Engine,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    Text,
    create_engine,
    event,
    func,
    select,
    update,
)
from sqlalchemy.dialects import postgresql, sqlite

from etudes_desktop.core.errors import EtudesError
from etudes_desktop.server.crypto import KEY_FILE, Sealer, load_key
from etudes_desktop.server.facts_store import (
    ContactBook,
    backfill,
    fact_row,
    facts_metadata,
    insert_facts,
    pg_unnest_insert,
)
from etudes_desktop.server.intake import Refusal, _validate, allowed_attributes_from_env
from etudes_desktop.sync.protocol import AuditEntry, Batch, BatchReceipts, ReasonCode, Receipt, canonical_json

SQLITE_FILE = "server.db"
TOKEN_PREFIX = "etd_"

metadata = MetaData()

devices = Table(
    "devices", metadata,
    Column("id", String(36), primary_key=True),
    Column("study_id", String(128), nullable=False),
    Column("name", String(200), nullable=False),
    Column("token_sha256", String(64), nullable=False, unique=True),
    Column("created_at", String(40), nullable=False),
    Column("revoked_at", String(40)),
)

interviews = Table(
    "interviews", metadata,
    Column("id", String(36), primary_key=True),
    Column("study_id", String(128), nullable=False),
    Column("device_id", String(36), nullable=False),
    Column("batch_id", String(36), nullable=False),
    Column("content_sha256", String(64), nullable=False),
    Column("state", String(16), nullable=False),
    Column("mode", String(16), nullable=False),
    Column("clock_offset_ms", BigInteger, nullable=False),
    Column("received_at", String(40), nullable=False),
    Column("payload_json", Text, nullable=False),
)
Index("interviews_study", interviews.c.study_id)

batches = Table(
    "batches", metadata,
    Column("id", String(36), primary_key=True),
    Column("device_id", String(36), nullable=False),
    Column("study_id", String(128), nullable=False),
    Column("fingerprint", String(64), nullable=False),
    Column("size", Integer, nullable=False),
    Column("received_at", String(40), nullable=False),
    Column("receipts_json", Text, nullable=False),
)

audit_entries = Table(
    "audit_entries", metadata,
    Column("device_id", String(36), primary_key=True),
    Column("entry_id", BigInteger, primary_key=True),
    Column("study_id", String(128), nullable=False),
    Column("at", String(40), nullable=False),
    Column("event", String(64), nullable=False),
    Column("actor", String(64)),
    Column("object_ids_json", Text, nullable=False),
    Column("counts_json", Text, nullable=False),
    Column("received_at", String(40), nullable=False),
)

# Remote wipe: revoking a device asks it to destroy its study data at its next contact. Until its
# audit log says it did ("study.remote_wiped"), the token may still send what the laptop holds
# (its device info, batches, audit) and nothing else; then it is dead as any revoked token.
device_wipes = Table(
    "device_wipes", metadata,
    Column("device_id", String(36), primary_key=True),
    Column("requested_at", String(40), nullable=False),
    Column("confirmed_at", String(40)),
)
WIPED_EVENT = "study.remote_wiped"


deliveries = Table(
    "deliveries", metadata,
    Column("study_id", String(128), primary_key=True),
    Column("delivered_at", String(40), nullable=False),
    Column("threshold", Integer, nullable=False),
    Column("files_json", Text, nullable=False),  # [{name, sha256, bytes}]: the frozen deliverable
)

# The delivered files themselves (aggregated, protected tables: no row, no person), kept so the
# insurer downloads exactly what was frozen, never a later recount of the same tables.
delivered_files = Table(
    "delivered_files", metadata,
    Column("study_id", String(128), primary_key=True),
    Column("name", String(255), primary_key=True),
    Column("content", LargeBinary, nullable=False),
)

DELIVERED_REASON = ("study_delivered: l'étude a été livrée le {day} ; elle n'accepte plus de nouveaux entretiens")


def utc_now() -> datetime:
    return datetime.now(UTC)


def iso(moment: datetime) -> str:
    return moment.astimezone(UTC).isoformat(timespec="microseconds").replace("+00:00", "Z")


def token_digest(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def batch_fingerprint(batch: Batch) -> str:
    """What makes a resend 'the same batch': its study and its (id, hash) pairs, in order."""
    pairs = [[item.id, item.content_sha256] for item in batch.interviews]
    return hashlib.sha256(canonical_json([batch.study_id, pairs])).hexdigest()


@dataclass(frozen=True)
class Delivery:
    """A study's frozen deliverable: when, at which threshold, and each file's SHA-256."""

    study_id: str
    delivered_at: str
    threshold: int
    files: list[dict[str, Any]]

    @property
    def delivered_on(self) -> str:
        """The delivery day (UTC), which starts the retention clock."""
        return self.delivered_at[:10]


@dataclass(frozen=True)
class Device:
    id: str
    study_id: str
    name: str
    wipe_pending: bool = False  # revoked, asked to wipe, not confirmed yet: may only send what it holds


class BatchReuseError(Exception):
    """The batch id was already used for other content: the idempotency key is not reusable."""


class _BatchRace(Exception):
    """Another worker stored the same batch while we were working on it."""


def sqlite_url(data_dir: Path | str) -> str:
    """The SQLite database in a private data folder: the folder 0700, the database 0600 (SQLite
    gives its -wal and -shm files the database's own permissions)."""
    path = Path(data_dir).expanduser().resolve()
    path.mkdir(parents=True, exist_ok=True, mode=0o700)
    os.chmod(path, 0o700)
    database = path / SQLITE_FILE
    os.close(os.open(database, os.O_WRONLY | os.O_CREAT, 0o600))
    os.chmod(database, 0o600)
    return f"sqlite:///{database}"


def _pg_insert_sql() -> str:
    """PostgreSQL: the interviews of a batch in one `INSERT ... SELECT FROM unnest(arrays) ON
    CONFLICT (id) DO NOTHING RETURNING id` (facts_store.pg_unnest_insert)."""
    return pg_unnest_insert(interviews, "id", returning=True, big=frozenset({"clock_offset_ms"}))


def held_otherwise(conn: Any, table: Table, id_column: str, device_id: str, sent: dict[int, tuple[Any, ...]],
                   columns: tuple[str, ...]) -> list[int]:
    """Of the ids a device sent (id -> the values of `columns`), those the table holds for that
    device with other values: numbers the device reuses for something else (a vault created anew
    with the same token), never to be taken for re-sends."""
    out: list[int] = []
    ids = list(sent)
    for start in range(0, len(ids), 500):
        query = select(table.c[id_column], *(table.c[name] for name in columns)).where(
            table.c.device_id == device_id, table.c[id_column].in_(ids[start:start + 500]))
        out += [int(r[0]) for r in conn.execute(query) if tuple(r[1:]) != sent[r[0]]]
    return sorted(out)


_READ_ONLY = "etudes_read_only"


def reading(engine: Engine) -> Connection:
    """A connection for reads (`with reading(engine) as conn:`): on SQLite its transaction begins
    DEFERRED, where writes (`engine.begin()`) begin IMMEDIATE; on PostgreSQL the same as
    `engine.connect()`. Nothing written through it is kept (it is never committed)."""
    return engine.connect().execution_options(**{_READ_ONLY: True})


def _make_engine(url: str) -> Engine:
    if url.startswith("sqlite"):
        engine = create_engine(url, connect_args={"timeout": 30})

        @event.listens_for(engine, "connect")
        def _on_connect(dbapi_conn: Any, _record: Any) -> None:
            dbapi_conn.isolation_level = None  # we issue BEGIN IMMEDIATE ourselves
            cursor = dbapi_conn.cursor()
            for pragma in ("journal_mode=WAL", "synchronous=FULL", "busy_timeout=30000"):
                cursor.execute(f"PRAGMA {pragma}")
            cursor.close()

        @event.listens_for(engine, "begin")
        def _on_begin(conn: Any) -> None:
            # A write takes the write lock at once (IMMEDIATE: it never fails half-way on a lock
            # upgrade); a read (`reading`) begins DEFERRED: a snapshot of its own, so it never
            # waits behind a write's commit, which is what a page or a console view does.
            conn.exec_driver_sql("BEGIN" if conn.get_execution_options().get(_READ_ONLY) else "BEGIN IMMEDIATE")

        return engine
    if not url.startswith("postgresql"):
        raise EtudesError("adresse de base de données non prise en charge (sqlite:// ou postgresql+psycopg://)")
    return create_engine(url, pool_size=8, max_overflow=8, pool_pre_ping=True)


_PG_INSERT = _pg_insert_sql()
_COLUMNS = [column.name for column in interviews.columns]
_SQLITE_INSERT = str(sqlite.insert(interviews).on_conflict_do_nothing(index_elements=["id"]).compile(
    dialect=sqlite.dialect(paramstyle="qmark"), column_keys=_COLUMNS))


class Store:
    """Devices, interviews and batch receipts of the collection server."""

    def __init__(self, url: str, *, clock: Callable[[], datetime] = utc_now,
                 allowed_attributes: frozenset[str] | None = None, key: bytes | None = None) -> None:
        self.url = url
        self.allowed_attributes = allowed_attributes if allowed_attributes is not None else allowed_attributes_from_env()
        self.engine = _make_engine(url)
        self.dialect = self.engine.dialect.name
        self.clock = clock
        beside = None
        if self.dialect == "sqlite" and self.engine.url.database not in (None, "", ":memory:"):
            beside = Path(self.engine.url.database).parent / KEY_FILE
        self.sealer = Sealer(key if key is not None else load_key(beside))
        metadata.create_all(self.engine)
        facts_metadata.create_all(self.engine)
        backfill(self.engine, self.sealer.open, interviews, batches)  # interviews received before the facts existed
        self.contacts = ContactBook(self.engine, iso)

    @classmethod
    def open(cls, *, data_dir: Path | str | None, database_url: str | None, **kwargs: Any) -> Store:
        if database_url:
            return cls(database_url, **kwargs)
        if data_dir is None:
            raise EtudesError("indiquez --data-dir ou --database-url")
        return cls(sqlite_url(data_dir), **kwargs)

    def close(self) -> None:
        self.engine.dispose()

    def _insert(self, table: Table) -> Any:
        return (postgresql.insert if self.dialect == "postgresql" else sqlite.insert)(table)

    # -- devices ---------------------------------------------------------------------------
    def enroll(self, study_id: str, device_name: str) -> tuple[Device, str]:
        """A new device of a study; returns it with its token (only the token's hash is kept)."""
        token = TOKEN_PREFIX + secrets.token_urlsafe(32)
        device = Device(id=str(uuid.uuid4()), study_id=study_id, name=device_name)
        with self.engine.begin() as conn:
            taken = conn.execute(
                select(devices.c.id).where(
                    devices.c.study_id == study_id, devices.c.name == device_name, devices.c.revoked_at.is_(None)
                )
            ).first()
            if taken:
                raise EtudesError(f"un appareil « {device_name} » est déjà inscrit pour l'étude {study_id}")
            conn.execute(devices.insert().values(
                id=device.id, study_id=study_id, name=device_name, token_sha256=token_digest(token),
                created_at=iso(self.clock()),
            ))
        return device, token

    def revoke(self, *, device_id: str | None = None, study_id: str | None = None, name: str | None = None) -> int:
        """Revoke a device by id, or by study and name, and ask it to wipe its study data at its next
        contact (remote wipe); returns how many were revoked."""
        where = [devices.c.revoked_at.is_(None)]
        if device_id:
            where.append(devices.c.id == device_id)
        elif study_id and name:
            where += [devices.c.study_id == study_id, devices.c.name == name]
        else:
            raise EtudesError("indiquez --device-id, ou --study et --device-name")
        now = iso(self.clock())
        with self.engine.begin() as conn:
            ids = [r.id for r in conn.execute(select(devices.c.id).where(*where))]
            if not ids:
                return 0
            conn.execute(update(devices).where(devices.c.id.in_(ids)).values(revoked_at=now))
            conn.execute(self._insert(device_wipes).on_conflict_do_nothing(),
                         [{"device_id": i, "requested_at": now} for i in ids])
            return len(ids)

    def authenticate(self, token: str) -> Device | None:
        """The device holding this token, or None (unknown, or revoked and wiped); a revoked device
        whose wipe is not confirmed yet comes back with `wipe_pending`."""
        with self.engine.begin() as conn:
            row = conn.execute(
                select(devices.c.id, devices.c.study_id, devices.c.name, devices.c.revoked_at,
                       device_wipes.c.device_id.label("wipe"), device_wipes.c.confirmed_at)
                .select_from(devices.outerjoin(device_wipes, device_wipes.c.device_id == devices.c.id))
                .where(devices.c.token_sha256 == token_digest(token))
            ).first()
        if row is None:
            return None
        self.contacts.seen(row.id, self.clock())  # the progress page's last contact (throttled)
        pending = row.revoked_at is not None
        if pending and (row.wipe is None or row.confirmed_at is not None):
            return None
        return Device(id=row.id, study_id=row.study_id, name=row.name, wipe_pending=pending)

    # -- batches ---------------------------------------------------------------------------
    def ingest(self, device: Device, batch: Batch, notices: frozenset[str] | None = None,
               attributes: frozenset[str] | None = None) -> BatchReceipts:
        """Store a batch and answer one receipt per interview; a resend gets the same receipts.
        `notices`, when the study is published on this server: the SHA-256 of every notice text it
        published; an interview whose consent names another notice is rejected."""
        for _attempt in range(3):
            try:
                return self._ingest_once(device, batch, notices, attributes)
            except _BatchRace:
                continue
        raise RuntimeError("batch stored concurrently but not found")

    def _ingest_once(self, device: Device, batch: Batch, notices: frozenset[str] | None,
                     attributes: frozenset[str] | None = None) -> BatchReceipts:
        fingerprint = batch_fingerprint(batch)
        now = iso(self.clock())
        out, rows, facts = self._check(device, batch, now, notices, attributes)  # CPU work outside the transaction: locks stay short
        with self.engine.begin() as conn:
            stored = conn.execute(select(batches).where(batches.c.id == batch.batch_id)).first()
            if stored is not None:
                return self._replay(stored, device, batch, fingerprint, now)
            rows = self._refuse_after_delivery(conn, batch.study_id, rows, out)
            inserted = self._insert_new(conn, rows)
            insert_facts(conn, self.dialect, (facts[i] for i in sorted(inserted)))  # what the progress page counts
            self._resolve(conn, rows, inserted, out)
            receipts = _fill_repeats(batch, out)
            stmt = self._insert(batches).on_conflict_do_nothing(index_elements=["id"]).returning(batches.c.id)
            saved = conn.execute(stmt, [{
                "id": batch.batch_id, "device_id": device.id, "study_id": batch.study_id,
                "fingerprint": fingerprint, "size": len(receipts), "received_at": now,
                "receipts_json": json.dumps([[r.interview_id, r.status, r.reason, r.reason_code] for r in receipts]),
            }]).first()
            if saved is None:
                raise _BatchRace()  # rolls this transaction back; the other worker's receipts are read next
        return BatchReceipts(batch_id=batch.batch_id, study_id=batch.study_id, server_time=now, receipts=receipts)

    def _refuse_after_delivery(self, conn: Any, study_id: str, rows: list[dict[str, Any]],
                               out: dict[str, Receipt]) -> list[dict[str, Any]]:
        """A delivered study takes no new interview (rejected with the reason); one the server
        already holds is still answered duplicate or conflict, so the laptop can purge it."""
        delivered = conn.execute(select(deliveries.c.delivered_at).where(deliveries.c.study_id == study_id)).scalar()
        if delivered is None or not rows:
            return rows
        held = set(self._held_ids(conn, [row["id"] for row in rows]))
        reason = DELIVERED_REASON.format(day=delivered[:10])
        for row in rows:
            if row["id"] not in held:
                out[row["id"]] = Receipt(interview_id=row["id"], status="rejected", reason=reason)
        return [row for row in rows if row["id"] in held]

    def _insert_new(self, conn: Any, rows: list[dict[str, Any]]) -> set[str]:
        """Insert what is new, skip ids already held (ON CONFLICT DO NOTHING); returns the inserted ids."""
        if not rows:
            return set()
        if self.dialect == "postgresql":
            arrays = {name: [row[name] for row in rows] for name in rows[0]}
            return set(conn.exec_driver_sql(_PG_INSERT, arrays).scalars())
        # SQLite: the transaction began IMMEDIATE (write lock held), so what is not there now is
        # what this INSERT ... ON CONFLICT DO NOTHING inserts; a plain executemany is much faster.
        held = set(self._held_ids(conn, [row["id"] for row in rows]))
        fresh = [row for row in rows if row["id"] not in held]
        if fresh:
            conn.exec_driver_sql(_SQLITE_INSERT, [tuple(row[name] for name in _COLUMNS) for row in fresh])
        return {row["id"] for row in fresh}

    @staticmethod
    def _held_ids(conn: Any, ids: list[str]) -> Iterator[str]:
        for start in range(0, len(ids), 500):
            yield from conn.execute(select(interviews.c.id).where(interviews.c.id.in_(ids[start:start + 500]))).scalars()

    def _replay(self, stored: Any, device: Device, batch: Batch, fingerprint: str, now: str) -> BatchReceipts:
        if stored.fingerprint != fingerprint or stored.device_id != device.id:
            raise BatchReuseError(batch.batch_id)
        receipts = [Receipt(interview_id=i, status=s, reason=r, reason_code=(code or [None])[0])
                    for i, s, r, *code in json.loads(stored.receipts_json)]  # batches stored before codes: none
        return BatchReceipts(batch_id=batch.batch_id, study_id=batch.study_id, server_time=now, replayed=True,
                             receipts=receipts)

    def _check(self, device: Device, batch: Batch, now: str, notices: frozenset[str] | None = None,
               attributes: frozenset[str] | None = None,
               ) -> tuple[dict[str, Receipt], list[dict[str, Any]], dict[str, dict[str, Any]]]:
        """Validate each interview alone: receipts for the refused ones, rows and facts for the others."""
        out: dict[str, Receipt] = {}
        rows: list[dict[str, Any]] = []
        facts: dict[str, dict[str, Any]] = {}
        seen: set[str] = set()
        for item in batch.interviews:
            if item.id in seen:
                continue  # a repeat inside the batch: answered from its first occurrence
            seen.add(item.id)
            reason, blob, payload = _validate(item.payload, batch.study_id, item.content_sha256,
                                              self.allowed_attributes if attributes is None else attributes)
            if not reason and notices is not None and payload.consent.text_sha256 not in notices:
                reason = Refusal(ReasonCode.UNKNOWN_NOTICE,
                                 "unknown_notice: the consent names no notice published for this study")
            if reason:
                out[item.id] = Receipt(interview_id=item.id, status="rejected", reason=reason.text,
                                       reason_code=reason.code)
                continue
            rows.append({
                "id": item.id, "study_id": batch.study_id, "device_id": device.id, "batch_id": batch.batch_id,
                "content_sha256": item.content_sha256, "state": payload.state, "mode": payload.mode,
                "clock_offset_ms": item.clock_offset_ms, "received_at": now,
                "payload_json": self.sealer.seal(blob, item.id),  # answers and attributes never in clear
            })
            facts[item.id] = fact_row(rows[-1], payload)
        return out, rows, facts

    def _resolve(self, conn: Any, rows: list[dict[str, Any]], inserted: set[str], out: dict[str, Receipt]) -> None:
        """Accepted for what was inserted; duplicate or conflict for ids the server already held."""
        known = [row for row in rows if row["id"] not in inserted]
        existing: dict[str, Any] = {}
        for start in range(0, len(known), 500):
            ids = [row["id"] for row in known[start:start + 500]]
            query = select(interviews.c.id, interviews.c.content_sha256, interviews.c.study_id).where(
                interviews.c.id.in_(ids))
            existing.update({r.id: r for r in conn.execute(query)})
        for row in rows:
            if row["id"] in inserted:
                out[row["id"]] = Receipt(interview_id=row["id"], status="accepted")
                continue
            old = existing[row["id"]]
            same = old.content_sha256 == row["content_sha256"] and old.study_id == row["study_id"]
            out[row["id"]] = Receipt(interview_id=row["id"], status="duplicate" if same else "conflict",
                                     reason=None if same else "already received with other content",
                                     reason_code=None if same else ReasonCode.OTHER_CONTENT)

    # -- reading -----------------------------------------------------------------------------
    def iter_interviews(self, study_id: str) -> Iterator[dict[str, Any]]:
        """Every stored interview of a study, oldest first, as export records."""
        query = select(interviews).where(interviews.c.study_id == study_id).order_by(
            interviews.c.received_at, interviews.c.id)
        with reading(self.engine) as conn:
            for row in conn.execute(query):
                yield {
                    "id": row.id, "study_id": row.study_id, "device_id": row.device_id, "batch_id": row.batch_id,
                    "content_sha256": row.content_sha256, "received_at": row.received_at,
                    "clock_offset_ms": row.clock_offset_ms,
                    "payload": json.loads(self.sealer.open(row.payload_json, row.id)),
                }

    # -- delivery ----------------------------------------------------------------------------
    def record_delivery(self, study_id: str, threshold: int, files: list[dict[str, Any]],
                        contents: dict[str, bytes] | None = None) -> Delivery:
        """Freeze a study's deliverable (its files' names and SHA-256, and the files themselves
        when given): once only; from now on the study takes no new interview."""
        delivery = Delivery(study_id, iso(self.clock()), threshold, files)
        with self.engine.begin() as conn:
            done = conn.execute(self._insert(deliveries).on_conflict_do_nothing().returning(deliveries.c.study_id), [{
                "study_id": study_id, "delivered_at": delivery.delivered_at, "threshold": threshold,
                "files_json": json.dumps(files, ensure_ascii=False)}]).first()
            if done is not None and contents:
                conn.execute(delivered_files.insert(), [{"study_id": study_id, "name": name, "content": data}
                                                        for name, data in contents.items()])
        if done is None:
            earlier = self.delivery(study_id)
            raise EtudesError(f"l'étude {study_id} a déjà été livrée le {earlier.delivered_on if earlier else '?'}")
        return delivery

    def delivery(self, study_id: str) -> Delivery | None:
        with reading(self.engine) as conn:
            row = conn.execute(select(deliveries).where(deliveries.c.study_id == study_id)).first()
        if row is None:
            return None
        return Delivery(row.study_id, row.delivered_at, row.threshold, json.loads(row.files_json))

    def delivered_file(self, study_id: str, name: str) -> bytes | None:
        """A file as it was delivered (None when the study was delivered without keeping it)."""
        with reading(self.engine) as conn:
            return conn.execute(select(delivered_files.c.content).where(
                delivered_files.c.study_id == study_id, delivered_files.c.name == name)).scalar()

    def iter_results_rows(self, study_id: str) -> Iterator[tuple[str, dict[str, Any], dict[str, Any]]]:
        """(mode, answers, attributes) of every completed interview of a study, for the insurer's
        aggregated results: no id, no interviewer, no consent, no timestamps leave this method."""
        query = select(interviews.c.id, interviews.c.mode, interviews.c.payload_json).where(
            interviews.c.study_id == study_id, interviews.c.state == "completed").order_by(interviews.c.id)
        with reading(self.engine) as conn:
            for row in conn.execute(query.execution_options(yield_per=2000)):
                payload = orjson.loads(self.sealer.open(row.payload_json, row.id))
                yield row.mode, payload.get("answers") or {}, payload.get("attributes") or {}

    def audit_upto(self, device_id: str) -> int:
        """The highest audit entry id held for the device (0: none)."""
        with reading(self.engine) as conn:
            return int(conn.execute(select(func.max(audit_entries.c.entry_id)).where(
                audit_entries.c.device_id == device_id)).scalar() or 0)

    def ingest_audit(self, device: Device, entries: list[AuditEntry]) -> tuple[int, int, list[int]]:
        """Store a device's audit entries once each (ON CONFLICT DO NOTHING on device and entry id);
        returns (entries stored now, highest entry id held for this device, ids sent that are held
        for other entries of the device: a vault created anew with the same token)."""
        now = iso(self.clock())
        rows = [{"device_id": device.id, "entry_id": e.id, "study_id": device.study_id, "at": e.at, "event": e.event,
                 "actor": e.actor, "object_ids_json": json.dumps(e.object_ids, ensure_ascii=False),
                 "counts_json": json.dumps(e.counts), "received_at": now} for e in entries]
        with self.engine.begin() as conn:
            before = conn.execute(select(func.count()).select_from(audit_entries).where(
                audit_entries.c.device_id == device.id)).scalar_one()
            conn.execute(self._insert(audit_entries).on_conflict_do_nothing(), rows)
            after, upto = conn.execute(select(func.count(), func.max(audit_entries.c.entry_id)).where(
                audit_entries.c.device_id == device.id)).one()
            conflicts: list[int] = []
            if after - before < len(rows):  # some ids were held already: as these entries, or others?
                what = ("at", "event", "actor", "object_ids_json", "counts_json")
                sent = {row["entry_id"]: tuple(row[k] for k in what) for row in rows}
                conflicts = held_otherwise(conn, audit_entries, "entry_id", device.id, sent, what)
            if device.wipe_pending and any(e.event == WIPED_EVENT for e in entries):
                conn.execute(update(device_wipes).where(device_wipes.c.device_id == device.id,
                                                        device_wipes.c.confirmed_at.is_(None)).values(confirmed_at=now))
        return int(after - before), int(upto or 0), conflicts


    def stats(self, study_id: str) -> dict[str, Any]:
        """Counts of a study (no personal data): interviews by state and mode, devices, batches."""
        with reading(self.engine) as conn:
            by_state = dict(conn.execute(select(interviews.c.state, func.count()).where(
                interviews.c.study_id == study_id).group_by(interviews.c.state)).all())
            by_mode = dict(conn.execute(select(interviews.c.mode, func.count()).where(
                interviews.c.study_id == study_id).group_by(interviews.c.mode)).all())
            first, last = conn.execute(select(func.min(interviews.c.received_at), func.max(interviews.c.received_at))
                                       .where(interviews.c.study_id == study_id)).one()
            n_batches = conn.execute(select(func.count()).select_from(batches).where(
                batches.c.study_id == study_id)).scalar_one()
            device_rows = conn.execute(select(devices.c.revoked_at).where(devices.c.study_id == study_id)).all()
            n_audit = conn.execute(select(func.count()).select_from(audit_entries).where(
                audit_entries.c.study_id == study_id)).scalar_one()
        return {
            "study_id": study_id, "interviews": sum(by_state.values()),
            "by_state": {"completed": by_state.get("completed", 0), "objected": by_state.get("objected", 0)},
            "by_mode": by_mode, "batches": n_batches,
            "devices": {"active": sum(1 for r in device_rows if r.revoked_at is None),
                        "revoked": sum(1 for r in device_rows if r.revoked_at is not None)},
            "first_received_at": first, "last_received_at": last, "audit_entries": n_audit,
        }


def _fill_repeats(batch: Batch, out: dict[str, Receipt]) -> list[Receipt]:
    """One receipt per position; a repeated id is judged against its first occurrence."""
    receipts: list[Receipt] = []
    first_hash: dict[str, str] = {}
    for item in batch.interviews:
        if item.id not in first_hash:
            first_hash[item.id] = item.content_sha256
            receipts.append(out[item.id])
        elif out[item.id].status == "rejected":
            receipts.append(out[item.id])
        elif first_hash[item.id] == item.content_sha256:
            receipts.append(Receipt(interview_id=item.id, status="duplicate", reason=None))
        else:
            receipts.append(Receipt(interview_id=item.id, status="conflict", reason="repeated in batch with other content",
                                    reason_code=ReasonCode.REPEATED_IN_BATCH))
    return receipts
