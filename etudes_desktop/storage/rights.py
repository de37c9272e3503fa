"""Rights requests of the register: access, rectification, objection — for one person.

The person is named by study and sample id. Each request leaves an audit entry with ids and
counts only; the access export itself is for the person and is written only where asked.
"""

from __future__ import annotations

import json
import re
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from etudes_desktop.core import nir
from etudes_desktop.core.errors import EtudesError
from etudes_desktop.core.interview import ON_SERVER, UNSENT, State, values
from etudes_desktop.core.sample_values import CONVERTERS, InvalidValue
from etudes_desktop.paths import open_private, private_dir
from etudes_desktop.storage import audit
from etudes_desktop.storage.handle import VaultHandle
from etudes_desktop.storage.interviews import suppress_and_erase
from etudes_desktop.storage.respondents import Respondent, RespondentRepository

RECTIFIABLE = tuple(name for name in CONVERTERS if name != "sample_id")
UNSENT_STATES = values(UNSENT)

FIELD_LABELS_FR = {
    "sample_id": "Identifiant d'échantillon", "title": "Civilité", "last_name": "Nom", "first_name": "Prénom",
    "sex": "Sexe", "age": "Âge", "birth_date": "Date de naissance", "address": "Adresse", "postcode": "Code postal",
    "town": "Commune", "phone": "Téléphone", "phone2": "Téléphone 2", "email": "E-mail", "profession": "Profession",
}


def _now(now: datetime | None) -> datetime:
    return now or datetime.now(UTC)


def find(vault: VaultHandle, study_id: str, sample_id: str) -> Respondent:
    person = RespondentRepository(vault).by_sample_id(study_id, sample_id)
    if person is None:
        raise EtudesError(f"aucune personne d'identifiant « {sample_id} » dans l'étude {study_id}")
    return person


def access(vault: VaultHandle, study_id: str, sample_id: str, actor: str | None = None,
           now: datetime | None = None) -> dict[str, Any]:
    """Everything this laptop holds about one person."""
    person = find(vault, study_id, sample_id)
    conn = vault.conn
    interviews = []
    for row in conn.execute("SELECT * FROM interview WHERE respondent_id = ? ORDER BY created_at", (person.id,)):
        consents = [dict(c) for c in conn.execute(
            "SELECT notice_id, notice_version, text_sha256, mode, interviewer, delivered_at, decided_at, decision "
            "FROM consent WHERE interview_id = ? ORDER BY id", (row["id"],))]
        answers = {a["name"]: json.loads(a["value_json"]) for a in conn.execute(
            "SELECT name, value_json FROM answer WHERE interview_id = ? ORDER BY name", (row["id"],))}
        tombstone = conn.execute("SELECT content_sha256, receipt_status, purged_at FROM tombstone WHERE interview_id = ?",
                                 (row["id"],)).fetchone()
        interviews.append({
            "id": row["id"], "mode": row["mode"], "state": row["state"], "created_at": row["created_at"],
            "completed_at": row["completed_at"], "consents": consents, "answers": answers,
            "sync_tombstone": dict(tombstone) if tombstone else None,
        })
    # Interviews sent to the collection server and erased from this laptop: only their trace is here.
    sent = [dict(t) for t in conn.execute(
        "SELECT mode, completed_at, purged_at FROM tombstone WHERE respondent_id = ? ORDER BY purged_at",
        (person.id,))]
    calls = [dict(c) for c in conn.execute(
        "SELECT at, outcome, aapor_code, appointment_at FROM call_attempt WHERE respondent_id = ? ORDER BY id",
        (person.id,))]
    contact = {name: getattr(person, name) for name in FIELD_LABELS_FR}
    with vault.transaction() as tx:
        audit.record(tx, _now(now), "rights_access", actor, [study_id, f"respondent:{person.id}"],
                     {"interviews": len(interviews)})
    return {"study": study_id, "status": person.status, "contact": contact, "attributes": person.attributes,
            "interviews": interviews, "sent_and_erased": sent, "call_attempts": calls}


MODE_WORDS = {"face_to_face": "en face à face", "phone": "par téléphone", "paper": "sur questionnaire papier",
              "group": "en groupe", "internet": "par internet"}
STATE_WORDS = {"draft": "en cours, pas terminé", "completed": "terminé, pas encore transmis",
               "sending": "en cours d'envoi au serveur de collecte", "acknowledged": "transmis au serveur de collecte",
               "purged": "transmis au serveur de collecte", "objected": "vous vous êtes opposé(e) : aucune question posée",
               "abandoned": "arrêté à votre demande, réponses effacées", "rejected": "refusé par le serveur de collecte",
               "conflict": "en attente de vérification par le serveur de collecte"}
DECISION_WORDS = {"agrees": "vous avez accepté de répondre", "objects": "vous vous êtes opposé(e) au traitement"}
OUTCOME_WORDS = {"no_answer": "pas de réponse", "busy": "ligne occupée", "answering_machine": "répondeur",
                 "wrong_number": "mauvais numéro", "appointment": "rendez-vous pris", "refusal": "refus",
                 "interview": "entretien"}
SPECIAL_WORDS = {"_dk": "ne sait pas", "_rf": "refus de répondre"}


def _when(moment: str | None) -> str:
    """An ISO moment as the person reads it: 05/12/2026 à 14:30 (local time of this laptop)."""
    if not moment:
        return ""
    try:
        parsed = datetime.fromisoformat(str(moment).replace("Z", "+00:00"))
    except ValueError:
        return str(moment)
    if parsed.tzinfo is not None:
        parsed = parsed.astimezone()
    return parsed.strftime("%d/%m/%Y à %H:%M")


def access_text(data: dict[str, Any]) -> str:
    """The access export as a document the person can read: in their words (no internal codes),
    with dates, including what was sent to the collection server."""
    lines = [f"Données détenues sur ce poste — étude {data['study']}", "", "Coordonnées :"]
    lines += [f"  {FIELD_LABELS_FR[k]} : {v}" for k, v in data["contact"].items() if v not in (None, "")]
    if not any(v not in (None, "") for v in data["contact"].values()):
        lines.append("  (effacées de ce poste)")
    if data["attributes"]:
        lines += ["", "Autres informations fournies :"] + [f"  {k} : {v}" for k, v in data["attributes"].items()]
    lines += ["", f"Entretiens : {len(data['interviews'])}"]
    for item in data["interviews"]:
        mode = MODE_WORDS.get(item["mode"], item["mode"])
        lines.append(f"  - commencé le {_when(item['created_at'])} {mode} : "
                     f"{STATE_WORDS.get(item['state'], item['state'])}")
        if item.get("completed_at"):
            lines.append(f"    terminé le {_when(item['completed_at'])}")
        for consent in item["consents"]:
            lines.append(f"    mention d'information (version {consent['notice_version']}) lue le "
                         f"{_when(consent['delivered_at'])} : "
                         f"{DECISION_WORDS.get(consent['decision'], consent['decision'])}")
        lines += [f"    {name} : {SPECIAL_WORDS.get(value, value) if isinstance(value, str) else value}"
                  for name, value in item["answers"].items()]
        if item["state"] in values(ON_SERVER | {State.SENDING}):
            lines.append("    ces réponses ont été transmises au serveur de collecte")
        if item["sync_tombstone"]:
            lines.append(f"    réponses transmises au serveur de collecte, puis effacées de ce poste le "
                         f"{_when(item['sync_tombstone'].get('purged_at'))}")
    if data.get("sent_and_erased"):
        lines += ["", "Entretiens transmis au serveur de collecte puis effacés de ce poste :"]
        for item in data["sent_and_erased"]:
            mode = MODE_WORDS.get(item.get("mode") or "", "")
            done = f"terminé le {_when(item['completed_at'])} {mode}".strip() if item.get("completed_at") else mode
            lines.append(f"  - {done + ', ' if done else ''}transmis et effacé de ce poste le {_when(item['purged_at'])} ; "
                         "les réponses sont au serveur de collecte, plus sur ce poste")
    if data["call_attempts"]:
        lines += ["", "Appels :"]
        for call in data["call_attempts"]:
            line = f"  {_when(call['at'])} : {OUTCOME_WORDS.get(call['outcome'], call['outcome'])}"
            if call.get("appointment_at"):
                line += f" (rendez-vous le {_when(call['appointment_at'])})"
            lines.append(line)
    return "\n".join(lines) + "\n"


class RectificationRefused(EtudesError):
    """Some of the corrections are invalid: all of them are named, nothing was changed."""

    def __init__(self, problems: dict[str, str]) -> None:
        self.problems = problems
        super().__init__(" ; ".join(f"{FIELD_LABELS_FR.get(n, n)} : {m}" for n, m in problems.items()))


def rectify(vault: VaultHandle, study_id: str, sample_id: str, changes: dict[str, str], actor: str | None = None,
            now: datetime | None = None) -> Respondent:
    """Correct contact fields (validated as at import, NIR refused); audited by field name only."""
    person = find(vault, study_id, sample_id)
    if person.status in ("objected", "erased"):
        raise EtudesError("les coordonnées de cette personne ont été effacées")
    values: dict[str, object] = {}
    problems: dict[str, str] = {}  # every refused field at once, not the first only
    for name, raw in changes.items():
        if name not in RECTIFIABLE:
            raise EtudesError(f"champ non modifiable : {name} (modifiables : {', '.join(RECTIFIABLE)})")
        if nir.contains_nir(raw):
            problems[name] = nir.NIR_REFUSED_MESSAGE
            continue
        try:
            values[name] = CONVERTERS[name](raw.strip())  # phones normalised as the import does
        except InvalidValue as exc:
            problems[name] = str(exc)
    if problems:
        raise RectificationRefused(problems)
    if not values:
        raise EtudesError("aucune modification demandée")
    with vault.transaction() as conn:
        conn.execute(f"UPDATE respondent SET {', '.join(f'{n} = ?' for n in values)} WHERE id = ?",
                     (*values.values(), person.id))
        audit.record(conn, _now(now), "rights_rectification", actor, [study_id, f"respondent:{person.id}"],
                     {"fields": len(values)})
    return find(vault, study_id, sample_id)


def object_to_processing(vault: VaultHandle, study_id: str, sample_id: str, actor: str | None = None,
                         now: datetime | None = None) -> dict[str, int]:
    """Erase contact data and unsent answers, add to the suppression list, record the request."""
    person = find(vault, study_id, sample_id)
    moment = _now(now)
    with vault.transaction() as conn:
        marks = ",".join("?" * len(UNSENT_STATES))
        unsent = [r[0] for r in conn.execute(
            f"SELECT id FROM interview WHERE respondent_id = ? AND state IN ({marks})", (person.id, *UNSENT_STATES))]
        answers = 0
        for interview_id in unsent:
            answers += conn.execute("DELETE FROM answer WHERE interview_id = ?", (interview_id,)).rowcount
            conn.execute("DELETE FROM interview WHERE id = ?", (interview_id,))
        conn.execute("DELETE FROM call_attempt WHERE respondent_id = ?", (person.id,))
        suppress_and_erase(vault, conn, person.id, status="objected", now=moment, actor=actor)
        counts = {"interviews_erased": len(unsent), "answers_erased": answers}
        audit.record(conn, moment, "rights_objection", actor, [study_id, f"respondent:{person.id}"], counts)
    vault.checkpoint()
    return counts


def write_access_export(data: dict[str, Any], folder: Path, sample_id: str) -> tuple[Path, Path]:
    """Write the access document as .txt and .json, readable by the owner only (0600, in a folder
    made 0700 when created here); the sample id is reduced to letters, digits, - and _ so that no
    id (« A/../../evil ») can write elsewhere. Returns both paths. The dialog and the command line
    both call this one function."""
    if not str(sample_id).strip():
        raise EtudesError("numéro d'échantillon vide")
    folder = Path(folder)
    if not folder.exists():
        private_dir(folder)
    elif not folder.is_dir():
        raise EtudesError("l'export doit être écrit dans un dossier")
    safe = re.sub(r"[^0-9A-Za-z_-]", "_", str(sample_id))[:80]
    outputs = ((folder / f"acces-{safe}.txt", access_text(data)),
               (folder / f"acces-{safe}.json", json.dumps(data, ensure_ascii=False, indent=2) + "\n"))
    for path, text in outputs:
        with open_private(path, "w", encoding="utf-8") as handle:
            handle.write(text)
    return outputs[0][0], outputs[1][0]
