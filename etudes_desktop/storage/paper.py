"""Paper questionnaires keyed in batches: batches, numbered forms, the notice decision read from
the paper, the first keying (core.paper holds the rules; storage.paper_verify the double entry).

Each form whose notice box was ticked is one interview of mode `paper`: its decision is that
interview's consent, recorded through the interview store like any other (an objection takes the
one objection path). A form whose box was not ticked is set aside: no interview, no answer. The
interview is completed, and so synced, only once the form is verified (or was not picked).
"""

from __future__ import annotations

import datetime as _dt
import json
import re
import secrets
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from enum import StrEnum
from typing import Any

from etudes_desktop.core.errors import EtudesError
from etudes_desktop.core.interview import ConsentRecord, Decision, Mode
from etudes_desktop.core.paper.verification import Rate, RateKind
from etudes_desktop.core.questionnaire import Questionnaire
from etudes_desktop.core.study import StudyPackage
from etudes_desktop.storage import audit
from etudes_desktop.storage.handle import VaultHandle
from etudes_desktop.storage.interviews import InterviewStore

Clock = Callable[[], datetime]
_NUMBER = re.compile(r"^[A-Za-z0-9][A-Za-z0-9\-]{0,11}$")
SET_ASIDE_NOT_TICKED = "not_ticked"
SET_ASIDE_REASONS_FR = {SET_ASIDE_NOT_TICKED: "case de la mention non cochée : le questionnaire ne peut pas être saisi"}


class PaperNotice(StrEnum):
    """The respondent's decision as ticked on page 1 of the paper form."""

    AGREES = "agrees"
    OBJECTS = "objects"
    NOT_TICKED = "not_ticked"


def _utc_now() -> datetime:
    return datetime.now(UTC)


def _iso(moment: datetime) -> str:
    return moment.astimezone(UTC).isoformat()


@dataclass(frozen=True)
class Batch:
    id: str
    study_id: str
    operator: str
    keyed_on: str
    rate: Rate
    forms: int


@dataclass(frozen=True)
class Form:
    id: int
    batch_id: str
    study_id: str
    number: str
    position: int
    interview_id: str | None
    notice: PaperNotice
    state: str
    set_aside_reason: str | None
    verify: bool
    keyer: str
    verifier: str | None


def _form(row: Any) -> Form:
    return Form(id=row["id"], batch_id=row["batch_id"], study_id=row["study_id"], number=row["form_number"],
                position=row["position"], interview_id=row["interview_id"], notice=PaperNotice(row["notice"]),
                state=row["state"], set_aside_reason=row["set_aside_reason"], verify=bool(row["verify"]),
                keyer=row["keyer"], verifier=row["verifier"])


def check_number(text: str) -> str:
    """A form number as printed in its box: letters, digits and hyphens, 12 at most."""
    number = text.strip()
    if not number:
        raise EtudesError("Saisissez le numéro du questionnaire (la case en haut de la première page).")
    if not _NUMBER.match(number):
        raise EtudesError("Le numéro du questionnaire tient en 12 chiffres ou lettres au plus (tiret permis).")
    return number.upper()


def next_number(number: str) -> str:
    """The number after this one, zeros kept (« 0041 » -> « 0042 », « A-07 » -> « A-08 »)."""
    match = re.search(r"(\d+)$", number)
    if match is None:
        return ""
    digits = match.group(1)
    return number[: match.start()] + str(int(digits) + 1).zfill(len(digits))


class PaperService:
    """Keying batches over an open vault (no Qt; the paper screens call it)."""

    def __init__(self, vault: VaultHandle, clock: Clock = _utc_now) -> None:
        self._vault = vault
        self._clock = clock
        self.interviews = InterviewStore(vault, clock)

    # -- the study's rate of double entry -------------------------------------------------------
    def study_rate(self, study_id: str) -> Rate:
        row = self._vault.conn.execute("SELECT * FROM paper_rate WHERE study_id = ?", (study_id,)).fetchone()
        return Rate(RateKind(row["kind"]), row["value"], row["seed"]) if row else Rate(seed=0)

    def set_study_rate(self, study_id: str, rate: Rate) -> None:
        with self._vault.transaction() as conn:
            self._study(conn, study_id)
            conn.execute("INSERT INTO paper_rate (study_id, kind, value, seed) VALUES (?, ?, ?, ?) ON CONFLICT "
                         "(study_id) DO UPDATE SET kind = excluded.kind, value = excluded.value, seed = excluded.seed",
                         (study_id, rate.kind.value, rate.value, rate.seed))

    # -- batches --------------------------------------------------------------------------------
    def create_batch(self, study_id: str, operator: str, keyed_on: _dt.date, rate: Rate | None = None) -> str:
        if not operator.strip():
            raise EtudesError("le pseudonyme de l'opérateur est obligatoire")
        batch_id = str(uuid.uuid4())
        rate = rate or self.study_rate(study_id)
        seed = rate.seed or secrets.randbits(31)
        with self._vault.transaction() as conn:
            self._study(conn, study_id)
            conn.execute("INSERT INTO paper_batch (id, study_id, operator, keyed_on, rate_kind, rate_value, seed, "
                         "created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                         (batch_id, study_id, operator, keyed_on.isoformat(), rate.kind.value, rate.value, seed,
                          _iso(self._clock())))
            audit.record(conn, self._clock(), "paper_batch_created", operator, [batch_id])
        return batch_id

    def set_batch_rate(self, batch_id: str, rate: Rate) -> None:
        """Change the rate for the forms keyed from now on (those already keyed keep their pick)."""
        with self._vault.transaction() as conn:
            batch = self.batch(batch_id)
            conn.execute("UPDATE paper_batch SET rate_kind = ?, rate_value = ?, seed = ? WHERE id = ?",
                         (rate.kind.value, rate.value, rate.seed or batch.rate.seed, batch_id))

    def batch(self, batch_id: str) -> Batch:
        row = self._vault.conn.execute(
            "SELECT b.*, (SELECT count(*) FROM paper_form f WHERE f.batch_id = b.id) AS forms FROM paper_batch b "
            "WHERE b.id = ?", (batch_id,)).fetchone()
        if row is None:
            raise EtudesError("lot de saisie introuvable")
        return _batch(row)

    def batches(self, study_id: str) -> list[Batch]:
        rows = self._vault.conn.execute(
            "SELECT b.*, (SELECT count(*) FROM paper_form f WHERE f.batch_id = b.id) AS forms FROM paper_batch b "
            "WHERE b.study_id = ? ORDER BY b.keyed_on DESC, b.created_at DESC", (study_id,)).fetchall()
        return [_batch(r) for r in rows]

    # -- forms ----------------------------------------------------------------------------------
    def form(self, form_id: int) -> Form:
        row = self._vault.conn.execute("SELECT * FROM paper_form WHERE id = ?", (form_id,)).fetchone()
        if row is None:
            raise EtudesError("questionnaire introuvable")
        return _form(row)

    def forms(self, batch_id: str) -> list[Form]:
        rows = self._vault.conn.execute("SELECT * FROM paper_form WHERE batch_id = ? ORDER BY position",
                                        (batch_id,)).fetchall()
        return [_form(r) for r in rows]

    def proposed_number(self, batch_id: str) -> str:
        """The number after the last form keyed in the batch (empty for the first)."""
        row = self._vault.conn.execute("SELECT form_number FROM paper_form WHERE batch_id = ? ORDER BY position DESC "
                                       "LIMIT 1", (batch_id,)).fetchone()
        return next_number(row["form_number"]) if row else ""

    def number_taken(self, study_id: str, number: str) -> bool:
        return self._vault.conn.execute("SELECT 1 FROM paper_form WHERE study_id = ? AND form_number = ?",
                                        (study_id, number)).fetchone() is not None

    def open_form(self, batch_id: str, number_text: str, notice: PaperNotice, package: StudyPackage) -> Form:
        """A numbered form and the decision ticked on its page 1: the consent of its interview
        (agrees: keying follows; objects: the objection, nothing else); not ticked: set aside."""
        number = check_number(number_text)
        batch = self.batch(batch_id)
        now = self._clock()
        with self._vault.transaction() as conn:
            if self.number_taken(batch.study_id, number):
                raise EtudesError(f"Le questionnaire n° {number} a déjà été saisi pour cette étude : vérifiez le "
                                  "numéro (chaque questionnaire n'est saisi qu'une fois).")
            interview_id = None
            state, reason = "keying", None
            if notice is PaperNotice.NOT_TICKED:
                state, reason = "set_aside", SET_ASIDE_NOT_TICKED
            else:
                interview_id = self.interviews.start(batch.study_id, package.version, Mode.PAPER)
                decision = Decision.AGREES if notice is PaperNotice.AGREES else Decision.OBJECTS
                self.interviews.record_consent(interview_id, ConsentRecord(
                    notice_id=package.notice.id, notice_version=package.notice.version,
                    text_sha256=package.notice.sha256, mode=Mode.PAPER, interviewer=batch.operator,
                    delivered_at=now, decided_at=now, decision=decision))
                if notice is PaperNotice.OBJECTS:
                    state = "done"
            position = conn.execute("SELECT coalesce(max(position), 0) + 1 FROM paper_form WHERE batch_id = ?",
                                    (batch_id,)).fetchone()[0]
            closed = _iso(now) if state != "keying" else None
            cursor = conn.execute(
                "INSERT INTO paper_form (batch_id, study_id, form_number, position, interview_id, notice, state, "
                "set_aside_reason, keyer, first_started_at, first_saved_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (batch_id, batch.study_id, number, position, interview_id, notice.value, state, reason,
                 batch.operator, _iso(now), closed))
            if state == "set_aside":
                audit.record(conn, now, "paper_form_set_aside", batch.operator, [batch_id], {"not_ticked": 1})
        return self.form(int(cursor.lastrowid))

    def save_first(self, form_id: int, name: str, value: Any) -> None:
        """One field of the first keying, committed (through the interview store's checks). The
        interview row is left alone (a form is resumed at its first field, its values shown): it
        is touched when the form is finished."""
        form = self._keying(form_id, "keying")
        self.interviews.save_answer(str(form.interview_id), name, value, touch=False)

    def first_values(self, form_id: int) -> dict[str, Any]:
        form = self.form(form_id)
        return self.interviews.answers(form.interview_id) if form.interview_id else {}

    def finish_first(self, form_id: int, questionnaire: Questionnaire) -> Form:
        """The form's last field is keyed: hidden answers dropped, the pick for verification made
        by the batch's rate; a form not picked is completed at once (it goes with the next sync)."""
        form = self._keying(form_id, "keying")
        batch = self.batch(form.batch_id)
        interview_id = str(form.interview_id)
        shown = visible_fields(questionnaire, self.interviews.answers(interview_id))
        picked = batch.rate.picks(batch.id, form.position)
        with self._vault.transaction() as conn:
            drop_hidden(conn, "answer", interview_id, shown)
            conn.execute("UPDATE interview SET updated_at = ? WHERE id = ?", (_iso(self._clock()), interview_id))
            conn.execute("UPDATE paper_form SET state = ?, verify = ?, first_saved_at = ?, first_fields = ? "
                         "WHERE id = ?", ("keyed" if picked else "done", int(picked), _iso(self._clock()),
                                          len(shown), form_id))
            if not picked:
                self.interviews.complete(interview_id, {})
        return self.form(form_id)

    # -- internals ------------------------------------------------------------------------------
    def _keying(self, form_id: int, state: str) -> Form:
        form = self.form(form_id)
        if form.state != state or form.interview_id is None:
            raise EtudesError("ce questionnaire n'est plus en saisie")
        return form

    @staticmethod
    def _study(conn: Any, study_id: str) -> None:
        if conn.execute("SELECT 1 FROM study WHERE id = ?", (study_id,)).fetchone() is None:
            raise EtudesError("étude introuvable")


def _batch(row: Any) -> Batch:
    return Batch(id=row["id"], study_id=row["study_id"], operator=row["operator"], keyed_on=row["keyed_on"],
                 rate=Rate(RateKind(row["rate_kind"]), row["rate_value"], row["seed"]), forms=row["forms"])


def visible_fields(questionnaire: Questionnaire, values: dict[str, Any]) -> list[str]:
    """The questions a person answers with these values (skip logic applied), in order."""
    from etudes_desktop.core.session import Session

    session = Session(questionnaire, answers=values)
    return [k for k in session.visible_keys() if session.item(k).is_input]


def drop_hidden(conn: Any, table: str, interview_id: str, shown: list[str]) -> None:
    """Values of questions the skip logic hides are not kept (as the interview screen does)."""
    conn.execute(f"DELETE FROM {table} WHERE interview_id = ? AND name NOT IN (SELECT value FROM json_each(?))",
                 (interview_id, json.dumps(shown)))
