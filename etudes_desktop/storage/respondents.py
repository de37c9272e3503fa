"""Respondents of a study, and the suppression list of people who must not be contacted again.

The suppression list keeps no contact data: only HMAC-SHA256 digests, keyed with a secret of
this vault, of a person's sample id and normalised phone numbers and e-mail. A later import
computes the same digests for each row and skips the matches.
"""

from __future__ import annotations

import builtins
import hashlib
import hmac
import json
import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from json.encoder import encode_basestring
from typing import Any

from etudes_desktop.core.case_keys import normalise_identifier
from etudes_desktop.core.errors import EtudesError
from etudes_desktop.core.sample import SampleRecord
from etudes_desktop.core.sample_mapping import RESPONDENT_FIELDS, SampleMapping
from etudes_desktop.storage import shared_suppression
from etudes_desktop.storage.handle import VaultHandle

SUPPRESSION_SECRET = "suppression-list"
ALL_STUDIES = "*"  # a suppression entry valid for every study of this vault
SUPPRESSION_KINDS = ("sample_id", "phone", "email")

_FIELDS = RESPONDENT_FIELDS  # SampleRecord[1:15], in this order
_encode = json.JSONEncoder(ensure_ascii=False).encode  # built once: json.dumps(..., kwargs) rebuilds it per call
_string = encode_basestring  # the C escaper json itself uses; raises TypeError for anything but a str


def _attributes_json(attributes: Mapping[str, str]) -> str:
    """json.dumps(attributes, ensure_ascii=False), the same text; text keys and values (always so in a
    sample import) are written directly, without the encoder's per-call set-up."""
    if not attributes:
        return "{}"
    try:
        return "{" + ", ".join([_string(k) + ": " + _string(v) for k, v in attributes.items()]) + "}"
    except TypeError:  # a number or None somewhere: the encoder's own conversions
        return _encode(attributes if type(attributes) is dict else dict(attributes))


_INSERT = (
    f"INSERT INTO respondent (study_id, {', '.join(_FIELDS)}, attributes_json, status, created_at) "
    f"VALUES ({', '.join('?' * (len(_FIELDS) + 4))})"
)


@dataclass(frozen=True)
class Respondent:
    """A respondent as stored in the vault."""

    id: int
    study_id: str
    sample_id: str
    title: str | None
    last_name: str | None
    first_name: str | None
    sex: str | None
    age: int | None
    birth_date: str | None
    address: str | None
    postcode: str | None
    town: str | None
    phone: str | None
    phone2: str | None
    email: str | None
    profession: str | None
    status: str
    created_at: str
    attributes: dict[str, str] = field(default_factory=dict)

    @classmethod
    def from_row(cls, row: Any) -> Respondent:
        values = {name: row[name] for name in ("id", "study_id", *_FIELDS, "status", "created_at")}
        return cls(**values, attributes=json.loads(row["attributes_json"] or "{}"))


def _now(now: datetime | None) -> str:
    return (now or datetime.now(UTC)).isoformat(timespec="seconds")


class RespondentRepository:
    """Respondents of the vault's studies: bulk insert, counts, lists, search."""

    def __init__(self, vault: VaultHandle) -> None:
        self.vault = vault

    def study_exists(self, study_id: str) -> bool:
        return self.vault.conn.execute("SELECT 1 FROM study WHERE id = ?", (study_id,)).fetchone() is not None

    def insert_many(self, study_id: str, records: Iterable[SampleRecord], now: datetime | None = None) -> int:
        """Insert the records in one transaction (a savepoint inside the caller's); returns the count."""
        created = _now(now)
        rows = ((study_id, *r[1:15], _attributes_json(r[15]), "to_contact", created) for r in records)
        with self.vault.transaction() as conn:
            # rowcount sums the rows each statement inserted, without those of triggers (0006's call plan)
            return int(conn.executemany(_INSERT, rows).rowcount)

    def count(self, study_id: str, status: str | None = None) -> int:
        sql, params = "SELECT count(*) FROM respondent WHERE study_id = ?", [study_id]
        if status:
            sql, params = sql + " AND status = ?", params + [status]
        return int(self.vault.conn.execute(sql, params).fetchone()[0])

    def count_since(self, study_id: str, after_id: int) -> int:
        """Respondents of a study stored after a given row id (those of the current import)."""
        row = self.vault.conn.execute(
            "SELECT count(*) FROM respondent WHERE study_id = ? AND id > ?", (study_id, after_id)).fetchone()
        return int(row[0])

    def list(self, study_id: str, *, limit: int = 100, offset: int = 0, status: str | None = None) -> list[Respondent]:
        """Respondents of a study in name order, one page at a time."""
        sql, params = "SELECT * FROM respondent WHERE study_id = ?", [study_id]
        if status:
            sql, params = sql + " AND status = ?", params + [status]
        sql += " ORDER BY last_name COLLATE NOCASE, first_name COLLATE NOCASE, id LIMIT ? OFFSET ?"
        rows = self.vault.conn.execute(sql, [*params, limit, offset]).fetchall()
        return [Respondent.from_row(r) for r in rows]

    def search(self, study_id: str, text: str, limit: int = 100) -> builtins.list[Respondent]:
        """Respondents whose name, first name, town, sample id or phone contains the text."""
        needle = text.strip()
        if not needle:
            return self.list(study_id, limit=limit)
        like = "%" + needle.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
        digits = re.sub(r"\D", "", needle)
        clauses = ["last_name LIKE :l ESCAPE '\\'", "first_name LIKE :l ESCAPE '\\'", "town LIKE :l ESCAPE '\\'",
                   "sample_id LIKE :l ESCAPE '\\'", "(last_name || ' ' || first_name) LIKE :l ESCAPE '\\'"]
        if len(digits) >= 4:
            clauses += ["phone LIKE :d", "phone2 LIKE :d"]
        sql = (f"SELECT * FROM respondent WHERE study_id = :s AND ({' OR '.join(clauses)}) "
               "ORDER BY last_name COLLATE NOCASE, first_name COLLATE NOCASE, id LIMIT :n")
        params = {"s": study_id, "l": like, "d": f"%{digits}%", "n": limit}
        return [Respondent.from_row(r) for r in self.vault.conn.execute(sql, params).fetchall()]

    def get(self, respondent_id: int) -> Respondent | None:
        row = self.vault.conn.execute("SELECT * FROM respondent WHERE id = ?", (respondent_id,)).fetchone()
        return Respondent.from_row(row) if row else None

    def by_sample_id(self, study_id: str, sample_id: str) -> Respondent | None:
        row = self.vault.conn.execute(
            "SELECT * FROM respondent WHERE study_id = ? AND sample_id = ?", (study_id, sample_id)).fetchone()
        return Respondent.from_row(row) if row else None

    def sample_ids(self, study_id: str) -> set[str]:
        rows = self.vault.conn.execute("SELECT sample_id FROM respondent WHERE study_id = ?", (study_id,))
        return {r[0] for r in rows}

    def saved_mapping(self, study_id: str) -> SampleMapping | None:
        """The column mapping saved with the study by its last import, if any."""
        row = self.vault.conn.execute("SELECT sample_mapping_json FROM study WHERE id = ?", (study_id,)).fetchone()
        if row is None:
            raise EtudesError(f"étude inconnue : {study_id}")
        return SampleMapping.from_json(row[0]) if row[0] else None

    def save_mapping(self, study_id: str, mapping: SampleMapping) -> None:
        with self.vault.transaction() as conn:
            conn.execute("UPDATE study SET sample_mapping_json = ? WHERE id = ?", (mapping.to_json(), study_id))


# -- suppression list -------------------------------------------------------------------------

class SuppressionList:
    """Keyed digests of people who must not be contacted again; never their contact data."""

    def __init__(self, vault: VaultHandle) -> None:
        self.vault = vault
        self._key = vault.secret(SUPPRESSION_SECRET)

    def digest(self, kind: str, value: str) -> str:
        """HMAC-SHA256 (hex) of the normalised value, with the vault's suppression secret."""
        if kind not in SUPPRESSION_KINDS:
            raise ValueError(f"unknown suppression kind {kind!r}")
        message = f"{kind}\x1f{normalise_identifier(kind, value)}".encode()
        return hmac.new(self._key, message, hashlib.sha256).hexdigest()

    def _digests(self, sample_id: str | None, phones: Iterable[str | None], email: str | None) -> list[tuple[str, str]]:
        pairs = [("sample_id", sample_id)] + [("phone", p) for p in phones] + [("email", email)]
        return [(kind, self.digest(kind, value)) for kind, value in pairs if value and value.strip()]

    def add(self, study_id: str, *, sample_id: str | None = None, phones: Iterable[str | None] = (),
            email: str | None = None, now: datetime | None = None) -> int:
        """Add a person (study id, or ALL_STUDIES); returns how many new digests were stored."""
        added = _now(now)
        with self.vault.transaction() as conn:
            before = conn.total_changes
            conn.executemany(
                "INSERT OR IGNORE INTO suppression (study_id, kind, digest, added_at) VALUES (?, ?, ?, ?)",
                [(study_id, kind, digest, added) for kind, digest in self._digests(sample_id, phones, email)],
            )
            return int(conn.total_changes - before)

    def add_respondent(self, respondent: Respondent, now: datetime | None = None, *, study_id: str | None = None) -> int:
        """Add a stored respondent (their sample id, phones and e-mail) to the list."""
        return self.add(study_id or respondent.study_id, sample_id=respondent.sample_id,
                        phones=(respondent.phone, respondent.phone2), email=respondent.email, now=now)

    def contains(self, study_id: str, *, sample_id: str | None = None, phones: Iterable[str | None] = (),
                 email: str | None = None) -> bool:
        """Whether any of these identifiers is on the list for this study (or for all studies)."""
        pairs = self._digests(sample_id, phones, email)
        if not pairs:
            return False
        marks = ", ".join("(?, ?)" for _ in pairs)
        sql = (f"SELECT 1 FROM suppression WHERE study_id IN (?, ?) AND (kind, digest) IN (VALUES {marks}) LIMIT 1")
        params = [study_id, ALL_STUDIES] + [x for pair in pairs for x in pair]
        if self.vault.conn.execute(sql, params).fetchone() is not None:
            return True
        shared = shared_suppression.matcher(self.vault.conn, study_id)
        return shared is not None and shared(sample_id, phones, email)

    def count(self, study_id: str | None = None) -> int:
        if study_id is None:
            return int(self.vault.conn.execute("SELECT count(*) FROM suppression").fetchone()[0])
        row = self.vault.conn.execute("SELECT count(*) FROM suppression WHERE study_id = ?", (study_id,)).fetchone()
        return int(row[0])

    def matcher(self, study_id: str) -> Callable[[SampleRecord], bool]:
        """A fast predicate for an import: the study's digests, this vault's and those the collection
        office shared (storage.shared_suppression), are loaded once into memory."""
        rows = self.vault.conn.execute(
            "SELECT kind, digest FROM suppression WHERE study_id IN (?, ?)", (study_id, ALL_STUDIES)).fetchall()
        known = {(r[0], r[1]) for r in rows}
        shared = shared_suppression.matcher(self.vault.conn, study_id)
        if not known and shared is None:
            return lambda record: False

        def is_suppressed(record: SampleRecord) -> bool:
            phones = (record.phone, record.phone2)
            if known and any(pair in known for pair in self._digests(record.sample_id, phones, record.email)):
                return True
            return shared is not None and shared(record.sample_id, phones, record.email)

        return is_suppressed
