"""The collection office's assignment applied to a real vault: who is added, updated, dropped,
kept, refused; the shared suppression list stopping a later hand import; the case events the
vault records where things happen."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta

import pytest

from etudes_desktop.core.case_keys import case_digest, normalise_identifier, suppression_digest
from etudes_desktop.core.errors import EtudesError
from etudes_desktop.core.interview import ConsentRecord, Decision, Mode, text_sha256
from etudes_desktop.storage import assignment, audit, case_events, rights
from etudes_desktop.storage.calls import CallService
from etudes_desktop.storage.interviews import InterviewStore
from etudes_desktop.storage.respondents import RespondentRepository
from etudes_desktop.storage.sample_import import import_sample
from etudes_desktop.sync.case_protocol import AssignedPerson
from tests.storage.test_respondents_import import HEADER, NIR, ROWS, add_study, write_csv

NOW = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)
KEY = "ab" * 32
STUDY = "ETU-1"


def person(sample_id: str, last_name: str = "Martin", phone: str | None = "06 10 20 30 40", **extra) -> AssignedPerson:
    fields = {"last_name": last_name, "first_name": "Claire", "phone": phone, "postcode": "75011", "age": 44, **extra}
    return AssignedPerson(sample_id=sample_id, fields=fields, attributes={"region": "IDF"})


def apply(vault, people, suppression=(), now=NOW):
    return assignment.apply(vault, STUDY, KEY, people, list(suppression), now)


def by_sample(vault, sample_id):
    return RespondentRepository(vault).by_sample_id(STUDY, sample_id)


def consent(decision: Decision) -> ConsentRecord:
    return ConsentRecord(notice_id="n", notice_version="1", text_sha256=text_sha256("notice"), mode=Mode.PHONE,
                         interviewer="ENQ-07", delivered_at=NOW, decided_at=NOW, decision=decision)


@pytest.fixture
def study(vault):
    return add_study(vault, STUDY)


def test_people_are_added_updated_and_dropped_as_the_office_decides(vault, study):
    first = apply(vault, [person("C1"), person("C2"), person("C3")])
    assert (first.added, first.updated, first.dropped) == (3, 0, 0)
    stored = by_sample(vault, "C1")
    assert (stored.last_name, stored.phone, stored.age, stored.attributes) == ("Martin", "0610203040", 44, {"region": "IDF"})

    second = apply(vault, [person("C1", last_name="Martin-Roy"), person("C2"), person("C4")])
    assert (second.added, second.updated, second.dropped) == (1, 1, 1)
    assert by_sample(vault, "C1").last_name == "Martin-Roy"
    assert by_sample(vault, "C3") is None  # moved to another laptop: gone from this one
    assert RespondentRepository(vault).sample_ids(STUDY) == {"C1", "C2", "C4"}
    assert apply(vault, [person("C1", last_name="Martin-Roy"), person("C2"), person("C4")]).as_dict()["updated"] == 0
    entry = [e for e in audit.entries(vault.conn) if e.event == assignment.AUDIT_EVENT][-1]
    assert entry.object_ids == [STUDY] and "Martin" not in json.dumps(entry.as_dict())


def test_a_hand_imported_person_is_never_dropped(vault, study, tmp_path):
    import_sample(vault, STUDY, write_csv(tmp_path, [HEADER, *ROWS]), now=NOW)
    report = apply(vault, [person("C1")])
    assert report.dropped == 0 and RespondentRepository(vault).sample_ids(STUDY) == {"A001", "A002", "A003", "C1"}


def test_a_person_with_an_open_or_unsent_interview_stays_until_it_has_gone(vault, study):
    apply(vault, [person("C1"), person("C2"), person("C3")])
    store = InterviewStore(vault, clock=lambda: NOW)
    draft = store.start(STUDY, "1", Mode.PHONE, respondent_id=by_sample(vault, "C1").id)
    store.record_consent(draft, consent(Decision.AGREES))
    store.save_answer(draft, "q1", 3)
    done = store.start(STUDY, "1", Mode.PHONE, respondent_id=by_sample(vault, "C2").id)
    store.record_consent(done, consent(Decision.AGREES))
    store.complete(done)

    report = apply(vault, [])
    assert (report.dropped, report.kept_open) == (1, 2)
    assert by_sample(vault, "C1") is not None and store.answers(draft) == {"q1": 3}
    assert by_sample(vault, "C2") is not None and by_sample(vault, "C3") is None
    store.discard(draft)  # the interviewer ends the draft: at the next sync the person goes,
    assert assignment.drop_released(vault, STUDY, NOW).dropped == 1  # even when the assignment is unchanged
    assert by_sample(vault, "C1") is None and by_sample(vault, "C2") is not None
    assert apply(vault, [person("C2")]).kept_open == 0  # listed again: C2 is no longer released


def test_a_person_carrying_a_nir_is_refused_and_never_stored(vault, study):
    report = apply(vault, [person("C1"), person("C2", profession=f"assuré {NIR}"),
                           AssignedPerson(sample_id="C3", fields={"last_name": "Roy"}, attributes={"note": NIR})])
    assert (report.added, report.refused, report.refused_nir) == (1, 2, 2)
    assert RespondentRepository(vault).sample_ids(STUDY) == {"C1"}
    dump = "\n".join(str(tuple(r)) for t in ("respondent", "audit", "setting")
                     for r in vault.conn.execute(f"SELECT * FROM {t}"))
    assert NIR not in dump and NIR[:13] not in dump


def test_an_invalid_value_is_refused_as_a_hand_import_refuses_it(vault, study):
    report = apply(vault, [person("C1", postcode="7501"), person("C2", sex="peut-être"), person("C3")])
    assert (report.added, report.refused, report.refused_nir) == (2, 1, 0)  # 7501 is 07501, as in a file
    assert by_sample(vault, "C1").postcode == "07501" and by_sample(vault, "C2") is None


def test_the_shared_suppression_list_stops_a_later_hand_import_and_the_assignment(vault, study, tmp_path):
    phone = normalise_identifier("phone", "06 12 34 56 78")  # A001's phone, written differently on the server
    shared = [suppression_digest(KEY, "phone", phone), suppression_digest(KEY, "sample_id", "C9")]
    report = apply(vault, [person("C1"), person("C9")], suppression=shared)
    assert (report.added, report.suppressed, report.shared_suppression) == (1, 1, 2)
    imported = import_sample(vault, STUDY, write_csv(tmp_path, [HEADER, *ROWS]), now=NOW)
    assert (imported.imported, imported.suppressed) == (2, 1)
    assert by_sample(vault, "A001") is None and by_sample(vault, "A002") is not None


def test_the_shared_list_of_one_study_does_not_stop_another(vault, study, tmp_path):
    apply(vault, [], suppression=[suppression_digest(KEY, "sample_id", "A001")])
    add_study(vault, "ETU-2")
    assert import_sample(vault, "ETU-2", write_csv(tmp_path, [HEADER, *ROWS]), now=NOW).imported == 3


def test_an_unknown_study_is_refused_and_changes_nothing(vault, study):
    with pytest.raises(EtudesError, match="étude inconnue"):
        assignment.apply(vault, "AUTRE", KEY, [person("C1")], [], NOW)
    assert RespondentRepository(vault).count(STUDY) == 0


# -- case events -------------------------------------------------------------------------------

def events(vault):
    return case_events.pending(vault, STUDY, 100)


def test_completion_call_and_both_objections_are_recorded_by_the_vault(vault, study):
    apply(vault, [person("C1"), person("C2", phone="0611111111", email="paul@example.fr"), person("C3")])
    store = InterviewStore(vault, clock=lambda: NOW)
    calls = CallService(vault, clock=lambda: NOW)
    calls.record(STUDY, by_sample(vault, "C1").id, "no_answer", "ENQ-07", at=NOW - timedelta(hours=1))
    done = store.start(STUDY, "1", Mode.PHONE, respondent_id=by_sample(vault, "C1").id)
    store.record_consent(done, consent(Decision.AGREES))
    store.complete(done)
    gate = store.start(STUDY, "1", Mode.PHONE, respondent_id=by_sample(vault, "C2").id)
    store.record_consent(gate, consent(Decision.OBJECTS))
    rights.object_to_processing(vault, STUDY, "C3", actor="ENQ-07", now=NOW)

    found = events(vault)
    assert [(e.kind, e.case) for e in found] == [("call", case_digest(KEY, "C1")), ("completed", case_digest(KEY, "C1")),
                                                ("objected", case_digest(KEY, "C2")), ("objected", case_digest(KEY, "C3"))]
    assert found[0].disposition == "no_answer" and {e.interviewer for e in found} == {"ENQ-07"}
    assert found[2].suppression == [suppression_digest(KEY, "sample_id", "C2"),
                                    suppression_digest(KEY, "phone", "0611111111"),
                                    suppression_digest(KEY, "email", "paul@example.fr")]
    assert suppression_digest(KEY, "sample_id", "C3") in found[3].suppression
    assert by_sample(vault, "C2").phone is None  # the digests were taken before the erasure
    assert [e.id for e in found] == sorted(e.id for e in found)
    text = json.dumps([e.as_dict() for e in found])
    assert "C1" not in text and "0611111111" not in text and "paul" not in text


def test_events_are_marked_sent_up_to_the_acknowledgement_only(vault, study):
    apply(vault, [person("C1")])
    calls = CallService(vault, clock=lambda: NOW)
    for hours in (3, 2, 1):
        calls.record(STUDY, by_sample(vault, "C1").id, "no_answer", "ENQ-07", at=NOW - timedelta(hours=hours))
    first, second, _third = events(vault)
    assert case_events.mark_sent(vault, STUDY, second.id) == 2
    assert [e.id for e in events(vault)] == [_third.id] and case_events.unsent(vault, STUDY) == 1
    assert case_events.mark_sent(vault, STUDY, second.id) == 0  # a repeated acknowledgement changes nothing


def test_a_study_not_run_from_the_office_records_no_event(vault, study, tmp_path):
    import_sample(vault, STUDY, write_csv(tmp_path, [HEADER, *ROWS]), now=NOW)
    rights.object_to_processing(vault, STUDY, "A001", now=NOW)
    assert events(vault) == []
