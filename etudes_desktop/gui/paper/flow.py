"""One keying pass over one paper form: the fields in order (skip logic followed), codes read,
each value checked by the engine and committed. No widgets: the keying panel drives it."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, NamedTuple

from etudes_desktop.core.errors import EtudesError
from etudes_desktop.core.paper.codes import choice_codes, code_of, max_length, parse_choice
from etudes_desktop.core.questionnaire import LIST_TYPES, ItemType, Questionnaire
from etudes_desktop.core.session import parse_key
from etudes_desktop.core.session.graph import REPEAT_COUNT
from etudes_desktop.gui.interview.formats import from_display, to_display

Save = Callable[[str, Any], None]


@dataclass(frozen=True)
class Field:
    """What the screen shows for one field: its label, the codes to key, how long an entry is."""

    key: str
    number: int          # its place among the questions of the form (1-based, as printed)
    label: str
    kind: ItemType
    codes: tuple[tuple[str, str], ...]
    max_length: int | None
    shown: str           # the value keyed so far, as codes


class CopyEnd(NamedTuple):
    """The last copy keyed of a repeat whose count the paper tells: is there another?"""

    repeat: str
    parent: tuple[int, ...]  # the index of the repeat's enclosing copies
    label: str


class KeyingFlow:
    """The fields of one form for one keyer; `enter` checks and commits a field's entry."""

    def __init__(self, questionnaire: Questionnaire, values: dict[str, Any], save: Save,
                 language: str | None = None) -> None:
        from etudes_desktop.core.session import Session

        self.questionnaire = questionnaire
        self.session = Session(questionnaire, answers=values, language=language)
        self._save = save
        inputs = [i for item in questionnaire.items for i in item.walk() if i.is_input]
        self._numbers = {item.name: n for n, item in enumerate(inputs, start=1)}
        self.fields_entered = 0

    def keys(self) -> list[str]:
        """The fields a person answers with the values keyed so far, in questionnaire order."""
        session = self.session
        return [k for k in session.visible_keys() if session.item(k).is_input]

    def first(self) -> str | None:
        keys = self.keys()
        return keys[0] if keys else None

    def after(self, key: str) -> str | None:
        keys = self.keys()
        return keys[keys.index(key) + 1] if key in keys and keys.index(key) + 1 < len(keys) else None

    def before(self, key: str) -> str | None:
        keys = self.keys()
        return keys[keys.index(key) - 1] if key in keys and keys.index(key) > 0 else None

    # -- repeats whose count the paper tells (« autant de fois que... ») -------------------------
    def _in_copy(self, key: str, repeat: str, copy: tuple[int, ...]) -> bool:
        """Whether `key` is a field of that copy of the repeat (`copy`: the copy's own index)."""
        name, index = parse_key(key)
        return repeat in self.session.compiled.infos[name].scope and index[:len(copy)] == copy

    def instance_end(self, key: str) -> CopyEnd | None:
        """When `key` is the last field of the last copy keyed of a repeat whose count is not
        fixed: (repeat, its parent's index, its label), for the operator to say whether the paper
        holds another copy (a printed copy left blank, or an extra sheet); else None."""
        session = self.session
        infos = session.compiled.infos
        name, index = parse_key(key)
        scope = infos[name].scope
        if not scope or len(index) != len(scope):
            return None
        depth = len(scope) - 1
        repeat = scope[depth]
        if REPEAT_COUNT in infos[repeat].slots or index[depth] != session.repeat_count(repeat, index[:depth]) - 1:
            return None
        following = self.after(key)
        if following is not None and self._in_copy(following, repeat, index[:depth + 1]):
            return None  # more of this copy to key
        label = self.questionnaire.text(infos[repeat].item.label, session.language) or repeat
        return CopyEnd(repeat, index[:depth], label)

    def add_instance(self, repeat: str, parent: tuple[int, ...]) -> str | None:
        """Another copy of the repeat: its first field to key (None when it has none to show);
        EtudesError past the engine's maximum of copies."""
        _name, new_copy = parse_key(self.session.add_repeat(repeat, parent))
        return next((key for key in self.keys() if self._in_copy(key, repeat, new_copy)), None)

    def field(self, key: str) -> Field:
        session = self.session
        item = session.item(key)
        choices = self.questionnaire.choices_for(item) if item.type in LIST_TYPES else []
        codes = tuple((code, session.choice_label(item.name, name) or name)
                      for code, name in choice_codes(choices).items())
        return Field(key=key, number=self._numbers.get(item.name, 0), label=session.label(key), kind=item.type,
                     codes=codes, max_length=max_length(item, choices), shown=self.shown(key))

    def shown(self, key: str) -> str:
        """A stored value as the operator keyed it (codes for choices)."""
        session = self.session
        value = session.answer(key)
        if value is None:
            return ""
        item = session.item(key)
        if item.type in LIST_TYPES:
            choices = self.questionnaire.choices_for(item)
            return " ".join(code_of(choices, name) for name in str(value).split())
        if item.type == ItemType.ACKNOWLEDGE:
            return "1"
        return to_display(item.type, value)

    def parse(self, key: str, text: str) -> Any:
        """What an entry stands for (None when left blank on the paper); EtudesError if unreadable."""
        item = self.session.item(key)
        text = text.strip()
        if item.type in LIST_TYPES:
            return parse_choice(item, self.questionnaire.choices_for(item), text)
        if item.type == ItemType.ACKNOWLEDGE:
            if text not in ("", "0", "1", "x", "X"):
                raise EtudesError("Case cochée : 1 (ou X) ; laissée vide : 0 ou rien.")
            return True if text in ("1", "x", "X") else None
        return from_display(item.type, text)

    def enter(self, key: str, text: str) -> str | None:
        """Check an entry and commit it; the refusal to show beside the field, or None when saved.
        A field left blank on the paper is keyed blank (the paper is what it is)."""
        session = self.session
        previous = session.answer(key)
        try:
            value = self.parse(key, text)
            session.set_answer(key, value)
        except EtudesError as exc:
            return _sentence(str(exc))
        stored = session.answer(key)
        message = session.error(key) if stored is not None else None
        if message is None:
            try:
                self._save(key, stored)
            except EtudesError as exc:
                message = _sentence(str(exc))
        if message is not None:
            session.set_answer(key, previous)
            return message
        self.fields_entered += 1
        return None


def question_tag(number: int, key: str) -> str:
    """« Q12 », or « Q12 (2) » for the second copy of a repeated block (key `name[2]`)."""
    copy = key.rsplit("[", 1)[1].rstrip("]") if key.endswith("]") else ""
    return f"Q{number}" + (f" ({copy})" if copy else "")


def _sentence(text: str) -> str:
    text = text.strip()
    if not text:
        return text
    text = text[0].upper() + text[1:]
    return text if text.endswith((".", "!", "?", ")")) else text + "."
