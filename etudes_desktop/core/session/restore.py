"""Saved answers given back to a session in questionnaire order (resume, preview, the CLI).

`session` is any object with the Session's answering API (set_answer, add_repeat, repeat_count,
compiled): this module is used by the Session and imports nothing of it.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from etudes_desktop.core.questionnaire import ItemType
from etudes_desktop.core.session.graph import REPEAT_COUNT
from etudes_desktop.core.session.keys import AnswerRefused, NoSuchInstance, UnknownQuestion, parse_key


def flatten_answers(session: Any, answers: Mapping[str, Any]) -> dict[str, Any]:
    """`{"kids": [{"age": 3}, ...]}` or `{"age[1]": 3}` as flat keys; lists kept for selects."""
    flat: dict[str, Any] = {}
    infos = session.compiled.infos

    def visit(mapping: Mapping[str, Any], suffix: str) -> None:
        for key, value in mapping.items():
            name = str(key)
            info = infos.get(name)
            if info is not None and info.item.type == ItemType.REPEAT and isinstance(value, list):
                for position, entry in enumerate(value, start=1):
                    if isinstance(entry, Mapping):
                        visit(entry, f"{suffix}[{position}]")
            else:
                flat[name if "[" in name else name + suffix] = value

    visit(answers, "")
    return flat


def apply_answers(session: Any, answers: Mapping[str, Any]) -> dict[str, AnswerRefused]:
    """Give every answer in questionnaire order; returns key -> why, for those refused."""
    flat = flatten_answers(session, answers)
    refused: dict[str, AnswerRefused] = {}
    infos = session.compiled.infos
    ordered: list[tuple[tuple[int, tuple[int, ...]], str, Any]] = []
    for key, value in flat.items():
        try:
            name, index = parse_key(key)
        except AnswerRefused as exc:
            refused[key] = exc
            continue
        if name not in infos:
            refused[key] = UnknownQuestion(name)
            continue
        ordered.append(((infos[name].order, index), key, value))
    pending = sorted(ordered, key=lambda entry: entry[0])
    while pending:
        later: list[tuple[tuple[int, tuple[int, ...]], str, Any]] = []
        for entry in pending:
            (_, index), key, value = entry
            _ensure_instances(session, parse_key(key)[0], index)
            try:
                session.set_answer(key, value)
                refused.pop(key, None)
            except NoSuchInstance as exc:
                refused[key] = exc
                later.append(entry)  # its repeat may be sized by a later answer
            except AnswerRefused as exc:
                refused[key] = exc
        if len(later) == len(pending):
            break
        pending = later
    return refused


def _ensure_instances(session: Any, name: str, index: tuple[int, ...]) -> None:
    """Grow user-controlled repeats so that `name` at `index` exists."""
    scope = session.compiled.infos[name].scope
    for depth, repeat in enumerate(scope[: len(index)]):
        if REPEAT_COUNT in session.compiled.infos[repeat].slots:
            continue
        parent = index[:depth]
        while session.repeat_count(repeat, parent) <= index[depth]:
            try:
                session.add_repeat(repeat, parent)
            except AnswerRefused:
                return
