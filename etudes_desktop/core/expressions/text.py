"""String functions of the XLSForm language (XPath 1.0 and ODK extensions)."""

from __future__ import annotations

import math
import re
import secrets
import string as _string
import uuid as _uuid
from functools import lru_cache
from typing import Any

import re2  # google-re2: linear-time matching, no catastrophic backtracking

from etudes_desktop.core.expressions.values import Value, to_number, to_string, unpack

_XML_SPACE = re.compile(r"[ \t\r\n]+")
MAX_PATTERN_LENGTH = 1000
_ALPHANUMERIC = _string.ascii_letters + _string.digits


def flatten(values: tuple[Value, ...]) -> list[Value]:
    """Arguments with node-sets spread out, for functions that take any number of values."""
    flat: list[Value] = []
    for value in values:
        if type(value) is list:
            flat.extend(value)
        else:
            flat.append(value)
    return flat


def concat(*values: Value) -> str:
    """concat(a, b, ...): every value as a string, end to end."""
    return "".join(to_string(value) for value in flatten(values))


def join(separator: Value, *values: Value) -> str:
    """join(sep, values...): the values (node-sets spread out) separated by `sep`."""
    return to_string(separator).join(to_string(value) for value in flatten(values))


def string(value: Value) -> str:
    """string(x)."""
    return to_string(value)


def string_length(value: Value) -> float:
    """string-length(s): number of characters."""
    return float(len(to_string(value)))


def contains(haystack: Value, needle: Value) -> bool:
    """contains(s, t)."""
    return to_string(needle) in to_string(haystack)


def starts_with(text: Value, prefix: Value) -> bool:
    """starts-with(s, t)."""
    return to_string(text).startswith(to_string(prefix))


def ends_with(text: Value, suffix: Value) -> bool:
    """ends-with(s, t)."""
    return to_string(text).endswith(to_string(suffix))


def _index(value: Value, default: int) -> int:
    """A number used as a string index: truncated, NaN as `default`, clamped to a sane range."""
    number = to_number(value)
    if number != number:
        return default
    return int(max(-1e12, min(1e12, number)))


def substr(text: Value, start: Value, end: Value | None = None) -> str:
    """substr(s, start[, end]) as JavaRosa: 0-based start, exclusive end, clamped; a negative
    bound counts from the end (substr('abcdef', -2) is 'ef')."""
    chars = to_string(text)
    length = len(chars)
    first, last = _index(start, 0), length if end is None else _index(end, 0)
    first = min(max(0, first + length if first < 0 else first), length)
    last = min(max(0, last + length if last < 0 else last), length)
    return chars[first:last] if first <= last else ""


def substring(text: Value, start: Value, length: Value | None = None) -> str:
    """XPath 1.0 substring(s, start[, length]): 1-based positions, rounded bounds."""
    chars = to_string(text)
    first = _xpath_round(to_number(start))
    last = math.inf if length is None else first + _xpath_round(to_number(length))
    if first != first or last != last:
        return ""
    return "".join(char for position, char in enumerate(chars, 1) if first <= position < last)


def _xpath_round(number: float) -> float:
    """XPath round(): half up towards positive infinity, NaN and infinities kept."""
    if number != number or math.isinf(number):
        return number
    return float(math.floor(number + 0.5))


def substring_before(text: Value, marker: Value) -> str:
    """substring-before(s, t): "" when `t` is absent."""
    chars, sought = to_string(text), to_string(marker)
    found = chars.find(sought)
    return "" if found < 0 else chars[:found]


def substring_after(text: Value, marker: Value) -> str:
    """substring-after(s, t): "" when `t` is absent."""
    chars, sought = to_string(text), to_string(marker)
    found = chars.find(sought)
    return "" if found < 0 else chars[found + len(sought) :]


def translate(text: Value, source: Value, target: Value) -> str:
    """translate(s, from, to): replace or (past the end of `to`) delete characters."""
    chars, froms, tos = to_string(text), to_string(source), to_string(target)
    table: dict[int, int | None] = {}
    for position, char in enumerate(froms):
        if ord(char) not in table:
            table[ord(char)] = ord(tos[position]) if position < len(tos) else None
    return chars.translate(table)


def normalize_space(value: Value) -> str:
    """normalize-space(s): XML whitespace runs collapsed, ends trimmed."""
    return _XML_SPACE.sub(" ", to_string(value)).strip(" ")


def _re2_options() -> Any:
    options = re2.Options()
    options.log_errors = False  # an invalid pattern is reported by the form check, not on stderr
    options.max_mem = 8 << 20  # a pathological pattern is refused, never a memory blow-up
    return options


_RE2_OPTIONS = _re2_options()


@lru_cache(maxsize=1024)
def compile_pattern(pattern: str) -> Any:
    """The compiled regular expression, None when it is not valid or not supported.

    RE2 matches in linear time: `(a+)+$` on 41 characters (over 90 s with Python's backtracking
    `re`) is instant. What only a backtracking engine can do (back-references, look-around) is
    refused at `study check` instead of freezing an interview."""
    if len(pattern) > MAX_PATTERN_LENGTH:
        return None
    try:
        return re2.compile(pattern, _RE2_OPTIONS)
    except (re2.error, ValueError, TypeError, OverflowError):
        return None


def regex(text: Value, pattern: Value) -> bool:
    """regex(s, pattern): true when the pattern matches somewhere (JavaRosa `find`)."""
    compiled = compile_pattern(to_string(pattern))
    return compiled is not None and compiled.search(to_string(text)) is not None


def boolean_from_string(value: Value) -> bool:
    """boolean-from-string(s): true only for "true" and "1"."""
    return to_string(value) in ("true", "1")


def uuid(length: Value | None = None) -> str:
    """uuid(): a random version-4 UUID; uuid(n): n random letters and digits."""
    if length is None:
        return str(_uuid.uuid4())
    count = max(0, min(_index(length, 0), 10_000))
    return "".join(secrets.choice(_ALPHANUMERIC) for _ in range(count))


def first_value(value: Value) -> Value:
    """A node-set reduced to its first item; other values as they are."""
    return unpack(value)
