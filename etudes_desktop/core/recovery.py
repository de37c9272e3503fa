"""Recovery codes: 150 random bits in Crockford base32, read aloud in groups of four.

A code is 30 random symbols plus 2 check symbols (from SHA-256), shown as 8 groups:
`K7M2-9QXD-...`. Parsing forgives case, spaces, dashes and the look-alikes O/0, I/L/1, U/V,
and the check symbols tell a typo apart from a wrong code.
"""

from __future__ import annotations

import hashlib
import secrets

ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"  # Crockford: no I, L, O, U
RANDOM_SYMBOLS = 30  # 30 x 5 bits = 150 bits
CHECK_SYMBOLS = 2
GROUP = 4
_ALIASES = {"O": "0", "I": "1", "L": "1", "U": "V"}


class MalformedRecoveryCode(ValueError):
    """The text cannot be a recovery code (length, symbols or check symbols)."""


def _check(body: str) -> str:
    digest = hashlib.sha256(body.encode("ascii")).digest()
    value = int.from_bytes(digest[:2], "big")
    return "".join(ALPHABET[(value >> (5 * i)) & 31] for i in range(CHECK_SYMBOLS))


def generate() -> str:
    """A fresh recovery code, grouped for reading aloud."""
    body = "".join(secrets.choice(ALPHABET) for _ in range(RANDOM_SYMBOLS))
    return format_code(body + _check(body))


def format_code(symbols: str) -> str:
    """Symbols grouped by four, separated by dashes."""
    return "-".join(symbols[i : i + GROUP] for i in range(0, len(symbols), GROUP))


def normalize(text: str) -> str:
    """The canonical symbols of a typed code (no separators); raises MalformedRecoveryCode."""
    symbols = []
    for ch in text.upper():
        if ch in " -_.\t\n\r":
            continue
        ch = _ALIASES.get(ch, ch)
        if ch not in ALPHABET:
            raise MalformedRecoveryCode("caractère invalide")
        symbols.append(ch)
    code = "".join(symbols)
    if len(code) != RANDOM_SYMBOLS + CHECK_SYMBOLS:
        raise MalformedRecoveryCode("longueur invalide")
    if _check(code[:RANDOM_SYMBOLS]) != code[RANDOM_SYMBOLS:]:
        raise MalformedRecoveryCode("symboles de contrôle faux")
    return code
