"""Turns a syntax tree into nested Python closures; constant sub-trees are folded once."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from etudes_desktop.core.expressions.functions import FUNCTIONS, Closure
from etudes_desktop.core.expressions.nodes import (
    Binary,
    Call,
    Child,
    Current,
    Instance,
    Literal,
    Logical,
    Negate,
    Node,
    Path,
    Ref,
)
from etudes_desktop.core.expressions.operators import BINARY, equals, negate
from etudes_desktop.core.expressions.values import Value, normalize, to_boolean

Compiled = tuple[Closure, bool]  # (closure, is it a constant)


def compile_tree(node: Node) -> Closure:
    """A closure computing `node`'s value from an evaluation context."""
    return _compile(node)[0]


def _constant(value: Value) -> Compiled:
    return (lambda _ctx: value), True


def _fold(closure: Closure) -> Compiled:
    """Evaluate once a closure that needs no context."""
    return _constant(closure(None))


def _compile(node: Node) -> Compiled:
    if isinstance(node, Literal):
        return _constant(node.value)
    if isinstance(node, Ref):
        return _reference(node.name), False
    if isinstance(node, Current):
        return (lambda ctx: normalize(ctx.current)), False
    if isinstance(node, Child):
        return _child(node.name), False
    if isinstance(node, Negate):
        operand, constant = _compile(node.operand)
        closure: Closure = lambda ctx: negate(operand(ctx))  # noqa: E731
        return _fold(closure) if constant else (closure, False)
    if isinstance(node, Binary):
        return _binary(node)
    if isinstance(node, Logical):
        return _logical(node)
    if isinstance(node, Path):
        from etudes_desktop.core.expressions.paths import compile_path

        return compile_path(node, compile_tree), False
    if isinstance(node, Instance):
        from etudes_desktop.core.expressions.paths import compile_instance

        return compile_instance(node, compile_tree), False
    return _call(node)


def _reference(name: str) -> Closure:
    def reference(ctx: Any) -> Value:
        value = ctx.value(name)
        return value if type(value) is str else normalize(value)

    return reference


def _child(name: str) -> Closure:
    def child(ctx: Any) -> Value:
        lookup = getattr(ctx, "child", None)
        return normalize(lookup(name)) if callable(lookup) else ""

    return child


def _binary(node: Binary) -> Compiled:
    """A left-leaning chain of binary operators, compiled without recursing along it."""
    steps: list[tuple[Callable[[Value, Value], Value], Node]] = []
    first: Node = node
    while isinstance(first, Binary):
        steps.append((BINARY[first.operator], first.right))
        first = first.left
    steps.reverse()
    head, constant = _compile(first)
    compiled = [(operator, *_compile(right)) for operator, right in steps]
    constant = constant and all(is_constant for _op, _fn, is_constant in compiled)
    if len(compiled) == 1:
        closure = _pair(head, compiled[0][0], compiled[0][1], compiled[0][2])
    else:
        pairs = [(operator, fn) for operator, fn, _c in compiled]

        def closure(ctx: Any) -> Value:
            value = head(ctx)
            for operator, fn in pairs:
                value = operator(value, fn(ctx))
            return value

    return _fold(closure) if constant else (closure, False)


def _pair(left: Closure, operator: Callable[[Value, Value], Value], right: Closure, fixed: bool) -> Closure:
    """One operator; a constant right operand is read once, `${x} = 'text'` takes a fast path."""
    if not fixed:
        return lambda ctx: operator(left(ctx), right(ctx))
    value = right(None)
    if operator is equals and type(value) is str:

        def equals_text(ctx: Any) -> Value:
            found = left(ctx)
            return found == value if type(found) is str else equals(found, value)

        return equals_text
    return lambda ctx: operator(left(ctx), value)


def _logical(node: Logical) -> Compiled:
    """`and` / `or`, short-circuit, over any number of operands."""
    compiled = [_compile(operand) for operand in node.operands]
    fns = [fn for fn, _c in compiled]
    constant = all(is_constant for _fn, is_constant in compiled)
    closure = _all(fns) if node.operator == "and" else _any(fns)
    return _fold(closure) if constant else (closure, False)


def _all(fns: list[Closure]) -> Closure:
    if len(fns) == 2:
        first, second = fns
        return lambda ctx: to_boolean(first(ctx)) and to_boolean(second(ctx))

    def conjunction(ctx: Any) -> Value:
        for fn in fns:
            if not to_boolean(fn(ctx)):
                return False
        return True

    return conjunction


def _any(fns: list[Closure]) -> Closure:
    if len(fns) == 2:
        first, second = fns
        return lambda ctx: to_boolean(first(ctx)) or to_boolean(second(ctx))

    def disjunction(ctx: Any) -> Value:
        for fn in fns:
            if to_boolean(fn(ctx)):
                return True
        return False

    return disjunction


def _call(node: Call) -> Compiled:
    """A function call: special forms build their own closure, others apply their values."""
    spec = FUNCTIONS[node.name]
    compiled = [_compile(arg) for arg in node.args]
    fns = tuple(fn for fn, _c in compiled)
    constant = spec.pure and all(is_constant for _fn, is_constant in compiled)
    if spec.special is not None:
        closure = spec.special(fns, node.args)
    else:
        assert spec.impl is not None
        closure = _apply(spec.impl, fns)
    return _fold(closure) if constant else (closure, False)


def _apply(impl: Callable[..., Value], fns: tuple[Closure, ...]) -> Closure:
    """Call `impl` on the arguments' values, with no per-call packing for up to 3 arguments."""
    if len(fns) == 0:
        return lambda _ctx: impl()
    if len(fns) == 1:
        (a,) = fns
        return lambda ctx: impl(a(ctx))
    if len(fns) == 2:
        a, b = fns
        return lambda ctx: impl(a(ctx), b(ctx))
    if len(fns) == 3:
        a, b, c = fns
        return lambda ctx: impl(a(ctx), b(ctx), c(ctx))
    return lambda ctx: impl(*[fn(ctx) for fn in fns])
