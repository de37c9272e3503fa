"""« Ne sait pas » and « Refus »: answers of their own, when the study allows them.

CSPro and Blaise keyers expect two keys on every question: the person does not know, or will
not say. They are stored as their own codes, never as a value of the question's type (a "don't
know" is not a 0, nor a blank), and results count them apart. The codes start with an
underscore, which no XLSForm choice name or number can: they never collide with a real answer.
"""

from __future__ import annotations

from typing import Any

DONT_KNOW = "_dk"
REFUSED = "_rf"
SPECIAL_CODES = (DONT_KNOW, REFUSED)
LABELS = {DONT_KNOW: "Ne sait pas", REFUSED: "Refus"}


def is_special(value: Any) -> bool:
    return isinstance(value, str) and value in SPECIAL_CODES
