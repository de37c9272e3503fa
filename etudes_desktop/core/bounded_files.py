"""Limits on what an imported workbook may cost, checked before any parser reads it.

An XLSX is a zip archive: a sub-megabyte file can expand to gigabytes (a zip bomb: 5.7 GB and
growing was measured), or declare twenty million rows. These checks read only the archive's
directory and each sheet's declared dimension, in milliseconds, and refuse with one French line.
Pure: no Qt, no SQL.
"""

from __future__ import annotations

import re
import zipfile
from io import BytesIO
from pathlib import Path

from etudes_desktop.core.errors import EtudesError

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
                with archive.open(member) as sheet:
                    head = sheet.read(4096)
                found = _DIMENSION_RE.search(head)
                if found and found.group(2):
                    rows, columns = int(found.group(2)), _column_number(found.group(1))
                    if rows > MAX_ROWS:
                        raise EtudesError(f"{name} refusé : {rows:,} lignes déclarées ({MAX_ROWS:,} au plus)"
                                          .replace(",", " "))
                    if columns > MAX_COLUMNS:
                        raise EtudesError(f"{name} refusé : {columns} colonnes déclarées ({MAX_COLUMNS} au plus)")
