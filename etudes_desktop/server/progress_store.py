"""The progress page's reads: counts of a study's interviews by state, mode, device, interviewer
pseudonym and day, and each device's last contact. GROUP BY over `interview_facts` (one covering
index per grouping, see facts_store), never a sealed payload, never a respondent: only counts.

For the AAPOR rates, the laptops' case events (server.cases_store) when a study has any: each
case's call dispositions in order, its outcome and its latest interviewer, keyed by an opaque
case digest that never leaves this module; the sample's cases never attempted are counted too.
Read again only when the study's events or cases changed (kept per process)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import func, select

from etudes_desktop.server.cases_store import TABLES as CASE_TABLES
from etudes_desktop.server.cases_store import case_events, cases
from etudes_desktop.server.facts_store import device_contacts, interview_facts
from etudes_desktop.server.store import Store, devices, iso, metadata, reading

STATES = ("completed", "objected")


@dataclass(frozen=True)
class Tally:
    """Completed and objected interviews of one group."""

    completed: int = 0
    objected: int = 0

    @property
    def total(self) -> int:
        return self.completed + self.objected

    def plus(self, state: str, count: int) -> Tally:
        if state == "completed":
            return Tally(self.completed + count, self.objected)
        return Tally(self.completed, self.objected + count)


@dataclass(frozen=True)
class DeviceProgress:
    id: str
    name: str
    created_at: str
    revoked: bool
    last_seen_at: str | None
    tally: Tally
    silent: bool  # active, and no contact (nor enrolment) for more than the page's N days


@dataclass(frozen=True)
class Progress:
    """Everything the progress page shows of one study, counts only."""

    study_id: str
    at: str
    silent_days: int
    total: Tally
    by_mode: dict[str, Tally]
    by_device: list[DeviceProgress]
    by_interviewer: dict[str, Tally]
    by_day: list[tuple[str, Tally]]  # oldest first

    @property
    def silent(self) -> list[DeviceProgress]:
        return [d for d in self.by_device if d.silent]


def _tallies(rows: Iterable[Any]) -> dict[str, Tally]:
    """(key, state, count) rows -> a Tally per key."""
    out: dict[str, Tally] = defaultdict(Tally)
    for key, state, count in rows:
        out[key] = out[key].plus(state, int(count))
    return dict(out)


@dataclass(frozen=True)
class CaseOutcome:
    """One case as the rates need it: its calls' dispositions (oldest first), its reported
    outcome (completed, objected or None) and the pseudonym of its latest event."""

    calls: tuple[str, ...]
    outcome: str | None
    interviewer: str


@dataclass(frozen=True)
class CaseOutcomes:
    cases: list[CaseOutcome]
    untouched: int  # cases of the sample no laptop reported on yet (never attempted)


class ProgressStore:
    """Read-only counts for the console, over the server store's engine."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self.engine = store.engine
        metadata.create_all(self.engine, tables=CASE_TABLES)  # a server that never held a sample: empty tables
        self._cases: dict[str, tuple[tuple[Any, ...], CaseOutcomes | None]] = {}

    def case_outcomes(self, study_id: str) -> CaseOutcomes | None:
        """The study's cases as reported by the laptops; None when no case event arrived yet."""
        e = case_events.c
        with reading(self.engine) as conn:
            mark = tuple(conn.execute(select(func.count(), func.max(e.received_at)).where(e.study_id == study_id)).one())
            mark += tuple(conn.execute(select(func.count(), func.max(cases.c.updated_at)).where(
                cases.c.study_id == study_id)).one())
            held = self._cases.get(study_id)
            if held is not None and held[0] == mark:
                return held[1]
            found = self._read_cases(conn, study_id) if mark[0] else None
        self._cases[study_id] = (mark, found)
        return found

    @staticmethod
    def _read_cases(conn: Any, study_id: str) -> CaseOutcomes:
        e = case_events.c
        query = (select(e.case_digest, e.kind, e.interviewer, e.disposition).where(e.study_id == study_id)
                 .order_by(e.case_digest, e.at, e.device_id, e.event_id))
        calls: dict[str, list[str]] = defaultdict(list)
        outcome: dict[str, str | None] = {}
        latest: dict[str, str] = {}
        for digest, kind, interviewer, disposition in conn.execute(query.execution_options(yield_per=5000)):
            if kind == "call" and disposition:
                calls[digest].append(disposition)
            elif kind in ("completed", "objected") and outcome.get(digest) != "objected":
                outcome[digest] = kind  # an objection outweighs a completion
            latest[digest] = interviewer
        untouched = conn.execute(select(func.count()).select_from(cases).where(
            cases.c.study_id == study_id,
            ~select(e.case_digest).where(e.study_id == study_id, e.case_digest == cases.c.digest).exists())).scalar_one()
        return CaseOutcomes([CaseOutcome(tuple(calls.get(d, ())), outcome.get(d), who) for d, who in latest.items()],
                            int(untouched))

    def progress(self, study_id: str, silent_days: int = 3) -> Progress:
        now = self.store.clock()
        f = interview_facts.c
        where = f.study_id == study_id
        count = func.count()
        with reading(self.engine) as conn:
            by_mode_state = conn.execute(select(f.mode, f.state, count).where(where).group_by(f.state, f.mode)).all()
            by_device = _tallies(conn.execute(
                select(f.device_id, f.state, count).where(where).group_by(f.device_id, f.state)).all())
            by_interviewer = _tallies(conn.execute(
                select(f.interviewer, f.state, count).where(where).group_by(f.interviewer, f.state)).all())
            by_day = _tallies(conn.execute(select(f.day, f.state, count).where(where).group_by(f.day, f.state)).all())
            device_rows = conn.execute(
                select(devices.c.id, devices.c.name, devices.c.created_at, devices.c.revoked_at,
                       device_contacts.c.last_seen_at)
                .outerjoin(device_contacts, device_contacts.c.device_id == devices.c.id)
                .where(devices.c.study_id == study_id)
                .order_by(devices.c.revoked_at.is_not(None), devices.c.name, devices.c.id)).all()
        by_mode = _tallies(by_mode_state)
        total = Tally(sum(t.completed for t in by_mode.values()), sum(t.objected for t in by_mode.values()))
        listed = self._devices(device_rows, by_device, now, silent_days)
        return Progress(study_id=study_id, at=iso(now), silent_days=silent_days, total=total,
                        by_mode=dict(sorted(by_mode.items())), by_device=listed,
                        by_interviewer=dict(sorted(by_interviewer.items())), by_day=sorted(by_day.items()))

    @staticmethod
    def _devices(rows: Sequence[Any], tallies: dict[str, Tally], now: datetime, days: int) -> list[DeviceProgress]:
        """Each device with its tally; silent when active and quiet (since its last contact, or its
        enrolment if it never called) for more than `days` days."""
        limit = iso(now - timedelta(days=days))
        out = []
        for row in rows:
            revoked = row.revoked_at is not None
            out.append(DeviceProgress(
                id=row.id, name=row.name, created_at=row.created_at, revoked=revoked, last_seen_at=row.last_seen_at,
                tally=tallies.get(row.id, Tally()), silent=not revoked and (row.last_seen_at or row.created_at) < limit))
        return out

    def overview(self) -> dict[str, Tally]:
        """Every study that has interviews or devices, with its tally (the progress list)."""
        f = interview_facts.c
        with reading(self.engine) as conn:
            rows = conn.execute(select(f.study_id, f.state, func.count()).group_by(f.study_id, f.state)).all()
            studies = conn.execute(select(devices.c.study_id).distinct()).scalars().all()
        out = _tallies(rows)
        for study_id in studies:
            out.setdefault(study_id, Tally())
        return dict(sorted(out.items()))
