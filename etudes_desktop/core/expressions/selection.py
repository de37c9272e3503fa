"""Logic and choice functions: not, selected, count-selected, selected-at, checklists."""

from __future__ import annotations

import math

from etudes_desktop.core.expressions.text import flatten
from etudes_desktop.core.expressions.values import Value, to_boolean, to_number, to_string


def choices(value: Value) -> list[str]:
    """The choice names of a select answer: space-separated (node-sets spread out)."""
    if type(value) is list:
        return [name for item in value for name in to_string(item).split()]
    return to_string(value).split()


def selected(value: Value, choice: Value) -> bool:
    """selected(${q}, 'a'): true when choice `a` is among the answer's choices."""
    return to_string(choice).strip() in choices(value)


def count_selected(value: Value) -> float:
    """count-selected(${q}): how many choices the answer holds."""
    return float(len(choices(value)))


def selected_at(value: Value, index: Value) -> str:
    """selected-at(${q}, n): the n-th (from 0) choice name, "" when there is none."""
    names = choices(value)
    position = to_number(index)
    if not math.isfinite(position):
        return ""
    position = math.trunc(position)
    return names[position] if 0 <= position < len(names) else ""


def not_(value: Value) -> bool:
    """not(x)."""
    return not to_boolean(value)


def boolean(value: Value) -> bool:
    """boolean(x)."""
    return to_boolean(value)


def true() -> bool:
    """true()."""
    return True


def false() -> bool:
    """false()."""
    return False


def _within(total: float, low: Value, high: Value) -> bool:
    """Whether `total` lies between the bounds; -1 means no bound (ODK checklist)."""
    minimum, maximum = to_number(low), to_number(high)
    return (minimum == -1 or total >= minimum) and (maximum == -1 or total <= maximum)


def checklist(low: Value, high: Value, *values: Value) -> bool:
    """checklist(min, max, v...): the number of true values lies between min and max."""
    total = float(sum(1 for value in flatten(values) if to_boolean(value)))
    return _within(total, low, high)


def weighted_checklist(low: Value, high: Value, *pairs: Value) -> bool:
    """weighted-checklist(min, max, v1, w1, ...): the weights of true values, summed, in range."""
    total = 0.0
    for position in range(0, len(pairs) - 1, 2):
        if to_boolean(pairs[position]):
            total += to_number(pairs[position + 1])
    return _within(total, low, high)
