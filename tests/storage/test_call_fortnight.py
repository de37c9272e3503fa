"""A simulated fortnight of phone fieldwork on a real vault, with a fake clock.

2,000 people in metropolitan France (Corsica, Alsace and Moselle included) and the overseas
départements, four interviewers who take "Appel suivant" as it comes, random outcomes (seeded).
What the scheduler promises is checked against the test's own reading of each person's zone and
holidays (zoneinfo and the holidays package directly, not the application's tables): no call
outside the person's window or on their holiday, limits per person and per day held, delays held,
every hard appointment offered within 5 minutes of its time, closed cases never offered again.
"""

from __future__ import annotations

import random
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import UTC, datetime, time, timedelta, timezone
from zoneinfo import ZoneInfo

import holidays
import pytest

from etudes_desktop.core.errors import EtudesError
from etudes_desktop.core.interview import ConsentRecord, Decision, Mode
from etudes_desktop.core.questionnaire import Questionnaire
from etudes_desktop.core.study import StudyPackage
from etudes_desktop.storage.calls import CallService
from etudes_desktop.storage.interviews import InterviewStore
from etudes_desktop.storage.studies import save_study

UTC = UTC
START = datetime(2026, 5, 18, tzinfo=UTC)  # a Monday; holidays: 22 May Martinique, 25 May everywhere, 27 May Guadeloupe
END = START + timedelta(days=14)
PEOPLE = 2000
INTERVIEWERS = 4
IDLE_MINUTES = 4  # an interviewer with no one to call asks again after this
# The test's own map: how each person is located -> (IANA zone, holidays subdivision of France).
PLACES = [
    ({"postcode": "75011"}, "Europe/Paris", None), ({"postcode": "69003"}, "Europe/Paris", None),
    ({"postcode": "13005"}, "Europe/Paris", None), ({"postcode": "35000"}, "Europe/Paris", None),
    ({"postcode": "20000"}, "Europe/Paris", None), ({"departement": "2B"}, "Europe/Paris", None),
    ({"postcode": "57000"}, "Europe/Paris", "57"), ({"postcode": "67000"}, "Europe/Paris", "6AE"),
    ({"code_commune": "68224"}, "Europe/Paris", "6AE"),
    ({"postcode": "97110"}, "America/Guadeloupe", "971"), ({"postcode": "97200"}, "America/Martinique", "972"),
    ({"code_commune": "97209"}, "America/Martinique", "972"), ({"postcode": "97300"}, "America/Cayenne", "973"),
    ({"postcode": "97400"}, "Indian/Reunion", "974"), ({"departement": "974"}, "Indian/Reunion", "974"),
    ({"postcode": "97600"}, "Indian/Mayotte", "976"),
]
WEIGHTS = [12, 8, 6, 6, 2, 2, 3, 3, 2, 6, 6, 2, 4, 8, 2, 4]
WINDOWS = ((time(10), time(13)), (time(14), time(20)))
FIRST_CALL = [("no_answer", 35), ("busy", 10), ("answering_machine", 12), ("message_left", 5), ("appointment", 8),
              ("soft_appointment", 5), ("soft_refusal", 4), ("refusal", 3), ("wrong_number", 2), ("not_eligible", 1),
              ("interview", 15)]
AT_APPOINTMENT = [("interview", 60), ("soft_refusal", 10), ("refusal", 10), ("appointment", 10), ("no_answer", 10)]
DELAYS = {"no_answer": 180, "busy": 15, "answering_machine": 180, "message_left": 1440, "soft_refusal": 10080}


@dataclass
class Person:
    zone: ZoneInfo
    holidays: dict
    calls: list[tuple[datetime, str]] = field(default_factory=list)
    offers: list[datetime] = field(default_factory=list)
    hard: list[tuple[datetime, datetime]] = field(default_factory=list)  # (when set, agreed time)
    closed_at: datetime | None = None

    def local(self, moment: datetime) -> datetime:
        return moment.astimezone(self.zone)


def _callable(person: Person, moment: datetime) -> bool:
    local = person.local(moment)
    if local.isoweekday() > 5 or local.date() in person.holidays:
        return False
    return any(start <= local.time() < end for start, end in WINDOWS)


def _pick(rng: random.Random, table: list[tuple[str, int]]) -> str:
    return rng.choices([t[0] for t in table], [t[1] for t in table])[0]


def _consent(moment: datetime) -> ConsentRecord:
    from etudes_desktop.core.study import Notice

    notice = Notice()
    return ConsentRecord(notice_id=notice.id, notice_version=notice.version, text_sha256=notice.sha256,
                         mode=Mode.PHONE, interviewer="ENQ-01", delivered_at=moment, decided_at=moment,
                         decision=Decision.AGREES)


class Clock:
    def __init__(self) -> None:
        self.now = START

    def __call__(self) -> datetime:
        return self.now


def _populate(vault, rng: random.Random) -> tuple[str, dict[int, Person]]:
    study = "cati-2026"
    save_study(vault, StudyPackage(id=study, title="Satisfaction téléphone", questionnaire=Questionnaire(
        form_id=study, title="t")))
    rows, places = [], []
    for n in range(PEOPLE):
        place, zone, subdivision = rng.choices(PLACES, WEIGHTS)[0]
        attributes = {k: v for k, v in place.items() if k != "postcode"}
        import json

        rows.append((study, f"T-{n:05d}", place.get("postcode"), json.dumps(attributes), "2026-05-01T00:00:00+00:00"))
        places.append((zone, subdivision))
    with vault.transaction() as conn:
        conn.executemany("INSERT INTO respondent (study_id, sample_id, postcode, attributes_json, status, created_at) "
                         "VALUES (?, ?, ?, ?, 'to_contact', ?)", rows)
        ids = [r[0] for r in conn.execute("SELECT id FROM respondent WHERE study_id = ? ORDER BY id", (study,))]
    people = {}
    for person_id, (zone, subdivision) in zip(ids, places):
        days = holidays.France(subdiv=subdivision, years=2026)
        people[person_id] = Person(ZoneInfo(zone), dict(days.items()))
    return study, people


def _appointment(rng: random.Random, person: Person, after: datetime) -> datetime:
    """A quarter-hour in the person's day, as people choose them (some fall outside the rules)."""
    day = person.local(after).date() + timedelta(days=rng.randint(0, 3))
    hour, minute = rng.randint(9, 20), rng.choice((0, 15, 30, 45))
    return datetime.combine(day, time(hour, minute), person.zone).astimezone(UTC)


def _simulate(vault) -> tuple[dict[int, Person], CallService, str, dict[str, int]]:
    rng = random.Random(2026)
    study, people = _populate(vault, rng)
    clock = Clock()
    calls = CallService(vault, clock)
    store = InterviewStore(vault, clock=clock)
    free = [START + timedelta(minutes=i) for i in range(INTERVIEWERS)]
    tally: dict[str, int] = defaultdict(int)
    while True:
        who = min(range(INTERVIEWERS), key=free.__getitem__)
        now = clock.now = free[who]
        if now >= END:
            return people, calls, study, tally
        offer = calls.next_call(study, now)
        if offer is None:
            opening = calls.next_opening(study, now)
            free[who] = max(now + timedelta(minutes=IDLE_MINUTES), min(opening or END, now + timedelta(hours=12)))
            if opening is not None and opening <= now:
                free[who] = now + timedelta(minutes=IDLE_MINUTES)
            continue
        person = people[offer.respondent_id]
        person.offers.append(now)
        minutes = rng.randint(1, 4)
        outcome = _pick(rng, AT_APPOINTMENT if offer.reason == "hard_appointment" else FIRST_CALL)
        tally[outcome] += 1
        if outcome == "interview":
            interview = store.start(study, "1", Mode.PHONE, offer.respondent_id)
            store.record_consent(interview, _consent(now))
            store.complete(interview)
            person.closed_at = now
        else:
            appointment = None
            if outcome in ("appointment", "soft_appointment"):
                appointment = _appointment(rng, person, now)
            try:
                calls.record(study, offer.respondent_id, outcome, f"ENQ-0{who}", at=now, duration_seconds=minutes * 60,
                             appointment_at=appointment)
            except EtudesError:  # the rules refuse that appointment: the person is asked to call back instead
                tally["appointment_refused"] += 1
                outcome, appointment = "no_answer", None
                calls.record(study, offer.respondent_id, outcome, f"ENQ-0{who}", at=now, duration_seconds=minutes * 60)
            person.calls.append((now, outcome))
            if outcome == "appointment":
                person.hard.append((now, appointment))
            if outcome in ("refusal", "wrong_number", "not_eligible"):
                person.closed_at = now
        free[who] = now + timedelta(minutes=minutes)


@pytest.fixture(scope="module")
def fortnight(tmp_path_factory):
    from etudes_desktop.paths import DataPaths
    from etudes_desktop.storage.vault import KdfParams, Vault

    folder = tmp_path_factory.mktemp("fortnight")
    vault, _code = Vault.create(DataPaths.for_data_dir(folder), "Quinzaine-Appels-2026!", kdf=KdfParams.fast())
    try:
        yield (vault, *_simulate(vault))
    finally:
        vault.close()


@pytest.mark.slow
def test_no_call_outside_the_persons_window_or_on_their_holiday(fortnight):
    _vault, people, _calls, _study, tally = fortnight
    offers = [(p, moment) for p in people.values() for moment in p.offers]
    assert len(offers) > 5000 and tally["interview"] > 300, "a real fortnight of calls"
    outside = [(p.local(m).isoformat(), p.zone.key) for p, m in offers if not _callable(p, m)]
    assert outside == []
    # Every territory was called, and each holiday was kept in its own territory only.
    zones = {p.zone.key for p, _m in offers}
    assert zones == {z for _place, z, _s in PLACES}
    on_day = defaultdict(set)
    for p, m in offers:
        on_day[p.local(m).date()].add(p.zone.key)
    assert "America/Martinique" not in on_day[datetime(2026, 5, 22).date()]  # abolition of slavery, Martinique
    assert "Europe/Paris" in on_day[datetime(2026, 5, 22).date()]
    assert "America/Guadeloupe" not in on_day[datetime(2026, 5, 27).date()]  # abolition of slavery, Guadeloupe
    assert "America/Martinique" in on_day[datetime(2026, 5, 27).date()]
    assert not on_day[datetime(2026, 5, 25).date()]  # Whit Monday, everywhere


@pytest.mark.slow
def test_attempt_limits_and_delays_are_held(fortnight):
    _vault, people, _calls, _study, _tally = fortnight
    for person in people.values():
        assert len(person.calls) <= 10
        per_day = defaultdict(int)
        for moment, _outcome in person.calls:
            per_day[person.local(moment).date()] += 1
        assert max(per_day.values(), default=0) <= 3
        for (before, outcome), (after, _next) in zip(person.calls, person.calls[1:]):
            if outcome in DELAYS:
                assert after - before >= timedelta(minutes=DELAYS[outcome]), (outcome, before, after)
        if person.closed_at is not None:
            assert all(offer <= person.closed_at for offer in person.offers), "a closed case is never offered again"


@pytest.mark.slow
def test_every_hard_appointment_is_offered_within_five_minutes(fortnight):
    _vault, people, _calls, _study, tally = fortnight
    kept = 0
    for person in people.values():
        for set_at, appointment in person.hard:
            if appointment + timedelta(minutes=5) > END:
                continue
            first = min((o for o in person.offers if o > set_at), default=None)
            assert first is not None and appointment <= first <= appointment + timedelta(minutes=5), \
                (appointment.isoformat(), first and first.isoformat())
            kept += 1
    assert kept > 100 and tally["appointment_refused"] > 0


@pytest.mark.slow
def test_the_fortnights_rates_follow_its_cases(fortnight):
    _vault, people, calls, study, tally = fortnight
    report = calls.rates(study)
    assert report.counts.total == PEOPLE
    assert report.counts["I"] == tally["interview"]
    assert report.counts["NE"] == tally["wrong_number"] + tally["not_eligible"]
    assert 0 < report.values["RR1"] <= report.values["RR3"] <= report.values["RR5"] <= 1
