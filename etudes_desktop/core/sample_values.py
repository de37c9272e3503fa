"""Checking and normalising the values of a sample file, one converter per respondent field.

A converter takes the cell's stripped text and returns the value to store (None for an empty
cell), or raises InvalidValue with a French message that never repeats the value.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable

_EMAIL_FORBIDDEN = re.compile(r"[\s;,<>()\[\]\\\"]")
_PHONE_NOISE = re.compile(r"[\s.\-/()\u00a0\u202f]")
_SEXES = {"m": "M", "h": "M", "homme": "M", "masculin": "M", "1": "M",
          "f": "F", "femme": "F", "feminin": "F", "féminin": "F", "2": "F"}
_DATE_FORMATS = ("%d/%m/%Y", "%Y-%m-%d", "%d-%m-%Y", "%d.%m.%Y", "%Y/%m/%d", "%d/%m/%y")
SAMPLE_ID_MAX = 64
TEXT_MAX = 500


class InvalidValue(ValueError):
    """A cell that does not fit its field; the message is for the user and names no value."""


def normalise_phone(raw: str) -> str | None:
    """'0612345678' for a French number (spaces, dots, +33, 0033, (0) accepted), '+…' for a
    foreign one, '' for an empty cell, None when it is not a phone number."""
    digits = raw.replace(" ", "").replace(".", "")  # the usual writings, without a regex
    if digits.isdigit():
        if len(digits) == 10 and digits[0] == "0" and digits[1] != "0":
            return digits
    elif not digits:
        return ""
    elif digits[:3] == "+33" and digits[3:].isdigit() and len(digits) == 12 and digits[3] != "0":
        return "0" + digits[3:]
    digits = _PHONE_NOISE.sub("", raw.replace("(0)", ""))
    if not digits:
        return ""
    if digits[0] == "+":
        digits, international = digits[1:], True
    else:
        international = digits.startswith("00")
        digits = digits[2:] if international else digits
    if not digits.isdigit():
        return None
    if international:
        if digits.startswith("33"):  # "+33 06 …" happens: the 0 is dropped as in "+33 (0)6 …"
            digits = "0" + (digits[3:] if digits.startswith("330") and len(digits) == 12 else digits[2:])
        else:
            return "+" + digits if 8 <= len(digits) <= 15 else None
    elif len(digits) == 9 and digits[0] != "0":  # a spreadsheet dropped the leading zero
        digits = "0" + digits
    return digits if len(digits) == 10 and digits[0] == "0" and digits[1] != "0" else None


def normalise_email(raw: str) -> str | None:
    """Lower-cased address, '' for an empty cell, None when it is not an e-mail address."""
    text = raw.strip().lower()
    if not text:
        return ""
    local, at, domain = text.rpartition("@")
    if (not local or not at or "@" in local or "." not in domain[1:-1] or domain.endswith(".")
            or domain.startswith(".") or _EMAIL_FORBIDDEN.search(text)):
        return None
    return text if len(domain.rpartition(".")[2]) >= 2 else None


def parse_date(raw: str) -> dt.date | None:
    """A date written JJ/MM/AAAA, AAAA-MM-JJ, JJ-MM-AAAA, JJ.MM.AAAA (a time part is ignored)."""
    text = raw.strip().split(" ")[0].split("T")[0]
    for fmt in _DATE_FORMATS:
        try:
            return dt.datetime.strptime(text, fmt).date()
        except ValueError:
            continue
    return None


def _sample_id(value: str) -> str:
    if not value:
        raise InvalidValue("identifiant vide")
    if len(value) > SAMPLE_ID_MAX:
        raise InvalidValue(f"identifiant trop long ({SAMPLE_ID_MAX} caractères au plus)")
    return value


def _last_name(value: str) -> str:
    if not value:
        raise InvalidValue("nom vide")
    return value


def _sex(value: str) -> str | None:
    if not value:
        return None
    sex = _SEXES.get(value.lower())
    if sex is None:
        raise InvalidValue("sexe non reconnu (attendu : H/F, M/F ou 1/2)")
    return sex


def _age(value: str) -> int | None:
    text = value.lower().removesuffix("ans").strip()
    if not text:
        return None
    if text.startswith("-") and text[1:].strip().isdigit():
        raise InvalidValue("âge négatif")
    if not text.isdigit():
        raise InvalidValue("âge non numérique")
    age = int(text)
    if age > 120:
        raise InvalidValue("âge hors limites (0 à 120)")
    return age


def _birth_date(value: str) -> str | None:
    if not value:
        return None
    born = parse_date(value)
    if born is None or born.year < 1900 or born > dt.date.today():
        raise InvalidValue("date de naissance invalide (JJ/MM/AAAA attendu)")
    return born.isoformat()


def _postcode(value: str) -> str | None:
    if not value:
        return None
    code = value.replace(" ", "")
    if len(code) == 4 and code.isdigit():  # a spreadsheet dropped the leading zero (01000 -> 1000)
        code = "0" + code
    if len(code) != 5 or not code.isdigit():
        raise InvalidValue("code postal invalide (5 chiffres attendus)")
    return code


def _phone(value: str) -> str | None:
    digits = value.replace(" ", "").replace(".", "")
    if len(digits) == 10 and digits[0] == "0" and digits[1] != "0" and digits.isdigit():
        return digits  # the common writings, as normalise_phone reads them, without its second call
    if len(digits) == 12 and digits[:3] == "+33" and digits[3] != "0" and digits[3:].isdigit():
        return "0" + digits[3:]
    phone = normalise_phone(value)
    if phone is None:
        raise InvalidValue("numéro de téléphone invalide")
    return phone or None


def _email(value: str) -> str | None:
    email = normalise_email(value)
    if email is None:
        raise InvalidValue("adresse e-mail invalide")
    return email or None


def _text(value: str) -> str | None:
    return value or None


FREE_TEXT_FIELDS = frozenset({"title", "first_name", "address", "town", "profession"})
CONVERTERS: dict[str, Callable[[str], object]] = {
    "sample_id": _sample_id, "title": _text, "last_name": _last_name, "first_name": _text, "sex": _sex,
    "age": _age, "birth_date": _birth_date, "address": _text, "postcode": _postcode, "town": _text,
    "phone": _phone, "phone2": _phone, "email": _email, "profession": _text,
}
