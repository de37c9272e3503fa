"""Slot evaluation, as methods of the Session (mixed in): relevance, constraints, calculations,
choice filters and repeat counts over every instance of their item.

The mixin reads the Session's stores (`_answers`, `_calc`, `_results`) and helpers (`_instances`,
`_context`, `_resize`, `repeat_count`); it imports nothing of session.py.
"""

from __future__ import annotations

import logging
import math
from typing import TYPE_CHECKING, Any

from etudes_desktop.core.questionnaire import ItemType
from etudes_desktop.core.session.answers import coerce_answer, display_value, is_blank
from etudes_desktop.core.session.graph import CALCULATION, CHOICE_FILTER, CONSTRAINT, REPEAT_COUNT, Slot
from etudes_desktop.core.session.keys import MAX_REPEATS, Index
from etudes_desktop.core.special_answers import is_special

log = logging.getLogger(__name__)


def _same(a: Any, b: Any) -> bool:
    if a is b:
        return True
    if type(a) is float and type(b) is float and math.isnan(a) and math.isnan(b):
        return True
    return bool(a == b) and type(a) is type(b)


def _run(slot: Slot, ctx: Any) -> Any:
    try:
        return slot.expression.evaluate(ctx)
    except Exception as exc:  # noqa: BLE001 - a runtime failure makes the result empty
        log.debug("expression of %s.%s failed: %s", slot.item, slot.kind, type(exc).__name__)
        return None


def _truth(value: Any) -> bool:
    from etudes_desktop.core.expressions.values import to_boolean

    return False if value is None else bool(to_boolean(value))


def _unpack(value: Any) -> Any:
    if isinstance(value, list):
        return value[0] if value else ""
    return value


class SlotEvaluation:
    """What the Session does with its compiled slots (see graph.py)."""

    compiled: Any
    questionnaire: Any
    _answers: dict[tuple[str, Index], Any]
    _calc: dict[tuple[str, Index], Any]
    _results: dict[str, dict[tuple[str, Index], Any]]

    if TYPE_CHECKING:  # the Session's own, declared for the type checker only
        def _instances(self, scope: tuple[str, ...], prefix: Index = ()) -> list[Index]: ...
        def _context(self, name: str, index: Index, scope: tuple[str, ...] | None = None) -> Any: ...
        def _resize(self, name: str, parent: Index, count: int) -> None: ...
        def repeat_count(self, name: str, parent: Index = ()) -> int: ...

    def _evaluate(self, slot: Slot) -> bool:
        """Evaluate one slot for every instance of its item; True when any result changed."""
        info = self.compiled.infos[slot.item]
        if slot.kind == REPEAT_COUNT:
            return self._evaluate_repeat_count(slot, info.scope[:-1])
        store = self._calc if slot.kind == CALCULATION else self._results[slot.kind]
        changed = False
        for index in self._instances(info.scope):
            key = (slot.item, index)
            ctx = self._context(slot.item, index)
            if slot.kind == CALCULATION:
                result = _unpack(_run(slot, ctx))
                if isinstance(result, float) and math.isnan(result):
                    result = ""  # as ODK: a calculation that gives no number is blank (coalesce sees it)
            elif slot.kind == CONSTRAINT:
                answer = self._answers.get(key)
                result = True if is_blank(answer) or is_special(answer) else _truth(_run(slot, ctx))
            elif slot.kind == CHOICE_FILTER:
                result = self._filter_choices(slot, ctx)
                changed |= self._drop_unoffered(key, result)
            else:
                result = _truth(_run(slot, ctx))
            if key not in store or not _same(store[key], result):
                store[key] = result
                changed = True
        return changed

    def _filter_choices(self, slot: Slot, ctx: Any) -> tuple[int, ...]:
        """The positions of the rows offered: rows, not names (two rows may share a name under
        different filters, as « king » under two states)."""
        item = self.compiled.infos[slot.item].item
        offered = []
        for position, choice in enumerate(self.questionnaire.choices_for(item)):
            ctx.choice = choice
            if _truth(_run(slot, ctx)):
                offered.append(position)
        ctx.choice = None
        return tuple(offered)

    def _drop_unoffered(self, key: tuple[str, Index], offered: tuple[int, ...]) -> bool:
        """As ODK: an answer the filter no longer offers is removed (a required question is then in
        error again); of a select_multiple, only the choices still offered are kept."""
        answer = self._answers.get(key)
        if is_blank(answer) or is_special(answer):
            return False
        item = self.compiled.infos[key[0]].item
        choices = self.questionnaire.choices_for(item)
        names = {choices[p].name for p in offered}
        picked = str(answer).split() if item.type in (ItemType.SELECT_MULTIPLE, ItemType.RANK) else [str(answer)]
        kept = [n for n in picked if n in names]
        if item.type == ItemType.RANK and set(kept) != names:
            kept = []  # a ranking of other choices than those offered now is no ranking: asked again
        if kept == picked:
            return False
        if kept:
            self._answers[key] = " ".join(kept)
        else:
            self._answers.pop(key, None)
        return True

    def _evaluate_repeat_count(self, slot: Slot, parent_scope: tuple[str, ...]) -> bool:
        from etudes_desktop.core.expressions.values import to_number

        changed = False
        for parent in self._instances(parent_scope):
            ctx = self._context(slot.item, parent, scope=parent_scope)
            raw = _run(slot, ctx)
            number = 0.0 if raw is None else to_number(_unpack(raw))
            count = 0 if math.isnan(number) else max(0, min(MAX_REPEATS, int(number)))
            if count != self.repeat_count(slot.item, parent):
                self._resize(slot.item, parent, count)
                changed = True
        return changed

    def _default_value(self, name: str, index: Index) -> Any:
        """A default answer, literal or computed once when the instance is created."""
        info = self.compiled.infos[name]
        default = self.compiled.defaults[name]
        if not isinstance(default, str):
            default = _unpack(_run(Slot(item=name, kind="default", expression=default), self._context(name, index)))
            default = display_value(default) if default is not None else None
        try:
            return coerce_answer(info.item, default, self.questionnaire.choices_for(info.item))
        except Exception:  # noqa: BLE001 - a default that does not fit the type is ignored
            return None
