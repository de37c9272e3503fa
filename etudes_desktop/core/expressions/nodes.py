"""The syntax tree of an expression: small immutable nodes, each with its 0-based index."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Union


@dataclass(frozen=True, slots=True)
class Literal:
    """A string or number written in the expression."""

    value: str | float
    index: int


@dataclass(frozen=True, slots=True)
class Ref:
    """${name}: the answer to another question."""

    name: str
    index: int


@dataclass(frozen=True, slots=True)
class Current:
    """'.': the value of the question the expression belongs to."""

    index: int


@dataclass(frozen=True, slots=True)
class Child:
    """A bare name, e.g. a choice column in a choice_filter (XPath relative path)."""

    name: str
    index: int


@dataclass(frozen=True, slots=True)
class Negate:
    """Unary minus."""

    operand: Node
    index: int


@dataclass(frozen=True, slots=True)
class Binary:
    """Arithmetic or comparison between two operands."""

    operator: str
    left: Node
    right: Node
    index: int


@dataclass(frozen=True, slots=True)
class Logical:
    """`and` / `or` over two or more operands, evaluated lazily left to right."""

    operator: str
    operands: tuple[Node, ...]
    index: int


@dataclass(frozen=True, slots=True)
class Call:
    """A function call; `name` is the function's canonical name."""

    name: str
    args: tuple[Node, ...]
    index: int


Node = Union[Literal, Ref, Current, Child, Negate, Binary, Logical, Call]


def walk(node: Node) -> list[Node]:
    """Every node of the tree, parents before children (iterative: trees can be wide)."""
    found: list[Node] = []
    pending: list[Node] = [node]
    while pending:
        item = pending.pop()
        found.append(item)
        if isinstance(item, Negate):
            pending.append(item.operand)
        elif isinstance(item, Binary):
            pending.extend((item.right, item.left))
        elif isinstance(item, (Logical, Call)):
            pending.extend(reversed(item.operands if isinstance(item, Logical) else item.args))
    return found
