"""A Pratt parser for the XLSForm expression language (XPath 1.0 as ODK uses it)."""

from __future__ import annotations

import difflib

from etudes_desktop.core.expressions.errors import ExpressionError, invalid
from etudes_desktop.core.expressions.functions import FUNCTIONS, arity_text
from etudes_desktop.core.expressions.lexer import DOT, END, NAME, NUMBER, OP, REF, STRING, Token, tokenize
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
    Step,
)

MAX_DEPTH = 128

# Binding power of each infix operator: or < and < equality < relational < additive < multiplicative.
_INFIX = {
    "or": 1,
    "and": 2,
    "=": 3,
    "!=": 3,
    "<": 4,
    "<=": 4,
    ">": 4,
    ">=": 4,
    "+": 5,
    "-": 5,
    "*": 6,
    "div": 6,
    "mod": 6,
}
_UNARY = 7
_WORD_OPERATORS = frozenset({"and", "or", "div", "mod"})
_PATH_HINT = "ce chemin XPath n'est pas pris en charge, désignez la question par ${nom}"
_INSTANCE_SHAPE = "instance('liste')/root/item[...]/colonne attendu"
# In a predicate, bare names read the node being filtered: a repeat instance's questions (they
# are references) or a choice list row's columns.
_REPEAT, _ROWS = "repeat", "rows"


class Facts:
    """What a parse found out about an expression, gathered while building its tree."""

    __slots__ = ("references", "children", "functions", "uses_current", "instances")

    def __init__(self) -> None:
        self.references: set[str] = set()
        self.children: set[str] = set()
        self.functions: set[str] = set()
        self.uses_current = False
        self.instances: set[str] = set()  # choice lists read through instance('...')


def parse_tree(source: str) -> Node:
    """The syntax tree of `source`; raises ExpressionError for anything else."""
    return parse_source(source)[0]


def parse_source(source: str) -> tuple[Node, Facts]:
    """The syntax tree of `source` and its facts; raises ExpressionError for anything else."""
    if not source.strip():
        raise ExpressionError("expression vide", 1)
    parser = _Parser(tokenize(source))
    try:
        tree = parser.expression(0)
    except RecursionError:
        raise invalid(0, "expression trop imbriquée") from None
    token = parser.peek()
    if token.kind != END:
        raise _unexpected(token)
    return tree, parser.facts


def _shown(token: Token) -> str:
    """How a token is quoted back to the designer."""
    if token.kind == STRING:
        return f"'{token.text}'"
    if token.kind == REF:
        return "${" + token.text + "}"
    return token.text


def _unexpected(token: Token) -> ExpressionError:
    """The error for a token that cannot come where it is."""
    if token.kind == END:
        return invalid(token.offset, "fin de l'expression inattendue")
    if token.kind == OP and token.text == "/":
        return invalid(token.offset, f"« / » : la division s'écrit div ; {_PATH_HINT}")
    if token.kind == NAME and token.text.lower() in _WORD_OPERATORS:
        return invalid(token.offset, f"« {token.text} » inattendu : l'opérateur s'écrit en minuscules, {token.text.lower()}")
    if token.kind == OP and token.text in ("//", "[", "]", "@", "::", "|"):
        return invalid(token.offset, f"« {token.text} » : {_PATH_HINT}")
    return invalid(token.offset, f"« {_shown(token)} » inattendu")


class _Parser:
    """Consumes a token list; one instance per parse."""

    def __init__(self, tokens: list[Token]) -> None:
        self._tokens = tokens
        self._last = len(tokens) - 1  # the END token: never stepped over
        self._at = 0
        self._depth = 0
        self._predicates: list[str] = []  # what bare names read, innermost predicate last
        self.facts = Facts()

    def peek(self) -> Token:
        return self._tokens[self._at]

    def advance(self) -> Token:
        token = self._tokens[self._at]
        if self._at < self._last:
            self._at += 1
        return token

    def expect(self, text: str) -> Token:
        token = self.peek()
        if token.kind != OP or token.text != text:
            if token.kind == END:
                raise invalid(token.offset, f"fin de l'expression inattendue, « {text} » attendu")
            raise invalid(token.offset, f"« {_shown(token)} » inattendu, « {text} » attendu")
        return self.advance()

    def expression(self, min_power: int) -> Node:
        """Operands joined by operators binding tighter than `min_power`."""
        self._depth += 1
        if self._depth > MAX_DEPTH:
            raise invalid(self.peek().offset, "expression trop imbriquée")
        left = self.prefix()
        while True:
            operator = self._infix_operator()
            if operator is None or _INFIX[operator] <= min_power:
                break
            token = self.advance()
            right = self.expression(_INFIX[operator])
            left = _combine(operator, left, right, token.offset)
        self._depth -= 1
        return left

    def _infix_operator(self) -> str | None:
        token = self.peek()
        if token.kind == OP and token.text in _INFIX:
            return token.text
        if token.kind == NAME and token.text in _WORD_OPERATORS:
            return token.text
        return None

    def prefix(self) -> Node:
        """A literal, a reference, '.', a call, a bare name, a group or a negation."""
        token = self.advance()
        kind = token.kind
        if kind == NUMBER:
            return Literal(float(token.text), token.offset)
        if kind == STRING:
            return Literal(token.text, token.offset)
        if kind == REF:
            self.facts.references.add(token.text)
            if self._at_step() or self._next_is("["):
                return self._path(token)
            return Ref(token.text, token.offset)
        if kind == DOT:
            if token.text == "..":
                return self._relative(token)
            if self._predicates:
                return Child(".", token.offset)  # in a predicate, '.' is the node being filtered
            self.facts.uses_current = True
            return Current(token.offset)
        if kind == NAME:
            return self._name(token)
        if kind == OP and token.text == "-":
            return Negate(self.expression(_UNARY), token.offset)
        if kind == OP and token.text == "(":
            inner = self.expression(0)
            self.expect(")")
            return inner
        if kind == OP and token.text == "/" and self.peek().kind == NAME:
            return self._absolute(token)
        if kind == OP and token.text in ("/", "//"):
            raise invalid(token.offset, f"chemin absolu (« /data/... ») : {_PATH_HINT}")
        raise _unexpected(token)

    # -- paths --------------------------------------------------------------------------------
    def _next_is(self, text: str) -> bool:
        token = self.peek()
        return token.kind == OP and token.text == text

    def _at_step(self) -> bool:
        """'/' followed by a name or '..' (else '/' is a misspelt division, refused later)."""
        if not self._next_is("/"):
            return False
        following = self._tokens[min(self._at + 1, self._last)]
        return following.kind == NAME or (following.kind == DOT and following.text == "..")

    def _to_name(self, start: Token, names: list[str]) -> Node:
        """`../x`, `current()/../grp/x`, `/data/x`: the question named last (names are unique in
        a form, so the path's last name is the question, in the same repeat instance)."""
        while self._at_step():
            self.advance()
            step = self.advance()
            names.append(step.text)
            if self._next_is("["):
                raise invalid(self.peek().offset, f"« [ » : {_PATH_HINT}")
        if not names or names[-1] == "..":
            shown = start.text + ("()" if start.kind == NAME else "")
            raise invalid(start.offset, f"« {shown} » : le chemin doit finir par le nom d'une question ; {_PATH_HINT}")
        self.facts.references.add(names[-1])
        return Ref(names[-1], start.offset)

    def _relative(self, token: Token) -> Node:
        """`../x`, `../../grp/x`: the question x, as pyxform writes ${x} inside a form."""
        return self._to_name(token, [".."])

    def _absolute(self, token: Token) -> Node:
        """`/data/grp/x`: the question x (the first name is the form's root)."""
        root = self.advance()
        if not self._at_step():
            raise invalid(token.offset, f"chemin absolu « /{root.text} » : /{root.text}/question attendu")
        return self._to_name(token, [])

    def _predicate_list(self, reads: str) -> tuple[Node, ...]:
        """`[expr][expr]...` after a path step."""
        found: list[Node] = []
        while self._next_is("["):
            self.advance()
            self._predicates.append(reads)
            try:
                found.append(self.expression(0))
            finally:
                self._predicates.pop()
            self.expect("]")
        return tuple(found)

    def _path(self, token: Token) -> Node:
        """`${rep}[pred]/x[pred]/...`: instances of a repeat, their questions."""
        predicates = self._predicate_list(_REPEAT)
        steps: list[Step] = []
        while self._at_step():
            self.advance()
            step = self.advance()
            if step.kind != NAME:
                raise invalid(step.offset, f"« .. » après ${{{token.text}}} : {_PATH_HINT}")
            self.facts.references.add(step.text)
            steps.append(Step(step.text, self._predicate_list(_REPEAT)))
        return Path(token.text, predicates, tuple(steps), token.offset)

    def _instance(self, token: Token) -> Node:
        """`instance('list')/root/item[pred]/column`: a choice list of the form, as rows."""
        self.expect("(")
        name = self.advance()
        if name.kind != STRING or not name.text.strip():
            raise invalid(name.offset, "instance() attend le nom d'une liste de choix entre guillemets")
        self.expect(")")
        for expected in ("root", "item"):
            if not self._at_step():
                raise invalid(token.offset, _INSTANCE_SHAPE)
            self.advance()
            step = self.advance()
            if step.text != expected:
                raise invalid(step.offset, _INSTANCE_SHAPE)
        predicates = self._predicate_list(_ROWS)
        column: str | None = None
        if self._at_step():
            self.advance()
            step = self.advance()
            if step.kind != NAME or self._at_step() or self._next_is("["):
                raise invalid(step.offset, _INSTANCE_SHAPE)
            column = step.text
        self.facts.instances.add(name.text.strip())
        return Instance(name.text.strip(), predicates, column, token.offset)

    def _current(self, token: Token) -> Node:
        """`current()`: the question the expression belongs to (in a choice_filter too);
        `current()/../x` its sibling x."""
        self.expect("(")
        self.expect(")")
        if self._at_step():
            return self._to_name(token, [])
        self.facts.uses_current = True
        return Current(token.offset)

    def _name(self, token: Token) -> Node:
        """A function call when followed by '(', else a bare (relative) name."""
        following = self.peek()
        if following.kind == OP and following.text == "(":
            if token.text == "current":
                return self._current(token)
            if token.text == "instance":
                return self._instance(token)
            return self._call(token)
        if following.kind == OP and following.text == "::":
            raise invalid(following.offset, f"« :: » : {_PATH_HINT}")
        if self._at_step():
            raise invalid(following.offset, f"« {token.text}/ » : {_PATH_HINT}")
        if self._predicates and self._predicates[-1] == _REPEAT:
            self.facts.references.add(token.text)  # a question of the repeat instance filtered
        self.facts.children.add(token.text)
        return Child(token.text, token.offset)

    def _call(self, token: Token) -> Node:
        """name(arg, ...), checked against the function table."""
        spec = FUNCTIONS.get(token.text)
        if spec is None:
            raise invalid(token.offset, _unknown_function(token.text))
        self.expect("(")
        args: list[Node] = []
        if spec.name == "position" and self.peek().kind == DOT and self.peek().text == "..":
            self.advance()  # position(..): the instance number of the enclosing repeat
        elif not (self.peek().kind == OP and self.peek().text == ")"):
            args.append(self.expression(0))
            while self.peek().kind == OP and self.peek().text == ",":
                self.advance()
                args.append(self.expression(0))
        self.expect(")")
        count = len(args)
        if count < spec.min_args or (spec.max_args is not None and count > spec.max_args):
            given = f"{count} donné" + ("s" if count > 1 else "")
            raise invalid(token.offset, f"la fonction « {spec.name} » attend {arity_text(spec)}, {given}")
        if not args and spec.default_current:
            args.append(Current(token.offset))
            self.facts.uses_current = True
        if spec.uses_current:
            self.facts.uses_current = True
        self.facts.functions.add(spec.name)
        if spec.check is not None:
            problem = spec.check(tuple(args))
            if problem is not None:
                raise invalid(token.offset, problem)
        return Call(spec.name, tuple(args), token.offset)


def _unknown_function(name: str) -> str:
    """The error for a name that is not a function, with the closest one when there is one."""
    close = difflib.get_close_matches(name.lower(), FUNCTIONS, n=1, cutoff=0.75)
    hint = f" (vouliez-vous dire « {close[0]} » ?)" if close else ""
    return f"fonction inconnue « {name} »{hint}"


def _combine(operator: str, left: Node, right: Node, index: int) -> Node:
    """A binary node; chains of `and` / `or` become one flat node."""
    if operator in ("and", "or"):
        if isinstance(left, Logical) and left.operator == operator:
            return Logical(operator, left.operands + (right,), left.index)
        return Logical(operator, (left, right), index)
    return Binary(operator, left, right, index)
