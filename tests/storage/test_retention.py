"""Retention on a real vault, with an injected date: exactly what is due is destroyed, and audited."""

from __future__ import annotations

from datetime import UTC, date, datetime, timezone

import pytest

from etudes_desktop.core import retention
from etudes_desktop.core.errors import EtudesError
from etudes_desktop.storage import audit
from etudes_desktop.storage import retention as store

NOW = datetime(2026, 11, 29, tzinfo=UTC)


def _study(vault, study_id, delivery=None, months=6):
    with vault.transaction() as conn:
        conn.execute(
            "INSERT INTO study (id, version, title, package_json, imported_at, delivery_date, retention_months) "
            "VALUES (?, '1', ?, '{}', ?, ?, ?)",
            (study_id, f"Étude {study_id}", NOW.isoformat(), delivery, months),
        )
        for n in range(3):
            conn.execute(
                "INSERT INTO respondent (study_id, sample_id, last_name, phone, created_at) VALUES (?, ?, 'Lefèvre', '0612345678', ?)",
                (study_id, f"{study_id}-{n}", NOW.isoformat()),
            )
        conn.execute(
            "INSERT INTO interview (id, study_id, study_version, mode, state, created_at, updated_at) "
            "VALUES (?, ?, '1', 'phone', 'draft', ?, ?)", (f"draft-{study_id}", study_id, NOW.isoformat(), NOW.isoformat()))
        conn.execute(
            "INSERT INTO interview (id, study_id, study_version, mode, state, created_at, updated_at) "
            "VALUES (?, ?, '1', 'phone', 'completed', ?, ?)", (f"done-{study_id}", study_id, NOW.isoformat(), NOW.isoformat()))


def test_destruction_date_is_calendar_months_clamped():
    assert retention.destruction_date(date(2026, 8, 31)) == date(2027, 2, 28)
    assert retention.destruction_date(date(2026, 1, 15), 3) == date(2026, 4, 15)
    with pytest.raises(EtudesError, match="entre 0 et 6"):
        retention.destruction_date(date(2026, 1, 15), 7)


def test_retention_destroys_exactly_what_is_due_and_audits_counts(vault):
    _study(vault, "due", delivery="2026-05-01")          # destroy on 2026-11-01: due
    _study(vault, "soon", delivery="2026-06-20")         # destroy on 2026-12-20: warn
    _study(vault, "short", delivery="2026-09-01", months=2)  # destroy on 2026-11-01: due
    _study(vault, "open")                                # no delivery date yet
    report = store.run(vault, today=date(2026, 11, 29), now=NOW)
    assert set(report.destroyed) == {"due", "short"}
    assert report.destroyed["due"] == {"respondents": 3, "drafts": 1, "call_attempts": 0}
    assert len(report.warnings) == 1 and "20/12/2026" in report.warnings[0]
    remaining = {r[0]: r[1] for r in vault.conn.execute("SELECT study_id, count(*) FROM respondent GROUP BY study_id")}
    assert remaining == {"soon": 3, "open": 3}
    states = {r[0] for r in vault.conn.execute("SELECT id FROM interview")}
    assert "draft-due" not in states and "done-due" in states and "draft-soon" in states
    entries = [e for e in audit.entries(vault.conn) if e.event == "retention_destroyed"]
    assert sorted(e.object_ids[0] for e in entries) == ["due", "short"]
    assert "Lefèvre" not in str([e.as_dict() for e in audit.entries(vault.conn)])


def test_a_second_run_destroys_nothing_more(vault):
    _study(vault, "due", delivery="2026-05-01")
    store.run(vault, today=date(2026, 11, 29), now=NOW)
    again = store.run(vault, today=date(2026, 11, 30), now=NOW)
    assert again.destroyed == {}


def test_retention_may_be_shorter_never_longer(vault):
    _study(vault, "s")
    store.set_delivery_date(vault, "s", date(2026, 10, 1), months=3, now=NOW)
    with pytest.raises(EtudesError):
        store.set_delivery_date(vault, "s", date(2026, 10, 1), months=9, now=NOW)
    with pytest.raises(EtudesError, match="inconnue"):
        store.set_delivery_date(vault, "nope", date(2026, 10, 1), now=NOW)
    [state] = store.review(vault, date(2026, 12, 1))
    assert state.state.destroy_on == date(2027, 1, 1)
