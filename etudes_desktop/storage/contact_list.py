"""Respondents as the interview screens list them: who may be contacted, and callbacks."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from etudes_desktop.storage.handle import VaultHandle

CONTACTABLE = ("to_contact", "in_progress")


@dataclass(frozen=True)
class RespondentBrief:
    """What the interviewer needs to pick or call a person."""

    id: int
    sample_id: str
    name: str
    phone: str
    town: str
    status: str
    draft_id: str | None = None  # their open interview, to resume rather than start again


def _brief(row: Any) -> RespondentBrief:
    name = " ".join(p for p in (row["title"], row["first_name"], row["last_name"]) if p)
    return RespondentBrief(int(row["id"]), row["sample_id"], name, row["phone"] or "", row["town"] or "", row["status"],
                           row["draft_id"])


_COLUMNS = ("id, sample_id, title, first_name, last_name, phone, town, status, "
            "(SELECT i.id FROM interview i WHERE i.respondent_id = respondent.id AND i.study_id = respondent.study_id "
            "AND i.state = 'draft') AS draft_id")
# A person whose interview is finished, objected or ended is not offered again (the vault
# refuses a second interview); one with an open draft is offered, to resume it.
_NOT_INTERVIEWED = ("NOT EXISTS (SELECT 1 FROM interview i WHERE i.respondent_id = respondent.id "
                    "AND i.study_id = respondent.study_id AND i.state != 'draft')")


def contactable(vault: VaultHandle, study_id: str, search: str = "", limit: int = 500) -> list[RespondentBrief]:
    """People of the study who may still be contacted, filtered by name, sample id or town."""
    sql = (f"SELECT {_COLUMNS} FROM respondent WHERE study_id = ? AND status IN ('to_contact', 'in_progress') "
           f"AND {_NOT_INTERVIEWED}")
    params: list[Any] = [study_id]
    if search.strip():
        like = f"%{search.strip()}%"
        sql += " AND (last_name LIKE ? OR first_name LIKE ? OR sample_id LIKE ? OR town LIKE ?)"
        params += [like] * 4
    rows = vault.conn.execute(sql + " ORDER BY last_name, first_name, id LIMIT ?", (*params, limit)).fetchall()
    return [_brief(r) for r in rows]


def briefs(vault: VaultHandle, ids: list[int]) -> dict[int, RespondentBrief]:
    """Several respondents by id (the callback list)."""
    if not ids:
        return {}
    marks = ",".join("?" * len(ids))
    rows = vault.conn.execute(f"SELECT {_COLUMNS} FROM respondent WHERE id IN ({marks})", ids).fetchall()
    return {int(r["id"]): _brief(r) for r in rows}


def status(vault: VaultHandle, respondent_id: int) -> str | None:
    row = vault.conn.execute("SELECT status FROM respondent WHERE id = ?", (respondent_id,)).fetchone()
    return row["status"] if row else None
