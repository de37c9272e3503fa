"""The encrypted vault: one SQLCipher 4 database per installation, opened by its key slots.

Creating and opening are separate paths. Opening checks everything it can before touching the
database (file present, not empty, not plain SQLite, whole pages, key slots present, intact and
belonging to this file), then unwraps the key, proves it, checks every page and the schema
version, and only then sets the pragmas and applies migrations. A refused open writes nothing.
"""

from __future__ import annotations

import itertools
import logging
import os
import secrets
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from etudes_desktop.core import recovery
from etudes_desktop.core.wipe import wipe
from etudes_desktop.core.passphrase import require_acceptable
from etudes_desktop.paths import DataPaths
from etudes_desktop.storage import connection, keyslots, migrate, unlock_throttle
from etudes_desktop.storage.errors import (
    KeySlotTampered,
    VaultCorrupted,
    VaultError,
    VaultExists,
    VaultNotFound,
    WrongPassphrase,
    WrongRecoveryCode,
)
from etudes_desktop.storage.keyslots import KdfParams, KeySlots

__all__ = ["Vault", "KdfParams", "unlock_wait"]

Clock = Callable[[], float]  # wall-clock seconds: the unlock throttle's delays survive a restart
log = logging.getLogger(__name__)
_savepoints = itertools.count(1)


def unlock_wait(paths: DataPaths, clock: Clock = time.time) -> float:
    """Seconds before the next unlock attempt of this vault is allowed, whichever process failed."""
    return unlock_throttle.current_wait(paths.data_dir, clock=clock)


class Vault:
    """An open vault. Use `Vault.create`, `Vault.open` or `Vault.recover`, never the constructor."""

    def __init__(self, paths: DataPaths, conn: Any, key: bytearray) -> None:
        self.paths = paths
        self.conn = conn
        self._key = key  # the only copy Python keeps; zeroed by close()
        self._lock = threading.RLock()
        self._closed = False

    # -- lifecycle --------------------------------------------------------------------------
    @staticmethod
    def exists(paths: DataPaths) -> bool:
        """Whether a vault file is present (it may still be unopenable)."""
        return paths.vault.exists()

    @classmethod
    def create(cls, paths: DataPaths, passphrase: str, kdf: KdfParams | None = None) -> tuple["Vault", str]:
        """A new, empty, migrated vault and its recovery code (to show once)."""
        if paths.vault.exists():
            raise VaultExists()
        require_acceptable(passphrase)
        paths.ensure()
        _set_aside_orphans(paths)
        key, code = bytearray(secrets.token_bytes(keyslots.KEY_BYTES)), recovery.generate()
        try:
            staging = paths.data_dir / f".{paths.vault.name}.creating"
            db_salt = _build_database(staging, key)
            slots = KeySlots.new(key, db_salt, passphrase, code, kdf or KdfParams())
            keyslots.write_atomic(paths.keyslots, slots.to_bytes(key))
            os.replace(staging, paths.vault)
            keyslots.fsync_dir(paths.data_dir)
            log.info("vault created (schema %d)", migrate.latest_version())
            return cls._open_with_key(paths, key), code
        except BaseException:
            wipe(key)
            raise

    @classmethod
    def open(cls, paths: DataPaths, passphrase: str, clock: Clock = time.time) -> "Vault":
        """Unlock with the passphrase. Raises the errors of storage.errors; writes nothing if refused."""
        slots, document = _load_checked(paths)
        key = _unwrap(paths, slots, clock, lambda: slots.unwrap_passphrase(passphrase))
        try:
            slots.verify_mac(key, document)
            vault = cls._open_with_key(paths, key)
        except BaseException:
            wipe(key)
            raise
        keyslots.sweep_temporary_files(paths.keyslots)
        log.info("vault opened (schema %d)", vault.schema_version)
        return vault

    @classmethod
    def recover(cls, paths: DataPaths, recovery_code: str, new_passphrase: str,
                clock: Clock = time.time, kdf: KdfParams | None = None) -> "Vault":
        """Unlock with the recovery code and set a new passphrase; every row is kept."""
        slots, document = _load_checked(paths)
        require_acceptable(new_passphrase)
        key = _unwrap(paths, slots, clock, lambda: slots.unwrap_recovery(recovery_code))
        try:
            slots.verify_mac(key, document)
            vault = cls._open_with_key(paths, key)
        except BaseException:
            wipe(key)
            raise
        try:
            vault._rewrap(slots, new_passphrase, kdf or _slot_params(slots))
        except BaseException:
            vault.close()
            raise
        log.info("vault recovered with its recovery code; passphrase replaced")
        return vault

    @classmethod
    def _open_with_key(cls, paths: DataPaths, key: bytearray) -> "Vault":
        wal_had_frames = connection.wal_has_frames(paths.vault)
        conn = connection.connect(paths.vault, key)
        try:
            connection.verify_pages(conn, paths.vault, wal_had_frames)
            migrate.check_not_too_new(conn)
            connection.configure(conn)
            migrate.apply(conn)
        except BaseException:
            conn.close()
            raise
        return cls(paths, conn, key)

    def close(self) -> None:
        """Close the connection (the log is checkpointed and removed) and forget the key."""
        with self._lock:
            if not self._closed:
                self.conn.close()
                self._closed = True
                wipe(self._key)

    def __enter__(self) -> "Vault":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- keys -------------------------------------------------------------------------------
    def change_passphrase(self, old: str, new: str, kdf: KdfParams | None = None,
                          clock: Clock = time.time) -> None:
        """Rewrap the database key under a new passphrase; the database file is not touched."""
        require_acceptable(new)
        slots, document = _load_checked(self.paths)
        key = _unwrap(self.paths, slots, clock, lambda: slots.unwrap_passphrase(old))
        try:
            if key != self._key:
                raise KeySlotTampered()
            slots.verify_mac(key, document)
        finally:
            wipe(key)
        self._rewrap(slots, new, kdf or _slot_params(slots))
        log.info("vault passphrase changed")

    def _rewrap(self, slots: KeySlots, passphrase: str, params: KdfParams) -> None:
        keyslots.write_atomic(self.paths.keyslots, slots.with_passphrase(self._key, passphrase, params).to_bytes(self._key))

    def secret(self, name: str) -> bytes:
        """A 32-byte secret of this vault for one purpose (e.g. HMAC of the suppression list)."""
        if not name:
            raise ValueError("a secret needs a purpose name")
        return keyslots.derive_secret(self._key, name)

    # -- database ---------------------------------------------------------------------------
    @contextmanager
    def transaction(self) -> Iterator[Any]:
        """BEGIN IMMEDIATE ... COMMIT (durable: synchronous=FULL), ROLLBACK on exception.

        Nested use becomes a savepoint, so services can compose.
        """
        with self._lock:
            if self.conn.in_transaction:
                with self._savepoint() as conn:
                    yield conn
                return
            self.conn.execute("BEGIN IMMEDIATE")
            try:
                yield self.conn
            except BaseException:
                if self.conn.in_transaction:
                    self.conn.execute("ROLLBACK")
                raise
            self.conn.execute("COMMIT")

    @contextmanager
    def _savepoint(self) -> Iterator[Any]:
        name = f"sp_{next(_savepoints)}"
        self.conn.execute(f"SAVEPOINT {name}")
        try:
            yield self.conn
        except BaseException:
            self.conn.execute(f"ROLLBACK TO {name}")
            self.conn.execute(f"RELEASE {name}")
            raise
        self.conn.execute(f"RELEASE {name}")

    @property
    def schema_version(self) -> int:
        return migrate.schema_version(self.conn)

    def checkpoint(self) -> tuple[int, int, int]:
        """Copy the log into the database and truncate it (after a purge, for instance)."""
        with self._lock:
            row = self.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
            return int(row[0]), int(row[1]), int(row[2])

    def check(self) -> dict[str, Any]:
        """Integrity, page authentication, pragmas and schema version; `ok` sums them up."""
        with self._lock:
            integrity = [r[0] for r in self.conn.execute("PRAGMA integrity_check").fetchall()]
            cipher = [r[0] for r in self.conn.execute("PRAGMA cipher_integrity_check").fetchall()]
            pragmas = connection.read_pragmas(self.conn)
            version = self.schema_version
            cipher_version = self.conn.execute("PRAGMA cipher_version").fetchone()[0]
        report = {
            "integrity_check": "ok" if integrity == ["ok"] else integrity,
            "cipher_integrity_check": "ok" if not cipher else cipher,
            "pragmas": pragmas,
            "pragmas_ok": pragmas == connection.EXPECTED_PRAGMAS,
            "schema_version": version,
            "schema_latest": migrate.latest_version(),
            "cipher_version": cipher_version,
        }
        report["ok"] = (report["integrity_check"] == "ok" and report["cipher_integrity_check"] == "ok"
                        and report["pragmas_ok"] and version == report["schema_latest"])
        return report


# -- helpers --------------------------------------------------------------------------------
def _inspect_database_file(path: Path) -> bytes:
    """Cheap checks before any key work; returns SQLCipher's salt (the first 16 bytes)."""
    if not path.exists():
        raise VaultNotFound()
    if not path.is_file():
        raise VaultCorrupted("l'emplacement du coffre n'est pas un fichier")
    size = path.stat().st_size
    if size == 0:
        raise VaultCorrupted("le fichier du coffre est vide : ce n'est pas un coffre utilisable, restaurez une sauvegarde")
    with path.open("rb") as handle:
        head = handle.read(keyslots.SALT_BYTES)
    if head == connection.PLAIN_SQLITE_MAGIC:
        raise VaultCorrupted("le fichier du coffre n'est pas chiffré : ce n'est pas un coffre Études terrain")
    if size % connection.PAGE_SIZE:
        raise VaultCorrupted("le fichier du coffre est tronqué : restaurez une sauvegarde")
    return head


def _load_checked(paths: DataPaths) -> tuple[KeySlots, dict[str, Any]]:
    """The key slots, checked against the database file they claim to belong to."""
    db_salt = _inspect_database_file(paths.vault)
    slots, document = keyslots.load(paths.keyslots)
    if slots.db_salt != db_salt.hex():
        raise KeySlotTampered(
            "le fichier de clés ne correspond pas à ce coffre (remplacé, ou coffre endommagé) : "
            "restaurez la paire vault.db / vault.keys d'une même sauvegarde"
        )
    return slots, document


def _unwrap(paths: DataPaths, slots: KeySlots, clock: Clock, attempt: Callable[[], bytes]) -> bytearray:
    """Run one unlock attempt under the throttle shared by every process (storage/unlock_throttle);
    the key comes back as a bytearray, its bytes copy zeroed."""

    def counted() -> bytearray:
        raw = attempt()
        key = bytearray(raw)
        wipe(raw)
        return key

    try:
        key, earlier = unlock_throttle.guarded(paths.data_dir, slots.vault_id, counted, clock=clock)
    except (WrongPassphrase, WrongRecoveryCode) as exc:
        log.warning("vault unlock refused (%s), failure %d", type(exc).__name__,
                    unlock_throttle.failures(paths.data_dir))
        raise
    if earlier:
        log.info("vault unlocked after %d failed attempt(s)", earlier)
    return key


def _slot_params(slots: KeySlots) -> KdfParams:
    kdf = slots.slots[keyslots.PASSPHRASE].kdf
    return KdfParams(time_cost=kdf["t"], memory_cost=kdf["m"], parallelism=kdf["p"])


def _build_database(staging: Path, key: bytearray) -> bytes:
    """Create the encrypted, migrated database at a staging name; returns its salt."""
    for leftover in (staging, staging.with_name(staging.name + "-wal"), staging.with_name(staging.name + "-shm")):
        leftover.unlink(missing_ok=True)
    conn = connection.connect(staging, key)
    try:
        connection.configure(conn)
        migrate.apply(conn)
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchall()
    finally:
        conn.close()
    os.chmod(staging, 0o600)
    with staging.open("rb") as handle:
        os.fsync(handle.fileno())
        salt = handle.read(keyslots.SALT_BYTES)
    if len(salt) != keyslots.SALT_BYTES or salt == connection.PLAIN_SQLITE_MAGIC:
        raise VaultError("la création du coffre a échoué (fichier non chiffré)")
    return salt


def _set_aside_orphans(paths: DataPaths) -> None:
    """Keys or a log without a database (interrupted creation, lost file): keep them, renamed.

    A stale -wal next to a new database would otherwise be replayed into it.
    """
    stamp = time.strftime("%Y%m%d-%H%M%S")
    for path in (paths.keyslots, paths.vault.with_name(paths.vault.name + "-wal"), paths.vault.with_name(paths.vault.name + "-shm")):
        if path.exists():
            aside = path.with_name(f"{path.name}.orphelin-{stamp}")
            os.replace(path, aside)
            log.warning("%s without a vault set aside as %s", path.name, aside.name)
