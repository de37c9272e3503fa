"""The interview service on a real vault: the notice gate, objections, answers, calls."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

import pytest

from etudes_desktop.core.errors import EtudesError
from etudes_desktop.core.interview import CallOutcome, ConsentRecord, Decision, Mode, State, text_sha256
from etudes_desktop.storage.interviews import InterviewStore

NOTICE = "Conformément aux dispositions de la loi Informatique et libertés, ..."
T0 = datetime(2026, 11, 29, 9, 0, tzinfo=UTC)


class FakeClock:
    def __init__(self) -> None:
        self.now = T0

    def __call__(self) -> datetime:
        self.now += timedelta(seconds=1)
        return self.now


def _study(vault, study_id="sat2026"):
    with vault.transaction() as conn:
        conn.execute(
            "INSERT INTO study (id, version, title, package_json, imported_at) VALUES (?, '1', 'Satisfaction', '{}', ?)",
            (study_id, T0.isoformat()),
        )
    return study_id


def _respondent(vault, study_id, sample_id="S001", last="Durand", phone="06 12 34 56 78"):
    with vault.transaction() as conn:
        cur = conn.execute(
            "INSERT INTO respondent (study_id, sample_id, last_name, first_name, phone, created_at) "
            "VALUES (?, ?, ?, 'Zoé', ?, ?)",
            (study_id, sample_id, last, phone, T0.isoformat()),
        )
        return cur.lastrowid


def _consent(decision, version="1", text=NOTICE):
    return ConsentRecord(
        notice_id="cnam-marketing", notice_version=version, text_sha256=text_sha256(text),
        mode=Mode.FACE_TO_FACE, interviewer="ENQ-07", delivered_at=T0, decided_at=T0, decision=decision,
    )


@pytest.fixture
def store(vault):
    return InterviewStore(vault, clock=FakeClock())


def test_no_answer_is_stored_before_the_notice_and_agreement(vault, store):
    study = _study(vault)
    interview = store.start(study, "1", Mode.FACE_TO_FACE)
    with pytest.raises(EtudesError, match="mention d'information"):
        store.save_answer(interview, "q1", "oui")
    assert store.answers(interview) == {}
    store.record_consent(interview, _consent(Decision.AGREES))
    store.save_answer(interview, "q1", "oui", position="q1")
    assert store.answers(interview) == {"q1": "oui"}
    assert store.get(interview).position == "q1"


def test_consent_for_an_older_notice_version_does_not_open_the_questions(vault, store):
    study = _study(vault)
    interview = store.start(study, "1", Mode.PHONE)
    store.record_consent(interview, _consent(Decision.AGREES, version="1"))
    assert store.may_ask_questions(interview, "1", text_sha256(NOTICE))
    assert not store.may_ask_questions(interview, "2", text_sha256(NOTICE + " v2"))


def test_objection_keeps_no_answer_and_erases_contact_data(vault, store):
    study = _study(vault)
    person = _respondent(vault, study)
    interview = store.start(study, "1", Mode.PHONE, respondent_id=person)
    state = store.record_consent(interview, _consent(Decision.OBJECTS))
    assert state is State.OBJECTED
    assert store.get(interview).state is State.OBJECTED
    row = vault.conn.execute("SELECT * FROM respondent WHERE id = ?", (person,)).fetchone()
    assert row["status"] == "objected"
    assert row["last_name"] is None and row["phone"] is None
    assert row["sample_id"] == "S001"
    from etudes_desktop.storage.respondents import SuppressionList

    suppression = SuppressionList(vault)
    assert suppression.contains(study, phones=["+33 6 12 34 56 78"])
    assert suppression.contains(study, sample_id="S001")
    consent = store.latest_consent(interview)
    assert consent.decision is Decision.OBJECTS
    with pytest.raises(EtudesError, match="opposée"):
        store.start(study, "1", Mode.PHONE, respondent_id=person)
    events = [r["event"] for r in vault.conn.execute("SELECT event FROM audit")]
    assert "objection" in events


def test_completed_interview_is_read_only(vault, store):
    study = _study(vault)
    interview = store.start(study, "1", Mode.PAPER)
    store.record_consent(interview, _consent(Decision.AGREES))
    store.save_answer(interview, "age", 42)
    store.complete(interview, {"age_band": "35-49"})
    with pytest.raises(EtudesError, match="plus modifiables"):
        store.save_answer(interview, "age", 43)
    assert store.answers(interview) == {"age": 42}
    assert store.counts(study)["completed"] == 1


def test_an_answer_carrying_a_nir_is_refused_and_not_stored(vault, store):
    study = _study(vault)
    interview = store.start(study, "1", Mode.FACE_TO_FACE)
    store.record_consent(interview, _consent(Decision.AGREES))
    with pytest.raises(EtudesError) as refused:
        store.save_answer(interview, "comment", "mon numéro est 1 85 05 78 006 084 36")
    assert "084" not in refused.value.message
    assert store.answers(interview) == {}


def test_phone_outcomes_and_callback_list(vault, store):
    study = _study(vault)
    first = _respondent(vault, study, "S001")
    second = _respondent(vault, study, "S002", last="Martin")
    store.record_call(study, first, CallOutcome.NO_ANSWER, "ENQ-07")
    later = T0 + timedelta(days=1, hours=4)  # Monday 14:00 in Paris: within the person's calling hours
    store.record_call(study, first, CallOutcome.APPOINTMENT, "ENQ-07", appointment_at=later)
    store.record_call(study, second, CallOutcome.REFUSAL, "ENQ-07")
    callbacks = store.callbacks(study)
    assert [c.respondent_id for c in callbacks] == [first]
    assert callbacks[0].appointment_at == later.isoformat()
    codes = [r["aapor_code"] for r in vault.conn.execute("SELECT aapor_code FROM call_attempt ORDER BY id")]
    assert codes == ["3.13", "2.21", "2.112"]
    with pytest.raises(EtudesError, match="rendez-vous"):
        store.record_call(study, first, CallOutcome.APPOINTMENT, "ENQ-07")


def test_commitment_must_match_the_text_signed(vault, store):
    study = _study(vault)
    store.set_profile("Camille Leroy", "ENQ-07")
    assert not store.has_signed(study, "ENQ-07", "Engagement v1")
    store.sign_commitment(study, "ENQ-07", "Camille Leroy", "2026-11-29", "Engagement v1")
    assert store.has_signed(study, "ENQ-07", "Engagement v1")
    assert not store.has_signed(study, "ENQ-07", "Engagement v2")
