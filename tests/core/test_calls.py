"""The phone scheduler's rules: territories and zones, windows and holidays, settings, plans."""

from __future__ import annotations

import re
from datetime import UTC, datetime, time, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest

from etudes_desktop.core.calls.dispositions import BY_KEY, DISPOSITIONS, RECORDABLE, Appointment, disposition
from etudes_desktop.core.calls.plan import Attempt, Rank, check_appointment, masks_with, plan_for
from etudes_desktop.core.calls.rules import CallingRules, parse_windows
from etudes_desktop.core.calls.territory import METROPOLE, TERRITORIES, territory_of
from etudes_desktop.core.calls.windows import is_open, next_open
from etudes_desktop.core.errors import EtudesError
from etudes_desktop.core.form_problems import FormError
from etudes_desktop.core.interview import AAPOR_CODES, CallOutcome
from etudes_desktop.core.study_load import load_package
from etudes_desktop.core.xlsform_writer import write_xlsform

UTC = UTC
RULES = CallingRules()


@pytest.mark.parametrize(("postcode", "attributes", "zone"), [
    ("75011", {}, "Europe/Paris"), ("20000", {}, "Europe/Paris"), (None, {"departement": "2A"}, "Europe/Paris"),
    (None, {"Code commune": "2B033"}, "Europe/Paris"), ("97400", {}, "Indian/Reunion"),
    (None, {"code_commune": "97411"}, "Indian/Reunion"), ("97110", {}, "America/Guadeloupe"),
    ("97200", {}, "America/Martinique"), ("97300", {}, "America/Cayenne"), ("97600", {}, "Indian/Mayotte"),
    ("97133", {}, "America/St_Barthelemy"), ("97150", {}, "America/Marigot"), ("98800", {}, "Pacific/Noumea"),
    ("75011", {"departement": "974"}, "Indian/Reunion"),  # the commune or département is trusted first
    (None, {}, "Europe/Paris"), ("n/a", {"departement": "99"}, "Europe/Paris"),
])
def test_a_persons_time_zone_comes_from_commune_departement_or_postcode(postcode, attributes, zone):
    assert territory_of(postcode, attributes).zone == zone


def test_alsace_and_moselle_keep_their_own_holidays():
    good_friday = datetime(2026, 4, 3, 10, 30, tzinfo=ZoneInfo("Europe/Paris"))
    assert not is_open(RULES, territory_of("57000"), good_friday)
    assert not is_open(RULES, territory_of("67000"), good_friday)
    assert is_open(RULES, territory_of("75011"), good_friday)


def test_the_default_windows_are_weekdays_ten_to_one_and_two_to_eight_local_time():
    reunion = territory_of("97400")
    monday = datetime(2026, 6, 1, tzinfo=ZoneInfo("Indian/Reunion"))
    opened = [h for h in range(24) for m in (0, 59) if is_open(RULES, reunion, monday.replace(hour=h, minute=m))]
    assert opened == [10, 10, 11, 11, 12, 12, 14, 14, 15, 15, 16, 16, 17, 17, 18, 18, 19, 19]
    assert not is_open(RULES, reunion, monday + timedelta(days=5, hours=11))  # Saturday
    # 06:30 UTC: 10:30 in Réunion, 08:30 in Paris, 02:30 in Guadeloupe.
    moment = datetime(2026, 6, 1, 6, 30, tzinfo=UTC)
    assert is_open(RULES, reunion, moment) and not is_open(RULES, METROPOLE, moment)
    assert next_open(RULES, METROPOLE, moment) == datetime(2026, 6, 1, 8, 0, tzinfo=UTC)
    assert next_open(RULES, TERRITORIES["971"], moment) == datetime(2026, 6, 1, 14, 0, tzinfo=UTC)


def test_the_next_opening_skips_weekends_and_holidays():
    friday_night = datetime(2026, 5, 22, 19, 0, tzinfo=UTC)  # 21:00 in Paris; Monday 25 May is Whit Monday
    assert next_open(RULES, METROPOLE, friday_night) == datetime(2026, 5, 26, 8, 0, tzinfo=UTC)


def test_dispositions_are_data_with_consistent_flags():
    assert {d.key for d in DISPOSITIONS} >= {o.value for o in CallOutcome}
    for d in DISPOSITIONS:
        assert d.final is not d.try_again
        assert (d.eligible is False) == (d.category.value == "NE")
        assert d.aapor.split(".")[0] in "1234"
    assert AAPOR_CODES["appointment"] == "2.21" and AAPOR_CODES["objection"] == "2.112"  # as stored before
    assert disposition("3.13").key == "no_answer" and disposition("BUSY").key == "busy"
    assert BY_KEY["wrong_number"] in RECORDABLE and BY_KEY["complete"] not in RECORDABLE
    with pytest.raises(EtudesError, match="inconnue"):
        disposition("9.99")


def _calls(*items: tuple[datetime, str]) -> list[Attempt]:
    return [Attempt(at, key) for at, key in items]


def test_a_retry_waits_its_delay_and_goes_to_a_slot_not_tried_yet():
    monday_morning = datetime(2026, 6, 1, 8, 30, tzinfo=UTC)  # 10:30 in Paris
    plan = plan_for(_calls((monday_morning, "no_answer")), RULES, METROPOLE)
    assert plan.rank is Rank.RETRY and plan.due_at == monday_morning + timedelta(minutes=180)
    assert plan.slots == 0b110  # afternoon and evening: the morning was tried
    assert 0b110 in masks_with(1, RULES) and 0b110 not in masks_with(0, RULES)
    busy = plan_for(_calls((monday_morning, "busy")), RULES, METROPOLE)
    assert busy.due_at == monday_morning + timedelta(minutes=15)
    assert plan_for(_calls((monday_morning, "message_left")), CallingRules(slots=[]), METROPOLE).slots == 0


def test_the_daily_limit_moves_the_next_try_to_the_next_local_day():
    reunion = territory_of("97400")
    day = datetime(2026, 6, 1, 6, 0, tzinfo=UTC)  # 10:00 in Réunion
    plan = plan_for(_calls(*((day + timedelta(minutes=20 * n), "busy") for n in range(3))), RULES, reunion)
    assert plan.due_at == datetime(2026, 6, 1, 20, 0, tzinfo=UTC)  # midnight in Réunion


def test_limits_and_final_dispositions_close_the_case():
    start = datetime(2026, 6, 1, 8, 0, tzinfo=UTC)
    ten = _calls(*((start + timedelta(days=n), "no_answer") for n in range(10)))
    assert plan_for(ten, RULES, METROPOLE).rank is Rank.CLOSED
    assert plan_for(ten[:9], RULES, METROPOLE).rank is Rank.RETRY
    assert plan_for(_calls((start, "wrong_number")), RULES, METROPOLE).closed_by == "wrong_number"
    twice = _calls((start, "soft_refusal"), (start + timedelta(days=8), "soft_refusal"))
    assert plan_for(twice[:1], RULES, METROPOLE).rank is Rank.RETRY
    assert plan_for(twice, RULES, METROPOLE).closed_by == "refusal"


def test_appointments_rank_first_and_are_checked_against_the_rules():
    call = datetime(2026, 6, 1, 9, 0, tzinfo=UTC)
    at = datetime(2026, 6, 2, 12, 30, tzinfo=UTC)  # 14:30 in Paris
    history = [Attempt(call, "appointment", at)]
    check_appointment(history, RULES, METROPOLE, Appointment.HARD, at)
    assert plan_for(history, RULES, METROPOLE).rank is Rank.HARD_APPOINTMENT
    assert plan_for(history, RULES, METROPOLE).due_at == at
    soft = plan_for([Attempt(call, "soft_appointment", at)], RULES, METROPOLE)
    assert soft.rank is Rank.SOFT_APPOINTMENT and soft.due_at == at - timedelta(minutes=30)
    for refused, why in ((datetime(2026, 6, 2, 11, 30, tzinfo=UTC), "hors des heures"),  # 13:30, the lunch break
                         (datetime(2026, 6, 6, 9, 0, tzinfo=UTC), "hors des heures"),  # a Saturday
                         (datetime(2026, 7, 14, 9, 0, tzinfo=UTC), "férié (Fête nationale)"),
                         (call - timedelta(minutes=1), "postérieur")):
        with pytest.raises(EtudesError, match=re.escape(why)):
            check_appointment(history, RULES, METROPOLE, Appointment.HARD, refused)
    check_appointment(history, RULES, METROPOLE, Appointment.SOFT, datetime(2026, 6, 6, 9, 0, tzinfo=UTC))
    full_day = _calls(*((call + timedelta(minutes=n), "busy") for n in range(3)))
    with pytest.raises(EtudesError, match="ce jour-là"):
        check_appointment(full_day, RULES, METROPOLE, Appointment.HARD, call + timedelta(hours=5))


def test_windows_and_delays_are_settings_columns_of_the_xlsform(tmp_path):
    settings = {"calling_windows": "lun-ven 09:00-12:00 14h-19h; sam 10:00-12:00", "max_attempts": "6",
                "max_attempts_per_day": "2", "retry_delays": "no_answer=2h busy=10 3.14=1j",
                "calling_slots": "09:00-12:00 14:00-19:00", "calling_holidays": "non", "eligibility_rate": "80 %"}
    rules = load_package(write_xlsform(tmp_path / "tel.xlsx", [{"type": "text", "name": "a", "label": "A"}], (),
                                       settings)).calling
    assert [(w.days, w.start, w.end) for w in rules.windows] == [
        ([1, 2, 3, 4, 5], time(9), time(12)), ([1, 2, 3, 4, 5], time(14), time(19)), ([6], time(10), time(12))]
    assert (rules.max_attempts, rules.max_attempts_per_day, rules.avoid_holidays) == (6, 2, False)
    assert rules.retry_delays == {"no_answer": 120, "busy": 10, "answering_machine": 1440}
    assert len(rules.slots) == 2 and rules.eligibility_rate == pytest.approx(0.8)


@pytest.mark.parametrize(("column", "value", "message"), [
    ("calling_windows", "lun-ven 10h", "plage horaire"), ("calling_windows", "lun-ven 13:00-10:00", "à l'envers"),
    ("retry_delays", "refusal=10", "pas de délai"), ("retry_delays", "nope=10", "inconnue"),
    ("max_attempts", "beaucoup", "entier"), ("calling_slots", "1:00-2:00 3:00-4:00 5:00-6:00 7:00-8:00 9:00-10:00",
                                             "4 au plus"),
])
def test_bad_calling_settings_are_one_clear_problem_each(tmp_path, column, value, message):
    with pytest.raises(FormError) as refused:
        load_package(write_xlsform(tmp_path / "tel.xlsx", [{"type": "text", "name": "a", "label": "A"}], (),
                                   {column: value}))
    lines = [str(p) for p in refused.value.problems]
    assert len(lines) == 1 and f"column {column}" in lines[0] and message in lines[0], lines


def test_a_study_without_calling_settings_gets_the_defaults():
    assert parse_windows("10:00-13:00 14:00-20:00") == [
        {"days": [1, 2, 3, 4, 5], "start": time(10), "end": time(13)},
        {"days": [1, 2, 3, 4, 5], "start": time(14), "end": time(20)}]
    assert CallingRules().windows == CallingRules.model_validate(
        {"windows": parse_windows("10:00-13:00 14:00-20:00")}).windows
