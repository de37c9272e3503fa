"""The free-text identity guard: phone numbers, e-mail addresses and a person's own identity.

The register lets a study hold answers, never a way back to the person inside them: a comment
such as « rappeler Lucas Dubois au 06 27 87 44 21 » turns an anonymous answer into a nominative
one. Text answers and notes are refused when they contain

- a **phone number** (French national or international writing, with or without separators:
  ``0627874421``, ``06 27 87 44 21``, ``06.27.87.44.21``, ``+33 6 27 87 44 21``,
  ``+33.6.12.34.56.78``, ``0033 6 ...``, overseas ``0262 ...``/``+262 ...``);
- an **e-mail address** (also written ``prenom [at] domaine.fr`` or ``prenom(at)domaine.fr``);
- the interviewed person's own **name, first name or street** (case and accents ignored, whole
  words only, so « Martin » as a first name does not refuse « martinet »).

Phones and e-mails need no context: the questionnaire engine checks them on every text answer.
The person's identity is known only to the interview, which passes it as ``identity``.
A refusal says what *kind* of data was found and never repeats it. Pure: no Qt, no SQL.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from enum import Enum


class IdentityKind(str, Enum):
    """What was found; the value is stable (it travels in receipts and logs)."""

    PHONE = "phone"
    EMAIL = "email"
    NAME = "name"


MESSAGES: dict[IdentityKind, str] = {
    IdentityKind.PHONE: (
        "Ce texte contient un numéro de téléphone : il ne peut pas être enregistré. "
        "Retirez-le puis recommencez."
    ),
    IdentityKind.EMAIL: (
        "Ce texte contient une adresse électronique : elle ne peut pas être enregistrée. "
        "Retirez-la puis recommencez."
    ),
    IdentityKind.NAME: (
        "Ce texte contient le nom, le prénom ou la rue de la personne interrogée : les réponses "
        "restent anonymes. Retirez-le puis recommencez."
    ),
}

# A phone number is written in pairs with one separator throughout (06 27 87 44 21, 06.27...),
# or without any: the same separator is required between every pair, so that a date followed
# by a time (« 01.02.2026 10:30 ») is never read as a number.
_SEP = r"[ \t\u00a0\u202f.\-\u2010\u2011]"
_NATIONAL = (
    rf"(?<![\d+])0[1-9](?:\d{{8}}|(?P<a>{_SEP})\d\d(?:(?P=a)\d\d){{3}}"
    rf"|\d\d(?P<b>{_SEP})\d\d(?:(?P=b)\d\d){{2}})(?!\d)"
)
# International: +33, 0033, +262 ... then the number without its leading 0, or with (0).
_INTERNATIONAL = (
    rf"(?:\+|(?<!\d)00)(?:33|262|269|590|594|596|508|681|687|689)(?P<c>{_SEP}?)(?:\(0\)(?:(?P=c))?)?"
    rf"(?:[1-9](?:(?P=c)\d\d){{4}}|[1-9]\d\d(?:(?P=c)\d\d){{3}})(?!\d)"
)
_PHONE_RE = re.compile(f"{_NATIONAL}|{_INTERNATIONAL}")

# Bounded parts (as RFC 5321 bounds them): a long run of letters costs a linear scan, never
# a quadratic one, so a hostile 10,000-character answer is checked at once.
_LOCAL = r"[A-Za-z0-9!#$%&'*+/=?^_`{|}~\-]{1,64}(?:\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~\-]{1,64}){0,8}"
_DOMAIN = r"(?:[A-Za-z0-9](?:[A-Za-z0-9\-]{0,61}[A-Za-z0-9])?\.){1,8}[A-Za-z]{2,24}"
_AT = r"(?:\s*@\s*|\s*[\[(]\s*(?:at|arobase)\s*[\])]\s*)"
_EMAIL_RE = re.compile(f"{_LOCAL}{_AT}{_DOMAIN}", re.IGNORECASE)

_STREET_WORDS = frozenset(
    "rue avenue av bd boulevard chemin ch impasse imp allee place pl route rte quai cours "
    "square sq residence res lotissement lot hameau lieu dit lieudit voie sentier passage "
    "faubourg fbg cite de du des la le les l d et bis ter".split()
)
_WORD_RE = re.compile(r"[^\W\d_]+(?:['’\-][^\W\d_]+)*")


def fold(text: str) -> str:
    """Lower case without accents: « Éléonore » and « eleonore » compare equal."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def _words(text: str) -> list[str]:
    return [w for w in re.split(r"[^\w]+|_", fold(text)) if w]


def contains_phone(text: str) -> bool:
    return _PHONE_RE.search(text) is not None


_AT_MARK_RE = re.compile(r"[\[(]\s*(?:at|arobase)\s*[\])]", re.IGNORECASE)


def contains_email(text: str) -> bool:
    if "@" not in text and _AT_MARK_RE.search(text) is None:
        return False  # no at sign of any writing: no address (and no scan)
    return _EMAIL_RE.search(text) is not None


def identity_terms(*, last_name: str = "", first_name: str = "", street: str = "") -> tuple[tuple[str, ...], ...]:
    """The word sequences that identify one person, folded; the street without its number or
    its generic words (« 12 rue Victor Hugo » gives ``('victor', 'hugo')``).

    Each term is a tuple of words matched as consecutive whole words. Names of one or two
    letters are ignored (they would refuse ordinary words).
    """
    terms: list[tuple[str, ...]] = []
    for name in (last_name, first_name):
        words = tuple(_words(name))
        if words and sum(len(w) for w in words) > 2:
            terms.append(words)
    street_words = tuple(w for w in _words(street) if not w.isdigit() and w not in _STREET_WORDS)
    if street_words and sum(len(w) for w in street_words) > 2:
        terms.append(street_words)
    return tuple(terms)


def contains_identity(text: str, terms: Iterable[tuple[str, ...]]) -> bool:
    """True when one of the person's terms appears in ``text`` as consecutive whole words."""
    words = _words(text)
    if not words:
        return False
    for term in terms:
        size = len(term)
        if size == 0:
            continue
        for start in range(len(words) - size + 1):
            if tuple(words[start:start + size]) == term:
                return True
    return False


def find_identity(text: str, terms: Iterable[tuple[str, ...]] = ()) -> IdentityKind | None:
    """The first kind of identifying data in ``text`` (phone, then e-mail, then the person's
    own identity), or None. Never returns the matched text."""
    if not isinstance(text, str) or not text:
        return None
    if contains_email(text):
        return IdentityKind.EMAIL
    if contains_phone(text):
        return IdentityKind.PHONE
    if terms and contains_identity(text, terms):
        return IdentityKind.NAME
    return None


def refusal_message(kind: IdentityKind) -> str:
    """The French sentence shown to whoever typed the text; it never repeats what was found."""
    return MESSAGES[kind]
