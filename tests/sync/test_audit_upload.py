"""The audit log travels with sync: once each, resumed after a lost answer, no personal data."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timezone

import httpx
from sqlalchemy import select

from etudes_desktop.server.store import audit_entries
from etudes_desktop.storage import audit
from etudes_desktop.sync import audit_upload
from tests.sync import seed as s
from tests.sync.conftest import Field

NOW = datetime(2026, 11, 29, 12, 0, tzinfo=UTC)


def _held(field: Field) -> list[tuple[int, str]]:
    with field.store.engine.connect() as conn:
        return [tuple(r) for r in conn.execute(
            select(audit_entries.c.entry_id, audit_entries.c.event).order_by(audit_entries.c.entry_id))]


def test_audit_entries_travel_once_each(field_setup: Field) -> None:
    s.seed(field_setup.vault, 5)
    with field_setup.vault.transaction() as conn:
        audit.record(conn, NOW, "rights_access", "ENQ-07", [s.STUDY, "respondent:3"], {"interviews": 1})
    report = field_setup.engine().run()
    local = audit.entries(field_setup.vault.conn)
    assert report.audit_sent == len(local) and report.audit_sent >= 2  # the access and the sync batch
    held = _held(field_setup)
    assert [e for e, _ in held] == [e.id for e in local]
    assert "rights_access" in {event for _, event in held}
    with field_setup.vault.transaction() as conn:
        audit.record(conn, NOW, "rights_rectification", "ENQ-07", [s.STUDY, "respondent:4"], {"fields": 1})
    again = field_setup.engine().run()
    assert again.audit_sent == 1  # only what is new since the last sync
    held_after = _held(field_setup)
    assert len(held_after) == len(audit.entries(field_setup.vault.conn))
    assert len({e for e, _ in held_after}) == len(held_after), "never twice"
    assert field_setup.store.stats(s.STUDY)["audit_entries"] == len(held_after)


def test_a_lost_acknowledgement_resends_harmlessly(field_setup: Field) -> None:
    with field_setup.vault.transaction() as conn:
        for n in range(3):
            audit.record(conn, NOW, "sample.import", None, [s.STUDY], {"rows": n})
    entries = audit_upload.pending(field_setup.vault)
    body = json.dumps({"protocol_version": 1, "entries": [e.as_dict() for e in entries]}).encode()
    headers = {"Authorization": f"Bearer {field_setup.token}", "Content-Type": "application/json"}
    first = httpx.post(field_setup.server.url + "/v1/audit", content=body, headers=headers)
    assert first.status_code == 200 and first.json()["received"] == 3
    # the laptop never saw that answer: the next sync sends the same entries again
    assert len(audit_upload.pending(field_setup.vault)) == 3
    field_setup.engine().run()
    assert [e for e, _ in _held(field_setup)][:3] == [e.id for e in entries]
    assert audit_upload.pending(field_setup.vault) == []
    assert len(_held(field_setup)) == len(audit.entries(field_setup.vault.conn))  # each stored once, none shifted


def test_a_laptop_installed_anew_with_the_same_token_keeps_its_whole_audit_log(field_setup: Field,
                                                                               tmp_path) -> None:
    """The new vault numbers its entries from 1 again: none may be taken for a re-send of the
    old vault's entries and dropped; they go up numbered after what the server held."""
    from etudes_desktop.paths import DataPaths
    from etudes_desktop.storage.vault import KdfParams, Vault
    from tests.conftest import TEST_PASSPHRASE

    with field_setup.vault.transaction() as conn:
        for n in range(4):
            audit.record(conn, NOW, "sample.import", None, [s.STUDY], {"rows": n})
    field_setup.engine().run()
    old = _held(field_setup)
    reinstalled, _ = Vault.create(DataPaths(data_dir=tmp_path / "c-data", log_dir=tmp_path / "c-logs"),
                                  TEST_PASSPHRASE, kdf=KdfParams.fast())
    try:
        s.add_study(reinstalled)
        later = datetime(2026, 12, 1, 9, 0, tzinfo=UTC)
        with reinstalled.transaction() as conn:
            audit.record(conn, later, "rights_access", "ENQ-07", [s.STUDY, "respondent:1"], {"interviews": 0})
        mine = audit.entries(reinstalled.conn)
        assert mine[0].id == 1  # as the old vault's first entry
        report = field_setup.engine(vault=reinstalled).run()
        held = _held(field_setup)
        assert held[:len(old)] == old, "the old vault's entries are untouched"
        assert len(held) == len(old) + len(audit.entries(reinstalled.conn)), "every new entry is held too"
        assert report.audit_sent == len(audit.entries(reinstalled.conn))
        assert "rights_access" in {event for _, event in held[len(old):]}
        assert min(e for e, _ in held[len(old):]) > max(e for e, _ in old)
        with reinstalled.transaction() as conn:
            audit.record(conn, later, "rights_rectification", "ENQ-07", [s.STUDY, "respondent:1"], {"fields": 1})
        assert field_setup.engine(vault=reinstalled).run().audit_sent == 1 and len(_held(field_setup)) == len(held) + 1
    finally:
        reinstalled.close()


def test_personal_data_in_an_audit_entry_is_refused_by_the_server(field_setup: Field) -> None:
    headers = {"Authorization": f"Bearer {field_setup.token}", "Content-Type": "application/json"}
    bad = {"protocol_version": 1, "entries": [{"id": 1, "at": NOW.isoformat(), "event": "rights_access",
                                               "object_ids": ["camille.leroy@example.fr"], "counts": {}}]}
    reply = httpx.post(field_setup.server.url + "/v1/audit", json=bad, headers=headers)
    assert reply.status_code == 422 and "camille" not in reply.text
    unauthenticated = httpx.post(field_setup.server.url + "/v1/audit", json=bad)
    assert unauthenticated.status_code == 401
    assert _held(field_setup) == []
