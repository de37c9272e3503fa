"""A write the disk refused, as a typed error with a French message (never the SQL text).

`guarded_write(vault)` wraps one write transaction: a `sqlcipher3.OperationalError` or
`DatabaseError` raised inside it, or by its COMMIT (disk full, I/O error, read-only file),
leaves nothing half-written (the transaction is rolled back) and becomes `StorageFull` or
`WriteFailed`. Nothing was saved; the caller says so.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import sqlcipher3

from etudes_desktop.storage.errors import VaultError
from etudes_desktop.storage.handle import VaultHandle

log = logging.getLogger(__name__)


class WriteFailed(VaultError):
    """The vault could not write: nothing of this operation was saved."""

    default_message = "erreur d'écriture du coffre : la réponse n'a pas été enregistrée"


class StorageFull(WriteFailed):
    """The disk (or the vault's size limit) is full."""

    default_message = "disque plein : la réponse n'a pas été enregistrée ; libérez de la place puis réessayez"


_FULL_WORDS = ("full", "no space")


@contextmanager
def guarded_write(vault: VaultHandle) -> Iterator[Any]:
    """One transaction of `vault`; a failure of the disk becomes a typed error, rolled back."""
    try:
        with vault.transaction() as conn:
            yield conn
    except (sqlcipher3.OperationalError, sqlcipher3.DatabaseError) as exc:
        if isinstance(exc, sqlcipher3.IntegrityError):
            raise
        _rollback(vault)
        text = str(exc).lower()
        # The log keeps the kind of failure only: SQLite's text names no value, but stay strict.
        log.error("vault write failed (%s)", type(exc).__name__)
        if any(word in text for word in _FULL_WORDS):
            raise StorageFull() from None
        raise WriteFailed() from None


def _rollback(vault: VaultHandle) -> None:
    """A failed COMMIT may leave the transaction open: close it so the next write starts clean."""
    conn = vault.conn
    try:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
    except sqlcipher3.DatabaseError:
        log.error("vault rollback after a failed write failed")
