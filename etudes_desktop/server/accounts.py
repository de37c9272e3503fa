"""Console accounts: addresses, the laptop's password policy (CNIL 2022-100), Argon2id hashes, and
the growing delay after failed logins. No SQL here (see office_store)."""

from __future__ import annotations

import hashlib
import re
from datetime import datetime, timedelta

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from etudes_desktop.core.errors import EtudesError
from etudes_desktop.core.passphrase import PassphraseRefused, normalize, require_acceptable
from etudes_desktop.server.office_store import ROLES, OfficeStore, User

_HASHER = PasswordHasher()  # Argon2id, the library's defaults (RFC 9106 low-memory profile)
_EMAIL = re.compile(r"^[^@\s<>\"']{1,64}@[^@\s<>\"']{1,189}\.[^@\s<>\"'.]{2,}$")
# Verified when the address is unknown, so a wrong address costs the same time as a wrong password.
_DUMMY_HASH = _HASHER.hash("un mot de passe qui ne sert à rien")

# Failed logins: free below the threshold, then 1 s, 2 s, 4 s... up to 15 minutes between tries.
ACCOUNT_FREE_FAILURES = 3
ADDRESS_FREE_FAILURES = 10  # an office behind one address shares it
MAX_DELAY_S = 15 * 60
ROLE_LABELS = {"manager": "responsable d'étude", "dpo": "délégué à la protection des données",
               "insurer": "assureur"}


def normalize_email(email: str) -> str:
    """The address as stored: trimmed, lower case; EtudesError when it is not one."""
    text = (email or "").strip().lower()
    if len(text) > 254 or not _EMAIL.match(text):
        raise EtudesError("adresse électronique invalide")
    return text


def hash_password(password: str) -> str:
    """The policy first (the same as the laptop's passphrase), then an Argon2id hash."""
    try:
        require_acceptable(password)
    except PassphraseRefused as exc:
        raise PassphraseRefused(exc.message.replace("phrase de passe", "mot de passe")) from None
    return _HASHER.hash(normalize(password))


def verify_password(user: User | None, password: str) -> bool:
    """True when the password opens this account (always the same work, known account or not)."""
    try:
        return _HASHER.verify(user.password_hash if user else _DUMMY_HASH, normalize(password)) and user is not None
    except (VerificationError, InvalidHashError):
        return False


def needs_rehash(user: User) -> bool:
    return _HASHER.check_needs_rehash(user.password_hash)


def create_user(office: OfficeStore, email: str, role: str, password: str, actor: str = "cli") -> str:
    if role not in ROLES:
        raise EtudesError(f"rôle inconnu : {role} ({', '.join(ROLES)})")
    return office.add_user(normalize_email(email), role, hash_password(password), actor)


def throttle_keys(email: str, address: str) -> tuple[str, str]:
    """The failure counters of a login attempt: its account and its client address (hashed)."""
    account = hashlib.sha256((email or "").strip().lower().encode("utf-8")).hexdigest()
    where = hashlib.sha256((address or "?").encode("utf-8")).hexdigest()
    return f"account:{account}", f"address:{where}"


def delay_after(failures: int, free: int) -> float:
    """Seconds to wait after `failures` failed attempts when the first `free` ones cost nothing."""
    if failures < free:
        return 0.0
    return float(min(MAX_DELAY_S, 2 ** (failures - free)))


def wait_seconds(office: OfficeStore, keys: tuple[str, str], now: datetime) -> int:
    """How long this account and address must still wait before their next attempt (0: go)."""
    held = office.failures(list(keys))
    wait = 0.0
    for key, free in zip(keys, (ACCOUNT_FREE_FAILURES, ADDRESS_FREE_FAILURES)):
        if key in held:
            failures, last = held[key]
            until = last + timedelta(seconds=delay_after(failures, free))
            wait = max(wait, (until - now).total_seconds())
    return int(-(-wait // 1)) if wait > 0 else 0
