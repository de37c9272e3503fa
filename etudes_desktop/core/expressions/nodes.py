"""The syntax tree of an expression: small immutable nodes, each with its 0-based index."""

from __future__ import annotations

from dataclasses import dataclass


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


@dataclass(frozen=True, slots=True)
class Step:
    """One step of a path below a repeat or group: a descendant's name and its predicates."""

    name: str
    predicates: tuple[Node, ...] = ()


@dataclass(frozen=True, slots=True)
class Path:
    """`${rep}[x > 2]/y`: the instances of a repeat (or a group), filtered by predicates, then
    the descendants named by each step. Its value is a node-set (a list)."""

    base: str
    predicates: tuple[Node, ...]
    steps: tuple[Step, ...]
    index: int


@dataclass(frozen=True, slots=True)
class Instance:
    """`instance('list')/root/item[name = ${x}]/label`: rows of a choice list of the form,
    filtered by predicates (bare names read the row's columns), then one column (or the rows)."""

    list_name: str
    predicates: tuple[Node, ...]
    field: str | None
    index: int


Node = Literal | Ref | Current | Child | Negate | Binary | Logical | Call | Path | Instance


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
        elif isinstance(item, Path):
            inner = list(item.predicates) + [p for step in item.steps for p in step.predicates]
            pending.extend(reversed(inner))
        elif isinstance(item, Instance):
            pending.extend(reversed(item.predicates))
    return found
