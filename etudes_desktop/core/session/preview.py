"""The designer's preview: answers from a mapping in, {visible, values, errors, choices} out.

A one-way client of the Session: nothing in the session package imports it.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from etudes_desktop.core.questionnaire import LIST_TYPES
from etudes_desktop.core.session.answers import json_value
from etudes_desktop.core.session.keys import AnswerRefused, key_of, parse_key
from etudes_desktop.core.session.restore import apply_answers, flatten_answers
from etudes_desktop.core.session.session import Session


def preview(session: Session, refused: Mapping[str, str | AnswerRefused] | None = None) -> dict[str, Any]:
    """The `study preview` contract: visible, values, errors, choices."""
    visible = session.visible_keys()
    shown = set(visible)
    errors = session.errors()
    for key, message in (refused or {}).items():
        if key in shown:
            errors[key] = str(message)
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
