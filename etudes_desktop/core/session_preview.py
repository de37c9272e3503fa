"""The designer's preview: answers from a mapping in, {visible, values, errors, choices} out."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from etudes_desktop.core.questionnaire import LIST_TYPES, ItemType
from etudes_desktop.core.session import AnswerRefused, Session, key_of, parse_key
from etudes_desktop.core.session_answers import json_value
from etudes_desktop.core.session_graph import REPEAT_COUNT


def flatten_answers(session: Session, answers: Mapping[str, Any]) -> dict[str, Any]:
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


def apply_answers(session: Session, answers: Mapping[str, Any]) -> dict[str, str]:
    """Give every answer in questionnaire order; returns key -> message for those refused."""
    flat = flatten_answers(session, answers)
    refused: dict[str, str] = {}
    infos = session.compiled.infos
    ordered: list[tuple[tuple[int, tuple[int, ...]], str, Any]] = []
    for key, value in flat.items():
        try:
            name, index = parse_key(key)
        except AnswerRefused as exc:
            refused[key] = exc.message
            continue
        if name not in infos:
            refused[key] = f"question inconnue : {name}"
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
            except AnswerRefused as exc:
                refused[key] = exc.message
                if exc.message.startswith("occurrence inexistante"):
                    later.append(entry)  # its repeat may be sized by a later answer
        if len(later) == len(pending):
            break
        pending = later
    return refused


def _ensure_instances(session: Session, name: str, index: tuple[int, ...]) -> None:
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


def preview(session: Session, refused: Mapping[str, str] | None = None) -> dict[str, Any]:
    """The `study preview` contract: visible, values, errors, choices."""
    visible = session.visible_keys()
    shown = set(visible)
    errors = session.errors()
    for key, message in (refused or {}).items():
        if key in shown:
            errors[key] = message
    choices: dict[str, list[str]] = {}
    for key in visible:
        name, index = parse_key(key)
        item = session.compiled.infos[name].item
        if item.type in LIST_TYPES and item.choice_filter:
            choices[key] = [c.name for c in session.choices(key)]
    ordered_errors = {key: errors[key] for key in visible if key in errors}
    values = {key: json_value(value) for key, value in session.calculated().items()}
    return {"visible": visible, "values": values, "errors": ordered_errors, "choices": choices}


__all__ = ["apply_answers", "flatten_answers", "key_of", "preview"]
