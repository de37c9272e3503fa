"""Dates, times and numbers as a French interviewer types and reads them."""

from __future__ import annotations

import datetime as _dt
import re
from typing import Any

from etudes_desktop.core.questionnaire import ItemType

# 28/02/2026, 28-02-2026, 28.02.2026, and 28022026 typed on the numeric keypad.
_DATE_FR = re.compile(r"^\s*(?:(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{4})|(\d{2})(\d{2})(\d{4}))\s*$")
# 14:30, 14h30, 14H30, and 1430 or 930 typed without the colon.
_TIME = re.compile(r"^\s*(?:(\d{1,2})[:hH](\d{2})|(\d{1,2})(\d{2}))\s*$")

PLACEHOLDERS = {
    ItemType.DATE: "JJ/MM/AAAA",
    ItemType.TIME: "HH:MM",
    ItemType.DATETIME: "JJ/MM/AAAA HH:MM",
    ItemType.GEOPOINT: "48.8566 2.3522",
}


def to_display(kind: ItemType, value: Any) -> str:
    """A stored value (ISO dates, numbers) as the field shows it."""
    if value is None:
        return ""
    text = str(value)
    if kind == ItemType.DATE:
        try:
            return _dt.date.fromisoformat(text[:10]).strftime("%d/%m/%Y")
        except ValueError:
            return text
    if kind == ItemType.DATETIME:
        try:
            return _dt.datetime.fromisoformat(text).strftime("%d/%m/%Y %H:%M")
        except ValueError:
            return text
    if kind == ItemType.TIME:
        return text[:5]
    if kind in (ItemType.DECIMAL, ItemType.RANGE) and isinstance(value, float):
        shown = str(int(value)) if value.is_integer() else repr(value)
        return shown.replace(".", ",")
    return text


def from_display(kind: ItemType, text: str) -> Any:
    """What the person typed, in the form the engine reads (it checks and refuses)."""
    text = text.strip()
    if not text:
        return None
    if kind == ItemType.DATE:
        return _date(text) or text
    if kind == ItemType.TIME:
        return _time(text) or text
    if kind == ItemType.DATETIME:
        date_part, _, time_part = text.partition(" ")
        date = _date(date_part)
        time = _time(time_part or "00:00")
        if date and time:
            return f"{date}T{time}:00"
        return text
    return text


def _date(text: str) -> str | None:
    match = _DATE_FR.match(text)
    if not match:
        return None
    day, month, year = (int(g) for g in match.groups() if g is not None)
    try:
        return _dt.date(year, month, day).isoformat()
    except ValueError:
        return None


def _time(text: str) -> str | None:
    """HH:MM from what was typed, or None when it is no time of day."""
    match = _TIME.match(text)
    if not match:
        return None
    hour, minute = (int(g) for g in match.groups() if g is not None)
    if hour > 23 or minute > 59:
        return None
    return f"{hour:02d}:{minute:02d}"
