"""XPath 1.0 values and the coercions JavaRosa applies between them.

Values are `str`, `float`, `bool` or `list` (a node-set, only ever met inside functions).
Dates and times are ISO strings; they become numbers (days since 1970-01-01) when an
operator or function needs a number, as JavaRosa does with its date values.
"""

from __future__ import annotations

import datetime as _dt
import math
import re
from decimal import Decimal
from functools import lru_cache
from typing import Any, Union

Value = Union[str, float, bool, "list[Any]"]  # list: a node-set of values

NAN = math.nan
_EPOCH_ORDINAL = _dt.date(1970, 1, 1).toordinal()
_NUMBER = re.compile(r"[ \t\r\n]*(-?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+))[ \t\r\n]*\Z")
_DATE = re.compile(
    r"\s*([0-9]{4})-([0-9]{2})-([0-9]{2})"
    r"(?:[T ]([0-9]{2}):([0-9]{2})(?::([0-9]{2})(?:\.([0-9]+))?)?\s*(Z|[+-][0-9]{2}(?::?[0-9]{2})?)?)?\s*\Z"
)
_TIME = re.compile(r"\s*([0-9]{2}):([0-9]{2})(?::([0-9]{2})(?:\.([0-9]+))?)?\s*(Z|[+-][0-9]{2}(?::?[0-9]{2})?)?\s*\Z")


def normalize(raw: object) -> Value:
    """An answer as the context gives it (None, int, date...) turned into an XPath value."""
    if raw is None:
        return ""
    kind = type(raw)
    if kind is str or kind is float or kind is bool:
        return raw  # type: ignore[return-value]
    if isinstance(raw, bool):
        return bool(raw)
    if isinstance(raw, (int, float, Decimal)):
        return float(raw)
    if isinstance(raw, str):
        return str(raw)
    if isinstance(raw, _dt.datetime):
        return format_datetime(raw)
    if isinstance(raw, _dt.date):
        return raw.isoformat()
    if isinstance(raw, _dt.time):
        return raw.isoformat()
    if isinstance(raw, (list, tuple, set, frozenset)):
        return [normalize(item) for item in raw]
    return str(raw)


def unpack(value: Value) -> Value:
    """A node-set used as a single value stands for its first item ("" when empty)."""
    if type(value) is list:
        return value[0] if value else ""
    return value


def to_boolean(value: object) -> bool:
    """XPath boolean(): non-empty strings and node-sets, numbers other than 0 and NaN."""
    kind = type(value)
    if kind is bool:
        return value  # type: ignore[return-value]
    if kind is str:
        return value != ""
    if kind is float:
        return value != 0.0 and value == value
    if isinstance(value, (list, tuple)):
        return len(value) > 0
    if value is None:
        return False
    if isinstance(value, (int, float)):
        return value != 0 and value == value
    return to_boolean(normalize(value))


def to_number(value: object) -> float:
    """XPath number(), with ISO dates, date-times and times read as days (JavaRosa)."""
    kind = type(value)
    if kind is float:
        return value  # type: ignore[return-value]
    if kind is str:
        return string_to_number(value)
    if kind is bool:
        return 1.0 if value else 0.0
    if isinstance(value, list):
        return to_number(unpack(value))
    if value is None:
        return NAN
    if isinstance(value, (int, float, Decimal)) and not isinstance(value, bool):
        return float(value)
    return to_number(normalize(value))


@lru_cache(maxsize=8192)
def string_to_number(text: str) -> float:
    """A number written in XPath syntax, an ISO date/date-time/time as days, else NaN."""
    match = _NUMBER.match(text)
    if match:
        return float(match.group(1))
    days = temporal_days(text)
    return NAN if days is None else days


def temporal_days(text: str, times: bool = True) -> float | None:
    """Days since 1970-01-01 of an ISO date or date-time (wall clock), or a time's day fraction."""
    match = _DATE.match(text)
    if match:
        year, month, day, hour, minute, second, fraction, _zone = match.groups()
        try:
            ordinal = _dt.date(int(year), int(month), int(day)).toordinal()
        except ValueError:
            return None
        clock = _day_fraction(hour, minute, second, fraction)
        return None if clock is None else ordinal - _EPOCH_ORDINAL + clock
    match = _TIME.match(text) if times else None
    if match:
        hour, minute, second, fraction, _zone = match.groups()
        return _day_fraction(hour, minute, second, fraction)
    return None


def _day_fraction(hour: str | None, minute: str | None, second: str | None, fraction: str | None) -> float | None:
    """Fraction of a day of a wall-clock time, None when out of range."""
    if hour is None:
        return 0.0
    h, m, s = int(hour), int(minute or 0), int(second or 0)
    if h > 23 or m > 59 or s > 60:
        return None
    seconds = h * 3600 + m * 60 + s + (float("0." + fraction) if fraction else 0.0)
    return seconds / 86400.0


def to_string(value: object) -> str:
    """XPath string(): integral numbers without decimals, no exponent, true/false."""
    kind = type(value)
    if kind is str:
        return value  # type: ignore[return-value]
    if kind is float:
        return number_to_string(value)  # type: ignore[arg-type]
    if kind is bool:
        return "true" if value else "false"
    if isinstance(value, list):
        return to_string(unpack(value))
    if value is None:
        return ""
    return to_string(normalize(value))


def number_to_string(number: float) -> str:
    """The XPath spelling of a number: 1 not 1.0, NaN, Infinity, never an exponent."""
    if number != number:
        return "NaN"
    if math.isinf(number):
        return "Infinity" if number > 0 else "-Infinity"
    if number.is_integer():
        return str(int(number))
    text = repr(number)
    if "e" in text or "E" in text:
        text = format(Decimal(text), "f")
    return text


def is_empty(value: Value) -> bool:
    """True for "" and an empty node-set: an unanswered question."""
    return value == "" or (type(value) is list and not value)


def format_datetime(moment: _dt.datetime) -> str:
    """ODK's spelling of a date-time: milliseconds, and the offset when known."""
    return moment.isoformat(timespec="milliseconds")


def days_to_date(days: float) -> _dt.date | None:
    """The calendar date `days` after 1970-01-01, None when out of range or not a number."""
    if days != days or math.isinf(days):
        return None
    try:
        return _dt.date.fromordinal(int(math.floor(days)) + _EPOCH_ORDINAL)
    except (ValueError, OverflowError):
        return None


def to_datetime(value: Value) -> _dt.datetime | None:
    """A naive wall-clock date-time from an ISO string or a day count; None if neither."""
    value = unpack(value)
    if type(value) is bool:
        return None
    days = to_number(value)
    day = days_to_date(days)
    if day is None:
        return None
    seconds = round((days - math.floor(days)) * 86400.0, 3)
    try:
        return _dt.datetime.combine(day, _dt.time()) + _dt.timedelta(seconds=seconds)
    except OverflowError:  # the last instant of year 9999 rounded up
        return None
