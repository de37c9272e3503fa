"""The append-only audit log inside the vault: events, ids and counts, never personal data."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from etudes_desktop.storage.handle import VaultHandle


@dataclass(frozen=True)
class AuditEntry:
    id: int
    at: str
    event: str
    actor: str | None
    object_ids: list[str]
    counts: dict[str, int]

    def as_dict(self) -> dict[str, Any]:
        return {"id": self.id, "at": self.at, "event": self.event, "actor": self.actor,
                "object_ids": self.object_ids, "counts": self.counts}


def record(conn: Any, at: datetime, event: str, actor: str | None = None,
           object_ids: list[str] | None = None, counts: dict[str, int] | None = None) -> None:
    """Append one entry, inside the caller's transaction."""
    conn.execute(
        "INSERT INTO audit (at, event, actor, object_ids_json, counts_json) VALUES (?, ?, ?, ?, ?)",
        (at.isoformat(), event, actor, json.dumps(object_ids or []), json.dumps(counts or {})),
    )


def record_alone(vault: VaultHandle, at: datetime, event: str, actor: str | None = None,
                 object_ids: list[str] | None = None, counts: dict[str, int] | None = None) -> None:
    """Append one entry in its own transaction."""
    with vault.transaction() as conn:
        record(conn, at, event, actor, object_ids, counts)


def entries(conn: Any, since_id: int = 0, limit: int | None = None) -> list[AuditEntry]:
    sql = "SELECT * FROM audit WHERE id > ? ORDER BY id"
    params: list[Any] = [since_id]
    if limit:
        sql += " LIMIT ?"
        params.append(limit)
    return [
        AuditEntry(r["id"], r["at"], r["event"], r["actor"], json.loads(r["object_ids_json"]), json.loads(r["counts_json"]))
        for r in conn.execute(sql, params).fetchall()
    ]
