"""The progress page's reads: counts of a study's interviews by state, mode, device, interviewer
pseudonym and day, and each device's last contact. GROUP BY over `interview_facts` (one covering
index per grouping, see facts_store), never a sealed payload, never a respondent: only counts."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import func, select

from etudes_desktop.server.facts_store import device_contacts, interview_facts
from etudes_desktop.server.store import Store, devices, iso

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


class ProgressStore:
    """Read-only counts for the console, over the server store's engine."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self.engine = store.engine

    def progress(self, study_id: str, silent_days: int = 3) -> Progress:
        now = self.store.clock()
        f = interview_facts.c
        where = f.study_id == study_id
        count = func.count()
        with self.engine.connect() as conn:
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
        with self.engine.connect() as conn:
            rows = conn.execute(select(f.study_id, f.state, func.count()).group_by(f.study_id, f.state)).all()
            studies = conn.execute(select(devices.c.study_id).distinct()).scalars().all()
        out = _tallies(rows)
        for study_id in studies:
            out.setdefault(study_id, Tally())
        return dict(sorted(out.items()))
