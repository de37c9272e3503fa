"""Node-sets from paths: a repeat's instances filtered by predicates, a choice list's rows.

The evaluation context walks the form (see EvalContext's optional path hooks); a predicate is
evaluated in a small context where bare names read the node being filtered and everything
else (`${x}`, `current()`, the clock) reads the expression's own context, as in XPath.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from etudes_desktop.core.expressions.nodes import Instance, Node, Path
from etudes_desktop.core.expressions.values import Value, normalize, to_boolean

Closure = Callable[[Any], Value]
Compile = Callable[[Node], Closure]


class _NodeContext:
    """The context of a predicate: bare names (and '.') read one node, the rest the outer context."""

    __slots__ = ("_outer", "_read", "_position")

    def __init__(self, outer: Any, read: Callable[[str], Any], position: int) -> None:
        self._outer = outer
        self._read = read
        self._position = position

    def child(self, name: str) -> Any:
        return self._read(name)

    def position(self) -> int:
        return self._position

    def __getattr__(self, name: str) -> Any:  # value, current, now, choice_label, hooks...
        return getattr(self._outer, name)


def _filter(ctx: Any, nodes: list[Any], predicate: Closure, reader: Callable[[Any], Callable[[str], Any]]) -> list[Any]:
    """The nodes for which the predicate holds; a number keeps the node at that position."""
    kept = []
    for position, node in enumerate(nodes, start=1):
        value = predicate(_NodeContext(ctx, reader(node), position))
        if type(value) is float:
            if value == position:
                kept.append(node)
        elif to_boolean(value):
            kept.append(node)
    return kept


def compile_instance(node: Instance, compile_tree: Compile) -> Closure:
    """instance('list')/root/item[pred]/column: the column of the rows kept (or their names)."""
    predicates = [compile_tree(p) for p in node.predicates]
    list_name, column = node.list_name, node.field or "name"

    def reader(row: dict[str, str]) -> Callable[[str], Any]:
        return lambda name: row.get("name" if name == "." else name, "")

    def instance(ctx: Any) -> Value:
        lookup = getattr(ctx, "instance_rows", None)
        rows = list(lookup(list_name)) if callable(lookup) else []
        for predicate in predicates:
            rows = _filter(ctx, rows, predicate, reader)
        return [normalize(row.get(column, "")) for row in rows]

    return instance


def compile_path(node: Path, compile_tree: Compile) -> Closure:
    """${rep}[pred]/x[pred]: the values of the nodes reached, as a node-set."""
    base_predicates = [compile_tree(p) for p in node.predicates]
    steps = [(step.name, [compile_tree(p) for p in step.predicates]) for step in node.steps]
    last = node.steps[-1].name if node.steps else node.base
    filtered = bool(base_predicates) or any(predicates for _name, predicates in steps)

    def path(ctx: Any) -> Value:
        nodes_of = getattr(ctx, "path_nodes", None)
        if not callable(nodes_of):  # a context without the form's tree: the plain reference
            return [] if filtered else normalize(ctx.value(last))

        def reader(found: Any) -> Callable[[str], Any]:
            return lambda name: ctx.node_value(found) if name == "." else ctx.node_read(found, name)

        nodes = list(nodes_of(node.base))
        for predicate in base_predicates:
            nodes = _filter(ctx, nodes, predicate, reader)
        for name, predicates in steps:
            nodes = [child for found in nodes for child in ctx.node_children(found, name)]
            for predicate in predicates:
                nodes = _filter(ctx, nodes, predicate, reader)
        return [normalize(ctx.node_value(found)) for found in nodes]

    return path
