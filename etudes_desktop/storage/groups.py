"""Focus group sessions over the vault: the door, the notice, each participant's decision, notes
and shows of hands (core.group holds the rules). Every public write is one transaction.

Each present participant's decision is the consent of one interview of mode `group`, recorded
through the interview store like any other (an objection takes the one objection path: the
person goes on the suppression list, their contact data and first name are erased, nothing of
theirs is kept but the consent record). First names are kept only while the session is open.
"""

from __future__ import annotations

import datetime as _dt
import hashlib
import hmac
import json
import re
import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from etudes_desktop.core.errors import EtudesError
from etudes_desktop.core.group.counts import HandCount, check_count
from etudes_desktop.core.group.notes import CleanNote, Person, clean_note, mentioned, name_terms
from etudes_desktop.core.interview import ConsentRecord, Decision, Mode, State
from etudes_desktop.core.nir import contains_nir
from etudes_desktop.core.study import Notice, StudyPackage
from etudes_desktop.storage import audit
from etudes_desktop.storage.handle import VaultHandle

Clock = Callable[[], datetime]
MAX_PARTICIPANTS = 40
_FIRST_NAME = re.compile(r"^[^\W\d_]+(?:[ '’\-][^\W\d_]+){0,3}$")


def _utc_now() -> datetime:
    return datetime.now(UTC)


def _iso(moment: datetime) -> str:
    return moment.astimezone(UTC).isoformat()


@dataclass(frozen=True)
class Session:
    id: str
    study_id: str
    held_on: str
    place: str
    moderator: str
    state: str
    notice_delivered_at: str | None
    notice_version: str | None
    notice_sha256: str | None


@dataclass(frozen=True)
class Seat:
    """One participant as the moderator's screens show them (first name while the session is open)."""

    id: int
    first_name: str
    walk_in: bool
    present: bool
    pseudonym: str | None
    decision: str | None
    interview_id: str | None
    respondent_id: int | None


@dataclass(frozen=True)
class Note:
    id: int
    at: str
    theme: str
    pseudonyms: tuple[str, ...]
    text: str


def _seat(row: Any) -> Seat:
    return Seat(id=row["id"], first_name=row["first_name"] or "", walk_in=bool(row["walk_in"]),
                present=row["arrived_at"] is not None, pseudonym=row["pseudonym"], decision=row["decision"],
                interview_id=row["interview_id"], respondent_id=row["respondent_id"])


def _session(row: Any) -> Session:
    return Session(id=row["id"], study_id=row["study_id"], held_on=row["held_on"], place=row["place"],
                   moderator=row["moderator"], state=row["state"], notice_delivered_at=row["notice_delivered_at"],
                   notice_version=row["notice_version"], notice_sha256=row["notice_sha256"])


def check_first_name(text: str) -> str:
    """A walk-in's first name: letters only (no NIR, no phone, no family name beyond a compound)."""
    name = " ".join(text.split())
    if not name:
        raise EtudesError("Indiquez le prénom de la personne (le prénom seulement).")
    if contains_nir(name) or any(ch.isdigit() for ch in name) or "@" in name:
        raise EtudesError("Le prénom ne peut contenir que des lettres : rien d'autre n'est noté d'un participant.")
    if len(name) > 40 or not _FIRST_NAME.match(name):
        raise EtudesError("Le prénom ne peut contenir que des lettres (40 au plus) : rien d'autre n'est noté.")
    return name


def _check_place(text: str) -> str:
    place = " ".join(text.split())
    if not place:
        raise EtudesError("Indiquez le lieu de la réunion (une salle, une ville).")
    if len(place) > 120:
        raise EtudesError("Le lieu tient en 120 caractères au plus.")
    from etudes_desktop.core.free_text import find_identity

    if contains_nir(place) or find_identity(place) is not None:
        raise EtudesError("Le lieu ne peut pas contenir de numéro ni d'adresse électronique.")
    return place


class GroupService:
    def __init__(self, vault: VaultHandle, clock: Clock = _utc_now) -> None:
        self._vault = vault
        self._clock = clock

    # -- the session ----------------------------------------------------------------------------
    def create(self, study_id: str, held_on: _dt.date, place: str, moderator: str) -> str:
        place = _check_place(place)
        session_id = str(uuid.uuid4())
        with self._vault.transaction() as conn:
            if conn.execute("SELECT 1 FROM study WHERE id = ?", (study_id,)).fetchone() is None:
                raise EtudesError("étude introuvable")
            conn.execute("INSERT INTO group_session (id, study_id, held_on, place, moderator, created_at) "
                         "VALUES (?, ?, ?, ?, ?, ?)",
                         (session_id, study_id, held_on.isoformat(), place, moderator, _iso(self._clock())))
            audit.record(conn, self._clock(), "group_session_created", moderator, [session_id])
        return session_id

    def get(self, session_id: str) -> Session:
        row = self._vault.conn.execute("SELECT * FROM group_session WHERE id = ?", (session_id,)).fetchone()
        if row is None:
            raise EtudesError("réunion introuvable")
        return _session(row)

    def sessions(self, study_id: str) -> list[Session]:
        rows = self._vault.conn.execute("SELECT * FROM group_session WHERE study_id = ? ORDER BY held_on DESC, "
                                        "created_at DESC", (study_id,)).fetchall()
        return [_session(r) for r in rows]

    def _open(self, conn: Any, session_id: str) -> Any:
        row = conn.execute("SELECT * FROM group_session WHERE id = ?", (session_id,)).fetchone()
        if row is None:
            raise EtudesError("réunion introuvable")
        if row["state"] != "open":
            raise EtudesError("la réunion est close : elle ne se modifie plus")
        return row

    # -- the door -------------------------------------------------------------------------------
    def plan(self, session_id: str, respondent_ids: Sequence[int]) -> int:
        """Invite people of the sample; returns how many were added (objectors are never invited)."""
        added = 0
        with self._vault.transaction() as conn:
            session = self._open(conn, session_id)
            for respondent_id in respondent_ids:
                row = conn.execute("SELECT first_name, status FROM respondent WHERE id = ? AND study_id = ?",
                                   (respondent_id, session["study_id"])).fetchone()
                if row is None or row["status"] not in ("to_contact", "in_progress"):
                    continue
                if conn.execute("SELECT 1 FROM group_participant WHERE session_id = ? AND respondent_id = ?",
                                (session_id, respondent_id)).fetchone():
                    continue
                self._check_room(conn, session_id)
                conn.execute("INSERT INTO group_participant (session_id, respondent_id, first_name) VALUES (?, ?, ?)",
                             (session_id, respondent_id, row["first_name"] or ""))
                added += 1
        return added

    @staticmethod
    def _check_room(conn: Any, session_id: str) -> None:
        if conn.execute("SELECT count(*) FROM group_participant WHERE session_id = ?", (session_id,)).fetchone()[0] \
                >= MAX_PARTICIPANTS:
            raise EtudesError(f"une réunion accueille au plus {MAX_PARTICIPANTS} participants")

    def add_walk_in(self, session_id: str, first_name: str) -> Seat:
        """Someone who came without an invitation: their first name only, present at once."""
        name = check_first_name(first_name)
        with self._vault.transaction() as conn:
            self._open(conn, session_id)
            self._check_room(conn, session_id)
            cursor = conn.execute("INSERT INTO group_participant (session_id, first_name, walk_in) VALUES (?, ?, 1)",
                                  (session_id, name))
            self._arrive(conn, session_id, int(cursor.lastrowid))
        return self.seat(int(cursor.lastrowid))

    def arrive(self, participant_id: int) -> str:
        """Mark present at the door; the next pseudonym (P1, P2... in order of arrival)."""
        with self._vault.transaction() as conn:
            row = conn.execute("SELECT session_id, pseudonym FROM group_participant WHERE id = ?",
                               (participant_id,)).fetchone()
            if row is None:
                raise EtudesError("participant introuvable")
            self._open(conn, row["session_id"])
            if row["pseudonym"]:
                return str(row["pseudonym"])
            return self._arrive(conn, row["session_id"], participant_id)

    def _arrive(self, conn: Any, session_id: str, participant_id: int) -> str:
        taken = conn.execute("SELECT count(*) FROM group_participant WHERE session_id = ? AND pseudonym IS NOT NULL",
                             (session_id,)).fetchone()[0]
        pseudonym = f"P{taken + 1}"
        conn.execute("UPDATE group_participant SET arrived_at = ?, pseudonym = ? WHERE id = ?",
                     (_iso(self._clock()), pseudonym, participant_id))
        return pseudonym

    def seat(self, participant_id: int) -> Seat:
        row = self._vault.conn.execute("SELECT * FROM group_participant WHERE id = ?", (participant_id,)).fetchone()
        if row is None:
            raise EtudesError("participant introuvable")
        return _seat(row)

    def seats(self, session_id: str) -> list[Seat]:
        """Present participants first, in order of arrival, then those still expected."""
        rows = self._vault.conn.execute(
            "SELECT * FROM group_participant WHERE session_id = ? "
            "ORDER BY arrived_at IS NULL, CAST(substr(pseudonym, 2) AS INTEGER), first_name COLLATE NOCASE, id",
            (session_id,)).fetchall()
        return [_seat(r) for r in rows]

    # -- the notice and the decisions -----------------------------------------------------------
    def deliver_notice(self, session_id: str, notice: Notice) -> None:
        """The notice was read to the group: decisions may now be taken."""
        with self._vault.transaction() as conn:
            self._open(conn, session_id)
            conn.execute("UPDATE group_session SET notice_id = ?, notice_version = ?, notice_sha256 = ?, "
                         "notice_delivered_at = ? WHERE id = ?",
                         (notice.id, notice.version, notice.sha256, _iso(self._clock()), session_id))

    def decide(self, participant_id: int, decision: Decision, package: StudyPackage) -> str:
        """Record one present participant's decision as the consent of their interview; returns its id."""
        from etudes_desktop.storage.interviews import InterviewStore

        if decision not in (Decision.AGREES, Decision.OBJECTS):
            raise EtudesError("décision attendue : accepte ou s'oppose")
        store = InterviewStore(self._vault, self._clock)
        with self._vault.transaction() as conn:
            row = conn.execute("SELECT * FROM group_participant WHERE id = ?", (participant_id,)).fetchone()
            if row is None:
                raise EtudesError("participant introuvable")
            session = self._open(conn, row["session_id"])
            if session["notice_delivered_at"] is None:
                raise EtudesError("lisez d'abord la mention d'information au groupe : aucune décision avant")
            if row["pseudonym"] is None:
                raise EtudesError("cette personne n'est pas arrivée : notez d'abord sa présence")
            if row["decision"] is not None:
                raise EtudesError(f"{row['pseudonym']} a déjà décidé")
            if package.notice.sha256 != session["notice_sha256"]:
                raise EtudesError("la mention lue au groupe n'est plus celle de l'étude : relisez-la")
            interview_id = store.start(session["study_id"], package.version, Mode.GROUP, row["respondent_id"])
            now = self._clock()
            consent = ConsentRecord(
                notice_id=session["notice_id"], notice_version=session["notice_version"],
                text_sha256=session["notice_sha256"], mode=Mode.GROUP, interviewer=session["moderator"],
                delivered_at=datetime.fromisoformat(session["notice_delivered_at"]), decided_at=now, decision=decision)
            left_digests = None
            if decision is Decision.OBJECTS:  # the names as keyed digests, before the objection path erases them
                last = conn.execute("SELECT last_name FROM respondent WHERE id = ?", (row["respondent_id"],)).fetchone()
                terms = name_terms(row["first_name"] or "", (last["last_name"] if last else None) or "")
                left_digests = json.dumps(sorted({self._keyed(" ".join(term)) for term in terms}))
            state = store.record_consent(interview_id, consent)
            if decision is Decision.OBJECTS:
                conn.execute("UPDATE group_participant SET first_name = NULL, respondent_id = NULL, interview_id = ?, "
                             "decision = 'objects', decided_at = ?, left_digests = ? WHERE id = ?",
                             (interview_id, _iso(now), left_digests, participant_id))
                if state is not State.OBJECTED:
                    raise EtudesError("objection non enregistrée")
            else:
                conn.execute("UPDATE group_participant SET interview_id = ?, decision = 'agrees', decided_at = ? "
                             "WHERE id = ?", (interview_id, _iso(now), participant_id))
        return interview_id

    def taking_part(self, session_id: str) -> list[Seat]:
        """Those present who accepted: the people notes and counts are about."""
        return [s for s in self.seats(session_id) if s.present and s.decision == Decision.AGREES.value]

    # -- notes ------------------------------------------------------------------------------------
    def _people(self, session_id: str) -> list[Person]:
        rows = self._vault.conn.execute(
            "SELECT p.pseudonym, p.first_name, r.last_name FROM group_participant p "
            "LEFT JOIN respondent r ON r.id = p.respondent_id WHERE p.session_id = ? AND p.pseudonym IS NOT NULL "
            "AND p.first_name IS NOT NULL", (session_id,)).fetchall()
        return [Person(r["pseudonym"], r["first_name"] or "", r["last_name"] or "") for r in rows]

    def _keyed(self, words: str) -> str:
        return hmac.new(self._vault.secret("group-left-names"), words.encode("utf-8"), hashlib.sha256).hexdigest()

    def _left(self, session_id: str) -> frozenset[str]:
        rows = self._vault.conn.execute("SELECT left_digests FROM group_participant WHERE session_id = ? "
                                        "AND left_digests IS NOT NULL", (session_id,)).fetchall()
        return frozenset(d for r in rows for d in json.loads(r["left_digests"]))

    def add_note(self, session_id: str, text: str, theme: str, pseudonyms: Sequence[str] = ()) -> tuple[Note, CleanNote]:
        """Store a note (names replaced by pseudonyms, core.group.notes); NoteRefused when it may not be."""
        people = self._people(session_id)
        cleaned = clean_note(text, people, self._left(session_id), self._keyed)
        named = mentioned(cleaned.text, [p.pseudonym for p in people if p.pseudonym])
        tags = tuple(dict.fromkeys([*pseudonyms, *cleaned.replaced, *named]))
        at = _iso(self._clock())
        with self._vault.transaction() as conn:
            self._open(conn, session_id)
            cursor = conn.execute("INSERT INTO group_note (session_id, at, theme, pseudonyms, text) VALUES (?, ?, ?, ?, ?)",
                                  (session_id, at, theme, " ".join(tags), cleaned.text))
        return Note(int(cursor.lastrowid), at, theme, tags, cleaned.text), cleaned

    def notes(self, session_id: str, *, after_id: int = 0, limit: int = 10_000) -> list[Note]:
        rows = self._vault.conn.execute(
            "SELECT * FROM group_note WHERE session_id = ? AND id > ? ORDER BY id LIMIT ?",
            (session_id, after_id, limit)).fetchall()
        return [Note(r["id"], r["at"], r["theme"], tuple(r["pseudonyms"].split()), r["text"]) for r in rows]

    # -- shows of hands ----------------------------------------------------------------------------
    def record_count(self, session_id: str, package: StudyPackage, question: str, counts: dict[str, int]) -> HandCount:
        present = len(self.taking_part(session_id))
        count = check_count(package.questionnaire, question, present, counts)
        with self._vault.transaction() as conn:
            self._open(conn, session_id)
            conn.execute("INSERT INTO group_count (session_id, question, present, counts_json, at) VALUES (?, ?, ?, ?, ?) "
                         "ON CONFLICT (session_id, question) DO UPDATE SET present = excluded.present, "
                         "counts_json = excluded.counts_json, at = excluded.at",
                         (session_id, question, count.present, json.dumps(count.counts), _iso(self._clock())))
        return count

    def counts(self, session_id: str) -> dict[str, tuple[int, dict[str, int]]]:
        rows = self._vault.conn.execute("SELECT question, present, counts_json FROM group_count WHERE session_id = ?",
                                        (session_id,)).fetchall()
        return {r["question"]: (r["present"], json.loads(r["counts_json"])) for r in rows}

    # -- the printed sheet ------------------------------------------------------------------------
    def sheet(self, session_id: str, package: StudyPackage, language: str = "fr", blank_rows: int = 4) -> bytes:
        """The session sheet (PDF, core.printing): the notice, the attendance by pseudonym, the guide."""
        from etudes_desktop.core.printing.session_sheet import SessionSheet, SheetRow, render_session_sheet

        session = self.get(session_id)
        seats = self.seats(session_id)
        rows = [SheetRow(s.pseudonym, s.present, s.decision) for s in seats if s.pseudonym]
        expected = sum(1 for s in seats if not s.pseudonym)
        items = package.questionnaire.item_index()
        questions = [package.questionnaire.text(items[name].label, language) or name
                     for name in package.group.questions if name in items]
        return render_session_sheet(SessionSheet(
            study_title=package.title, held_on=session.held_on, place=session.place, moderator=session.moderator,
            notice_text=package.notice.text(language), notice_version=package.notice.version, rows=rows,
            themes=package.group.note_themes(), questions=questions, blank_rows=expected + blank_rows))

    # -- the end ---------------------------------------------------------------------------------------
    def close(self, session_id: str) -> dict[str, int]:
        """End the session: first names erased, unanswered questionnaires abandoned; returns counts."""
        from etudes_desktop.storage.interviews import InterviewStore

        store = InterviewStore(self._vault, self._clock)
        with self._vault.transaction() as conn:
            session = self._open(conn, session_id)
            rows = conn.execute("SELECT p.interview_id FROM group_participant p JOIN interview i ON i.id = p.interview_id "
                                "WHERE p.session_id = ? AND i.state = 'draft' AND NOT EXISTS "
                                "(SELECT 1 FROM answer a WHERE a.interview_id = i.id)", (session_id,)).fetchall()
            for row in rows:
                store.abandon(row["interview_id"])
            conn.execute("UPDATE group_participant SET first_name = NULL, left_digests = NULL WHERE session_id = ?",
                         (session_id,))
            conn.execute("UPDATE group_session SET state = 'closed', closed_at = ? WHERE id = ?",
                         (_iso(self._clock()), session_id))
            figures = self._figures(conn, session_id)
            audit.record(conn, self._clock(), "group_session_closed", session["moderator"], [session_id], figures)
        return figures

    @staticmethod
    def _figures(conn: Any, session_id: str) -> dict[str, int]:
        row = conn.execute(
            "SELECT count(*) AS planned_or_walked, sum(walk_in) AS walk_ins, count(arrived_at) AS present, "
            "sum(decision = 'agrees') AS agreed, sum(decision = 'objects') AS objected FROM group_participant "
            "WHERE session_id = ?", (session_id,)).fetchone()
        notes = conn.execute("SELECT count(*) FROM group_note WHERE session_id = ?", (session_id,)).fetchone()[0]
        return {"invited": int(row["planned_or_walked"] or 0) - int(row["walk_ins"] or 0),
                "walk_ins": int(row["walk_ins"] or 0), "present": int(row["present"] or 0),
                "agreed": int(row["agreed"] or 0), "objected": int(row["objected"] or 0), "notes": int(notes)}
