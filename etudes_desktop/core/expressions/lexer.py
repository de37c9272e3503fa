"""Splits expression text into tokens: (kind, text, index) triples."""

from __future__ import annotations

import re
from typing import NamedTuple

from etudes_desktop.core.expressions.errors import invalid

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
_SCANNER = re.compile(
    r"(?P<space>[ \t\r\n]+)"
    r"|(?P<number>[0-9]+(?:\.[0-9]*)?|\.[0-9]+)"
    r"|(?P<dots>\.\.?)"
    r"|(?P<name>" + _NCNAME + r"(?::" + _NCNAME + r")?)"
    r"|(?P<op>!=|<=|>=|//|::|[-+*=<>(),/|\[\]@])"
)
_REF_NAME = re.compile(_NCNAME + r"\Z")
_CURLY_QUOTES = "‘’‚‛“”„‟«»"
# Word processors turn quotes into these; pyxform reads them as plain quotes, so do we.
_SMART_CLOSERS = {"‘": "‘’", "’": "‘’", "“": "“”", "”": "“”"}


def tokenize(source: str) -> list[Token]:
    """All the tokens of `source`, ending with an END token; raises ExpressionError."""
    tokens: list[Token] = []
    index, length = 0, len(source)
    while index < length:
        char = source[index]
        if char == "'" or char == '"':
            index = _string(source, index, tokens)
        elif char in _SMART_CLOSERS:
            index = _smart_string(source, index, tokens)
        elif char == "$":
            index = _reference(source, index, tokens)
        else:
            index = _scan(source, index, tokens)
    tokens.append(Token(END, "", length))
    return tokens


def _string(source: str, index: int, tokens: list[Token]) -> int:
    """A literal between matching quotes (XPath has no escapes)."""
    end = source.find(source[index], index + 1)
    if end < 0:
        raise invalid(index, "chaîne de caractères non terminée (guillemet fermant manquant)")
    tokens.append(Token(STRING, source[index + 1 : end], index))
    return end + 1


def _smart_string(source: str, index: int, tokens: list[Token]) -> int:
    """A literal opened by a typographic quote, closed by either of its pair."""
    closers = _SMART_CLOSERS[source[index]]
    end = next((at for at in range(index + 1, len(source)) if source[at] in closers), -1)
    if end < 0:
        raise invalid(index, "chaîne de caractères non terminée (guillemet fermant manquant)")
    tokens.append(Token(STRING, source[index + 1 : end], index))
    return end + 1


def _reference(source: str, index: int, tokens: list[Token]) -> int:
    """${name}: a reference to another question."""
    if not source.startswith("${", index):
        raise invalid(index, "« $ » doit ouvrir une référence de la forme ${nom}")
    end = source.find("}", index + 2)
    if end < 0:
        raise invalid(index, "référence non fermée : « } » manquant")
    name = source[index + 2 : end].strip(" \t")
    if name.startswith("last-saved#"):
        raise invalid(index, "les références ${last-saved#...} ne sont pas prises en charge")
    if not _REF_NAME.match(name):
        shown = name if name.strip() else "vide"
        raise invalid(index, f"nom de question invalide dans la référence : « {shown} »")
    tokens.append(Token(REF, name, index))
    return end + 1


_HABITS = {
    "==": "l'égalité s'écrit avec un seul =",
    "<>": "la différence s'écrit !=",
    "||": "la disjonction s'écrit or",
    "=>": "« supérieur ou égal » s'écrit >=",
    "=<": "« inférieur ou égal » s'écrit <=",
}


def _scan(source: str, index: int, tokens: list[Token]) -> int:
    """Numbers, dots, names and operators; any other character is refused."""
    habit = _HABITS.get(source[index : index + 2])
    if habit is not None:
        raise invalid(index, f"« {source[index : index + 2]} » : {habit}")
    match = _SCANNER.match(source, index)
    if match is None:
        raise invalid(index, _bad_character(source[index]))
    kind = match.lastgroup
    text = match.group()
    if kind == "number":
        tokens.append(Token(NUMBER, text, index))
    elif kind == "dots":
        tokens.append(Token(DOT, text, index))
    elif kind == "name":
        tokens.append(Token(NAME, text, index))
    elif kind == "op":
        tokens.append(Token(OP, text, index))
    return match.end()


def _bad_character(char: str) -> str:
    """Why a character cannot start a token, with a hint for the usual mistakes."""
    if char in _CURLY_QUOTES:
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
