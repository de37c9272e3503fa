"""A page of the engine as the web form shows it, and the form's values back into answers.

Each question becomes a `Field` the template renders with its label, hint, choices, current
value and error (no SQL, no HTML here). Values come back as text from plain HTML controls:
radios and checkboxes for choices, number/date/time inputs, one select per choice for a
ranking; the engine (core.session) checks them as it checks a laptop's answers.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from starlette.datastructures import FormData

from etudes_desktop.core.errors import EtudesError
from etudes_desktop.core.questionnaire import ItemType
from etudes_desktop.core.session import Session
from etudes_desktop.core.session.answers import display_value

_WIDGET = {
    ItemType.TEXT: "text", ItemType.BARCODE: "text", ItemType.GEOPOINT: "text", ItemType.INTEGER: "integer",
    ItemType.DECIMAL: "decimal", ItemType.RANGE: "decimal", ItemType.DATE: "date", ItemType.TIME: "time",
    ItemType.DATETIME: "datetime", ItemType.SELECT_ONE: "radio", ItemType.SELECT_MULTIPLE: "checkbox",
    ItemType.ACKNOWLEDGE: "acknowledge", ItemType.RANK: "rank", ItemType.NOTE: "note",
}
MAX_VALUE_CHARS = 10_000


@dataclass
class Field:
    key: str  # the engine's key (name, name[1]…)
    dom_id: str  # a safe HTML id
    widget: str
    label: str
    hint: str
    required: bool
    value: str = ""
    values: tuple[str, ...] = ()  # checked choices
    choices: list[tuple[str, str]] = field(default_factory=list)  # (name, label)
    ranks: dict[str, str] = field(default_factory=dict)  # choice -> position typed
    error: str | None = None
    low: str | None = None
    high: str | None = None
    step: str | None = None
    multiline: bool = False
    focus: bool = False  # the first field in error: autofocus (no script)


def dom_id(key: str) -> str:
    return "q-" + "".join(c if c.isalnum() or c in "-_" else "-" for c in key)


def build_fields(session: Session, keys: tuple[str, ...], errors: dict[str, str],
                 typed: dict[str, Any] | None = None) -> list[Field]:
    """The page's visible questions and notes, with what was typed (refused values kept as
    typed, so the person corrects rather than retypes) and their errors."""
    out = []
    typed = typed or {}
    for key in keys:
        item = session.item(key)
        widget = _WIDGET.get(item.type)
        if widget is None:
            continue
        entry = Field(key=key, dom_id=dom_id(key), widget=widget, label=session.label(key),
                      hint=session.label(key, hint=True), required=session.is_required(key) if item.is_input else False,
                      error=errors.get(key), multiline="multiline" in (item.appearance or ""))
        if item.type in (ItemType.SELECT_ONE, ItemType.SELECT_MULTIPLE, ItemType.RANK):
            entry.choices = [(c.name, session.choice_text(key, c)) for c in session.choices(key)]
        if item.type == ItemType.RANGE and item.range is not None:
            low, high = sorted((item.range.start, item.range.end))
            entry.low, entry.high, entry.step = display_value(low), display_value(high), display_value(item.range.step)
        answer = session.answer(key) if item.is_input else None
        raw = typed.get(key, answer)
        if item.type == ItemType.SELECT_MULTIPLE:
            entry.values = tuple(raw.split() if isinstance(raw, str) else (raw or ()))
        elif item.type == ItemType.RANK:
            if isinstance(raw, dict):
                entry.ranks = {k: str(v) for k, v in raw.items()}
            elif isinstance(raw, str):
                entry.ranks = {name: str(i + 1) for i, name in enumerate(raw.split())}
        elif item.type == ItemType.DATETIME and isinstance(raw, str) and key not in typed:
            entry.value = raw[:16]  # what datetime-local shows: 2026-05-01T09:30
        else:
            entry.value = display_value(raw) if raw is not None else ""
        out.append(entry)
    first = next((f for f in out if f.error), None)
    if first is not None:
        first.focus = True
    return out


def read_page(session: Session, keys: tuple[str, ...], form: FormData) -> tuple[dict[str, str], dict[str, Any]]:
    """Give the page's answers to the engine; returns (key -> refusal message, key -> what was
    typed for the refused ones)."""
    refused: dict[str, str] = {}
    typed: dict[str, Any] = {}
    for key in keys:
        item = session.item(key)
        if not item.is_input or session.is_read_only(key) or not session.is_visible(key):
            continue
        value: Any
        if item.type == ItemType.SELECT_MULTIPLE:
            value = [str(v)[:200] for v in form.getlist(key) if isinstance(v, str)]
        elif item.type == ItemType.RANK:
            value, ranks = _ranking(session, key, form)
            if value is None and any(ranks.values()):
                refused[key] = "Donnez à chaque réponse un rang différent, de 1 au nombre de réponses."
                typed[key] = ranks
                continue
        elif item.type == ItemType.ACKNOWLEDGE:
            value = "OK" if form.get(key) == "OK" else None
        else:
            raw = form.get(key)
            value = raw[:MAX_VALUE_CHARS] if isinstance(raw, str) else None
            if item.type in (ItemType.TEXT, ItemType.BARCODE, ItemType.GEOPOINT) and value is not None:
                value = value.strip()
        try:
            session.set_answer(key, value)
        except EtudesError as exc:
            refused[key] = _sentence(exc.message)
            if _may_echo(item.type, value):
                typed[key] = value
    return refused, typed


def _may_echo(kind: ItemType, value: Any) -> bool:
    """Whether a refused value is shown back to be corrected: never a free text (refused for a
    NIR, a phone, an e-mail or the person's name), never anything holding a NIR."""
    from etudes_desktop.core.nir import contains_nir

    if kind in (ItemType.TEXT, ItemType.BARCODE):
        return False
    return not any(contains_nir(str(v)) for v in (value if isinstance(value, list) else [value]))


def _ranking(session: Session, key: str, form: FormData) -> tuple[str | None, dict[str, str]]:
    """A ranking typed as one position per choice: the choices in that order, or None."""
    names = [c.name for c in session.choices(key)]
    ranks = {name: str(form.get(f"{key}.{name}") or "").strip() for name in names}
    if not any(ranks.values()):
        return "", ranks
    positions = {}
    for name, text in ranks.items():
        if not text.isdigit() or not 1 <= int(text) <= len(names):
            return None, ranks
        positions[name] = int(text)
    if len(set(positions.values())) != len(names):
        return None, ranks
    return " ".join(sorted(names, key=positions.__getitem__)), ranks


def _sentence(text: str) -> str:
    text = text.strip()
    if not text:
        return "Réponse refusée."
    text = text[0].upper() + text[1:]
    return text if text.endswith((".", "!", "?")) else text + "."
