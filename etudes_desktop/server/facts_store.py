"""Facts for counting, kept beside the sealed interviews: the progress page never unseals a payload.

`interview_facts` holds, per interview, only what the collection office counts: study, device,
interviewer pseudonym, state, mode, the UTC day it was completed (or decided, for an objection)
and when the server received it. No answer, no attribute, no respondent. The store's ingest
writes these rows in the transaction that stores the interviews; `backfill` fills them for
interviews received before this table existed (idempotent: it is run when the store opens).

`device_contacts` holds each device's last authenticated contact, written at most once a minute
per device (`ContactBook`), so a sync's dozens of requests cost one write.

A leaf: it imports nothing of the server, so store.py and progress_store.py both read it.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Callable, Iterable
from datetime import UTC, datetime, timedelta
from typing import Any

import orjson
from sqlalchemy import Column, Engine, Index, MetaData, String, Table, func, select
from sqlalchemy.dialects import postgresql, sqlite

facts_metadata = MetaData()

interview_facts = Table(
    "interview_facts", facts_metadata,
    Column("interview_id", String(36), primary_key=True),
    Column("study_id", String(128), nullable=False),
    Column("device_id", String(36), nullable=False),
    Column("interviewer", String(64), nullable=False),
    Column("state", String(16), nullable=False),
    Column("mode", String(16), nullable=False),
    Column("day", String(10), nullable=False),  # UTC date of completion (or of the objection's decision)
    Column("received_at", String(40), nullable=False),
)
# One covering index per grouping of the progress page: each count is an index-only scan.
Index("interview_facts_state_mode", interview_facts.c.study_id, interview_facts.c.state, interview_facts.c.mode)
Index("interview_facts_device", interview_facts.c.study_id, interview_facts.c.device_id, interview_facts.c.state)
Index("interview_facts_interviewer", interview_facts.c.study_id, interview_facts.c.interviewer,
      interview_facts.c.state)
Index("interview_facts_day", interview_facts.c.study_id, interview_facts.c.day, interview_facts.c.state)

device_contacts = Table(
    "device_contacts", facts_metadata,
    Column("device_id", String(36), primary_key=True),
    Column("last_seen_at", String(40), nullable=False),
)

CONTACT_EVERY = timedelta(minutes=1)
BACKFILL_CHUNK = 500


def utc_day(moment: str) -> str:
    """The UTC date of an ISO moment with a zone (the protocol requires one)."""
    parsed = datetime.fromisoformat(moment.replace("Z", "+00:00"))
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=UTC)
    return parsed.astimezone(UTC).date().isoformat()


def fact_row(row: dict[str, Any], payload: Any) -> dict[str, Any]:
    """The facts of one interview row (store.interviews' columns) and its validated payload."""
    when = payload.completed_at or payload.consent.decided_at
    return {"interview_id": row["id"], "study_id": row["study_id"], "device_id": row["device_id"],
            "interviewer": payload.interviewer, "state": row["state"], "mode": row["mode"],
            "day": utc_day(when), "received_at": row["received_at"]}


def _fact_from_dict(row: Any, payload: dict[str, Any]) -> dict[str, Any]:
    when = payload.get("completed_at") or (payload.get("consent") or {}).get("decided_at") or row.received_at
    return {"interview_id": row.id, "study_id": row.study_id, "device_id": row.device_id,
            "interviewer": str(payload.get("interviewer") or "?")[:64], "state": row.state, "mode": row.mode,
            "day": utc_day(when), "received_at": row.received_at}


def _insert(dialect: str, table: Table) -> Any:
    return (postgresql.insert if dialect == "postgresql" else sqlite.insert)(table)


def pg_unnest_insert(table: Table, key: str, *, returning: bool = False, big: frozenset[str] = frozenset()) -> str:
    """PostgreSQL: one `INSERT ... SELECT FROM unnest(arrays) ON CONFLICT (key) DO NOTHING`, the
    arrays sent in binary (%b): one statement for a thousand rows, where an executemany is a
    thousand messages. Columns in `big` are BIGINT arrays, the others TEXT."""
    from sqlalchemy import BigInteger, Text, bindparam
    from sqlalchemy.dialects.postgresql import ARRAY

    cols = [column.name for column in table.columns]
    arrays = [bindparam(name, type_=ARRAY(BigInteger if name in big else Text)) for name in cols]
    source = func.unnest(*arrays).table_valued(*cols).render_derived()
    stmt = postgresql.insert(table).from_select(cols, select(*(source.c[name] for name in cols)))
    stmt = stmt.on_conflict_do_nothing(index_elements=[key])
    if returning:
        stmt = stmt.returning(table.c[key])
    sql = str(stmt.compile(dialect=postgresql.psycopg.dialect()))  # type: ignore[attr-defined]
    return re.sub(r"%\((\w+)\)s", r"%(\1)b", sql)


_FACT_COLUMNS = [column.name for column in interview_facts.columns]
_PG_FACTS = pg_unnest_insert(interview_facts, "interview_id")
_SQLITE_FACTS = str(sqlite.insert(interview_facts).on_conflict_do_nothing(index_elements=["interview_id"]).compile(
    dialect=sqlite.dialect(paramstyle="qmark"), column_keys=_FACT_COLUMNS))


def insert_facts(conn: Any, dialect: str, facts: Iterable[dict[str, Any]]) -> None:
    """Store facts (inside the caller's transaction); a fact already held is kept as it is. One
    prepared statement for all rows (not SQLAlchemy's per-row parameter processing)."""
    rows = list(facts)
    if not rows:
        return
    if dialect == "postgresql":
        conn.exec_driver_sql(_PG_FACTS, {name: [row[name] for row in rows] for name in _FACT_COLUMNS})
    else:
        conn.exec_driver_sql(_SQLITE_FACTS, [tuple(row[name] for name in _FACT_COLUMNS) for row in rows])


def backfill(engine: Engine, unseal: Callable[[str, str], bytes], interviews: Table, batches: Table) -> int:
    """Facts for every interview that has none (received before the table existed), and a last
    contact for every device that sent a batch but has none; returns how many facts were added."""
    dialect, added = engine.dialect.name, 0
    missing = (select(interviews.c.id, interviews.c.study_id, interviews.c.device_id, interviews.c.state,
                      interviews.c.mode, interviews.c.received_at, interviews.c.payload_json)
               .where(~select(interview_facts.c.interview_id)
                      .where(interview_facts.c.interview_id == interviews.c.id).exists())
               .order_by(interviews.c.id).limit(BACKFILL_CHUNK))
    while True:
        with engine.begin() as conn:
            rows = conn.execute(missing).all()
            insert_facts(conn, dialect, (_fact_from_dict(r, orjson.loads(unseal(r.payload_json, r.id))) for r in rows))
        added += len(rows)
        if len(rows) < BACKFILL_CHUNK:
            break
    with engine.begin() as conn:
        seen = select(batches.c.device_id, func.max(batches.c.received_at)).group_by(batches.c.device_id).where(
            ~select(device_contacts.c.device_id).where(device_contacts.c.device_id == batches.c.device_id).exists())
        contacts = [{"device_id": d, "last_seen_at": at} for d, at in conn.execute(seen)]
        if contacts:
            conn.execute(_insert(dialect, device_contacts).on_conflict_do_nothing(), contacts)
    return added


class ContactBook:
    """Writes a device's last contact at most once a minute: a memory of this process's last
    writes first, then an upsert that only moves the time on when the stored one is a minute old
    (so several workers together still write about once a minute)."""

    def __init__(self, engine: Engine, iso: Callable[[datetime], str]) -> None:
        self.engine = engine
        self.iso = iso
        self._written: dict[str, datetime] = {}
        self._lock = threading.Lock()

    def seen(self, device_id: str, now: datetime) -> None:
        with self._lock:
            last = self._written.get(device_id)
            if last is not None and timedelta(0) <= now - last < CONTACT_EVERY:
                return
            self._written[device_id] = now
        stamp, threshold = self.iso(now), self.iso(now - CONTACT_EVERY)
        stmt = _insert(self.engine.dialect.name, device_contacts).values(device_id=device_id, last_seen_at=stamp)
        stmt = stmt.on_conflict_do_update(index_elements=["device_id"], set_={"last_seen_at": stamp},
                                          where=device_contacts.c.last_seen_at <= threshold)
        with self.engine.begin() as conn:
            conn.execute(stmt)
