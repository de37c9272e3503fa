"""When a person may be called: the study's windows in the person's time zone, minus holidays."""

from __future__ import annotations

import datetime as _dt

from etudes_desktop.core.calls.rules import CallingRules
from etudes_desktop.core.calls.territory import Territory, holiday_name, local_time

SEARCH_DAYS = 40  # how far ahead the next opening is looked for


def is_open(rules: CallingRules, territory: Territory, moment: _dt.datetime) -> bool:
    """True when the person may be called at this moment (aware datetime)."""
    local = local_time(territory, moment)
    if not rules.is_calling_time(local):
        return False
    return not (rules.avoid_holidays and holiday_name(territory, local.date()) is not None)


def closed_because(rules: CallingRules, territory: Territory, moment: _dt.datetime) -> str | None:
    """Why the person may not be called now, in French (None when they may)."""
    local = local_time(territory, moment)
    holiday = holiday_name(territory, local.date())
    if rules.avoid_holidays and holiday is not None:
        return f"jour férié ({holiday})"
    if not rules.is_calling_time(local):
        return "hors des heures d'appel"
    return None


def next_open(rules: CallingRules, territory: Territory, moment: _dt.datetime) -> _dt.datetime | None:
    """The first moment at or after `moment` the person may be called (None within SEARCH_DAYS)."""
    tz = territory.tz
    local = local_time(territory, moment)
    for offset in range(SEARCH_DAYS):
        day = local.date() + _dt.timedelta(days=offset)
        if rules.avoid_holidays and holiday_name(territory, day) is not None:
            continue
        for window in sorted((w for w in rules.windows if day.isoweekday() in w.days), key=lambda w: w.start):
            start = _dt.datetime.combine(day, window.start, tz)
            end = _dt.datetime.combine(day, window.end, tz)
            if end <= local:
                continue
            return max(start, local).astimezone(moment.tzinfo)
    return None


def next_local_midnight(territory: Territory, moment: _dt.datetime) -> _dt.datetime:
    """The start of the person's next local day."""
    local = local_time(territory, moment)
    return _dt.datetime.combine(local.date() + _dt.timedelta(days=1), _dt.time(0), territory.tz).astimezone(
        _dt.UTC)


def same_local_day(territory: Territory, first: _dt.datetime, second: _dt.datetime) -> bool:
    return local_time(territory, first).date() == local_time(territory, second).date()
