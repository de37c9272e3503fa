"""Sample import, the pure part: read, map, validate, guard against NIRs. No Qt, no SQL.

Two streamed passes over the file. `SampleImport.scan()` checks every row (NIR guard on every
cell and header, field rules, duplicate ids, people on the suppression list) keeping only ids,
counts and problems; `SampleImport.records()` reads the file again and yields the records to
store. Nothing personal is held for the whole file, and nothing is yielded from a refused one.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from collections.abc import Callable, Collection, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from etudes_desktop.core.errors import EtudesError
from etudes_desktop.core.nir import find_nir, header_names_nir
from etudes_desktop.core.sample_files import open_table
from etudes_desktop.core.sample_mapping import (
    FIELD_LABELS,
    RESPONDENT_FIELDS,
    SampleMapping,
    guess_mapping,
    parse_mapping,
)

__all__ = [
    "RESPONDENT_FIELDS", "SampleImport", "SampleMapping", "SampleProblem", "SampleRecord", "SampleRefused",
    "SampleScan", "guess_mapping", "normalise_email", "normalise_phone", "parse_mapping",
]

MAX_LISTED_PROBLEMS = 20
_KEPT_PROBLEMS = 1000
_PROGRESS_EVERY = 1000
_EMAIL_RE = re.compile(r"^[^@\s;,]+@[^@\s;,]+\.[^@\s;,.]{2,}$")
_PHONE_NOISE = re.compile(r"[\s.\-/()\u00a0\u202f]")
_SEXES = {"m": "M", "h": "M", "homme": "M", "masculin": "M", "1": "M", "f": "F", "femme": "F",
          "feminin": "F", "féminin": "F", "2": "F"}
_DATE_FORMATS = ("%d/%m/%Y", "%Y-%m-%d", "%d-%m-%Y", "%d.%m.%Y", "%Y/%m/%d", "%d/%m/%y")
_TEXT_LIMIT = 500

Progress = Callable[[str, int], None]


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


@dataclass(slots=True)
class SampleRecord:
    """One respondent ready to store (normalised values; attributes keyed by header)."""

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
    attributes: dict[str, str] = field(default_factory=dict)


@dataclass
class SampleScan:
    """What the first pass found: counts and problems, no personal data except sample ids."""

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

    @property
    def refused_for_nir(self) -> bool:
        return bool(self.nir_problems)

    @property
    def rejected_rows(self) -> int:
        return len(self.rejected_lines)

    def refusal(self, partial: bool) -> "SampleRefused | None":
        """The refusal to raise, if this file may not be imported in this mode."""
        if self.nir_problems:
            return SampleRefused(_nir_message(self.nir_problems), self.nir_problems, nir=True)
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
        lines.append(f"  … et {total - MAX_LISTED_PROBLEMS} autre(s)")
    return "\n".join(lines)


def _nir_message(problems: list[SampleProblem]) -> str:
    head = ("fichier refusé : il contient un numéro de sécurité sociale (NIR), interdit dans les fichiers "
            "d'échantillon ; rien n'a été importé. Retirez ces données puis recommencez :")
    return head + "\n" + _listing(problems, len(problems))


def _problems_message(scan: SampleScan, shown: list[SampleProblem]) -> str:
    count = len(shown) if shown and shown[0].line is None else scan.problem_count
    head = (f"fichier refusé : {count} problème(s) sur {scan.rejected_rows} ligne(s), rien n'a été importé "
            "(l'option d'import partiel importe les lignes valides) :")
    if shown and shown[0].line is None:
        head = f"fichier refusé : {count} problème(s) dans l'en-tête, rien n'a été importé :"
    return head + "\n" + _listing(shown, count)


# -- normalisation of values ------------------------------------------------------------------

def normalise_phone(raw: str) -> str | None:
    """'0612345678' for a French number (spaces, dots, +33, 0033, (0) accepted), '+…' for a
    foreign one, '' for an empty cell, None when it is not a phone number."""
    text = raw.strip().replace("(0)", "")
    if not text:
        return ""
    digits = _PHONE_NOISE.sub("", text)
    international = digits.startswith("+") or digits.startswith("00")
    digits = digits[1:] if digits.startswith("+") else digits[2:] if digits.startswith("00") else digits
    if not digits.isdigit():
        return None
    if international:
        if digits.startswith("33"):
            national = "0" + digits[2:]
            return national if len(national) == 10 and national[1] != "0" else None
        return "+" + digits if 8 <= len(digits) <= 15 else None
    if len(digits) == 9 and digits[0] != "0":  # a spreadsheet dropped the leading zero
        digits = "0" + digits
    return digits if len(digits) == 10 and digits[0] == "0" and digits[1] != "0" else None


def normalise_email(raw: str) -> str | None:
    """Lower-cased address, '' for an empty cell, None when it is not an e-mail address."""
    text = raw.strip().lower()
    if not text:
        return ""
    return text if _EMAIL_RE.match(text) else None


def _parse_date(raw: str) -> dt.date | None:
    text = raw.strip().split(" ")[0].split("T")[0]
    for fmt in _DATE_FORMATS:
        try:
            return dt.datetime.strptime(text, fmt).date()
        except ValueError:
            continue
    return None


# -- the row plan: column indices per field, built once per file ------------------------------

@dataclass
class _Plan:
    headers: list[str]
    single: list[tuple[str, int]]
    address: list[int]
    attributes: list[tuple[str, int]]


def _column_names(raw: list[str]) -> list[str]:
    return [h if h else f"colonne {i + 1}" for i, h in enumerate(raw)]


def _header_problems(headers: list[str], mapping: SampleMapping) -> tuple[list[SampleProblem], list[SampleProblem]]:
    """(NIR problems, other problems) of the header line."""
    nir, other = [], []
    for name in headers:
        if header_names_nir(name) or find_nir(name):
            nir.append(SampleProblem(None, name, "cette colonne porte un numéro de sécurité sociale (NIR)"))
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
    index = {name: i for i, name in enumerate(headers)}
    single, address, attributes = [], [], []
    for name in headers:
        target = mapping.columns.get(name, "attribute")
        i = index[name]
        if target == "address":
            address.append(i)
        elif target == "attribute":
            attributes.append((name, i))
        elif target != "ignore":
            single.append((target, i))
    return _Plan(headers, single, address, attributes)


def _nir_cells(line: int, cells: list[str], headers: list[str]) -> list[SampleProblem]:
    """The cells of a record that hold a NIR, scanned in one pass over the joined record."""
    joined = "\n".join(cells)
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


def _set_field(record: SampleRecord, target: str, value: str, line: int, column: str,
               problems: list[SampleProblem]) -> None:
    """Check and normalise one mapped value into the record."""
    def bad(message: str) -> None:
        problems.append(SampleProblem(line, column, message))

    if target == "sample_id":
        record.sample_id = value
        if not value:
            bad("identifiant vide")
        elif len(value) > 64:
            bad("identifiant trop long (64 caractères au plus)")
    elif target == "last_name":
        record.last_name = value
        if not value:
            bad("nom vide")
    elif target == "sex":
        record.sex = _SEXES.get(value.lower()) if value else None
        if value and record.sex is None:
            bad("sexe non reconnu (attendu : H/F, M/F ou 1/2)")
    elif target == "age":
        text = value.lower().removesuffix("ans").strip()
        if text and not text.isdigit():
            bad("âge non numérique")
        elif text and not 0 <= int(text) <= 120:
            bad("âge hors limites (0 à 120)")
        elif text:
            record.age = int(text)
    elif target == "birth_date":
        born = _parse_date(value) if value else None
        if value and (born is None or born.year < 1900 or born > dt.date.today()):
            bad("date de naissance invalide (JJ/MM/AAAA attendu)")
        elif born:
            record.birth_date = born.isoformat()
    elif target == "postcode":
        code = value.replace(" ", "")
        code = "0" + code if len(code) == 4 and code.isdigit() else code
        if value and not (len(code) == 5 and code.isdigit()):
            bad("code postal invalide (5 chiffres attendus)")
        elif value:
            record.postcode = code
    elif target in ("phone", "phone2"):
        phone = normalise_phone(value)
        if phone is None:
            bad("numéro de téléphone invalide")
        else:
            setattr(record, target, phone or None)
    elif target == "email":
        email = normalise_email(value)
        if email is None:
            bad("adresse e-mail invalide")
        else:
            record.email = email or None
    else:  # title, first_name, town, profession: free text
        setattr(record, target, value or None)
    if len(value) > _TEXT_LIMIT:
        bad(f"texte trop long ({_TEXT_LIMIT} caractères au plus)")


def _build(line: int, cells: list[str], plan: _Plan) -> tuple[SampleRecord, list[SampleProblem]]:
    """A record and the problems of one row (column count, field rules)."""
    problems: list[SampleProblem] = []
    width = len(plan.headers)
    if len(cells) > width and not any(c.strip() for c in cells[width:]):
        cells = cells[:width]
    record = SampleRecord(line, "")
    if len(cells) != width:
        problems.append(SampleProblem(line, None, f"{len(cells)} colonne(s) au lieu de {width}"))
        return record, problems
    for target, i in plan.single:
        _set_field(record, target, cells[i].strip(), line, plan.headers[i], problems)
    if plan.address:
        parts = [cells[i].strip() for i in plan.address]
        record.address = ", ".join(p for p in parts if p) or None
    record.attributes = {name: cells[i].strip() for name, i in plan.attributes if cells[i].strip()}
    return record, problems


class SampleImport:
    """One sample file on its way into a study: `scan()` first, then `records()`."""

    def __init__(self, path: Path | str, mapping: SampleMapping | None = None, *,
                 existing_ids: Collection[str] = frozenset(),
                 is_suppressed: Callable[[SampleRecord], bool] | None = None,
                 progress: Progress | None = None) -> None:
        self.path = Path(path)
        self._existing = existing_ids
        self._is_suppressed = is_suppressed or (lambda record: False)
        self._progress = progress
        with open_table(self.path) as table:
            self.headers = _column_names(table.headers)
        self.mapping = mapping if mapping is not None else guess_mapping(self.headers)
        self._scan: SampleScan | None = None

    def scan(self) -> SampleScan:
        """First pass: every check, nothing kept but ids, counts and problems."""
        self.mapping.require_sample_id()
        nir, other = _header_problems(self.headers, self.mapping)
        scan = SampleScan(self.headers, self.mapping, nir_problems=nir)
        for problem in other:
            self._add(scan, problem)
        first_line: dict[str, int] = {}
        plan = _plan(self.headers, self.mapping)
        with open_table(self.path) as table:
            for line, cells in table.records():
                scan.total_rows += 1
                self._scan_row(scan, plan, line, cells, first_line)
                if self._progress and scan.total_rows % _PROGRESS_EVERY == 0:
                    self._progress("vérification", scan.total_rows)
        self._add_duplicate_firsts(scan, first_line)
        scan.valid_rows = scan.total_rows - scan.rejected_rows - scan.suppressed
        self._scan = scan
        return scan

    def _scan_row(self, scan: SampleScan, plan: _Plan, line: int, cells: list[str], first_line: dict[str, int]) -> None:
        scan.nir_problems.extend(_nir_cells(line, cells, self.headers))
        record, problems = _build(line, cells, plan)
        if not problems and self._is_suppressed(record):
            scan.suppressed += 1
            return
        column = self.mapping.columns_for("sample_id")[0]
        if record.sample_id and record.sample_id in first_line:
            scan.duplicate_ids.add(record.sample_id)
            problems.append(SampleProblem(line, column, f"identifiant en double (déjà ligne {first_line[record.sample_id]})"))
        elif record.sample_id:
            first_line[record.sample_id] = line
            if record.sample_id in self._existing:
                problems.append(SampleProblem(line, column, "identifiant déjà importé dans cette étude"))
        for problem in problems:
            self._add(scan, problem)

    def _add_duplicate_firsts(self, scan: SampleScan, first_line: dict[str, int]) -> None:
        column = self.mapping.columns_for("sample_id")[0]
        for sample_id in scan.duplicate_ids:
            line = first_line[sample_id]
            if line not in scan.rejected_lines:
                self._add(scan, SampleProblem(line, column, "identifiant en double (présent sur plusieurs lignes)"))
        scan.problems.sort(key=lambda p: (p.line or 0))

    @staticmethod
    def _add(scan: SampleScan, problem: SampleProblem) -> None:
        scan.problem_count += 1
        if problem.line is not None:
            scan.rejected_lines.add(problem.line)
        if len(scan.problems) < _KEPT_PROBLEMS:
            scan.problems.append(problem)

    def records(self, partial: bool = False) -> Iterator[SampleRecord]:
        """Second pass: the records to store. Raises SampleRefused when the file may not go in."""
        scan = self._scan if self._scan is not None else self.scan()
        refusal = scan.refusal(partial)
        if refusal is not None:
            raise refusal
        plan = _plan(self.headers, self.mapping)
        done = 0
        with open_table(self.path) as table:
            for line, cells in table.records():
                done += 1
                if self._progress and done % _PROGRESS_EVERY == 0:
                    self._progress("import", done)
                if line in scan.rejected_lines:
                    continue
                record, problems = _build(line, cells, plan)
                if problems or record.sample_id in scan.duplicate_ids or self._is_suppressed(record):
                    continue
                yield record

