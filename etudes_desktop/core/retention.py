"""Retention rules of the register: supplied files destroyed at the latest 6 months after delivery."""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum

from etudes_desktop.core.errors import EtudesError

MAX_MONTHS = 6
WARNING_DAYS = 30


def add_months(day: date, months: int) -> date:
    """Calendar month arithmetic, clamped to the month's last day (31 Aug + 6 = 28/29 Feb)."""
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def destruction_date(delivery: date, months: int = MAX_MONTHS) -> date:
    """The day on which the supplied data must be gone."""
    if not 0 <= months <= MAX_MONTHS:
        raise EtudesError(f"la durée de conservation doit être comprise entre 0 et {MAX_MONTHS} mois")
    return add_months(delivery, months)


class Due(StrEnum):
    NOT_SET = "not_set"  # no delivery date yet
    KEEP = "keep"
    WARN = "warn"  # within WARNING_DAYS of destruction
    DESTROY = "destroy"


@dataclass(frozen=True)
class RetentionStatus:
    due: Due
    destroy_on: date | None
    days_left: int | None


def status(delivery: date | None, months: int, today: date) -> RetentionStatus:
    """What retention asks of a study today."""
    if delivery is None:
        return RetentionStatus(Due.NOT_SET, None, None)
    destroy_on = destruction_date(delivery, months)
    days_left = (destroy_on - today).days
    if days_left <= 0:
        return RetentionStatus(Due.DESTROY, destroy_on, days_left)
    if days_left <= WARNING_DAYS:
        return RetentionStatus(Due.WARN, destroy_on, days_left)
    return RetentionStatus(Due.KEEP, destroy_on, days_left)


def parse_day(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise EtudesError(f"date invalide « {text} » : attendu AAAA-MM-JJ") from None


def warning_text(study_title: str, state: RetentionStatus) -> str:
    """The warning an interviewer reads, 30 days ahead."""
    assert state.destroy_on is not None and state.days_left is not None
    return (
        f"Étude « {study_title} » : les fichiers fournis et les coordonnées seront détruits le "
        f"{state.destroy_on:%d/%m/%Y} (dans {state.days_left} jour{'s' if state.days_left > 1 else ''}). "
        "Synchronisez les entretiens terminés avant cette date."
    )


__all__ = ["Due", "RetentionStatus", "add_months", "destruction_date", "status", "parse_day", "warning_text",
           "MAX_MONTHS", "WARNING_DAYS", "timedelta"]
