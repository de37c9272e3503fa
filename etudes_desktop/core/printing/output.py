"""Writing a printed document to the file the user chose: whole or not at all, refusals in French."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from etudes_desktop.core.errors import EtudesError


def write_whole(path: Path, pdf: bytes) -> None:
    """Write `pdf` (a document, never personal data) whole or not at all (a temporary file beside it, then renamed)."""
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        raise EtudesError(f"dossier introuvable pour {path.name} : {folder}")
    if path.is_dir():
        raise EtudesError(f"impossible d'écrire {path.name} : c'est un dossier, donnez un nom de fichier .pdf")
    try:
        handle, temporary = tempfile.mkstemp(dir=folder, prefix=".etudes-", suffix=".pdf")
    except OSError as exc:
        raise EtudesError(f"impossible d'écrire {path.name} : {_reason(exc)}") from None
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(pdf)
        os.replace(temporary, path)
    except OSError as exc:
        Path(temporary).unlink(missing_ok=True)
        raise EtudesError(f"impossible d'écrire {path.name} : {_reason(exc)}") from None


def _reason(exc: OSError) -> str:
    if isinstance(exc, PermissionError):
        return "accès refusé (dossier en lecture seule ou fichier protégé)"
    if isinstance(exc, IsADirectoryError):
        return "c'est un dossier"
    return "écriture impossible (disque plein ?)"
