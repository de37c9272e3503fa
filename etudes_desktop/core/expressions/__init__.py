"""The XLSForm expression language: parse once, evaluate many times, never Python eval.

    expr = parse("${age} >= 18 and selected(${q}, 'a')")
    expr.references   # frozenset({'age', 'q'}): the dependency graph's edges
    expr.evaluate(MapContext({"age": 20, "q": "a b"}))   # True

Syntax: ${name}, '.', 'text' and "text" (typographic quotes read as plain ones, as pyxform
does), numbers, + - * div mod, unary minus, = != < <= > >=, and, or, parentheses, function
calls, and bare names (choice columns in a choice_filter, read through `ctx.child`).
Precedence, loosest first: or, and, (= !=), (< <= > >=), (+ -), (* div mod), unary minus.

Values are str, float, bool or list (a node-set, e.g. one question across repeat
instances). Coercions follow XPath 1.0 as ODK's JavaRosa applies them: an empty answer is
"" (so `${x} = ''` holds and `${n} > 18` does not); `=` compares as booleans if either side
is one, else as numbers if either is one, else as text; < <= > >= compare numbers; ISO
dates, date-times and times become days since 1970-01-01 wherever a number is needed, and
today() returns "YYYY-MM-DD", so `${d} < today()` and `today() - ${d}` work. Evaluation
never raises on values: NaN, Infinity and "" stand for what cannot be computed.

Paths, as designers write them and pyxform accepts them: `../x`, `current()/../x` and
`/data/grp/x` name the question x (names are unique in a form); `current()` is the question
itself (in a choice_filter too); `${rep}[x > 2]`, `${rep}/x` and `${rep}[x > 2]/y` are
node-sets over a repeat's instances (bare names in the predicate read that instance's
questions, a number picks a position, '.' is the node); `instance('list')/root/item[name =
${x}]/label` reads a choice list of the form (bare names read the row's columns, `label` in
the session's language). The context offers them through its optional `path_nodes`,
`node_children`, `node_value`, `node_read` and `instance_rows` (see EvalContext).

Limitations: no other XPath (axes, `//`, unions, predicates on `../x`); count(x) and sum(x)
of a single value treat it as a node-set of one (count is 1 when answered, else 0);
position() is 1 unless the context offers position(); pulldata() and indexed-repeat() need
the context's optional hooks (see EvalContext) to do more than their fallbacks; regular
expressions use Python's `re` (find semantics, as JavaRosa), so Java-only syntax such as
\\p{L} is refused; time zones in date-times are ignored (wall-clock time).
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from etudes_desktop.core.expressions.compiler import compile_tree
from etudes_desktop.core.expressions.context import EvalContext, MapContext
from etudes_desktop.core.expressions.errors import ExpressionError
from etudes_desktop.core.expressions.functions import FUNCTIONS, VOLATILE
from etudes_desktop.core.expressions.nodes import Call, Child, Current, Instance, Node, Path, Ref, walk
from etudes_desktop.core.expressions.parser import Facts, parse_source
from etudes_desktop.core.expressions.values import Value, is_empty, to_boolean, to_number, to_string

__all__ = [
    "EvalContext",
    "Expression",
    "ExpressionError",
    "MapContext",
    "Value",
    "is_empty",
    "parse",
    "to_boolean",
    "to_number",
    "to_string",
    "FUNCTION_NAMES",
]

FUNCTION_NAMES = frozenset(FUNCTIONS)


class Expression:
    """A parsed, compiled expression; immutable, so one instance may be shared."""

    __slots__ = ("source", "tree", "references", "uses_current", "children", "functions", "volatile", "instances",
                 "_run")

    def __init__(self, source: str, tree: Node, facts: Facts | None = None) -> None:
        if facts is None:
            facts = _facts_of(tree)
        self.source = source
        self.tree = tree
        self.references: frozenset[str] = frozenset(facts.references)
        self.children: frozenset[str] = frozenset(facts.children)
        self.functions: frozenset[str] = frozenset(facts.functions)
        self.uses_current: bool = facts.uses_current
        self.instances: frozenset[str] = frozenset(facts.instances)  # choice lists it reads
        self.volatile = bool(self.functions & VOLATILE)
        try:
            self._run = compile_tree(tree)
        except RecursionError:
            raise ExpressionError("expression invalide à la position 1 : expression trop imbriquée", 1) from None

    def evaluate(self, ctx: Any) -> Value:
        """The value of the expression for the answers in `ctx` (an EvalContext)."""
        return self._run(ctx)

    def evaluate_boolean(self, ctx: Any) -> bool:
        """The value as a boolean, as relevant, constraint and required use it."""
        return to_boolean(self._run(ctx))

    def evaluate_string(self, ctx: Any) -> str:
        """The value as text, as a calculation is stored and shown (3, not 3.0)."""
        return to_string(self._run(ctx))

    def __repr__(self) -> str:
        return f"Expression({self.source!r})"

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Expression) and other.source == self.source

    def __hash__(self) -> int:
        return hash(self.source)


def parse(source: str) -> Expression:
    """Parse and compile `source`; raises ExpressionError (French message, 1-based position)."""
    if not isinstance(source, str):
        raise ExpressionError("expression invalide : texte attendu", 1)
    return _parse(source)


@lru_cache(maxsize=4096)
def _parse(source: str) -> Expression:
    """Expressions are immutable: the same text is parsed and compiled once."""
    tree, facts = parse_source(source)
    return Expression(source, tree, facts)


def _facts_of(tree: Node) -> Facts:
    """The facts of a tree built by other means than the parser."""
    facts = Facts()
    for node in walk(tree):
        if isinstance(node, Ref):
            facts.references.add(node.name)
        elif isinstance(node, Child):
            facts.children.add(node.name)
        elif isinstance(node, Current):
            facts.uses_current = True
        elif isinstance(node, Call):
            facts.functions.add(node.name)
            facts.uses_current = facts.uses_current or FUNCTIONS[node.name].uses_current
        elif isinstance(node, Path):
            facts.references.update([node.base, *(step.name for step in node.steps)])
        elif isinstance(node, Instance):
            facts.instances.add(node.list_name)
    return facts
