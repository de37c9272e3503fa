"""Date functions: dates are ISO strings, days since 1970-01-01 when used as numbers."""

from __future__ import annotations

import datetime as _dt
import math

from etudes_desktop.core.expressions.values import (
    NAN,
    Value,
    days_to_date,
    format_datetime,
    temporal_days,
    to_datetime,
    to_number,
    to_string,
    unpack,
)

_MONTHS = ("janv.", "févr.", "mars", "avr.", "mai", "juin", "juil.", "août", "sept.", "oct.", "nov.", "déc.")
_DAYS = ("lun.", "mar.", "mer.", "jeu.", "ven.", "sam.", "dim.")


def today(moment: _dt.datetime) -> str:
    """today(): the local date of the injected clock, as YYYY-MM-DD."""
    return moment.date().isoformat()


def now(moment: _dt.datetime) -> str:
    """now(): the injected clock as an ISO date-time with milliseconds."""
    return format_datetime(moment)


def date(value: Value) -> str:
    """date(x): a day count or an ISO date(-time) as YYYY-MM-DD; "" when it is neither."""
    value = unpack(value)
    if type(value) is str:
        days = temporal_days(value, times=False)
        if days is None:
            days = NAN if ":" in value else to_number(value)
    elif type(value) is bool:
        return ""
    else:
        days = to_number(value)
    day = days_to_date(days)
    return "" if day is None else day.isoformat()


def decimal_date_time(value: Value) -> float:
    """decimal-date-time(x): days (with the time as a fraction) since 1970-01-01."""
    value = unpack(value)
    if type(value) is bool:
        return NAN
    return to_number(value)


def decimal_time(value: Value) -> float:
    """decimal-time(t): a time of day as a fraction of a day."""
    number = decimal_date_time(value)
    return number - math.floor(number) if math.isfinite(number) else NAN


def format_date(value: Value, pattern: Value) -> str:
    """format-date(d, pattern): %Y %y %m %n %b %d %e %a %H %h %M %S %3; "" for no date."""
    moment = to_datetime(value)
    if moment is None:
        return ""
    return _render(moment, to_string(pattern))


def _render(moment: _dt.datetime, pattern: str) -> str:
    """Apply a JavaRosa date pattern; unknown %x sequences are kept as written."""
    parts: list[str] = []
    index = 0
    while index < len(pattern):
        char = pattern[index]
        if char == "%" and index + 1 < len(pattern):
            code = pattern[index + 1]
            field = _field(moment, code)
            parts.append("%" + code if field is None else field)
            index += 2
        else:
            parts.append(char)
            index += 1
    return "".join(parts)


def _field(moment: _dt.datetime, code: str) -> str | None:
    """One date field as a pattern code asks for it."""
    fields = {
        "Y": f"{moment.year:04d}",
        "y": f"{moment.year % 100:02d}",
        "m": f"{moment.month:02d}",
        "n": str(moment.month),
        "b": _MONTHS[moment.month - 1],
        "d": f"{moment.day:02d}",
        "e": str(moment.day),
        "a": _DAYS[moment.weekday()],
        "H": f"{moment.hour:02d}",
        "h": str(moment.hour),
        "M": f"{moment.minute:02d}",
        "S": f"{moment.second:02d}",
        "3": f"{moment.microsecond // 1000:03d}",
        "%": "%",
    }
    return fields.get(code)
