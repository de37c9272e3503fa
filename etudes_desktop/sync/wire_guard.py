"""What a payload may carry, checked on every string, key and number (laptop and server alike).

The NIR guard runs on every string (keys included) and on every integer or float written out
as digits; digit-only values of neighbouring answers are also checked joined, so a NIR split
over two answers is found. Phones and e-mails are found by the shared free-text guard. A
refusal names the kind of data and where, never the data itself. Pure: no Qt, no SQL, no HTTP.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime
from typing import Any

from etudes_desktop.core.free_text import IdentityKind, find_identity
from etudes_desktop.core.nir import contains_nir, is_plausible_nir, is_product_code

MIN_YEAR, MAX_YEAR = 2000, 2100
MAX_KEYS = 2000
MAX_TEXT = 10_000
MAX_LIST = 500
MAX_DEPTH = 3
MAX_ABS_NUMBER = 2**53  # beyond it a JSON number is not exact anyway
_CODE = 10**12  # an integer below this in size has too few digits to be a NIR

_KINDS = {IdentityKind.PHONE: "a phone number", IdentityKind.EMAIL: "an e-mail address",
          IdentityKind.NAME: "a name"}
_NIR_KIND = "a social security number (NIR)"
_DIGITS = re.compile(r"^[\d .\-]{1,20}$")
# "Jean Dupont", "claire testeuse": two to four words of letters only read as a person's name.
_NAME_LIKE = re.compile(r"^[^\W\d_]+(?:['’\-][^\W\d_]+)*(?:\s+[^\W\d_]+(?:['’\-][^\W\d_]+)*){1,3}$")


def check_time(value: str) -> str:
    """A real ISO 8601 moment with a zone, between 2000 and 2100."""
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        raise ValueError("not a real date and time") from None
    if moment.tzinfo is None:
        raise ValueError("a time zone is required")
    if not MIN_YEAR <= moment.astimezone(UTC).year <= MAX_YEAR:
        raise ValueError(f"date outside {MIN_YEAR}-{MAX_YEAR}")
    return value


def moment(value: str) -> datetime:
    return datetime.fromisoformat(value)


def identifying(text: str) -> str | None:
    """The kind of identifying data in a text ('a social security number (NIR)', ...), or None."""
    if len(text) < 6:  # shorter than the shortest e-mail ("a@b.fr"); a NIR or a phone is longer still
        return None
    if contains_nir(text):
        return _NIR_KIND
    kind = find_identity(text)
    return _KINDS[kind] if kind else None


_CLEAN_KEYS: set[str] = set()  # keys found to carry nothing (a form's question names, mostly)
_CLEAN_KEYS_MAX = 10_000


def key_identifying(key: str) -> str | None:
    """`identifying` for a key of answers or attributes: the same verdict, remembered for the keys
    that carry nothing (every interview of a study repeats the same few hundred names); a key
    that carries something is never remembered."""
    if key in _CLEAN_KEYS:
        return None
    kind = identifying(key)
    if kind is None and len(_CLEAN_KEYS) < _CLEAN_KEYS_MAX:
        _CLEAN_KEYS.add(key)
    return kind


def check_text(text: str, what: str) -> str:
    kind = identifying(text)
    if kind:
        raise ValueError(f"{what} carries {kind}")
    return text


def check_pseudonym(text: str) -> str:
    check_text(text, "the interviewer pseudonym")
    if _NAME_LIKE.match(text.strip()):
        raise ValueError("the interviewer pseudonym looks like a first name and a name")
    return text


def _number_digits(value: int | float) -> str | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, float):
        if value != value or value in (float("inf"), float("-inf")):
            raise ValueError("a number must be finite")
        if abs(value) >= 1e11 and value == int(value):
            return str(abs(int(value)))
        return None
    return str(abs(value))


def _digits_of(value: Any) -> str | None:
    """The digits of a number or of a digit-only text, for the split-NIR check."""
    if type(value) is int:
        return str(abs(value))
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        if isinstance(value, float) and value != int(value):
            return None
        return str(abs(int(value)))
    if isinstance(value, str) and _DIGITS.match(value):
        return re.sub(r"\D", "", value)
    return None


class IdentifyingValue(ValueError):
    """A value (or key) carries identifying data; `kind` says which, for callers to word it."""

    def __init__(self, message: str, kind: IdentityKind | None) -> None:
        super().__init__(message)
        self.kind = kind  # None: a NIR


def _kind_of(text: str) -> IdentityKind | None:
    return None if contains_nir(text) else find_identity(text)


def check_mapping(value: dict[str, Any], what: str) -> dict[str, Any]:
    """Every key and value of answers or attributes: bounded, and carrying no identifying data."""
    if len(value) > MAX_KEYS:
        raise ValueError(f"{what}: more than {MAX_KEYS} entries")
    _walk(value, what, 0)
    if not _may_join_into_nir(value):
        return value
    digits = [(key, d) for key, d in ((k, _digits_of(v)) for k, v in value.items()) if d]
    if len(digits) > 1:
        for order in (digits, sorted(digits)):  # neighbours as sent, and in key order
            for (_, first), (_, second) in zip(order, order[1:]):
                if len(first) + len(second) in (13, 15) and is_plausible_nir(first + second):
                    raise ValueError(f"{what} carry a social security number (NIR) split over two values")
    return value


def _may_join_into_nir(value: dict[str, Any]) -> bool:
    """Whether two neighbouring values could join into a NIR: 13 or 15 digits from two values
    need one of them to have seven digits at least, which a code of a few digits never has (the
    common answer), so most payloads skip the pairing below without computing any digits."""
    for item in value.values():
        kind = type(item)
        if kind is int:
            if -1_000_000 < item < 1_000_000:
                continue
        elif kind is str:
            if len(item) < 7 or _DIGITS.match(item) is None:
                continue
        elif kind is float:
            if -1e6 < item < 1e6:
                continue
        elif kind is bool or item is None or kind is list or kind is dict:
            continue
        return True
    return False


def _walk(value: Any, what: str, depth: int) -> None:
    kind = type(value)
    if kind is int:  # the common answer: a code
        if abs(value) > MAX_ABS_NUMBER:
            raise ValueError(f"{what}: a number out of range")
        if value >= 10**12 or value <= -(10**12):
            if contains_nir(str(abs(value))):
                raise ValueError(f"{what}: a number is a social security number (NIR)")
        return
    if kind is str and len(value) < 6:
        return
    if depth > MAX_DEPTH:
        raise ValueError(f"{what}: nested too deeply")
    if isinstance(value, dict):
        for key, item in value.items():
            if not isinstance(key, str) or not 1 <= len(key) <= 128:
                raise ValueError(f"{what}: a key must be 1 to 128 characters")
            if len(key) >= 6:  # a shorter key (a question's name, often) carries nothing: see identifying
                kind = key_identifying(key)
                if kind:
                    raise IdentifyingValue(f"{what}: a key carries {kind}", _kind_of(key))
            leaf = type(item)
            if (leaf is int and -_CODE < item < _CODE) or (leaf is str and len(item) < 6):
                continue  # a code or a short text, as at the top of _walk: nothing to find, no call
            _walk(item, what, depth + 1)
    elif isinstance(value, list):
        if len(value) > MAX_LIST:
            raise ValueError(f"{what}: a list longer than {MAX_LIST}")
        for item in value:
            leaf = type(item)
            if (leaf is int and -_CODE < item < _CODE) or (leaf is str and len(item) < 6):
                continue
            _walk(item, what, depth + 1)
    elif isinstance(value, str):
        if len(value) > MAX_TEXT:
            raise ValueError(f"{what}: a text longer than {MAX_TEXT} characters")
        kind = identifying(value)
        if kind == _NIR_KIND and what == "answers" and is_product_code(value):
            kind = None  # a barcode answer: a 13-digit product code no person's NIR can be (core.nir)
        if kind:
            raise IdentifyingValue(f"{what}: a value carries {kind}", _kind_of(value))
    elif isinstance(value, (int, float)) and not isinstance(value, bool):
        if abs(value) > MAX_ABS_NUMBER:
            raise ValueError(f"{what}: a number out of range")
        digits = _number_digits(value)
        if digits and len(digits) >= 13 and contains_nir(digits):
            raise ValueError(f"{what}: a number is a social security number (NIR)")
    elif value is not None and not isinstance(value, bool):
        raise ValueError(f"{what}: unsupported value")
