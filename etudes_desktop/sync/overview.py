"""What the synchronisation screen reads: what waits, the last success, the sync log, the problems.

Read-only and PII-free (ids, counts, reasons, times); plus the two settings the screen edits.
No Qt: the GUI calls these, the command line could too.
"""

from __future__ import annotations

from dataclasses import dataclass

from etudes_desktop.core.errors import EtudesError
from etudes_desktop.core.interview import SYNC_PROBLEMS, WAITING_SYNC, values
from etudes_desktop.storage.handle import VaultHandle
from etudes_desktop.storage.outbox import SETTING_LAST_SYNC
from etudes_desktop.storage.settings import read_setting, write_setting
from etudes_desktop.sync.engine import SETTING_SERVER, SETTING_TOKEN

WAITING_STATES = values(WAITING_SYNC)  # what the next sync sends
PROBLEM_STATES = values(SYNC_PROBLEMS)  # what stays on the laptop with a reason


@dataclass(frozen=True)
class SyncStatus:
    """The line of the status bar: what waits and when the last sync succeeded."""

    waiting: int
    problems: int
    last_success: str | None  # ISO time, UTC


@dataclass(frozen=True)
class SyncLogEntry:
    """One line of `sync_log`: a batch, or a failed/cancelled run (batch_id None)."""

    id: int
    at: str
    study_id: str | None
    batch_id: str | None
    sent: int
    accepted: int
    duplicate: int
    conflict: int
    rejected: int
    outcome: str
    duration_ms: int | None


@dataclass(frozen=True)
class ProblemInterview:
    """An interview the server refused or found in conflict, with the reason given."""

    id: str
    study_id: str
    state: str
    completed_at: str | None
    reason: str | None
    refused_locally: bool = False  # never sent: its content may not leave the laptop as it is
    code: str | None = None  # sync.protocol.ReasonCode value (None for receipts stored before codes)


@dataclass(frozen=True)
class SyncSettings:
    server_url: str
    token: str

    @property
    def complete(self) -> bool:
        return bool(self.server_url and self.token)


def status(vault: VaultHandle) -> SyncStatus:
    """Counts over every study of the vault, and the time of the last successful sync."""
    rows = dict(vault.conn.execute(f"SELECT state, count(*) FROM interview WHERE state IN ({','.join('?' * (len(WAITING_STATES) + len(PROBLEM_STATES)))}) "
                                   "GROUP BY state", (*WAITING_STATES, *PROBLEM_STATES)).fetchall())
    return SyncStatus(waiting=sum(rows.get(s, 0) for s in WAITING_STATES),
                      problems=sum(rows.get(s, 0) for s in PROBLEM_STATES),
                      last_success=read_setting(vault, SETTING_LAST_SYNC))


def log_entries(vault: VaultHandle, limit: int = 500) -> list[SyncLogEntry]:
    """The latest lines of the sync log, newest first."""
    rows = vault.conn.execute("SELECT id, at, study_id, batch_id, sent, accepted, duplicate, conflict, rejected, "
                              "outcome, duration_ms FROM sync_log ORDER BY id DESC LIMIT ?", (limit,)).fetchall()
    return [SyncLogEntry(*tuple(r)) for r in rows]


def problems(vault: VaultHandle, limit: int = 1000) -> list[ProblemInterview]:
    """Interviews refused or in conflict, oldest first, with the server's (or the laptop's) reason."""
    rows = vault.conn.execute(
        "SELECT id, study_id, state, completed_at, receipt_reason, receipt_status = 'local', receipt_code FROM interview "
        f"WHERE state IN ({','.join('?' * len(PROBLEM_STATES))}) ORDER BY completed_at, id LIMIT ?",
        (*PROBLEM_STATES, limit)).fetchall()
    return [ProblemInterview(*tuple(r[:5]), refused_locally=bool(r[5]), code=r[6]) for r in rows]


def load_settings(vault: VaultHandle) -> SyncSettings:
    return SyncSettings(read_setting(vault, SETTING_SERVER) or "", read_setting(vault, SETTING_TOKEN) or "")


class CleartextAddress(EtudesError):
    """An http:// address that is not this machine: the interviews would cross the network in clear."""

    def __init__(self) -> None:
        super().__init__("cette adresse n'est pas chiffrée (http://) : les données circuleraient en clair sur le "
                         "réseau ; utilisez https://, ou confirmez explicitement")


def is_cleartext_remote(url: str) -> bool:
    """True for an http:// address whose host is not this machine (127.0.0.0/8, ::1, localhost)."""
    import ipaddress
    from urllib.parse import urlsplit

    parts = urlsplit(url.strip())
    if parts.scheme.lower() != "http":
        return False
    host = (parts.hostname or "").lower()
    if host == "localhost" or host.endswith(".localhost"):
        return False
    try:
        return not ipaddress.ip_address(host).is_loopback
    except ValueError:
        return True


def save_settings(vault: VaultHandle, server_url: str, token: str, *, allow_cleartext: bool = False) -> SyncSettings:
    """Check and store the server address and the device token (inside the encrypted vault only).
    A non-loopback http:// address needs `allow_cleartext` (an explicit confirmation): TLS is the norm."""
    url, token = server_url.strip().rstrip("/"), token.strip()
    if not url:
        raise EtudesError("indiquez l'adresse du serveur")
    if not url.startswith(("http://", "https://")) or len(url.split("://", 1)[1]) == 0:
        raise EtudesError("l'adresse du serveur doit commencer par http:// ou https://")
    if any(c.isspace() for c in url):
        raise EtudesError("l'adresse du serveur ne doit pas contenir d'espace")
    if is_cleartext_remote(url) and not allow_cleartext:
        raise CleartextAddress()
    if not token:
        raise EtudesError("indiquez le jeton d'appareil")
    if any(c.isspace() for c in token):
        raise EtudesError("ce jeton d'appareil n'est pas valide")
    write_setting(vault, SETTING_SERVER, url)
    write_setting(vault, SETTING_TOKEN, token)
    return SyncSettings(url, token)
