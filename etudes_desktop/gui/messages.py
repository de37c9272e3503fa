"""What the screens say about the vault: translated error texts and the live policy feedback."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication

from etudes_desktop.gui.i18n import SOURCE_LANGUAGE, current_language


def vault_error_text(exc: BaseException) -> str:
    """One sentence for the person at the keyboard, in the interface's language."""
    from etudes_desktop.core.recovery import MalformedRecoveryCode
    from etudes_desktop.storage import errors

    known: list[tuple[type[BaseException], str]] = [
        (errors.WrongPassphrase, QCoreApplication.translate("VaultMessages", "Phrase de passe incorrecte.")),
        (errors.WrongRecoveryCode, QCoreApplication.translate("VaultMessages", "Code de secours incorrect.")),
        (errors.VaultNotFound, QCoreApplication.translate("VaultMessages", "Aucun coffre n'existe dans ce dossier.")),
        (errors.VaultExists, QCoreApplication.translate("VaultMessages", "Un coffre existe déjà dans ce dossier.")),
        (errors.VaultTooNew, QCoreApplication.translate("VaultMessages", "Ce coffre a été écrit par une version plus récente de l'application : mettez-la à jour.")),
        (errors.KeySlotMissing, QCoreApplication.translate("VaultMessages", "Le fichier des clés du coffre est introuvable. Contactez votre responsable d'étude.")),
        (errors.KeySlotTampered, QCoreApplication.translate("VaultMessages", "Le fichier des clés du coffre a été modifié. Contactez votre responsable d'étude.")),
        (errors.VaultCorrupted, QCoreApplication.translate("VaultMessages", "Le coffre est endommagé. Contactez votre responsable d'étude.")),
    ]
    if isinstance(exc, errors.WrongRecoveryCode) and isinstance(exc.__cause__, MalformedRecoveryCode):
        return QCoreApplication.translate("VaultMessages", "Ce code de secours est mal saisi : vérifiez chaque groupe de quatre caractères.")
    for kind, text in known:
        if isinstance(exc, kind):
            return text
    message = getattr(exc, "message", None)
    if message and current_language() == SOURCE_LANGUAGE:
        return _sentence(str(message))
    return QCoreApplication.translate("VaultMessages", "L'opération sur le coffre a échoué.")


def throttle_text(seconds: int) -> str:
    """The countdown line shown while unlocking is delayed after repeated failures."""
    text = QCoreApplication.translate("VaultMessages", "Trop d'essais infructueux. Nouvel essai possible dans %1 s.")
    return text.replace("%1", str(max(0, seconds)))


@dataclass(frozen=True)
class PolicyFeedback:
    """The live verdict on a new passphrase and its confirmation."""

    acceptable: bool  # the policy accepts the passphrase and both entries match
    text: str
    state: str  # "ok", "error" or "" (nothing typed yet), used as a style role


def policy_feedback(passphrase: str, confirmation: str) -> PolicyFeedback:
    """Check the policy as the person types; say what would be accepted when it refuses."""
    from etudes_desktop.core.passphrase import check_passphrase

    if not passphrase:
        return PolicyFeedback(False, "", "")
    result = check_passphrase(passphrase)
    if not result.ok:
        return PolicyFeedback(False, _policy_text(result.message, ok=False), "error")
    verdict = "✓ " + _policy_text(result.message, ok=True)
    if not confirmation:
        return PolicyFeedback(False, verdict + "\n" + QCoreApplication.translate("VaultMessages", "Saisissez-la une seconde fois pour confirmer."), "ok")
    if confirmation != passphrase:
        return PolicyFeedback(False, verdict + "\n" + QCoreApplication.translate("VaultMessages", "Les deux saisies diffèrent."), "error")
    return PolicyFeedback(True, verdict + "\n" + QCoreApplication.translate("VaultMessages", "Les deux saisies concordent."), "ok")


def _sentence(text: str) -> str:
    """The core's lower-case message as a sentence."""
    text = text.strip()
    if not text:
        return text
    text = text[0].upper() + text[1:]
    return text if text.endswith((".", "!", "?")) else text + "."


def _policy_text(core_message: str, *, ok: bool) -> str:
    """The core's precise French message, or the translated rule in another language."""
    if current_language() == SOURCE_LANGUAGE and core_message:
        return _sentence(core_message)
    if ok:
        return QCoreApplication.translate("VaultMessages", "Phrase de passe conforme.")
    return QCoreApplication.translate("VaultMessages", "Trop faible. Sont acceptés : 12 caractères mêlant minuscules, majuscules, chiffres et symboles ; 14 caractères de trois de ces sortes ; 16 de deux sortes ; ou une phrase de 7 mots.")
