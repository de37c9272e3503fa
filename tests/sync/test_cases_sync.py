"""Case management end to end: real vaults (two laptops) against the real server. The office
imports and assigns the sample; each laptop receives its own people at sync, drops those moved
elsewhere unless an interview with them is open, and sends what happened to its cases; an
objection on one laptop takes the person off the other's list and blocks a later hand import."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import func, select

from etudes_desktop.core.interview import ConsentRecord, Decision, Mode
from etudes_desktop.paths import DataPaths
from etudes_desktop.server.cases_import_store import import_sample as office_import
from etudes_desktop.server.cases_store import CasesStore, case_events
from etudes_desktop.storage import assignment, rights, shared_suppression
from etudes_desktop.storage import case_events as laptop_events
from etudes_desktop.storage.calls import CallService
from etudes_desktop.storage.interviews import InterviewStore
from etudes_desktop.storage.respondents import RespondentRepository
from etudes_desktop.storage.sample_import import import_sample
from etudes_desktop.storage.settings import read_setting
from etudes_desktop.storage.vault import KdfParams, Vault
from etudes_desktop.sync.assignment_pull import SETTING_ASSIGNMENT_ETAG
from tests.conftest import TEST_PASSPHRASE
from tests.server.cases_files import PLANTED_NAME, person, sample_file
from tests.sync import seed as s
from tests.sync.conftest import Field

NOW = datetime(2026, 11, 30, 10, 0, tzinfo=UTC)


@dataclass
class Office:
    field: Field  # laptop A: field.vault, token of portable-01
    cases: CasesStore
    vault_b: Vault
    token_b: str

    def sync_a(self):
        return self.field.engine().run()

    def sync_b(self):
        return self.field.engine(token=self.token_b, vault=self.vault_b).run()

    def people(self, vault) -> set[str]:
        return RespondentRepository(vault).sample_ids(s.STUDY)

    def held_events(self) -> int:
        with self.field.store.engine.connect() as conn:
            return int(conn.execute(select(func.count()).select_from(case_events)).scalar_one())


@pytest.fixture
def office(field_setup: Field, tmp_path: Path) -> Iterator[Office]:
    cases = CasesStore(field_setup.store)
    office_import(cases, s.STUDY, sample_file(tmp_path, 12))
    _, token_b = field_setup.store.enroll(s.STUDY, "portable-02")
    vault_b, _ = Vault.create(DataPaths(data_dir=tmp_path / "b-data", log_dir=tmp_path / "b-logs"), TEST_PASSPHRASE,
                              kdf=KdfParams.fast())
    for vault in (field_setup.vault, vault_b):
        s.add_study(vault)
    yield Office(field_setup, cases, vault_b, token_b)
    vault_b.close()


def _consent(decision: Decision) -> ConsentRecord:
    return ConsentRecord(notice_id="cnam-marketing", notice_version="2024-01", text_sha256=s.NOTICE_SHA,
                         mode=Mode.PHONE, interviewer="enq-7f3a", delivered_at=NOW, decided_at=NOW, decision=decision)


def _person_id(vault, sample_id: str) -> int:
    return RespondentRepository(vault).by_sample_id(s.STUDY, sample_id).id


def test_a_laptop_receives_its_people_once_and_its_events_reach_the_office(office: Office) -> None:
    office.cases.assign_ids(s.STUDY, "portable-01", ["E00000", "E00001", "E00002"])
    report = office.sync_a()
    assert (report.assignment, report.assigned_added, report.assigned_dropped) == ("applied", 3, 0)
    vault = office.field.vault
    assert office.people(vault) == {"E00000", "E00001", "E00002"}
    assert RespondentRepository(vault).by_sample_id(s.STUDY, "E00000").last_name == PLANTED_NAME
    assert assignment.assigned_count(vault, s.STUDY) == 3 and read_setting(vault, SETTING_ASSIGNMENT_ETAG)
    assert office.sync_a().assignment == "unchanged"  # the ETag: one 304

    CallService(vault, clock=lambda: NOW).record(s.STUDY, _person_id(vault, "E00001"), "no_answer", "enq-7f3a", at=NOW)
    rights.object_to_processing(vault, s.STUDY, "E00002", actor="enq-7f3a", now=NOW)
    report = office.sync_a()
    assert report.case_events_sent == 2 and laptop_events.unsent(vault, s.STUDY) == 0
    assert office.held_events() == 2
    assert office.cases.call_dispositions(s.STUDY) == {"no_answer": 1}
    assert "E00002" not in office.people(vault)  # the office closed the case: it leaves the laptop too
    assert office.cases.status(s.STUDY)["by_status"]["objected"] == 1

    with vault.transaction() as conn:  # the acknowledgement was lost: everything goes again
        conn.execute("UPDATE case_event SET sent = 0")
    assert office.sync_a().case_events_sent == 2 and office.held_events() == 2  # stored once all the same


def test_reassignment_moves_people_between_laptops_and_an_objection_reaches_the_other(office: Office,
                                                                                  tmp_path: Path) -> None:
    vault_a, vault_b = office.field.vault, office.vault_b
    office.cases.assign_ids(s.STUDY, "portable-01", ["E00000", "E00001", "E00002"])
    office.sync_a()
    store_a = InterviewStore(vault_a, clock=lambda: NOW)
    draft = store_a.start(s.STUDY, "1.0", Mode.PHONE, respondent_id=_person_id(vault_a, "E00000"))
    store_a.record_consent(draft, _consent(Decision.AGREES))  # A is talking to E00000 right now

    office.cases.assign_ids(s.STUDY, "portable-02", ["E00000", "E00001"])  # the office moves two people to B
    report_a = office.sync_a()
    assert (report_a.assigned_dropped, report_a.assigned_kept) == (1, 1)
    assert office.people(vault_a) == {"E00000", "E00002"}  # E00001 left; E00000 stays while A's interview is open
    report_b = office.sync_b()
    assert report_b.assigned_added == 2 and office.people(vault_b) == {"E00000", "E00001"}

    store_b = InterviewStore(vault_b, clock=lambda: NOW)
    gate = store_b.start(s.STUDY, "1.0", Mode.PHONE, respondent_id=_person_id(vault_b, "E00001"))
    store_b.record_consent(gate, _consent(Decision.OBJECTS))  # E00001 objects on B
    assert office.sync_b().case_events_sent == 1
    office.cases.assign_ids(s.STUDY, "portable-01", ["E00001"])  # refused by the office: the case is closed
    office.sync_a()
    assert "E00001" not in office.people(vault_a)

    # the shared list now stops E00001 on A: a hand import of the insurer's file skips them
    store_a.discard(draft)
    hand = sample_file(tmp_path, 1, start=1, extra=[person(7)], name="main.csv")  # E00001 and E00007
    imported = import_sample(vault_a, s.STUDY, hand, now=NOW)
    assert (imported.imported, imported.suppressed) == (1, 1)
    assert "E00001" not in office.people(vault_a) and "E00007" in office.people(vault_a)


def test_an_objection_on_one_laptop_takes_the_person_off_the_other(office: Office) -> None:
    vault_a, vault_b = office.field.vault, office.vault_b
    office.cases.assign_ids(s.STUDY, "portable-01", ["E00003"])
    office.sync_a()
    store_a = InterviewStore(vault_a, clock=lambda: NOW)
    draft = store_a.start(s.STUDY, "1.0", Mode.PHONE, respondent_id=_person_id(vault_a, "E00003"))
    store_a.record_consent(draft, _consent(Decision.AGREES))
    office.cases.assign_ids(s.STUDY, "portable-02", ["E00003"])
    office.sync_a()
    office.sync_b()
    assert "E00003" in office.people(vault_a) and "E00003" in office.people(vault_b)  # A's interview is open

    rights.object_to_processing(vault_b, s.STUDY, "E00003", actor="enq-7f3a", now=NOW)  # the person calls B's office
    office.sync_b()
    assert office.sync_a().assignment == "applied"  # the shared list changed: A's answer did too
    assert shared_suppression.count(vault_a.conn, s.STUDY) >= 3  # sample id, phone, e-mail; digests only
    store_a.discard(draft)  # A's interviewer ends the open interview
    report = office.sync_a()  # nothing changed for A at the office: a 304, and the person leaves all the same
    assert (report.assignment, report.assigned_dropped) == ("unchanged", 1) and "E00003" not in office.people(vault_a)


def test_a_laptop_installed_anew_with_the_same_token_loses_none_of_its_events(office: Office,
                                                                              tmp_path: Path) -> None:
    """A vault created anew numbers its events from 1 again; the server holds 1 and 2 from the old
    one. Its objection must reach the office (case closed, digests shared), not be taken for a
    re-send of the old event 1 and dropped."""
    vault_a = office.field.vault
    office.cases.assign_ids(s.STUDY, "portable-01", ["E00000", "E00001", "E00002"])
    office.sync_a()
    CallService(vault_a, clock=lambda: NOW).record(s.STUDY, _person_id(vault_a, "E00001"), "no_answer", "enq-7f3a",
                                                   at=NOW)
    rights.object_to_processing(vault_a, s.STUDY, "E00002", actor="enq-7f3a", now=NOW)
    assert office.sync_a().case_events_sent == 2 and office.held_events() == 2

    reinstalled, _ = Vault.create(DataPaths(data_dir=tmp_path / "c-data", log_dir=tmp_path / "c-logs"),
                                  TEST_PASSPHRASE, kdf=KdfParams.fast())
    try:
        s.add_study(reinstalled)
        office.field.engine(vault=reinstalled).run()  # the same token: portable-01 gets its people again
        assert office.people(reinstalled) == {"E00000", "E00001"}
        later = datetime(2026, 12, 1, 9, 0, tzinfo=UTC)
        rights.object_to_processing(reinstalled, s.STUDY, "E00000", actor="enq-7f3a", now=later)
        CallService(reinstalled, clock=lambda: later).record(s.STUDY, _person_id(reinstalled, "E00001"), "busy",
                                                             "enq-7f3a", at=later)
        with reinstalled.transaction() as conn:
            assert [r[0] for r in conn.execute("SELECT id FROM case_event ORDER BY id")] == [1, 2]  # as the old ones
        report = office.field.engine(vault=reinstalled).run()
        assert report.case_events_sent == 2 and laptop_events.unsent(reinstalled, s.STUDY) == 0
        assert office.held_events() == 4  # nothing taken for a re-send
        assert office.cases.status(s.STUDY)["by_status"]["objected"] == 2
        assert office.cases.call_dispositions(s.STUDY) == {"no_answer": 1, "busy": 1}
        assert "E00000" not in office.people(reinstalled)  # the office closed the case
        CallService(reinstalled, clock=lambda: later).record(s.STUDY, _person_id(reinstalled, "E00001"), "no_answer",
                                                             "enq-7f3a", at=later)
        with reinstalled.transaction() as conn:  # later events are numbered after what the server holds
            assert conn.execute("SELECT MAX(id) FROM case_event").fetchone()[0] == 5
        assert office.field.engine(vault=reinstalled).run().case_events_sent == 1 and office.held_events() == 5
    finally:
        reinstalled.close()
