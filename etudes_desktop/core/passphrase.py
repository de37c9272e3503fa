"""Passphrase policy of the CNIL (délibération 2022-100): a password used alone, about 80 bits.

Accepted: at least 12 characters mixing the 4 classes (lowercase, uppercase, digits, special),
14 mixing 3 classes, 16 mixing 2 classes, or a passphrase of at least 7 words. Spaces count in
the length but not as a class: a sentence of lowercase words is judged by its word count. Pure functions: the GUI calls them on every keystroke.
"""

from __future__ import annotations

import math
import re
import unicodedata
from dataclasses import dataclass

from etudes_desktop.core.errors import EtudesError
from etudes_desktop.core.plural import count as _n

TARGET_BITS = 80.0
MIN_WORDS = 7
MIN_DISTINCT_CHARS = 8
# Minimum length for a given number of character classes (CNIL 2022-100 examples, ~80 bits).
MIN_LENGTH_BY_CLASSES = {4: 12, 3: 14, 2: 16}
_CLASS_NAMES = ("minuscules", "majuscules", "chiffres", "caractères spéciaux")
_CLASS_SIZES = (26, 26, 10, 33)
_WORD_SPLIT = re.compile(r"[\s\-_.,;:/+]+")
ACCEPTED = (
    "au moins 12 caractères avec minuscules, majuscules, chiffres et caractères spéciaux, "
    "ou 14 avec trois de ces types, ou 16 avec deux, "
    f"ou une phrase d'au moins {MIN_WORDS} mots"
)


class PassphraseRefused(EtudesError):
    """The passphrase does not meet the policy; the message says what would be accepted."""


@dataclass(frozen=True)
class PolicyResult:
    """What the policy thinks of one passphrase."""

    ok: bool
    message: str
    bits: float  # rough entropy estimate, for live feedback only
    strength: float  # bits / 80, capped to 1.0
    length: int
    classes: tuple[str, ...]
    words: int


def normalize(passphrase: str) -> str:
    """NFC form, so the same typed text gives the same key on every keyboard and system."""
    return unicodedata.normalize("NFC", passphrase)


def char_classes(text: str) -> tuple[str, ...]:
    """Names of the character classes present in the text, in a fixed order."""
    present = [False, False, False, False]
    for ch in text:
        if ch.islower():
            present[0] = True
        elif ch.isupper():
            present[1] = True
        elif ch.isdigit():
            present[2] = True
        elif not ch.isspace():
            present[3] = True
    return tuple(name for name, here in zip(_CLASS_NAMES, present) if here)


def words_of(text: str) -> list[str]:
    """The words of a passphrase: runs of at least two letters between separators."""
    return [w for w in _WORD_SPLIT.split(text.strip()) if len(w) >= 2 and any(c.isalpha() for c in w)]


def _estimate_bits(text: str, classes: tuple[str, ...], words: list[str]) -> float:
    alphabet = sum(size for name, size in zip(_CLASS_NAMES, _CLASS_SIZES) if name in classes)
    by_chars = len(text) * math.log2(alphabet) if alphabet else 0.0
    by_words = len({w.lower() for w in words}) * 11.0  # a word from a ~2,000-word vocabulary
    return max(by_chars, by_words)


def _char_rule_ok(text: str, classes: tuple[str, ...]) -> bool:
    needed = MIN_LENGTH_BY_CLASSES.get(len(classes))
    if needed is None or len(set(text)) < MIN_DISTINCT_CHARS:
        return False
    return len(text) >= needed


def _word_rule_ok(words: list[str]) -> bool:
    return len(words) >= MIN_WORDS and len({w.lower() for w in words}) >= MIN_WORDS - 2


def check_passphrase(passphrase: str) -> PolicyResult:
    """Judge a passphrase against the policy; the message is French and says what is missing."""
    text = normalize(passphrase)
    classes = char_classes(text)
    words = words_of(text)
    bits = _estimate_bits(text, classes, words)
    ok = _char_rule_ok(text, classes) or _word_rule_ok(words)
    message = _accepted_message(text, classes, words) if ok else _refused_message(text, classes, words)
    strength = 1.0 if ok else min(0.95, bits / TARGET_BITS)
    return PolicyResult(ok, message, round(bits, 1), strength, len(text), classes, len(words))


def require_acceptable(passphrase: str) -> None:
    """Raise PassphraseRefused unless the passphrase meets the policy."""
    result = check_passphrase(passphrase)
    if not result.ok:
        raise PassphraseRefused(result.message)


def _accepted_message(text: str, classes: tuple[str, ...], words: list[str]) -> str:
    if _word_rule_ok(words) and not _char_rule_ok(text, classes):
        return f"phrase de passe acceptée ({len(words)} mots)"
    return f"phrase de passe acceptée ({len(text)} caractères, {len(classes)} types)"


def _refused_message(text: str, classes: tuple[str, ...], words: list[str]) -> str:
    if not text:
        return f"phrase de passe vide : il faut {ACCEPTED}"
    have = ", ".join(classes) or "espaces"
    parts = [f"phrase de passe trop faible ({len(text)} caractères : {have}"]
    if len(words) > 1:
        parts.append(f" ; {len(words)} mots")
    parts.append(")")
    needed = MIN_LENGTH_BY_CLASSES.get(len(classes))
    if needed is None:
        parts.append(f" ; un seul type de caractères : ajoutez-en d'autres ou écrivez au moins {MIN_WORDS} mots")
    elif len(text) >= needed and len(set(text)) < MIN_DISTINCT_CHARS:
        parts.append(f" ; trop de caractères répétés (au moins {MIN_DISTINCT_CHARS} différents)")
    else:
        parts.append(f" ; avec {len(classes)} types, il manque {_n(needed - len(text), 'caractère')}")
    parts.append(f". Accepté : {ACCEPTED}.")
    return "".join(parts)
