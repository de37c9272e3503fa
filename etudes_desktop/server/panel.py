"""Import of an online panel's export (CSV or XLSX) as interviews of mode internet.

The columns are the XLSForm's question names plus the panel's consent timestamp. Each row is
given to the engine (core.session) as a laptop's answers are: types, choices, constraints and
required questions, and relevance: an answer to a question the person should not have been
shown is an error. Every cell passes the NIR guard. One problem anywhere refuses the whole file
(nothing imported), listed by line and column in French, never with a cell's value. Bounded as
the sample importer (core.bounded_files). Accepted rows go through `Store.ingest` under the
study's web pseudo-device (server.web.service), with interview ids fixed by the file's content
and the line: importing the same file again stores nothing twice (each row answered "duplicate"). No SQL here.
"""

from __future__ import annotations

import hashlib
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from etudes_desktop.core.bounded_files import TableLimits
from etudes_desktop.core.errors import EtudesError
from etudes_desktop.core.nir import contains_nir
from etudes_desktop.core.plural import count as _n
from etudes_desktop.core.questionnaire import ItemType
from etudes_desktop.core.sample_files import open_table
from etudes_desktop.core.session import Session
from etudes_desktop.core.session.answers import NIR_REFUSED
from etudes_desktop.core.session.graph import CompiledForm
from etudes_desktop.core.study_load import package_from_stored
from etudes_desktop.server.office_store import OfficeStore
from etudes_desktop.server.store import Store, iso
from etudes_desktop.server.web.service import web_device
from etudes_desktop.sync import protocol as p

PANEL_LIMITS = TableLimits(rows=100_000)
CONSENT_COLUMNS = ("consent_at", "consent_timestamp", "consentement", "date_consentement")
PSEUDONYM = "panel"
PARIS = ZoneInfo("Europe/Paris")
_NAMESPACE = uuid.UUID("0b5f7c52-8d0e-4c61-a3f4-5b2e9d17c6a8")
_MAX_PROBLEMS = 1000


@dataclass(frozen=True)
class PanelProblem:
    line: int
    column: str | None
    message: str

    def __str__(self) -> str:
        where = f"ligne {self.line}" + (f", colonne « {self.column} »" if self.column else "")
        return f"{where} : {self.message}"


class PanelRefused(EtudesError):
    """The file is refused whole; `problems` says where and why."""

    def __init__(self, problems: list[PanelProblem]) -> None:
        super().__init__(f"fichier refusé : {_n(len(problems), 'problème', 'problèmes')}, rien n'a été importé")
        self.problems = problems


@dataclass(frozen=True)
class PanelReport:
    rows: int
    imported: int
    duplicates: int

    def summary(self) -> str:
        text = f"{_n(self.imported, 'entretien importé', 'entretiens importés')} (mode internet)"
        if self.duplicates:
            text += f" ; {_n(self.duplicates, 'déjà importé', 'déjà importés')} (ignorés)"
        return text


def consent_moment(text: str) -> datetime | None:
    """The panel's consent timestamp: ISO 8601 (a time without zone is Paris time), or
    JJ/MM/AAAA HH:MM[:SS] in Paris time."""
    value = text.strip()
    for parse in (lambda v: datetime.fromisoformat(v.replace("Z", "+00:00")),
                  lambda v: datetime.strptime(v, "%d/%m/%Y %H:%M:%S"), lambda v: datetime.strptime(v, "%d/%m/%Y %H:%M")):
        try:
            moment = parse(value)
        except ValueError:
            continue
        return (moment if moment.tzinfo else moment.replace(tzinfo=PARIS)).astimezone(UTC)
    return None


def import_panel(store: Store, study_id: str, path: Path | str, *, actor: str = "cli",
                 limits: TableLimits = PANEL_LIMITS) -> PanelReport:
    """Check the whole file with the engine, then store its rows as internet interviews."""
    office = OfficeStore(store)
    studies = office.studies(study_id)
    if not studies:
        raise EtudesError(f"l'étude {study_id} n'est pas publiée sur ce serveur")
    if studies[0].closed_at is not None:
        raise EtudesError(f"l'étude {study_id} est close : plus d'import")
    version = studies[0].current.version
    package = package_from_stored(office.package_json(study_id, version) or "")
    compiled = CompiledForm(package.questionnaire)
    path = Path(path)
    table = open_table(path, limits)
    rows, problems = _check(table, package, compiled)
    if problems:
        raise PanelRefused(problems)
    if not rows:
        raise EtudesError("fichier sans aucune ligne de réponses")
    file_sha = hashlib.sha256(path.read_bytes()).hexdigest()
    notice = package.notice
    items = []
    for line, moment, answers in rows:
        at = iso(moment)
        body = p.InterviewPayload.model_validate({
            "study_id": study_id, "study_version": version, "state": "completed", "mode": "internet",
            "interviewer": PSEUDONYM, "created_at": at, "completed_at": at,
            "consent": {"notice_id": notice.id, "notice_version": notice.version, "text_sha256": notice.sha256,
                        "mode": "internet", "interviewer": PSEUDONYM, "delivered_at": at, "decided_at": at,
                        "decision": "agrees"},
            "answers": answers, "attributes": {}}).model_dump(mode="json")
        items.append(p.InterviewIn(id=str(uuid.uuid5(_NAMESPACE, f"{study_id}:{file_sha}:{line}")),
                                   content_sha256=hashlib.sha256(p.canonical_json(body)).hexdigest(), payload=body))
    device = web_device(study_id)
    imported = duplicates = 0
    for start in range(0, len(items), p.MAX_INTERVIEWS_PER_BATCH):
        chunk = items[start:start + p.MAX_INTERVIEWS_PER_BATCH]
        batch = p.Batch(batch_id=str(uuid.uuid4()), device_id=device.id,
                        study_id=study_id, sent_at=iso(store.clock()), interviews=chunk)
        receipts = store.ingest(device, batch, office.notice_hashes(study_id), office.declared_attributes(study_id))
        for receipt in receipts.receipts:
            if receipt.status == "accepted":
                imported += 1
            elif receipt.status == "duplicate":
                duplicates += 1
            else:
                raise EtudesError(f"import interrompu : {receipt.reason or receipt.status}")
    office.audit(actor, None, "panel_imported", study_id, {"rows": len(rows), "imported": imported,
                                                             "duplicates": duplicates})
    return PanelReport(len(rows), imported, duplicates)


def _check(table: Any, package: Any, compiled: CompiledForm) -> tuple[list[tuple[int, datetime, dict[str, Any]]],
                                                                      list[PanelProblem]]:
    problems: list[PanelProblem] = []
    headers = [h.strip() for h in table.headers]
    consent = next((h for h in headers if h.lower() in CONSENT_COLUMNS), None)
    if consent is None:
        problems.append(PanelProblem(1, None, "colonne de l'horodatage du consentement absente (consent_at, "
                                              "consent_timestamp, consentement ou date_consentement)"))
    columns: dict[int, str] = {}
    for position, header in enumerate(headers):
        if header == consent or not header:
            continue
        info = compiled.infos.get(header)
        if info is None or not info.item.is_input:
            problems.append(PanelProblem(1, header, "colonne inconnue : ce n'est le nom d'aucune question du "
                                                    "questionnaire"))
        elif info.scope:
            problems.append(PanelProblem(1, header, "question d'une répétition : l'import de panel ne les prend "
                                                    "pas en charge"))
        else:
            columns[position] = header
    if problems:
        return [], problems
    order = compiled.infos
    rows = []
    consent_at = headers.index(consent)  # type: ignore[arg-type]
    for line, cells in table.records():
        cells = list(cells) + [""] * (len(headers) - len(cells))
        row_problems = [PanelProblem(line, headers[i], NIR_REFUSED) for i, cell in enumerate(cells)
                        if i < len(headers) and cell and contains_nir(str(cell))]
        moment = consent_moment(str(cells[consent_at]))
        if moment is None:
            row_problems.append(PanelProblem(line, consent, "horodatage du consentement absent ou illisible "
                                                            "(attendu : 2026-03-02T14:05:00+01:00 ou 02/03/2026 14:05)"))
        given = {name: str(cells[i]).strip() for i, name in columns.items() if str(cells[i]).strip()}
        if not row_problems:
            answers, found = _engine(package, compiled, given, line)
            row_problems += found
            if not row_problems and moment is not None:
                rows.append((line, moment, {k: v for k, v in answers.items() if k in given}))
        problems += row_problems
        if len(problems) >= _MAX_PROBLEMS:
            break
    problems.sort(key=lambda pr: (pr.line, order[pr.column].order if pr.column in order else -1))
    return rows, problems


def _engine(package: Any, compiled: CompiledForm, given: dict[str, str],
            line: int) -> tuple[dict[str, Any], list[PanelProblem]]:
    """The row through the engine, in questionnaire order: refusals, then what should not have
    been asked, then required questions left blank and broken constraints."""
    session = Session(package.questionnaire, compiled=compiled, special_answers=package.special_answers)
    problems = []
    for name in compiled.order:
        if name in given:
            try:
                session.set_answer(name, given[name])
            except EtudesError as exc:
                problems.append(PanelProblem(line, name, exc.message.rstrip(".")))
    refused = {pr.column for pr in problems}
    for name in given:
        if name not in refused and not session.is_visible(name):
            rule = compiled.infos[name].item.relevant or "groupe masqué"
            problems.append(PanelProblem(line, name, f"réponse à une question qui n'aurait pas dû être posée "
                                                     f"(condition d'affichage : {rule})"))
    for key, message in session.errors().items():
        if key not in refused and compiled.infos[key.split("[")[0]].item.type != ItemType.NOTE:
            problems.append(PanelProblem(line, key, message.rstrip(".")))
    return session.answers(), problems
