"""Number functions of the XLSForm language; none raises, NaN stands for "no number"."""

from __future__ import annotations

import math
import random as _random
from collections.abc import Callable
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from etudes_desktop.core.expressions.text import flatten
from etudes_desktop.core.expressions.values import NAN, Value, is_empty, to_number


def number(value: Value) -> float:
    """number(x)."""
    return to_number(value)


def int_(value: Value) -> float:
    """int(x): truncated towards zero; NaN and infinities kept."""
    x = to_number(value)
    return float(math.trunc(x)) if math.isfinite(x) else x


def round_(value: Value, digits: Value = 0.0) -> float:
    """round(x[, digits]): half away from zero (JavaRosa's HALF_UP), on the decimal spelling."""
    x, places = to_number(value), to_number(digits)
    if not math.isfinite(x) or places != places:
        return x if places == places else NAN
    places = max(-400.0, min(400.0, places))
    try:
        quantum = Decimal(1).scaleb(-int(places))
        return float(Decimal(repr(x)).quantize(quantum, rounding=ROUND_HALF_UP))
    except (InvalidOperation, OverflowError, ValueError):
        return x


def floor(value: Value) -> float:
    """floor(x)."""
    x = to_number(value)
    return float(math.floor(x)) if math.isfinite(x) else x


def ceiling(value: Value) -> float:
    """ceiling(x)."""
    x = to_number(value)
    return float(math.ceil(x)) if math.isfinite(x) else x


def abs_(value: Value) -> float:
    """abs(x)."""
    return abs(to_number(value))


def pow_(base: Value, exponent: Value) -> float:
    """pow(x, y); NaN where no real result exists, infinity on overflow."""
    x, y = to_number(base), to_number(exponent)
    try:
        return math.pow(x, y)
    except OverflowError:
        return math.inf if x > 0 or float(y).is_integer() and int(y) % 2 == 0 else -math.inf
    except (ValueError, ZeroDivisionError):
        return NAN


def _extreme(values: tuple[Value, ...], pick: Callable[[list[float]], float]) -> float:
    """min/max over all values (node-sets spread out); NaN when empty or any is NaN."""
    numbers = [to_number(value) for value in flatten(values)]
    if not numbers or any(x != x for x in numbers):
        return NAN
    return pick(numbers)


def min_(*values: Value) -> float:
    """min(a, b, ...)."""
    return _extreme(values, min)


def max_(*values: Value) -> float:
    """max(a, b, ...)."""
    return _extreme(values, max)


def sum_(value: Value) -> float:
    """sum(x): of a node-set, the total; of a single value, that value as a number."""
    if type(value) is list:
        return math.fsum(to_number(item) for item in value)
    return to_number(value)


def count(value: Value) -> float:
    """count(x): size of a node-set; of a single value, 1 when answered else 0."""
    if type(value) is list:
        return float(len(value))
    return 0.0 if is_empty(value) else 1.0


def count_non_empty(value: Value) -> float:
    """count-non-empty(x): the answered items."""
    if type(value) is list:
        return float(sum(1 for item in value if not is_empty(item)))
    return count(value)


def _unary(operation: Callable[[float], float]) -> Callable[[Value], float]:
    """A math-module function made total: NaN outside its domain."""

    def apply(value: Value) -> float:
        try:
            return operation(to_number(value))
        except OverflowError:
            return math.inf
        except ValueError:
            return NAN

    apply.__doc__ = f"{operation.__name__}(x), NaN outside its domain."
    return apply


sqrt = _unary(math.sqrt)
exp = _unary(math.exp)
exp10 = _unary(lambda x: math.pow(10.0, x))
log = _unary(lambda x: -math.inf if x == 0 else math.log(x))
log10 = _unary(lambda x: -math.inf if x == 0 else math.log10(x))
sin = _unary(math.sin)
cos = _unary(math.cos)
tan = _unary(math.tan)
asin = _unary(math.asin)
acos = _unary(math.acos)
atan = _unary(math.atan)


def atan2(y: Value, x: Value) -> float:
    """atan2(y, x)."""
    return math.atan2(to_number(y), to_number(x))


def pi() -> float:
    """pi()."""
    return math.pi


def random() -> float:
    """random(): uniform in [0, 1)."""
    return _random.random()
