"""Interviews in the vault: the interviewer, commitments, consent, answers, calls.

Every public write is one transaction, committed before it returns: what the GUI shows as
saved is on disk. The lifecycle rules come from core.interview.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from etudes_desktop.core.errors import EtudesError
from etudes_desktop.core.interview import (
    CallOutcome,
    ConsentRecord,
    Decision,
    Mode,
    State,
    check_transition,
    text_sha256,
)
from etudes_desktop.storage import audit, case_events
from etudes_desktop.storage.handle import VaultHandle
from etudes_desktop.storage.settings import read_setting, write_setting_in
from etudes_desktop.storage.write_errors import guarded_write

Clock = Callable[[], datetime]


class DraftExists(EtudesError):
    """The person already has an open interview in this study: resume it rather than start one."""

    def __init__(self, interview_id: str) -> None:
        super().__init__("cette personne a déjà un entretien en cours : reprenez-le")
        self.interview_id = interview_id


class AlreadyInterviewed(EtudesError):
    """The person's interview for this study is finished, objected or ended: no second one."""

    def __init__(self) -> None:
        super().__init__("cette personne a déjà été interrogée pour cette étude : pas de second entretien")


class NotADraft(EtudesError):
    """Only an open interview may be discarded."""

    def __init__(self) -> None:
        super().__init__("seul un entretien en cours peut être abandonné")

SETTING_LAST_MODE = "interview.last_mode"
CONTACT_COLUMNS = (
    "title", "last_name", "first_name", "sex", "age", "birth_date", "address",
    "postcode", "town", "phone", "phone2", "email", "profession",
)


def utc_now() -> datetime:
    return datetime.now(UTC)


def _iso(moment: datetime | None) -> str | None:
    return moment.isoformat() if moment else None


@dataclass(frozen=True)
class Interviewer:
    display_name: str
    pseudonym: str


@dataclass(frozen=True)
class InterviewRow:
    id: str
    study_id: str
    study_version: str
    respondent_id: int | None
    mode: Mode
    state: State
    position: str | None
    created_at: str
    updated_at: str
    completed_at: str | None
    receipt_status: str | None
    receipt_reason: str | None

    @classmethod
    def from_row(cls, row: Any) -> InterviewRow:
        return cls(
            id=row["id"], study_id=row["study_id"], study_version=row["study_version"],
            respondent_id=row["respondent_id"], mode=Mode(row["mode"]), state=State(row["state"]),
            position=row["position"], created_at=row["created_at"], updated_at=row["updated_at"],
            completed_at=row["completed_at"], receipt_status=row["receipt_status"],
            receipt_reason=row["receipt_reason"],
        )


@dataclass(frozen=True)
class Callback:
    respondent_id: int
    appointment_at: str
    attempt_id: int
    kind: str = "hard"  # hard: at that exact time; soft: around then (core.calls.dispositions.Appointment)


class InterviewStore:
    """The interview service over an open vault (no Qt; the GUI calls it from controllers)."""

    def __init__(self, vault: VaultHandle, clock: Clock = utc_now) -> None:
        self._vault = vault
        self._clock = clock

    # -- the interviewer and the contractor's commitment ------------------------------------
    def profile(self) -> Interviewer | None:
        row = self._vault.conn.execute("SELECT display_name, pseudonym FROM interviewer WHERE id = 1").fetchone()
        return Interviewer(row["display_name"], row["pseudonym"]) if row else None

    def set_profile(self, display_name: str, pseudonym: str) -> Interviewer:
        display_name, pseudonym = display_name.strip(), pseudonym.strip()
        if not display_name or not pseudonym:
            raise EtudesError("le nom affiché et le pseudonyme de l'enquêteur sont obligatoires")
        _refuse_nir(display_name, pseudonym)
        _refuse_name_in_pseudonym(display_name, pseudonym)
        with self._vault.transaction() as conn:
            conn.execute(
                "INSERT INTO interviewer (id, display_name, pseudonym, created_at) VALUES (1, ?, ?, ?) "
                "ON CONFLICT (id) DO UPDATE SET display_name = excluded.display_name, pseudonym = excluded.pseudonym",
                (display_name, pseudonym, _iso(self._clock())),
            )
        return Interviewer(display_name, pseudonym)

    def has_signed(self, study_id: str, pseudonym: str, text: str) -> bool:
        row = self._vault.conn.execute(
            "SELECT text_sha256 FROM commitment WHERE study_id = ? AND pseudonym = ?", (study_id, pseudonym)
        ).fetchone()
        return bool(row) and row["text_sha256"] == text_sha256(text)

    def sign_commitment(self, study_id: str, pseudonym: str, signed_name: str, signed_on: str, text: str) -> None:
        if not signed_name.strip():
            raise EtudesError("signez l'engagement en saisissant votre nom")
        _refuse_nir(signed_name)
        profile = self.profile()
        if profile is not None and _folded_words(signed_name) != _folded_words(profile.display_name):
            raise EtudesError("la signature est votre nom complet, tel qu'il figure dans votre profil "
                              "(prénom et nom)")
        with self._vault.transaction() as conn:
            conn.execute(
                "INSERT INTO commitment (study_id, pseudonym, signed_name, signed_on, text_sha256, signed_at) "
                "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (study_id, pseudonym) DO UPDATE SET "
                "signed_name = excluded.signed_name, signed_on = excluded.signed_on, "
                "text_sha256 = excluded.text_sha256, signed_at = excluded.signed_at",
                (study_id, pseudonym, signed_name.strip(), signed_on, text_sha256(text), _iso(self._clock())),
            )
            audit.record(conn, self._clock(), "commitment_signed", pseudonym, [study_id])

    # -- interviews ---------------------------------------------------------------------------
    def start(self, study_id: str, study_version: str, mode: Mode, respondent_id: int | None = None) -> str:
        """Open a draft; no answer may be stored before a consent record that agrees."""
        interview_id = str(uuid.uuid4())
        now = _iso(self._clock())
        with self._vault.transaction() as conn:
            if respondent_id is not None:
                status = conn.execute("SELECT status FROM respondent WHERE id = ?", (respondent_id,)).fetchone()
                if status is None:
                    raise EtudesError("répondant introuvable")
                if status["status"] in ("objected", "do_not_contact", "erased"):
                    raise EtudesError("cette personne s'est opposée : elle ne doit plus être sollicitée")
                self._refuse_second(conn, study_id, respondent_id, status["status"])
                conn.execute("UPDATE respondent SET status = 'in_progress' WHERE id = ? AND status = 'to_contact'", (respondent_id,))
            conn.execute(
                "INSERT INTO interview (id, study_id, study_version, respondent_id, mode, state, created_at, updated_at) "
                "VALUES (?, ?, ?, ?, ?, 'draft', ?, ?)",
                (interview_id, study_id, study_version, respondent_id, Mode(mode).value, now, now),
            )
            write_setting_in(conn, SETTING_LAST_MODE, Mode(mode).value)
        return interview_id

    def last_mode(self) -> Mode | None:
        """The mode of the interview started last (the start dialog offers it first)."""
        stored = read_setting(self._vault, SETTING_LAST_MODE)
        try:
            return Mode(stored) if stored else None
        except ValueError:
            return None

    def open_draft(self, study_id: str, respondent_id: int) -> str | None:
        """The person's open interview in this study, if any (at most one: the vault enforces it)."""
        row = self._vault.conn.execute(
            "SELECT id FROM interview WHERE study_id = ? AND respondent_id = ? AND state = 'draft'",
            (study_id, respondent_id)).fetchone()
        return row["id"] if row else None

    @staticmethod
    def _refuse_second(conn: Any, study_id: str, respondent_id: int, status: str) -> None:
        row = conn.execute("SELECT id, state FROM interview WHERE study_id = ? AND respondent_id = ? "
                           "ORDER BY state != 'draft' LIMIT 1", (study_id, respondent_id)).fetchone()
        if row is not None and row["state"] == State.DRAFT.value:
            raise DraftExists(row["id"])
        if row is not None or status == "done":
            raise AlreadyInterviewed()

    def discard(self, interview_id: str) -> int:
        """Erase an open draft (answers, consent, the interview itself) and put the person back
        to "à contacter"; the audit log keeps only how many answers were erased. Returns that count."""
        with self._vault.transaction() as conn:
            interview = self._locked(conn, interview_id)
            if interview.state is not State.DRAFT:
                raise NotADraft()
            erased = int(conn.execute("DELETE FROM answer WHERE interview_id = ?", (interview_id,)).rowcount)
            conn.execute("DELETE FROM consent WHERE interview_id = ?", (interview_id,))
            conn.execute("DELETE FROM interview WHERE id = ?", (interview_id,))
            if interview.respondent_id is not None:
                conn.execute("UPDATE respondent SET status = 'to_contact' WHERE id = ? AND status = 'in_progress'",
                             (interview.respondent_id,))
            audit.record(conn, self._clock(), "interview_discarded", None, [], {"answers_erased": erased})
        return erased

    def respondent_identity(self, interview_id: str) -> tuple[tuple[str, ...], ...]:
        """The interviewed person's name, first name and street as core.free_text terms (empty for
        an unnamed person): the interview refuses a text answer that holds them."""
        from etudes_desktop.core.free_text import identity_terms

        row = self._vault.conn.execute(
            "SELECT r.last_name, r.first_name, r.address FROM interview i JOIN respondent r ON r.id = i.respondent_id "
            "WHERE i.id = ?", (interview_id,)).fetchone()
        if row is None:
            return ()
        return identity_terms(last_name=row["last_name"] or "", first_name=row["first_name"] or "",
                              street=row["address"] or "")

    def get(self, interview_id: str) -> InterviewRow:
        row = self._vault.conn.execute("SELECT * FROM interview WHERE id = ?", (interview_id,)).fetchone()
        if row is None:
            raise EtudesError("entretien introuvable")
        return InterviewRow.from_row(row)

    def list_for_study(self, study_id: str, states: tuple[State, ...] | None = None) -> list[InterviewRow]:
        sql, params = "SELECT * FROM interview WHERE study_id = ?", [study_id]
        if states:
            sql += f" AND state IN ({','.join('?' * len(states))})"
            params += [s.value for s in states]
        rows = self._vault.conn.execute(sql + " ORDER BY updated_at DESC", params).fetchall()
        return [InterviewRow.from_row(r) for r in rows]

    def counts(self, study_id: str) -> dict[str, int]:
        rows = self._vault.conn.execute(
            "SELECT state, count(*) AS n FROM interview WHERE study_id = ? GROUP BY state", (study_id,)
        ).fetchall()
        counts = {s.value: 0 for s in State}
        counts.update({r["state"]: r["n"] for r in rows})
        counts["purged"] += self._vault.conn.execute(
            "SELECT count(*) FROM tombstone WHERE study_id = ?", (study_id,)
        ).fetchone()[0]
        return counts

    # -- the notice gate ----------------------------------------------------------------------
    def record_consent(self, interview_id: str, consent: ConsentRecord) -> State:
        """Store the consent record; an objection ends the interview and erases contact data."""
        if consent.decision is None:
            raise EtudesError("la décision de la personne doit être enregistrée")
        with self._vault.transaction() as conn:
            interview = self._locked(conn, interview_id)
            if interview.state is not State.DRAFT:
                raise EtudesError("l'entretien n'est plus modifiable")
            conn.execute(
                "INSERT INTO consent (interview_id, notice_id, notice_version, text_sha256, mode, interviewer, "
                "delivered_at, decided_at, decision) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (interview_id, consent.notice_id, consent.notice_version, consent.text_sha256, consent.mode.value,
                 consent.interviewer, _iso(consent.delivered_at), _iso(consent.decided_at or self._clock()),
                 consent.decision.value),
            )
            if consent.decision is Decision.OBJECTS:
                return self._object(conn, interview, consent.interviewer)
            if consent.decision is Decision.NOT_NOW:
                self._set_state(conn, interview, State.ABANDONED)
                return State.ABANDONED
            self._touch(conn, interview_id)
            return State.DRAFT

    def latest_consent(self, interview_id: str) -> ConsentRecord | None:
        row = self._vault.conn.execute(
            "SELECT * FROM consent WHERE interview_id = ? ORDER BY id DESC LIMIT 1", (interview_id,)
        ).fetchone()
        if row is None:
            return None
        return ConsentRecord(
            notice_id=row["notice_id"], notice_version=row["notice_version"], text_sha256=row["text_sha256"],
            mode=Mode(row["mode"]), interviewer=row["interviewer"], delivered_at=row["delivered_at"],
            decided_at=row["decided_at"], decision=row["decision"],
        )

    def may_ask_questions(self, interview_id: str, notice_version: str, notice_sha256: str) -> bool:
        """True only with a consent that agrees, for this exact notice version and text."""
        consent = self.latest_consent(interview_id)
        return (
            consent is not None
            and consent.decision is Decision.AGREES
            and consent.notice_version == notice_version
            and consent.text_sha256 == notice_sha256
        )

    # -- answers ----------------------------------------------------------------------------------
    def save_answer(self, interview_id: str, name: str, value: Any, position: str | None = None,
                    notice: tuple[str, str] | None = None, touch: bool = True) -> None:
        """Commit one answer (None clears it); refused without an agreeing consent.

        `notice` (version, SHA-256 of the text shown today), when given, must be the notice the
        latest consent agreed to: a draft begun before the notice changed is refused.
        `touch=False` leaves the interview row (its position, its "modified" time) as it is: half
        the pages to write, for a caller that updates the row itself (storage.paper, at the form's end).
        """
        if isinstance(value, str) and not _product_code(value):
            _refuse_nir(value)  # a barcode's product code is no NIR (core.nir.is_product_code)
        with guarded_write(self._vault) as conn:  # disk full -> StorageFull, nothing kept
            interview = self._locked(conn, interview_id)
            if interview.state is not State.DRAFT:
                raise EtudesError("l'entretien est terminé : ses réponses ne sont plus modifiables")
            decision = conn.execute(
                "SELECT decision, notice_version, text_sha256 FROM consent WHERE interview_id = ? "
                "ORDER BY id DESC LIMIT 1", (interview_id,)
            ).fetchone()
            if decision is None or decision["decision"] != Decision.AGREES.value:
                raise EtudesError("aucune question avant la mention d'information et l'accord de la personne")
            if notice is not None and (decision["notice_version"], decision["text_sha256"]) != tuple(notice):
                raise EtudesError("la mention d'information a changé : délivrez la nouvelle version avant de continuer")
            now = _iso(self._clock())
            if value is None or value == "" or value == []:
                conn.execute("DELETE FROM answer WHERE interview_id = ? AND name = ?", (interview_id, name))
            else:
                conn.execute(
                    "INSERT INTO answer (interview_id, name, value_json, answered_at) VALUES (?, ?, ?, ?) "
                    "ON CONFLICT (interview_id, name) DO UPDATE SET value_json = excluded.value_json, "
                    "answered_at = excluded.answered_at",
                    (interview_id, name, json.dumps(value, ensure_ascii=False), now),
                )
            if touch:
                conn.execute(
                    "UPDATE interview SET updated_at = ?, position = coalesce(?, position) WHERE id = ?",
                    (now, position, interview_id),
                )

    def answers(self, interview_id: str) -> dict[str, Any]:
        rows = self._vault.conn.execute(
            "SELECT name, value_json FROM answer WHERE interview_id = ?", (interview_id,)
        ).fetchall()
        return {r["name"]: json.loads(r["value_json"]) for r in rows}

    def set_position(self, interview_id: str, position: str, progress: tuple[int, int] | None = None) -> None:
        """The page the draft is on; `progress` (pages done, pages the person sees) for the list."""
        done, total = progress if progress is not None else (None, None)
        with guarded_write(self._vault) as conn:
            conn.execute(
                "UPDATE interview SET position = ?, updated_at = ?, pages_done = coalesce(?, pages_done), "
                "pages_total = coalesce(?, pages_total) WHERE id = ? AND state = 'draft'",
                (position, _iso(self._clock()), done, total, interview_id),
            )

    def complete(self, interview_id: str, attributes: dict[str, Any] | None = None) -> None:
        """Lock the interview; `attributes` are the respondent attributes the study lets leave."""
        with self._vault.transaction() as conn:
            interview = self._locked(conn, interview_id)
            paper = conn.execute("SELECT state FROM paper_form WHERE interview_id = ?", (interview_id,)).fetchone()
            if paper is not None and paper["state"] != "done":  # storage.paper: verified first
                raise EtudesError("ce questionnaire papier attend sa double saisie : il ne peut pas encore être terminé")
            self._set_state(conn, interview, State.COMPLETED)
            conn.execute(
                "UPDATE interview SET completed_at = ?, attributes_json = ? WHERE id = ?",
                (_iso(self._clock()), json.dumps(attributes or {}, ensure_ascii=False), interview_id),
            )
            if interview.respondent_id is not None:
                conn.execute("UPDATE respondent SET status = 'done' WHERE id = ?", (interview.respondent_id,))
                case_events.completion_in(conn, interview.id, interview.respondent_id, self._clock())

    def abandon(self, interview_id: str) -> None:
        with self._vault.transaction() as conn:
            interview = self._locked(conn, interview_id)
            self._set_state(conn, interview, State.ABANDONED)
            conn.execute("DELETE FROM answer WHERE interview_id = ?", (interview_id,))
            if interview.respondent_id is not None:  # no longer "en cours", and not offered again
                conn.execute("UPDATE respondent SET status = 'stopped' WHERE id = ? AND status IN "
                             "('to_contact', 'in_progress')", (interview.respondent_id,))

    # -- phone calls --------------------------------------------------------------------------
    @property
    def calls(self) -> Any:
        """The phone scheduler over the same vault and clock (storage.calls.CallService)."""
        from etudes_desktop.storage.calls import CallService

        return CallService(self._vault, self._clock)

    def record_call(self, study_id: str, respondent_id: int, outcome: CallOutcome | str, interviewer: str,
                    appointment_at: datetime | None = None, duration_seconds: int | None = None,
                    at: datetime | None = None) -> int:
        """A call that led to no interview, with its AAPOR disposition; appointments feed callbacks
        (the scheduler's checks: storage.calls.CallService.record)."""
        return int(self.calls.record(study_id, respondent_id, str(getattr(outcome, "value", outcome)), interviewer,
                                     at=at, duration_seconds=duration_seconds, appointment_at=appointment_at))

    def callbacks(self, study_id: str) -> list[Callback]:
        """Appointments still due: the latest attempt per respondent is an appointment, no interview since."""
        rows = self._vault.conn.execute(
            f"""
            SELECT c.id, c.respondent_id, c.appointment_at, c.appointment_kind FROM call_attempt c
            JOIN respondent r ON r.id = c.respondent_id
            WHERE c.study_id = ? AND r.status IN ('to_contact', 'in_progress') AND {LATEST_CALL_SET_APPOINTMENT}
            ORDER BY c.appointment_at
            """,
            (study_id,),
        ).fetchall()
        return [Callback(r["respondent_id"], r["appointment_at"], r["id"], r["appointment_kind"] or "hard")
                for r in rows]

    # -- internals ------------------------------------------------------------------------------
    def _locked(self, conn: Any, interview_id: str) -> InterviewRow:
        row = conn.execute("SELECT * FROM interview WHERE id = ?", (interview_id,)).fetchone()
        if row is None:
            raise EtudesError("entretien introuvable")
        return InterviewRow.from_row(row)

    def _set_state(self, conn: Any, interview: InterviewRow, target: State) -> None:
        check_transition(interview.state, target)
        conn.execute(
            "UPDATE interview SET state = ?, updated_at = ? WHERE id = ?",
            (target.value, _iso(self._clock()), interview.id),
        )

    def _touch(self, conn: Any, interview_id: str) -> None:
        conn.execute("UPDATE interview SET updated_at = ? WHERE id = ?", (_iso(self._clock()), interview_id))

    def _object(self, conn: Any, interview: InterviewRow, interviewer: str) -> State:
        self._set_state(conn, interview, State.OBJECTED)
        conn.execute("DELETE FROM answer WHERE interview_id = ?", (interview.id,))
        if interview.respondent_id is not None:
            suppress_and_erase(self._vault, conn, interview.respondent_id, status="objected", now=self._clock(),
                               actor=interviewer)
        audit.record(conn, self._clock(), "objection", interviewer, [interview.id], {"interviews": 1})
        return State.OBJECTED


def suppress_and_erase(vault: VaultHandle, conn: Any, respondent_id: int, status: str, now: datetime,
                       actor: str | None = None) -> None:
    """Put the person on the suppression list (keyed hashes), tell the collection office (a case
    event with the shared list's digests), then erase their contact data. Every objection passes here."""
    from etudes_desktop.storage.respondents import Respondent, SuppressionList

    row = conn.execute("SELECT * FROM respondent WHERE id = ?", (respondent_id,)).fetchone()
    if row is not None:
        SuppressionList(vault).add_respondent(Respondent.from_row(row), now=now)
        case_events.objection_in(conn, respondent_id, now, actor)
    erase_contact(conn, respondent_id, status)


# A call `c` that is its person's latest and set an appointment (the agenda, the people list's filter).
LATEST_CALL_SET_APPOINTMENT = ("c.appointment_at IS NOT NULL "
                               "AND c.id = (SELECT max(id) FROM call_attempt WHERE respondent_id = c.respondent_id)")

# What erasing a person's contact data sets: the row and its sample id stay (they stop a new
# contact), everything else goes. The one statement of it (erase_contact, the sync's purge).
ERASE_CONTACT = ", ".join(f"{c} = NULL" for c in CONTACT_COLUMNS) + ", attributes_json = '{}'"


def erase_contact(conn: Any, respondent_id: int, status: str) -> None:
    """Keep only the row and its sample id (what stops a new contact); erase everything else."""
    conn.execute(f"UPDATE respondent SET {ERASE_CONTACT}, status = ? WHERE id = ?", (status, respondent_id))


def _folded_words(text: str) -> list[str]:
    from etudes_desktop.core.free_text import fold

    return sorted(w for w in "".join(c if c.isalnum() else " " for c in fold(text)).split())


def _refuse_name_in_pseudonym(display_name: str, pseudonym: str) -> None:
    """The pseudonym travels with every interview and the audit log: never the real name in it
    (case, accents and separators ignored; names of one or two letters are not looked for)."""
    from etudes_desktop.core.free_text import fold

    compact = "".join(c for c in fold(pseudonym) if c.isalnum())
    for word in _folded_words(display_name):
        if len(word) >= 3 and word in compact:
            raise EtudesError("le pseudonyme ne doit contenir ni votre nom ni votre prénom : "
                              "choisissez un code (par exemple ENQ-07)")


def _product_code(text: str) -> bool:
    from etudes_desktop.core.nir import is_product_code

    return is_product_code(text)


def _refuse_nir(*texts: str) -> None:
    from etudes_desktop.core import nir  # the shared detector (core/nir.py)

    for text in texts:
        if nir.contains_nir(text):
            raise EtudesError(nir.NIR_REFUSED_MESSAGE)
