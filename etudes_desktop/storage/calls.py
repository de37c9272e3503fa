"""The phone scheduler over the vault: record a call, choose the next person to call, the rates.

The rules are core's (core.calls); this module reads and writes `call_attempt` and `call_plan`.
Every public write is one transaction. "Appel suivant" first re-plans the people the vault
marked stale (a new call, a new person, a moved person, an interview, new rules), then reads one
index entry per territory in a calling window now, per rank and per time-of-day mask.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from etudes_desktop.core.calls import rates as core_rates
from etudes_desktop.core.calls.dispositions import BY_KEY, Disposition, recordable
from etudes_desktop.core.calls.plan import (
    Attempt,
    NextCall,
    Plan,
    Rank,
    check_appointment,
    masks_with,
    plan_for,
    stamp,
)
from etudes_desktop.core.calls.rules import CallingRules
from etudes_desktop.core.calls.territory import TERRITORIES, Territory, local_time, territory_of
from etudes_desktop.core.calls.windows import is_open, next_open
from etudes_desktop.core.errors import EtudesError
from etudes_desktop.core.interview import ANSWERED, State
from etudes_desktop.storage import case_events
from etudes_desktop.storage.handle import VaultHandle

Clock = Callable[[], datetime]
CONTACTABLE = ("to_contact", "in_progress")
OBJECTED = ("objected", "erased", "do_not_contact")
_MAX_SKIPPED = 200  # stale candidates closed on the way before giving up (never reached in practice)


def _utc_now() -> datetime:
    return datetime.now(UTC)


def _parse(text: str | None) -> datetime | None:
    if not text:
        return None
    moment = datetime.fromisoformat(text.replace("Z", "+00:00"))
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


@dataclass(frozen=True)
class PersonPlace:
    """Where a person is for the phone, and their time now."""

    territory: Territory
    local_now: datetime
    open_now: bool
    next_open: datetime | None


class CallService:
    """Calls of one vault (no Qt; the GUI and the command line call it)."""

    def __init__(self, vault: VaultHandle, clock: Clock = _utc_now) -> None:
        self._vault = vault
        self._clock = clock
        self._rules: dict[str, tuple[str, CallingRules]] = {}

    # -- rules and places ---------------------------------------------------------------------
    def rules(self, study_id: str) -> CallingRules:
        """The study's calling rules (its package's `calling`, else the defaults)."""
        row = self._vault.conn.execute(
            "SELECT imported_at, json_extract(package_json, '$.calling') FROM study WHERE id = ?", (study_id,)
        ).fetchone()
        if row is None:
            raise EtudesError(f"étude inconnue sur ce poste : {study_id}")
        cached = self._rules.get(study_id)
        if cached is None or cached[0] != row[0]:
            cached = (row[0], CallingRules.model_validate_json(row[1]) if row[1] else CallingRules())
            self._rules[study_id] = cached
        return cached[1]

    def territory(self, respondent_id: int) -> Territory:
        """The person's territory (from their commune, département or postcode)."""
        row = self._vault.conn.execute("SELECT postcode, attributes_json FROM respondent WHERE id = ?",
                                       (respondent_id,)).fetchone()
        if row is None:
            raise EtudesError("répondant introuvable")
        return _territory(row["postcode"], row["attributes_json"])

    def place(self, study_id: str, respondent_id: int, now: datetime | None = None) -> PersonPlace:
        """The person's territory, local time, and whether they may be called now (else when)."""
        moment = (now or self._clock()).astimezone(UTC)
        territory, rules = self.territory(respondent_id), self.rules(study_id)
        return PersonPlace(territory, local_time(territory, moment), is_open(rules, territory, moment),
                           next_open(rules, territory, moment))

    # -- recording a call -----------------------------------------------------------------------
    def record(self, study_id: str, respondent_id: int, disposition: str, interviewer: str, *,
               at: datetime | None = None, duration_seconds: int | None = None,
               appointment_at: datetime | None = None) -> int:
        """One call and how it ended; refused when an appointment could not be kept by the rules."""
        found = recordable(disposition)
        moment = (at or self._clock()).astimezone(UTC)
        if found.appointment is not None and appointment_at is None:
            raise EtudesError("indiquez la date et l'heure du rendez-vous")
        if duration_seconds is not None and not 0 <= duration_seconds <= 24 * 3600:
            raise EtudesError("durée d'appel impossible (de 0 à 24 heures)")
        appointment = appointment_at if found.appointment is not None else None
        rules = self.rules(study_id)
        with self._vault.transaction() as conn:
            person = conn.execute("SELECT study_id, status, postcode, attributes_json FROM respondent WHERE id = ?",
                                  (respondent_id,)).fetchone()
            if person is None or person["study_id"] != study_id:
                raise EtudesError("répondant introuvable dans cette étude")
            if person["status"] in OBJECTED:
                raise EtudesError("cette personne ne doit plus être appelée pour cette étude")
            territory = _territory(person["postcode"], person["attributes_json"])
            history = [*_history(conn, respondent_id), Attempt(moment, found.key, appointment)]
            if appointment is not None and found.appointment is not None:
                check_appointment(history, rules, territory, found.appointment, appointment)
            cursor = conn.execute(
                "INSERT INTO call_attempt (study_id, respondent_id, at, outcome, aapor_code, appointment_at, "
                "appointment_kind, duration_seconds, interviewer) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (study_id, respondent_id, moment.isoformat(), found.key, found.aapor,
                 appointment.isoformat() if appointment else None,
                 found.appointment.value if appointment and found.appointment else None, duration_seconds,
                 interviewer))
            if found.key == "refusal":
                conn.execute("UPDATE respondent SET status = 'do_not_contact' WHERE id = ?", (respondent_id,))
            case_events.record_in(conn, respondent_id, "call", moment, interviewer, disposition=found.key)
            self._replan(conn, rules, respondent_id, territory, history, self._closed(conn, respondent_id))
            return int(cursor.lastrowid)

    def history(self, respondent_id: int) -> list[Attempt]:
        return _history(self._vault.conn, respondent_id)

    # -- the next call --------------------------------------------------------------------------
    def next_call(self, study_id: str, now: datetime | None = None) -> NextCall | None:
        """The person to call now and why; None when no one may be called at this moment."""
        moment = (now or self._clock()).astimezone(UTC)
        rules = self.rules(study_id)
        self.refresh(study_id)
        due = stamp(moment)
        open_now = [t for t in TERRITORIES.values() if is_open(rules, t, moment)]
        if not open_now:
            return None
        conn = self._vault.conn
        for _ in range(_MAX_SKIPPED):
            found = self._first_due(conn, study_id, rules, open_now, moment, due)
            if found is None:
                return None
            respondent_id, rank, territory = found
            if self._still_callable(conn, respondent_id):
                return self._describe(conn, respondent_id, Rank(rank), territory, moment)
            with self._vault.transaction() as write:  # closed meanwhile: never offered again
                write.execute("UPDATE call_plan SET rank = ?, stale = 0 WHERE respondent_id = ?",
                              (int(Rank.CLOSED), respondent_id))
        return None

    def next_opening(self, study_id: str, now: datetime | None = None) -> datetime | None:
        """When some territory of the study's people opens next (for "no one to call now")."""
        moment = (now or self._clock()).astimezone(UTC)
        rules = self.rules(study_id)
        codes = [r[0] for r in self._vault.conn.execute(
            "SELECT DISTINCT territory FROM call_plan WHERE study_id = ? AND rank != ?", (study_id, int(Rank.CLOSED)))]
        openings = [o for o in (next_open(rules, TERRITORIES[c], moment) for c in codes if c in TERRITORIES) if o]
        return min(openings) if openings else None

    def _first_due(self, conn: Any, study_id: str, rules: CallingRules, territories: list[Territory],
                   moment: datetime, due: str) -> tuple[int, int, Territory] | None:
        sql = ("SELECT respondent_id, due_at FROM call_plan INDEXED BY call_plan_next WHERE study_id = ? "
               "AND rank = ? AND territory = ? AND slots = ? AND due_at <= ? ORDER BY due_at, respondent_id LIMIT 1")
        for rank in (Rank.HARD_APPOINTMENT, Rank.SOFT_APPOINTMENT, Rank.RETRY, Rank.FRESH):
            best: tuple[str, int, Territory] | None = None
            for territory in territories:
                masks = [0] if rank < Rank.RETRY else masks_with(rules.slot_of(local_time(territory, moment)), rules)
                for mask in masks:
                    row = conn.execute(sql, (study_id, int(rank), territory.code, mask, due)).fetchone()
                    if row is not None and (best is None or (row[1], row[0]) < (best[0], best[1])):
                        best = (row[1], int(row[0]), territory)
            if best is not None:
                return best[1], int(rank), best[2]
        return None

    @staticmethod
    def _still_callable(conn: Any, respondent_id: int) -> bool:
        row = conn.execute(
            "SELECT status, EXISTS (SELECT 1 FROM interview i WHERE i.respondent_id = r.id AND i.state != 'draft') "
            "FROM respondent r WHERE r.id = ?", (respondent_id,)).fetchone()
        return row is not None and row[0] in CONTACTABLE and not row[1]

    def _describe(self, conn: Any, respondent_id: int, rank: Rank, territory: Territory, moment: datetime) -> NextCall:
        plan = conn.execute("SELECT due_at, attempts FROM call_plan WHERE respondent_id = ?", (respondent_id,)).fetchone()
        sample = conn.execute("SELECT sample_id FROM respondent WHERE id = ?", (respondent_id,)).fetchone()[0]
        last = conn.execute("SELECT at, outcome, appointment_at FROM call_attempt WHERE respondent_id = ? "
                            "ORDER BY id DESC LIMIT 1", (respondent_id,)).fetchone()
        return NextCall(respondent_id, sample, rank, _parse(plan["due_at"]) or moment, territory,
                        local_time(territory, moment), int(plan["attempts"]),
                        last["outcome"] if last else None, _parse(last["at"]) if last else None,
                        _parse(last["appointment_at"]) if last and rank < Rank.RETRY else None)

    # -- plans ------------------------------------------------------------------------------------
    def refresh(self, study_id: str) -> int:
        """Re-plan the study's people the vault marked stale; returns how many."""
        conn = self._vault.conn
        if conn.execute("SELECT 1 FROM call_plan WHERE study_id = ? AND stale = 1 LIMIT 1", (study_id,)).fetchone() is None:
            return 0
        rules = self.rules(study_id)
        with self._vault.transaction() as write:
            people = write.execute(
                "SELECT r.id, r.postcode, r.attributes_json, r.status, EXISTS (SELECT 1 FROM interview i "
                "WHERE i.respondent_id = r.id AND i.state != 'draft') AS interviewed FROM call_plan p "
                "JOIN respondent r ON r.id = p.respondent_id WHERE p.study_id = ? AND p.stale = 1",
                (study_id,)).fetchall()
            histories: dict[int, list[Attempt]] = defaultdict(list)
            for row in write.execute(
                    "SELECT c.respondent_id, c.at, c.outcome, c.appointment_at FROM call_attempt c "
                    "JOIN call_plan p ON p.respondent_id = c.respondent_id WHERE p.study_id = ? AND p.stale = 1 "
                    "ORDER BY c.respondent_id, c.id", (study_id,)):
                histories[row[0]].append(_attempt(row[1], row[2], row[3]))
            updates = []
            for person in people:
                territory = _territory(person["postcode"], person["attributes_json"])
                closed = person["status"] not in CONTACTABLE or bool(person["interviewed"])
                plan = _plan(histories.get(person["id"], []), rules, territory, closed)
                updates.append((territory.code, int(plan.rank), plan.slots, stamp(plan.due_at), plan.attempts,
                                person["id"]))
            write.executemany("UPDATE call_plan SET territory = ?, rank = ?, slots = ?, due_at = ?, attempts = ?, "
                              "stale = 0 WHERE respondent_id = ?", updates)
        return len(updates)

    @staticmethod
    def _closed(conn: Any, respondent_id: int) -> bool:
        return not CallService._still_callable(conn, respondent_id)

    @staticmethod
    def _replan(conn: Any, rules: CallingRules, respondent_id: int, territory: Territory,
                history: list[Attempt], closed: bool) -> None:
        plan = _plan(history, rules, territory, closed)
        conn.execute("UPDATE call_plan SET territory = ?, rank = ?, slots = ?, due_at = ?, attempts = ?, stale = 0 "
                     "WHERE respondent_id = ?",
                     (territory.code, int(plan.rank), plan.slots, stamp(plan.due_at), plan.attempts, respondent_id))

    # -- rates ------------------------------------------------------------------------------------
    def final_dispositions(self, study_id: str) -> dict[int, Disposition]:
        """Each person of the study and their case's final disposition (AAPOR), as of now."""
        conn, rules = self._vault.conn, self.rules(study_id)
        calls: dict[int, list[str]] = defaultdict(list)
        for row in conn.execute("SELECT respondent_id, outcome FROM call_attempt WHERE study_id = ? "
                                "AND respondent_id IS NOT NULL ORDER BY respondent_id, id", (study_id,)):
            calls[row[0]].append(row[1])
        interviews = {row[0]: _interview_outcome(row[1], row[2], row[3], rules) for row in conn.execute(
            "SELECT respondent_id, state, pages_done, pages_total FROM interview WHERE study_id = ? "
            "AND respondent_id IS NOT NULL", (study_id,))}
        for row in conn.execute("SELECT respondent_id, completed_at FROM tombstone WHERE study_id = ? "
                                "AND respondent_id IS NOT NULL", (study_id,)):
            interviews.setdefault(row[0], "complete" if row[1] else "objection")
        return {row[0]: core_rates.case_disposition(calls.get(row[0], []), interviews.get(row[0]), row[1] in OBJECTED)
                for row in conn.execute("SELECT id, status FROM respondent WHERE study_id = ?", (study_id,))}

    def rates(self, study_id: str) -> core_rates.RatesReport:
        """AAPOR's rates for the study (e from its rules, else estimated)."""
        return core_rates.report(self.final_dispositions(study_id).values(), self.rules(study_id).eligibility_rate)


def _plan(history: list[Attempt], rules: CallingRules, territory: Territory, closed: bool) -> Plan:
    plan = plan_for(history, rules, territory)
    if closed and plan.rank is not Rank.CLOSED:
        return Plan(Rank.CLOSED, plan.due_at, 0, plan.attempts, "closed")
    return plan


def _interview_outcome(state: str, done: int | None, total: int | None, rules: CallingRules) -> str:
    if state in {s.value for s in ANSWERED}:
        return "complete"
    if state == State.OBJECTED.value:
        return "objection"
    share = (done or 0) / total if total else 0.0
    return "partial" if share >= rules.partial_share else "break_off"


def _territory(postcode: str | None, attributes_json: str | None) -> Territory:
    try:
        attributes = json.loads(attributes_json or "{}")
    except ValueError:
        attributes = {}
    return territory_of(postcode, attributes if isinstance(attributes, dict) else {})


def _attempt(at: str, outcome: str, appointment_at: str | None) -> Attempt:
    key = outcome if outcome in BY_KEY else "other_unknown"  # a value this version does not know
    return Attempt(_parse(at) or datetime.now(UTC), key, _parse(appointment_at))


def _history(conn: Any, respondent_id: int) -> list[Attempt]:
    return [_attempt(r[0], r[1], r[2]) for r in conn.execute(
        "SELECT at, outcome, appointment_at FROM call_attempt WHERE respondent_id = ? ORDER BY id", (respondent_id,))]
