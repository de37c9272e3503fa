"""Clock offset arithmetic (NTP's midpoint, best round trip wins) on a fake clock and a fake network."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone

import pytest

from etudes_desktop.sync import clock_offset as c
from etudes_desktop.sync.protocol import MAX_CLOCK_OFFSET_MS

T0 = datetime(2026, 3, 2, 9, 0, tzinfo=timezone.utc)


@dataclass
class FakeWorld:
    """True time advances only when the network or a backoff says so. The laptop's wall clock is
    `skew` behind the server's; a request takes `up` seconds to arrive and `down` to come back."""

    skew: timedelta
    now: float = 0.0  # seconds of true time since T0
    samples: list[c.Sample] = field(default_factory=list)

    def laptop_clock(self) -> datetime:
        return T0 + timedelta(seconds=self.now) - self.skew

    def sleep(self, seconds: float) -> None:
        self.now += seconds

    def request(self, up: float, down: float) -> None:
        sent_at, start = self.laptop_clock(), self.now
        self.now += up
        server = T0 + timedelta(seconds=self.now)
        self.now += down
        self.samples.append(c.Sample(sent_at, self.now - start, server))


def test_one_symmetric_round_trip_gives_the_exact_offset() -> None:
    world = FakeWorld(skew=timedelta(seconds=42))
    world.request(0.050, 0.050)
    found = c.estimate(world.samples)
    assert found is not None
    assert found.offset_ms == 42_000 and found.round_trip_ms == 100 and found.uncertainty_ms == 50


def test_a_retried_and_held_back_handshake_does_not_skew_the_offset() -> None:
    """The old measure took the clock before the first attempt and after the last answer: a 30 s
    backoff and an answer held back 2 s put it 14.5 s off. Each request measured alone, the quickest
    round trip is within a few ms of the truth."""
    world = FakeWorld(skew=timedelta(0))
    before = world.laptop_clock()
    world.sleep(1.0)  # the first attempt timed out (no sample)
    world.sleep(30.0)  # backoff
    world.request(0.010, 2.0)  # answered, but held back on the way
    after = world.laptop_clock()
    world.request(0.004, 0.003)  # two quick probes
    world.request(0.006, 0.005)
    found = c.estimate(world.samples)
    assert found is not None and found.samples == 3
    assert abs(found.offset_ms) <= 2 and found.uncertainty_ms <= 4
    old_way = round((world.samples[0].server_time - (before + (after - before) / 2)) / timedelta(milliseconds=1))
    assert abs(old_way) > 14_000


def test_asymmetric_paths_are_wrong_by_at_most_half_the_round_trip() -> None:
    for up, down in [(0.001, 0.2), (0.2, 0.001), (0.05, 0.05), (0.0, 0.9)]:
        world = FakeWorld(skew=timedelta(minutes=-7))
        world.request(up, down)
        found = c.estimate(world.samples)
        assert found is not None
        assert abs(found.offset_ms - (-420_000)) <= found.uncertainty_ms


def test_a_clock_jump_during_a_request_cannot_win() -> None:
    world = FakeWorld(skew=timedelta(0))
    world.request(0.01, 0.01)
    jumped = c.Sample(world.laptop_clock(), -5.0, T0)  # impossible round trip
    found = c.estimate([jumped, *world.samples])
    assert found is not None and found.samples == 1 and found.offset_ms == 0


def test_no_sample_gives_no_estimate() -> None:
    assert c.estimate([]) is None


def test_bounds_refuse_the_absurd_and_flag_the_doubtful() -> None:
    world = FakeWorld(skew=timedelta(milliseconds=MAX_CLOCK_OFFSET_MS + 1000))
    world.request(0.01, 0.01)
    with pytest.raises(c.ClockOffsetAbsurd, match="^horloge de ce poste en retard de 3660 jours"):
        c.estimate(world.samples)
    ahead = FakeWorld(skew=-timedelta(milliseconds=MAX_CLOCK_OFFSET_MS + 1000))
    ahead.request(0.01, 0.01)
    with pytest.raises(c.ClockOffsetAbsurd, match="en avance"):
        c.estimate(ahead.samples)
    hour = FakeWorld(skew=timedelta(hours=1, seconds=1))
    hour.request(0.01, 0.01)
    assert c.estimate(hour.samples).suspect  # type: ignore[union-attr]
    slow = FakeWorld(skew=timedelta(0))
    slow.request(1.5, 1.5)
    assert c.estimate(slow.samples).suspect  # type: ignore[union-attr]  # ±1.5 s is not trusted
    fine = FakeWorld(skew=timedelta(minutes=3))
    fine.request(0.02, 0.02)
    assert not c.estimate(fine.samples).suspect  # type: ignore[union-attr]


def test_server_times_are_read_in_the_protocol_form_or_refused() -> None:
    assert c.parse_server_time("2026-03-02T09:00:00.123456Z") == T0 + timedelta(microseconds=123456)
    assert c.parse_server_time("2026-03-02T09:00:00") == T0
    assert c.parse_server_time("demain") is None
