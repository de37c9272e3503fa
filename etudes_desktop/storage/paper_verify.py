"""Double entry of paper forms: the blind second keying, the differences resolved field by field,
the errors attributed, the operators' figures (core.paper.verification holds the rules).

The verifier's values live in `paper_second`, never in `answer`: the synced interview carries
only the first keying with the resolved values. The interview is completed when its form is
verified: at once when both keyings agree, else once every difference is resolved.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from etudes_desktop.core.errors import EtudesError
from etudes_desktop.core.nir import NIR_REFUSED_MESSAGE, contains_nir
from etudes_desktop.core.paper.verification import OperatorFigures, Resolution, attribute
from etudes_desktop.core.questionnaire import Questionnaire
from etudes_desktop.storage import audit
from etudes_desktop.storage.handle import VaultHandle
from etudes_desktop.storage.paper import Form, PaperService, drop_hidden, visible_fields
from etudes_desktop.storage.write_errors import guarded_write

Clock = Callable[[], datetime]


def _utc_now() -> datetime:
    return datetime.now(UTC)


def _iso(moment: datetime) -> str:
    return moment.astimezone(UTC).isoformat()


@dataclass(frozen=True)
class Difference:
    name: str
    first: Any
    second: Any
    resolution: Resolution | None
    final: Any


def _load(text: str | None) -> Any:
    return None if text is None else json.loads(text)


class DoubleEntry:
    """The verification of picked forms over an open vault."""

    def __init__(self, vault: VaultHandle, clock: Clock = _utc_now) -> None:
        self._vault = vault
        self._clock = clock
        self.paper = PaperService(vault, clock)

    def to_verify(self, study_id: str, verifier: str) -> list[Form]:
        """Forms picked for verification that this operator may key again (never their own)."""
        rows = self._vault.conn.execute(
            "SELECT id FROM paper_form WHERE study_id = ? AND keyer != ? AND (state = 'keyed' OR (state = 'verifying' "
            "AND verifier = ?)) ORDER BY batch_id, position", (study_id, verifier, verifier)).fetchall()
        return [self.paper.form(r["id"]) for r in rows]

    def to_resolve(self, study_id: str) -> list[Form]:
        rows = self._vault.conn.execute("SELECT id FROM paper_form WHERE study_id = ? AND state = 'to_resolve' "
                                        "ORDER BY batch_id, position", (study_id,)).fetchall()
        return [self.paper.form(r["id"]) for r in rows]

    def find(self, study_id: str, number: str) -> Form | None:
        row = self._vault.conn.execute("SELECT id FROM paper_form WHERE study_id = ? AND form_number = ?",
                                       (study_id, number.strip().upper())).fetchone()
        return self.paper.form(row["id"]) if row else None

    # -- the second keying ------------------------------------------------------------------------
    def start(self, form_id: int, verifier: str) -> Form:
        """The verifier begins (or resumes) the blind second keying of a picked form."""
        with self._vault.transaction() as conn:
            form = self.paper.form(form_id)
            if not form.verify or form.state not in ("keyed", "verifying"):
                raise EtudesError(f"Le questionnaire n° {form.number} n'attend pas de double saisie.")
            if verifier == form.keyer:
                raise EtudesError("La double saisie est faite par un autre opérateur que celui qui a saisi ce "
                                  "questionnaire : changez de profil d'opérateur.")
            if form.state == "verifying" and form.verifier != verifier:
                raise EtudesError(f"Le questionnaire n° {form.number} est en cours de vérification par "
                                  f"{form.verifier}.")
            if form.state == "keyed":
                conn.execute("UPDATE paper_form SET state = 'verifying', verifier = ?, second_started_at = ? "
                             "WHERE id = ?", (verifier, _iso(self._clock()), form_id))
        return self.paper.form(form_id)

    def save_second(self, form_id: int, name: str, value: Any) -> None:
        """One field of the second keying, committed (kept apart: never sent)."""
        form = self._in(form_id, "verifying")
        if isinstance(value, str) and contains_nir(value):
            raise EtudesError(NIR_REFUSED_MESSAGE)
        with guarded_write(self._vault) as conn:
            if value is None or value == "" or value == []:
                conn.execute("DELETE FROM paper_second WHERE interview_id = ? AND name = ?", (form.interview_id, name))
            else:
                conn.execute("INSERT INTO paper_second (interview_id, name, value_json) VALUES (?, ?, ?) ON CONFLICT "
                             "(interview_id, name) DO UPDATE SET value_json = excluded.value_json",
                             (form.interview_id, name, json.dumps(value, ensure_ascii=False)))

    def second_values(self, form_id: int) -> dict[str, Any]:
        form = self.paper.form(form_id)
        rows = self._vault.conn.execute("SELECT name, value_json FROM paper_second WHERE interview_id = ?",
                                        (form.interview_id,)).fetchall()
        return {r["name"]: json.loads(r["value_json"]) for r in rows}

    def finish_second(self, form_id: int, questionnaire: Questionnaire) -> Form:
        """The second keying is over: the differences field by field; none, the form is verified."""
        form = self._in(form_id, "verifying")
        interview_id = str(form.interview_id)
        second = self.second_values(form_id)
        first = self.paper.interviews.answers(interview_id)
        shown_second = visible_fields(questionnaire, second)
        shown_first = visible_fields(questionnaire, first)
        order = {n: i for i, n in enumerate(dict.fromkeys(
            sorted(set(shown_first) | set(shown_second), key=lambda k: _rank(questionnaire, k))))}
        with self._vault.transaction() as conn:
            drop_hidden(conn, "paper_second", interview_id, shown_second)
            differing = [n for n in order if (first.get(n) if n in shown_first else None)
                         != (second.get(n) if n in shown_second else None)]
            conn.executemany(
                "INSERT INTO paper_difference (interview_id, name, ord, first_json, second_json) VALUES (?, ?, ?, ?, ?) "
                "ON CONFLICT (interview_id, name) DO NOTHING",
                [(interview_id, n, order[n], _dump(first.get(n) if n in shown_first else None),
                  _dump(second.get(n) if n in shown_second else None)) for n in differing])
            conn.execute("UPDATE paper_form SET state = ?, second_saved_at = ?, second_fields = ? WHERE id = ?",
                         ("to_resolve" if differing else "done", _iso(self._clock()), len(shown_second), form_id))
            if not differing:
                self.paper.interviews.complete(interview_id, {})
            audit.record(conn, self._clock(), "paper_form_verified" if not differing else "paper_form_differences",
                         form.verifier, [], {"differences": len(differing)})
        return self.paper.form(form_id)

    # -- reconciliation ---------------------------------------------------------------------------
    def differences(self, form_id: int) -> list[Difference]:
        form = self.paper.form(form_id)
        rows = self._vault.conn.execute("SELECT * FROM paper_difference WHERE interview_id = ? ORDER BY ord",
                                        (form.interview_id,)).fetchall()
        return [Difference(r["name"], _load(r["first_json"]), _load(r["second_json"]),
                           Resolution(r["resolution"]) if r["resolution"] else None, _load(r["final_json"]))
                for r in rows]

    def resolve(self, form_id: int, name: str, resolution: Resolution, by: str, value: Any = None) -> None:
        """Keep the first keying, the second, or the value keyed again from the paper."""
        form = self._in(form_id, "to_resolve")
        row = self._vault.conn.execute("SELECT first_json, second_json FROM paper_difference WHERE interview_id = ? "
                                       "AND name = ?", (form.interview_id, name)).fetchone()
        if row is None:
            raise EtudesError("cette question ne diffère pas entre les deux saisies")
        if resolution is Resolution.REKEY and isinstance(value, str) and contains_nir(value):
            raise EtudesError(NIR_REFUSED_MESSAGE)
        final = {Resolution.FIRST: _load(row["first_json"]), Resolution.SECOND: _load(row["second_json"])}.get(
            resolution, None if value in ("", []) else value)
        with self._vault.transaction() as conn:
            conn.execute("UPDATE paper_difference SET resolution = ?, final_json = ?, resolved_by = ?, resolved_at = ? "
                         "WHERE interview_id = ? AND name = ?",
                         (resolution.value, _dump(final), by, _iso(self._clock()), form.interview_id, name))

    def finish_resolution(self, form_id: int, questionnaire: Questionnaire, by: str) -> Form:
        """Every difference resolved: the resolved values replace the first keying's, the errors
        are attributed, the interview is completed (it goes with the next sync)."""
        form = self._in(form_id, "to_resolve")
        differences = self.differences(form_id)
        if any(d.resolution is None for d in differences):
            left = sum(1 for d in differences if d.resolution is None)
            raise EtudesError(f"Il reste {left} différence(s) à trancher avant de valider ce questionnaire.")
        interview_id = str(form.interview_id)
        keyer = verifier = 0
        for d in differences:
            k, v = attribute(d.resolution or Resolution.FIRST, d.first, d.second, d.final)
            keyer, verifier = keyer + k, verifier + v
        with self._vault.transaction() as conn:
            for d in differences:
                self.paper.interviews.save_answer(interview_id, d.name, d.final)
            drop_hidden(conn, "answer", interview_id,
                        visible_fields(questionnaire, self.paper.interviews.answers(interview_id)))
            conn.execute("UPDATE paper_form SET state = 'done', keyer_errors = ?, verifier_errors = ? WHERE id = ?",
                         (keyer, verifier, form_id))
            self.paper.interviews.complete(interview_id, {})
            audit.record(conn, self._clock(), "paper_form_resolved", by, [],
                         {"differences": len(differences), "keyer_errors": keyer, "verifier_errors": verifier})
        return self.paper.form(form_id)

    # -- figures ----------------------------------------------------------------------------------
    def figures(self, study_id: str) -> list[OperatorFigures]:
        """Per operator, first and second keyings together: forms, fields, time keying, errors."""
        rows = self._vault.conn.execute(
            "SELECT keyer AS who, first_started_at AS started, first_saved_at AS saved, first_fields AS fields, "
            "keyer_errors AS errors FROM paper_form WHERE study_id = ? AND first_saved_at IS NOT NULL "
            "UNION ALL SELECT verifier, second_started_at, second_saved_at, second_fields, verifier_errors "
            "FROM paper_form WHERE study_id = ? AND second_saved_at IS NOT NULL", (study_id, study_id)).fetchall()
        totals: dict[str, list[float]] = {}
        for r in rows:
            seconds = (datetime.fromisoformat(r["saved"]) - datetime.fromisoformat(r["started"])).total_seconds()
            total = totals.setdefault(r["who"], [0, 0, 0.0, 0])
            total[0] += 1
            total[1] += r["fields"]
            total[2] += max(seconds, 0.0)
            total[3] += r["errors"]
        return [OperatorFigures(who, int(t[0]), int(t[1]), t[2], int(t[3])) for who, t in sorted(totals.items())]

    def _in(self, form_id: int, state: str) -> Form:
        form = self.paper.form(form_id)
        if form.state != state or form.interview_id is None:
            raise EtudesError(f"Le questionnaire n° {form.number} n'est pas à cette étape.")
        return form


def _dump(value: Any) -> str | None:
    return None if value is None else json.dumps(value, ensure_ascii=False)


def _rank(questionnaire: Questionnaire, key: str) -> tuple[int, str]:
    names = [i.name for item in questionnaire.items for i in item.walk()]
    name = key.split("[")[0]
    return (names.index(name) if name in names else len(names), key)
