"""The SQLCipher connection: raw key, key check, pragmas, and a quiet library."""

from __future__ import annotations

import binascii
from etudes_desktop.core.plural import count as _n
import threading
from pathlib import Path
from typing import Any

import sqlcipher3

from etudes_desktop.core.wipe import wipe
from etudes_desktop.storage.errors import VaultCorrupted, VaultError

PAGE_SIZE = 4096  # SQLCipher 4 default cipher_page_size
PLAIN_SQLITE_MAGIC = b"SQLite format 3\x00"
# Pragma -> the value it must read back after open.
EXPECTED_PRAGMAS: dict[str, Any] = {
    "journal_mode": "wal",
    "synchronous": 2,  # FULL
    "temp_store": 2,  # MEMORY
    "secure_delete": 1,
    "foreign_keys": 1,
}
_SETTINGS = (
    "PRAGMA journal_mode = WAL",
    "PRAGMA synchronous = FULL",
    "PRAGMA temp_store = MEMORY",
    "PRAGMA secure_delete = ON",
    "PRAGMA foreign_keys = ON",
)
_silenced = threading.Lock()
_silenced_done = False


def silence_library_log() -> None:
    """SQLCipher logs to stderr ("hmac check failed ..."): turn that off, process-wide, once."""
    global _silenced_done
    with _silenced:
        if _silenced_done:
            return
        probe = sqlcipher3.connect(":memory:")
        try:
            probe.execute("PRAGMA cipher_log_level = NONE").fetchall()
            probe.execute("PRAGMA cipher_log = off").fetchall()
        finally:
            probe.close()
        _silenced_done = True


def set_raw_key(conn: Any, key: bytes | bytearray) -> None:
    """Give SQLCipher its raw key (x'<hex>', no key derivation) through sqlite3_key: the hex form
    lives in a bytearray zeroed right after, never in a `PRAGMA key` string that the connection's
    statement cache would keep."""
    hexed = binascii.hexlify(key)
    material = bytearray(b"x'")
    material += hexed
    material += b"'"
    wipe(hexed)
    try:
        conn.set_key(material)
    finally:
        wipe(material)


def connect(path: Path, key: bytes | bytearray) -> Any:
    """Open the database with its raw key and prove the key right; VaultCorrupted otherwise."""
    silence_library_log()
    conn = sqlcipher3.connect(str(path), isolation_level=None, check_same_thread=False)
    try:
        set_raw_key(conn, key)
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlcipher3.DatabaseError as exc:
        conn.close()
        raise VaultCorrupted(
            "le fichier du coffre est endommagé, tronqué ou remplacé : il ne se lit pas avec sa clé ; "
            "restaurez une sauvegarde"
        ) from exc
    conn.row_factory = sqlcipher3.Row
    return conn


def wal_has_frames(path: Path) -> bool:
    """Whether a write-ahead log with content sits next to the database (after a crash)."""
    wal = path.with_name(path.name + "-wal")
    return wal.exists() and wal.stat().st_size > 0


def verify_pages(conn: Any, path: Path, wal_had_frames: bool) -> None:
    """Every page's HMAC checks out and the file holds every page: VaultCorrupted otherwise."""
    try:
        problems = conn.execute("PRAGMA cipher_integrity_check").fetchall()
        pages = int(conn.execute("PRAGMA page_count").fetchone()[0])
    except sqlcipher3.DatabaseError as exc:
        raise VaultCorrupted() from exc
    if problems:
        raise VaultCorrupted(f"le coffre est endommagé ({_n(len(problems), 'page altérée', 'pages altérées')}) : restaurez une sauvegarde")
    # Pages may live only in the log after a crash; without one, the file must hold them all.
    if not wal_had_frames and pages * PAGE_SIZE > path.stat().st_size:
        raise VaultCorrupted("le fichier du coffre est tronqué : restaurez une sauvegarde")


def configure(conn: Any) -> dict[str, Any]:
    """Set the pragmas and check they read back as required; returns what was read."""
    for statement in _SETTINGS:
        conn.execute(statement).fetchall()
    found = read_pragmas(conn)
    wrong = {k: v for k, v in found.items() if v != EXPECTED_PRAGMAS[k]}
    if wrong:
        raise VaultError(f"réglages de sécurité du coffre refusés par la bibliothèque : {sorted(wrong)}")
    return found


def read_pragmas(conn: Any) -> dict[str, Any]:
    """The current values of the pragmas the vault depends on."""
    found = {}
    for name in EXPECTED_PRAGMAS:
        value = conn.execute(f"PRAGMA {name}").fetchone()[0]
        found[name] = value.lower() if isinstance(value, str) else int(value)
    return found
