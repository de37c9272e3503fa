"""The error raised for an expression that cannot be parsed or called as written."""

from __future__ import annotations

from etudes_desktop.core.errors import EtudesError


class ExpressionError(EtudesError):
    """An invalid expression; `position` is the 1-based column of the fault in the text."""

    def __init__(self, message: str, position: int = 0) -> None:
        super().__init__(message)
        self.position = position


def invalid(position: int, detail: str) -> ExpressionError:
    """An error at 0-based index `position`, worded the same way everywhere."""
    column = position + 1
    return ExpressionError(f"expression invalide à la position {column} : {detail}", column)
