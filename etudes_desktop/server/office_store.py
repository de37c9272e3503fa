"""The collection office's tables, beside the server store (same engine, same pattern).

Console accounts and their server-side sessions, the failure counters that slow down password
guessing, the office's audit log, and the studies published from the server with every version
kept. SQLAlchemy Core on SQLite or PostgreSQL, like `server.store`: this module and that one are
the only places that run SQL on the server. No personal data in the audit: actors are account
ids, objects are study, device or account ids; an e-mail address lives only in its account row.
"""

from __future__ import annotations

import hashlib
import json
import secrets
import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import (
    Column,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    Text,
    delete,
    func,
    insert,
    select,
    update,
)

from etudes_desktop.core.errors import EtudesError
from etudes_desktop.server.store import Store, batches, device_wipes, devices, iso, reading

office_metadata = MetaData()

ROLES = ("manager", "dpo", "insurer")

users = Table(
    "console_users", office_metadata,
    Column("id", String(36), primary_key=True),
    Column("email", String(254), nullable=False, unique=True),
    Column("role", String(16), nullable=False),
    Column("password_hash", String(255), nullable=False),
    Column("created_at", String(40), nullable=False),
    Column("password_changed_at", String(40), nullable=False),
    Column("disabled_at", String(40)),
)

sessions = Table(
    "console_sessions", office_metadata,
    Column("id_sha256", String(64), primary_key=True),  # the cookie holds the id; the table its hash
    Column("user_id", String(36), nullable=False),
    Column("csrf", String(64), nullable=False),
    Column("created_at", String(40), nullable=False),
    Column("last_seen_at", String(40), nullable=False),
)
Index("console_sessions_user", sessions.c.user_id)

login_failures = Table(
    "console_login_failures", office_metadata,
    Column("key", String(80), primary_key=True),  # "account:" or "address:" + SHA-256, never in clear
    Column("failures", Integer, nullable=False),
    Column("last_at", String(40), nullable=False),
)

office_audit = Table(
    "console_audit", office_metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("at", String(40), nullable=False),
    Column("actor", String(64), nullable=False),  # an account id, or "cli" for the command line
    Column("role", String(16)),
    Column("action", String(64), nullable=False),
    Column("object_id", String(200)),
    Column("counts_json", Text, nullable=False, default="{}"),
)

published_studies = Table(
    "published_studies", office_metadata,
    Column("study_id", String(128), primary_key=True),
    Column("title", String(500), nullable=False),
    Column("created_at", String(40), nullable=False),
    Column("closed_at", String(40)),
)

study_versions = Table(
    "published_study_versions", office_metadata,
    Column("study_id", String(128), primary_key=True),
    Column("version", String(64), primary_key=True),
    Column("seq", Integer, nullable=False),  # publication order within the study, from 1
    Column("published_at", String(40), nullable=False),
    Column("published_by", String(64), nullable=False),
    Column("source_name", String(255), nullable=False),
    Column("source_sha256", String(64), nullable=False),
    Column("source_bytes", LargeBinary, nullable=False),  # the file as uploaded, kept with its version
    Column("package_json", Text, nullable=False),  # the checked package the laptops load
    Column("package_sha256", String(64), nullable=False),
    Column("notice_id", String(128), nullable=False),
    Column("notice_version", String(64), nullable=False),
    Column("notice_sha256", String(64), nullable=False),
    Column("notice_en_sha256", String(64)),
)


def digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def moment(text: str) -> datetime:
    return datetime.fromisoformat(text.replace("Z", "+00:00"))


@dataclass(frozen=True)
class User:
    id: str
    email: str
    role: str
    password_hash: str
    disabled: bool


@dataclass(frozen=True)
class SessionUser:
    """An open console session: who, with which role, its CSRF token."""

    user_id: str
    email: str
    role: str
    csrf: str


@dataclass(frozen=True)
class PublishedVersion:
    study_id: str
    version: str
    seq: int
    published_at: str
    published_by: str
    source_name: str
    source_sha256: str
    package_sha256: str
    notice_id: str
    notice_version: str
    notice_sha256: str


@dataclass(frozen=True)
class PublishedStudy:
    study_id: str
    title: str
    created_at: str
    closed_at: str | None
    versions: tuple[PublishedVersion, ...]  # oldest first

    @property
    def current(self) -> PublishedVersion:
        return self.versions[-1]


@dataclass(frozen=True)
class DeviceRow:
    id: str
    study_id: str
    name: str
    created_at: str
    revoked_at: str | None
    last_batch_at: str | None
    wipe_requested_at: str | None = None  # revoked from the console: the laptop is told to wipe
    wiped_at: str | None = None  # the laptop said its study data was destroyed (remote wipe)


class VersionTaken(EtudesError):
    """This version of the study was published before with other content."""


class OfficeStore:
    """Accounts, sessions, throttling, audit and published studies over the server store's engine."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self.engine = store.engine
        office_metadata.create_all(self.engine)

    def now(self) -> datetime:
        return self.store.clock()

    # -- accounts ---------------------------------------------------------------------------
    def add_user(self, email: str, role: str, password_hash: str, actor: str) -> str:
        if role not in ROLES:
            raise EtudesError(f"rôle inconnu : {role} ({', '.join(ROLES)})")
        user_id, now = str(uuid.uuid4()), iso(self.now())
        with self.engine.begin() as conn:
            if conn.execute(select(users.c.id).where(users.c.email == email)).first():
                raise EtudesError("un compte existe déjà pour cette adresse")
            conn.execute(insert(users).values(id=user_id, email=email, role=role, password_hash=password_hash,
                                              created_at=now, password_changed_at=now))
            self._audit(conn, actor, None, "user_added", user_id, {"role": ROLES.index(role)})
        return user_id

    def user_by_email(self, email: str) -> User | None:
        with reading(self.engine) as conn:
            row = conn.execute(select(users).where(users.c.email == email)).first()
        return None if row is None else User(row.id, row.email, row.role, row.password_hash,
                                             row.disabled_at is not None)

    def user_by_id(self, user_id: str) -> User | None:
        with reading(self.engine) as conn:
            row = conn.execute(select(users).where(users.c.id == user_id)).first()
        return None if row is None else User(row.id, row.email, row.role, row.password_hash,
                                             row.disabled_at is not None)

    def list_users(self) -> list[User]:
        with reading(self.engine) as conn:
            rows = conn.execute(select(users).order_by(users.c.email)).all()
        return [User(r.id, r.email, r.role, r.password_hash, r.disabled_at is not None) for r in rows]

    def disable_user(self, email: str, actor: str) -> bool:
        """Disable an account and close its sessions; False when no active account has this address."""
        with self.engine.begin() as conn:
            row = conn.execute(select(users.c.id).where(users.c.email == email, users.c.disabled_at.is_(None))).first()
            if row is None:
                return False
            conn.execute(update(users).where(users.c.id == row.id).values(disabled_at=iso(self.now())))
            conn.execute(delete(sessions).where(sessions.c.user_id == row.id))
            self._audit(conn, actor, None, "user_disabled", row.id)
        return True

    def set_password(self, user_id: str, password_hash: str, keep_session: str | None, role: str) -> None:
        """A new password; every other session of the account is closed."""
        with self.engine.begin() as conn:
            conn.execute(update(users).where(users.c.id == user_id).values(
                password_hash=password_hash, password_changed_at=iso(self.now())))
            where = [sessions.c.user_id == user_id]
            if keep_session:
                where.append(sessions.c.id_sha256 != digest(keep_session))
            closed = conn.execute(delete(sessions).where(*where)).rowcount
            self._audit(conn, user_id, role, "password_changed", user_id, {"sessions_closed": closed})

    def rehash(self, user_id: str, password_hash: str) -> None:
        with self.engine.begin() as conn:
            conn.execute(update(users).where(users.c.id == user_id).values(password_hash=password_hash))

    # -- sessions ---------------------------------------------------------------------------
    def open_session(self, user: User, idle: timedelta, lifetime: timedelta) -> tuple[str, str]:
        """A new session for the account: (cookie value, CSRF token). Expired sessions are swept."""
        token, csrf = secrets.token_urlsafe(32), secrets.token_urlsafe(32)
        now = self.now()
        with self.engine.begin() as conn:
            conn.execute(delete(sessions).where(
                (sessions.c.last_seen_at < iso(now - idle)) | (sessions.c.created_at < iso(now - lifetime))))
            conn.execute(insert(sessions).values(id_sha256=digest(token), user_id=user.id, csrf=csrf,
                                                 created_at=iso(now), last_seen_at=iso(now)))
            self._audit(conn, user.id, user.role, "login", None)
        return token, csrf

    def session(self, token: str, idle: timedelta, lifetime: timedelta) -> tuple[SessionUser | None, bool]:
        """(the session's user, expired?) for a cookie value; an idle or too old session is closed."""
        now = self.now()
        key = digest(token)
        with self.engine.begin() as conn:
            row = conn.execute(
                select(sessions.c.user_id, sessions.c.csrf, sessions.c.created_at, sessions.c.last_seen_at,
                       users.c.email, users.c.role, users.c.disabled_at)
                .join(users, users.c.id == sessions.c.user_id).where(sessions.c.id_sha256 == key)).first()
            if row is None:
                return None, False
            if (row.disabled_at is not None or now - moment(row.last_seen_at) > idle
                    or now - moment(row.created_at) > lifetime):
                conn.execute(delete(sessions).where(sessions.c.id_sha256 == key))
                if row.disabled_at is None:
                    self._audit(conn, row.user_id, row.role, "session_expired", None)
                return None, row.disabled_at is None
            if now - moment(row.last_seen_at) > timedelta(seconds=30):  # not one write per page
                conn.execute(update(sessions).where(sessions.c.id_sha256 == key).values(last_seen_at=iso(now)))
        return SessionUser(row.user_id, row.email, row.role, row.csrf), False

    def close_session(self, token: str, user: SessionUser) -> None:
        with self.engine.begin() as conn:
            conn.execute(delete(sessions).where(sessions.c.id_sha256 == digest(token)))
            self._audit(conn, user.user_id, user.role, "logout", None)

    # -- password guessing ------------------------------------------------------------------
    def failures(self, keys: list[str]) -> dict[str, tuple[int, datetime]]:
        with reading(self.engine) as conn:
            rows = conn.execute(select(login_failures).where(login_failures.c.key.in_(keys))).all()
        return {r.key: (int(r.failures), moment(r.last_at)) for r in rows}

    def record_failure(self, keys: list[str], user: User | None) -> None:
        now = iso(self.now())
        with self.engine.begin() as conn:
            for key in keys:
                stmt = self.store._insert(login_failures).values(key=key, failures=1, last_at=now)
                conn.execute(stmt.on_conflict_do_update(index_elements=["key"], set_={
                    "failures": login_failures.c.failures + 1, "last_at": now}))
            self._audit(conn, user.id if user else "-", user.role if user else None, "login_failed", None)

    def clear_failures(self, keys: list[str]) -> None:
        with self.engine.begin() as conn:
            conn.execute(delete(login_failures).where(login_failures.c.key.in_(keys)))

    # -- audit ------------------------------------------------------------------------------
    def audit(self, actor: str, role: str | None, action: str, object_id: str | None = None,
              counts: dict[str, int] | None = None) -> None:
        with self.engine.begin() as conn:
            self._audit(conn, actor, role, action, object_id, counts)

    def _audit(self, conn: Any, actor: str, role: str | None, action: str, object_id: str | None,
               counts: dict[str, int] | None = None) -> None:
        conn.execute(insert(office_audit).values(at=iso(self.now()), actor=actor, role=role, action=action,
                                                 object_id=object_id, counts_json=json.dumps(counts or {})))

    def audit_entries(self, limit: int = 200) -> list[dict[str, Any]]:
        """The latest entries, newest first, with the actor's address for the DPO's reading."""
        query = (select(office_audit, users.c.email).outerjoin(users, users.c.id == office_audit.c.actor)
                 .order_by(office_audit.c.id.desc()).limit(limit))
        with reading(self.engine) as conn:
            return [{"id": r.id, "at": r.at, "actor": r.actor, "email": r.email, "role": r.role,
                     "action": r.action, "object_id": r.object_id, "counts": json.loads(r.counts_json)}
                    for r in conn.execute(query)]

    # -- published studies ------------------------------------------------------------------
    def publish(self, *, study_id: str, title: str, version: str, package_json: str, source_name: str,
                source: bytes, notice: tuple[str, str, str, str | None], actor: str, role: str | None) -> str:
        """Store a checked package as a version of its study: "created" (first version), "version"
        (a new one), "unchanged" (this very version again). VersionTaken when the version exists with
        other content; EtudesError when the study is closed."""
        now = iso(self.now())
        package_sha = digest(package_json)
        with self.engine.begin() as conn:
            study = conn.execute(select(published_studies).where(published_studies.c.study_id == study_id)).first()
            if study is not None and study.closed_at is not None:
                raise EtudesError(f"l'étude {study_id} est close : aucune nouvelle version ne peut être publiée")
            held = conn.execute(select(study_versions.c.package_sha256).where(
                study_versions.c.study_id == study_id, study_versions.c.version == version)).first()
            if held is not None:
                if held.package_sha256 == package_sha:
                    return "unchanged"
                raise VersionTaken(f"la version {version} de l'étude {study_id} est déjà publiée avec un autre "
                                   "contenu : changez « version » dans la feuille settings")
            seq = conn.execute(select(func.coalesce(func.max(study_versions.c.seq), 0)).where(
                study_versions.c.study_id == study_id)).scalar_one() + 1
            if study is None:
                conn.execute(insert(published_studies).values(study_id=study_id, title=title, created_at=now))
            else:
                conn.execute(update(published_studies).where(published_studies.c.study_id == study_id)
                             .values(title=title))
            conn.execute(insert(study_versions).values(
                study_id=study_id, version=version, seq=seq, published_at=now, published_by=actor,
                source_name=source_name, source_sha256=hashlib.sha256(source).hexdigest(), source_bytes=source,
                package_json=package_json, package_sha256=package_sha, notice_id=notice[0],
                notice_version=notice[1], notice_sha256=notice[2], notice_en_sha256=notice[3]))
            self._audit(conn, actor, role, "study_published", study_id, {"seq": seq})
        return "created" if seq == 1 else "version"

    def close_study(self, study_id: str, actor: str, role: str | None) -> bool:
        """Close a published study to new interviews; False when unknown or already closed."""
        with self.engine.begin() as conn:
            done = conn.execute(update(published_studies).where(
                published_studies.c.study_id == study_id, published_studies.c.closed_at.is_(None))
                .values(closed_at=iso(self.now()))).rowcount
            if done:
                self._audit(conn, actor, role, "study_closed", study_id)
        return bool(done)

    def studies(self, study_id: str | None = None) -> list[PublishedStudy]:
        """Published studies (one, or all by id) with their versions, oldest first."""
        where = [] if study_id is None else [published_studies.c.study_id == study_id]
        version_where = [] if study_id is None else [study_versions.c.study_id == study_id]
        cols = [c for c in study_versions.c if c.name not in ("source_bytes", "package_json", "notice_en_sha256")]
        with reading(self.engine) as conn:
            heads = conn.execute(select(published_studies).where(*where).order_by(published_studies.c.study_id)).all()
            rows = conn.execute(select(*cols).where(*version_where).order_by(
                study_versions.c.study_id, study_versions.c.seq)).all()
        by_study: dict[str, list[PublishedVersion]] = {}
        for r in rows:
            by_study.setdefault(r.study_id, []).append(PublishedVersion(
                r.study_id, r.version, r.seq, r.published_at, r.published_by, r.source_name, r.source_sha256,
                r.package_sha256, r.notice_id, r.notice_version, r.notice_sha256))
        return [PublishedStudy(h.study_id, h.title, h.created_at, h.closed_at, tuple(by_study.get(h.study_id, ())))
                for h in heads if by_study.get(h.study_id)]

    def package_json(self, study_id: str, version: str) -> str | None:
        with reading(self.engine) as conn:
            return conn.execute(select(study_versions.c.package_json).where(
                study_versions.c.study_id == study_id, study_versions.c.version == version)).scalar()

    def source_file(self, study_id: str, version: str) -> tuple[str, bytes] | None:
        with reading(self.engine) as conn:
            row = conn.execute(select(study_versions.c.source_name, study_versions.c.source_bytes).where(
                study_versions.c.study_id == study_id, study_versions.c.version == version)).first()
        return None if row is None else (row.source_name, bytes(row.source_bytes))

    def notice_hashes(self, study_id: str) -> frozenset[str] | None:
        """SHA-256 of every notice text of every published version; None when the study is not
        published on this server (then no notice can be checked)."""
        with reading(self.engine) as conn:
            rows = conn.execute(select(study_versions.c.notice_sha256, study_versions.c.notice_en_sha256).where(
                study_versions.c.study_id == study_id)).all()
        if not rows:
            return None
        return frozenset(h for r in rows for h in (r.notice_sha256, r.notice_en_sha256) if h)

    def declared_attributes(self, study_id: str) -> frozenset[str] | None:
        """The respondent attributes the published versions declare (`analysis_attributes`, and the
        `results_by` crossings); None when the study is not published here."""
        with reading(self.engine) as conn:
            rows = conn.execute(select(study_versions.c.package_json).where(
                study_versions.c.study_id == study_id)).all()
        if not rows:
            return None
        names: set[str] = set()
        for row in rows:
            package = json.loads(row.package_json)
            names.update(package.get("analysis_attributes") or ())
            names.update(package.get("results_by") or ())
        return frozenset(names - {"mode"})

    # -- devices ----------------------------------------------------------------------------
    def list_devices(self) -> list[DeviceRow]:
        """Every device, active first, with the time of its last batch."""
        last = (select(batches.c.device_id, func.max(batches.c.received_at).label("last_at"))
                .group_by(batches.c.device_id).subquery())
        query = (select(devices.c.id, devices.c.study_id, devices.c.name, devices.c.created_at, devices.c.revoked_at,
                        last.c.last_at, device_wipes.c.requested_at.label("wipe_requested_at"),
                        device_wipes.c.confirmed_at.label("wiped_at"))
                 .select_from(devices).outerjoin(last, last.c.device_id == devices.c.id)
                 .outerjoin(device_wipes, device_wipes.c.device_id == devices.c.id)
                 .order_by(devices.c.revoked_at.is_not(None), devices.c.study_id, devices.c.name, devices.c.id))
        with reading(self.engine) as conn:
            return [DeviceRow(r.id, r.study_id, r.name, r.created_at, r.revoked_at, r.last_at, r.wipe_requested_at,
                              r.wiped_at) for r in conn.execute(query)]

    def device(self, device_id: str) -> DeviceRow | None:
        return next((d for d in self.list_devices() if d.id == device_id), None)

    def rename_device(self, device_id: str, name: str, actor: str, role: str | None) -> None:
        with self.engine.begin() as conn:
            row = conn.execute(select(devices.c.study_id).where(devices.c.id == device_id)).first()
            if row is None:
                raise EtudesError("appareil inconnu")
            taken = conn.execute(select(devices.c.id).where(
                devices.c.study_id == row.study_id, devices.c.name == name, devices.c.revoked_at.is_(None),
                devices.c.id != device_id)).first()
            if taken:
                raise EtudesError(f"un appareil « {name} » est déjà inscrit pour l'étude {row.study_id}")
            conn.execute(update(devices).where(devices.c.id == device_id).values(name=name))
            self._audit(conn, actor, role, "device_renamed", device_id)
