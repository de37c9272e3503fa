"""The insurer's sample imported on the server: the laptop's own importer (core.sample: mapping,
field rules, NIR guard, duplicates, the study's suppression list), stored as sealed cases in one
transaction. A refused file leaves nothing: no case, no file record, no audit entry; a row
holding a NIR is never stored, not even for the instant before the rollback.

Beside cases_store.py (same tables); SQL on SQLite or PostgreSQL.
"""

from __future__ import annotations

import hashlib
import hmac
import logging
import re
import unicodedata
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import orjson
from sqlalchemy import delete, func, insert, select, update
from sqlalchemy.dialects import sqlite

from etudes_desktop.core.errors import EtudesError
from etudes_desktop.core.plural import count as _n
from etudes_desktop.core.sample import (
    RESPONDENT_FIELDS,
    SampleImport,
    SampleMapping,
    SampleProblem,
    SampleRecord,
    SampleRefused,
)
from etudes_desktop.server.cases_store import CasesStore, case_suppression, cases, departement, sample_files
from etudes_desktop.server.office_store import published_studies
from etudes_desktop.server.store import deliveries, reading
from etudes_desktop.sync import case_protocol as cp

log = logging.getLogger(__name__)

_BATCH = 2000
_WIRE_KEY = re.compile(r"^[A-Za-z0-9_.\-]{1,64}$")  # case_protocol.AssignedPerson.attributes
_MAX_ATTRIBUTES = 64
_FIELDS = RESPONDENT_FIELDS[1:]  # SampleRecord positions 2..14 (0 is the line, 1 the sample id)


@dataclass
class ServerImportReport:
    """What a server import did: counts, and the rejected rows' problems in partial mode."""

    study_id: str
    file_id: str
    total_rows: int
    imported: int
    rejected: int
    suppressed: int
    problems: list[SampleProblem] = field(default_factory=list)

    def summary(self) -> str:
        text = f"{_n(self.imported, 'personne importée', 'personnes importées')} dans l'étude {self.study_id}"
        if self.rejected:
            text += f" ; {_n(self.rejected, 'ligne rejetée', 'lignes rejetées')}"
        if self.suppressed:
            text += f" ; {_n(self.suppressed, 'personne ignorée', 'personnes ignorées')} (liste d'opposition)"
        return text


class _Digester:
    """case_protocol.case_digest with the HMAC key prepared once, and the last answer remembered
    (the importer asks for a row's digest, then the row is stored under it)."""

    def __init__(self, key: str) -> None:
        self._base = hmac.new(bytes.fromhex(key), digestmod=hashlib.sha256)
        self._last: tuple[str | None, str] = (None, "")

    def case(self, sample_id: str) -> str:
        if sample_id == self._last[0]:
            return self._last[1]
        mac = self._base.copy()
        mac.update(("case:" + sample_id.strip()).encode("utf-8"))
        self._last = (sample_id, mac.hexdigest())
        return self._last[1]


class _Digests:
    """The study's held sample ids, as SampleImport asks (`id in existing`), known by digest only."""

    def __init__(self, digester: _Digester, digests: set[str]) -> None:
        self.digester, self.digests = digester, digests

    def __contains__(self, sample_id: object) -> bool:
        return isinstance(sample_id, str) and self.digester.case(sample_id) in self.digests

    def __iter__(self) -> Iterator[str]:
        return iter(())

    def __len__(self) -> int:
        return len(self.digests)


_COLUMNS = [c.name for c in cases.columns]
_SQLITE_INSERT = str(insert(cases).compile(dialect=sqlite.dialect(paramstyle="qmark"), column_keys=_COLUMNS))
_PG_COPY = f"COPY cases ({', '.join(_COLUMNS)}) FROM STDIN"


def _store_rows(conn, dialect: str, rows: list[tuple[object, ...]]) -> None:  # noqa: ANN001
    """Many cases at once: COPY on PostgreSQL, one prepared INSERT on SQLite (far faster than
    SQLAlchemy's generic executemany for 100,000 rows)."""
    if dialect == "postgresql":
        with conn.connection.driver_connection.cursor() as cursor, cursor.copy(_PG_COPY) as copy:
            for row in rows:
                copy.write_row(row)
        return
    conn.exec_driver_sql(_SQLITE_INSERT, rows)


def wire_key(header: str) -> str:
    """An attribute column's name as the laptop receives it: letters, digits, _ . - only."""
    plain = "".join(c for c in unicodedata.normalize("NFKD", header) if not unicodedata.combining(c))
    return re.sub(r"[^A-Za-z0-9_.\-]+", "_", plain).strip("_")[:64] or "attribut"


def _attribute_problems(importer: SampleImport) -> tuple[dict[str, str], list[SampleProblem]]:
    names = [h for h in importer.headers if importer.mapping.columns.get(h, "attribute") == "attribute"]
    keys: dict[str, str] = {}
    problems = []
    for header in names:
        key = header if _WIRE_KEY.match(header) else wire_key(header)
        if key in keys.values():
            problems.append(SampleProblem(None, header, f"deux colonnes d'attribut donnent le même nom « {key} » : "
                                                        "renommez l'une d'elles ou ignorez-la dans la correspondance"))
        keys[header] = key
    if len(names) > _MAX_ATTRIBUTES:
        problems.append(SampleProblem(None, names[_MAX_ATTRIBUTES], f"plus de {_MAX_ATTRIBUTES} colonnes d'attribut : "
                                                                   "ignorez celles dont l'étude n'a pas besoin"))
    return keys, problems


def _file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _suppression_matcher(key: str, known: set[str]):  # noqa: ANN202 - a predicate for SampleImport
    if not known:
        return None

    def is_suppressed(record: SampleRecord) -> bool:
        pairs = [("sample_id", record.sample_id.strip()), ("phone", record.phone), ("phone", record.phone2),
                 ("email", record.email)]
        return any(cp.suppression_digest(key, kind, value) in known for kind, value in pairs if value)  # type: ignore[arg-type]

    return is_suppressed


def import_sample(cases_store: CasesStore, study_id: str, path: Path | str, mapping: SampleMapping | None = None, *,
                  partial: bool = False, file_name: str | None = None, actor: str = "cli",
                  role: str | None = None) -> ServerImportReport:
    """Check then import a sample file as the study's cases. Raises SampleRefused / EtudesError."""
    path = Path(path)
    store, engine = cases_store.store, cases_store.engine
    key = cases_store.case_key(study_id)
    with reading(engine) as conn:
        if conn.execute(select(deliveries.c.study_id).where(deliveries.c.study_id == study_id)).first():
            raise EtudesError(f"l'étude {study_id} a été livrée : plus d'import d'échantillon")
        if conn.execute(select(published_studies.c.closed_at).where(
                published_studies.c.study_id == study_id, published_studies.c.closed_at.is_not(None))).first():
            raise EtudesError(f"l'étude {study_id} est close : plus d'import d'échantillon")
        held = set(conn.execute(select(cases.c.digest).where(cases.c.study_id == study_id)).scalars())
        shared = set(conn.execute(select(case_suppression.c.digest).where(
            case_suppression.c.study_id == study_id)).scalars())
    digester = _Digester(key)
    importer = SampleImport(path, mapping, partial=partial, existing_ids=_Digests(digester, held),
                            is_suppressed=_suppression_matcher(key, shared))
    keys, wire_problems = _attribute_problems(importer)
    if wire_problems:
        importer.check()  # the NIR guard and the rules still see every row: a NIR is named first
        raise importer.refusal() or SampleRefused(
            f"fichier refusé : {_n(len(wire_problems), 'problème')} dans l'en-tête, rien n'a été importé :\n"
            + "\n".join(f"  {p}" for p in wire_problems), wire_problems, nir=False)
    file_id, now = str(uuid.uuid4()), cases_store.now()
    sha = _file_sha256(path)
    try:
        with engine.begin() as conn:
            conn.execute(insert(sample_files).values(
                id=file_id, study_id=study_id, file_name=(file_name or path.name)[:255], sha256=sha, rows=0,
                imported=0, imported_at=now, actor=actor))
            batch: list[tuple[object, ...]] = []
            for record in importer.records():
                batch.append(_row(store.sealer, digester, study_id, file_id, now, keys, record))
                if len(batch) >= _BATCH:
                    _store_rows(conn, store.dialect, batch)
                    batch = []
            if batch:
                _store_rows(conn, store.dialect, batch)
            refusal = importer.refusal()
            if refusal is not None:
                raise refusal  # rolls back every case stored so far
            scan = importer.scan_result
            assert scan is not None
            doubled = [cp.case_digest(key, s) for s in scan.duplicate_ids]  # partial: no occurrence stays
            for start in range(0, len(doubled), 500):
                conn.execute(delete(cases).where(cases.c.file_id == file_id, cases.c.digest.in_(doubled[start:start + 500])))
            imported = conn.execute(select(func.count()).select_from(cases).where(cases.c.file_id == file_id)).scalar_one()
            conn.execute(update(sample_files).where(sample_files.c.id == file_id).values(
                rows=scan.total_rows, imported=imported))
            counts = {"rows": scan.total_rows, "imported": int(imported), "rejected": scan.rejected_rows,
                      "suppressed": scan.suppressed}
            cases_store.office._audit(conn, actor, role, "sample_imported", study_id, counts)
    except SampleRefused:
        scan = importer.scan_result
        if scan is not None:
            log.info("server sample import refused: study=%s rows=%d problems=%d nir_cells=%d",
                     study_id, scan.total_rows, scan.problem_count, len(scan.nir_problems))
        raise
    log.info("server sample imported: study=%s rows=%d imported=%d", study_id, scan.total_rows, imported)
    return ServerImportReport(study_id, file_id, scan.total_rows, int(imported), scan.rejected_rows, scan.suppressed,
                              list(scan.problems))


def _row(sealer, digester: _Digester, study_id: str, file_id: str, now: str, keys: dict[str, str],  # noqa: ANN001
         record: SampleRecord) -> tuple[object, ...]:
    """One case, in the order of the table's columns."""
    case_id = str(uuid.uuid4())
    fields = {name: value for name, value in zip(_FIELDS, record[2:15]) if value is not None}
    person = {"sample_id": record.sample_id, "fields": fields,
              "attributes": {keys[h]: v for h, v in record.attributes.items()}}
    values = {"id": case_id, "study_id": study_id, "digest": digester.case(record.sample_id), "file_id": file_id,
              "record": sealer.seal(orjson.dumps(person).decode("utf-8"), case_id),
              "departement": departement(record.postcode), "device_id": None, "assigned_at": None, "status": "open",
              "updated_at": now}
    return tuple(values[name] for name in _COLUMNS)
