"""The geometry of the completes-per-day chart (drawn as inline SVG by progress_figures.html):
one bar per day from the first to the last day with interviews, days without any included, so
the eye reads gaps as gaps. Pure arithmetic: no markup here, the template escapes every text."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta

WIDTH, HEIGHT = 720, 220
LEFT, RIGHT, TOP, BOTTOM = 48, 12, 16, 36
MAX_DAYS = 120  # beyond, the chart shows the latest 120 days (the table below lists them all)


@dataclass(frozen=True)
class Bar:
    day: str
    count: int
    x: float
    y: float
    width: float
    height: float


@dataclass(frozen=True)
class Chart:
    width: int
    height: int
    bars: list[Bar]
    peak: int
    axis_y: float  # the baseline
    left: int
    ticks: list[tuple[float, int]]  # (y, value) of the horizontal guides
    first: str
    last: str
    desc: str


def _days(points: list[tuple[str, int]]) -> list[tuple[str, int]]:
    counts = dict(points)
    start, end = date.fromisoformat(points[0][0]), date.fromisoformat(points[-1][0])
    span = (end - start).days + 1
    if span > MAX_DAYS:
        start, span = end - timedelta(days=MAX_DAYS - 1), MAX_DAYS
    days = [(start + timedelta(days=n)).isoformat() for n in range(span)]
    return [(day, counts.get(day, 0)) for day in days]


MAX_BAR = 60.0  # px of one day at most


def completes_per_day(points: list[tuple[str, int]], _: Callable[..., str]) -> Chart | None:
    """The chart of (day, completes), days ascending; None when there is nothing to draw."""
    points = [(day, count) for day, count in points if count]
    if not points:
        return None
    days = _days(points)
    peak = max(count for _day, count in days)
    inner_w, inner_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM
    step = min(inner_w / len(days), MAX_BAR)  # a few days make narrow bars, not one wall of colour
    gap = min(2.0, step * 0.2) if step < MAX_BAR else step * 0.3
    bars = [Bar(day, count, LEFT + i * step + gap / 2, TOP + inner_h * (1 - count / peak), max(step - gap, 0.5),
                inner_h * count / peak) for i, (day, count) in enumerate(days)]
    ticks = [(TOP + inner_h * (1 - share), round(peak * share)) for share in (0.0, 0.5, 1.0)]
    best = max(days, key=lambda item: item[1])
    desc = _("Entretiens complets par jour, du {first} au {last} : {total} au total, au plus {peak} le {day}.",
             first=days[0][0], last=days[-1][0], total=sum(c for _d, c in days), peak=peak, day=best[0])
    return Chart(WIDTH, HEIGHT, bars, peak, TOP + inner_h, LEFT, ticks, days[0][0], days[-1][0], desc)
