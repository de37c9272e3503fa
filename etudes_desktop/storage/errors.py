"""The vault's refusals: one class per failure, each with a clear French message."""

from __future__ import annotations

from etudes_desktop.core.errors import EtudesError


class VaultError(EtudesError):
    """Any refused vault operation."""

    default_message = "opération sur le coffre refusée"

    def __init__(self, message: str | None = None) -> None:
        super().__init__(message or self.default_message)


class VaultNotFound(VaultError):
    default_message = "aucun coffre dans ce dossier : créez-le d'abord (etudes vault init)"


class VaultExists(VaultError):
    default_message = "un coffre existe déjà dans ce dossier : il n'a pas été modifié"


class VaultCorrupted(VaultError):
    default_message = "le fichier du coffre est endommagé : restaurez une sauvegarde"


class WrongPassphrase(VaultError):
    default_message = "phrase de passe incorrecte"


class WrongRecoveryCode(VaultError):
    default_message = "code de récupération incorrect"


class KeySlotMissing(VaultError):
    default_message = (
        "le fichier de clés du coffre (vault.keys) est absent : sans lui le coffre ne peut pas "
        "être ouvert ; restaurez-le depuis une sauvegarde"
    )


class KeySlotTampered(VaultError):
    default_message = (
        "le fichier de clés du coffre (vault.keys) a été modifié ou est endommagé : "
        "restaurez-le depuis une sauvegarde"
    )


class VaultTooNew(VaultError):
    default_message = "ce coffre a été écrit par une version plus récente de l'application : mettez-la à jour"


class UnlockThrottled(VaultError):
    """Too many failed unlocks: the next attempt is allowed in `retry_after` seconds."""

    def __init__(self, retry_after: float) -> None:
        self.retry_after = max(0.0, float(retry_after))
        seconds = max(1, int(self.retry_after + 0.999))
        super().__init__(f"trop d'essais infructueux : réessayez dans {seconds} s")
