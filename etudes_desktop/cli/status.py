"""`etudes status`: per study, respondents and interviews by state."""

from __future__ import annotations

import argparse
from typing import Any

from etudes_desktop.cli.common import emit, open_vault
from etudes_desktop.core.interview import State
from etudes_desktop.core.plural import count as _n
from etudes_desktop.storage.handle import VaultHandle
from etudes_desktop.storage.interviews import InterviewStore

SHOWN_STATES = tuple(s.value for s in State)  # in the lifecycle's order


def register(sub: argparse._SubParsersAction) -> None:
    sub.add_parser("status", help="état des études du poste").set_defaults(handler=_status)


def study_status(vault: VaultHandle) -> list[dict[str, Any]]:
    """One entry per study: id, respondents, and interview counts by state."""
    store = InterviewStore(vault)
    out = []
    for row in vault.conn.execute("SELECT id, title FROM study ORDER BY id").fetchall():
        respondents = vault.conn.execute("SELECT count(*) FROM respondent WHERE study_id = ?", (row["id"],)).fetchone()[0]
        counts = store.counts(row["id"])
        out.append({"study": row["id"], "title": row["title"], "respondents": respondents,
                    "interviews": {s: counts.get(s, 0) for s in SHOWN_STATES}})
    return out


def _status(args: Any) -> int:
    with open_vault(args) as vault:
        studies = study_status(vault)
    lines = [
        f"{s['study']} ({s['title']}) : {_n(s['respondents'], 'répondant')} ; "
        + ", ".join(f"{k} {v}" for k, v in s["interviews"].items() if v)
        for s in studies
    ]
    emit(args, {"studies": studies}, "\n".join(lines) or "aucune étude dans le coffre")
    return 0
