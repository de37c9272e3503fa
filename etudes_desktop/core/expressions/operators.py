"""XPath 1.0 operators with JavaRosa's coercions; none raises."""

from __future__ import annotations

import math
from collections.abc import Callable

from etudes_desktop.core.expressions.values import NAN, Value, to_boolean, to_number, to_string

Operator = Callable[[Value, Value], Value]


def equals(a: Value, b: Value) -> bool:
    """`=`: booleans win, then numbers, then strings; node-sets compare item by item."""
    kind_a, kind_b = type(a), type(b)
    if kind_a is kind_b and kind_a is not list:
        return a == b
    if kind_a is bool or kind_b is bool:
        return to_boolean(a) == to_boolean(b)
    if kind_a is list:
        return any(equals(item, b) for item in a)  # type: ignore[union-attr]
    if kind_b is list:
        return any(equals(a, item) for item in b)  # type: ignore[union-attr]
    if kind_a is float or kind_b is float:
        return to_number(a) == to_number(b)
    return to_string(a) == to_string(b)


def differs(a: Value, b: Value) -> bool:
    """`!=`: as `=`, negated per item (so NaN != NaN is true, as in XPath)."""
    kind_a, kind_b = type(a), type(b)
    if kind_a is kind_b and kind_a is not list:
        return a != b
    if kind_a is bool or kind_b is bool:
        return to_boolean(a) != to_boolean(b)
    if kind_a is list:
        return any(differs(item, b) for item in a)  # type: ignore[union-attr]
    if kind_b is list:
        return any(differs(a, item) for item in b)  # type: ignore[union-attr]
    if kind_a is float or kind_b is float:
        return to_number(a) != to_number(b)
    return to_string(a) != to_string(b)


def _relational(test: Callable[[float, float], bool]) -> Operator:
    """An ordering operator: both sides as numbers (dates as days); node-sets: any item."""

    def compare(a: Value, b: Value) -> bool:
        if type(a) is list:
            return any(compare(item, b) for item in a)
        if type(b) is list:
            return any(compare(a, item) for item in b)
        return test(to_number(a), to_number(b))

    return compare


less = _relational(lambda x, y: x < y)
less_equal = _relational(lambda x, y: x <= y)
greater = _relational(lambda x, y: x > y)
greater_equal = _relational(lambda x, y: x >= y)


def add(a: Value, b: Value) -> float:
    """`+` on numbers (dates count as days)."""
    return to_number(a) + to_number(b)


def subtract(a: Value, b: Value) -> float:
    """`-` on numbers."""
    return to_number(a) - to_number(b)


def multiply(a: Value, b: Value) -> float:
    """`*` on numbers."""
    return to_number(a) * to_number(b)


def divide(a: Value, b: Value) -> float:
    """`div`: IEEE division, so x div 0 is ±Infinity and 0 div 0 is NaN."""
    x, y = to_number(a), to_number(b)
    if y == 0.0:
        if x != x or x == 0.0:
            return NAN
        return math.copysign(math.inf, x) * math.copysign(1.0, y)
    return x / y


def modulo(a: Value, b: Value) -> float:
    """`mod`: remainder of truncating division, sign of the dividend; NaN for x mod 0."""
    x, y = to_number(a), to_number(b)
    if y == 0.0 or not math.isfinite(x) or y != y:
        return NAN
    return math.fmod(x, y)


def negate(a: Value) -> float:
    """Unary minus."""
    return -to_number(a)


BINARY: dict[str, Operator] = {
    "=": equals,
    "!=": differs,
    "<": less,
    "<=": less_equal,
    ">": greater,
    ">=": greater_equal,
    "+": add,
    "-": subtract,
    "*": multiply,
    "div": divide,
    "mod": modulo,
}
