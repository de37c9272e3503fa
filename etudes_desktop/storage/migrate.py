"""Numbered schema migrations: storage/migrations/NNNN_name.sql, one transaction each.

The schema version is `PRAGMA user_version`: migration N sets it to N in the same transaction
as its statements, so a crash leaves the vault either before or after a migration, never inside.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from etudes_desktop.storage.errors import VaultError, VaultTooNew

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"
_NAME = re.compile(r"^(\d{4})_[a-z0-9_]+\.sql$")

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Migration:
    number: int
    name: str
    sql: str


def available(folder: Path = MIGRATIONS_DIR) -> list[Migration]:
    """The migrations shipped with the code, in order; numbers must run 1, 2, 3... without gaps."""
    found = []
    for path in sorted(folder.glob("*.sql")):
        match = _NAME.match(path.name)
        if not match:
            raise RuntimeError(f"migration file misnamed: {path.name}")
        found.append(Migration(int(match.group(1)), path.stem, path.read_text(encoding="utf-8")))
    numbers = [m.number for m in found]
    if numbers != list(range(1, len(found) + 1)):
        raise RuntimeError(f"migration numbers must be 1..N without gaps: {numbers}")
    return found


def latest_version(folder: Path = MIGRATIONS_DIR) -> int:
    """The schema version this code writes."""
    return len(available(folder))


def schema_version(conn: Any) -> int:
    return int(conn.execute("PRAGMA user_version").fetchone()[0])


def check_not_too_new(conn: Any, folder: Path = MIGRATIONS_DIR) -> int:
    """The vault's schema version; VaultTooNew if it is newer than this code knows."""
    version = schema_version(conn)
    latest = latest_version(folder)
    if version > latest:
        raise VaultTooNew(
            f"ce coffre est au schéma {version}, cette version de l'application ne connaît que le "
            f"schéma {latest} : mettez l'application à jour (le coffre n'a pas été modifié)"
        )
    return version


def apply(conn: Any, folder: Path = MIGRATIONS_DIR) -> list[int]:
    """Apply the pending migrations, each in one transaction; returns the numbers applied."""
    current = check_not_too_new(conn, folder)
    applied = []
    for migration in available(folder)[current:]:
        _apply_one(conn, migration)
        applied.append(migration.number)
        log.info("vault migrated to schema %d (%s)", migration.number, migration.name)
    return applied


def _apply_one(conn: Any, migration: Migration) -> None:
    script = f"BEGIN IMMEDIATE;\n{migration.sql}\n;\nPRAGMA user_version = {migration.number};\nCOMMIT;\n"
    try:
        conn.executescript(script)
    except Exception as exc:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        log.error("migration %d failed: %s", migration.number, type(exc).__name__)
        raise VaultError(
            f"la mise à jour du coffre (étape {migration.number}) a échoué ; le coffre est resté dans son état précédent"
        ) from exc
