"""The function table: arity, implementation, purity; special forms compile themselves."""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from etudes_desktop.core.expressions import dates, numeric, selection, text
from etudes_desktop.core.expressions.nodes import Literal, Node, Ref
from etudes_desktop.core.expressions.values import Value, is_empty, normalize, to_boolean, to_number, to_string

Closure = Callable[[Any], Value]
Special = Callable[[tuple[Closure, ...], tuple[Node, ...]], Closure]


@dataclass(frozen=True)
class FunctionSpec:
    """What the parser and compiler need to know about one function."""

    name: str
    min_args: int
    max_args: int | None  # None: any number
    impl: Callable[..., Value] | None = None
    special: Special | None = None
    pure: bool = True  # same arguments, same result, no context: may be folded
    default_current: bool = False  # called without argument, it works on '.'
    uses_current: bool = False  # reads '.' by itself
    check: Callable[[tuple[Node, ...]], str | None] | None = None  # parse-time argument check


def _if(fns: tuple[Closure, ...], _nodes: tuple[Node, ...]) -> Closure:
    """if(c, a, b): only the branch taken is evaluated."""
    condition, then, otherwise = fns
    return lambda ctx: then(ctx) if to_boolean(condition(ctx)) else otherwise(ctx)


def _coalesce(fns: tuple[Closure, ...], _nodes: tuple[Node, ...]) -> Closure:
    """coalesce(a, b): `a` unless it is empty, then `b` (evaluated only then)."""
    first, second = fns

    def coalesce(ctx: Any) -> Value:
        value = first(ctx)
        return second(ctx) if is_empty(value) else value

    return coalesce


def _today(_fns: tuple[Closure, ...], _nodes: tuple[Node, ...]) -> Closure:
    """today() from the context's clock."""
    return lambda ctx: dates.today(ctx.now())


def _now(_fns: tuple[Closure, ...], _nodes: tuple[Node, ...]) -> Closure:
    """now() from the context's clock."""
    return lambda ctx: dates.now(ctx.now())


def _once(fns: tuple[Closure, ...], _nodes: tuple[Node, ...]) -> Closure:
    """once(x): keeps the question's value once it has one, else computes `x`."""
    (compute,) = fns

    def once(ctx: Any) -> Value:
        current = normalize(ctx.current)
        return compute(ctx) if is_empty(current) else current

    return once


def _position(_fns: tuple[Closure, ...], _nodes: tuple[Node, ...]) -> Closure:
    """position(): the context's optional `position()` (repeat instance), else 1."""

    def position(ctx: Any) -> Value:
        method = getattr(ctx, "position", None)
        return float(method()) if callable(method) else 1.0

    return position


def _pulldata(fns: tuple[Closure, ...], _nodes: tuple[Node, ...]) -> Closure:
    """pulldata(file, column, key_column, key): the context's optional `pulldata`, else ""."""
    source, column, key_column, key = fns

    def pulldata(ctx: Any) -> Value:
        lookup = getattr(ctx, "pulldata", None)
        if not callable(lookup):
            return ""
        found = lookup(to_string(source(ctx)), to_string(column(ctx)), to_string(key_column(ctx)), to_string(key(ctx)))
        return normalize(found)

    return pulldata


def _indexed_repeat(fns: tuple[Closure, ...], nodes: tuple[Node, ...]) -> Closure:
    """indexed-repeat(${q}, ${group}, n[, ${inner}, m...]): q in the n-th instance (from 1).

    Asks the context's optional `indexed_repeat(name, [(group, n), ...])`; without it, picks
    the n-th item of ${q} when that is a node-set, or ${q} itself for n = 1.
    """
    name = nodes[0].name  # type: ignore[union-attr]  # checked at parse time
    groups = [node.name for node in nodes[1::2]]  # type: ignore[union-attr]
    positions = fns[2::2]

    def indexed_repeat(ctx: Any) -> Value:
        wanted = [(group, _position_of(fn(ctx))) for group, fn in zip(groups, positions)]
        lookup = getattr(ctx, "indexed_repeat", None)
        if callable(lookup):
            return normalize(lookup(name, wanted))
        value = normalize(ctx.value(name))
        index = wanted[-1][1]
        if type(value) is list:
            return value[index - 1] if 1 <= index <= len(value) else ""
        return value if index == 1 else ""

    return indexed_repeat


def _position_of(value: Value) -> int:
    """A 1-based instance number; 0 when it is not a usable number."""
    number = to_number(value)
    return int(number) if math.isfinite(number) and 1 <= number <= 1e9 else 0


def _check_indexed_repeat(nodes: tuple[Node, ...]) -> str | None:
    """The question and the groups are references; positions come in pairs with groups."""
    if len(nodes) % 2 == 0:
        return "indexed-repeat attend ${question}, puis des paires ${groupe}, position"
    if not all(isinstance(node, Ref) for node in (nodes[0], *nodes[1::2])):
        return "indexed-repeat attend des références ${nom} pour la question et les groupes"
    return None


_FIELD_IN_TEXT = re.compile(r"\$\{([^}]*)\}")


def field_name(spelled: str) -> str:
    """The question named by jr:choice-name's 2nd argument: '${q}', '/data/q' or 'q'."""
    match = _FIELD_IN_TEXT.search(spelled)
    name = match.group(1) if match else spelled
    return name.strip().rstrip("/").rsplit("/", 1)[-1]


def _choice_name(fns: tuple[Closure, ...], nodes: tuple[Node, ...]) -> Closure:
    """jr:choice-name(choice, '${q}'): the label of `choice` in question q's list."""
    choice_fn, name_fn = fns
    spelled = nodes[1]
    fixed = spelled.name if isinstance(spelled, Ref) else None
    if isinstance(spelled, Literal) and isinstance(spelled.value, str):
        fixed = field_name(spelled.value)

    def choice_name(ctx: Any) -> Value:
        choice = to_string(choice_fn(ctx)).strip()
        if not choice:
            return ""
        name = fixed if fixed is not None else field_name(to_string(name_fn(ctx)))
        label = ctx.choice_label(name, choice)
        return "" if label is None else str(label)

    return choice_name


def _check_pattern(nodes: tuple[Node, ...]) -> str | None:
    """A literal pattern given to regex() must compile."""
    pattern = nodes[1]
    if isinstance(pattern, Literal) and isinstance(pattern.value, str):
        if text.compile_pattern(pattern.value) is None:
            return (f"expression régulière invalide ou non prise en charge (références arrière et assertions "
                    f"ne le sont pas ; {text.MAX_PATTERN_LENGTH} caractères au plus) : « {pattern.value[:80]} »")
    return None


def _check_pairs(nodes: tuple[Node, ...]) -> str | None:
    """weighted-checklist takes values and weights in pairs."""
    return None if len(nodes) % 2 == 0 else "weighted-checklist attend des paires valeur, poids"


def _spec(name: str, low: int, high: int | None, impl: Callable[..., Value], **extra: Any) -> FunctionSpec:
    return FunctionSpec(name, low, high, impl=impl, **extra)


def _form(name: str, low: int, high: int | None, special: Special, **extra: Any) -> FunctionSpec:
    return FunctionSpec(name, low, high, special=special, **extra)


_SPECS = [
    _spec("not", 1, 1, selection.not_),
    _spec("boolean", 1, 1, selection.boolean),
    _spec("true", 0, 0, selection.true),
    _spec("false", 0, 0, selection.false),
    _spec("boolean-from-string", 1, 1, text.boolean_from_string),
    _spec("selected", 2, 2, selection.selected),
    _spec("count-selected", 1, 1, selection.count_selected),
    _spec("selected-at", 2, 2, selection.selected_at),
    _spec("checklist", 2, None, selection.checklist),
    _spec("weighted-checklist", 2, None, selection.weighted_checklist, check=_check_pairs),
    _form("jr:choice-name", 2, 2, _choice_name, pure=False),
    _form("if", 3, 3, _if),
    _form("coalesce", 2, 2, _coalesce),
    _form("once", 1, 1, _once, pure=False, uses_current=True),
    _form("position", 0, 0, _position, pure=False),
    _form("indexed-repeat", 3, 7, _indexed_repeat, pure=False, check=_check_indexed_repeat),
    _form("today", 0, 0, _today, pure=False),
    _form("pulldata", 4, 4, _pulldata, pure=False),
    _form("now", 0, 0, _now, pure=False),
    _spec("concat", 0, None, text.concat),
    _spec("join", 1, None, text.join),
    _spec("string", 0, 1, text.string, default_current=True),
    _spec("string-length", 0, 1, text.string_length, default_current=True),
    _spec("normalize-space", 0, 1, text.normalize_space, default_current=True),
    _spec("contains", 2, 2, text.contains),
    _spec("starts-with", 2, 2, text.starts_with),
    _spec("ends-with", 2, 2, text.ends_with),
    _spec("substr", 2, 3, text.substr),
    _spec("substring", 2, 3, text.substring),
    _spec("substring-before", 2, 2, text.substring_before),
    _spec("substring-after", 2, 2, text.substring_after),
    _spec("translate", 3, 3, text.translate),
    _spec("regex", 2, 2, text.regex, check=_check_pattern),
    _spec("uuid", 0, 1, text.uuid, pure=False),
    _spec("number", 0, 1, numeric.number, default_current=True),
    _spec("int", 1, 1, numeric.int_),
    _spec("round", 1, 2, numeric.round_),
    _spec("floor", 1, 1, numeric.floor),
    _spec("ceiling", 1, 1, numeric.ceiling),
    _spec("abs", 1, 1, numeric.abs_),
    _spec("pow", 2, 2, numeric.pow_),
    _spec("min", 1, None, numeric.min_),
    _spec("max", 1, None, numeric.max_),
    _spec("sum", 1, 1, numeric.sum_),
    _spec("count", 1, 1, numeric.count),
    _spec("count-non-empty", 1, 1, numeric.count_non_empty),
    _spec("sqrt", 1, 1, numeric.sqrt),
    _spec("exp", 1, 1, numeric.exp),
    _spec("exp10", 1, 1, numeric.exp10),
    _spec("log", 1, 1, numeric.log),
    _spec("log10", 1, 1, numeric.log10),
    _spec("sin", 1, 1, numeric.sin),
    _spec("cos", 1, 1, numeric.cos),
    _spec("tan", 1, 1, numeric.tan),
    _spec("asin", 1, 1, numeric.asin),
    _spec("acos", 1, 1, numeric.acos),
    _spec("atan", 1, 1, numeric.atan),
    _spec("atan2", 2, 2, numeric.atan2),
    _spec("pi", 0, 0, numeric.pi),
    _spec("random", 0, 0, numeric.random, pure=False),
    _spec("date", 1, 1, dates.date),
    _spec("decimal-date-time", 1, 1, dates.decimal_date_time),
    _spec("decimal-time", 1, 1, dates.decimal_time),
    _spec("format-date", 2, 2, dates.format_date),
    _spec("format-date-time", 2, 2, dates.format_date),
]

FUNCTIONS: dict[str, FunctionSpec] = {spec.name: spec for spec in _SPECS}
VOLATILE = frozenset({"today", "now", "uuid", "random"})  # may change with no answer changing


def arity_text(spec: FunctionSpec) -> str:
    """'1 argument', '1 ou 2 arguments', 'au moins 1 argument'... in French."""
    low, high = spec.min_args, spec.max_args
    noun = "argument" if (high if high is not None else low) <= 1 else "arguments"
    if high is None:
        return f"au moins {low} {noun}"
    if low == high:
        return "aucun argument" if low == 0 else f"{low} {noun}"
    if high == low + 1:
        return f"{low} ou {high} {noun}"
    return f"de {low} à {high} {noun}"
