"""Expressions: the public interface, parsing errors, references."""

from __future__ import annotations

import datetime as dt

import pytest

from etudes_desktop.core.expressions import (
    Expression,
    ExpressionError,
    MapContext,
    parse,
    to_boolean,
    to_number,
    to_string,
)

CLOCK = dt.datetime(2024, 5, 1, 10, 30, 15)


def run(source: str, **values: object) -> object:
    return parse(source).evaluate(MapContext(values, clock=CLOCK))


def test_interface_example() -> None:
    expr = parse("${age} >= 18 and selected(${q}, 'a')")
    assert isinstance(expr, Expression)
    assert expr.source == "${age} >= 18 and selected(${q}, 'a')"
    assert expr.references == frozenset({"age", "q"})
    assert expr.uses_current is False
    assert expr.evaluate(MapContext({"age": 20, "q": "a b"})) is True
    assert expr.evaluate(MapContext({"age": 20, "q": "b c"})) is False
    assert expr.evaluate(MapContext({"age": None, "q": "a"})) is False


def test_coercion_helpers_are_exported() -> None:
    assert to_boolean("x") is True
    assert to_number("12") == 12.0
    assert to_string(1.0) == "1"


def test_references_and_current() -> None:
    expr = parse(". > ${min} and . < ${max} or ${min} = ''")
    assert expr.references == frozenset({"min", "max"})
    assert expr.uses_current is True
    assert parse("string-length() > 3").uses_current is True
    assert parse("once(uuid())").uses_current is True
    assert parse("1 + 1").references == frozenset()


@pytest.mark.parametrize(
    ("source", "column", "detail"),
    [
        ("(1 + 2))", 8, "« ) » inattendu"),
        ("(1", 3, "« ) » attendu"),
        ("1 +", 4, "fin de l'expression inattendue"),
        ("foo(1)", 1, "fonction inconnue « foo »"),
        ("round(1, 2, 3)", 1, "attend 1 ou 2 arguments, 3 donnés"),
        ("not()", 1, "attend 1 argument, 0 donné"),
        ("'abc", 1, "non terminée"),
        ("${x", 1, "« } » manquant"),
        ("${}", 1, "nom de question invalide"),
        ("//x = 1", 1, "chemin XPath"),
        ("${a} = «oui»", 8, "guillemet typographique"),
        ("${a} = ‘oui", 8, "non terminée"),
        ("${a} # 2", 6, "« # » inattendu"),
    ],
)
def test_parse_errors_name_the_column(source: str, column: int, detail: str) -> None:
    with pytest.raises(ExpressionError) as caught:
        parse(source)
    assert caught.value.position == column
    assert detail in caught.value.message
    assert f"position {column}" in caught.value.message


def test_empty_expression_is_refused() -> None:
    with pytest.raises(ExpressionError, match="expression vide"):
        parse("   ")


def test_evaluation_basics() -> None:
    assert run("1 + 2 * 3") == 7.0
    assert run("${x} = ''") is True
    assert run("${age} > 18", age=None) is False
    assert run("today()") == "2024-05-01"
