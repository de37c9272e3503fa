"""Expressions: XPath 1.0 type rules as ODK's JavaRosa applies them."""

from __future__ import annotations

import datetime as dt
import math

import pytest

from etudes_desktop.core.expressions import MapContext, parse, to_boolean, to_number, to_string

CLOCK = dt.datetime(2024, 5, 1, 10, 30, 15)


def run(source: str, **values: object) -> object:
    return parse(source).evaluate(MapContext(values, clock=CLOCK))


# --- empty answers -------------------------------------------------------------------


@pytest.mark.parametrize("empty", [None, ""])
def test_empty_answer_compares_as_empty_string(empty: object) -> None:
    assert run("${x} = ''", x=empty) is True
    assert run("${x} != ''", x=empty) is False
    assert run("string-length(${x}) = 0", x=empty) is True


@pytest.mark.parametrize("empty", [None, ""])
def test_empty_answer_is_nan_against_numbers(empty: object) -> None:
    assert run("${age} > 18", age=empty) is False
    assert run("${age} <= 18", age=empty) is False
    assert run("${age} = 0", age=empty) is False
    assert run("${age} != 0", age=empty) is True
    assert math.isnan(run("${age} + 1", age=empty))  # type: ignore[arg-type]


def test_missing_name_reads_as_empty() -> None:
    assert run("${never_answered} = ''") is True


# --- equality ------------------------------------------------------------------------


def test_number_against_string_compares_numbers() -> None:
    assert run("${age} = '18'", age=18) is True
    assert run("${age} = '18.0'", age=18) is True
    assert run("${age} = ' 18 '", age=18) is True
    assert run("${t} = 18", t="18.00") is True
    assert run("${age} = 'dix-huit'", age=18) is False


def test_string_against_string_compares_text() -> None:
    assert run("'18' = '18.0'") is False
    assert run("'a' = 'a'") is True
    assert run("${q} = 'oui'", q="oui") is True
    assert run("${q} = 'oui'", q="Oui") is False


def test_boolean_against_anything_compares_booleans() -> None:
    assert run("true() = 'abc'") is True
    assert run("true() = ''") is False
    assert run("false() = 0") is True
    assert run("true() = 2") is True
    assert run("(1 = 1) = 'false'") is True  # a non-empty string is true
    assert run("${x} = false()", x=None) is True


def test_nan_is_unequal_to_itself() -> None:
    assert run("number('a') = number('a')") is False
    assert run("number('a') != number('a')") is True


def test_node_sets_compare_item_by_item() -> None:
    assert run("${r} = 3", r=[1, 2, 3]) is True
    assert run("${r} = 4", r=[1, 2, 3]) is False
    assert run("${r} > 2", r=[1, 2, 3]) is True
    assert run("${r} = true()", r=[""]) is True  # a non-empty node-set is true


# --- relational ----------------------------------------------------------------------


def test_relational_converts_both_sides_to_numbers() -> None:
    assert run("'10' > '9'") is True  # numbers, not text order
    assert run("'abc' < 'abd'") is False  # NaN
    assert run("${n} >= 2.5", n="2.5") is True
    assert run("true() > false()") is True


def test_dates_compare_as_days() -> None:
    assert run("${d} < today()", d="2024-01-01") is True
    assert run("${d} < today()", d="2024-06-01") is False
    assert run("${d} = today()", d="2024-05-01") is True
    assert run("${d} >= '2024-04-30'", d="2024-05-01") is True
    assert run("${end} > ${start}", start="2024-02-28", end="2024-03-01") is True
    assert run("${d} < today()", d=dt.date(2020, 1, 1)) is True


def test_date_arithmetic_counts_days() -> None:
    assert run("today() - ${d}", d="2024-04-01") == 30.0
    assert run("${d} + 1", d="1970-01-01") == 1.0
    assert run("date(${d} + 30)", d="2024-01-01") == "2024-01-31"
    assert run("int((today() - ${dob}) div 365.25)", dob="1980-05-02") == 43.0


def test_times_and_date_times_compare() -> None:
    assert run("${fin} > ${debut}", debut="09:15:00.000+01:00", fin="10:00:00.000+01:00") is True
    assert run("${b} > ${a}", a="2024-05-01T23:00:00", b="2024-05-02T01:00:00") is True
    assert run("now() > ${d}", d="2024-05-01") is True


def test_invalid_dates_are_not_numbers() -> None:
    assert math.isnan(to_number("2024-02-30"))
    assert math.isnan(to_number("2024-13-01"))
    assert run("${d} < today()", d="2024-02-30") is False


# --- arithmetic ----------------------------------------------------------------------


def test_division_by_zero_follows_ieee() -> None:
    assert run("1 div 0") == math.inf
    assert run("-1 div 0") == -math.inf
    assert math.isnan(run("0 div 0"))  # type: ignore[arg-type]
    assert math.isnan(run("5 mod 0"))  # type: ignore[arg-type]
    assert run("string(1 div 0)") == "Infinity"
    assert run("string(-1 div 0)") == "-Infinity"
    assert run("string(0 div 0)") == "NaN"


def test_mod_keeps_the_sign_of_the_dividend() -> None:
    assert run("7 mod 3") == 1.0
    assert run("-7 mod 3") == -1.0
    assert run("7 mod -3") == 1.0
    assert run("5.5 mod 2") == 1.5


def test_arithmetic_on_strings_and_booleans() -> None:
    assert run("'3' + '4'") == 7.0
    assert run("true() + true()") == 2.0
    assert math.isnan(run("'abc' * 2"))  # type: ignore[arg-type]
    assert run("${a} * ${b}", a=3, b=2.5) == 7.5
    assert run("-${a}", a="4") == -4.0


# --- coercion helpers ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (1.0, "1"),
        (-0.0, "0"),
        (2.5, "2.5"),
        (1e-06, "0.000001"),
        (1e21, "1000000000000000000000"),
        (True, "true"),
        (False, "false"),
        ("x", "x"),
        (None, ""),
        (7, "7"),
        ([], ""),
        (["a", "b"], "a"),
    ],
)
def test_to_string(value: object, expected: str) -> None:
    assert to_string(value) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("12", 12.0),
        (" -3.5 ", -3.5),
        (".5", 0.5),
        ("5.", 5.0),
        (True, 1.0),
        (False, 0.0),
        (4, 4.0),
        ("1970-01-02", 1.0),
        ("1970-01-01T12:00:00", 0.5),
        ("06:00", 0.25),
    ],
)
def test_to_number(value: object, expected: float) -> None:
    assert to_number(value) == expected


@pytest.mark.parametrize("value", ["", "abc", "1e3", "+1", "1,5", "Infinity", None, "--1", "1.2.3"])
def test_to_number_nan(value: object) -> None:
    assert math.isnan(to_number(value))


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("", False),
        ("false", True),
        ("0", True),
        (0.0, False),
        (math.nan, False),
        (-2.0, True),
        ([], False),
        ([""], True),
        (None, False),
        (0, False),
        (3, True),
    ],
)
def test_to_boolean(value: object, expected: bool) -> None:
    assert to_boolean(value) is expected


def test_results_have_xpath_types() -> None:
    assert type(run("${n}", n=3)) is float
    assert type(run("${s}", s="texte")) is str
    assert run("${s}", s=None) == ""
    assert type(run("1 = 1")) is bool
    assert run("${m}", m=[1, "a"]) == [1.0, "a"]
