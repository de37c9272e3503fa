"""Key slots: the database key, wrapped (AES-256-GCM) by a passphrase and by a recovery code.

The file `vault.keys` is JSON, versioned, and written atomically. Each slot's metadata (KDF,
parameters, salt, the vault it belongs to) is the AEAD's associated data, so changing any of it
makes the slot unopenable. A SHA-256 checksum over the whole body tells damage or naive editing
apart from a wrong passphrase, and an HMAC keyed by the database key, checked after unwrapping,
catches anyone who recomputed that checksum.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import json
import os
import secrets
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from argon2.low_level import ARGON2_VERSION, Type, hash_secret_raw
from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from etudes_desktop.core import recovery
from etudes_desktop.core.passphrase import normalize
from etudes_desktop.core.wipe import wipe
from etudes_desktop.storage.errors import (
    KeySlotMissing,
    KeySlotTampered,
    VaultTooNew,
    WrongPassphrase,
    WrongRecoveryCode,
)

FORMAT = "etudes-vault-keyslots"
VERSION = 1
KEY_BYTES = 32
SALT_BYTES = 16
NONCE_BYTES = 12
PASSPHRASE = "passphrase"
RECOVERY = "recovery"
_AEAD = "aes-256-gcm"
_MAC_INFO = b"etudes-vault keyslots mac v1"
_RECOVERY_INFO = b"etudes-vault recovery slot v1"
_SECRET_INFO = b"etudes-vault secret v1:"
_TMP_SUFFIX = ".tmp"


@dataclass(frozen=True)
class KdfParams:
    """Argon2id cost. The default (128 MiB, 2 passes) unlocks in 0.2 to 0.6 s on a 2-core laptop."""

    time_cost: int = 2
    memory_cost: int = 128 * 1024  # KiB
    parallelism: int = 4

    @classmethod
    def fast(cls) -> "KdfParams":
        """Cheap parameters, for tests that create many vaults. Never for real data."""
        return cls(time_cost=1, memory_cost=1024, parallelism=1)

    def is_sane(self) -> bool:
        """Bounds that a genuine slot respects (a tampered file could ask for 1 TiB of memory)."""
        return (
            1 <= self.time_cost <= 64
            and 8 * self.parallelism <= self.memory_cost <= 4 * 1024 * 1024
            and 1 <= self.parallelism <= 64
        )


def derive_secret(db_key: bytes, name: str) -> bytes:
    """A 32-byte secret bound to this vault's key and to a purpose name."""
    return _hkdf(db_key, None, _SECRET_INFO + name.encode("utf-8"))


def _hkdf(material: bytes, salt: bytes | None, info: bytes) -> bytes:
    return HKDF(algorithm=hashes.SHA256(), length=KEY_BYTES, salt=salt, info=info).derive(material)


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _unb64(text: Any, size: int) -> bytes:
    if not isinstance(text, str):
        raise KeySlotTampered()
    try:
        data = base64.b64decode(text.encode("ascii"), validate=True)
    except (binascii.Error, UnicodeEncodeError) as exc:
        raise KeySlotTampered() from exc
    if len(data) != size:
        raise KeySlotTampered()
    return data


def canonical(obj: Any) -> bytes:
    """The one byte form of a JSON value that checksums, MACs and AADs are computed over."""
    return json.dumps(obj, sort_keys=True, separators=(",", ":"), ensure_ascii=True).encode("ascii")


@dataclass(frozen=True)
class Slot:
    """One wrapping of the database key."""

    kind: str
    kdf: dict[str, Any]
    nonce: bytes
    ciphertext: bytes

    def metadata(self) -> dict[str, Any]:
        return {"kind": self.kind, "kdf": self.kdf, "aead": _AEAD}

    def to_json(self) -> dict[str, Any]:
        return {**self.metadata(), "nonce": _b64(self.nonce), "ct": _b64(self.ciphertext)}


@dataclass(frozen=True)
class KeySlots:
    """The content of vault.keys."""

    vault_id: str
    db_salt: str  # hex of the database file's first 16 bytes (SQLCipher's salt)
    slots: dict[str, Slot] = field(default_factory=dict)

    # -- building -----------------------------------------------------------------------
    @classmethod
    def new(cls, db_key: bytes | bytearray, db_salt: bytes, passphrase: str, code: str, params: KdfParams) -> "KeySlots":
        empty = cls(vault_id=secrets.token_hex(16), db_salt=db_salt.hex())
        return empty.with_passphrase(db_key, passphrase, params).with_recovery(db_key, code)

    def with_passphrase(self, db_key: bytes, passphrase: str, params: KdfParams) -> "KeySlots":
        """A copy whose passphrase slot wraps db_key under a new passphrase (fresh salt)."""
        kdf = {"alg": "argon2id", "v": ARGON2_VERSION, "t": params.time_cost, "m": params.memory_cost,
               "p": params.parallelism, "salt": _b64(secrets.token_bytes(SALT_BYTES))}
        return self._with_slot(PASSPHRASE, kdf, _passphrase_key(passphrase, kdf), db_key)

    def with_recovery(self, db_key: bytes, code: str) -> "KeySlots":
        """A copy whose recovery slot wraps db_key under a recovery code (150 random bits)."""
        kdf = {"alg": "hkdf-sha256", "salt": _b64(secrets.token_bytes(SALT_BYTES))}
        return self._with_slot(RECOVERY, kdf, _recovery_key(code, kdf), db_key)

    def _with_slot(self, kind: str, kdf: dict[str, Any], wrapping_key: bytes, db_key: bytes) -> "KeySlots":
        nonce = secrets.token_bytes(NONCE_BYTES)
        draft = Slot(kind, kdf, nonce, b"")
        try:
            ciphertext = AESGCM(wrapping_key).encrypt(nonce, db_key, self._aad(draft))
        finally:
            wipe(wrapping_key)
        return replace(self, slots={**self.slots, kind: Slot(kind, kdf, nonce, ciphertext)})

    def _aad(self, slot: Slot) -> bytes:
        return canonical({"format": FORMAT, "version": VERSION, "vault_id": self.vault_id,
                          "db_salt": self.db_salt, "slot": slot.metadata(), "nonce": _b64(slot.nonce)})

    # -- unwrapping -----------------------------------------------------------------------
    def unwrap_passphrase(self, passphrase: str) -> bytes:
        """The database key; WrongPassphrase if the passphrase does not open the slot."""
        slot = self._slot(PASSPHRASE)
        return self._open(slot, _passphrase_key(passphrase, slot.kdf), WrongPassphrase)

    def unwrap_recovery(self, code: str) -> bytes:
        """The database key; WrongRecoveryCode if the code is mistyped or not this vault's."""
        slot = self._slot(RECOVERY)
        try:
            key = _recovery_key(code, slot.kdf)
        except recovery.MalformedRecoveryCode as exc:
            raise WrongRecoveryCode(
                "code de récupération mal saisi : vérifiez chaque groupe (32 caractères, lettres et chiffres)"
            ) from exc
        return self._open(slot, key, WrongRecoveryCode)

    def _slot(self, kind: str) -> Slot:
        slot = self.slots.get(kind)
        if slot is None:
            raise KeySlotTampered(f"le fichier de clés n'a pas d'emplacement « {kind} » : restaurez-le depuis une sauvegarde")
        return slot

    def _open(self, slot: Slot, wrapping_key: bytes, error: type[Exception]) -> bytes:
        """The database key (bytes: the caller copies it into a bytearray and wipes this one)."""
        try:
            return AESGCM(wrapping_key).decrypt(slot.nonce, slot.ciphertext, self._aad(slot))
        except InvalidTag as exc:
            raise error() from exc
        finally:
            wipe(wrapping_key)

    # -- serialising --------------------------------------------------------------------
    def body(self) -> dict[str, Any]:
        return {"format": FORMAT, "version": VERSION, "vault_id": self.vault_id, "db_salt": self.db_salt,
                "slots": [self.slots[k].to_json() for k in sorted(self.slots)]}

    def to_bytes(self, db_key: bytes) -> bytes:
        body = self.body()
        document = {**body, "checksum": hashlib.sha256(canonical(body)).hexdigest(), "mac": self._mac(db_key, body)}
        return (json.dumps(document, indent=2, sort_keys=True) + "\n").encode("ascii")

    def verify_mac(self, db_key: bytes, document: dict[str, Any]) -> None:
        """KeySlotTampered unless the file's HMAC matches (checked once the key is known)."""
        if not hmac.compare_digest(str(document.get("mac", "")), self._mac(db_key, self.body())):
            raise KeySlotTampered()

    @staticmethod
    def _mac(db_key: bytes, body: dict[str, Any]) -> str:
        return hmac.new(_hkdf(db_key, None, _MAC_INFO), canonical(body), hashlib.sha256).hexdigest()


def _passphrase_key(passphrase: str, kdf: dict[str, Any]) -> bytes:
    salt = _unb64(kdf["salt"], SALT_BYTES)
    text = normalize(passphrase)
    secret = text.encode("utf-8")
    if text is not passphrase:
        wipe(text)  # the NFC copy; the caller's own string is the caller's to wipe
    try:
        return hash_secret_raw(secret, salt, kdf["t"], kdf["m"], kdf["p"], KEY_BYTES, Type.ID, kdf["v"])
    finally:
        wipe(secret)


def _recovery_key(code: str, kdf: dict[str, Any]) -> bytes:
    # 150 random bits need no stretching: HKDF is enough, and recovery stays instant.
    material = recovery.normalize(code).encode("ascii")
    try:
        return _hkdf(material, _unb64(kdf["salt"], SALT_BYTES), _RECOVERY_INFO)
    finally:
        wipe(material)


# -- reading and writing the file ------------------------------------------------------------
def load(path: Path) -> tuple[KeySlots, dict[str, Any]]:
    """Parse and check vault.keys; returns the slots and the raw document (for the MAC)."""
    try:
        raw = path.read_bytes()
    except FileNotFoundError as exc:
        raise KeySlotMissing() from exc
    try:
        document = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise KeySlotTampered() from exc
    return parse(document), document


def parse(document: Any) -> KeySlots:
    """Strict reading of the document; anything unexpected is KeySlotTampered."""
    if not isinstance(document, dict) or document.get("format") != FORMAT:
        raise KeySlotTampered()
    version = document.get("version")
    if isinstance(version, int) and version > VERSION:
        raise VaultTooNew("le fichier de clés vient d'une version plus récente de l'application : mettez-la à jour")
    if version != VERSION or set(document) != {"format", "version", "vault_id", "db_salt", "slots", "checksum", "mac"}:
        raise KeySlotTampered()
    body = {k: document[k] for k in ("format", "version", "vault_id", "db_salt", "slots")}
    if not hmac.compare_digest(str(document["checksum"]), hashlib.sha256(canonical(body)).hexdigest()):
        raise KeySlotTampered()
    try:
        slots = [_parse_slot(item) for item in document["slots"]]
        keys = KeySlots(vault_id=_hex(document["vault_id"], 16), db_salt=_hex(document["db_salt"], SALT_BYTES),
                        slots={slot.kind: slot for slot in slots})
    except (KeyError, TypeError, ValueError) as exc:
        raise KeySlotTampered() from exc
    if len(keys.slots) != len(slots) or PASSPHRASE not in keys.slots:
        raise KeySlotTampered()
    return keys


def _hex(value: Any, size: int) -> str:
    if not isinstance(value, str) or len(bytes.fromhex(value)) != size:
        raise ValueError("bad hex field")
    return value


def _parse_slot(item: dict[str, Any]) -> Slot:
    if set(item) != {"kind", "kdf", "aead", "nonce", "ct"} or item["aead"] != _AEAD:
        raise ValueError("bad slot")
    kdf = item["kdf"]
    if item["kind"] == PASSPHRASE:
        _check_argon2(kdf)
    elif item["kind"] == RECOVERY:
        if set(kdf) != {"alg", "salt"} or kdf["alg"] != "hkdf-sha256":
            raise ValueError("bad recovery kdf")
    else:
        raise ValueError("unknown slot kind")
    _unb64(kdf["salt"], SALT_BYTES)
    return Slot(item["kind"], kdf, _unb64(item["nonce"], NONCE_BYTES), _unb64(item["ct"], KEY_BYTES + 16))


def _check_argon2(kdf: dict[str, Any]) -> None:
    if set(kdf) != {"alg", "v", "t", "m", "p", "salt"} or kdf["alg"] != "argon2id" or kdf["v"] != ARGON2_VERSION:
        raise ValueError("bad argon2 kdf")
    if not all(type(kdf[k]) is int for k in ("t", "m", "p")):
        raise ValueError("bad argon2 parameters")
    if not KdfParams(kdf["t"], kdf["m"], kdf["p"]).is_sane():
        raise ValueError("argon2 parameters out of bounds")


def write_atomic(path: Path, data: bytes) -> None:
    """Write a file so that a crash leaves either the old or the new content, never a mix."""
    tmp = path.with_name(f".{path.name}.{secrets.token_hex(6)}{_TMP_SUFFIX}")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o600)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    fsync_dir(path.parent)


def sweep_temporary_files(path: Path) -> None:
    """Remove temporary copies a crash left behind during write_atomic (after a good open)."""
    for leftover in path.parent.glob(f".{path.name}.*{_TMP_SUFFIX}"):
        leftover.unlink(missing_ok=True)


def fsync_dir(folder: Path) -> None:
    """Make a rename durable (POSIX); Windows has no directory handles to sync."""
    if os.name == "nt":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
