"""AAPOR rates of a small case, on a real vault, against a hand computation.

Sixteen people, one sample of every AAPOR category: 5 complete interviews (I), 3 partial ones
(P: stopped after half the pages or more), 2 refusals and break-offs (R), 1 non-contact (NC:
message left on the person's own answering machine), 2 others (O: deceased, language), 1 unknown
if reachable (UH: never an answer), 1 unknown other (UO) and 1 not eligible (NE: wrong number).
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone
from fractions import Fraction

import pytest

from etudes_desktop.core.calls.dispositions import Category
from etudes_desktop.core.calls.rates import Counts, case_disposition, rates
from etudes_desktop.core.calls.rules import CallingRules
from etudes_desktop.core.interview import ConsentRecord, Decision, Mode
from etudes_desktop.core.questionnaire import Questionnaire
from etudes_desktop.core.sample import SampleRecord
from etudes_desktop.core.study import Notice, StudyPackage
from etudes_desktop.storage.calls import CallService
from etudes_desktop.storage.interviews import InterviewStore
from etudes_desktop.storage.respondents import RespondentRepository
from etudes_desktop.storage.studies import save_study

T0 = datetime(2026, 6, 1, 8, 0, tzinfo=UTC)  # Monday 10:00 in Paris


def _consent(agrees: bool = True) -> ConsentRecord:
    notice = Notice()
    return ConsentRecord(notice_id=notice.id, notice_version=notice.version, text_sha256=notice.sha256,
                         mode=Mode.PHONE, interviewer="ENQ-07", delivered_at=T0, decided_at=T0,
                         decision=Decision.AGREES if agrees else Decision.OBJECTS)


def _small_case(vault, e: float | None) -> CallService:
    save_study(vault, StudyPackage(id="aapor", title="Cas AAPOR", questionnaire=Questionnaire(form_id="aapor", title="t"),
                                   calling=CallingRules(eligibility_rate=e)))
    repository = RespondentRepository(vault)
    repository.insert_many("aapor", [SampleRecord(n + 2, f"A{n:02d}", postcode="35000") for n in range(16)], now=T0)
    ids = [repository.by_sample_id("aapor", f"A{n:02d}").id for n in range(16)]
    store, calls = InterviewStore(vault, clock=lambda: T0), CallService(vault, clock=lambda: T0)
    for person in ids[:5]:  # I
        interview = store.start("aapor", "1", Mode.PHONE, person)
        store.record_consent(interview, _consent())
        store.complete(interview)
    for person, done in zip(ids[5:9], (6, 5, 9, 1)):  # P, P, P, then a break-off (R)
        interview = store.start("aapor", "1", Mode.PHONE, person)
        store.record_consent(interview, _consent())
        store.set_position(interview, "p", (done, 10))
        store.abandon(interview)
    later = T0 + timedelta(minutes=5)
    for person, outcomes in zip(ids[9:], (["no_answer", "refusal"], ["busy", "message_left"], ["deceased"],
                                          ["soft_refusal", "language"], ["no_answer", "no_answer"],
                                          ["other_unknown"], ["wrong_number"])):
        for n, outcome in enumerate(outcomes):
            calls.record("aapor", person, outcome, "ENQ-07", at=later + timedelta(days=n))
    return calls


def test_rates_equal_the_hand_computation_with_a_given_e(vault):
    calls = _small_case(vault, e=0.5)
    report = calls.rates("aapor")
    assert report.counts == Counts.from_letters(I=5, P=3, R=2, NC=1, O=2, UH=1, UO=1, NE=1)
    # By hand: I + P = 8; R + NC + O = 5; UH + UO = 2; e (UH + UO) = 1.
    by_hand = {
        "RR1": Fraction(5, 8 + 5 + 2), "RR2": Fraction(8, 15), "RR3": Fraction(5, 8 + 5 + 1), "RR4": Fraction(8, 14),
        "RR5": Fraction(5, 13), "RR6": Fraction(8, 13),
        "COOP1": Fraction(5, 8 + 2 + 2), "COOP2": Fraction(8, 12), "COOP3": Fraction(5, 8 + 2), "COOP4": Fraction(8, 10),
        "REF1": Fraction(2, 15), "REF2": Fraction(2, 14), "REF3": Fraction(2, 13),
        "CON1": Fraction(8 + 2 + 2, 12 + 1 + 2), "CON2": Fraction(12, 12 + 1 + 1), "CON3": Fraction(12, 13),
    }
    assert report.values == by_hand
    assert report.e == Fraction(1, 2) and not report.e_estimated


def test_e_is_estimated_from_the_cases_whose_eligibility_is_known(vault):
    report = _small_case(vault, e=None).rates("aapor")
    # 13 known eligible (I, P, R, NC, O) among 14 resolved (with the one NE): e = 13/14.
    assert report.e == Fraction(13, 14) and report.e_estimated
    assert report.values["RR3"] == Fraction(5, 13 + Fraction(13, 14) * 2)
    assert report.values["CON2"] == Fraction(12, 13 + Fraction(13, 14) * 2)


def test_each_persons_final_disposition(vault):
    calls = _small_case(vault, e=None)
    finals = calls.final_dispositions("aapor")
    by_sample = {RespondentRepository(vault).by_sample_id("aapor", f"A{n:02d}").id: n for n in range(16)}
    codes = [finals[p].aapor for p in sorted(finals, key=by_sample.get)]
    assert codes == ["1.1"] * 5 + ["1.2"] * 3 + ["2.12", "2.112", "2.221", "2.31", "2.332", "3.13", "3.90", "4.30"]


def test_a_refusal_tells_more_than_later_unanswered_calls():
    assert case_disposition(["no_answer", "soft_refusal", "no_answer", "busy"]).category is Category.REFUSAL
    assert case_disposition(["busy", "message_left", "no_answer"]).key == "message_left"
    assert case_disposition([]).aapor == "3.11"
    assert case_disposition(["refusal"], interview="complete").aapor == "1.1"


def test_rates_with_no_case_yet_are_undefined_not_zero():
    values = rates(Counts.from_letters())
    assert all(v is None for v in values.values())


@pytest.mark.parametrize("letter", ["I", "P", "R", "NC", "O", "UH", "UO"])
def test_each_category_moves_the_rates_it_should(letter):
    base = Counts.from_letters(I=10, P=2, R=3, NC=4, O=1, UH=2, UO=1, NE=2)
    more = Counts.from_letters(**{**{c.value: n for c, n in base.by_category.items()}, letter: base[letter] + 1})
    before, after = rates(base, 0.5), rates(more, 0.5)
    if letter == "I":
        assert after["RR1"] > before["RR1"]
    else:
        assert after["RR1"] < before["RR1"]
