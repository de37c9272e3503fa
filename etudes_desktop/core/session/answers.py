"""Answers in (type checks, the NIR and identity guards) and values out: knows no Session."""

from __future__ import annotations

import datetime as _dt
import logging
import math
import re
from typing import Any

from etudes_desktop.core.questionnaire import FREE_TEXT_TYPES, Choice, Item, ItemType
from etudes_desktop.core.session.keys import AnswerRefused
from etudes_desktop.core.special_answers import is_special

log = logging.getLogger(__name__)

NIR_REFUSED = (
    "Cette réponse semble contenir un numéro de sécurité sociale (NIR) : il ne doit jamais être "
    "recueilli. Reformulez la réponse sans ce numéro."
)
INTEGER_EXPECTED = "Un nombre entier est attendu."
INTEGER_NOT_DECIMAL = "Un nombre entier est attendu : la réponse ne peut pas avoir de décimales."
NUMBER_EXPECTED = "Un nombre est attendu (la virgule sépare les décimales)."
LETTERS_REFUSED = "Seuls des chiffres sont acceptés : la réponse contient des lettres."
_INTEGER = re.compile(r"^[+-]?\d+$")
_DECIMAL = re.compile(r"^[+-]?(\d+([.,]\d*)?|[.,]\d+)$")
_TIME = re.compile(r"^([01]\d|2[0-3]):[0-5]\d(:[0-5]\d(\.\d+)?)?$")


def is_blank(value: Any) -> bool:
    return value is None or value == "" or value == []


def _refuse(message: str) -> Exception:
    return AnswerRefused(message)


def guard_nir(text: str) -> None:
    """Refuse a free-text answer holding a NIR; the message never repeats the number."""
    from etudes_desktop.core.nir import contains_nir

    if contains_nir(text):
        raise _refuse(NIR_REFUSED)


def guard_identity(text: str, identity: tuple[tuple[str, ...], ...] = ()) -> None:
    """Refuse a text answer holding a phone number, an e-mail address or (when the interview
    gives it) the person's own name, first name or street; the message names only the kind."""
    from etudes_desktop.core.free_text import find_identity, refusal_message

    kind = find_identity(text, identity)
    if kind is not None:
        raise _refuse(refusal_message(kind))


def coerce_answer(item: Item, value: Any, choices: list[Choice],
                  identity: tuple[tuple[str, ...], ...] = (), special: bool = False) -> Any:
    """The answer as stored for this item's type (None when empty); AnswerRefused if invalid.
    `identity`: the interviewed person's terms (core.free_text.identity_terms), when known;
    `special`: the study accepts « Ne sait pas » / « Refus » (core.special_answers)."""
    if special and is_special(value) and item.type != ItemType.ACKNOWLEDGE:
        return value
    if value is None or (isinstance(value, str) and not value.strip()) or value == []:
        return None
    if item.type in FREE_TEXT_TYPES and not isinstance(value, bool):
        guard_nir(str(value))
    kind = item.type
    if kind == ItemType.TEXT:
        guard_identity(str(value), identity)
        return str(value)
    if kind == ItemType.INTEGER:
        return _integer(value)
    if kind in (ItemType.DECIMAL, ItemType.RANGE):
        number = _decimal(value)
        return _range_checked(item, number) if kind == ItemType.RANGE else number
    if kind == ItemType.DATE:
        return _date(value)
    if kind == ItemType.TIME:
        text = str(value).strip()
        if not _TIME.match(text):
            raise _refuse("Heure attendue au format HH:MM.")
        return text
    if kind == ItemType.DATETIME:
        return _datetime(value)
    if kind == ItemType.SELECT_ONE:
        return _select(str(value).strip(), choices)
    if kind == ItemType.SELECT_MULTIPLE:
        names = value.split() if isinstance(value, str) else [str(v).strip() for v in value]
        picked = set(_select(n, choices) for n in names if n)
        # Kept in the choice list's order, whatever the click order (selected-at(${m}, 0) is the
        # first choice of the list, as in ODK).
        ordered = list(dict.fromkeys(c.name for c in choices if c.name in picked))
        return " ".join(ordered) or None
    if kind == ItemType.ACKNOWLEDGE:
        return "OK" if value not in (False, 0, "0", "false", "non", "no") else None
    if kind == ItemType.GEOPOINT:
        return geopoint(value)
    if kind == ItemType.BARCODE:
        return _barcode(str(value), identity)
    if kind == ItemType.RANK:
        return _rank(value, choices)
    return value


GEOPOINT_EXPECTED = (
    "Coordonnées attendues : latitude puis longitude en degrés décimaux, par exemple "
    "48.8566 2.3522 (altitude et précision en mètres peuvent suivre)."
)
_GEO_SPLIT = re.compile(r"[\s;]+|,\s+")


def geopoint(value: Any) -> str:
    """A point typed or pasted as « lat lon [alt [acc]] »: spaces, « ; » or « , » between the
    numbers (« 48.8566, 2.3522 » as a map copies it), a decimal comma accepted (« 48,8566
    2,3522 »). Stored as ODK stores it, the numbers separated by spaces; ranges checked."""
    if isinstance(value, (list, tuple)):
        value = " ".join(str(v) for v in value)
    text = str(value).strip()
    parts = [p for p in _GEO_SPLIT.split(text) if p]
    if len(parts) == 1 and parts[0].count(",") in (1, 2, 3) and "." in parts[0]:
        parts = parts[0].split(",")  # « 48.8566,2.3522 »
    elif len(parts) == 1 and parts[0].count(",") == 1:
        parts = parts[0].split(",")  # « 48,2 »: two whole degrees
    if not 2 <= len(parts) <= 4:
        raise _refuse(GEOPOINT_EXPECTED)
    numbers: list[float] = []
    for part in parts:
        if not _DECIMAL.match(part) or part.count(",") + part.count(".") > 1:
            raise _refuse(GEOPOINT_EXPECTED)
        numbers.append(float(part.replace(",", ".")))
    if not -90 <= numbers[0] <= 90:
        raise _refuse("La latitude doit être comprise entre -90 et 90 degrés.")
    if not -180 <= numbers[1] <= 180:
        raise _refuse("La longitude doit être comprise entre -180 et 180 degrés.")
    if len(numbers) == 4 and numbers[3] < 0:
        raise _refuse("La précision (en mètres) ne peut pas être négative.")
    return " ".join(display_value(n) for n in numbers)


def guard_barcode_nir(text: str) -> None:
    """The NIR guard of a typed barcode: a NIR with its key, or any NIR-shaped text, is refused;
    a 13-digit product code (EAN-13, CIP13) that cannot be a person's NIR passes (core.nir)."""
    from etudes_desktop.core.nir import contains_nir, is_product_code

    if contains_nir(text) and not is_product_code(text):
        raise _refuse(NIR_REFUSED)


def _barcode(text: str, identity: tuple[tuple[str, ...], ...]) -> str:
    text = text.strip()
    guard_barcode_nir(text)
    guard_identity(text, identity)
    return text


RANK_EXPECTED = "Classez chaque réponse proposée une fois et une seule."


def _rank(value: Any, choices: list[Choice]) -> str:
    """Every offered choice once, in the order given (« b a c »)."""
    names = value.split() if isinstance(value, str) else [str(v).strip() for v in value]
    names = [n for n in names if n]
    offered = list(dict.fromkeys(c.name for c in choices))
    for name in names:
        _select(name, choices)
    if len(set(names)) != len(names) or set(names) != set(offered):
        raise _refuse(RANK_EXPECTED)
    return " ".join(names)


def _integer(value: Any) -> int:
    if isinstance(value, bool):
        raise _refuse(INTEGER_EXPECTED)
    if isinstance(value, int):
        return value
    if isinstance(value, float) and value.is_integer():
        return int(value)
    text = _number_text(value)
    if _INTEGER.match(text):
        return int(text)
    if _DECIMAL.match(text):
        raise _refuse(INTEGER_NOT_DECIMAL)
    raise _refuse(_letters_or(INTEGER_EXPECTED, text))


def _decimal(value: Any) -> float | int:
    if isinstance(value, bool):
        raise _refuse(NUMBER_EXPECTED)
    if isinstance(value, (int, float)) and math.isfinite(value):
        return value
    text = _number_text(value)
    if _DECIMAL.match(text):
        return float(text.replace(",", "."))
    raise _refuse(_letters_or(NUMBER_EXPECTED, text))


def _number_text(value: Any) -> str:
    """The typed number without the spaces that group thousands; nothing else is removed."""
    return str(value).strip().replace("\u202f", "").replace("\u00a0", "").replace(" ", "")


def _letters_or(message: str, text: str) -> str:
    return LETTERS_REFUSED if any(c.isalpha() for c in text) else message


def _range_checked(item: Item, number: float | int) -> float | int:
    spec = item.range
    if spec is not None:
        low, high = min(spec.start, spec.end), max(spec.start, spec.end)
        if not low <= number <= high:
            raise _refuse(f"Valeur attendue entre {display_value(low)} et {display_value(high)}.")
    return int(number) if float(number).is_integer() else number


def _date(value: Any) -> str:
    if isinstance(value, _dt.datetime):
        return value.date().isoformat()
    if isinstance(value, _dt.date):
        return value.isoformat()
    try:
        return _dt.date.fromisoformat(str(value).strip()[:10]).isoformat()
    except ValueError:
        raise _refuse("Date attendue au format AAAA-MM-JJ.") from None


def _datetime(value: Any) -> str:
    if isinstance(value, _dt.datetime):
        return value.isoformat(timespec="seconds")
    try:
        return _dt.datetime.fromisoformat(str(value).strip()).isoformat(timespec="seconds")
    except ValueError:
        raise _refuse("Date et heure attendues au format AAAA-MM-JJTHH:MM.") from None


def _select(name: str, choices: list[Choice]) -> str:
    if any(c.name == name for c in choices):
        return name
    raise _refuse("Ce choix ne figure pas dans la liste proposée.")


def display_value(value: Any) -> str:
    """A value as text for labels: numbers without a useless `.0`, node-sets joined."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        if math.isnan(value):
            return "NaN"
        if math.isinf(value):
            return "Infinity" if value > 0 else "-Infinity"
        return str(int(value)) if value.is_integer() and abs(value) < 1e15 else repr(value)
    if isinstance(value, list):
        return " ".join(display_value(v) for v in value)
    return str(value)


def json_value(value: Any) -> Any:
    """A computed value for JSON output: integral floats as ints, NaN as the text "NaN"."""
    if isinstance(value, float):
        if math.isnan(value):
            return "NaN"
        if math.isinf(value):
            return "Infinity" if value > 0 else "-Infinity"
        return int(value) if value.is_integer() and abs(value) < 1e15 else value
    if isinstance(value, list):
        return [json_value(v) for v in value]
    return value
