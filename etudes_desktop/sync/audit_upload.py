"""The laptop's audit log travels with sync: entries not yet sent, in chunks, idempotent by entry id.

The entries hold events, ids and counts only (storage/audit.py); the server keeps each once per
device, so a chunk re-sent after a lost answer is harmless.
"""

from __future__ import annotations

import json
from collections.abc import Callable

from etudes_desktop.storage import audit
from etudes_desktop.storage.handle import VaultHandle
from etudes_desktop.storage.settings import read_setting, write_setting
from etudes_desktop.sync import protocol as p
from etudes_desktop.sync.transport import Reply

SETTING_AUDIT_UPTO = "sync.audit_sent_upto"
CHUNK = 1000


class AuditRefused(Exception):
    """The server refused the upload (its message, in French)."""


def pending(vault: VaultHandle, limit: int = CHUNK) -> list[audit.AuditEntry]:
    """Entries the server has not acknowledged yet, oldest first."""
    upto = int(read_setting(vault, SETTING_AUDIT_UPTO) or 0)
    return audit.entries(vault.conn, since_id=upto, limit=limit)


def upload(vault: VaultHandle, device_id: str | None, post: Callable[[bytes], Reply]) -> int:
    """Send every pending entry; returns how many the server acknowledged. `post` does the retries."""
    sent = 0
    while entries := pending(vault):
        body = json.dumps({
            "protocol_version": p.PROTOCOL_VERSION, "device_id": device_id,
            "entries": [e.as_dict() for e in entries],
        }, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
        reply = post(body)
        if reply.status != 200:
            raise AuditRefused(reply.message())
        last = entries[-1].id
        write_setting(vault, SETTING_AUDIT_UPTO, last)
        sent += len(entries)
        if len(entries) < CHUNK:
            break
    return sent
