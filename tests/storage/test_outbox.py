"""The outbox: each sync step one transaction in the vault, every state change by the lifecycle's rules."""

from __future__ import annotations

from datetime import UTC, datetime, timezone

import pytest

from etudes_desktop.core.errors import EtudesError
from etudes_desktop.storage import outbox
from etudes_desktop.sync.engine import prepare
from tests.sync import seed as s

NOW = datetime(2026, 12, 3, 9, 0, tzinfo=UTC)


def _states(vault) -> dict[str, str]:
    return {r[0]: r[1] for r in vault.conn.execute("SELECT id, state FROM interview")}


def test_lock_release_and_receipts_follow_the_lifecycle(vault):
    ids = s.seed(vault, 4)
    batch, refused = outbox.lock(vault, s.STUDY, 3, 2_000_000, prepare)
    assert refused == 0 and len(batch.items) == 3
    assert sorted(v for v in _states(vault).values()) == ["completed", "sending", "sending", "sending"]
    assert outbox.pending_batches(vault, s.STUDY) == [batch.batch_id]
    again = outbox.relock(vault, s.STUDY, batch.batch_id)
    assert [i["content_sha256"] for i in again.items] == [i["content_sha256"] for i in batch.items]
    first, second, third = (item["id"] for item in batch.items)
    counts = outbox.apply_receipts(vault, batch, [
        outbox.ReceiptRow(first, "accepted", True),
        outbox.ReceiptRow(second, "conflict", False, "other content", "other_content"),
    ], NOW)  # no receipt for the third: back to the queue
    assert counts == {"accepted": 1, "duplicate": 0, "conflict": 1, "rejected": 0}
    states = _states(vault)
    assert first not in states and states[second] == "conflict" and states[third] == "completed"
    code = vault.conn.execute("SELECT receipt_code FROM interview WHERE id = ?", (second,)).fetchone()[0]
    assert code == "other_content"
    tomb = vault.conn.execute("SELECT respondent_id, purged_at FROM tombstone WHERE interview_id = ?", (first,)).fetchone()
    assert tomb["respondent_id"] is not None and tomb["purged_at"].startswith("2026-12-03T09:00")
    erased = vault.conn.execute("SELECT last_name, phone FROM respondent WHERE id = ?", (tomb["respondent_id"],)).fetchone()
    assert tuple(erased) == (None, None), "nothing left to send: the person's contact data is erased"
    assert set(ids) - {first} == set(states)


def test_a_state_the_lifecycle_forbids_is_refused_and_nothing_changes(vault):
    s.seed(vault, 2)
    batch, _ = outbox.lock(vault, s.STUDY, 2, 2_000_000, prepare)
    batch.items[0]["payload"]["state"] = "purged"  # a corrupt copy: SENDING may not become PURGED
    before = _states(vault)
    with pytest.raises(EtudesError):
        outbox.release(vault, batch)
    assert _states(vault) == before


def test_what_may_not_leave_is_refused_locally_with_its_code(vault):
    ids = s.seed(vault, 2)
    vault.conn.execute("DELETE FROM consent WHERE interview_id = ?", (ids[0],))  # no notice record: may not leave
    batch, refused = outbox.lock(vault, s.STUDY, 10, 2_000_000, prepare)
    assert refused == 1 and [i["id"] for i in batch.items] == [ids[1]]
    row = vault.conn.execute("SELECT state, receipt_status, receipt_code FROM interview WHERE id = ?", (ids[0],)).fetchone()
    assert tuple(row) == ("rejected", "local", "unreadable")
