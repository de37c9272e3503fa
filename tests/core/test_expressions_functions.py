"""Expressions: every function of the language, on answers and on edge cases."""

from __future__ import annotations

import datetime as dt
import math
import re

import pytest

from etudes_desktop.core.expressions import FUNCTION_NAMES, ExpressionError, MapContext, parse

CLOCK = dt.datetime(2024, 5, 1, 9, 5, 7, 250000)
LABELS = {"fruit": {"a": "Abricot", "b": "Banane"}, "paniers": {"a": "Abricot"}}


def run(source: str, current: object = None, **values: object) -> object:
    context = MapContext(values, current=current, labels=LABELS, clock=CLOCK)
    return parse(source).evaluate(context)


CASES = [
    # logic
    ("not(true())", False),
    ("not('')", True),
    ("not(0)", True),
    ("boolean('x')", True),
    ("boolean(0 div 0)", False),
    ("true()", True),
    ("false()", False),
    ("boolean-from-string('true')", True),
    ("boolean-from-string('1')", True),
    ("boolean-from-string('yes')", False),
    ("if(1 < 2, 'a', 'b')", "a"),
    ("if('', 'a', 'b')", "b"),
    ("coalesce('', 'b')", "b"),
    ("coalesce('a', 'b')", "a"),
    ("coalesce(0, 5)", 0.0),
    ("checklist(1, 2, true(), false(), 'x')", True),
    ("checklist(-1, 1, true(), true())", False),
    ("weighted-checklist(3, -1, true(), 2, false(), 5, 1, 1)", True),
    # selections
    ("selected('a b c', 'b')", True),
    ("selected('a b c', ' b ')", True),
    ("selected('abc', 'b')", False),
    ("selected('', 'a')", False),
    ("count-selected('a  b\tc')", 3.0),
    ("count-selected('')", 0.0),
    ("selected-at('a b c', 1)", "b"),
    ("selected-at('a b c', 0)", "a"),
    ("selected-at('a b c', 3)", ""),
    ("selected-at('a b c', -1)", ""),
    ("selected-at('a b c', 'x')", ""),
    # text
    ("concat('a', 1, true(), '')", "a1true"),
    ("concat()", ""),
    ("join(', ', 'a', 'b')", "a, b"),
    ("string(2.50)", "2.5"),
    ("string(1.0)", "1"),
    ("string-length('été')", 3.0),
    ("contains('abc', 'b')", True),
    ("contains('abc', '')", True),
    ("starts-with('abc', 'ab')", True),
    ("starts-with('abc', 'b')", False),
    ("ends-with('abc', 'bc')", True),
    ("substr('abcdef', 2)", "cdef"),
    ("substr('abcdef', 1, 3)", "bc"),
    ("substr('abcdef', 4, 2)", ""),
    ("substr('abcdef', -2, 100)", "ef"),  # a negative start counts from the end, as ODK
    ("substr('abcdef', -2)", "ef"),
    ("substr('abcdef', 1, -1)", "bcde"),
    ("substring('12345', 2, 3)", "234"),
    ("substring('12345', 1.5, 2.6)", "234"),
    ("substring('12345', 0, 3)", "12"),
    ("substring('12345', 2)", "2345"),
    ("substring('12345', 0 div 0, 3)", ""),
    ("substring-before('1999/04/01', '/')", "1999"),
    ("substring-before('abc', 'x')", ""),
    ("substring-after('1999/04/01', '/')", "04/01"),
    ("substring-after('abc', 'x')", ""),
    ("translate('bar', 'abc', 'ABC')", "BAr"),
    ("translate('--aaa--', 'abc-', 'ABC')", "AAA"),
    ("normalize-space('  a \t b\n ')", "a b"),
    ("regex('75013', '^[0-9]{5}$')", True),
    ("regex('a75013b', '[0-9]{5}')", True),
    ("regex('7501', '^[0-9]{5}$')", False),
    # numbers
    ("number('12.5')", 12.5),
    ("number(true())", 1.0),
    ("int(3.9)", 3.0),
    ("int(-3.9)", -3.0),
    ("int('7.2')", 7.0),
    ("round(2.5)", 3.0),
    ("round(-2.5)", -3.0),
    ("round(2.4)", 2.0),
    ("round(1.005, 2)", 1.01),
    ("round(2.675, 2)", 2.68),
    ("round(1234.5, -2)", 1200.0),
    ("round(-0.125, 2)", -0.13),
    ("floor(-1.5)", -2.0),
    ("ceiling(1.1)", 2.0),
    ("ceiling(-1.1)", -1.0),
    ("abs(-4)", 4.0),
    ("pow(2, 10)", 1024.0),
    ("pow(4, 0.5)", 2.0),
    ("min(3, 1, 2)", 1.0),
    ("max(3, '7', 2)", 7.0),
    ("sum(4)", 4.0),
    ("count('x')", 1.0),
    ("count('')", 0.0),
    ("count-non-empty('x')", 1.0),
    ("sqrt(16)", 4.0),
    ("exp(0)", 1.0),
    ("exp10(2)", 100.0),
    ("log10(1000)", 3.0),
    ("log(1)", 0.0),
    ("cos(0)", 1.0),
    ("tan(0)", 0.0),
    ("acos(1)", 0.0),
    ("atan(0)", 0.0),
    ("atan2(0, 1)", 0.0),
    ("pi() > 3.14", True),
    ("random() < 1", True),
    # dates
    ("today()", "2024-05-01"),
    ("now()", "2024-05-01T09:05:07.250"),
    ("date('2024-02-29')", "2024-02-29"),
    ("date('2024-02-29T10:00:00')", "2024-02-29"),
    ("date(0)", "1970-01-01"),
    ("date(19844.9)", "2024-05-01"),
    ("date('hier')", ""),
    ("date('10:00')", ""),
    ("date('2023-02-29')", ""),
    ("decimal-date-time('1970-01-02T06:00:00')", 1.25),
    ("decimal-date-time('2024-05-01')", 19844.0),
    ("decimal-time('18:00:00')", 0.75),
    ("format-date('2024-03-05', '%d/%m/%Y')", "05/03/2024"),
    ("format-date('2024-03-05', '%e %b %y, %a')", "5 mars 24, mar."),
    ("format-date('2024-03-05', '%n-%Y %q')", "3-2024 %q"),
    ("format-date(now(), '%H:%M:%S.%3 %h')", "09:05:07.250 9"),
    ("format-date-time('2024-03-05T14:07:00', '%H h %M')", "14 h 07"),
    ("format-date('', '%Y')", ""),
    ("format-date('pas une date', '%Y')", ""),
    ("format-date(today() + 1, '%Y-%m-%d')", "2024-05-02"),
    ("format-date(2932896, '%Y')", "9999"),
    ("format-date(2932897, '%Y')", ""),  # past year 9999
    ("format-date('9999-12-31T23:59:59.9999', '%Y')", ""),  # rounds past year 9999
    ("format-date(-719162, '%Y')", "0001"),
    ("date(-719163)", ""),
    # misc
    ("position()", 1.0),
]


@pytest.mark.parametrize(("source", "expected"), CASES)
def test_function(source: str, expected: object) -> None:
    result = run(source)
    assert result == expected
    assert type(result) is type(expected)


NAN_CASES = [
    "number('abc')",
    "number('')",
    "int(0 div 0)",
    "round('x')",
    "round(2.5, 'x')",
    "min(1, 'x')",
    "max('')",
    "sum('')",
    "sqrt(-1)",
    "pow(-8, 1 div 3)",
    "decimal-date-time('x')",
    "asin(2)",
]


@pytest.mark.parametrize("source", NAN_CASES)
def test_function_gives_nan(source: str) -> None:
    assert math.isnan(run(source))  # type: ignore[arg-type]


def test_answers_flow_into_functions() -> None:
    assert run("selected(${q}, 'b')", q="a b") is True
    assert run("count-selected(${q})", q="a b") == 2.0
    assert run("selected(${q}, 'b')", q=None) is False
    assert run("string-length(${t})", t=None) == 0.0
    assert run("concat(${prenom}, ' ', ${nom})", prenom="Anne", nom=None) == "Anne "
    assert run("if(${age} >= 18, 'majeur', 'mineur')", age=17) == "mineur"
    assert run("coalesce(${a}, ${b})", a=None, b="repli") == "repli"


def test_node_set_functions() -> None:
    assert run("sum(${r})", r=[1, 2, "3"]) == 6.0
    assert run("sum(${r})", r=[]) == 0.0
    assert math.isnan(run("sum(${r})", r=[1, ""]))  # type: ignore[arg-type]
    assert run("count(${r})", r=["a", "", "b"]) == 3.0
    assert run("count-non-empty(${r})", r=["a", "", "b"]) == 2.0
    assert run("max(${r})", r=[4, 9, 2]) == 9.0
    assert math.isnan(run("min(${r})", r=[]))  # type: ignore[arg-type]
    assert run("join(' ', ${r})", r=["a", "b"]) == "a b"
    assert run("concat(${r}, '!')", r=["a", "b"]) == "ab!"
    assert run("selected(${r}, 'b')", r=["a", "b c"]) is True


def test_functions_on_current_value() -> None:
    assert run("string-length() >= 3", current="abc") is True
    assert run("string-length(.) >= 3", current="ab") is False
    assert run("normalize-space()", current=" a  b ") == "a b"
    assert run("number() + 1", current="2") == 3.0
    assert run("string()", current=4) == "4"
    assert run(". > 0 and . < 120", current=30) is True
    assert run("regex(., '^0[1-9]([ .-]?[0-9]{2}){4}$')", current="01 23 45 67 89") is True


def test_choice_name_reads_labels() -> None:
    assert run("jr:choice-name(${fruit}, '${fruit}')", fruit="b") == "Banane"
    assert run('jr:choice-name("a", "/data/fruit")') == "Abricot"
    assert run("jr:choice-name(${fruit}, ${fruit})", fruit="a") == "Abricot"
    assert run("jr:choice-name(${fruit}, '${fruit}')", fruit="z") == ""
    assert run("jr:choice-name(${fruit}, '${fruit}')", fruit=None) == ""
    assert run("jr:choice-name(selected-at(${p}, 0), '${paniers}')", p="a b") == "Abricot"
    assert parse("jr:choice-name(${fruit}, '${fruit}')").references == frozenset({"fruit"})


def test_pulldata_asks_the_context() -> None:
    fruits = [{"name": "mango", "colour": "jaune"}, {"name": "kiwi", "colour": "vert"}]
    expr = parse("pulldata('fruits', 'colour', 'name', ${f})")
    assert expr.evaluate(MapContext({"f": "kiwi"}, tables={"fruits": fruits})) == "vert"
    assert expr.evaluate(MapContext({"f": "pomme"}, tables={"fruits": fruits})) == ""

    class Bare:
        current = None

        def value(self, name: str) -> object:
            return "kiwi"

    assert expr.evaluate(Bare()) == ""  # a context without CSV tables: empty, no error


def test_once_keeps_an_existing_value() -> None:
    assert run("once(concat('x', 1))", current="") == "x1"
    assert run("once(concat('x', 1))", current="déjà") == "déjà"
    assert run("once(uuid())", current=None) != ""


def test_uuid_shapes() -> None:
    assert re.fullmatch(r"[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[0-9a-f]{4}-[0-9a-f]{12}", run("uuid()"))  # type: ignore[arg-type]
    assert re.fullmatch(r"[A-Za-z0-9]{12}", run("uuid(12)"))  # type: ignore[arg-type]
    assert run("uuid()") != run("uuid()")


def test_position_asks_the_context() -> None:
    assert parse("position()").evaluate(MapContext({}, position=3)) == 3.0
    assert parse("position(..)").evaluate(MapContext({}, position=2)) == 2.0
    assert parse("position(..) - 1").uses_current is False


def test_indexed_repeat_without_hook_reads_node_sets() -> None:
    expr = parse("indexed-repeat(${nom}, ${membres}, ${n})")
    assert expr.references == frozenset({"nom", "membres", "n"})
    assert expr.evaluate(MapContext({"nom": ["Anne", "Paul"], "n": 2})) == "Paul"
    assert expr.evaluate(MapContext({"nom": ["Anne", "Paul"], "n": 3})) == ""
    assert expr.evaluate(MapContext({"nom": ["Anne", "Paul"], "n": "x"})) == ""
    assert expr.evaluate(MapContext({"nom": "Anne", "n": 1})) == "Anne"
    assert expr.evaluate(MapContext({"nom": "Anne", "n": 2})) == ""


def test_indexed_repeat_asks_the_context_when_it_can() -> None:
    class Nested(MapContext):
        def indexed_repeat(self, name: str, positions: list[tuple[str, int]]) -> object:
            return f"{name}@" + "/".join(f"{group}[{n}]" for group, n in positions)

    expr = parse("indexed-repeat(${q}, ${menage}, 2, ${personne}, position(..) - 1)")
    assert expr.evaluate(Nested({}, position=3)) == "q@menage[2]/personne[2]"


def test_clock_can_be_a_callable_and_now_keeps_the_offset() -> None:
    paris = dt.timezone(dt.timedelta(hours=2))
    context = MapContext({}, clock=lambda: dt.datetime(2024, 5, 1, 23, 30, tzinfo=paris))
    assert parse("now()").evaluate(context) == "2024-05-01T23:30:00.000+02:00"
    assert parse("today()").evaluate(context) == "2024-05-01"


def test_volatile_expressions_are_flagged() -> None:
    assert parse("today() > ${d}").volatile is True
    assert parse("once(uuid())").volatile is True
    assert parse("${a} + 1").volatile is False


def test_invalid_regex_at_runtime_is_false() -> None:
    assert run("regex('a', ${p})", p="(") is False


@pytest.mark.parametrize(
    ("source", "message"),
    [
        ("selected(${q})", "« selected » attend 2 arguments, 1 donné"),
        ("if(1, 2)", "« if » attend 3 arguments, 2 donnés"),
        ("today(1)", "« today » attend aucun argument, 1 donné"),
        ("substr('a')", "« substr » attend 2 ou 3 arguments, 1 donné"),
        ("min()", "« min » attend au moins 1 argument, 0 donné"),
        ("weighted-checklist(1, 2, true())", "paires"),
        ("regex(${a}, '(')", "expression régulière invalide"),
        ("jr:itext('x')", "fonction inconnue « jr:itext »"),
        ("indexed-repeat(${a}, 'g', 1)", "références ${nom}"),
        ("indexed-repeat(${a}, ${g}, 1, ${h})", "paires"),
        ("position(.)", "« position » attend aucun argument, 1 donné"),
    ],
)
def test_invalid_calls_fail_at_parse_time(source: str, message: str) -> None:
    with pytest.raises(ExpressionError, match=re.escape(message)):
        parse(source)


def test_every_function_listed_is_tested_here() -> None:
    tested = " ".join(source for source, _ in CASES) + " ".join(NAN_CASES) + " once( jr:choice-name( uuid( pulldata( indexed-repeat("
    missing = sorted(name for name in FUNCTION_NAMES if f"{name}(" not in tested)
    assert missing == []
