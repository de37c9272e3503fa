"""A study's calling rules (part of its package): windows, limits, delays, spread, appointments.

Defaults: Monday to Friday, 10:00–13:00 and 14:00–20:00 in the person's own time, never on a
public holiday of their territory (the hours of the French rules on telephone canvassing); at most
10 calls per person and 3 a day; delays per disposition as queXS ships them (busy 15 min, no
answer 3 h, soft refusal a week); attempts spread over the morning, afternoon and evening slots;
a soft appointment may be offered 30 minutes early, a hard one at its time. The XLSForm's
`settings` sheet may change each (core.study_load reads the columns named in SETTINGS_COLUMNS).
"""

from __future__ import annotations

import datetime as _dt
import re
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from etudes_desktop.core.calls.dispositions import BY_KEY, disposition
from etudes_desktop.core.errors import EtudesError

MAX_SLOTS = 4  # the scheduler looks the slots up by bit mask: a handful, never a list per minute


class TimeRange(BaseModel):
    """From `start` (included) to `end` (excluded), local time."""

    model_config = ConfigDict(frozen=True)

    start: _dt.time
    end: _dt.time

    @model_validator(mode="after")
    def _ordered(self) -> TimeRange:
        if self.end <= self.start:
            raise ValueError(f"plage horaire vide ou à l'envers : {self.start:%H:%M}-{self.end:%H:%M}")
        return self

    def holds(self, moment: _dt.time) -> bool:
        return self.start <= moment < self.end

    def text(self) -> str:
        return f"{self.start:%H:%M}-{self.end:%H:%M}"


class CallingWindow(TimeRange):
    """Hours when a person may be called, on some days of the week (ISO: 1 Monday ... 7 Sunday)."""

    days: list[int] = Field(default_factory=lambda: [1, 2, 3, 4, 5])

    @field_validator("days")
    @classmethod
    def _weekdays(cls, value: list[int]) -> list[int]:
        if not value or any(not 1 <= d <= 7 for d in value):
            raise ValueError("jours d'appel : de 1 (lundi) à 7 (dimanche)")
        return sorted(set(value))


def _default_windows() -> list[CallingWindow]:
    return [CallingWindow(start=_dt.time(10), end=_dt.time(13)), CallingWindow(start=_dt.time(14), end=_dt.time(20))]


def _default_slots() -> list[TimeRange]:
    return [TimeRange(start=_dt.time(10), end=_dt.time(13)), TimeRange(start=_dt.time(14), end=_dt.time(17)),
            TimeRange(start=_dt.time(17), end=_dt.time(20))]


class CallingRules(BaseModel):
    """What the scheduler follows for one study."""

    model_config = ConfigDict(frozen=True)

    windows: list[CallingWindow] = Field(default_factory=_default_windows, min_length=1,
                                         description="hours the person may be called, in their own time zone")
    avoid_holidays: bool = Field(default=True, description="no call on a public holiday of the person's territory")
    max_attempts: int = Field(default=10, ge=1, le=100, description="calls per person, at most")
    max_attempts_per_day: int = Field(default=3, ge=1, le=20, description="calls per person and local day, at most")
    retry_delays: dict[str, int] = Field(
        default_factory=dict, description="minutes before the next try, by disposition (others: the table's default)")
    slots: list[TimeRange] = Field(default_factory=_default_slots,
                                   description="times of day the attempts are spread over (empty: no spread)")
    soft_appointment_early_minutes: int = Field(default=30, ge=0, le=240)
    soft_refusals_before_final: int = Field(default=1, ge=0, le=5,
                                            description="soft refusals tried again; the next one is final")
    partial_share: float = Field(default=0.5, gt=0, le=1,
                                 description="share of pages an interrupted interview needs to count as partial")
    eligibility_rate: float | None = Field(default=None, ge=0, le=1,
                                           description="AAPOR's e for RR3, RR4, REF2, CON2 (none: estimated)")

    @field_validator("retry_delays")
    @classmethod
    def _known_dispositions(cls, value: dict[str, int]) -> dict[str, int]:
        out = {}
        for key, minutes in value.items():
            try:
                found = disposition(key)  # a code or a key; refused if unknown
            except EtudesError as exc:
                raise ValueError(exc.message) from None
            if not found.try_again or found.appointment is not None:
                raise ValueError(f"« {found.label_fr} » n'est pas rappelé après un délai : pas de délai à lui donner")
            if not 0 <= int(minutes) <= 60 * 24 * 90:
                raise ValueError("délai entre deux appels : de 0 minute à 90 jours")
            out[found.key] = int(minutes)
        return out

    @field_validator("slots")
    @classmethod
    def _few_slots(cls, value: list[TimeRange]) -> list[TimeRange]:
        if len(value) > MAX_SLOTS:
            raise ValueError(f"tranches horaires de répartition des appels : {MAX_SLOTS} au plus")
        return value

    def delay_minutes(self, key: str) -> int:
        """Minutes to wait after a call that ended with this disposition."""
        return self.retry_delays.get(key, BY_KEY[key].delay_minutes)

    def is_calling_time(self, local: _dt.datetime) -> bool:
        """Within a window on its weekday (holidays are the territory's: see core.calls.windows)."""
        day, clock = local.isoweekday(), local.time().replace(tzinfo=None)
        return any(day in w.days and w.holds(clock) for w in self.windows)

    def slot_of(self, local: _dt.datetime) -> int | None:
        clock = local.time().replace(tzinfo=None)
        return next((i for i, s in enumerate(self.slots) if s.holds(clock)), None)

    @property
    def all_slots(self) -> int:
        """The bit mask of every slot (0 when attempts are not spread)."""
        return (1 << len(self.slots)) - 1


# -- the XLSForm's settings columns ---------------------------------------------------------------
# Column of the settings sheet -> field of CallingRules.
SETTINGS_FIELDS = {"calling_windows": "windows", "calling_holidays": "avoid_holidays", "max_attempts": "max_attempts",
                   "max_attempts_per_day": "max_attempts_per_day", "retry_delays": "retry_delays",
                   "calling_slots": "slots", "soft_appointment_early": "soft_appointment_early_minutes",
                   "soft_refusals": "soft_refusals_before_final", "partial_share": "partial_share",
                   "eligibility_rate": "eligibility_rate"}
SETTINGS_COLUMNS = tuple(SETTINGS_FIELDS)
_DAYS = {"lun": 1, "mon": 1, "mar": 2, "tue": 2, "mer": 3, "wed": 3, "jeu": 4, "thu": 4, "ven": 5, "fri": 5,
         "sam": 6, "sat": 6, "dim": 7, "sun": 7}
_RANGE = re.compile(r"^(\d{1,2})[:h](\d{2})?-(\d{1,2})[:h](\d{2})?$")
_DURATION = re.compile(r"^(\d+(?:[.,]\d+)?)\s*(min|mn|m|h|j|d)?$")


def _time(hours: str, minutes: str | None) -> _dt.time:
    h, m = int(hours), int(minutes or 0)
    if h == 24 and m == 0:
        return _dt.time(23, 59, 59)
    return _dt.time(h, m)


def parse_range(text: str) -> dict[str, _dt.time]:
    """"10:00-13:00" or "14h-20h" as start and end."""
    match = _RANGE.match(text.strip().lower())
    if not match:
        raise ValueError(f"plage horaire « {text} » : attendu par exemple 10:00-13:00")
    try:
        return {"start": _time(match[1], match[2]), "end": _time(match[3], match[4])}
    except ValueError:
        raise ValueError(f"plage horaire « {text} » : heure impossible") from None


def parse_days(text: str) -> list[int]:
    """"lun-ven", "sam", "mon,wed" as ISO weekdays."""
    days: list[int] = []
    for part in text.lower().split(","):
        ends = [p.strip()[:3] for p in part.split("-")]
        if not all(e in _DAYS for e in ends) or len(ends) > 2:
            raise ValueError(f"jours « {text} » : attendu par exemple lun-ven ou sam")
        first, last = _DAYS[ends[0]], _DAYS[ends[-1]]
        days += list(range(first, last + 1)) if first <= last else [*range(first, 8), *range(1, last + 1)]
    return days


def parse_windows(text: str) -> list[dict[str, Any]]:
    """"lun-ven 10:00-13:00 14:00-20:00; sam 10:00-12:00" as calling windows."""
    windows = []
    for group in filter(None, (g.strip() for g in text.split(";"))):
        words = group.split()
        if words and words[0][0].isdigit():
            days, ranges = [1, 2, 3, 4, 5], words
        else:
            days, ranges = parse_days(words[0]), words[1:]
        if not ranges:
            raise ValueError(f"fenêtre « {group} » : indiquez au moins une plage horaire (10:00-13:00)")
        windows += [{"days": days, **parse_range(r)} for r in ranges]
    return windows


def parse_minutes(text: str) -> int:
    """"180", "3h", "7j", "15 min" as minutes."""
    match = _DURATION.match(text.strip().lower())
    if not match:
        raise ValueError(f"durée « {text} » : attendu par exemple 180, 3h ou 7j")
    value = float(match[1].replace(",", "."))
    return round(value * {"h": 60, "j": 1440, "d": 1440}.get(match[2] or "m", 1))


def parse_delays(text: str) -> dict[str, int]:
    """"no_answer=3h busy=15 soft_refusal=7j" (keys or AAPOR codes) as minutes by disposition."""
    delays = {}
    for item in filter(None, re.split(r"[\s,;]+", text.strip())):
        key, sep, value = item.partition("=")
        if not sep:
            raise ValueError(f"délai « {item} » : attendu issue=durée, par exemple busy=15")
        delays[key] = parse_minutes(value)
    return delays


def rules_from_settings(settings: dict[str, str]) -> tuple[dict[str, Any], list[tuple[str, str]]]:
    """The CallingRules fields the settings columns give, and (column, problem) for each bad one."""
    fields: dict[str, Any] = {}
    problems: list[tuple[str, str]] = []
    readers: dict[str, Any] = {
        "calling_windows": parse_windows, "calling_holidays": _yes_no, "max_attempts": _integer,
        "max_attempts_per_day": _integer, "retry_delays": parse_delays, "calling_slots": _slots,
        "soft_appointment_early": parse_minutes, "soft_refusals": _integer, "partial_share": _share,
        "eligibility_rate": _share,
    }
    for column, reader in readers.items():
        text = settings.get(column, "").strip()
        if not text:
            continue
        try:
            fields[SETTINGS_FIELDS[column]] = reader(text)
        except ValueError as exc:
            problems.append((column, str(exc)))
    return fields, problems


def _yes_no(text: str) -> bool:
    word = text.lower()
    if word in ("yes", "true", "oui", "vrai", "1"):
        return True
    if word in ("no", "false", "non", "faux", "0"):
        return False
    raise ValueError("valeur attendue : yes ou no (oui ou non)")


def _integer(text: str) -> int:
    if not re.fullmatch(r"\d+(\.0+)?", text):
        raise ValueError(f"« {text} » : un nombre entier est attendu")
    return int(float(text))


def _share(text: str) -> float:
    value = text.rstrip("%").replace(",", ".")
    try:
        number = float(value)
    except ValueError:
        raise ValueError(f"« {text} » : une proportion est attendue (0.5 ou 50 %)") from None
    return number / 100 if text.endswith("%") or number > 1 else number


def _slots(text: str) -> list[dict[str, _dt.time]]:
    if text.lower() in ("no", "non", "none", "aucune"):
        return []
    return [parse_range(part) for part in re.split(r"[\s,;]+", text.strip()) if part]
