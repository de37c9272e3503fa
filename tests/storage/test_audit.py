"""The audit log is append-only inside the vault."""

from __future__ import annotations

from datetime import UTC, datetime, timezone

import pytest

from etudes_desktop.storage import audit


def test_entries_are_appended_and_cannot_be_changed(vault):
    with vault.transaction() as conn:
        audit.record(conn, datetime(2026, 11, 29, tzinfo=UTC), "sample_imported", "ENQ-07", ["sat2026"], {"rows": 12})
    [entry] = audit.entries(vault.conn)
    assert entry.counts == {"rows": 12} and entry.object_ids == ["sat2026"]
    for statement in ("UPDATE audit SET event = 'x'", "DELETE FROM audit"):
        with pytest.raises(Exception, match="append-only"):
            with vault.transaction() as conn:
                conn.execute(statement)
    assert len(audit.entries(vault.conn)) == 1
