"""The laptop's audit log travels with sync: entries not yet sent, in chunks, idempotent by entry id.

The entries hold events, ids and counts only (storage/audit.py); the server keeps each once per
device, so a chunk re-sent after a lost answer is harmless. A vault created anew with a token
already used (a laptop installed again) numbers its entries from 1: they go up numbered after
what the server held for the device when this vault first sent (`sync.audit_offset.<device>`),
so none is taken for a re-send of the old vault's entries and dropped.
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
SETTING_AUDIT_OFFSET = "sync.audit_offset."  # + device id
CHUNK = 1000


class AuditRefused(Exception):
    """The server refused the upload (its message, in French)."""


def pending(vault: VaultHandle, limit: int = CHUNK) -> list[audit.AuditEntry]:
    """Entries the server has not acknowledged yet, oldest first."""
    upto = int(read_setting(vault, SETTING_AUDIT_UPTO) or 0)
    return audit.entries(vault.conn, since_id=upto, limit=limit)


def known_shift(vault: VaultHandle, device_id: str | None, server_upto: int) -> int | None:
    """What is added to this vault's entry ids for this device, fixed the first time the vault
    sends to it; None when a probe must tell (the server holds entries of this device, this vault
    never sent: either an answer lost on the first upload, or another vault's entries)."""
    if device_id is None:
        return 0
    key = SETTING_AUDIT_OFFSET + device_id
    held = read_setting(vault, key)
    if held is not None:
        return int(held)
    if read_setting(vault, SETTING_AUDIT_UPTO) is not None or server_upto == 0:
        write_setting(vault, key, 0)  # sent before this setting existed, or a device new to the server
        return 0
    return None


def upload(vault: VaultHandle, device_id: str | None, post: Callable[[bytes], Reply], *, server_upto: int = 0) -> int:
    """Send every pending entry; returns how many the server acknowledged. `post` does the retries;
    `server_upto` is the highest entry id the server said it holds for the device.

    When the server already holds entries of the device and this vault never sent, its first
    entry goes alone: held as it is (an answer lost), the numbering stays; held as another entry
    (this vault replaced another with the same token), every entry goes numbered after them."""
    sent = 0
    shift = known_shift(vault, device_id, server_upto)
    while entries := pending(vault, 1 if (probe := shift is None) else CHUNK):
        body = json.dumps({
            "protocol_version": p.PROTOCOL_VERSION, "device_id": device_id,
            "entries": [{**e.as_dict(), "id": e.id + (shift or 0)} for e in entries],
        }, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
        reply = post(body)
        if reply.status != 200:
            raise AuditRefused(reply.message())
        if probe:
            answer = reply.body if isinstance(reply.body, dict) else {}
            conflicts, upto = answer.get("conflicts") or [], answer.get("upto")
            shift = int(upto) if conflicts and isinstance(upto, int) else 0
            write_setting(vault, SETTING_AUDIT_OFFSET + str(device_id), shift)
            if shift:
                continue  # not this vault's entry: sent again, numbered after what the server holds
        write_setting(vault, SETTING_AUDIT_UPTO, entries[-1].id)
        sent += len(entries)
        if len(entries) < CHUNK and not probe:
            break
    return sent
