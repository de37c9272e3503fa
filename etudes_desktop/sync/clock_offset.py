"""The offset between the laptop's clock and the server's, measured as NTP does. Pure arithmetic.

One sample is one request: the laptop's wall clock when it left (`sent_at`), its round trip on a
monotonic clock, and the time the server wrote in its answer. Assuming the server stamped its
answer half-way through the round trip, offset = server_time - (sent_at + round_trip / 2); the
error is at most half the round trip. So several samples are taken and the one with the smallest
round trip wins: a retried, queued or held-back request (its round trip long) cannot skew the
result, and the time spent backing off between attempts is never part of any sample.

The result is bounded: an offset beyond what the protocol carries (a dead CMOS battery, a clock
in 1970) is refused with one French line; an offset beyond an hour, or an uncertainty beyond a
second, is flagged in the sync report.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone

from etudes_desktop.sync.errors import SyncError
from etudes_desktop.sync.protocol import MAX_CLOCK_OFFSET_MS

SAMPLES = 3  # requests measured per handshake (the first answer and two quick probes)
SUSPECT_OFFSET_MS = 3600 * 1000  # beyond an hour the laptop clock is flagged as wrong
SUSPECT_UNCERTAINTY_MS = 1000  # beyond a second the measure is flagged as uncertain


class ClockOffsetAbsurd(SyncError):
    """The laptop clock is so far from the server's that its timestamps mean nothing."""

    def __init__(self, offset_ms: int) -> None:
        days = abs(offset_ms) // 86_400_000
        way = "en retard" if offset_ms > 0 else "en avance"
        super().__init__(f"horloge de ce poste {way} de {days} jours sur celle du serveur : corrigez la date et "
                         "l'heure du poste puis synchronisez à nouveau (rien n'a été envoyé ni effacé)")
        self.offset_ms = offset_ms


def parse_server_time(text: str) -> datetime | None:
    """The server's ISO 8601 time (UTC assumed without a zone); None when unreadable."""
    try:
        moment = datetime.fromisoformat(text.strip().replace("Z", "+00:00"))
    except (ValueError, AttributeError):
        return None
    return moment if moment.tzinfo else moment.replace(tzinfo=timezone.utc)


@dataclass(frozen=True)
class Sample:
    """One request's measure."""

    sent_at: datetime  # the laptop's wall clock as the request left
    round_trip: float  # seconds, on a monotonic clock
    server_time: datetime  # what the server wrote in its answer

    @property
    def round_trip_ms(self) -> int:
        return round(self.round_trip * 1000)

    @property
    def offset_ms(self) -> int:
        """Server clock minus laptop clock, in milliseconds."""
        midpoint = self.sent_at + timedelta(seconds=self.round_trip / 2)
        return round((self.server_time - midpoint) / timedelta(milliseconds=1))


@dataclass(frozen=True)
class Estimate:
    offset_ms: int
    round_trip_ms: int
    samples: int

    @property
    def uncertainty_ms(self) -> int:
        """The most the offset can be wrong by (half the best round trip, rounded up)."""
        return (self.round_trip_ms + 1) // 2

    @property
    def suspect(self) -> bool:
        return abs(self.offset_ms) > SUSPECT_OFFSET_MS or self.uncertainty_ms > SUSPECT_UNCERTAINTY_MS


def estimate(samples: Iterable[Sample]) -> Estimate | None:
    """The sample with the smallest round trip (negative round trips, impossible, are ignored);
    refuses an offset beyond the protocol's bound. None without any usable sample."""
    usable = [s for s in samples if s.round_trip >= 0]
    if not usable:
        return None
    best = min(usable, key=lambda s: s.round_trip)
    if abs(best.offset_ms) > MAX_CLOCK_OFFSET_MS:
        raise ClockOffsetAbsurd(best.offset_ms)
    return Estimate(offset_ms=best.offset_ms, round_trip_ms=best.round_trip_ms, samples=len(usable))
