"""An interview session: answers in, visibility, computed values, errors and pages out.

Pure domain code (no Qt, no storage). The package has no import circle: `keys` is the leaf,
`answers` (coercion) and `graph` (compilation) know no Session, `context`, `pages`, `restore`
and `evaluation` are given what they need, `session` puts them together, and `preview` is a
one-way client of it.
"""

from etudes_desktop.core.session.keys import (
    CONSTRAINT_MESSAGE,
    MAX_REPEATS,
    REQUIRED_MESSAGE,
    AnswerRefused,
    BadKey,
    Index,
    NoSuchInstance,
    NotAQuestion,
    NotInTheForm,
    Page,
    UnknownQuestion,
    key_of,
    parse_key,
)
from etudes_desktop.core.session.session import Session

__all__ = [
    "CONSTRAINT_MESSAGE", "MAX_REPEATS", "REQUIRED_MESSAGE", "AnswerRefused", "BadKey", "Index", "NoSuchInstance",
    "NotAQuestion", "NotInTheForm", "Page", "Session", "UnknownQuestion", "key_of", "parse_key",
]
