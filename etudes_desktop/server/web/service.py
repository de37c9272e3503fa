"""What a respondent's link does, between the pages and the stores (no SQL, no HTML): the study
package of the link (cached per version), the engine's session over the saved answers, and the
end of the interview, stored as every other interview of the server.

Why through `Store.ingest`: a web interview goes through the very path a laptop's batch does
(the payload model and its NIR and contact-data guards, the notice check against the published
notices, the declared attributes, the refusal once the study is delivered, the interview facts
the progress page counts, the sealing at rest). Its "device" is a pseudo-device per study,
`web_device(study)`: a fixed id derived from the study, in no devices table, so no token can
ever authenticate as it; batch and interview ids are fixed per link, so finishing twice (a
double click, a crash between two steps) is answered "duplicate" and stores nothing twice. The
case is closed through `CasesStore.ingest_events` as a laptop's case event closes it (an
objection adds the person's suppression digests to the shared list), with an event id fixed by
the case and the kind, for the same reason.
"""

from __future__ import annotations

import hashlib
import threading
import uuid
from collections import OrderedDict
from functools import lru_cache
from typing import Any

import orjson

from etudes_desktop.core.case_keys import person_digests
from etudes_desktop.core.errors import EtudesError
from etudes_desktop.core.interview import Mode
from etudes_desktop.core.session import Session
from etudes_desktop.core.session.graph import CompiledForm
from etudes_desktop.core.study import StudyPackage
from etudes_desktop.core.study_load import package_from_stored
from etudes_desktop.server.cases_store import CasesStore
from etudes_desktop.server.office_store import OfficeStore
from etudes_desktop.server.store import Device, Store, iso
from etudes_desktop.server.web_store import WebLink, WebStore
from etudes_desktop.sync import case_protocol as cp
from etudes_desktop.sync import protocol as p

PSEUDONYM = "internet"  # who "delivered" the notice and "interviewed": the web questionnaire itself
_NAMESPACE = uuid.UUID("6f1d2c9e-3b4a-4e8f-9a51-0c7d5e2b8f10")
END = "__end__"  # the position after the last page: « Envoyer mes réponses »
KEPT_SESSIONS = 1000  # engine sessions kept between a link's requests (least recently used dropped)


def web_device(study_id: str) -> Device:
    """The study's pseudo-device for web and panel interviews (no token, no devices row)."""
    return Device(id=str(uuid.uuid5(_NAMESPACE, "web-device:" + study_id)), study_id=study_id, name="internet")


def event_id(case_digest: str, kind: str) -> int:
    """A case event id fixed by the case and the kind: a second try is the same event."""
    return int.from_bytes(hashlib.sha256(f"web:{kind}:{case_digest}".encode()).digest()[:8], "big") % (2**62) + 1


class Finished(EtudesError):
    """The interview could not be stored (the study was delivered meanwhile): the reason, in French."""


class Respondents:
    """The web questionnaire's services over the server's stores."""

    def __init__(self, store: Store, office: OfficeStore, cases: CasesStore, links: WebStore) -> None:
        self.store, self.office, self.cases, self.links = store, office, cases, links
        self._package = lru_cache(maxsize=32)(self._load)
        self._sessions: OrderedDict[str, tuple[bytes, Session]] = OrderedDict()
        self._sessions_lock = threading.Lock()

    def now(self) -> str:
        return iso(self.store.clock())

    # -- the study ----------------------------------------------------------------------------
    def current_version(self, study_id: str) -> str | None:
        studies = self.office.studies(study_id)
        return studies[0].current.version if studies else None

    def package(self, study_id: str, version: str) -> tuple[StudyPackage, CompiledForm]:
        return self._package(study_id, version)

    def _load(self, study_id: str, version: str) -> tuple[StudyPackage, CompiledForm]:
        text = self.office.package_json(study_id, version)
        if text is None:
            raise EtudesError(f"version {version} de l'étude {study_id} introuvable")
        package = package_from_stored(text)
        return package, CompiledForm(package.questionnaire)

    def session(self, link: WebLink, package: StudyPackage, compiled: CompiledForm) -> Session:
        """The engine over the link's saved answers, with the person's own name and street refused
        in text answers as on the laptop: the one kept by `keep` after the link's previous request
        when it was kept over exactly these saved answers (version, language, person), else a new
        one. A kept session is taken out while a request uses it: two requests never share one."""
        with self._sessions_lock:
            kept = self._sessions.pop(link.id, None)
        if kept is not None and kept[0] == _fingerprint(link, link.state):
            return kept[1]
        return self._new_session(link, package, compiled)

    def keep(self, link: WebLink, state: dict[str, Any], session: Session) -> None:
        """Keep the link's session for its next request; `state` is what was just saved (the
        session holds exactly its answers): rebuilding the engine from the answers is most of a
        page's work, and the page that follows a POST is the GET of its redirect."""
        with self._sessions_lock:
            self._sessions[link.id] = (_fingerprint(link, state), session)
            self._sessions.move_to_end(link.id)
            while len(self._sessions) > KEPT_SESSIONS:
                self._sessions.popitem(last=False)

    def forget(self, link: WebLink) -> None:
        with self._sessions_lock:
            self._sessions.pop(link.id, None)

    def _new_session(self, link: WebLink, package: StudyPackage, compiled: CompiledForm) -> Session:
        from etudes_desktop.core.free_text import identity_terms

        fields = link.person.get("fields") or {}
        identity = identity_terms(last_name=str(fields.get("last_name") or ""), first_name=str(fields.get("first_name") or ""),
                                  street=str(fields.get("address") or ""))
        return Session(package.questionnaire, answers=link.state.get("answers") or {}, compiled=compiled,
                       language=link.state.get("lang"), identity=identity, special_answers=package.special_answers,
                       now=lambda: self.store.clock())

    # -- the end ------------------------------------------------------------------------------
    def finish(self, link: WebLink, package: StudyPackage, decision: str, answers: dict[str, Any]) -> None:
        """Store the interview (completed, or the objection: consent only), close the case, then
        erase the link's state. The times were saved in the state before this is called."""
        state = link.state
        objected = decision == "objects"
        payload = self.payload(link, package, answers={} if objected else answers, objected=objected)
        device = web_device(link.study_id)
        body = p.InterviewPayload.model_validate(payload).model_dump(mode="json")
        digest = hashlib.sha256(p.canonical_json(body)).hexdigest()
        batch = p.Batch(batch_id=str(uuid.uuid5(_NAMESPACE, "batch:" + link.interview_id)), device_id=device.id,
                        study_id=link.study_id, sent_at=state.get("completed_at") or state["decided_at"],
                        interviews=[p.InterviewIn(id=link.interview_id, content_sha256=digest, payload=body)])
        receipts = self.store.ingest(device, batch, self.office.notice_hashes(link.study_id),
                                     self.office.declared_attributes(link.study_id))
        receipt = receipts.receipts[0]
        if receipt.status not in ("accepted", "duplicate"):
            raise Finished("vos réponses n'ont pas pu être enregistrées : l'étude est close")
        self.close_case(link, "objected" if objected else "completed", state.get("completed_at") or state["decided_at"])
        self.links.close(link, "objected" if objected else "completed")

    def close_case(self, link: WebLink, kind: str, at: str) -> None:
        key = self.cases.case_key(link.study_id)
        person = link.person
        fields = person.get("fields") or {}
        digest = cp.case_digest(key, person["sample_id"])
        suppression = person_digests(key, person["sample_id"], [fields.get("phone"), fields.get("phone2")],
                                     fields.get("email"))[:4] if kind == "objected" else []
        event = cp.CaseEvent(id=event_id(digest, kind), case=digest, kind=kind, at=at, interviewer=PSEUDONYM,  # type: ignore[arg-type]
                             suppression=suppression)
        self.cases.ingest_events(web_device(link.study_id), [event])

    def payload(self, link: WebLink, package: StudyPackage, *, answers: dict[str, Any], objected: bool) -> dict[str, Any]:
        state = link.state
        notice = package.notice
        attributes = {} if objected else _attributes(link.person, package)
        return {
            "study_id": link.study_id, "study_version": state["version"],
            "state": "objected" if objected else "completed", "mode": Mode.INTERNET.value, "interviewer": PSEUDONYM,
            "created_at": state["delivered_at"], "completed_at": None if objected else state["completed_at"],
            "consent": {"notice_id": notice.id, "notice_version": notice.version, "text_sha256": notice.sha256,
                        "mode": Mode.INTERNET.value, "interviewer": PSEUDONYM, "delivered_at": state["delivered_at"],
                        "decided_at": state["decided_at"], "decision": "objects" if objected else "agrees"},
            "answers": answers, "attributes": attributes,
        }


def _fingerprint(link: WebLink, state: dict[str, Any]) -> bytes:
    """What a session is built from: the study version, the language, the saved answers and the
    person's name and street (refused in free texts). Kept in memory only, never logged."""
    fields = link.person.get("fields") or {}
    return orjson.dumps([state.get("version"), state.get("lang"), state.get("answers") or {},
                         [fields.get("last_name"), fields.get("first_name"), fields.get("address")]],
                        option=orjson.OPT_SORT_KEYS)


def _attributes(person: dict[str, Any], package: StudyPackage) -> dict[str, Any]:
    """The sample's attributes the study declares for its analysis (age band, sex…), as the
    results cross them; nothing else of the person."""
    declared = set(package.analysis_attributes)
    return {k: str(v)[:200] for k, v in (person.get("attributes") or {}).items() if k in declared and v not in (None, "")}
