"""A questionnaire compiled for interviews: parsed expressions and their dependency graph.

Every expression of the form is a *slot* (an item's relevant, calculation, constraint,
required, choice_filter, read_only or repeat_count). A slot depends on the answers it names;
a relevant or calculation slot also changes values that other slots read. Slots are ranked in
topological order, so a change re-evaluates only the slots downstream of it, each once. A cycle
is a form error.
"""

from __future__ import annotations

import heapq
import re
from dataclasses import dataclass, field
from typing import Any

from etudes_desktop.core.form_problems import FormError, FormProblem
from etudes_desktop.core.questionnaire import Item, ItemType, Questionnaire

RELEVANT = "relevant"
CALCULATION = "calculation"
CONSTRAINT = "constraint"
REQUIRED = "required"
CHOICE_FILTER = "choice_filter"
READ_ONLY = "read_only"
REPEAT_COUNT = "repeat_count"
DEFAULT = "default"
SLOT_KINDS = (RELEVANT, CALCULATION, CONSTRAINT, REQUIRED, CHOICE_FILTER, READ_ONLY, REPEAT_COUNT)
# Slots whose result changes values other expressions read.
_PRODUCERS = (RELEVANT, CALCULATION, REPEAT_COUNT)
_LABEL_REF = re.compile(r"\$\{([^}]*)\}")
_CONSTANT_TRUE = "true()"


@dataclass(eq=False)
class Slot:
    """One expression of one item."""

    item: str
    kind: str
    expression: Any  # etudes_desktop.core.expressions.Expression
    rank: int = 0

    def __lt__(self, other: Slot) -> bool:
        return self.rank < other.rank


@dataclass(eq=False)
class ItemInfo:
    """Where an item sits: its parent, its enclosing repeats, its order, its slots."""

    item: Item
    order: int
    parent: str | None
    scope: tuple[str, ...]  # enclosing repeats, outermost first (a repeat includes itself)
    subtree: list[str] = field(default_factory=list)  # names of this item and its descendants
    slots: dict[str, Slot] = field(default_factory=dict)


class CompiledForm:
    """The questionnaire's items indexed, its expressions parsed and ranked."""

    def __init__(self, questionnaire: Questionnaire) -> None:
        self.questionnaire = questionnaire
        self.infos: dict[str, ItemInfo] = {}
        self.order: list[str] = []
        self.dependents: dict[str, list[Slot]] = {}
        self.slots: list[Slot] = []
        self.defaults: dict[str, Any] = {}
        problems: list[FormProblem] = []
        self._index(questionnaire.items, None, (), problems)
        self._parse_all(problems)
        if not problems:
            self._link()
            problems += self._rank()
        if problems:
            raise FormError(problems)

    # -- indexing ---------------------------------------------------------------------------
    def _index(self, items: list[Item], parent: str | None, scope: tuple[str, ...], problems: list[FormProblem]) -> None:
        for item in items:
            if item.name in self.infos:
                problems.append(FormProblem("survey", item.row, "name", f"nom en double : {item.name}"))
                continue
            own_scope = scope + (item.name,) if item.type == ItemType.REPEAT else scope
            info = ItemInfo(item=item, order=len(self.order), parent=parent, scope=own_scope)
            self.infos[item.name] = info
            self.order.append(item.name)
            self._index(item.children, item.name, own_scope, problems)
            info.subtree = [d.name for d in item.walk() if d.name in self.infos]

    def _parse_all(self, problems: list[FormProblem]) -> None:
        from etudes_desktop.core.expressions import ExpressionError, parse

        for name in self.order:
            info = self.infos[name]
            item = info.item
            for kind in SLOT_KINDS:
                text = getattr(item, kind)
                if text is None or (kind in (REQUIRED, READ_ONLY) and text == _CONSTANT_TRUE):
                    continue
                try:
                    expression = parse(str(text))
                except ExpressionError as exc:
                    problems.append(FormProblem("survey", item.row, kind, exc.message, syntax=True))
                    continue
                unknown = sorted(r for r in expression.references if r not in self.infos)
                if kind == CALCULATION and name in expression.references:
                    problems.append(FormProblem("survey", item.row, kind, f"le calcul de {name} fait référence à lui-même"))
                    continue
                for ref in unknown:
                    problems.append(FormProblem("survey", item.row, kind, f"${{{ref}}} ne désigne aucune question du formulaire"))
                wrong = self._path_problems(expression) if not unknown else []
                problems.extend(FormProblem("survey", item.row, kind, message) for message in wrong)
                if not unknown and not wrong:
                    info.slots[kind] = Slot(item=name, kind=kind, expression=expression)
            self._check_default(item, parse, ExpressionError, problems)
            self._check_label_refs(item, problems)

    def _path_problems(self, expression: Any) -> list[str]:
        """Paths that name nothing: an unknown choice list, a step outside its repeat or group."""
        from etudes_desktop.core.expressions.nodes import Path, walk

        found = [f"instance('{name}') : liste de choix introuvable dans la feuille choices"
                 for name in sorted(expression.instances) if name not in self.questionnaire.choices]
        for node in walk(expression.tree):
            if not isinstance(node, Path):
                continue
            previous = node.base
            if node.steps and not self.infos[previous].item.is_container:
                found.append(f"${{{previous}}}/{node.steps[0].name} : {previous} n'est ni un groupe ni une répétition")
                continue
            for step in node.steps:
                if step.name == previous or step.name not in self.infos[previous].subtree:
                    found.append(f"${{{node.base}}}/…/{step.name} : {step.name} n'est pas dans {previous}")
                    break
                previous = step.name
        return found

    def _check_default(self, item: Item, parse: Any, error_type: type[Exception], problems: list[FormProblem]) -> None:
        if item.default is None:
            return
        text = item.default
        if "${" in text or ("(" in text and text.rstrip().endswith(")")):
            try:
                expression = parse(text)
            except error_type as exc:
                problems.append(FormProblem("survey", item.row, DEFAULT, getattr(exc, "message", str(exc)), syntax=True))
                return
            self.defaults[item.name] = expression
        else:
            self.defaults[item.name] = text

    def _check_label_refs(self, item: Item, problems: list[FormProblem]) -> None:
        for column, text in (("label", item.label), ("hint", item.hint)):
            for value in text.values():
                for ref in _LABEL_REF.findall(value):
                    if ref.strip() not in self.infos:
                        problems.append(FormProblem("survey", item.row, column, f"${{{ref}}} ne désigne aucune question du formulaire"))

    # -- graph ------------------------------------------------------------------------------
    def _link(self) -> None:
        for name in self.order:
            info = self.infos[name]
            for slot in info.slots.values():
                self.slots.append(slot)
                for ref in slot.expression.references:
                    self.dependents.setdefault(ref, []).append(slot)
                if slot.expression.uses_current and slot.kind not in (CALCULATION,):
                    self.dependents.setdefault(name, []).append(slot)
            for kind in (REQUIRED, CONSTRAINT):
                own = info.slots.get(kind)
                if own is not None and own not in self.dependents.get(name, []):
                    self.dependents.setdefault(name, []).append(own)

    def produced_names(self, slot: Slot) -> list[str]:
        """The values a slot's result feeds: its item (and descendants for relevance/repeats)."""
        if slot.kind in (CALCULATION, CHOICE_FILTER):  # a filter may drop the answer no longer offered
            return [slot.item]
        if slot.kind in (RELEVANT, REPEAT_COUNT):
            return self.infos[slot.item].subtree
        return []

    def _rank(self) -> list[FormProblem]:
        """Topological order of slots (Kahn); a cycle is reported on the rows it runs through."""
        downstream: dict[int, list[Slot]] = {}
        indegree = {id(s): 0 for s in self.slots}
        for slot in self.slots:
            targets: dict[int, Slot] = {}
            for produced in self.produced_names(slot):
                for dep in self.dependents.get(produced, []):
                    if dep is not slot or slot.kind not in _PRODUCERS:
                        targets[id(dep)] = dep
            if slot.kind == REPEAT_COUNT:
                for name in self.infos[slot.item].subtree:
                    for dep in self.infos[name].slots.values():
                        if dep is not slot:
                            targets[id(dep)] = dep
            downstream[id(slot)] = list(targets.values())
            for dep in targets.values():
                indegree[id(dep)] += 1
        ready = [(self.infos[s.item].order, i, s) for i, s in enumerate(self.slots) if indegree[id(s)] == 0]
        heapq.heapify(ready)
        rank = 0
        while ready:
            _, _, slot = heapq.heappop(ready)
            slot.rank = rank
            rank += 1
            for dep in downstream[id(slot)]:
                indegree[id(dep)] -= 1
                if indegree[id(dep)] == 0:
                    heapq.heappush(ready, (self.infos[dep.item].order, rank, dep))
        stuck = [s for s in self.slots if indegree[id(s)] > 0]
        names = sorted({s.item for s in stuck}, key=lambda n: self.infos[n].order)
        return [
            FormProblem("survey", self.infos[n].item.row, _cycle_column(stuck, n), f"dépendance circulaire entre {', '.join(names)}")
            for n in names[:1]
        ]


def _cycle_column(stuck: list[Slot], name: str) -> str:
    return next((s.kind for s in stuck if s.item == name), CALCULATION)


def check_questionnaire(questionnaire: Questionnaire) -> list[FormProblem]:
    """Every expression problem of a form (parse errors, unknown names, cycles)."""
    try:
        CompiledForm(questionnaire)
    except FormError as exc:
        return exc.problems
    return []
