"""A Pratt parser for the XLSForm expression language (XPath 1.0 as ODK uses it)."""

from __future__ import annotations

import difflib

from etudes_desktop.core.expressions.errors import ExpressionError, invalid
from etudes_desktop.core.expressions.functions import FUNCTIONS, arity_text
from etudes_desktop.core.expressions.lexer import DOT, END, NAME, NUMBER, OP, REF, STRING, Token, tokenize
from etudes_desktop.core.expressions.nodes import Binary, Call, Child, Current, Literal, Logical, Negate, Node, Ref

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
_PATH_HINT = "les chemins XPath ne sont pas pris en charge, désignez la question par ${nom}"


class Facts:
    """What a parse found out about an expression, gathered while building its tree."""

    __slots__ = ("references", "children", "functions", "uses_current")

    def __init__(self) -> None:
        self.references: set[str] = set()
        self.children: set[str] = set()
        self.functions: set[str] = set()
        self.uses_current = False


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
            return Ref(token.text, token.offset)
        if kind == DOT:
            if token.text == "..":
                raise invalid(token.offset, f"« .. » : {_PATH_HINT}")
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
        if kind == OP and token.text in ("/", "//"):
            raise invalid(token.offset, f"chemin absolu (« /data/... ») : {_PATH_HINT}")
        raise _unexpected(token)

    def _name(self, token: Token) -> Node:
        """A function call when followed by '(', else a bare (relative) name."""
        following = self.peek()
        if following.kind == OP and following.text == "(":
            return self._call(token)
        if following.kind == OP and following.text == "::":
            raise invalid(following.offset, f"« :: » : {_PATH_HINT}")
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
