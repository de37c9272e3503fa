"""Sample import, the pure part: read, map, validate, guard against NIRs. No Qt, no SQL.

One streamed pass over the file. `SampleImport.records()` checks every row (NIR guard on every
cell and header, field rules, duplicate ids, people on the suppression list) and yields the
records to store while the file is still importable; after the first NIR (or, outside partial
mode, the first invalid row) it yields nothing more but keeps checking to the end, so the report
is complete. The caller stores inside one transaction and rolls it back when `refusal()` says so:
a row holding a NIR is never yielded. Only ids, counts and problems are kept for the whole file.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Collection, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType
from typing import NamedTuple

from etudes_desktop.core.errors import EtudesError
from etudes_desktop.core.formula_cells import TRIGGERS, is_formula, neutralise
from etudes_desktop.core.nir import find_nir, header_names_nir
from etudes_desktop.core.plural import count as _n
from etudes_desktop.core.sample_files import open_table
from etudes_desktop.core.sample_mapping import (
    FIELD_LABELS,
    RESPONDENT_FIELDS,
    SampleMapping,
    guess_mapping,
    parse_mapping,
)
from etudes_desktop.core.sample_values import (
    CONVERTERS,
    FREE_TEXT_FIELDS,
    TEXT_MAX,
    InvalidValue,
    normalise_email,
    normalise_phone,
)

__all__ = [
    "RESPONDENT_FIELDS", "SampleImport", "SampleMapping", "SampleProblem", "SampleRecord", "SampleRefused",
    "SampleScan", "guess_mapping", "normalise_email", "normalise_phone", "parse_mapping",
]

MAX_LISTED_PROBLEMS = 20
_KEPT_PROBLEMS = 1000
_PROGRESS_EVERY = 1000

# progress(rows read so far, fraction of the file read or None)
Progress = Callable[[int, "float | None"], None]


@dataclass(frozen=True, slots=True)
class SampleProblem:
    """One problem in a sample file; `line` None means the header line."""

    line: int | None
    column: str | None
    message: str

    def __str__(self) -> str:
        if self.line is None:
            return f"en-tête, colonne {self.column} : {self.message}"
        if self.column is None:
            return f"ligne {self.line} : {self.message}"
        return f"ligne {self.line}, colonne {self.column} : {self.message}"


class SampleRecord(NamedTuple):
    """One respondent ready to store (normalised values; attributes keyed by header).

    A named tuple: built by the hundred thousand in an import, so it must be cheap; its fields
    1 to 14 are the respondent columns in RESPONDENT_FIELDS order.
    """

    line: int
    sample_id: str
    title: str | None = None
    last_name: str | None = None
    first_name: str | None = None
    sex: str | None = None
    age: int | None = None
    birth_date: str | None = None
    address: str | None = None
    postcode: str | None = None
    town: str | None = None
    phone: str | None = None
    phone2: str | None = None
    email: str | None = None
    profession: str | None = None
    attributes: Mapping[str, str] = MappingProxyType({})


@dataclass
class SampleScan:
    """What the pass over the file found: counts and problems; no personal data but sample ids."""

    headers: list[str]
    mapping: SampleMapping
    total_rows: int = 0
    valid_rows: int = 0
    suppressed: int = 0
    problems: list[SampleProblem] = field(default_factory=list)
    problem_count: int = 0
    nir_problems: list[SampleProblem] = field(default_factory=list)
    rejected_lines: set[int] = field(default_factory=set)
    duplicate_ids: set[str] = field(default_factory=set)
    nir_count: int = 0
    neutralised: int = 0  # cells a spreadsheet would run as a formula, kept as text (quote added)

    @property
    def refused_for_nir(self) -> bool:
        return bool(self.nir_problems)

    @property
    def rejected_rows(self) -> int:
        return len(self.rejected_lines)

    def refusal(self, partial: bool) -> SampleRefused | None:
        """The refusal to raise, if this file may not be imported in this mode."""
        if self.nir_problems:
            return SampleRefused(_nir_message(self.nir_problems, self.nir_count), self.nir_problems, nir=True)
        header_problems = [p for p in self.problems if p.line is None]
        if header_problems or (self.problem_count and not partial):
            shown = header_problems or self.problems
            return SampleRefused(_problems_message(self, shown), shown, nir=False)
        return None


class SampleRefused(EtudesError):
    """A sample file refused whole; `problems` lists why (never a cell's value)."""

    def __init__(self, message: str, problems: list[SampleProblem], nir: bool) -> None:
        super().__init__(message)
        self.problems = problems
        self.nir = nir


def _listing(problems: list[SampleProblem], total: int) -> str:
    lines = [f"  {p}" for p in problems[:MAX_LISTED_PROBLEMS]]
    if total > MAX_LISTED_PROBLEMS:
        lines.append(f"  … et {_n(total - MAX_LISTED_PROBLEMS, 'autre')}")
    return "\n".join(lines)


def _nir_message(problems: list[SampleProblem], total: int) -> str:
    head = ("fichier refusé : il contient un numéro de sécurité sociale (NIR), interdit dans les fichiers "
            "d'échantillon ; rien n'a été importé. Retirez ces données puis recommencez :")
    return head + "\n" + _listing(problems, total)


def _problems_message(scan: SampleScan, shown: list[SampleProblem]) -> str:
    count = len(shown) if shown and shown[0].line is None else scan.problem_count
    head = (f"fichier refusé : {_n(count, 'problème')} sur {_n(scan.rejected_rows, 'ligne')}, rien n'a été importé "
            "(l'option d'import partiel importe les lignes valides) :")
    if shown and shown[0].line is None:
        head = f"fichier refusé : {_n(count, 'problème')} dans l'en-tête, rien n'a été importé :"
    return head + "\n" + _listing(shown, count)


# -- the row plan: converters per column, built once per file ---------------------------------

# positions in a SampleRecord: 0 is the line, 1 to 14 the respondent fields, 15 the attributes
_FIELD_POS = {name: i + 1 for i, name in enumerate(RESPONDENT_FIELDS)}
_ADDRESS_POS = _FIELD_POS["address"]
_RECORD_WIDTH = len(RESPONDENT_FIELDS) + 2
_new_record = tuple.__new__  # a SampleRecord from its full list of values, half the cost of its constructor


@dataclass
class _Plan:
    headers: list[str]
    texts: list[tuple[int, int]]  # record position, column: free text, kept as written
    checked: list[tuple[int, int, str, Callable[[str], object]]]  # record position, column, header, converter
    address: list[int]
    attributes: list[tuple[str, int]]
    id_index: int


def _cell(cells: list[str], index: int) -> str:
    return cells[index].strip() if index < len(cells) else ""


def _column_names(raw: list[str]) -> list[str]:
    return [h if h else f"colonne {i + 1}" for i, h in enumerate(raw)]


def _header_problems(headers: list[str], mapping: SampleMapping) -> tuple[list[SampleProblem], list[SampleProblem]]:
    """(NIR problems, other problems) of the header line."""
    nir, other = [], []
    for name in headers:
        if header_names_nir(name) or find_nir(name):
            nir.append(SampleProblem(None, name, "en-tête désignant un numéro de sécurité sociale (NIR) : retirez "
                                                 "la colonne, ou renommez-la si elle porte autre chose (« code INSEE "
                                                 "commune » par exemple)"))
    seen: set[str] = set()
    for name in headers:
        if name in seen:
            other.append(SampleProblem(None, name, "nom de colonne en double"))
        seen.add(name)
    for name, target in mapping.columns.items():
        if target != "ignore" and name not in seen:
            other.append(SampleProblem(None, name, f"colonne absente du fichier (prévue pour « {FIELD_LABELS[target]} »)"))
    return nir, other


def _plan(headers: list[str], mapping: SampleMapping) -> _Plan:
    texts, checked, address, attributes = [], [], [], []
    for i, name in enumerate(headers):
        target = mapping.columns.get(name, "attribute")
        if target == "address":
            address.append(i)
        elif target == "attribute":
            attributes.append((name, i))
        elif target in FREE_TEXT_FIELDS:
            texts.append((_FIELD_POS[target], i))
        elif target != "ignore":
            checked.append((_FIELD_POS[target], i, name, CONVERTERS[target]))
    id_column = mapping.columns_for("sample_id")[0]
    id_index = headers.index(id_column) if id_column in headers else len(headers)
    return _Plan(headers, texts, checked, address, attributes, id_index)


# A cell a spreadsheet could run starts, once stripped, with one of core.formula_cells' triggers:
# one search over the joined record finds the rows worth checking cell by cell (most have none).
_FORMULA_FIRST = frozenset(t for t in TRIGGERS if not t.isspace())  # what a stripped formula starts with
_MAYBE_FORMULA = re.compile(r"(?:^|\n)\s*[=+\-@\uff1d\uff0b\uff0d\uff20]")


def _nir_cells(line: int, joined: str, cells: list[str], headers: list[str]) -> list[SampleProblem]:
    """The cells of a record that hold a NIR, scanned in one pass over the joined record."""
    spans = find_nir(joined)
    if not spans:
        return []
    starts, offset = [], 0
    for cell in cells:
        starts.append(offset)
        offset += len(cell) + 1
    columns = sorted({bisect.bisect_right(starts, start) - 1 for start, _ in spans})
    return [SampleProblem(line, headers[i] if i < len(headers) else f"colonne {i + 1}",
                          "numéro de sécurité sociale (NIR)") for i in columns]


def _build(line: int, cells: list[str], plan: _Plan) -> tuple[SampleRecord | None, list[SampleProblem]]:
    """The record of one row, or None and its problems (column count, field rules)."""
    width = len(plan.headers)
    if len(cells) != width:
        if len(cells) < width or any(c.strip() for c in cells[width:]):
            return None, [SampleProblem(line, None, f"{_n(len(cells), 'colonne')} au lieu de {width}")]
        cells = cells[:width]
    cells = list(map(str.strip, cells))  # every rule reads the stripped text: each cell stripped once
    problems: list[SampleProblem] = []
    if max(map(len, cells)) > TEXT_MAX:
        problems += [SampleProblem(line, plan.headers[i], f"texte trop long ({TEXT_MAX} caractères au plus)")
                     for i, cell in enumerate(cells) if len(cell) > TEXT_MAX]
    row: list[object] = [None] * _RECORD_WIDTH  # line, the respondent fields, attributes
    for position, i in plan.texts:
        row[position] = cells[i] or None
    for position, i, header, convert in plan.checked:
        try:
            row[position] = convert(cells[i])
        except InvalidValue as exc:
            problems.append(SampleProblem(line, header, str(exc)))
    if problems:
        return None, problems
    if plan.address:
        row[_ADDRESS_POS] = ", ".join(p for p in (cells[i] for i in plan.address) if p) or None
    row[0] = line
    row[-1] = {name: value for name, i in plan.attributes if (value := cells[i])}
    return _new_record(SampleRecord, row), problems


class SampleImport:
    """One sample file on its way into a study: iterate `records()`, then ask `refusal()`."""

    def __init__(self, path: Path | str, mapping: SampleMapping | None = None, *, partial: bool = False,
                 existing_ids: Collection[str] = frozenset(),
                 is_suppressed: Callable[[SampleRecord], bool] | None = None,
                 progress: Progress | None = None) -> None:
        self.path = Path(path)
        self.partial = partial
        self._existing = existing_ids
        self._is_suppressed = is_suppressed
        self._progress = progress
        with open_table(self.path) as table:
            self.headers = _column_names(table.headers)
        self.mapping = mapping if mapping is not None else guess_mapping(self.headers)
        self.scan_result: SampleScan | None = None

    def check(self) -> SampleScan:
        """Every check, nothing yielded to anyone (a dry run)."""
        for _record in self.records():
            pass
        assert self.scan_result is not None
        return self.scan_result

    def refusal(self) -> SampleRefused | None:
        """After `records()` was exhausted: the refusal to raise, or None when the import stands."""
        if self.scan_result is None:
            raise RuntimeError("records() must be consumed before refusal()")
        return self.scan_result.refusal(self.partial)

    def records(self) -> Iterator[SampleRecord]:
        """The records to store, while the file stays importable; the report fills as it goes."""
        self.mapping.require_sample_id()
        nir, other = _header_problems(self.headers, self.mapping)
        scan = SampleScan(self.headers, self.mapping, nir_problems=nir, nir_count=len(nir))
        self.scan_result = scan
        for problem in other:
            self._add(scan, problem)
        plan = _plan(self.headers, self.mapping)
        id_column = self.mapping.columns_for("sample_id")[0]
        first_line: dict[str, int] = {}
        header_broken = bool(other)
        with open_table(self.path) as table:
            for line, cells in table.records():
                scan.total_rows += 1
                if header_broken:  # refused anyway: only the NIR guard still looks at the rows
                    self._add_nir(scan, _nir_cells(line, "\n".join(cells), cells, self.headers))
                    continue
                record = self._check_row(scan, plan, line, cells, id_column, first_line)
                if record is not None and not self._stopped(scan):
                    yield record
                if self._progress and scan.total_rows % _PROGRESS_EVERY == 0:
                    self._progress(scan.total_rows, table.fraction_read(line))
        self._finish(scan, id_column, first_line)

    def _stopped(self, scan: SampleScan) -> bool:
        return bool(scan.nir_problems) or (not self.partial and scan.problem_count > 0)

    def _check_row(self, scan: SampleScan, plan: _Plan, line: int, cells: list[str], id_column: str,
                   first_line: dict[str, int]) -> SampleRecord | None:
        joined = "\n".join(cells)
        nir = _nir_cells(line, joined, cells, self.headers)
        if nir:
            self._add_nir(scan, nir)
            scan.rejected_lines.add(line)
            return None
        stripped = [cell.strip() for cell in cells] if _MAYBE_FORMULA.search(joined) else None
        if stripped is not None and any(is_formula(cell) for cell in stripped if cell[:1] in _FORMULA_FIRST):
            cells = [neutralise(cell) for cell in stripped]  # kept as inert text
            scan.neutralised += sum(1 for before, after in zip(stripped, cells) if before is not after)
        record, problems = _build(line, cells, plan)
        if record is not None and self._is_suppressed is not None and self._is_suppressed(record):
            scan.suppressed += 1
            return None
        sample_id = record.sample_id if record is not None else _cell(cells, plan.id_index)
        if sample_id in first_line:
            scan.duplicate_ids.add(sample_id)
            problems.append(SampleProblem(line, id_column, f"identifiant en double (déjà ligne {first_line[sample_id]})"))
        elif sample_id:
            first_line[sample_id] = line
            if sample_id in self._existing:
                problems.append(SampleProblem(line, id_column, "identifiant déjà importé dans cette étude"))
        for problem in problems:
            self._add(scan, problem)
        return record if not problems else None

    def _finish(self, scan: SampleScan, id_column: str, first_line: dict[str, int]) -> None:
        """Flag the first occurrence of every duplicated id too (the caller removes it if stored)."""
        for sample_id in sorted(scan.duplicate_ids):
            line = first_line[sample_id]
            if line not in scan.rejected_lines:
                self._add(scan, SampleProblem(line, id_column, "identifiant en double (présent sur plusieurs lignes)"))
        scan.problems.sort(key=lambda p: p.line or 0)
        scan.valid_rows = scan.total_rows - scan.rejected_rows - scan.suppressed

    @staticmethod
    def _add_nir(scan: SampleScan, problems: list[SampleProblem]) -> None:
        scan.nir_count += len(problems)
        if len(scan.nir_problems) < _KEPT_PROBLEMS:
            scan.nir_problems.extend(problems)

    @staticmethod
    def _add(scan: SampleScan, problem: SampleProblem) -> None:
        scan.problem_count += 1
        if problem.line is not None:
            scan.rejected_lines.add(problem.line)
        if len(scan.problems) < _KEPT_PROBLEMS:
            scan.problems.append(problem)
