"""The digests of case management (sync.case_protocol's wire contract): a case and the people of
a study's shared suppression list are named by HMAC-SHA256 under the study's case key, never by a
sample id, a phone or an e-mail. The values are normalised as the laptop's own suppression list
normalises them, so the same person gives the same digest on every laptop and on the server.
Pure: no Qt, no SQL.
"""

from __future__ import annotations

import hashlib
import hmac
import re
from collections.abc import Iterable
from typing import Literal

from etudes_desktop.core.sample_values import normalise_email, normalise_phone

Kind = Literal["sample_id", "phone", "email"]
KINDS: tuple[Kind, ...] = ("sample_id", "phone", "email")


def normalise_identifier(kind: str, value: str) -> str:
    """A sample id, phone or e-mail as both suppression lists compare it."""
    if kind == "phone":
        phone = normalise_phone(value)
        return phone if phone else re.sub(r"\D", "", value)
    if kind == "email":
        return normalise_email(value) or value.strip().lower()
    return value.strip()


def _hmac(key_hex: str, message: str) -> str:
    return hmac.new(bytes.fromhex(key_hex), message.encode("utf-8"), hashlib.sha256).hexdigest()


def case_digest(key_hex: str, sample_id: str) -> str:
    return _hmac(key_hex, "case:" + sample_id.strip())


def suppression_digest(key_hex: str, kind: Kind, normalised: str) -> str:
    return _hmac(key_hex, f"{kind}:{normalised}")


def person_digests(key_hex: str, sample_id: str | None, phones: Iterable[str | None], email: str | None) -> list[str]:
    """A person's suppression digests (sample id, each phone, e-mail), in that order, no repeats."""
    pairs: list[tuple[Kind, str | None]] = [("sample_id", sample_id), *(("phone", p) for p in phones), ("email", email)]
    out: list[str] = []
    for kind, value in pairs:
        if value and value.strip():
            digest = suppression_digest(key_hex, kind, normalise_identifier(kind, value))
            if digest not in out:
                out.append(digest)
    return out
