"""Splits expression text into tokens in one regular-expression pass."""

from __future__ import annotations

import re
from typing import NamedTuple

from etudes_desktop.core.expressions.errors import ExpressionError, invalid

NUMBER = "number"
STRING = "string"
REF = "ref"
NAME = "name"
DOT = "dot"
OP = "op"
END = "end"


class Token(NamedTuple):
    """One lexeme; `offset` is its 0-based position in the source."""

    kind: str
    text: str
    offset: int


_NAME_START = r"[^\W\d]"  # a letter (any script) or "_"
_NAME_CHAR = r"[\w.\-]"
_NCNAME = _NAME_START + _NAME_CHAR + "*"
# Typographic quotes: word processors put them in; pyxform reads them as plain quotes, so do we.
_SCANNER = re.compile(
    r"(?P<space>[ \t\r\n]+)"
    r"|'(?P<single>[^']*)'"
    r'|"(?P<double>[^"]*)"'
    r"|[‘’](?P<smart_single>[^‘’]*)[‘’]"
    r"|[“”](?P<smart_double>[^“”]*)[“”]"
    r"|\$\{(?P<ref>[^}]*)\}"
    r"|(?P<number>[0-9]+(?:\.[0-9]*)?|\.[0-9]+)"
    r"|(?P<dot>\.\.?)"
    r"|(?P<name>" + _NCNAME + r"(?::" + _NCNAME + r")?)"
    r"|(?P<habit>==|<>|\|\||=>|=<)"
    r"|(?P<op>!=|<=|>=|//|::|[-+*=<>(),/|\[\]@])"
    r"|(?P<other>.)",
    re.DOTALL,
)
_REF_NAME = re.compile(_NCNAME + r"\Z")
_KINDS = {
    "single": STRING,
    "double": STRING,
    "smart_single": STRING,
    "smart_double": STRING,
    "number": NUMBER,
    "dot": DOT,
    "name": NAME,
    "op": OP,
}
_HABITS = {
    "==": "l'égalité s'écrit avec un seul =",
    "<>": "la différence s'écrit !=",
    "||": "la disjonction s'écrit or",
    "=>": "« supérieur ou égal » s'écrit >=",
    "=<": "« inférieur ou égal » s'écrit <=",
}
_QUOTES = "'\"‘’“”"
_OTHER_QUOTES = "‚‛„‟«»"


def tokenize(source: str) -> list[Token]:
    """All the tokens of `source`, ending with END; raises ExpressionError at the first fault."""
    tokens: list[Token] = []
    append = tokens.append
    for match in _SCANNER.finditer(source):
        group = match.lastgroup
        if group == "space":
            continue
        kind = _KINDS.get(group)  # type: ignore[arg-type]
        if kind is not None:
            append(Token(kind, match.group(group), match.start()))  # type: ignore[arg-type]
        elif group == "ref":
            append(Token(REF, _reference_name(match.group(group), match.start()), match.start()))
        else:
            raise _fault(source, match.start())
    tokens.append(Token(END, "", len(source)))
    return tokens


def _reference_name(spelled: str, offset: int) -> str:
    """The name inside ${...}, checked."""
    name = spelled.strip(" \t")
    if name.startswith("last-saved#"):
        raise invalid(offset, "les références ${last-saved#...} ne sont pas prises en charge")
    if not _REF_NAME.match(name):
        shown = name if name else "vide"
        raise invalid(offset, f"nom de question invalide dans la référence : « {shown} »")
    return name


def _fault(source: str, offset: int) -> ExpressionError:
    """Why the text at `offset` is no token, with a hint for the usual mistakes."""
    char = source[offset]
    habit = _HABITS.get(source[offset : offset + 2])
    if habit is not None:
        return invalid(offset, f"« {source[offset : offset + 2]} » : {habit}")
    if char in _QUOTES:
        return invalid(offset, "chaîne de caractères non terminée (guillemet fermant manquant)")
    if char == "$":
        if source.startswith("${", offset):
            return invalid(offset, "référence non fermée : « } » manquant")
        return invalid(offset, "« $ » doit ouvrir une référence de la forme ${nom}")
    return invalid(offset, _bad_character(char))


def _bad_character(char: str) -> str:
    """Why a character cannot start a token."""
    if char in _OTHER_QUOTES:
        return f"guillemet typographique « {char} » : écrivez les chaînes entre ' ou \""
    if char == "!":
        return "« ! » inattendu : la négation s'écrit not(...), la différence !="
    if char == "&":
        return "« & » inattendu : la conjonction s'écrit and"
    if char == "%":
        return "« % » inattendu : le reste de la division s'écrit mod"
    if char.isprintable() and not char.isspace():
        return f"caractère « {char} » inattendu"
    return f"caractère inattendu (code U+{ord(char):04X})"
