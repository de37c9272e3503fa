"""An interview session: answers in, visibility, computed values, errors and pages out.

Pure domain code (no Qt, no storage): the GUI, the command line and the tests drive the same
object. Answers are addressed by key: the question name, and for questions inside repeats
`name[i]` (1-based, one bracket per enclosing repeat). On each answer only the expressions
downstream of it in the dependency graph are evaluated again (see graph.py).
"""

from __future__ import annotations

import datetime as _dt
import heapq
import logging
import re
from collections.abc import Callable, Iterable, Mapping
from typing import Any

from etudes_desktop.core.questionnaire import Choice, Item, ItemType, Questionnaire
from etudes_desktop.core.session.answers import coerce_answer, display_value, is_blank
from etudes_desktop.core.session.context import SessionContext
from etudes_desktop.core.session.evaluation import SlotEvaluation
from etudes_desktop.core.session.graph import (
    CHOICE_FILTER,
    CONSTRAINT,
    READ_ONLY,
    RELEVANT,
    REPEAT_COUNT,
    REQUIRED,
    CompiledForm,
    Slot,
)
from etudes_desktop.core.session.keys import (
    CONSTRAINT_MESSAGE,
    MAX_REPEATS,
    REQUIRED_MESSAGE,
    AnswerRefused,
    Index,
    NoSuchInstance,
    NotAQuestion,
    Page,
    UnknownQuestion,
    key_of,
    parse_key,
)
from etudes_desktop.core.session.pages import build_pages
from etudes_desktop.core.session.restore import apply_answers

log = logging.getLogger(__name__)

class Session(SlotEvaluation):
    """The state of one interview over one questionnaire."""

    def __init__(
        self,
        questionnaire: Questionnaire,
        answers: Mapping[str, Any] | None = None,
        *,
        language: str | None = None,
        now: Callable[[], _dt.datetime] | None = None,
        compiled: CompiledForm | None = None,
        identity: tuple[tuple[str, ...], ...] = (),
        special_answers: bool = False,
    ) -> None:
        # The study accepts « Ne sait pas » / « Refus » (core.special_answers) on its questions.
        self.special_answers = special_answers
        # The interviewed person's name, first name and street (core.free_text.identity_terms):
        # a text answer holding one is refused, as phones and e-mails always are.
        self.identity = identity
        self.questionnaire = questionnaire
        self.compiled = compiled or CompiledForm(questionnaire)
        self.language = language
        self._now = now or (lambda: _dt.datetime.now().astimezone())
        self._answers: dict[tuple[str, Index], Any] = {}
        self._calc: dict[tuple[str, Index], Any] = {}
        self._results: dict[str, dict[tuple[str, Index], Any]] = {k: {} for k in (RELEVANT, CONSTRAINT, REQUIRED, CHOICE_FILTER, READ_ONLY)}
        self._counts: dict[tuple[str, Index], int] = {}
        self._rows: dict[tuple[str, str | None], list[dict[str, str]]] = {}
        self._init_repeats(self.questionnaire.items, ())
        self._fill_metadata()
        self.reevaluate_all()
        self.refused: dict[str, str] = self.restore(answers) if answers else {}

    # -- public: answers ----------------------------------------------------------------------
    def now(self) -> _dt.datetime:
        return self._now()

    def set_answer(self, key: str, value: Any) -> frozenset[str]:
        """Record an answer (None clears it); returns the names whose state may have changed."""
        name, index = self._locate(key)
        item = self.compiled.infos[name].item
        if not item.is_input:
            raise NotAQuestion(name)
        if self.is_read_only(key):
            raise AnswerRefused(f"{name} est en lecture seule")
        # A ranking holds every choice offered now (after the choice_filter), each once.
        choices = self.choices(key) if item.type == ItemType.RANK else self.questionnaire.choices_for(item)
        coerced = coerce_answer(item, value, choices, self.identity, self.special_answers)
        slot_key = (name, index)
        if self._answers.get(slot_key) == coerced:
            return frozenset()
        if coerced is None:
            self._answers.pop(slot_key, None)
        else:
            self._answers[slot_key] = coerced
        return self._propagate([name])

    def restore(self, answers: Mapping[str, Any]) -> dict[str, str]:
        """Give saved answers (flat keys, or repeats as lists of mappings) in questionnaire order,
        adding the repeat instances they need; returns key -> message for those refused."""
        return {key: exc.message for key, exc in apply_answers(self, answers).items()}

    def item(self, key: str) -> Item:
        """The questionnaire item behind a key."""
        item: Item = self.compiled.infos[self._locate(key)[0]].item
        return item

    def answer(self, key: str) -> Any:
        """The recorded answer, visible or not."""
        return self._answers.get(self._locate(key))

    def value(self, key: str) -> Any:
        """The value expressions see: the answer (or calculation), empty when not visible."""
        return self._effective(*self._locate(key))

    def answers(self) -> dict[str, Any]:
        """Every recorded answer by key, in questionnaire order."""
        order = self.compiled.infos
        items = sorted(self._answers.items(), key=lambda kv: (order[kv[0][0]].order, kv[0][1]))
        return {key_of(n, i): v for (n, i), v in items}

    def calculated(self) -> dict[str, Any]:
        """Every calculate's value by key (empty when not relevant)."""
        out: dict[str, Any] = {}
        for name in self.compiled.order:
            if self.compiled.infos[name].item.type == ItemType.CALCULATE:
                for index in self._instances(self.compiled.infos[name].scope):
                    out[key_of(name, index)] = self._effective(name, index)
        return out

    # -- public: state of items -----------------------------------------------------------------
    def is_visible(self, key: str) -> bool:
        return self._visible(*self._locate(key))

    def is_required(self, key: str) -> bool:
        name, index = self._locate(key)
        item = self.compiled.infos[name].item
        if item.required is None:
            return False
        return bool(self._results[REQUIRED].get((name, index), item.required == "true()"))

    def is_read_only(self, key: str) -> bool:
        name, index = self._locate(key)
        item = self.compiled.infos[name].item
        if item.read_only is None:
            return False
        return bool(self._results[READ_ONLY].get((name, index), item.read_only == "true()"))

    def error(self, key: str) -> str | None:
        """Why a visible question is not acceptable yet (required, constraint), or None."""
        name, index = self._locate(key)
        return self._error(name, index)

    def errors(self) -> dict[str, str]:
        """Every visible question breaking required or constraint, by key."""
        out: dict[str, str] = {}
        for name in self.compiled.order:
            info = self.compiled.infos[name]
            if info.item.is_input:
                for index in self._instances(info.scope):
                    message = self._error(name, index)
                    if message:
                        out[key_of(name, index)] = message
        return out

    def choices(self, key: str) -> list[Choice]:
        """The choices offered to a select (after its choice_filter)."""
        name, index = self._locate(key)
        item = self.compiled.infos[name].item
        full: list[Choice] = self.questionnaire.choices_for(item)
        offered = self._results[CHOICE_FILTER].get((name, index))
        if offered is None:
            return full
        return [full[position] for position in offered if position < len(full)]

    def choice_label(self, name: str, choice: str) -> str | None:
        item = self.compiled.infos.get(name)
        if item is None:
            return None
        for option in self.questionnaire.choices_for(item.item):
            if option.name == choice:
                text: str = self.questionnaire.text(option.label, self.language)
                return text
        return None

    def label(self, key: str, *, hint: bool = False) -> str:
        """An item's label (or hint) in the session's language, `${name}` replaced by values."""
        name, index = self._locate(key)
        item = self.compiled.infos[name].item
        return self._interpolate(self.questionnaire.text(item.hint if hint else item.label, self.language), name, index)

    def choice_text(self, key: str, choice: Choice) -> str:
        """A choice's label for this question, in the session's language, `${name}` replaced."""
        name, index = self._locate(key)
        return self._interpolate(self.questionnaire.text(choice.label, self.language) or choice.name, name, index)

    def _interpolate(self, text: str, name: str, index: Index) -> str:
        if "${" not in text:
            return text
        scope = self.compiled.infos[name].scope
        return re.sub(r"\$\{([^}]*)\}", lambda m: _display(self._ref_value(m.group(1).strip(), index, scope)), text)

    def visible_keys(self) -> list[str]:
        """Questions and notes shown with the current answers, in questionnaire order."""
        return [key for page in self.pages() if page.visible for key in page.keys]

    # -- public: repeats ----------------------------------------------------------------------
    def repeat_count(self, name: str, parent: Index = ()) -> int:
        return self._counts.get((name, parent), 0)

    def add_repeat(self, name: str, parent: Index = ()) -> str:
        """Add an instance to a repeat without repeat_count; returns its key."""
        info = self.compiled.infos[name]
        if info.item.type != ItemType.REPEAT or REPEAT_COUNT in info.slots:
            raise AnswerRefused(f"{name} n'est pas une répétition modifiable")
        count = self.repeat_count(name, parent)
        if count >= MAX_REPEATS:
            raise AnswerRefused(f"{name} : {MAX_REPEATS} répétitions au plus")
        self._resize(name, parent, count + 1)
        self._propagate(info.subtree, extra=self._subtree_slots(name))
        return key_of(name, parent + (count,))

    def remove_repeat(self, name: str, index: Index) -> None:
        """Remove one instance (the later ones move up)."""
        info = self.compiled.infos[name]
        parent, position = index[:-1], index[-1]
        count = self.repeat_count(name, parent)
        if REPEAT_COUNT in info.slots or not 0 <= position < count:
            raise AnswerRefused(f"{key_of(name, index)} ne peut pas être supprimée")
        depth = len(index) - 1
        for store in (self._answers, self._calc, *self._results.values()):
            moved: dict[tuple[str, Index], Any] = {}
            for (n, i), v in list(store.items()):
                if n in info.subtree and len(i) > depth and i[:depth] == parent and i[depth] >= position:
                    del store[(n, i)]
                    if i[depth] > position:
                        moved[(n, i[:depth] + (i[depth] - 1,) + i[depth + 1:])] = v
            store.update(moved)
        self._resize(name, parent, count - 1)
        self._propagate(info.subtree, extra=self._subtree_slots(name))

    # -- public: navigation -------------------------------------------------------------------
    def pages(self) -> list[Page]:
        """Every page in order, visible or not."""
        return build_pages(self.questionnaire.items, self.repeat_count, self._visible)

    def next_page(self, current: str | None = None) -> Page | None:
        """The visible page after `current` (the first one when None)."""
        return _step(self.pages(), current, +1)

    def previous_page(self, current: str) -> Page | None:
        """The visible page before `current`."""
        return _step(self.pages(), current, -1)

    # -- evaluation ---------------------------------------------------------------------------
    def reevaluate_all(self) -> None:
        """Evaluate every expression of the form, in dependency order (the slow, safe path)."""
        for slot in sorted(self.compiled.slots, key=lambda s: s.rank):
            self._evaluate(slot)

    def _propagate(self, names: Iterable[str], extra: Iterable[Slot] = ()) -> frozenset[str]:
        """Re-evaluate only what depends on `names`, each slot once, in rank order."""
        dependents = self.compiled.dependents
        queue: list[Slot] = []
        queued: set[int] = set()
        touched: set[str] = set(names)

        def push(slot: Slot) -> None:
            if id(slot) not in queued:
                queued.add(id(slot))
                heapq.heappush(queue, slot)

        for slot in extra:
            push(slot)
        for name in touched:
            for slot in dependents.get(name, ()):
                push(slot)
        while queue:
            slot = heapq.heappop(queue)
            touched.add(slot.item)
            if not self._evaluate(slot):
                continue
            produced = self.compiled.produced_names(slot)
            touched.update(produced)
            for name in produced:
                for dep in dependents.get(name, ()):
                    push(dep)
            if slot.kind == REPEAT_COUNT:
                for dep in self._subtree_slots(slot.item):
                    push(dep)
        return frozenset(touched)


    def _subtree_slots(self, name: str) -> list[Slot]:
        infos = self.compiled.infos
        return [s for n in infos[name].subtree for s in infos[n].slots.values()]

    # -- internals used by the evaluation context -----------------------------------------------
    def _locate(self, key: str) -> tuple[str, Index]:
        name, index = parse_key(key)
        info = self.compiled.infos.get(name)
        if info is None:
            raise UnknownQuestion(name)
        if len(index) != len(info.scope) or not self._exists(info.scope, index):
            raise NoSuchInstance(key)
        return name, index

    def _exists(self, scope: tuple[str, ...], index: Index) -> bool:
        return all(0 <= index[d] < self._counts.get((scope[d], index[:d]), 0) for d in range(len(scope)))

    def _instances(self, scope: tuple[str, ...], prefix: Index = ()) -> list[Index]:
        """Every index of the repeats `scope`, under the fixed outer index `prefix`."""
        result = [prefix]
        for depth in range(len(prefix), len(scope)):
            repeat = scope[depth]
            result = [p + (i,) for p in result for i in range(self._counts.get((repeat, p), 0))]
        return result

    def _visible(self, name: str, index: Index) -> bool:
        infos = self.compiled.infos
        relevant = self._results[RELEVANT]
        current: str | None = name
        while current is not None:
            info = infos[current]
            if relevant.get((current, index[: len(info.scope)]), True) is False:
                return False
            current = info.parent
        return True

    def _effective(self, name: str, index: Index) -> Any:
        if not self._visible(name, index):
            return None
        if self.compiled.infos[name].item.type == ItemType.CALCULATE:
            return self._calc.get((name, index))
        return self._answers.get((name, index))

    def _ref_value(self, name: str, index: Index, scope: tuple[str, ...]) -> Any:
        info = self.compiled.infos.get(name)
        if info is None:
            return None
        target = info.scope
        common = 0
        while common < len(target) and common < len(scope) and target[common] == scope[common]:
            common += 1
        if common == len(target):
            return self._effective(name, index[:common])
        return [self._effective(name, i) for i in self._instances(target, index[:common])]

    def _error(self, name: str, index: Index) -> str | None:
        info = self.compiled.infos[name]
        item = info.item
        if not item.is_input or not self._visible(name, index):
            return None
        value = self._answers.get((name, index))
        if is_blank(value) and item.type == ItemType.CALCULATE:
            return None
        if is_blank(value):
            key = key_of(name, index)
            if self.is_required(key):  # read-only too, as ODK: a required blank is in error
                return self._interpolate(self.questionnaire.text(item.required_message, self.language), name, index) or REQUIRED_MESSAGE
            return None
        if self._results[CONSTRAINT].get((name, index), True) is False:
            return self._interpolate(self.questionnaire.text(item.constraint_message, self.language), name, index) or CONSTRAINT_MESSAGE
        return None

    def _instance_rows(self, list_name: str) -> list[dict[str, str]]:
        """instance('list') of a choice list, built once per language."""
        key = (list_name, self.language)
        rows = self._rows.get(key)
        if rows is None:
            rows = [
                {**choice.extra, "name": choice.name, "label": self.questionnaire.text(choice.label, self.language)}
                for choice in self.questionnaire.choices.get(list_name, [])
            ]
            self._rows[key] = rows
        return rows

    def _context(self, name: str, index: Index, scope: tuple[str, ...] | None = None) -> Any:
        return SessionContext(self, name, index, scope)

    # -- repeats and metadata -----------------------------------------------------------------
    def _init_repeats(self, items: list[Item], parent: Index) -> None:
        for item in items:
            if item.type == ItemType.REPEAT:
                if REPEAT_COUNT not in self.compiled.infos[item.name].slots:
                    self._resize(item.name, parent, 1)
            elif item.type == ItemType.GROUP:
                self._init_repeats(item.children, parent)

    def _resize(self, name: str, parent: Index, count: int) -> None:
        """Set a repeat's instance count, creating nested repeats and defaults of new instances."""
        old = self._counts.get((name, parent), 0)
        self._counts[(name, parent)] = count
        info = self.compiled.infos[name]
        for position in range(old, count):
            index = parent + (position,)
            self._init_repeats(info.item.children, index)
            self._apply_defaults(info.subtree, index)
        for position in range(count, old):
            for n in info.subtree:
                for store in (self._answers, self._calc):
                    for k in [k for k in store if k[0] == n and k[1][: len(parent) + 1] == parent + (position,)]:
                        del store[k]

    def _apply_defaults(self, names: Iterable[str], index: Index) -> None:
        for name in names:
            if name in self.compiled.defaults:
                scope = self.compiled.infos[name].scope
                for inst in self._instances(scope, index[: len(scope)]) if len(scope) > len(index) else [index[: len(scope)]]:
                    if (name, inst) not in self._answers:
                        value = self._default_value(name, inst)
                        if value is not None:
                            self._answers[(name, inst)] = value

    def _fill_metadata(self) -> None:
        moment = self.now()
        for name in self.compiled.order:
            item = self.compiled.infos[name].item
            if item.type == ItemType.METADATA:
                self._answers[(name, ())] = moment.date().isoformat() if item.metadata == "today" else moment.isoformat(timespec="seconds")
        self._apply_defaults([n for n in self.compiled.order if not self.compiled.infos[n].scope], ())


def _display(value: Any) -> str:
    return display_value(value)


def _step(pages: list[Page], current: str | None, direction: int) -> Page | None:
    if current is None:
        start = 0 if direction > 0 else len(pages) - 1
    else:
        found = [i for i, p in enumerate(pages) if current == p.key or current in p.members]
        if not found:
            return next((p for p in pages if p.visible), None) if direction > 0 else None
        start = found[0] + direction
    position = start
    while 0 <= position < len(pages):
        if pages[position].visible:
            return pages[position]
        position += direction
    return None
