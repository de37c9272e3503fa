"""Relevance, constraints and required rules put in words for a paper form (French).

Expressions are read with the product's own parser (core.expressions), never by pattern
matching on their text. What cannot be said in words comes back as None: the caller then
prints the expression itself with question numbers in place of ${names} (`with_numbers`), so
no rule is ever dropped from the paper.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass

from etudes_desktop.core.expressions import Expression, ExpressionError, MapContext, parse
from etudes_desktop.core.expressions.nodes import Binary, Call, Current, Literal, Logical, Node, Ref, walk
from etudes_desktop.core.questionnaire import Choice, Item, ItemType, Questionnaire

_REF = re.compile(r"\$\{([^}\s]+)\}")
_FLIP = {"=": "!=", "!=": "=", "<": ">=", "<=": ">", ">": "<=", ">=": "<"}
_MIRROR = {"=": "=", "!=": "!=", "<": ">", "<=": ">=", ">": "<", ">=": "<="}
_COMPARE = {"=": "égale à", "!=": "différente de", "<": "inférieure à", "<=": "inférieure ou égale à",
            ">": "supérieure à", ">=": "supérieure ou égale à"}
_COMPARE_COUNT = {"=": "égal à", "!=": "différent de", "<": "inférieur à", "<=": "inférieur ou égal à",
                  ">": "supérieur à", ">=": "supérieur ou égal à"}
_NUMERIC = frozenset({ItemType.INTEGER, ItemType.DECIMAL, ItemType.RANGE})
_YES = frozenset({"yes", "true", "true()", "1"})


def number_text(value: float) -> str:
    """5.0 -> "5", 2.5 -> "2,5" (French decimal comma)."""
    return str(int(value)) if float(value).is_integer() else f"{value:g}".replace(".", ",")


def _parsed(source: str | None) -> Expression | None:
    if not source or not source.strip():
        return None
    try:
        return parse(source)
    except ExpressionError:
        return None


@dataclass(frozen=True)
class Wording:
    """Puts a form's expressions in words, naming questions by their printed number."""

    questionnaire: Questionnaire
    numbers: Mapping[str, int]
    lang: str | None = "fr"

    # -- names -------------------------------------------------------------------------------
    def question(self, name: str) -> str:
        """« la question 4 », or the name in quotes for what has no number (a calculation)."""
        number = self.numbers.get(name)
        return f"la question {number}" if number is not None else f"« {name} »"

    def with_numbers(self, source: str) -> str:
        """The expression as written, ${name} replaced by Q4 (or « name » when unnumbered)."""
        def shown(match: re.Match[str]) -> str:
            number = self.numbers.get(match.group(1))
            return f"Q{number}" if number is not None else f"« {match.group(1)} »"
        return _REF.sub(shown, " ".join(source.split()))

    def piped(self, text: str) -> str:
        """A label quoting an answer (${age}) shows where it comes from: [réponse à la question 4]."""
        def shown(match: re.Match[str]) -> str:
            number = self.numbers.get(match.group(1))
            return f"[réponse à la question {number}]" if number is not None else "[calculé à la saisie]"
        return _REF.sub(shown, text)

    def _label(self, item: Item, choice: str) -> str:
        for option in self.questionnaire.choices_for(item):
            if option.name == choice:
                return self.questionnaire.text(option.label, self.lang) or choice
        return choice

    # -- relevance ---------------------------------------------------------------------------
    def condition(self, source: str | None, *, negated: bool = False) -> str | None:
        """The condition (or its contrary) in words, None when it cannot be said."""
        expression = _parsed(source)
        if expression is None:
            return None
        return self._node(expression.tree, negated)

    def _node(self, node: Node, negated: bool) -> str | None:
        by_choices = self._by_choices(node, negated)
        if by_choices is not None:
            return by_choices
        if isinstance(node, Logical):
            parts = [self._node(operand, negated) for operand in node.operands]
            if any(part is None for part in parts):
                return None
            joined = " et " if (node.operator == "and") != negated else " ou "
            return joined.join(f"({part})" if isinstance(operand, Logical) else str(part)
                               for part, operand in zip(parts, node.operands, strict=True))
        if isinstance(node, Call) and node.name == "not" and len(node.args) == 1:
            return self._node(node.args[0], not negated)
        if isinstance(node, Call) and node.name == "selected" and len(node.args) == 2:
            return self._selected(node, negated)
        if isinstance(node, Binary) and node.operator in _FLIP:
            return self._comparison(node, negated)
        return None

    def _by_choices(self, node: Node, negated: bool) -> str | None:
        """A test of one single-choice question: the choices for which it holds, by their labels."""
        nodes = walk(node)
        refs = {n.name for n in nodes if isinstance(n, Ref)}
        if len(refs) != 1 or isinstance(node, Ref) or any(not isinstance(n, (Ref, Literal, Binary, Logical, Call))
                                                          for n in nodes):
            return None
        if any(isinstance(n, Call) and n.name not in ("selected", "not") for n in nodes):
            return None
        (name,) = refs
        item = self.questionnaire.item_index().get(name)
        if item is None or item.type is not ItemType.SELECT_ONE or name not in self.numbers:
            return None
        options = self.questionnaire.choices_for(item)
        if not options:
            return None
        compiled = Expression("", node)
        chosen = [o for o in options if compiled.evaluate_boolean(MapContext({name: o.name})) != negated]
        if not chosen:
            return None
        if len(chosen) == len(options):
            return f"toute réponse à {self.question(name)}"
        others = [o for o in options if o not in chosen]
        if len(chosen) > 2 and len(others) < len(chosen):  # shorter said the other way round
            labels = " ni ".join(self._quoted(o) for o in others)
            return f"la réponse à {self.question(name)} n'est {'ni ' if len(others) > 1 else 'pas '}{labels}"
        return f"{' ou '.join(self._quoted(o) for o in chosen)} à {self.question(name)}"

    def _quoted(self, choice: Choice) -> str:
        return f"« {self.questionnaire.text(choice.label, self.lang) or choice.name} »"

    def _selected(self, node: Call, negated: bool) -> str | None:
        target, choice = node.args
        if not isinstance(target, Ref) or not isinstance(choice, Literal) or target.name not in self.numbers:
            return None
        item = self.questionnaire.item_index().get(target.name)
        label = self._label(item, str(choice.value)) if item else str(choice.value)
        ticked = "n'est pas coché" if negated else "est coché"
        return f"« {label} » {ticked} à {self.question(target.name)}"

    def _comparison(self, node: Binary, negated: bool) -> str | None:
        left, operator, right = node.left, node.operator, node.right
        if isinstance(right, Ref) and not isinstance(left, Ref):
            left, right, operator = right, left, _MIRROR[operator]
        if negated:
            operator = _FLIP[operator]
        if isinstance(left, Call) and left.name == "count-selected" and len(left.args) == 1:
            inner = left.args[0]
            if isinstance(inner, Ref) and inner.name in self.numbers and isinstance(right, Literal):
                return (f"le nombre de cases cochées à {self.question(inner.name)} est "
                        f"{_COMPARE_COUNT[operator]} {self._value(right)}")
            return None
        if not isinstance(left, Ref) or left.name not in self.numbers or not isinstance(right, Literal):
            return None
        item = self.questionnaire.item_index().get(left.name)
        subject = self.question(left.name)
        if right.value == "" and operator in ("=", "!="):
            return f"pas de réponse à {subject}" if operator == "=" else f"une réponse à {subject}"
        if item is not None and item.type in _NUMERIC or isinstance(right.value, float):
            return f"la réponse à {subject} est {_COMPARE[operator]} {self._value(right)}"
        if operator not in ("=", "!="):
            return None
        shown = self._label(item, str(right.value)) if item else str(right.value)
        verb = "est" if operator == "=" else "n'est pas"
        return f"la réponse à {subject} {verb} « {shown} »"

    @staticmethod
    def _value(literal: Literal) -> str:
        return number_text(literal.value) if isinstance(literal.value, float) else f"« {literal.value} »"

    def fails_without(self, source: str, unanswered: set[str]) -> bool:
        """True when `source` reads only questions of `unanswered` and is false while they are empty."""
        expression = _parsed(source)
        if expression is None or not expression.references or not expression.references <= unanswered:
            return False
        if expression.uses_current or expression.volatile or expression.children or expression.instances:
            return False
        return not expression.evaluate_boolean(MapContext({}))

    def choice_filter(self, source: str) -> str:
        """Which choices apply, in words when the filter reads one question."""
        expression = _parsed(source)
        refs = sorted(expression.references) if expression is not None else []
        if len(refs) == 1 and refs[0] in self.numbers:
            return (f"seuls s'appliquent les choix qui correspondent à la réponse à {self.question(refs[0])} "
                    f"(filtre : {self.with_numbers(source)})")
        return f"seuls certains choix s'appliquent, selon : {self.with_numbers(source)}"

    # -- constraints and required ------------------------------------------------------------
    def constraint(self, item: Item) -> str | None:
        """« entre 16 et 110 », else the designer's message, else the expression; None if there is none."""
        if not item.constraint:
            return None
        expression = _parsed(item.constraint)
        words = _bounds(expression.tree, item) if expression is not None else None
        if words:
            return words
        message = self.questionnaire.text(item.constraint_message, self.lang)
        if message:
            return message
        return "condition : " + self.with_numbers(item.constraint).replace(" . ", " la réponse ")

    def required(self, item: Item) -> tuple[bool, str | None]:
        """(always required, the condition in words when it is required only sometimes)."""
        source = (item.required or "").strip()
        rule = source.lower()
        if not rule or rule in ("no", "false", "false()", "0"):
            return False, None
        if rule in _YES:
            return True, None
        return False, self.condition(source) or self.with_numbers(source)


def _bounds(tree: Node, item: Item) -> str | None:
    """Bounds on the answer itself (. >= 16 and . <= 110), a length, a count or a date vs today."""
    parts = list(tree.operands) if isinstance(tree, Logical) and tree.operator == "and" else [tree]
    low: tuple[str, float] | None = None
    high: tuple[str, float] | None = None
    extra: list[str] = []
    for part in parts:
        if not isinstance(part, Binary) or part.operator not in _FLIP:
            return None
        left, operator, right = part.left, part.operator, part.right
        if isinstance(left, Literal):
            left, right, operator = right, left, _MIRROR[operator]
        if isinstance(right, Call) and right.name == "today" and isinstance(left, Current):
            extra.append({"<=": "pas dans le futur", "<": "avant aujourd'hui", ">=": "pas dans le passé",
                          ">": "après aujourd'hui"}.get(operator, ""))
            continue
        if not isinstance(right, Literal) or not isinstance(right.value, float):
            return None
        if isinstance(left, Call) and left.name in ("string-length", "count-selected") and (
                not left.args or isinstance(left.args[0], Current)):
            unit = "caractères" if left.name == "string-length" else "réponses cochées"
            if operator in ("<=", "<"):
                limit = right.value if operator == "<=" else right.value - 1
                extra.append(f"{number_text(limit)} {unit} au plus")
            elif operator in (">=", ">"):
                limit = right.value if operator == ">=" else right.value + 1
                extra.append(f"{number_text(limit)} {unit} au moins")
            else:
                return None
            continue
        if not isinstance(left, Current):
            return None
        if operator in (">=", ">"):
            low = (operator, right.value)
        elif operator in ("<=", "<"):
            high = (operator, right.value)
        elif operator == "!=":
            extra.append(f"différent de {number_text(right.value)}")
        else:
            return None
    if any(not text for text in extra):
        return None
    return ", ".join(([_range_words(low, high)] if low or high else []) + extra) or None


def _range_words(low: tuple[str, float] | None, high: tuple[str, float] | None) -> str:
    if low and high and low[0] == ">=" and high[0] == "<=":
        return f"entre {number_text(low[1])} et {number_text(high[1])}"
    words = []
    if low:
        words.append(("au moins " if low[0] == ">=" else "plus de ") + number_text(low[1]))
    if high:
        words.append(("au plus " if high[0] == "<=" else "moins de ") + number_text(high[1]))
    return " et ".join(words)


def upper_bound(item: Item) -> float | None:
    """The largest answer the constraint allows (to size the digit boxes), when it says so."""
    expression = _parsed(item.constraint)
    if expression is None:
        return None
    parts = list(expression.tree.operands) if isinstance(expression.tree, Logical) else [expression.tree]
    for part in parts:
        if isinstance(part, Binary) and isinstance(part.left, Current) and isinstance(part.right, Literal) \
                and part.operator in ("<", "<=") and isinstance(part.right.value, float):
            return part.right.value
    return None
