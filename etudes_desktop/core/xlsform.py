"""XLSForm import (.xlsx, .xls) through pyxform's own workbook parsing, the reference reader.

pyxform reads the sheets (`xls2json_backends`), checks and normalises them (`xls2json`) and
builds its survey (`builder`); we then turn its JSON into our `Questionnaire`, refusing the
types the product does not support and checking every expression. Every problem is reported
as `sheet, row N, column C: what is wrong`.
"""

from __future__ import annotations

import logging
import re
import warnings
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from etudes_desktop.core.form_problems import FormError, FormProblem
from etudes_desktop.core.questionnaire import Questionnaire
from etudes_desktop.core.xlsform_convert import convert_survey

log = logging.getLogger(__name__)

_ROW_RE = re.compile(r"\[row\s*:\s*(\d+)\]")
_SHEET_RE = re.compile(r"On the '([^']+)' sheet")
_COLUMN_RE = re.compile(r"the '([^']+)' value")
_DUP_HEADER_RE = re.compile(r"Duplicate column header: (.+)")

# pyxform messages worth saying in French; others are kept as pyxform wrote them.
_TRANSLATIONS = (
    (re.compile(r"Missing calculation", re.I), "calculation", "un calcul (calculate) doit avoir une formule"),
    (re.compile(r"Question or group with no name", re.I), "name", "question ou groupe sans nom"),
    (re.compile(r"section has not been included", re.I), "type", "les formulaires inclus (include) ne sont pas pris en charge"),
    (re.compile(r"Unmatched '(begin_\w+)'\. No matching '(end_\w+)' was found for the name '([^']*)'", re.I), "type",
     "{0} « {2} » sans {1} correspondant"),
    (re.compile(r"Unmatched '(end_\w+)'", re.I), "type", "{0} sans début correspondant"),
    (re.compile(r"Unmatched end statement", re.I), "type", "fin de groupe ou de répétition sans début correspondant"),
    (re.compile(r"Unmatched begin statement", re.I), "type", "groupe ou répétition jamais fermé"),
    (re.compile(r"the 'name' value '([^']*)' is invalid\. Questions, groups, and repeats must be unique", re.I), "name",
     "nom en double : {0} (les noms doivent être uniques dans leur groupe)"),
    (re.compile(r"List name not in choices sheet", re.I), "type", "liste de choix introuvable dans la feuille choices"),
    (re.compile(r"Could not find the name '([^']*)'", re.I), None, "${{{0}}} ne désigne aucune question du formulaire"),
    (re.compile(r"Duplicate names? (?:found )?.*?'([^']*)'", re.I), "name", "nom en double : {0}"),
)


@dataclass
class LoadedForm:
    """A form read and checked: the questionnaire and the raw `settings` row."""

    questionnaire: Questionnaire
    settings: dict[str, str] = field(default_factory=dict)
    settings_row: int = 2
    warnings: list[str] = field(default_factory=list)


def load_xlsform(source: str | Path | bytes, *, file_name: str | None = None) -> LoadedForm:
    """Read, check and convert an XLSForm; raise FormError listing every problem."""
    try:
        return _load(source, file_name)
    except FormError:
        raise
    except Exception as exc:  # noqa: BLE001 - a form must never crash the importer
        log.warning("xlsform import failed: %s", type(exc).__name__)
        raise FormError([FormProblem("classeur", None, None, f"formulaire illisible ({type(exc).__name__})")]) from exc


def _load(source: str | Path | bytes, file_name: str | None) -> LoadedForm:
    from pyxform.errors import PyXFormError
    from pyxform.xls2json import workbook_to_json
    from pyxform.xls2json_backends import get_xlsform

    if isinstance(source, Path):
        source = str(source)
    if isinstance(source, str) and not Path(source).is_file():
        raise FormError([FormProblem("classeur", None, None, f"fichier introuvable : {Path(source).name}")])
    from etudes_desktop.core.bounded_files import check_form_file
    from etudes_desktop.core.errors import EtudesError

    try:  # size, zip bomb, declared dimensions, then rows, columns, cells and time while streaming
        check_form_file(source if not isinstance(source, str) else Path(source), name="formulaire")
    except EtudesError as exc:
        raise FormError([FormProblem("classeur", None, None, exc.message)]) from None
    try:
        with warnings.catch_warnings():  # openpyxl's notes on unknown Excel extensions: noise here
            warnings.simplefilter("ignore")
            workbook = get_xlsform(source)
    except PyXFormError as exc:
        if "not recognized as a supported type" in str(exc):  # neither a zip nor an Excel 97 file
            raise FormError([FormProblem("classeur", None, None, "classeur illisible : ce fichier n'est pas un "
                                         "classeur Excel (.xlsx ou .xls)")]) from None
        raise FormError([_problem_from_pyxform(str(exc), source)]) from exc
    fallback = workbook.fallback_form_name or (Path(file_name).stem if file_name else "formulaire")
    notes: list[str] = []
    try:
        form_json = workbook_to_json(
            workbook_dict=workbook, fallback_form_name=fallback, warnings=notes
        )
    except PyXFormError as exc:
        raise FormError([_problem_from_pyxform(str(exc), source)]) from exc
    settings = _settings_row(workbook.settings)
    questionnaire, problems = convert_survey(
        form_json, workbook.survey or [], settings, getattr(workbook, "external_choices", None) or []
    )
    try:
        _build_survey(form_json)  # last: pyxform's builder may consume the dict it is given
    except PyXFormError as exc:
        raise FormError([_problem_from_pyxform(str(exc), source)]) from exc
    from etudes_desktop.core.session.graph import check_questionnaire

    checked = check_questionnaire(questionnaire)
    if problems:  # items were left out: only syntax errors are worth adding, not their echoes
        checked = [p for p in checked if p.syntax]
    problems = sorted(problems + checked, key=lambda p: (p.sheet, p.row or 0))
    if problems:
        raise FormError(problems)
    return LoadedForm(questionnaire=questionnaire, settings=settings, warnings=notes)


def _build_survey(form_json: dict[str, Any]) -> None:
    """Let pyxform's builder run its own checks on the survey it parsed."""
    from pyxform.builder import create_survey_element_from_dict

    create_survey_element_from_dict(form_json)


def _settings_row(rows: Any) -> dict[str, str]:
    """The first row of the settings sheet, keys lower-cased."""
    if not rows:
        return {}
    first = rows[0] or {}
    return {str(k).strip().lower(): str(v) for k, v in first.items() if v is not None}


def _problem_from_pyxform(message: str, source: Any) -> FormProblem:
    """Turn a pyxform message into `sheet, row N, column C: what is wrong`."""
    message = " ".join(message.split())
    dup = _DUP_HEADER_RE.search(message)
    if dup:
        header = dup.group(1).strip()
        return FormProblem(_sheet_with_duplicate(source, header), 1, header, "en-tête de colonne en double")
    row_match = _ROW_RE.search(message)
    row = int(row_match.group(1)) if row_match else None
    sheet_match = _SHEET_RE.search(message)
    sheet = sheet_match.group(1) if sheet_match else "survey"
    if "There should be a choices sheet" in message:
        return FormProblem("choices", None, None, "la feuille choices manque (colonnes list_name, name et label obligatoires)")
    column_match = _COLUMN_RE.search(message)
    column = column_match.group(1) if column_match else None
    text = _ROW_RE.sub("", message).strip()
    for pattern, col, french in _TRANSLATIONS:
        found = pattern.search(text)
        if found:
            return FormProblem(sheet, row, column or col, french.format(*found.groups()))
    same = re.search(r"same column were found: (.+?)\. Rename", text)
    if same:
        return FormProblem(sheet, 1, None, f"plusieurs colonnes désignent la même chose ({same.group(1)}) : renommez ou supprimez l'une d'elles")
    if "Invalid headers" in text or "header" in text.lower():
        return FormProblem(sheet, 1, column, f"en-têtes invalides : {text}")
    return FormProblem(sheet, row, column, text)


def _sheet_with_duplicate(source: Any, header: str) -> str:
    """Which sheet has `header` twice in its first row (best effort)."""
    try:
        for sheet, headers in _first_rows(source).items():
            if sum(1 for h in headers if h == header) > 1:
                return sheet
    except Exception:  # noqa: BLE001 - only used to locate a message
        pass
    return "survey"


def _first_rows(source: Any) -> dict[str, list[str]]:
    import io

    data = Path(source).read_bytes() if isinstance(source, str) else bytes(source)
    if data[:2] == b"PK":
        import openpyxl

        book = openpyxl.load_workbook(io.BytesIO(data), read_only=True)
        try:
            return {
                ws.title: [str(c.value).strip() for c in next(ws.iter_rows(max_row=1)) if c.value is not None]
                for ws in book.worksheets
            }
        finally:
            book.close()
    import xlrd

    book = xlrd.open_workbook(file_contents=data)
    return {s.name: [str(v).strip() for v in s.row_values(0) if v not in (None, "")] for s in book.sheets()}
