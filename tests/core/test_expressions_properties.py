"""Expressions: properties over generated text, trees and answers (hypothesis)."""

from __future__ import annotations

import datetime as dt
import math

from hypothesis import given, settings
from hypothesis import strategies as st

from etudes_desktop.core.expressions import FUNCTION_NAMES, Expression, ExpressionError, MapContext, parse
from etudes_desktop.core.expressions.functions import FUNCTIONS

VOCABULARY = [
    "${a}", "${b}", "${c}", ".", "..", "'x'", '"y"', "'", '"', "1", "2.5", ".5", "0",
    "+", "-", "*", "div", "mod", "=", "!=", "<", "<=", ">", ">=", "and", "or",
    "(", ")", ",", "/", "[", "]", "|", "@", "::", "$", "{", "}", "${", "!",
    " ", "not(", "selected(", "if(", "concat(", "round(", "today()", "jr:choice-name(",
    "foo(", "/data/a", "-1", "9" * 400,
]  # fmt: skip


@settings(max_examples=400, deadline=None)
@given(st.text(max_size=200))
def test_parse_never_crashes_on_any_text(text: str) -> None:
    _parse_or_error(text)


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(VOCABULARY), max_size=40))
def test_parse_never_crashes_on_token_soup(tokens: list[str]) -> None:
    expr = _parse_or_error("".join(tokens))
    if expr is not None:
        expr.evaluate(MapContext({"a": "1 2", "b": None, "c": 3}, current="x", clock=dt.datetime(2024, 1, 1)))


def _parse_or_error(text: str) -> Expression | None:
    try:
        return parse(text)
    except ExpressionError as error:
        assert error.message
        assert 1 <= error.position <= len(text) + 1
        return None


# --- generated valid expressions ------------------------------------------------------

NAMES = ["a", "b", "c"]
ANSWERS = st.one_of(
    st.none(),
    st.just(""),
    st.integers(-1000, 1000),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=8),
    st.sampled_from(["1 2 3", "2024-02-29", "10:30", "2024-01-01T08:00:00", "oui", "-0"]),
    st.lists(st.one_of(st.integers(-5, 5), st.text(max_size=3)), max_size=3),
    st.dates(),
    st.datetimes(),
    st.times(),
    st.decimals(allow_nan=False, allow_infinity=False, places=3),
    st.sampled_from(["9999-12-31T23:59:59.9999", "0001-01-01", "0000-01-01", "23:59:60", "2932896.99999999"]),
)
LEAVES = st.one_of(
    st.sampled_from(["${a}", "${b}", "${c}", ".", "''", "'oui'", "'2024-01-01'", "0", "1", "2.5", "true()"]),
    st.integers(0, 10**6).map(str),
    st.floats(0, 1e308).map(lambda number: format(number, "f")),
    st.sampled_from(["2932896.99999999", "2932897", "'9999-12-31T23:59:59.9999'", "'%Y %e %3 %'"]),
)
OPERATORS = ["+", "-", "*", "div", "mod", "=", "!=", "<", "<=", ">", ">=", "and", "or"]


def _call(args: list[str]) -> st.SearchStrategy[str]:
    fitting = [
        spec.name
        for spec in FUNCTIONS.values()
        if spec.min_args <= len(args) and (spec.max_args is None or len(args) <= spec.max_args)
        and (spec.check is None or spec.name == "regex")
    ]
    return st.sampled_from(fitting).map(lambda name: f"{name}({', '.join(args)})")


def _extend(children: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
    binary = st.tuples(children, st.sampled_from(OPERATORS), children).map(lambda t: f"({t[0]} {t[1]} {t[2]})")
    negation = children.map(lambda child: f"-{child}")
    calls = st.lists(children, max_size=4).flatmap(_call)
    return st.one_of(binary, negation, calls)


EXPRESSIONS = st.recursive(LEAVES, _extend, max_leaves=12)


@settings(max_examples=1500, deadline=None)
@given(EXPRESSIONS, st.fixed_dictionaries({name: ANSWERS for name in NAMES}), ANSWERS)
def test_valid_expressions_always_evaluate(source: str, answers: dict[str, object], current: object) -> None:
    try:
        expr = parse(source)
    except ExpressionError as error:  # only a literal pattern given to regex() may be refused
        assert "expression régulière invalide" in error.message
        return
    assert expr.references <= frozenset(NAMES)
    context = MapContext(answers, current=current, labels={"a": {"1": "un"}}, clock=dt.datetime(2024, 5, 1))
    result = expr.evaluate(context)
    assert isinstance(result, (str, float, bool, list))


# --- precedence: minimal parentheses mean the same as full parentheses ---------------

PRECEDENCE = {"or": 1, "and": 2, "=": 3, "!=": 3, "<": 4, "<=": 4, ">": 4, ">=": 4, "+": 5, "-": 5, "*": 6, "div": 6, "mod": 6}
Tree = object

TREES = st.recursive(
    st.integers(0, 9),
    lambda children: st.one_of(
        st.tuples(st.sampled_from(list(PRECEDENCE)), children, children),
        st.tuples(st.just("neg"), children),
    ),
    max_leaves=10,
)


def _full(tree: Tree) -> str:
    if isinstance(tree, int):
        return str(tree)
    if tree[0] == "neg":  # type: ignore[index]
        return f"(-{_full(tree[1])})"  # type: ignore[index]
    operator, left, right = tree  # type: ignore[misc]
    return f"({_full(left)} {operator} {_full(right)})"


def _power(tree: Tree) -> int:
    if isinstance(tree, int):
        return 99
    return 7 if tree[0] == "neg" else PRECEDENCE[tree[0]]  # type: ignore[index]


def _minimal(tree: Tree) -> str:
    if isinstance(tree, int):
        return str(tree)
    if tree[0] == "neg":  # type: ignore[index]
        operand = tree[1]  # type: ignore[index]
        inner = _minimal(operand)
        return f"-{inner}" if _power(operand) >= 7 else f"-({inner})"
    operator, left, right = tree  # type: ignore[misc]
    power = PRECEDENCE[operator]
    left_text = _minimal(left) if _power(left) >= power else f"({_minimal(left)})"
    right_text = _minimal(right) if _power(right) > power else f"({_minimal(right)})"
    return f"{left_text} {operator} {right_text}"


def _same(x: object, y: object) -> bool:
    if isinstance(x, float) and isinstance(y, float) and math.isnan(x):
        return math.isnan(y)
    return x == y and type(x) is type(y)


@settings(max_examples=500, deadline=None)
@given(TREES)
def test_minimal_parentheses_follow_precedence(tree: Tree) -> None:
    context = MapContext({})
    assert _same(parse(_minimal(tree)).evaluate(context), parse(_full(tree)).evaluate(context))


@settings(max_examples=300, deadline=None)
@given(st.integers(-10**9, 10**9), st.integers(-10**9, 10**9))
def test_integer_arithmetic_matches_python(x: int, y: int) -> None:
    context = MapContext({"x": x, "y": y})
    assert parse("${x} + ${y}").evaluate(context) == x + y
    assert parse("${x} - ${y}").evaluate(context) == x - y
    assert parse("${x} * ${y}").evaluate(context) == float(x * y)
    assert parse("${x} < ${y}").evaluate(context) is (x < y)
    assert parse("${x} = concat('', ${y})").evaluate(context) is (x == y)
    if y != 0:
        assert parse("${x} mod ${y}").evaluate(context) == math.fmod(x, y)
        assert parse("int(${x} div ${y})").evaluate(context) == float(int(x / y))


@settings(max_examples=200, deadline=None)
@given(st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2100, 12, 31)), st.integers(-3000, 3000))
def test_dates_round_trip_through_day_counts(day: dt.date, shift: int) -> None:
    context = MapContext({"d": day.isoformat(), "n": shift})
    assert parse("date(${d} + ${n})").evaluate(context) == (day + dt.timedelta(days=shift)).isoformat()
    assert parse("format-date(${d}, '%Y-%m-%d')").evaluate(context) == day.isoformat()


def test_function_names_are_all_parseable() -> None:
    for name in FUNCTION_NAMES:
        spec = FUNCTIONS[name]
        args = ", ".join(["'1'"] * (spec.min_args if spec.check is None else 2))
        if name == "indexed-repeat":
            args = "${a}, ${b}, 1"
        assert parse(f"{name}({args})").functions == frozenset({name})
