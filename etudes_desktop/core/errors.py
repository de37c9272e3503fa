"""The product's error type: one readable message, in French, never personal data."""

from __future__ import annotations


class EtudesError(Exception):
    """A refused operation or invalid input, explained to the user in one message."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return self.message
