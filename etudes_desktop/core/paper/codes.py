"""The codes an operator keys from a paper form, and how many characters each field takes.

A choice's code is its name when every name of its list is a number (« 1 », « 2 », « 99 »),
else its position in the list (1, 2, 3...). The printed form shows the same codes
(`choice_codes` is the one rule). A field has a maximum length when it can be known from the form (codes,
a constraint's upper bound): the most characters of any valid entry: typed that long, the keying screen moves on at once.
"""

from __future__ import annotations

import re

from etudes_desktop.core.errors import EtudesError
from etudes_desktop.core.questionnaire import Choice, Item, ItemType

_UPPER = re.compile(r"\.\s*<(=?)\s*(\d+)(?!\s*[.\d])")
_LOWER = re.compile(r"\.\s*>=?\s*(-?\d+)")
_SEPARATORS = re.compile(r"[\s,;/+]+")


def choice_codes(choices: list[Choice]) -> dict[str, str]:
    """code -> choice name, in list order."""
    names = [c.name for c in choices]
    if names and all(n.isdigit() for n in names) and len({n.lstrip("0") or "0" for n in names}) == len(names):
        return {n: n for n in names}
    return {str(position): name for position, name in enumerate(names, start=1)}


def code_of(choices: list[Choice], name: str) -> str:
    """The code of one choice (its name when it is not in the list)."""
    return next((code for code, n in choice_codes(choices).items() if n == name), name)


def max_length(item: Item, choices: list[Choice]) -> int | None:
    """The most characters a valid entry of this field has (None: no such bound). Once that many
    are typed no further character could be right, so the keying screen moves on at once."""
    if item.type == ItemType.SELECT_ONE:
        return max((len(code) for code in choice_codes(choices)), default=None)
    if item.type == ItemType.ACKNOWLEDGE:
        return 1
    if item.type == ItemType.INTEGER:
        return _integer_length(item.constraint)
    if item.type == ItemType.RANGE and item.range is not None:
        start, end, step = item.range.start, item.range.end, item.range.step
        if start >= 0 and float(start).is_integer() and float(step).is_integer():
            return len(str(int(end)))
    return None


def _integer_length(constraint: str | None) -> int | None:
    """Digits of the largest value a constraint `. <= N` (or `. < N`) allows, for a field that
    takes no negative number: « . >= 16 and . <= 110 » is 3 digits at most."""
    if not constraint or " or " in constraint:
        return None
    upper = _UPPER.search(constraint)
    lower = _LOWER.search(constraint)
    if upper is None or lower is None or int(lower.group(1)) < 0:
        return None
    top = int(upper.group(2)) - (0 if upper.group(1) else 1)
    return len(str(top)) if top >= 0 else None


def parse_choice(item: Item, choices: list[Choice], text: str) -> str | None:
    """The choice names a keyed code stands for (None for a blank); a readable refusal else."""
    text = text.strip()
    if not text:
        return None
    codes = choice_codes(choices)
    if item.type == ItemType.SELECT_ONE:
        if text not in codes:
            raise EtudesError(_unknown(text, codes))
        return codes[text]
    parts = [p for p in _SEPARATORS.split(text) if p]
    if len(parts) == 1 and all(len(c) == 1 for c in codes) and len(text) > 1:
        parts = list(text)  # « 134 »: three one-digit codes typed in a row
    unknown = [p for p in parts if p not in codes]
    if unknown:
        raise EtudesError(_unknown(unknown[0], codes))
    if item.type == ItemType.RANK and len(set(parts)) != len(parts):
        raise EtudesError("Un classement donne chaque code une seule fois.")
    return " ".join(codes[p] for p in parts)


def _unknown(code: str, codes: dict[str, str]) -> str:
    listed = ", ".join(codes) if len(codes) <= 12 else f"{next(iter(codes))} à {list(codes)[-1]}"
    return f"Le code « {code[:8]} » n'existe pas pour cette question (codes possibles : {listed})."
