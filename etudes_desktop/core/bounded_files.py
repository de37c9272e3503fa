"""Limits on what an imported file may cost: checked before any parser reads it, then while it streams.

An XLSX is a zip archive: a sub-megabyte file can expand to gigabytes (a zip bomb: 5.7 GB and
growing was measured), or declare twenty million rows. `check_workbook` reads only the archive's
directory and each sheet's declared dimension, in milliseconds. A CSV (or a sheet whose declared
dimension lies) is then bounded while it is read: `TableGuard` counts rows, columns, the length of
every cell and the time spent, and refuses with one French line as soon as a limit is crossed
(twenty million short CSV rows are refused after the 200,001st, in a fraction of a second).
The limits live in one place, `TableLimits`: `SAMPLE_LIMITS` for sample files, `STUDY_LIMITS` for
study files (XLSForm). Pure: no Qt, no SQL.
"""

from __future__ import annotations

import re
import time
import zipfile
import zlib
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from io import BytesIO
from pathlib import Path
from typing import Any

from etudes_desktop.core.errors import EtudesError


@dataclass(frozen=True)
class TableLimits:
    """What one imported table may hold, and how long reading it may take."""

    rows: int  # records after the header holding something (empty ones are bounded by `lines`)
    columns: int = 200
    cell_chars: int = 10_000
    seconds: float = 300.0
    file_bytes: int = 512 * 1024 * 1024  # before anything is read (a CSV has no compression to check)
    lines: int = 1_048_576  # every record, empty or not (Excel's own maximum; sheets formatted to the end)

    @property
    def line_chars(self) -> int:
        """The longest physical line a table within the limits can have (every cell full, quoted)."""
        return self.columns * (self.cell_chars + 3)


SAMPLE_LIMITS = TableLimits(rows=200_000)
# An XLSForm has a column per language of each label, hint and constraint message: wider rows.
STUDY_LIMITS = TableLimits(rows=20_000, columns=1024, seconds=120.0, file_bytes=32 * 1024 * 1024)


def _n(number: int | float) -> str:
    return f"{number:,}".replace(",", " ")


class TableGuard:
    """Counts a table's rows as they stream and refuses the first one beyond a limit."""

    def __init__(self, limits: TableLimits, name: str, clock: Callable[[], float] = time.monotonic) -> None:
        self.limits, self.name, self.clock = limits, name, clock
        self.started = clock()
        self.rows = 0
        self.lines = 0
        self._seen = 0

    def restart(self) -> None:
        """A new sheet: its own row budget (the time is shared)."""
        self.rows = self.lines = 0

    def header(self, cells: Sequence[Any], where: str = "") -> None:
        self._cells(1, cells, where)

    def row(self, line: int, cells: Sequence[Any], where: str = "") -> None:
        self.lines += 1
        self._seen += 1
        limits = self.limits
        if self._seen % 1024 == 0:
            self.check_time()
        if self.lines > limits.lines:
            raise EtudesError(f"{self.name} refusé : plus de {_n(limits.lines)} lignes{where}, vides comprises "
                              f"({_n(limits.lines)} au plus)")
        if not any(cell not in (None, "") and not (isinstance(cell, str) and cell.isspace()) for cell in cells):
            return
        self.rows += 1
        if self.rows > limits.rows:
            raise EtudesError(f"{self.name} refusé : plus de {_n(limits.rows)} lignes{where} "
                              f"({_n(limits.rows)} au plus) ; découpez le fichier")
        self._cells(line, cells, where)

    def check_time(self) -> None:
        if self.clock() - self.started > self.limits.seconds:
            raise EtudesError(f"{self.name} refusé : lecture interrompue après {_n(round(self.limits.seconds))} s "
                              "(fichier trop lourd) ; découpez le fichier")

    def _cells(self, line: int, cells: Sequence[Any], where: str) -> None:
        limits = self.limits
        width = len(cells)
        if width > limits.columns:
            while width and cells[width - 1] in (None, ""):
                width -= 1
            if width > limits.columns:
                raise EtudesError(f"{self.name} refusé{where} : ligne {line}, plus de {_n(limits.columns)} "
                                  "colonnes remplies")
        for column, cell in enumerate(cells[:width], start=1):
            if isinstance(cell, str) and len(cell) > limits.cell_chars:
                raise EtudesError(f"{self.name} refusé{where} : ligne {line}, colonne {column}, cellule de "
                                  f"{_n(len(cell))} caractères ({_n(limits.cell_chars)} au plus)")

    def rows_of(self, rows: Iterable[Sequence[Any]], first_line: int = 2, where: str = "") -> Iterator[Sequence[Any]]:
        """The rows, each checked as it comes."""
        for line, cells in enumerate(rows, start=first_line):
            self.row(line, cells, where)
            yield cells


def check_file_size(path: Path, limits: TableLimits, name: str) -> None:
    size = path.stat().st_size
    if size > limits.file_bytes:
        raise EtudesError(f"{name} refusé : {_n(size // 2**20)} Mo ({_n(limits.file_bytes // 2**20)} Mo au plus)")


def bounded_lines(handle: Any, limits: TableLimits, name: str) -> Iterator[str]:
    """A text file's physical lines, each read with a bound: a line longer than a table within the
    limits can have (megabytes without a line break) is refused before it is held in memory."""
    most = limits.line_chars
    line_number = 0
    while True:
        line = handle.readline(most + 1)
        if not line:
            return
        line_number += 1
        if len(line) > most and not line.endswith(("\n", "\r")):
            raise EtudesError(f"{name} refusé : ligne {line_number} de plus de {_n(most)} caractères")
        yield line

MAX_UNCOMPRESSED = 256 * 1024 * 1024  # all the archive's members, expanded
MAX_RATIO = 200  # expanded / compressed, per member of some size (spreadsheets compress ~5-20x)
MAX_MEMBERS = 10_000
# Excel's own maxima: a real workbook may declare whole columns (A1:AMJ1048576), never more.
MAX_ROWS = 1_048_576
MAX_COLUMNS = 16_384

_DIMENSION_RE = re.compile(rb'<(?:\w+:)?dimension ref="[A-Z]+\d+(?::([A-Z]+)(\d+))?"')


def _column_number(letters: bytes) -> int:
    number = 0
    for letter in letters:
        number = number * 26 + (letter - 64)
    return number


def check_workbook_cells(source: Path | bytes, limits: TableLimits, name: str = "formulaire") -> None:
    """Stream every sheet of an XLSX through a TableGuard: rows counted while streaming, whatever
    the sheet declares. A file that is not a zip archive is left alone."""
    import warnings

    import openpyxl

    with warnings.catch_warnings():  # openpyxl's notes on unknown Excel extensions: noise here
        warnings.simplefilter("ignore")
        _check_workbook_cells(openpyxl, source, limits, name)


def _check_workbook_cells(openpyxl: Any, source: Path | bytes, limits: TableLimits, name: str) -> None:
    try:
        book = openpyxl.load_workbook(BytesIO(source) if isinstance(source, bytes) else source,
                                      read_only=True, data_only=False)
    except Exception:  # noqa: BLE001 - unreadable: the form reader says so in its own words
        return
    try:
        guard = TableGuard(limits, name)
        for sheet in book.worksheets:
            where = f" (feuille {sheet.title})"
            guard.restart()
            for line, cells in sparse_rows(book, sheet):
                if line == 1:
                    guard.header(cells, where)
                else:
                    guard.lines = line - 2  # rows missing from the file are empty rows
                    guard.row(line, cells, where)
    finally:
        book.close()


def sparse_rows(book: Any, sheet: Any) -> Iterator[tuple[int, list[Any]]]:
    """(row number, values up to its last cell) for the rows the sheet's XML holds. Sheets formatted
    to row 1 048 576 and column 1 024 stream in milliseconds, where openpyxl's iter_rows pads every
    row to the widest (a million rows of a thousand cells: half a minute). Uses openpyxl's own
    parser; falls back to iter_rows where its internals differ."""
    try:
        from openpyxl.worksheet._reader import WorkSheetParser

        source = sheet._get_source()
        parser = WorkSheetParser(source, sheet._shared_strings, data_only=book.data_only, epoch=book.epoch,
                                 date_formats=book._date_formats, timedelta_formats=book._timedelta_formats)
    except (ImportError, AttributeError, TypeError):
        for line, row in enumerate(sheet.iter_rows(values_only=True), start=1):
            yield line, list(row)
        return
    with source:
        for line, cells in parser.parse():
            if not cells:
                yield line, []
                continue
            width = max(cell["column"] for cell in cells)
            values: list[Any] = [None] * min(width, MAX_COLUMNS + 1)
            for cell in cells:
                if cell["column"] <= len(values):
                    values[cell["column"] - 1] = cell["value"]
            yield line, values


def check_form_file(source: Path | bytes, limits: TableLimits = STUDY_LIMITS, name: str = "formulaire") -> None:
    """A study file (XLSX, XLS or CSV XLSForm) within the limits: size, then every sheet streamed."""
    size = len(source) if isinstance(source, bytes) else Path(source).stat().st_size
    if size > limits.file_bytes:
        raise EtudesError(f"{name} refusé : {_n(size // 2**20)} Mo ({_n(limits.file_bytes // 2**20)} Mo au plus)")
    if isinstance(source, bytes):
        head = source[:8]
    else:
        with Path(source).open("rb") as handle:
            head = handle.read(8)
    if head.startswith(b"PK"):
        check_workbook(source, name)
        check_workbook_cells(source, limits, name)
    elif head.startswith(b"\xd0\xcf\x11\xe0"):  # an .xls (OLE2): at most 65 536 rows, 256 columns
        _check_xls_cells(source, limits, name)
    elif not isinstance(source, bytes) and Path(source).suffix.lower() == ".csv":
        _check_csv_cells(Path(source), limits, name)


def _check_xls_cells(source: Path | bytes, limits: TableLimits, name: str) -> None:
    import xlrd

    try:
        data = source if isinstance(source, bytes) else Path(source).read_bytes()
        book = xlrd.open_workbook(file_contents=data, on_demand=True)
    except Exception:  # noqa: BLE001 - unreadable: the form reader says so
        return
    try:
        guard = TableGuard(limits, name)
        for index in range(book.nsheets):
            sheet = book.sheet_by_index(index)
            where = f" (feuille {sheet.name})"
            guard.restart()
            for row in range(sheet.nrows):
                values = sheet.row_values(row)
                if row == 0:
                    guard.header(values, where)
                else:
                    guard.row(row + 1, values, where)
            book.unload_sheet(index)
    finally:
        book.release_resources()


def _check_csv_cells(path: Path, limits: TableLimits, name: str) -> None:
    import csv

    with path.open(encoding="utf-8-sig", errors="replace", newline="") as handle:
        guard = TableGuard(limits, name)
        try:
            for line, cells in enumerate(csv.reader(bounded_lines(handle, limits, name)), start=1):
                if line == 1:
                    guard.header(cells)
                else:
                    guard.row(line, cells)
        except csv.Error:
            return  # malformed: the form reader says so


def check_workbook(source: Path | str | bytes, name: str = "classeur") -> None:
    """Refuse an XLSX whose expansion, size or declared dimensions exceed the limits.
    A file that is not a zip archive (an .xls, a CSV) is left to its own reader."""
    try:
        archive = zipfile.ZipFile(BytesIO(source) if isinstance(source, bytes) else source)
    except (zipfile.BadZipFile, OSError):
        return
    with archive:
        members = archive.infolist()
        if len(members) > MAX_MEMBERS:
            raise EtudesError(f"{name} refusé : {len(members)} éléments dans l'archive ({MAX_MEMBERS} au plus)")
        total = sum(m.file_size for m in members)
        if total > MAX_UNCOMPRESSED:
            raise EtudesError(f"{name} refusé : {total // 2**20} Mo une fois décompressé "
                              f"({MAX_UNCOMPRESSED // 2**20} Mo au plus)")
        for member in members:
            if member.file_size > 1 << 20 and member.file_size > MAX_RATIO * max(member.compress_size, 1):
                raise EtudesError(f"{name} refusé : contenu anormalement compressé (archive piégée ?)")
        for member in members:
            if member.filename.startswith("xl/worksheets/") and member.filename.endswith(".xml"):
                try:
                    with archive.open(member) as sheet:
                        head = sheet.read(4096)
                except (zipfile.BadZipFile, zlib.error, EOFError, OSError, ValueError, RuntimeError,
                        NotImplementedError):  # damaged, truncated, encrypted or oddly compressed
                    raise EtudesError(f"{name} illisible : archive endommagée ou tronquée") from None
                found = _DIMENSION_RE.search(head)
                if found and found.group(2):
                    rows, columns = int(found.group(2)), _column_number(found.group(1))
                    if rows > MAX_ROWS:
                        raise EtudesError(f"{name} refusé : {rows:,} lignes déclarées ({MAX_ROWS:,} au plus)"
                                          .replace(",", " "))
                    if columns > MAX_COLUMNS:
                        raise EtudesError(f"{name} refusé : {columns} colonnes déclarées ({MAX_COLUMNS} au plus)")
