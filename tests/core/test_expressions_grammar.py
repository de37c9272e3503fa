"""Expressions: precedence, associativity, lexing corners, limits, what a parse reports."""

from __future__ import annotations

import pytest

from etudes_desktop.core.expressions import ExpressionError, MapContext, parse
from etudes_desktop.core.expressions.nodes import Binary, Logical


def run(source: str, **values: object) -> object:
    return parse(source).evaluate(MapContext(values))


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("1 + 2 * 3", 7.0),
        ("(1 + 2) * 3", 9.0),
        ("10 - 4 - 3", 3.0),  # left associative
        ("100 div 10 div 5", 2.0),
        ("2 * 3 mod 4", 2.0),  # (2 * 3) mod 4
        ("7 mod 4 * 2", 6.0),  # (7 mod 4) * 2
        ("-2 * 3", -6.0),
        ("- - 2", 2.0),
        ("-2 + 5", 3.0),
        ("2 - -2", 4.0),
        ("1 + 1 = 2", True),  # arithmetic before equality
        ("1 < 2 = true()", True),  # relational before equality
        ("3 > 2 > 1", False),  # (3 > 2) > 1 -> true > 1 -> 1 > 1
        ("1 = 1 = 1", True),
        ("1 = 2 != 1", True),  # (1 = 2) != 1 -> false != true
        ("1 = 1 or 1 = 2 and 1 = 2", True),  # and binds tighter than or
        ("(1 = 1 or 1 = 2) and 1 = 2", False),
        ("false() and false() or true()", True),
        ("2 + 3 > 4 and 1 < 2", True),
        ("1 <= 1 and 2 >= 3 or 4 != 4", False),
        ("5 div 2 * 2", 5.0),
        ("-${a} * 2", -6.0),
    ],
)
def test_precedence_and_associativity(source: str, expected: object) -> None:
    assert run(source, a=3) == expected


def test_tree_shape_follows_precedence() -> None:
    tree = parse("${a} or ${b} and ${c} = 1 + 2 * 3").tree
    assert isinstance(tree, Logical) and tree.operator == "or"
    conjunction = tree.operands[1]
    assert isinstance(conjunction, Logical) and conjunction.operator == "and"
    equality = conjunction.operands[1]
    assert isinstance(equality, Binary) and equality.operator == "="
    addition = equality.right
    assert isinstance(addition, Binary) and addition.operator == "+"
    assert isinstance(addition.right, Binary) and addition.right.operator == "*"


def test_and_or_are_short_circuit() -> None:
    class Counting(MapContext):
        def __init__(self) -> None:
            super().__init__({"a": "1"})
            self.asked: list[str] = []

        def value(self, name: str) -> object:
            self.asked.append(name)
            return super().value(name)

    context = Counting()
    assert parse("${a} = '1' or ${b} = '1'").evaluate(context) is True
    assert parse("${a} = '2' and ${c} = '1'").evaluate(context) is False
    assert parse("if(true(), ${d}, ${e})").evaluate(context) == ""
    assert context.asked == ["a", "a", "d"]


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("${a}-1", 2.0),  # a reference ends at "}"
        ("5-3", 2.0),
        ("3div 2", 1.5),
        ("${a}mod 2", 1.0),
        (".5 + .5", 1.0),
        ("\"l'été\"", "l'été"),
        ("'dit \"oui\"'", 'dit "oui"'),
        ("\n${a}\t=\r\n3 ", True),
        ("(((${a})))", 3.0),
        ("${a} = 3 and(${a} > 2)", True),
    ],
)
def test_lexing_corners(source: str, expected: object) -> None:
    assert run(source, a=3) == expected


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("${q} = ‘oui’", True),  # as pyxform reads typographic quotes: plain quotes
        ("${q} = ’oui’", True),
        ("${q} = “oui”", True),
        ("concat(‘l’, \"’été\")", "l’été"),  # inside plain quotes they are text
        ("'l’été'", "l’été"),
    ],
)
def test_typographic_quotes_delimit_strings(source: str, expected: object) -> None:
    assert run(source, q="oui") == expected


def test_reference_names() -> None:
    expr = parse("${q_1} + ${Q-2} + ${q.3} + ${été} + ${_x}")
    assert expr.references == frozenset({"q_1", "Q-2", "q.3", "été", "_x"})
    assert sorted(expr.references) == ["Q-2", "_x", "q.3", "q_1", "été"]


def test_reference_names_may_be_padded_with_spaces() -> None:
    assert parse("${ age } > 18").references == frozenset({"age"})
    assert run("${ a } + 1", a=2) == 3.0


def test_last_saved_references_are_refused_clearly() -> None:
    with pytest.raises(ExpressionError, match="last-saved"):
        parse("${last-saved#age}")


def test_references_inside_every_construct() -> None:
    expr = parse("if(${a}, -${b}, concat(${c}, ${d} + ${e})) or not(${f}) and ${g} = .")
    assert expr.references == frozenset("abcdefg")
    assert expr.uses_current is True


def test_bare_names_are_children() -> None:
    expr = parse("region = ${region} and name != 'x'")
    assert expr.children == frozenset({"region", "name"})
    assert expr.references == frozenset({"region"})
    context = MapContext({"region": "idf"}, children={"region": "idf", "name": "paris"})
    assert expr.evaluate(context) is True
    assert expr.evaluate(MapContext({"region": "idf"})) is False  # no choice row: ""


def test_expressions_are_cached_and_comparable() -> None:
    assert parse("${a} + 1") is parse("${a} + 1")
    assert parse("${a} + 1") == parse("${a} + 1")
    assert parse("${a} + 1") != parse("${a} + 2")
    assert "${a} + 1" in repr(parse("${a} + 1"))


def test_long_chains_do_not_exhaust_the_stack() -> None:
    assert run(" + ".join(["1"] * 5000)) == 5000.0
    assert run(" or ".join([f"${{q{i}}} = 'x'" for i in range(3000)] + ["true()"])) is True
    assert run("concat(" + ", ".join(["'a'"] * 2000) + ")") == "a" * 2000


@pytest.mark.parametrize("source", ["(" * 1000 + "1" + ")" * 1000, "-" * 5000 + "1", "not(" * 500 + "1" + ")" * 500])
def test_deep_nesting_is_refused_cleanly(source: str) -> None:
    with pytest.raises(ExpressionError, match="trop imbriquée"):
        parse(source)


def test_reasonable_nesting_is_accepted() -> None:
    nested = "".join(f"if(${{a}} = {i}, {i}, " for i in range(40)) + "-1" + ")" * 40
    assert run(nested, a=39) == 39.0
    assert run(nested, a=99) == -1.0


@pytest.mark.parametrize(
    "source",
    [
        "//age > 18",
        "..",
        "${a}/..",
        "../a[1]",
        "@id",
        "child::age",
        "${a} | ${b}",
        "instance('x')/root",
        "${a} and",
        "or ${a}",
        "* 2",
        "f(1,)",
        "concat(,)",
        "1 2",
        "${a} ${b}",
        "()",
        "'a' 'b'",
        "$a",
        "$",
        "${a",
        "${a b}",
        "${1a}",
        "1 = = 1",
        "1 ! 2",
        "a && b",
        "«oui»",
        "\x00",
        "\u200b",
    ],
)
def test_invalid_text_gives_a_french_error(source: str) -> None:
    with pytest.raises(ExpressionError) as caught:
        parse(source)
    assert caught.value.message.startswith("expression invalide à la position ")
    assert 1 <= caught.value.position <= len(source) + 1


_POWER = {"or": 1, "and": 2, "=": 3, "!=": 3, "<": 4, "<=": 4, ">": 4, ">=": 4, "+": 5, "-": 5, "*": 6, "div": 6, "mod": 6}
_TRIPLES = [(1, 1, 0), (0, 1, 1), (3, 2, 1), (2, 2, 2), (7, 3, 2), (0, 0, 1), (1, 0, 0)]


def _same(x: object, y: object) -> bool:
    if isinstance(x, float) and isinstance(y, float) and x != x:
        return y != y
    return x == y and type(x) is type(y)


@pytest.mark.parametrize("first", list(_POWER))
def test_every_pair_of_operators_groups_by_precedence(first: str) -> None:
    for second in _POWER:
        for a, b, c in _TRIPLES:
            plain = f"{a} {first} {b} {second} {c}"
            if _POWER[second] > _POWER[first]:
                grouped = f"{a} {first} ({b} {second} {c})"
            else:  # same level: left to right
                grouped = f"({a} {first} {b}) {second} {c}"
            assert _same(run(plain), run(grouped)), plain


@pytest.mark.parametrize(
    ("source", "hint"),
    [
        ("${a} == 1", "l'égalité s'écrit avec un seul ="),
        ("${a} <> 1", "la différence s'écrit !="),
        ("${a} => 1", "s'écrit >="),
        ("${a} / 2", "la division s'écrit div"),
        ("${a} % 2", "s'écrit mod"),
        ("${a} = 1 AND ${b} = 2", "en minuscules, and"),
        ("${a} = 1 Or ${b} = 2", "en minuscules, or"),
        ("1 || 2", "s'écrit or"),
        ("${a} && ${b}", "s'écrit and"),
        ("!selected(${a}, 'x')", "not(...)"),
        ("Selected(${a}, 'x')", "vouliez-vous dire « selected »"),
        ("count_selected(${a})", "vouliez-vous dire « count-selected »"),
        ("string_length(${a})", "vouliez-vous dire « string-length »"),
    ],
)
def test_common_mistakes_get_a_hint(source: str, hint: str) -> None:
    with pytest.raises(ExpressionError) as caught:
        parse(source)
    assert hint in caught.value.message


def test_non_text_is_refused() -> None:
    with pytest.raises(ExpressionError):
        parse(None)  # type: ignore[arg-type]
    with pytest.raises(ExpressionError):
        parse(["${a}"])  # type: ignore[arg-type]


def test_evaluate_as_boolean_and_text() -> None:
    context = MapContext({"n": 3})
    assert parse("${n} * 2").evaluate_string(context) == "6"
    assert parse("${n} div 2").evaluate_string(context) == "1.5"
    assert parse("${n}").evaluate_boolean(context) is True
    assert parse("${m}").evaluate_boolean(context) is False


def test_facts_from_the_parser_match_a_walk_of_the_tree() -> None:
    from etudes_desktop.core.expressions import Expression

    for source in [
        "if(${a}, -${b}, concat(${c}, string-length())) or region = ${d}",
        "once(${a}) + position(..)",
        "jr:choice-name(${q}, '${q}') != '' and normalize-space(.) = name",
    ]:
        parsed = parse(source)
        rebuilt = Expression(source, parsed.tree)
        assert rebuilt.references == parsed.references
        assert rebuilt.children == parsed.children
        assert rebuilt.functions == parsed.functions
        assert rebuilt.uses_current == parsed.uses_current
