"""Problems found in a form or a study package, each located at a sheet, row and column."""

from __future__ import annotations

from dataclasses import dataclass

from etudes_desktop.core.errors import EtudesError


@dataclass(frozen=True)
class FormProblem:
    """One thing wrong, where a study designer can find it: `sheet, row N, column C: message`."""

    sheet: str
    row: int | None
    column: str | None
    message: str
    syntax: bool = False  # an expression that does not parse (not an echo of another problem)

    def __str__(self) -> str:
        where = self.sheet
        if self.row is not None:
            where += f", row {self.row}"
        if self.column:
            where += f", column {self.column}"
        return f"{where}: {self.message}"


class FormError(EtudesError):
    """A form or package refused, with every problem found."""

    def __init__(self, problems: list[FormProblem]) -> None:
        self.problems = list(problems)
        super().__init__("\n".join(str(p) for p in self.problems) or "formulaire refusé")
