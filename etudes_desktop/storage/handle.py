"""What every layer may rely on of an open vault (storage.vault.Vault is the one implementation).

Functions of storage, sync, the screens and the command line take a `VaultHandle`: an open
SQLCipher connection, transactions (nested ones become savepoints), a WAL checkpoint, secrets
derived from the vault key, and its folders.
"""

from __future__ import annotations

from contextlib import AbstractContextManager
from typing import Any, Protocol

from etudes_desktop.paths import DataPaths


class VaultHandle(Protocol):
    paths: DataPaths
    conn: Any  # sqlcipher3's connection (untyped library): rows are sqlite3.Row-like

    def transaction(self) -> AbstractContextManager[Any]:
        """BEGIN IMMEDIATE ... COMMIT (ROLLBACK on error); a savepoint when one is open."""

    def checkpoint(self) -> tuple[int, int, int]:
        """Fold the WAL into the database file (TRUNCATE), as after a purge."""

    def secret(self, name: str) -> bytes:
        """A key derived from the vault key for one purpose (the suppression list's HMAC...)."""

    def close(self) -> None: ...
