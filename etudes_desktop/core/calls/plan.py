"""A person's call plan from their call history: when they are due, with what priority, or closed.

The plan holds what does not depend on the clock (rank, earliest moment, the times of day the
next try may fall in); the clock-dependent part, whether the person's territory is in a calling
window now, is checked when the next call is chosen (storage.calls). Appointments are checked
when they are set (`check_appointment`), so keeping one never breaks a limit or a window.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Sequence
from dataclasses import dataclass
from enum import IntEnum

from etudes_desktop.core.calls.dispositions import BY_KEY, Appointment
from etudes_desktop.core.calls.rules import CallingRules
from etudes_desktop.core.calls.territory import Territory, local_time
from etudes_desktop.core.calls.windows import closed_because, next_local_midnight, same_local_day
from etudes_desktop.core.errors import EtudesError

UTC = _dt.UTC
EPOCH = _dt.datetime(2000, 1, 1, tzinfo=UTC)  # "due since always": a fresh person


class Rank(IntEnum):
    """Who comes first when several people are due (lower first)."""

    HARD_APPOINTMENT = 0
    SOFT_APPOINTMENT = 1
    RETRY = 2
    FRESH = 3
    CLOSED = 9


CLOSED_BY_LIMIT = "max_attempts"


@dataclass(frozen=True)
class Attempt:
    at: _dt.datetime  # aware
    disposition: str  # a key of core.calls.dispositions
    appointment_at: _dt.datetime | None = None


@dataclass(frozen=True)
class Plan:
    rank: Rank
    due_at: _dt.datetime  # UTC; the person is not offered before
    slots: int  # bit mask of the times of day the next try may fall in (0: any)
    attempts: int
    closed_by: str | None = None  # the final disposition's key, or CLOSED_BY_LIMIT


def stamp(moment: _dt.datetime) -> str:
    """The one text form of a moment in the call plan (UTC, to the second): it sorts as time does."""
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def plan_for(history: Sequence[Attempt], rules: CallingRules, territory: Territory) -> Plan:
    """The plan after these calls (oldest first)."""
    attempts = len(history)
    if not history:
        return Plan(Rank.FRESH, EPOCH, rules.all_slots, 0)
    final = next((a for a in history if BY_KEY[a.disposition].final), None)
    if final is not None:
        return Plan(Rank.CLOSED, final.at, 0, attempts, final.disposition)
    soft_refusals = sum(a.disposition == "soft_refusal" for a in history)
    if soft_refusals > rules.soft_refusals_before_final:
        return Plan(Rank.CLOSED, history[-1].at, 0, attempts, "refusal")
    if attempts >= rules.max_attempts:
        return Plan(Rank.CLOSED, history[-1].at, 0, attempts, CLOSED_BY_LIMIT)
    last = history[-1]
    kind = BY_KEY[last.disposition].appointment
    if kind is Appointment.HARD and last.appointment_at is not None:
        return Plan(Rank.HARD_APPOINTMENT, last.appointment_at.astimezone(UTC), 0, attempts)
    if kind is Appointment.SOFT and last.appointment_at is not None:
        due = last.appointment_at - _dt.timedelta(minutes=rules.soft_appointment_early_minutes)
        return Plan(Rank.SOFT_APPOINTMENT, _after_day_cap(history, rules, territory, due), 0, attempts)
    due = last.at + _dt.timedelta(minutes=rules.delay_minutes(last.disposition))
    return Plan(Rank.RETRY, _after_day_cap(history, rules, territory, due), _spread(history, rules, territory), attempts)


def _after_day_cap(history: Sequence[Attempt], rules: CallingRules, territory: Territory,
                   due: _dt.datetime) -> _dt.datetime:
    """`due`, or the person's next local day when today's calls reached the daily limit."""
    last = history[-1].at
    today = sum(same_local_day(territory, a.at, last) for a in history)
    if today >= rules.max_attempts_per_day and same_local_day(territory, due, last):
        due = next_local_midnight(territory, last)
    return due.astimezone(UTC)


def _spread(history: Sequence[Attempt], rules: CallingRules, territory: Territory) -> int:
    """The slots with the fewest unanswered calls so far (queXS's "time slots" rule)."""
    if not rules.slots:
        return 0
    counts = [0] * len(rules.slots)
    for attempt in history:
        if not BY_KEY[attempt.disposition].contact:
            slot = rules.slot_of(local_time(territory, attempt.at))
            if slot is not None:
                counts[slot] += 1
    fewest = min(counts)
    return sum(1 << i for i, n in enumerate(counts) if n == fewest)


def masks_with(slot: int | None, rules: CallingRules) -> list[int]:
    """The stored masks a try may be offered under at a moment in `slot` (None: outside every slot)."""
    if not rules.slots:
        return [0]
    everything = range(1, rules.all_slots + 1)
    return list(everything) if slot is None else [m for m in everything if m & (1 << slot)]


def check_appointment(history: Sequence[Attempt], rules: CallingRules, territory: Territory,
                      kind: Appointment, when: _dt.datetime) -> None:
    """Refuse an appointment the rules could not keep (`history` ends with the call setting it)."""
    if when <= history[-1].at:
        raise EtudesError("le rendez-vous doit être postérieur à l'appel")
    if len(history) >= rules.max_attempts:
        raise EtudesError(f"cette personne a reçu le nombre maximal d'appels de l'étude ({rules.max_attempts}) : "
                          "plus de rendez-vous possible")
    if kind is Appointment.SOFT:
        return
    why = closed_because(rules, territory, when)
    if why is not None:
        shown = local_time(territory, when).strftime("%d/%m/%Y %H:%M")
        raise EtudesError(f"rendez-vous du {shown} (heure de la personne, {territory.name_fr}) impossible : {why} "
                          f"({windows_text(rules)})")
    that_day = sum(same_local_day(territory, a.at, when) for a in history)
    if that_day >= rules.max_attempts_per_day:
        raise EtudesError(f"cette personne a déjà reçu {that_day} appels ce jour-là (au plus "
                          f"{rules.max_attempts_per_day}) : proposez un autre jour")


_DAY_NAMES = ("lun", "mar", "mer", "jeu", "ven", "sam", "dim")


def windows_text(rules: CallingRules) -> str:
    """"lun-ven 10:00-13:00, 14:00-20:00" (the study's windows, in the person's time)."""
    groups: dict[tuple[int, ...], list[str]] = {}
    for window in rules.windows:
        groups.setdefault(tuple(window.days), []).append(window.text())
    parts = []
    for days, ranges in groups.items():
        contiguous = list(days) == list(range(days[0], days[-1] + 1))
        names = (f"{_DAY_NAMES[days[0] - 1]}-{_DAY_NAMES[days[-1] - 1]}" if contiguous and len(days) > 1
                 else ",".join(_DAY_NAMES[d - 1] for d in days))
        parts.append(f"{names} {', '.join(ranges)}")
    return "; ".join(parts) + ", heure locale"


@dataclass(frozen=True)
class NextCall:
    """The person to call now and why (no personal data: the screens add name and phone)."""

    respondent_id: int
    sample_id: str
    rank: Rank
    due_at: _dt.datetime
    territory: Territory
    local_now: _dt.datetime
    attempts: int
    last_disposition: str | None = None
    last_at: _dt.datetime | None = None
    appointment_at: _dt.datetime | None = None

    @property
    def reason(self) -> str:
        """hard_appointment | soft_appointment | retry | fresh"""
        return self.rank.name.lower()
