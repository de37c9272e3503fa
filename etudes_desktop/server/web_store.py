"""The web questionnaire's links (internet mode): one per case of the sample, only its token's
SHA-256 kept, and what the person answered so far, sealed (AES-GCM, associated data = the link id).

A link row carries no person in clear: the study, the case row it belongs to, the interview id
its answers will be stored under, its status (new, started, finishing, completed, objected) and
the sealed state (answers, page, notice times). Once the interview reached the interviews table
(completed or objected) the state is erased: nothing of the person stays with the link. A link
replaced by `links --renew` leaves its token's digest in `web_revoked_links`, so the person who
opens the old one is told it was replaced rather than "unknown".
SQLAlchemy Core over the server store's engine; tables on its shared metadata.
"""

from __future__ import annotations

import secrets
import uuid
from dataclasses import dataclass
from typing import Any

import orjson
from sqlalchemy import Column, Index, String, Table, Text, bindparam, select, update

from etudes_desktop.core.errors import EtudesError
from etudes_desktop.server.cases_store import cases
from etudes_desktop.server.office_store import OfficeStore, published_studies
from etudes_desktop.server.store import Store, iso, metadata, reading, token_digest

DONE = ("completed", "objected")
_CHUNK = 500

web_links = Table(
    "web_links", metadata,
    Column("id", String(36), primary_key=True),
    Column("study_id", String(128), nullable=False),
    Column("case_id", String(36), nullable=False, unique=True),
    Column("token_sha256", String(64), nullable=False, unique=True),
    Column("interview_id", String(36), nullable=False),
    Column("status", String(12), nullable=False),  # new, started, finishing, completed, objected
    Column("state", Text),  # sealed JSON (answers, position, notice times, version); NULL once done
    Column("created_at", String(40), nullable=False),
    Column("updated_at", String(40), nullable=False),
)
Index("web_links_study", web_links.c.study_id, web_links.c.status)

web_revoked_links = Table(
    "web_revoked_links", metadata,
    Column("token_sha256", String(64), primary_key=True),
    Column("study_id", String(128), nullable=False),
    Column("revoked_at", String(40), nullable=False),
)

TABLES = [web_links, web_revoked_links]
# The two statements of every page, built once (building a statement costs as much as running it).
_FIND = (select(web_links, cases.c.status.label("case_status"), cases.c.record, published_studies.c.closed_at)
         .join(cases, cases.c.id == web_links.c.case_id)
         .outerjoin(published_studies, published_studies.c.study_id == web_links.c.study_id)
         .where(web_links.c.token_sha256 == bindparam("digest")))
_SAVE = (update(web_links).where(web_links.c.id == bindparam("link_id"), web_links.c.status.not_in(DONE))
         .values(status=bindparam("new_status"), state=bindparam("sealed"), updated_at=bindparam("at")))


def new_token() -> str:
    """A link's secret: 192 random bits, URL-safe (32 characters)."""
    return secrets.token_urlsafe(24)


@dataclass(frozen=True)
class WebLink:
    """One link as a page needs it: its case's status and record (unsealed), its own state."""

    id: str
    study_id: str
    interview_id: str
    status: str
    state: dict[str, Any]
    case_status: str
    person: dict[str, Any]  # the case record: sample_id, fields, attributes (never shown, never logged)
    study_closed: bool


@dataclass(frozen=True)
class Issued:
    links: list[tuple[str, str]]  # (sample id, token): only here, once
    kept: int  # open cases whose existing link stays valid (not repeated: only its digest is held)
    renewed: int


class WebStore:
    """Links of every study over the server store's engine and sealer."""

    def __init__(self, store: Store, office: OfficeStore | None = None) -> None:
        self.store = store
        self.engine = store.engine
        self.office = office or OfficeStore(store)
        metadata.create_all(self.engine, tables=[cases, *TABLES])

    def now(self) -> str:
        return iso(self.store.clock())

    # -- issuing ------------------------------------------------------------------------------
    def issue(self, study_id: str, *, renew: bool = False, actor: str = "cli") -> Issued:
        """A link for every open case of the study that has none; with `renew`, a new token for
        every open case whose link is not finished (the old token is refused from now on, the
        answers already given stay with the case)."""
        now = self.now()
        sealer = self.store.sealer
        out: list[tuple[str, str]] = []
        kept = renewed = 0
        with self.engine.begin() as conn:
            if conn.execute(select(published_studies.c.study_id).where(
                    published_studies.c.study_id == study_id)).first() is None:
                raise EtudesError(f"l'étude {study_id} n'est pas publiée sur ce serveur : publiez-la d'abord "
                                  "(etudes-server study publish)")
            rows = conn.execute(
                select(cases.c.id, cases.c.record, web_links.c.id.label("link"), web_links.c.status,
                       web_links.c.token_sha256)
                .outerjoin(web_links, web_links.c.case_id == cases.c.id)
                .where(cases.c.study_id == study_id, cases.c.status == "open").order_by(cases.c.digest)).all()
            if not rows:
                raise EtudesError(f"aucune personne au dossier ouvert dans l'étude {study_id} : importez "
                                  "l'échantillon d'abord (etudes-server sample import)")
            for row in rows:
                if row.link is not None and (not renew or row.status in DONE):
                    kept += 1
                    continue
                token = new_token()
                sample_id = orjson.loads(sealer.open(row.record, row.id))["sample_id"]
                if row.link is None:
                    conn.execute(web_links.insert().values(
                        id=str(uuid.uuid4()), study_id=study_id, case_id=row.id, token_sha256=token_digest(token),
                        interview_id=str(uuid.uuid4()), status="new", state=None, created_at=now, updated_at=now))
                else:
                    conn.execute(web_revoked_links.insert().values(
                        token_sha256=row.token_sha256, study_id=study_id, revoked_at=now))
                    conn.execute(update(web_links).where(web_links.c.id == row.link).values(
                        token_sha256=token_digest(token), updated_at=now))
                    renewed += 1
                out.append((sample_id, token))
            self.office._audit(conn, actor, None, "web_links_issued", study_id,
                               {"issued": len(out), "renewed": renewed, "kept": kept})
        return Issued(out, kept, renewed)

    # -- reading and saving -------------------------------------------------------------------
    def find(self, token: str) -> WebLink | str | None:
        """The link of this token; "revoked" for a replaced token; None when unknown."""
        digest = token_digest(token)
        with reading(self.engine) as conn:
            row = conn.execute(_FIND, {"digest": digest}).first()
            if row is None:
                revoked = conn.execute(select(web_revoked_links.c.token_sha256).where(
                    web_revoked_links.c.token_sha256 == digest)).first()
                return "revoked" if revoked is not None else None
        sealer = self.store.sealer
        state = orjson.loads(sealer.open(row.state, row.id)) if row.state else {}
        return WebLink(id=row.id, study_id=row.study_id, interview_id=row.interview_id, status=row.status,
                       state=state, case_status=row.case_status, person=orjson.loads(sealer.open(row.record, row.case_id)),
                       study_closed=row.closed_at is not None)

    def save(self, link: WebLink, status: str, state: dict[str, Any]) -> None:
        """The link's state after a page (one transaction; sealed); a finished link is never reopened."""
        sealed = self.store.sealer.seal(orjson.dumps(state).decode("utf-8"), link.id)
        with self.engine.begin() as conn:
            done = conn.execute(_SAVE, {"link_id": link.id, "new_status": status, "sealed": sealed,
                                        "at": self.now()}).rowcount
        if not done:
            raise EtudesError("ce questionnaire est déjà terminé")

    def close(self, link: WebLink, status: str) -> None:
        """The interview is stored (completed or objected): the link keeps no answer, no time."""
        with self.engine.begin() as conn:
            conn.execute(update(web_links).where(web_links.c.id == link.id).values(
                status=status, state=None, updated_at=self.now()))

    def counts(self, study_id: str) -> dict[str, int]:
        """Links of a study by status (no person)."""
        from sqlalchemy import func

        with reading(self.engine) as conn:
            rows = conn.execute(select(web_links.c.status, func.count()).where(
                web_links.c.study_id == study_id).group_by(web_links.c.status)).all()
        return {status: int(n) for status, n in rows}
