"""Answers and attributes at rest: AES-256-GCM on the stored payload, with the server key.

The key (32 bytes) comes, in this order, from `ETUDES_SERVER_KEY` (base64 or hex), from the file
named by `ETUDES_SERVER_KEY_FILE`, or, for the SQLite backend only, from `server.key` beside the
database (created 0600 on first use). A PostgreSQL server without a configured key refuses to
start: its database lives elsewhere, so must its key. Each value is sealed with a fresh 96-bit
nonce and the interview id as associated data, so a row copied under another id does not open.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import os
import secrets
from pathlib import Path

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from etudes_desktop.core.errors import EtudesError

KEY_ENV = "ETUDES_SERVER_KEY"
KEY_FILE_ENV = "ETUDES_SERVER_KEY_FILE"
KEY_FILE = "server.key"
PREFIX = "aesgcm1:"


def _decode(text: str) -> bytes:
    text = text.strip()
    for decode in (bytes.fromhex, base64.b64decode, base64.urlsafe_b64decode):
        try:
            raw = decode(text)
        except (ValueError, binascii.Error):
            continue
        if len(raw) == 32:
            return raw
    raise EtudesError("clé du serveur invalide : 32 octets attendus (base64 ou hexadécimal)")


def new_key_text() -> str:
    return base64.b64encode(secrets.token_bytes(32)).decode()


def load_key(default_file: Path | None) -> bytes:
    """The server key from the environment, a key file, or (SQLite) the data folder's key file."""
    if os.environ.get(KEY_ENV):
        return _decode(os.environ[KEY_ENV])
    named = os.environ.get(KEY_FILE_ENV)
    if named:
        try:
            return _decode(Path(named).read_text(encoding="ascii"))
        except OSError:
            raise EtudesError(f"fichier de clé du serveur illisible : {named}") from None
    if default_file is None:
        raise EtudesError(f"clé du serveur manquante : définissez {KEY_ENV} ou {KEY_FILE_ENV} "
                          "(les réponses sont chiffrées au repos)")
    try:
        fd = os.open(default_file, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        return _decode(default_file.read_text(encoding="ascii"))
    with os.fdopen(fd, "w", encoding="ascii") as out:
        out.write(new_key_text() + "\n")
    return _decode(default_file.read_text(encoding="ascii"))


class Sealer:
    """Seals and opens stored payloads (text in, text out)."""

    def __init__(self, key: bytes) -> None:
        self._aead = AESGCM(key)
        self._key = key

    def derive(self, label: str) -> str:
        """A hex HMAC-SHA256 of `label` under the server key: a secret every worker derives alike
        (the study case keys of server.cases_store), never stored."""
        return hmac.new(self._key, label.encode("utf-8"), hashlib.sha256).hexdigest()

    def seal(self, text: str, associated: str) -> str:
        nonce = secrets.token_bytes(12)
        sealed = self._aead.encrypt(nonce, text.encode("utf-8"), associated.encode("utf-8"))
        return PREFIX + base64.b64encode(nonce + sealed).decode("ascii")

    def open(self, value: str, associated: str) -> str:
        if not value.startswith(PREFIX):
            return value  # stored in clear before encryption at rest existed
        raw = base64.b64decode(value[len(PREFIX):])
        try:
            return self._aead.decrypt(raw[:12], raw[12:], associated.encode("utf-8")).decode("utf-8")
        except InvalidTag:
            raise EtudesError("donnée chiffrée illisible : mauvaise clé du serveur, ou ligne altérée") from None
