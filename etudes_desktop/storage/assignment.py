"""The collection office's assignment applied to the vault, in one transaction.

The server's list is complete: people new to this laptop are stored (checked as a hand import
checks a row: a person carrying a NIR is refused and counted, never stored; a person on this
laptop's or the study's shared suppression list is not stored either), people whose data
changed are updated while they are still to be contacted, and people this laptop received from
the server and no longer finds in the list are dropped — unless an interview with them is open
or still waiting to reach the server, in which case they stay until it has. A hand-imported
person is never dropped. The shared suppression list and the case key are stored with it.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Mapping
from dataclasses import asdict, dataclass
from datetime import datetime
from typing import Any, Protocol

from etudes_desktop.core.case_keys import case_digest
from etudes_desktop.core.errors import EtudesError
from etudes_desktop.core.sample import SampleRecord
from etudes_desktop.core.sample_mapping import RESPONDENT_FIELDS
from etudes_desktop.core.sample_person import PersonRefused, person_record
from etudes_desktop.storage import audit, shared_suppression
from etudes_desktop.storage.handle import VaultHandle
from etudes_desktop.storage.outbox import STILL_TO_DO
from etudes_desktop.storage.respondents import RespondentRepository, SuppressionList, _attributes_json

log = logging.getLogger(__name__)

AUDIT_EVENT = "assignment.applied"
UPDATABLE = ("to_contact", "in_progress")  # a person done, objected or erased keeps what they have
_CONTACT = RESPONDENT_FIELDS[1:]
_UPDATE = f"UPDATE respondent SET {', '.join(f'{c} = ?' for c in _CONTACT)}, attributes_json = ? WHERE id = ?"


class AssignedLike(Protocol):
    """One assigned person as the wire gives it (sync.case_protocol.AssignedPerson)."""

    @property
    def sample_id(self) -> str: ...

    @property
    def fields(self) -> Mapping[str, Any]: ...

    @property
    def attributes(self) -> Mapping[str, str]: ...


@dataclass
class AssignmentReport:
    """What applying one assignment did (counts only)."""

    added: int = 0
    updated: int = 0
    dropped: int = 0
    kept_open: int = 0  # no longer assigned here, kept while an interview with them is open or unsent
    refused: int = 0  # a value the import rules refuse (refused_nir of them for a NIR)
    refused_nir: int = 0
    suppressed: int = 0  # on a suppression list: not stored
    shared_suppression: int = 0

    def as_dict(self) -> dict[str, int]:
        return asdict(self)

    def changed(self) -> bool:
        """Whether anyone was added, updated, dropped, refused or kept out."""
        return any((self.added, self.updated, self.dropped, self.refused, self.suppressed))


def _checked(people: Iterable[AssignedLike], report: AssignmentReport) -> tuple[dict[str, SampleRecord], set[str]]:
    """The records to store by sample id, and every sample id the server listed."""
    records: dict[str, SampleRecord] = {}
    listed: set[str] = set()
    for person in people:
        sample_id = person.sample_id.strip()
        listed.add(sample_id)
        try:
            record = person_record(sample_id, person.fields, person.attributes)
        except PersonRefused as exc:
            report.refused += 1
            report.refused_nir += int(exc.nir)
            continue
        records.setdefault(record.sample_id, record)
    return records, listed


def _row_values(record: SampleRecord) -> tuple[Any, ...]:
    return (*record[2:15], _attributes_json(record.attributes))


def apply(vault: VaultHandle, study_id: str, case_key: str, people: Iterable[AssignedLike],
          suppression: Iterable[str], now: datetime) -> AssignmentReport:
    """Apply the server's complete assignment for this study; returns the counts."""
    report = AssignmentReport()
    records, listed = _checked(people, report)
    at = now.isoformat(timespec="seconds")
    with vault.transaction() as conn:
        if conn.execute("SELECT 1 FROM study WHERE id = ?", (study_id,)).fetchone() is None:
            raise EtudesError(f"étude inconnue sur ce poste : {study_id}")
        report.shared_suppression = shared_suppression.replace_in(conn, study_id, case_key, suppression)
        existing = {r["sample_id"]: r for r in conn.execute(
            f"SELECT r.id, r.sample_id, r.status, {', '.join('r.' + c for c in _CONTACT)}, r.attributes_json, "
            "a.respondent_id AS assigned FROM respondent r LEFT JOIN assigned_case a ON a.respondent_id = r.id "
            "WHERE r.study_id = ?", (study_id,))}
        suppressed = SuppressionList(vault).matcher(study_id)
        new = []
        for sample_id, record in records.items():
            row = existing.get(sample_id)
            if row is None:
                if suppressed(record):
                    report.suppressed += 1
                else:
                    new.append(record)
                continue
            values = _row_values(record)
            if row["status"] in UPDATABLE and tuple(row[c] for c in (*_CONTACT, "attributes_json")) != values:
                conn.execute(_UPDATE, (*values, row["id"]))
                report.updated += 1
            if row["assigned"] is None:  # imported by hand, now listed by the office too: it runs them from now on
                _mark(conn, [(row["id"], study_id, case_digest(case_key, sample_id), at)])
        if new:
            report.added = RespondentRepository(vault).insert_many(study_id, new, now)
            ids = {r[1]: r[0] for r in conn.execute(
                "SELECT id, sample_id FROM respondent WHERE study_id = ? AND id NOT IN "
                "(SELECT respondent_id FROM assigned_case)", (study_id,))}
            _mark(conn, [(ids[r.sample_id], study_id, case_digest(case_key, r.sample_id), at) for r in new])
        _drop_unlisted(conn, study_id, listed, report)
        if report.changed():  # an unchanged or empty assignment leaves no trace
            audit.record(conn, now, AUDIT_EVENT, None, [study_id], report.as_dict())
    if report.dropped:
        vault.checkpoint()
    log.info("assignment applied: study=%s %s", study_id, report.as_dict())
    return report


def _mark(conn: Any, rows: list[tuple[int, str, str, str]]) -> None:
    conn.executemany("INSERT OR REPLACE INTO assigned_case (respondent_id, study_id, case_digest, received_at) "
                     "VALUES (?, ?, ?, ?)", rows)


def _drop_unlisted(conn: Any, study_id: str, listed: set[str], report: AssignmentReport) -> None:
    rows = conn.execute("SELECT a.respondent_id, r.sample_id FROM assigned_case a JOIN respondent r "
                        "ON r.id = a.respondent_id WHERE a.study_id = ?", (study_id,)).fetchall()
    conn.execute("UPDATE assigned_case SET released = 0 WHERE study_id = ?", (study_id,))
    conn.executemany("UPDATE assigned_case SET released = 1 WHERE respondent_id = ?",
                     [(r[0],) for r in rows if r[1] not in listed])
    _drop_released(conn, study_id, report)


def _drop_released(conn: Any, study_id: str, report: AssignmentReport) -> None:
    """People the office no longer lists leave, unless an interview with them is open or unsent."""
    marks = ",".join("?" * len(STILL_TO_DO))
    rows = conn.execute(
        "SELECT a.respondent_id, EXISTS (SELECT 1 FROM interview i WHERE i.respondent_id = a.respondent_id "
        f"AND i.state IN ({marks})) AS busy FROM assigned_case a WHERE a.study_id = ? AND a.released = 1",
        (*STILL_TO_DO, study_id)).fetchall()
    report.kept_open = sum(1 for r in rows if r["busy"])
    dropped = [(r[0],) for r in rows if not r["busy"]]
    conn.executemany("DELETE FROM respondent WHERE id = ?", dropped)
    report.dropped = len(dropped)


def drop_released(vault: VaultHandle, study_id: str, now: datetime) -> AssignmentReport:
    """The assignment did not change, but an interview that kept a released person may have gone
    since: such people leave now."""
    report = AssignmentReport()
    with vault.transaction() as conn:
        _drop_released(conn, study_id, report)
        if report.dropped:
            audit.record(conn, now, AUDIT_EVENT, None, [study_id], report.as_dict())
    if report.dropped:
        vault.checkpoint()
    return report


def assigned_count(vault: VaultHandle, study_id: str) -> int:
    """People of this study the collection office assigned to this laptop."""
    return int(vault.conn.execute("SELECT count(*) FROM assigned_case WHERE study_id = ?", (study_id,)).fetchone()[0])
