"""Case management on the server: the insurer's sample, its people assigned to devices, what the
laptops report about each case, and the study's shared suppression list.

SQLAlchemy Core on SQLite or PostgreSQL, beside store.py and office_store.py (tables on the
store's shared `metadata`). A person's contact data and their sample id live only sealed
(AES-GCM, associated data = the case row id); a case is found by its digest
(`case_protocol.case_digest` under the study's case key, derived from the server key so every
worker agrees without a table). In clear: the département (assignment by département), the
device, the status. The office audit gets counts, never a person. Imports live in
cases_import_store.py; this module holds what the API, the console and the retention run read.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import Any, NamedTuple

import orjson
from sqlalchemy import (
    BigInteger,
    Column,
    Index,
    Integer,
    String,
    Table,
    Text,
    UniqueConstraint,
    delete,
    func,
    select,
    update,
)

from etudes_desktop.core.errors import EtudesError
from etudes_desktop.core.plural import count as _n
from etudes_desktop.core.retention import MAX_MONTHS, Due
from etudes_desktop.core.retention import status as retention_status
from etudes_desktop.server.office_store import OfficeStore
from etudes_desktop.server.store import Device, Store, deliveries, devices, held_otherwise, iso, metadata, reading
from etudes_desktop.sync import case_protocol as cp

STATUSES = ("open", "objected", "completed")
SHARED = "*"  # the generation scope of the study's shared suppression list
_CHUNK = 500

sample_files = Table(
    "case_sample_files", metadata,
    Column("id", String(36), primary_key=True),
    Column("study_id", String(128), nullable=False),
    Column("file_name", String(255), nullable=False),
    Column("sha256", String(64), nullable=False),
    Column("rows", Integer, nullable=False),
    Column("imported", Integer, nullable=False),
    Column("imported_at", String(40), nullable=False),
    Column("actor", String(64), nullable=False),
)
Index("case_sample_files_study", sample_files.c.study_id)

cases = Table(
    "cases", metadata,
    Column("id", String(36), primary_key=True),
    Column("study_id", String(128), nullable=False),
    Column("digest", String(64), nullable=False),  # case_digest(study case key, sample id)
    Column("file_id", String(36), nullable=False),
    Column("record", Text, nullable=False),  # sealed JSON: sample id, respondent fields, attributes
    Column("departement", String(3)),
    Column("device_id", String(36)),
    Column("assigned_at", String(40)),
    Column("status", String(12), nullable=False),
    Column("updated_at", String(40), nullable=False),
    UniqueConstraint("study_id", "digest", name="cases_study_digest"),
)
Index("cases_assignment", cases.c.study_id, cases.c.device_id, cases.c.status)


class EventsStored(NamedTuple):
    received: int  # events stored now
    upto: int  # the highest event id held for the device
    conflicts: list[int]  # ids sent that are held for other events of the device


case_events = Table(
    "case_events", metadata,
    Column("device_id", String(36), primary_key=True),
    Column("event_id", BigInteger, primary_key=True),
    Column("study_id", String(128), nullable=False),
    Column("case_digest", String(64), nullable=False),
    Column("kind", String(16), nullable=False),
    Column("at", String(40), nullable=False),
    Column("interviewer", String(64), nullable=False),
    Column("disposition", String(40)),
    Column("received_at", String(40), nullable=False),
)
Index("case_events_study", case_events.c.study_id, case_events.c.case_digest)

case_suppression = Table(
    "case_suppression", metadata,
    Column("study_id", String(128), primary_key=True),
    Column("digest", String(64), primary_key=True),
    Column("added_at", String(40), nullable=False),
)

case_generations = Table(  # bumped whenever a device's GET /v1/assignment answer would change
    "case_generations", metadata,
    Column("study_id", String(128), primary_key=True),
    Column("scope", String(36), primary_key=True),  # a device id, or SHARED
    Column("generation", BigInteger, nullable=False),
)

TABLES = [sample_files, cases, case_events, case_suppression, case_generations]


def departement(postcode: str | None) -> str | None:
    """The département of a French postcode: 75, 2A/2B (Corsica), 971 to 989 overseas."""
    code = (postcode or "").strip()
    if len(code) != 5 or not code.isdigit():
        return None
    if code.startswith("20"):
        return "2A" if code[2] in "01" else "2B"
    return code[:3] if code[:2] in ("97", "98") else code[:2]


def departement_filter(text: str) -> list[str]:
    """What `--departement` matches: 75, 2A, 971; 20 means both Corsican départements."""
    code = text.strip().upper()
    return ["2A", "2B"] if code == "20" else [code]


@dataclass(frozen=True)
class CaseDisposition:
    """What the laptops reported about one case, for the progress page (no person, no sample id)."""

    case_digest: str
    calls: int
    last_disposition: str | None  # the latest call's core.calls key
    outcome: str | None  # "objected" or "completed" once reported
    interviewer: str | None  # pseudonym of the latest event
    device_id: str | None  # the device of the latest event
    last_at: str | None


@dataclass(frozen=True)
class Assigned:
    """The outcome of an assignment: people moved, and those left where they were."""

    assigned: int
    not_open: int = 0
    unknown: tuple[str, ...] = ()  # sample ids typed by hand that the study does not hold

    def summary(self, device_name: str) -> str:
        text = f"{_n(self.assigned, 'personne attribuée', 'personnes attribuées')} à l'appareil « {device_name} »"
        if self.not_open:
            text += f" ; {_n(self.not_open, 'personne laissée', 'personnes laissées')} (dossier clos : opposition ou entretien fait)"
        if self.unknown:
            text += f" ; {_n(len(self.unknown), 'identifiant inconnu', 'identifiants inconnus')} dans l'étude : {', '.join(self.unknown[:20])}"
        return text


class CasesStore:
    """Cases of every study over the server store's engine and sealer."""

    def __init__(self, store: Store, office: OfficeStore | None = None) -> None:
        self.store = store
        self.engine = store.engine
        self.office = office or OfficeStore(store)
        metadata.create_all(self.engine, tables=TABLES)

    def now(self) -> str:
        return iso(self.store.clock())

    def case_key(self, study_id: str) -> str:
        """The study's case key (hex): HMAC of the server key, the same in every worker."""
        return self.store.sealer.derive("case-key:" + study_id)

    # -- devices and generations --------------------------------------------------------------
    def device(self, conn: Any, study_id: str, name_or_id: str) -> Device:
        """An active device of the study, by name or id; EtudesError otherwise."""
        row = conn.execute(select(devices.c.id, devices.c.name).where(
            devices.c.study_id == study_id, devices.c.revoked_at.is_(None),
            (devices.c.name == name_or_id) | (devices.c.id == name_or_id))).first()
        if row is None:
            raise EtudesError(f"aucun appareil actif « {name_or_id} » pour l'étude {study_id}")
        return Device(id=row.id, study_id=study_id, name=row.name)

    def bump(self, conn: Any, study_id: str, scopes: Iterable[str | None]) -> None:
        """A new generation for each scope (device id or SHARED): their ETags change."""
        for scope in sorted({s for s in scopes if s}):
            stmt = self.store._insert(case_generations).values(study_id=study_id, scope=scope, generation=1)
            conn.execute(stmt.on_conflict_do_update(index_elements=["study_id", "scope"], set_={
                "generation": case_generations.c.generation + 1}))

    def generation(self, device: Device) -> str:
        """The ETag of the device's assignment: the shared list's generation and the device's."""
        with reading(self.engine) as conn:
            rows = dict(conn.execute(select(case_generations.c.scope, case_generations.c.generation).where(
                case_generations.c.study_id == device.study_id,
                case_generations.c.scope.in_([SHARED, device.id]))).all())
        return f"{rows.get(SHARED, 0)}.{rows.get(device.id, 0)}"

    # -- assignment ---------------------------------------------------------------------------
    def assign_count(self, study_id: str, device: str, count: int, *, departement: str | None = None,
                     from_device: str | None = None, actor: str = "cli", role: str | None = None) -> Assigned:
        """Give `count` open cases to a device: unassigned ones, or taken from `from_device`
        (a reassignment); in one département when given."""
        if count < 1:
            raise EtudesError("le nombre de personnes à attribuer doit être au moins 1")
        with self.engine.begin() as conn:
            target = self.device(conn, study_id, device)
            source = self.device(conn, study_id, from_device) if from_device else None
            if source is not None and source.id == target.id:
                raise EtudesError("l'appareil d'origine et l'appareil destinataire sont le même")
            where = [cases.c.study_id == study_id, cases.c.status == "open",
                     cases.c.device_id.is_(None) if source is None else cases.c.device_id == source.id]
            if departement:
                where.append(cases.c.departement.in_(departement_filter(departement)))
            ids = list(conn.execute(select(cases.c.id).where(*where).order_by(cases.c.digest).limit(count)).scalars())
            if not ids:
                place = f" dans le département {departement}" if departement else ""
                origin = f" sur l'appareil « {source.name} »" if source else " non attribuée"
                raise EtudesError(f"aucune personne à attribuer : aucune personne au dossier ouvert{origin}{place}")
            self._move(conn, study_id, ids, target.id)
            self.bump(conn, study_id, [target.id, source.id if source else None])
            counts = {"assigned": len(ids), "reassigned": int(source is not None)}
            self.office._audit(conn, actor, role, "sample_assigned", study_id, counts)
        return Assigned(len(ids))

    def assign_ids(self, study_id: str, device: str, sample_ids: list[str], *, actor: str = "cli",
                   role: str | None = None) -> Assigned:
        """Give the people of these sample ids to a device; one assigned elsewhere moves, unless
        their case is closed (objection, completed interview)."""
        wanted = list(dict.fromkeys(s.strip() for s in sample_ids if s.strip()))
        if not wanted:
            raise EtudesError("indiquez au moins un identifiant d'échantillon")
        key = self.case_key(study_id)
        by_digest = {cp.case_digest(key, s): s for s in wanted}
        with self.engine.begin() as conn:
            target = self.device(conn, study_id, device)
            found = []
            digests = list(by_digest)
            for start in range(0, len(digests), _CHUNK):
                found += conn.execute(select(cases.c.id, cases.c.digest, cases.c.status, cases.c.device_id).where(
                    cases.c.study_id == study_id, cases.c.digest.in_(digests[start:start + _CHUNK]))).all()
            movable = [r for r in found if r.status == "open" and r.device_id != target.id]
            self._move(conn, study_id, [r.id for r in movable], target.id)
            self.bump(conn, study_id, [target.id, *(r.device_id for r in movable)] if movable else [])
            counts = {"assigned": len(movable), "not_open": sum(r.status != "open" for r in found),
                      "unknown": len(wanted) - len(found)}
            self.office._audit(conn, actor, role, "sample_assigned_by_hand", study_id, counts)
        known = {r.digest for r in found}
        return Assigned(len(movable) + sum(r.status == "open" and r.device_id == target.id for r in found),
                        counts["not_open"], tuple(by_digest[d] for d in digests if d not in known))

    def _move(self, conn: Any, study_id: str, ids: list[str], device_id: str | None) -> None:
        now = self.now()
        for start in range(0, len(ids), _CHUNK):
            conn.execute(update(cases).where(cases.c.study_id == study_id, cases.c.id.in_(ids[start:start + _CHUNK]))
                         .values(device_id=device_id, assigned_at=now if device_id else None, updated_at=now))

    def status(self, study_id: str) -> dict[str, Any]:
        """Counts of a study's cases per device, per département and per status; never a person."""
        with reading(self.engine) as conn:
            by_status = dict(conn.execute(select(cases.c.status, func.count()).where(
                cases.c.study_id == study_id).group_by(cases.c.status)).all())
            by_dep = {k or "?": v for k, v in conn.execute(select(cases.c.departement, func.count()).where(
                cases.c.study_id == study_id).group_by(cases.c.departement)).all()}
            per_device = conn.execute(select(cases.c.device_id, devices.c.name, cases.c.status, func.count())
                                      .outerjoin(devices, devices.c.id == cases.c.device_id)
                                      .where(cases.c.study_id == study_id)
                                      .group_by(cases.c.device_id, devices.c.name, cases.c.status)).all()
            files = conn.execute(select(func.count(), func.coalesce(func.sum(sample_files.c.imported), 0)).where(
                sample_files.c.study_id == study_id)).one()
            shared = conn.execute(select(func.count()).select_from(case_suppression).where(
                case_suppression.c.study_id == study_id)).scalar_one()
        device_counts: dict[str, dict[str, Any]] = {}
        for device_id, name, status, n in per_device:
            entry = device_counts.setdefault(device_id or "", {"device_id": device_id, "device": name, **dict.fromkeys(STATUSES, 0)})
            entry[status] = int(n)
        return {"study": study_id, "cases": sum(by_status.values()),
                "by_status": {s: int(by_status.get(s, 0)) for s in STATUSES},
                "by_departement": {k: int(v) for k, v in sorted(by_dep.items())},
                "by_device": sorted(device_counts.values(), key=lambda d: (d["device_id"] is None, d["device"] or "")),
                "unassigned_open": next((d["open"] for d in device_counts.values() if d["device_id"] is None), 0),
                "files": int(files[0]), "suppression_digests": int(shared)}

    def assignment(self, device: Device) -> tuple[str, dict[str, Any]]:
        """(ETag, the `case_protocol.Assignment` fields) for the device: its open cases unsealed,
        the study's shared suppression digests, the case key. The generation is read first: an ETag
        is never newer than the content it goes with."""
        generation = self.generation(device)
        sealer = self.store.sealer
        with reading(self.engine) as conn:
            rows = conn.execute(select(cases.c.id, cases.c.record).where(
                cases.c.study_id == device.study_id, cases.c.device_id == device.id, cases.c.status == "open")
                .order_by(cases.c.digest)).all()
            shared = list(conn.execute(select(case_suppression.c.digest).where(
                case_suppression.c.study_id == device.study_id).order_by(case_suppression.c.digest)).scalars())
        people = [orjson.loads(sealer.open(r.record, r.id)) for r in rows]
        return generation, {"study_id": device.study_id, "generation": generation,
                            "case_key": self.case_key(device.study_id), "people": people, "suppression": shared}

    # -- case events ----------------------------------------------------------------------------
    def ingest_events(self, device: Device, events: list[cp.CaseEvent]) -> EventsStored:
        """Store a device's case events once each (device, event id); a new objection closes the
        case, unassigns it and adds the person's digests to the shared list, a new completion
        closes it. An id already held for the same event (a re-send) is stored once; an id held
        for another event (the laptop's vault created anew with the same token) is a conflict,
        answered so that the laptop numbers that event anew: never dropped as a re-send."""
        now, study_id = self.now(), device.study_id
        rows = [{"device_id": device.id, "event_id": e.id, "study_id": study_id, "case_digest": e.case,
                 "kind": e.kind, "at": e.at, "interviewer": e.interviewer, "disposition": e.disposition,
                 "received_at": now} for e in events]
        by_id = {e.id: e for e in events}
        rows = list({row["event_id"]: row for row in rows}.values())  # a repeat inside one upload counts once
        with self.engine.begin() as conn:
            stmt = self.store._insert(case_events).on_conflict_do_nothing().returning(case_events.c.event_id)
            fresh = [by_id[i] for i in conn.execute(stmt, rows).scalars()] if rows else []
            self._apply(conn, study_id, sorted(fresh, key=lambda e: e.id), now)
            stored_now = {e.id for e in fresh}
            conflicts = held_otherwise(conn, case_events, "event_id", device.id, {
                i: (e.case, e.kind, e.at) for i, e in by_id.items() if i not in stored_now}, ("case_digest", "kind", "at"))
            upto = conn.execute(select(func.max(case_events.c.event_id)).where(
                case_events.c.device_id == device.id)).scalar()
        return EventsStored(len(fresh), int(upto or 0), conflicts)


    def _apply(self, conn: Any, study_id: str, events: list[cp.CaseEvent], now: str) -> None:
        closing = [e for e in events if e.kind in ("objected", "completed")]
        if not closing:
            return
        found = {r.digest: r for r in conn.execute(select(cases.c.id, cases.c.digest, cases.c.record, cases.c.device_id,
                                                          cases.c.status).where(
            cases.c.study_id == study_id, cases.c.digest.in_({e.case for e in closing})))}
        scopes: set[str | None] = set()
        digests: set[str] = set()
        key = self.case_key(study_id)
        for event in closing:
            case = found.get(event.case)
            if event.kind == "objected":
                digests.update(event.suppression)
                if case is not None:
                    sample_id = orjson.loads(self.store.sealer.open(case.record, case.id))["sample_id"]
                    digests.add(cp.suppression_digest(key, "sample_id", sample_id.strip()))
            if case is None or case.status == "objected" or (event.kind == "completed" and case.status != "open"):
                continue
            values: dict[str, Any] = {"status": event.kind, "updated_at": now}
            if event.kind == "objected":
                values.update(device_id=None, assigned_at=None)
            conn.execute(update(cases).where(cases.c.id == case.id).values(**values))
            scopes.add(case.device_id)
        if digests:
            stmt = self.store._insert(case_suppression).on_conflict_do_nothing()
            conn.execute(stmt, [{"study_id": study_id, "digest": d, "added_at": now} for d in sorted(digests)])
            scopes.add(SHARED)
        self.bump(conn, study_id, scopes)

    def case_event_dispositions(self, study_id: str) -> list[CaseDisposition]:
        """Per case digest: calls made, the latest call's disposition, the outcome reported
        (objected / completed), the latest interviewer pseudonym and device; oldest case first."""
        query = select(case_events.c.case_digest, case_events.c.kind, case_events.c.at, case_events.c.interviewer,
                       case_events.c.disposition, case_events.c.device_id).where(
            case_events.c.study_id == study_id).order_by(case_events.c.at, case_events.c.device_id,
                                                         case_events.c.event_id)
        acc: dict[str, dict[str, Any]] = {}
        with reading(self.engine) as conn:
            for r in conn.execute(query.execution_options(yield_per=5000)):
                a = acc.setdefault(r.case_digest, {"calls": 0, "last": None, "outcome": None})
                if r.kind == "call":
                    a["calls"] += 1
                    a["last"] = r.disposition
                elif a["outcome"] != "objected":
                    a["outcome"] = r.kind
                a.update(interviewer=r.interviewer, device=r.device_id, at=r.at)
        return [CaseDisposition(d, a["calls"], a["last"], a["outcome"], a["interviewer"], a["device"], a["at"])
                for d, a in acc.items()]

    def call_dispositions(self, study_id: str) -> dict[str, int]:
        """How many calls ended with each disposition (core.calls keys), for the AAPOR rates."""
        with reading(self.engine) as conn:
            rows = conn.execute(select(case_events.c.disposition, func.count()).where(
                case_events.c.study_id == study_id, case_events.c.kind == "call").group_by(
                case_events.c.disposition)).all()
        return {k or "": int(v) for k, v in rows}

    # -- retention ------------------------------------------------------------------------------
    def retention_run(self, today: datetime, actor: str = "cli") -> list[dict[str, Any]]:
        """Destroy the cases, supplied-file records and case events of every study delivered more
        than six months ago; audited with counts. A second run finds nothing left to destroy."""
        with reading(self.engine) as conn:
            delivered = conn.execute(select(deliveries.c.study_id, deliveries.c.delivered_at)).all()
        done = []
        for study_id, delivered_at in delivered:
            state = retention_status(datetime.fromisoformat(delivered_at.replace("Z", "+00:00")).date(), MAX_MONTHS,
                                     today.date())
            if state.due != Due.DESTROY:
                continue
            with self.engine.begin() as conn:
                counts = {name: conn.execute(delete(table).where(table.c.study_id == study_id)).rowcount
                          for name, table in (("cases", cases), ("files", sample_files), ("events", case_events))}
                if any(counts.values()):
                    conn.execute(update(case_generations).where(case_generations.c.study_id == study_id).values(
                        generation=case_generations.c.generation + 1))
                    self.office._audit(conn, actor, None, "retention_destroyed", study_id, counts)
            done.append({"study": study_id, "delivered_on": delivered_at[:10],
                         "destroy_on": state.destroy_on.isoformat() if state.destroy_on else None, **counts})
        return done
