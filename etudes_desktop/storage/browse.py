"""Read-only paged queries for the list views: studies with counters, respondents, interviews.

Everything here reads; nothing writes. Pages are LIMIT/OFFSET over indexes that hold the sort
key and every filtered column (migration 0002), so SQLite skips the rows before a page without
reading the table: a page deep in 100,000 respondents costs an index walk, not a table scan.
Results are plain frozen dataclasses; no Qt.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from etudes_desktop.core.interview import ANSWERED, OPEN, WAITING_SYNC, State, values
from etudes_desktop.storage.handle import VaultHandle
from etudes_desktop.storage.interviews import LATEST_CALL_SET_APPOINTMENT

RESPONDENT_STATUSES = ("to_contact", "in_progress", "done", "stopped", "objected", "do_not_contact", "erased")
DRAFT_STATES = values(OPEN)
COMPLETED_STATES = values(ANSWERED)  # purged ones included; tombstones are added apart
# What the next sync will carry (the sync panel's "en attente d'envoi" counts the same set);
# refused and conflicting interviews are problems, shown apart, not waiting.
WAITING_SYNC_STATES = values(WAITING_SYNC)


@dataclass(frozen=True)
class StudyCounters:
    """The figures an interviewer watches for one study (or for the whole vault)."""

    respondents: int = 0
    to_contact: int = 0
    drafts: int = 0
    completed: int = 0  # every interview completed, synced or not (purged ones included)
    waiting_sync: int = 0
    objected: int = 0

    def __add__(self, other: StudyCounters) -> StudyCounters:
        return StudyCounters(*(a + b for a, b in zip(self.__dict__.values(), other.__dict__.values())))


@dataclass(frozen=True)
class StudySummary:
    """One study as the studies list shows it."""

    id: str
    title: str
    version: str
    imported_at: str
    delivery_date: str | None
    closed_at: str | None
    counters: StudyCounters
    by_status: dict[str, int] = field(default_factory=dict)  # respondents per status
    by_state: dict[str, int] = field(default_factory=dict)  # interviews per state
    interviews_known: bool = True  # False while only the respondents were counted

    def respondents_with(self, statuses: Iterable[str] = ()) -> int:
        """How many respondents have one of these statuses (all when none given)."""
        keys = tuple(statuses)
        return sum(n for k, n in self.by_status.items() if not keys or k in keys)

    def interviews_with(self, states: Iterable[str] = ()) -> int:
        """How many interviews are in one of these states (all when none given; tombstones apart)."""
        keys = tuple(states)
        return sum(n for k, n in self.by_state.items() if not keys or k in keys)


@dataclass(frozen=True)
class RespondentQuery:
    """Which respondents a list shows: free text (name, sample id, town, phone) and statuses."""

    study_id: str
    search: str = ""
    statuses: tuple[str, ...] = ()
    appointments: bool = False  # only people with a callback agreed on their latest call, still to reach


@dataclass(frozen=True)
class RespondentRow:
    """One line of the respondents list."""

    id: int
    sample_id: str
    title: str
    last_name: str
    first_name: str
    postcode: str
    town: str
    phone: str
    status: str
    appointment_at: str | None = None  # the callback agreed on the person's latest call

    @property
    def display_name(self) -> str:
        return " ".join(p for p in (self.last_name.upper(), self.first_name) if p)


@dataclass(frozen=True)
class InterviewQuery:
    """Which interviews a list shows: one study, optionally some states."""

    study_id: str
    states: tuple[str, ...] = ()


@dataclass(frozen=True)
class InterviewRow:
    """One line of the interviews list (the respondent's name when still known)."""

    id: str
    respondent_id: int | None
    respondent_name: str
    mode: str
    state: str
    created_at: str
    updated_at: str
    completed_at: str | None
    pages_done: int | None = None  # a draft's progress, as last seen on screen
    pages_total: int | None = None


# -- studies ----------------------------------------------------------------------------------
def study_counters(vault: VaultHandle, study_id: str | None = None) -> StudyCounters:
    """Counters of one study, or of every study when `study_id` is None."""
    where, params = ("WHERE study_id = ?", (study_id,)) if study_id else ("", ())
    conn = vault.conn
    by_status = dict(conn.execute(f"SELECT status, count(*) FROM respondent {where} GROUP BY status", params).fetchall())
    by_state = dict(conn.execute(f"SELECT state, count(*) FROM interview {where} GROUP BY state", params).fetchall())
    purged = conn.execute(f"SELECT count(*) FROM tombstone {where}", params).fetchone()[0]
    return _counters(by_status, by_state, purged)


def _counters(by_status: dict[str, int], by_state: dict[str, int], purged: int) -> StudyCounters:
    return StudyCounters(
        respondents=sum(by_status.values()),
        to_contact=by_status.get("to_contact", 0) + by_status.get("in_progress", 0),
        drafts=_sum(by_state, DRAFT_STATES),
        completed=_sum(by_state, COMPLETED_STATES) + purged,
        waiting_sync=_sum(by_state, WAITING_SYNC_STATES),
        objected=by_state.get(State.OBJECTED.value, 0),
    )


def _sum(counts: dict[str, int], keys: Iterable[str]) -> int:
    return sum(counts.get(k, 0) for k in keys)


def _grouped(rows: Iterable[Sequence[Any]]) -> dict[str, dict[str, int]]:
    grouped: dict[str, dict[str, int]] = {}
    for study_id, key, n in rows:
        grouped.setdefault(study_id, {})[key] = n
    return grouped


def interview_counts(vault: VaultHandle) -> tuple[dict[str, dict[str, int]], dict[str, int]]:
    """Interviews per study and state, and sync tombstones per study."""
    conn = vault.conn
    states = _grouped(conn.execute("SELECT study_id, state, count(*) FROM interview GROUP BY study_id, state"))
    purged = dict(conn.execute("SELECT study_id, count(*) FROM tombstone GROUP BY study_id").fetchall())
    return states, purged


def with_interviews(summary: StudySummary, by_state: dict[str, int], purged: int) -> StudySummary:
    """The summary completed with its interview counts (see `studies(..., interviews=False)`)."""
    counters = _counters(summary.by_status, by_state, purged)
    return StudySummary(summary.id, summary.title, summary.version, summary.imported_at, summary.delivery_date,
                        summary.closed_at, counters, summary.by_status, by_state, True)


def studies(vault: VaultHandle, interviews: bool = True) -> list[StudySummary]:
    """Every study in the vault with its counters, open studies first, then by title.

    With `interviews=False` only respondents are counted (`interviews_known` is False): what
    the list needs to be shown; `interview_counts` and `with_interviews` complete it after.
    """
    conn = vault.conn
    statuses = _grouped(conn.execute("SELECT study_id, status, count(*) FROM respondent GROUP BY study_id, status"))
    states, purged = interview_counts(vault) if interviews else ({}, {})
    rows = conn.execute(
        "SELECT id, title, version, imported_at, delivery_date, closed_at FROM study "
        "ORDER BY closed_at IS NOT NULL, title COLLATE NOCASE, id"
    ).fetchall()
    return [
        StudySummary(r[0], r[1], r[2], r[3], r[4], r[5],
                     _counters(statuses.get(r[0], {}), states.get(r[0], {}), purged.get(r[0], 0)),
                     statuses.get(r[0], {}), states.get(r[0], {}), interviews)
        for r in rows
    ]


# -- respondents --------------------------------------------------------------------------------
# The appointment of a person's latest call, when that call set one (shown on the person).
_RESPONDENT_COLUMNS = ("id, sample_id, title, last_name, first_name, postcode, town, phone, status, "
                       "(SELECT c.appointment_at FROM call_attempt c WHERE c.respondent_id = respondent.id "
                       "AND c.appointment_at IS NOT NULL AND c.id = (SELECT max(id) FROM call_attempt "
                       "WHERE respondent_id = respondent.id)) AS appointment_at")


def _escape_like(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _phone_digits(text: str) -> str | None:
    """The digits of a typed phone number ('06 12 34 56 78', '+33 6…'), None if it is not one."""
    compact = re.sub(r"[\s.\-/()]", "", text)
    if compact.startswith("+33"):
        compact = "0" + compact[3:]
    elif compact.startswith("0033"):
        compact = "0" + compact[4:]
    return compact if len(compact) >= 4 and compact.isdigit() else None


# People whose latest call set an appointment and who may still be called: the agenda's people
# (InterviewStore.callbacks), as a filter of the people list.
_WITH_APPOINTMENT = (f"id IN (SELECT c.respondent_id FROM call_attempt c WHERE c.study_id = ? "
                     f"AND {LATEST_CALL_SET_APPOINTMENT}) AND status IN ('to_contact', 'in_progress')")


def _respondent_where(query: RespondentQuery) -> tuple[str, list[Any]]:
    clauses, params = ["study_id = ?"], [query.study_id]
    if query.appointments:
        clauses.append(_WITH_APPOINTMENT)
        params.append(query.study_id)
    if query.statuses:
        clauses.append(f"status IN ({','.join('?' * len(query.statuses))})")
        params += list(query.statuses)
    digits = _phone_digits(query.search)
    if digits is not None and " " in query.search.strip():
        # A phone number typed with spaces: one term (phones are stored as digits only).
        clauses.append("(phone LIKE ? ESCAPE '\\' OR sample_id LIKE ? ESCAPE '\\')")
        params += [f"%{digits}%", f"%{_escape_like(query.search.strip())}%"]
        return " AND ".join(clauses), params
    for word in query.search.split():
        exact, folded = f"%{_escape_like(word)}%", f"%{_accent_blind(word)}%"
        terms = [("last_name", folded), ("first_name", folded), ("town", folded), ("sample_id", exact)]
        if _phone_digits(word) is not None:
            terms.append(("phone", exact))  # digits typed: the only search that reads the table
        clauses.append("(" + " OR ".join(f"{f} LIKE ? ESCAPE '\\'" for f, _p in terms) + ")")
        params += [p for _f, p in terms]
    return " AND ".join(clauses), params


_ACCENTABLE = frozenset("aeiouyc")


def _accent_blind(word: str) -> str:
    """A LIKE pattern where every letter that French may accent matches any one character.

    SQLite's LIKE folds ASCII case only: 'lefevre' would miss 'Lefèvre', 'helene' 'HÉLÈNE'.
    'l_f_vr_' finds them all, at the price of a rare near name (the list only gets wider).
    """
    out = []
    for char in word:
        base = unicodedata.normalize("NFD", char)[0].lower()
        out.append("_" if base in _ACCENTABLE else _escape_like(char))
    return "".join(out)


def count_respondents(vault: VaultHandle, query: RespondentQuery) -> int:
    """How many respondents the query matches."""
    where, params = _respondent_where(query)
    return int(vault.conn.execute(f"SELECT count(*) FROM respondent WHERE {where}", params).fetchone()[0])


def respondents_page(vault: VaultHandle, query: RespondentQuery, offset: int, limit: int,
                     after: RespondentRow | None = None) -> list[RespondentRow]:
    """`limit` respondents from `offset`, by last name, first name, id.

    `after`, the row just before `offset` when the caller has it, turns the page into a
    keyset seek (scrolling on costs the same at row 99,900 as at row 100).
    """
    where, params = _respondent_where(query)
    if after is not None and after.last_name and after.first_name:
        # Rows without a name sort first, so none of them can follow a named row.
        where += " AND (last_name, first_name, id) > (?, ?, ?)"
        params += [after.last_name, after.first_name, after.id]
        offset = 0
    # The page's ids come from the index alone (no table read for the rows skipped); then
    # only those rows are read from the table, by primary key.
    ids = [r[0] for r in vault.conn.execute(
        f"SELECT id FROM respondent INDEXED BY respondent_browse WHERE {where} "
        "ORDER BY last_name, first_name, id LIMIT ? OFFSET ?", (*params, limit, offset)).fetchall()]
    return respondents_by_ids(vault, ids)


def respondent_ids(vault: VaultHandle, query: RespondentQuery) -> list[int]:
    """Every matching id in list order, from the index alone (a search: one pass gives the count
    and every page; the ids are plain integers, no personal data)."""
    where, params = _respondent_where(query)
    return [r[0] for r in vault.conn.execute(
        f"SELECT id FROM respondent INDEXED BY respondent_browse WHERE {where} ORDER BY last_name, first_name, id",
        params).fetchall()]


def respondents_by_ids(vault: VaultHandle, ids: Sequence[int]) -> list[RespondentRow]:
    """These respondents, in the order given."""
    if not ids:
        return []
    rows = vault.conn.execute(
        f"SELECT {_RESPONDENT_COLUMNS} FROM respondent WHERE id IN ({','.join('?' * len(ids))})", list(ids)).fetchall()
    by_id = {r[0]: _respondent(r) for r in rows}
    return [by_id[i] for i in ids if i in by_id]


def _respondent(r: Sequence[Any]) -> RespondentRow:
    return RespondentRow(int(r[0]), r[1] or "", r[2] or "", r[3] or "", r[4] or "", r[5] or "", r[6] or "",
                         r[7] or "", r[8], r[9])


def respondent_status_counts(vault: VaultHandle, study_id: str) -> dict[str, int]:
    """Respondents of a study per status (every status present, zero when none)."""
    counts = dict.fromkeys(RESPONDENT_STATUSES, 0)
    counts.update(vault.conn.execute(
        "SELECT status, count(*) FROM respondent WHERE study_id = ? GROUP BY status", (study_id,)
    ).fetchall())
    return counts


# -- interviews ---------------------------------------------------------------------------------
def _interview_where(query: InterviewQuery) -> tuple[str, list[Any]]:
    clauses, params = ["i.study_id = ?"], [query.study_id]
    if query.states:
        clauses.append(f"i.state IN ({','.join('?' * len(query.states))})")
        params += list(query.states)
    return " AND ".join(clauses), params


def count_interviews(vault: VaultHandle, query: InterviewQuery) -> int:
    where, params = _interview_where(query)
    return int(vault.conn.execute(f"SELECT count(*) FROM interview i WHERE {where}", params).fetchone()[0])


def interviews_page(vault: VaultHandle, query: InterviewQuery, offset: int, limit: int) -> list[InterviewRow]:
    """`limit` interviews of a study from `offset`, most recently changed first."""
    where, params = _interview_where(query)
    keys = [r[0] for r in vault.conn.execute(
        f"SELECT i.rowid FROM interview i INDEXED BY interview_study_updated WHERE {where} "
        "ORDER BY i.updated_at DESC, i.state DESC, i.rowid DESC LIMIT ? OFFSET ?", (*params, limit, offset)).fetchall()]
    if not keys:
        return []
    rows = vault.conn.execute(
        "SELECT i.rowid, i.id, i.respondent_id, r.last_name, r.first_name, i.mode, i.state, i.created_at, "
        "i.updated_at, i.completed_at, i.pages_done, i.pages_total FROM interview i LEFT JOIN respondent r ON r.id = i.respondent_id "
        f"WHERE i.rowid IN ({','.join('?' * len(keys))})", keys).fetchall()
    by_key = {r[0]: _interview(r[1:]) for r in rows}
    return [by_key[k] for k in keys if k in by_key]


def _interview(r: Sequence[Any]) -> InterviewRow:
    name = " ".join(p for p in ((r[2] or "").upper(), r[3] or "") if p)
    return InterviewRow(r[0], r[1], name, r[4], r[5], r[6], r[7], r[8], r[9], r[10])
