"""Synthetic field data in a real vault: a study, respondents with contact data, finished interviews."""

from __future__ import annotations

import json
import uuid
import zlib
from datetime import UTC, datetime, timedelta, timezone
from typing import Any

from etudes_desktop.core.interview import text_sha256

STUDY = "sat-2026"
NOTICE_SHA = text_sha256("Mention d'information obligatoire (synthétique)")
T0 = datetime(2026, 11, 20, 9, 0, tzinfo=UTC)


def add_study(vault: Any, study_id: str = STUDY) -> None:
    with vault.transaction() as conn:
        conn.execute("INSERT OR IGNORE INTO study (id, version, title, package_json, imported_at) "
                     "VALUES (?, '1.0', 'Satisfaction', '{}', ?)", (study_id, T0.isoformat()))


def seed(vault: Any, count: int, *, study_id: str = STUDY, answers: int = 5, objected_every: int = 0,
         marker: str = "MARQUEUR") -> list[str]:
    """`count` finished interviews, one respondent each (with name, phone, e-mail); returns their ids.

    Every free-text answer and contact field carries `marker` plus the index, so a test can look
    for leftovers of purged personal data in the decrypted vault.
    """
    add_study(vault, study_id)
    ids = []
    with vault.transaction() as conn:
        for index in range(count):
            at = T0 + timedelta(minutes=index)
            cursor = conn.execute(
                "INSERT INTO respondent (study_id, sample_id, last_name, first_name, phone, email, address, age, "
                "status, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'done', ?)",
                (study_id, f"S-{zlib.crc32(marker.encode())}-{index:06d}", f"{marker}-NOM-{index}", "Camille", f"06{index:08d}",
                 f"{marker.lower()}{index}@example.org", f"{index} rue {marker}", 40, at.isoformat()))
            respondent_id = cursor.lastrowid
            interview_id = str(uuid.uuid4())
            objected = bool(objected_every) and index % objected_every == 0
            conn.execute(
                "INSERT INTO interview (id, study_id, study_version, respondent_id, mode, state, created_at, updated_at, "
                "completed_at, attributes_json) VALUES (?, ?, '1.0', ?, 'phone', ?, ?, ?, ?, ?)",
                (interview_id, study_id, respondent_id, "objected" if objected else "completed", at.isoformat(),
                 at.isoformat(), None if objected else (at + timedelta(minutes=15)).isoformat(),
                 None if objected else json.dumps({"age_band": "35-44"})))
            conn.execute(
                "INSERT INTO consent (interview_id, notice_id, notice_version, text_sha256, mode, interviewer, "
                "delivered_at, decided_at, decision) VALUES (?, 'cnam-marketing', '2024-01', ?, 'phone', 'enq-7f3a', ?, ?, ?)",
                (interview_id, NOTICE_SHA, at.isoformat(), at.isoformat(), "objects" if objected else "agrees"))
            if not objected:
                rows = [(interview_id, f"q{n:02d}", json.dumps((index + n) % 5 + 1), at.isoformat()) for n in range(answers - 1)]
                rows.append((interview_id, "comment", json.dumps(f"{marker}-RÉPONSE-{index}"), at.isoformat()))
                conn.executemany("INSERT INTO answer (interview_id, name, value_json, answered_at) VALUES (?, ?, ?, ?)", rows)
            ids.append(interview_id)
    return ids


def states(vault: Any, study_id: str = STUDY) -> dict[str, int]:
    rows = vault.conn.execute("SELECT state, count(*) FROM interview WHERE study_id = ? GROUP BY state", (study_id,))
    return {r[0]: r[1] for r in rows.fetchall()}


def leftovers(vault: Any, marker: str = "MARQUEUR") -> list[str]:
    """Every table/column of the decrypted vault whose text still contains the marker."""
    found = []
    tables = [r[0] for r in vault.conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'").fetchall()]
    for table in tables:
        for row in vault.conn.execute(f'SELECT * FROM "{table}"').fetchall():
            for key in row.keys():
                if isinstance(row[key], str) and marker.lower() in row[key].lower():
                    found.append(f"{table}.{key}")
    return found
