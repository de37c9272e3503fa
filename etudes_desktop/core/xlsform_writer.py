"""Write an XLSForm workbook from rows (the demo study, tests and benchmarks build theirs so)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

Rows = Sequence[Mapping[str, Any]]


def _columns(rows: Rows) -> list[str]:
    columns: list[str] = []
    for row in rows:
        for key in row:
            if key not in columns:
                columns.append(key)
    return columns


def _as_text(cells: Any) -> None:
    """openpyxl turns a text starting with = into a formula; here every text stays text (a label
    `=HYPERLINK(...)` is shown, never run). In an .xlsx a cell typed as text is never evaluated, so
    no quote is added: the form reads back exactly as written."""
    for cell in cells:
        if cell.data_type == "f":
            cell.data_type = "s"


def write_xlsform(
    path: str | Path,
    survey: Rows,
    choices: Rows = (),
    settings: Mapping[str, Any] | None = None,
) -> Path:
    """An .xlsx with `survey`, `choices` and `settings` sheets; columns in first-seen order."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font

    book = Workbook()
    sheets: list[tuple[str, Rows]] = [("survey", survey), ("choices", choices)]
    if settings:
        sheets.append(("settings", [settings]))
    first = True
    for title, rows in sheets:
        sheet = book.active if first else book.create_sheet()
        first = False
        sheet.title = title
        columns = _columns(rows) or (["list_name", "name", "label"] if title == "choices" else ["type", "name", "label"])
        sheet.append(columns)
        for cell in sheet[1]:
            cell.font = Font(bold=True)
        for number, row in enumerate(rows, start=2):
            values = [row.get(c) for c in columns]
            sheet.append(values)
            _as_text(sheet.cell(row=number, column=index) for index, value in enumerate(values, start=1)
                     if isinstance(value, str) and value.startswith("="))
        for index, column in enumerate(columns, start=1):
            width = max([len(str(column))] + [min(60, len(str(r.get(column) or ""))) for r in rows])
            sheet.column_dimensions[sheet.cell(row=1, column=index).column_letter].width = width + 2
        if title == "settings":
            for cell in sheet[2]:
                cell.alignment = Alignment(wrap_text=True, vertical="top")
    target = Path(path)
    book.save(target)
    return target
