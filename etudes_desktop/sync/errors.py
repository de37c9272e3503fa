"""Why a sync stopped, as types: screens choose their words by type, never by matching text.

Every error keeps a French message (the command line prints it, the log keeps it); the
interface maps each type to a translated sentence (gui/messages.py `sync_error_text`).
"""

from __future__ import annotations

from etudes_desktop.core.errors import EtudesError


class SyncError(EtudesError):
    """The sync stopped; what was not acknowledged stays and the next sync resumes it."""


class SyncCancelled(SyncError):
    def __init__(self) -> None:
        super().__init__("synchronisation annulée")


class TokenRefused(SyncError):
    """401: the device token is unknown or revoked."""

    def __init__(self, detail: str) -> None:
        super().__init__(f"jeton d'appareil refusé par le serveur ({detail})")


class WriteRefused(SyncError):
    """403: the token is known but may not write (the study closed, the device revoked for it)."""

    def __init__(self, detail: str) -> None:
        super().__init__(f"écriture refusée par le serveur ({detail})")


class ServerUnreachable(SyncError):
    """The network or the server failed on every retry."""

    def __init__(self, attempts: int, detail: str) -> None:
        self.attempts = attempts
        super().__init__(f"serveur injoignable après {attempts} tentatives ({detail})")


class WrongStudy(SyncError):
    """The token was enrolled for another study than the one asked."""

    def __init__(self, enrolled: str, asked: str) -> None:
        self.enrolled, self.asked = enrolled, asked
        super().__init__(f"ce jeton est inscrit pour l'étude {enrolled}, pas pour {asked}")


class BatchRefused(SyncError):
    """The server refused a whole batch (neither a receipt per interview nor a retry)."""

    def __init__(self, detail: str) -> None:
        super().__init__(f"lot refusé par le serveur : {detail}")


class ServerIncoherent(SyncError):
    """The server's answer does not match what was sent (another batch's receipts)."""

    def __init__(self, what: str) -> None:
        super().__init__(f"réponse du serveur incohérente ({what})")


class AuditRejected(SyncError):
    """The server refused the audit log upload."""

    def __init__(self, detail: str) -> None:
        super().__init__(f"journal d'audit refusé par le serveur ({detail})")
