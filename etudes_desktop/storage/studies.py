"""Study packages in the vault (table `study`): import, list, load."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timezone
from typing import Any

from etudes_desktop.core.study import StudyPackage
from etudes_desktop.storage import audit


@dataclass(frozen=True)
class StoredStudy:
    """One row of the study table, without its package."""

    id: str
    version: str
    title: str
    imported_at: str
    delivery_date: str | None
    retention_months: int
    closed_at: str | None

    def as_dict(self) -> dict[str, Any]:
        return dict(self.__dict__)


def save_study(vault: Any, package: StudyPackage, now: datetime | None = None) -> str:
    """Insert or update a study from its package; returns "created", "updated" or "unchanged"."""
    moment = now or datetime.now(timezone.utc)
    payload = package.model_dump_json()
    delivery = package.delivery_date.isoformat() if package.delivery_date else None
    with vault.transaction() as conn:
        row = conn.execute("SELECT package_json FROM study WHERE id = ?", (package.id,)).fetchone()
        if row is not None and row[0] == payload:
            return "unchanged"
        conn.execute(
            "INSERT INTO study (id, version, title, package_json, imported_at, delivery_date, retention_months) "
            "VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET version = excluded.version, "
            "title = excluded.title, package_json = excluded.package_json, imported_at = excluded.imported_at, "
            "delivery_date = coalesce(excluded.delivery_date, study.delivery_date), "
            "retention_months = min(excluded.retention_months, study.retention_months)",
            (package.id, package.version, package.title, payload, moment.isoformat(), delivery,
             package.retention.months_after_delivery),
        )
        outcome = "created" if row is None else "updated"
        audit.record(conn, moment, f"study_{outcome}", None, [package.id])
    return outcome


def list_studies(vault: Any) -> list[StoredStudy]:
    """Every study in the vault, by id."""
    with vault.transaction() as conn:
        rows = conn.execute(
            "SELECT id, version, title, imported_at, delivery_date, retention_months, closed_at FROM study ORDER BY id"
        ).fetchall()
    return [StoredStudy(*tuple(row)) for row in rows]


def load_study(vault: Any, study_id: str) -> StudyPackage | None:
    """The package of one study, None when unknown."""
    with vault.transaction() as conn:
        row = conn.execute("SELECT package_json FROM study WHERE id = ?", (study_id,)).fetchone()
    return None if row is None else StudyPackage.model_validate_json(row[0])


def close_study(vault: Any, study_id: str, reason: str, now: datetime | None = None) -> bool:
    """Close a study to new interviews (the interviews already made still travel); True when it
    was open. `reason` names who closed it in the audit (e.g. "server")."""
    moment = now or datetime.now(timezone.utc)
    with vault.transaction() as conn:
        done = conn.execute("UPDATE study SET closed_at = ? WHERE id = ? AND closed_at IS NULL",
                            (moment.isoformat(), study_id)).rowcount
        if done:
            audit.record(conn, moment, "study_closed", None, [study_id], {f"by_{reason}": 1})
    return bool(done)
