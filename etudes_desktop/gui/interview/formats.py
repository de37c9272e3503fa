"""Dates, times and numbers as a French interviewer types and reads them."""

from __future__ import annotations

import datetime as _dt
import re
from typing import Any

from etudes_desktop.core.questionnaire import ItemType

_DATE_FR = re.compile(r"^\s*(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{4})\s*$")
_TIME = re.compile(r"^\s*(\d{1,2})[:hH](\d{2})\s*$")

PLACEHOLDERS = {
    ItemType.DATE: "JJ/MM/AAAA",
    ItemType.TIME: "HH:MM",
    ItemType.DATETIME: "JJ/MM/AAAA HH:MM",
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
        match = _TIME.match(text)
        return f"{int(match.group(1)):02d}:{match.group(2)}" if match else text
    if kind == ItemType.DATETIME:
        date_part, _, time_part = text.partition(" ")
        date = _date(date_part)
        match = _TIME.match(time_part or "00:00")
        if date and match:
            return f"{date}T{int(match.group(1)):02d}:{match.group(2)}:00"
        return text
    return text


def _date(text: str) -> str | None:
    match = _DATE_FR.match(text)
    if not match:
        return None
    day, month, year = (int(g) for g in match.groups())
    try:
        return _dt.date(year, month, day).isoformat()
    except ValueError:
        return None
