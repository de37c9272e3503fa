"""Remote wipe end to end, a real vault against the real server: a device revoked from the
collection office sends what it holds, destroys the study's data, says so in the audit log, and
its token then opens nothing."""

from __future__ import annotations

import json
from datetime import UTC, datetime

import httpx
import pytest
from sqlalchemy import select

from etudes_desktop.core.interview import ConsentRecord, Decision, Mode
from etudes_desktop.server.store import audit_entries, device_wipes
from etudes_desktop.storage import audit, rights
from etudes_desktop.storage.calls import CallService
from etudes_desktop.storage.interviews import InterviewStore
from etudes_desktop.storage.respondents import SuppressionList
from etudes_desktop.storage.retention import REMOTE_WIPED
from etudes_desktop.sync.errors import TokenRefused
from tests.sync import seed as s
from tests.sync.conftest import Field

NOW = datetime(2026, 11, 29, 12, 0, tzinfo=UTC)


def _field_work(vault) -> None:
    """Five finished interviews, a draft with answers, a call, an objection: a laptop mid-study."""
    s.seed(vault, 5)
    with vault.transaction() as conn:
        for sample, name in (("P-1", "MARQUEUR-BROUILLON"), ("P-2", "MARQUEUR-OPPOSANT")):
            conn.execute("INSERT INTO respondent (study_id, sample_id, last_name, phone, created_at) "
                         "VALUES (?, ?, ?, '0611223344', ?)", (s.STUDY, sample, name, NOW.isoformat()))
    store = InterviewStore(vault, clock=lambda: NOW)
    person = vault.conn.execute("SELECT id FROM respondent WHERE sample_id = 'P-1'").fetchone()[0]
    CallService(vault, clock=lambda: NOW).record(s.STUDY, person, "no_answer", "enq-7f3a", at=NOW)
    draft = store.start(s.STUDY, "1.0", Mode.PHONE, respondent_id=person)
    store.record_consent(draft, ConsentRecord(
        notice_id="cnam-marketing", notice_version="2024-01", text_sha256=s.NOTICE_SHA, mode=Mode.PHONE,
        interviewer="enq-7f3a", delivered_at=NOW, decided_at=NOW, decision=Decision.AGREES))
    store.save_answer(draft, "comment", "MARQUEUR-BROUILLON-RÉPONSE")
    rights.object_to_processing(vault, s.STUDY, "P-2", actor="enq-7f3a", now=NOW)


def _server_events(field: Field) -> list[str]:
    with field.store.engine.connect() as conn:
        return [r[0] for r in conn.execute(select(audit_entries.c.event).order_by(audit_entries.c.entry_id))]


def _count(vault, table: str) -> int:
    return int(vault.conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0])


def test_a_revoked_laptop_sends_what_it_holds_then_destroys_the_study_data(field_setup: Field) -> None:
    vault = field_setup.vault
    _field_work(vault)
    suppressed = SuppressionList(vault).count()
    assert suppressed > 0 and s.leftovers(vault)
    assert field_setup.store.revoke(study_id=s.STUDY, name="portable-01") == 1
    from etudes_desktop.server.office_store import OfficeStore

    [row] = OfficeStore(field_setup.store).list_devices()  # what the console's device page shows
    assert row.wipe_requested_at is not None and row.wiped_at is None

    report = field_setup.engine().run()
    assert report.wiped and report.accepted == 5 and field_setup.on_server() == 5  # sent first
    for table in ("respondent", "interview", "answer", "consent", "call_attempt", "study", "case_event"):
        assert _count(vault, table) == 0, table
    assert s.leftovers(vault) == []  # no name, phone or answer left in the decrypted vault
    assert SuppressionList(vault).count() == suppressed  # an objection outlives the study's data
    wiped = [e for e in audit.entries(vault.conn) if e.event == REMOTE_WIPED]
    assert len(wiped) == 1 and wiped[0].object_ids == [s.STUDY]
    assert wiped[0].counts["respondents"] == 7 and wiped[0].counts["drafts"] == 1
    assert wiped[0].counts["call_attempts"] == 1 and wiped[0].counts["study"] == 1
    assert report.wipe_counts == wiped[0].counts
    assert _server_events(field_setup)[-1] == REMOTE_WIPED  # the office knows, from the laptop's own log
    assert "rights_objection" in _server_events(field_setup)
    with field_setup.store.engine.connect() as conn:
        assert conn.execute(select(device_wipes.c.confirmed_at)).scalar_one() is not None
    assert OfficeStore(field_setup.store).list_devices()[0].wiped_at is not None

    with pytest.raises(TokenRefused, match="révoqué"):  # the token is dead now
        field_setup.engine().run()
    assert [e.event for e in audit.entries(vault.conn)].count(REMOTE_WIPED) == 1


def test_until_it_confirms_a_revoked_device_may_only_send(field_setup: Field) -> None:
    field_setup.store.revoke(study_id=s.STUDY, name="portable-01")
    bearer = {"Authorization": f"Bearer {field_setup.token}"}
    with httpx.Client(base_url=field_setup.server.url, headers=bearer, timeout=10) as client:
        assert client.get("/v1/device").json()["wipe_requested"] is True
        for path in ("/v1/studies", "/v1/assignment"):
            refused = client.get(path)
            assert refused.status_code == 403 and refused.json()["error"] == "device_revoked", path
            assert "retiré de l'étude" in refused.json()["message"]
        refused = client.post("/v1/case-events", content=b"{}", headers={"Content-Type": "application/json"})
        assert refused.status_code == 403 and refused.json()["error"] == "device_revoked"
        entry = {"id": 1, "at": NOW.isoformat(), "event": "sync_batch", "counts": {}}
        sent = client.post("/v1/audit", json={"protocol_version": 1, "entries": [entry]})
        assert sent.status_code == 200  # what it holds still goes up
        assert client.get("/v1/device").status_code == 200
        confirm = {"id": 2, "at": NOW.isoformat(), "event": REMOTE_WIPED, "object_ids": [s.STUDY], "counts": {}}
        assert client.post("/v1/audit", json={"protocol_version": 1, "entries": [confirm]}).status_code == 200
        dead = client.get("/v1/device")
        assert dead.status_code == 401 and dead.json()["error"] == "invalid_token"


def test_a_device_revoked_before_remote_wipe_existed_stays_locked_out(field_setup: Field) -> None:
    field_setup.store.revoke(study_id=s.STUDY, name="portable-01")
    with field_setup.store.engine.begin() as conn:  # a server database from before: no wipe asked
        conn.execute(device_wipes.delete())
    s.seed(field_setup.vault, 2)
    with pytest.raises(TokenRefused):
        field_setup.engine().run()
    assert s.states(field_setup.vault) == {"completed": 2} and field_setup.on_server() == 0


def test_the_wipe_audit_entry_carries_counts_only(field_setup: Field) -> None:
    _field_work(field_setup.vault)
    field_setup.store.revoke(study_id=s.STUDY, name="portable-01")
    field_setup.engine().run()
    with field_setup.store.engine.connect() as conn:
        row = conn.execute(select(audit_entries).where(audit_entries.c.event == REMOTE_WIPED)).one()
    text = json.dumps(dict(row._mapping), default=str)
    assert "MARQUEUR" not in text and "0611223344" not in text and "P-1" not in text
