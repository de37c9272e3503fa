"""The leaf of the session package: answer keys, pages and the refusals (no other session module).

Answers are addressed by key: the question name, and for questions inside repeats `name[i]`
(1-based, one bracket per enclosing repeat).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from etudes_desktop.core.errors import EtudesError

Index = tuple[int, ...]  # 0-based instance numbers of the enclosing repeats
_KEY = re.compile(r"^([^\[\]]+)((?:\[\d+\])*)$")
MAX_REPEATS = 500
REQUIRED_MESSAGE = "Cette question est obligatoire."
CONSTRAINT_MESSAGE = "Cette réponse ne respecte pas la règle de la question."


class AnswerRefused(EtudesError):
    """An answer that cannot be recorded (wrong type, NIR, unknown question); nothing is kept."""


class NotInTheForm(AnswerRefused):
    """The key addresses nothing that takes an answer: a typo in a file of answers, not a wrong answer."""


class BadKey(NotInTheForm):
    def __init__(self, key: str) -> None:
        super().__init__(f"clé de réponse invalide : {key}")


class UnknownQuestion(NotInTheForm):
    def __init__(self, name: str) -> None:
        super().__init__(f"question inconnue : {name}")


class NoSuchInstance(NotInTheForm):
    """`name[3]` while the repeat has two instances (a later answer may size it)."""

    def __init__(self, key: str) -> None:
        super().__init__(f"occurrence inexistante : {key}")


class NotAQuestion(NotInTheForm):
    def __init__(self, name: str) -> None:
        super().__init__(f"{name} n'attend pas de réponse")


def key_of(name: str, index: Index = ()) -> str:
    """`name`, or `name[1][2]` inside repeats."""
    return name + "".join(f"[{i + 1}]" for i in index)


def parse_key(key: str) -> tuple[str, Index]:
    """(name, 0-based index) from `name[1][2]`."""
    match = _KEY.match(key.strip())
    if not match:
        raise BadKey(key)
    return match.group(1), tuple(int(n) - 1 for n in re.findall(r"\d+", match.group(2)))


@dataclass(frozen=True)
class Page:
    """One screen: a question or note, or every visible item of a field-list group."""

    key: str
    keys: tuple[str, ...]  # the questions and notes shown on it
    visible: bool
    members: tuple[str, ...] = ()  # every question and note it holds, shown or not
