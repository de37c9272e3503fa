"""Interview lifecycle, consent records and phone dispositions: the rules, no storage."""

from __future__ import annotations

import hashlib
from datetime import datetime
from enum import StrEnum

from pydantic import BaseModel, ConfigDict

from etudes_desktop.core.calls.dispositions import BY_KEY, DISPOSITIONS
from etudes_desktop.core.errors import EtudesError


class Mode(StrEnum):
    """How answers are collected (the register's five modes)."""

    FACE_TO_FACE = "face_to_face"
    PHONE = "phone"
    PAPER = "paper"
    GROUP = "group"
    INTERNET = "internet"


MODE_LABELS_FR = {
    Mode.FACE_TO_FACE: "Face à face",
    Mode.PHONE: "Téléphone",
    Mode.PAPER: "Saisie d'un questionnaire papier",
    Mode.GROUP: "Groupe",
    Mode.INTERNET: "Internet",
}


class State(StrEnum):
    DRAFT = "draft"
    COMPLETED = "completed"
    SENDING = "sending"
    ACKNOWLEDGED = "acknowledged"
    PURGED = "purged"
    OBJECTED = "objected"
    ABANDONED = "abandoned"
    REJECTED = "rejected"
    CONFLICT = "conflict"


# Which state may follow which. Everything else is refused.
TRANSITIONS: dict[State, frozenset[State]] = {
    State.DRAFT: frozenset({State.COMPLETED, State.OBJECTED, State.ABANDONED}),
    # REJECTED from here: refused on the laptop, never sent (its content may not leave as it is)
    State.COMPLETED: frozenset({State.SENDING, State.REJECTED}),
    State.OBJECTED: frozenset({State.SENDING, State.REJECTED}),
    State.SENDING: frozenset({State.ACKNOWLEDGED, State.REJECTED, State.CONFLICT, State.COMPLETED, State.OBJECTED}),
    State.ACKNOWLEDGED: frozenset({State.PURGED}),
    State.REJECTED: frozenset({State.SENDING}),
    State.CONFLICT: frozenset({State.SENDING}),
    State.PURGED: frozenset(),
    State.ABANDONED: frozenset(),
}

EDITABLE = frozenset({State.DRAFT})

# Named sets of states: the one place that says which interviews count as what. Lists, counters,
# the sync engine, rights and the command line read these (never their own list of strings).
OPEN = EDITABLE  # a draft: the interviewer may still answer
WAITING_SYNC = frozenset({State.COMPLETED, State.OBJECTED, State.SENDING})  # what the next sync sends
TO_SEND = frozenset({State.COMPLETED, State.OBJECTED})  # what a sync puts in a new batch
SYNC_PROBLEMS = frozenset({State.REJECTED, State.CONFLICT})  # refused by the server: stays, with its reason
ANSWERED = frozenset({State.COMPLETED, State.SENDING, State.ACKNOWLEDGED, State.PURGED, State.REJECTED, State.CONFLICT})
ON_SERVER = frozenset({State.ACKNOWLEDGED, State.PURGED})  # the server holds it
# What an objection on this laptop erases: answers that never reached the server (not those on the wire).
UNSENT = frozenset({State.DRAFT, State.COMPLETED, State.REJECTED, State.CONFLICT})
# A person with one of these is not interviewed again (0003's trigger and the start dialog).
CLOSES_THE_PERSON = frozenset(State) - {State.ABANDONED, State.DRAFT}
FINAL = frozenset(s for s, following in TRANSITIONS.items() if not following)


def values(states: frozenset[State]) -> tuple[str, ...]:
    """The states' stored values, sorted (for SQL `IN` parameters)."""
    return tuple(sorted(s.value for s in states))


def check_transition(current: State, target: State) -> None:
    """Refuse a lifecycle step that the rules do not allow."""
    if target not in TRANSITIONS[current]:
        raise EtudesError(f"un entretien à l'état « {current.value} » ne peut pas passer à « {target.value} »")


class Decision(StrEnum):
    AGREES = "agrees"
    OBJECTS = "objects"
    NOT_NOW = "not_now"


DECISION_LABELS_FR = {
    Decision.AGREES: "accepte de répondre",
    Decision.OBJECTS: "s'oppose (droit d'opposition)",
    Decision.NOT_NOW: "pas maintenant",
}


def text_sha256(text: str) -> str:
    """SHA-256 of the exact text shown (UTF-8), as stored in consent and commitment records."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


class ConsentRecord(BaseModel):
    """Proof that the notice was delivered before any question, and what the respondent decided."""

    model_config = ConfigDict(frozen=True)

    notice_id: str
    notice_version: str
    text_sha256: str
    mode: Mode
    interviewer: str
    delivered_at: datetime
    decided_at: datetime | None = None
    decision: Decision | None = None


class CallOutcome(StrEnum):
    """The outcomes the call dialog offers first (digits 1-9), in that order; every other recordable
    disposition of core.calls.dispositions is offered too, and accepted wherever a CallOutcome is."""

    NO_ANSWER = "no_answer"
    BUSY = "busy"
    ANSWERING_MACHINE = "answering_machine"
    WRONG_NUMBER = "wrong_number"
    APPOINTMENT = "appointment"
    REFUSAL = "refusal"
    SOFT_APPOINTMENT = "soft_appointment"
    SOFT_REFUSAL = "soft_refusal"
    NOT_ELIGIBLE = "not_eligible"


CALL_OUTCOME_LABELS_FR = {outcome: BY_KEY[outcome.value].label_fr for outcome in CallOutcome}

# AAPOR Standard Definitions (telephone), as interim or final dispositions: core.calls.dispositions.
AAPOR_CODES: dict[str, str] = {d.key: d.aapor for d in DISPOSITIONS}


def aapor_code(outcome: str) -> str:
    """The AAPOR disposition code for a call outcome or interview end."""
    try:
        return AAPOR_CODES[outcome]
    except KeyError:
        raise EtudesError(f"issue d'appel inconnue : {outcome}") from None
