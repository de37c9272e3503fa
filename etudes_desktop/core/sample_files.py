"""Reading sample files as the insurer's offices write them: CSV (; or , / UTF-8, BOM, cp1252), XLSX.

Rows are streamed: a table is opened, its header read, then its records iterated one at a time,
so a large file never sits whole in memory. Pure: no Qt, no SQL.
"""

from __future__ import annotations

import codecs
import logging
import csv
import datetime as dt
import io
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TextIO

from etudes_desktop.core.bounded_files import (
    SAMPLE_LIMITS,
    TableGuard,
    TableLimits,
    bounded_lines,
    check_file_size,
    check_workbook,
)
from etudes_desktop.core.errors import EtudesError

log = logging.getLogger(__name__)

CSV_SUFFIXES = frozenset({".csv", ".txt", ".tsv"})
XLSX_SUFFIXES = frozenset({".xlsx", ".xlsm"})
_CHUNK = 1 << 20
_DELIMITERS = (";", ",", "\t", "|")


def detect_encoding(path: Path) -> str:
    """'utf-8-sig' (BOM), 'utf-8' when every byte decodes as UTF-8, else 'cp1252'."""
    with path.open("rb") as handle:
        head = handle.read(4)
        if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
            raise EtudesError("fichier refusé : encodage UTF-16 non pris en charge (enregistrez-le en UTF-8 ou CSV Windows)")
        bom = head.startswith(codecs.BOM_UTF8)
        handle.seek(len(codecs.BOM_UTF8) if bom else 0)
        if _decodes(handle, "utf-8") is None:
            return "utf-8-sig" if bom else "utf-8"
        if bom:  # announced UTF-8, yet not: say where, rather than fail later
            handle.seek(len(codecs.BOM_UTF8))
            _refuse_undecodable(handle, "utf-8", len(codecs.BOM_UTF8))
        handle.seek(0)
        _refuse_undecodable(handle, "cp1252", 0)
    return "cp1252"


def _decodes(handle: Any, encoding: str) -> int | None:
    """None when the rest of the file decodes in `encoding`, else the offset of the first bad byte."""
    decoder = codecs.getincrementaldecoder(encoding)()
    offset = handle.tell()
    try:
        while chunk := handle.read(_CHUNK):
            decoder.decode(chunk)
            offset += len(chunk)
        decoder.decode(b"", final=True)
    except UnicodeDecodeError as exc:
        return offset + exc.start
    return None


def _refuse_undecodable(handle: Any, encoding: str, start: int) -> None:
    """Refuse a file with a byte that `encoding` cannot read, naming its line and column."""
    handle.seek(start)
    bad = _decodes(handle, encoding)
    if bad is None:
        return
    handle.seek(0)
    before = handle.read(bad)
    line = before.count(b"\n") + 1
    column = bad - (before.rfind(b"\n") + 1) + 1
    handle.seek(bad)
    byte = handle.read(1)
    raise EtudesError(f"ligne {line}, colonne {column} : octet 0x{byte.hex().upper()} illisible (ni UTF-8 ni "
                      "Windows-1252) ; enregistrez le fichier en CSV UTF-8 puis recommencez")


def detect_delimiter(header_line: str) -> str:
    """The separator of a CSV file, counted on its header line (';' wins ties, as in France)."""
    try:
        sniffed = csv.Sniffer().sniff(header_line, delimiters="".join(_DELIMITERS)).delimiter
    except csv.Error:
        sniffed = ""
    counts = {d: header_line.count(d) for d in _DELIMITERS}
    best = max(_DELIMITERS, key=lambda d: (counts[d], d == ";"))
    if sniffed and counts.get(sniffed, 0) == counts[best]:
        return sniffed
    return best if counts[best] else ";"


def cell_text(value: Any) -> str:
    """A spreadsheet value as the text a person would read in the cell."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat(sep=" ")
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value).strip()


@dataclass
class SampleTable:
    """An open sample file: its headers, and its records as (line number, cells) pairs."""

    path: Path
    headers: list[str]
    kind: str  # "csv" | "xlsx"
    encoding: str | None = None
    delimiter: str | None = None
    _rows: Iterator[list[str]] = field(default_factory=lambda: iter(()))
    _closers: list[Any] = field(default_factory=list)
    _position: Callable[[int], float | None] = lambda line: None
    _guard: TableGuard | None = None

    def fraction_read(self, line: int = 0) -> float | None:
        """How much of the file has been read (0 to 1), when it can be told."""
        return self._position(line)

    def records(self) -> Iterator[tuple[int, list[str]]]:
        """Records after the header; the line number is the spreadsheet's (header = line 1).

        Wholly empty records are skipped (their line numbers still count).
        """
        line = 1
        guard = self._guard or TableGuard(SAMPLE_LIMITS, "fichier")
        try:
            for cells in self._rows:
                line += 1
                guard.row(line, cells)
                if any(cells) and not "".join(cells).isspace():
                    yield line, cells
        except UnicodeDecodeError as exc:
            raise EtudesError(f"ligne {line + 1} : caractères illisibles ({self.encoding or 'encodage inconnu'})") from exc
        except csv.Error as exc:
            raise EtudesError(f"ligne {line + 1} : fichier CSV mal formé ({_csv_error(exc, guard.limits)})") from None

    def close(self) -> None:
        for closer in self._closers:
            closer()
        self._closers.clear()

    def __enter__(self) -> "SampleTable":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _csv_error(exc: csv.Error, limits: TableLimits) -> str:
    if "field larger than field limit" in str(exc):
        return f"une cellule dépasse {limits.cell_chars:,} caractères".replace(",", " ")
    return "guillemet non fermé ou caractère nul" if "NUL" in str(exc) or "EOF" in str(exc) else "ligne illisible"


def open_table(path: Path | str, limits: TableLimits = SAMPLE_LIMITS,
               clock: Callable[[], float] | None = None) -> SampleTable:
    """Open a CSV or XLSX sample file and read its header line; its records are bounded by
    `limits` (rows, columns, cell length, time) as they stream."""
    path = Path(path)
    if not path.is_file():
        raise EtudesError(f"fichier introuvable : {path.name}")
    check_file_size(path, limits, "fichier")
    guard = TableGuard(limits, "fichier", clock) if clock else TableGuard(limits, "fichier")
    suffix = path.suffix.lower()
    if suffix in XLSX_SUFFIXES:
        return _open_xlsx(path, guard)
    if suffix in CSV_SUFFIXES or not suffix:
        return _open_csv(path, guard)
    raise EtudesError(f"format de fichier non pris en charge : {suffix} (CSV ou XLSX attendu)")


def _open_csv(path: Path, guard: TableGuard) -> SampleTable:
    encoding = detect_encoding(path)
    size = max(path.stat().st_size, 1)
    raw = path.open("rb")
    handle: TextIO = io.TextIOWrapper(raw, encoding=encoding, newline="")
    limits = guard.limits
    try:
        first = handle.readline(limits.line_chars + 1)
        if not first.strip():
            raise EtudesError("fichier vide : la première ligne doit porter les noms des colonnes")
        if len(first) > limits.line_chars:
            raise EtudesError(f"ligne 1 : la ligne des noms de colonnes dépasse {limits.line_chars:,} caractères"
                              .replace(",", " "))
        delimiter = "\t" if path.suffix.lower() == ".tsv" else detect_delimiter(first)
        handle.seek(0)
        reader = csv.reader(bounded_lines(handle, limits, "fichier"), delimiter=delimiter)
        headers = [h.strip() for h in next(reader)]
        guard.header(headers)
    except csv.Error as exc:
        handle.close()
        log.warning("sample CSV header refused: %s", type(exc).__name__)
        raise EtudesError(f"ligne 1 : la ligne des noms de colonnes est illisible ({_csv_error(exc, limits)})") from None
    except UnicodeDecodeError:
        handle.close()
        raise EtudesError("ligne 1 : caractères illisibles ; enregistrez le fichier en CSV UTF-8 puis recommencez") from None
    except BaseException:
        handle.close()
        raise
    return SampleTable(path, headers, "csv", encoding, delimiter, _rows=reader, _closers=[handle.close],
                       _position=lambda line: min(raw.tell() / size, 1.0), _guard=guard)


def _open_xlsx(path: Path, guard: TableGuard) -> SampleTable:
    import openpyxl

    check_workbook(path, "classeur")
    try:
        book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # noqa: BLE001 - any unreadable workbook is the same refusal
        raise EtudesError(f"classeur illisible : {path.name}") from exc
    if not book.worksheets:
        book.close()
        raise EtudesError(f"classeur sans feuille : {path.name}")
    sheet = book.worksheets[0]
    # Rows padded to the sheet's width, at most one column beyond the limit (which the guard
    # refuses): a sheet declaring 16 384 columns is not padded to them on every row.
    widest = guard.limits.columns + 1
    rows = sheet.iter_rows(values_only=True, max_col=min(sheet.max_column or widest, widest))
    header = next(rows, None)
    if header is None:
        book.close()
        raise EtudesError("classeur vide : la première ligne doit porter les noms des colonnes")
    try:
        guard.header(header)  # before the cells are turned into text: 16 384 empty cells are cheap
    except BaseException:
        book.close()
        raise
    headers = [cell_text(v) for v in header]
    while headers and not headers[-1]:
        headers.pop()
    texts = ([cell_text(v) for v in row] for row in rows)  # bounded in records(), while streaming
    total = sheet.max_row or 0
    return SampleTable(path, headers, "xlsx", _rows=texts, _closers=[book.close],
                       _position=lambda line: min(line / total, 1.0) if total else None, _guard=guard)
