"""Read a study package: an XLSForm alone (its `settings` sheet may carry the rest) or JSON.

An XLSForm alone is a valid package: defaults apply (notice, commitment, modes, retention),
the study id is the form's `form_id` or else the file name without extension. Settings columns:
`form_id`, `form_title`, `version`, `sponsor`, `modes`, `notice_id`, `notice_version`,
`notice` (French text), `notice_en`, `commitment`, `commitment_version`, `delivery_date`,
`retention_months`, `analysis_attributes`, `special_answers`, `auto_advance`, `results_by`
(attributes the insurer's results are crossed by), `nps` (0-10 questions scored as a Net
Promoter Score), the focus groups' `group_themes` (separated by « ; ») and `group_questions`
(questions asked by a show of hands), and the calling rules' columns (core.calls.rules.SETTINGS_COLUMNS:
`calling_windows`, `max_attempts`...).
"""

from __future__ import annotations

import datetime as _dt
import json
import re
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from etudes_desktop.core.calls.rules import SETTINGS_FIELDS, CallingRules, rules_from_settings
from etudes_desktop.core.form_problems import FormError, FormProblem
from etudes_desktop.core.group.guide import GroupGuide, parse_questions, parse_themes
from etudes_desktop.core.interview import Mode
from etudes_desktop.core.study import (
    MISSING_MENTION,
    STUDY_ID_PATTERN,
    Commitment,
    Notice,
    Retention,
    StudyPackage,
    check_attribute,
    contains_mandatory_mention,
)
from etudes_desktop.core.xlsform import LoadedForm, load_xlsform

_MODE_ALIASES = {
    "face_to_face": Mode.FACE_TO_FACE, "face-to-face": Mode.FACE_TO_FACE, "face_a_face": Mode.FACE_TO_FACE,
    "phone": Mode.PHONE, "telephone": Mode.PHONE, "téléphone": Mode.PHONE,
    "paper": Mode.PAPER, "papier": Mode.PAPER,
    "group": Mode.GROUP, "groupe": Mode.GROUP,
    "internet": Mode.INTERNET, "web": Mode.INTERNET,
}
_NOTICE_FR = ("notice", "notice_fr", "notice_text", "notice_text_fr", "notice::français (fr)", "notice::fr")
_NOTICE_EN = ("notice_en", "notice_text_en", "notice::english (en)", "notice::en")


def load_package(path: str | Path) -> StudyPackage:
    """A checked study package from an .xlsx/.xls XLSForm or a .json package; FormError if not."""
    source = Path(path)
    if not source.is_file():
        raise FormError([FormProblem("fichier", None, None, f"fichier introuvable : {source.name}")])
    if source.suffix.lower() == ".json":
        package = package_from_json(source)
    else:
        package = package_from_form(load_xlsform(source), source.stem)
    refuse_nir_in_package(package)
    return package


def refuse_nir_in_package(package: StudyPackage) -> None:
    """No study file may carry a NIR: labels, hints, choices, defaults, notice, commitment."""
    from etudes_desktop.core.nir import NIR_REFUSED_MESSAGE, contains_nir

    problems = []
    for item in package.questionnaire.walk():
        texts = [*item.label.values(), *item.hint.values(), *item.required_message.values(),
                 *item.constraint_message.values(), item.default or "", item.calculation or ""]
        if any(contains_nir(text) for text in texts if text):
            problems.append(FormProblem("survey", item.row, item.name, NIR_REFUSED_MESSAGE))
    for list_name, choices in package.questionnaire.choices.items():
        for choice in choices:
            if any(contains_nir(t) for t in (choice.name, *choice.label.values(), *choice.extra.values())):
                problems.append(FormProblem("choices", None, list_name, NIR_REFUSED_MESSAGE))
    rest = [package.title, package.notice.text_fr, package.notice.text_en or "", package.commitment.text]
    if any(contains_nir(text) for text in rest if text):
        problems.append(FormProblem("settings", None, None, NIR_REFUSED_MESSAGE))
    if problems:
        raise FormError(problems)


def _split(text: str) -> list[str]:
    return [part for part in re.split(r"[\s,;]+", text.strip()) if part]


def _pick(settings: dict[str, str], keys: tuple[str, ...]) -> tuple[str | None, str | None]:
    for key in keys:
        if settings.get(key, "").strip():
            return key, settings[key]
    return None, None


def package_from_form(loaded: LoadedForm, file_stem: str) -> StudyPackage:
    """The package of an XLSForm alone: settings columns, else the defaults."""
    settings, row = loaded.settings, loaded.settings_row
    problems: list[FormProblem] = []
    fields: dict[str, Any] = {"questionnaire": loaded.questionnaire}
    fields["id"] = settings.get("form_id", "").strip() or file_stem
    fields["title"] = settings.get("form_title", "").strip() or loaded.questionnaire.title or fields["id"]
    fields["version"] = settings.get("version", "").strip() or "1"
    if settings.get("sponsor", "").strip():
        fields["sponsor"] = settings["sponsor"].strip()
    if settings.get("modes", "").strip():
        modes = []
        for word in _split(settings["modes"]):
            mode = _MODE_ALIASES.get(word.lower())
            if mode is None:
                problems.append(FormProblem("settings", row, "modes", f"mode inconnu « {word} » (face_to_face, phone, paper, group, internet)"))
            else:
                modes.append(mode)
        fields["modes"] = modes
    notice = _notice(settings, row, problems)
    if notice is not None:
        fields["notice"] = notice
    if settings.get("commitment", "").strip():
        fields["commitment"] = Commitment(text=settings["commitment"].strip(), version=settings.get("commitment_version", "1").strip() or "1")
    if settings.get("delivery_date", "").strip():
        try:
            fields["delivery_date"] = _dt.date.fromisoformat(settings["delivery_date"].strip()[:10])
        except ValueError:
            problems.append(FormProblem("settings", row, "delivery_date", "date de livraison attendue au format AAAA-MM-JJ"))
    if settings.get("retention_months", "").strip():
        months = settings["retention_months"].strip()
        if not re.fullmatch(r"\d+(\.0+)?", months) or not 0 <= float(months) <= 6:
            problems.append(FormProblem("settings", row, "retention_months", "durée de conservation : un nombre de mois entre 0 et 6 (registre : au plus 6 mois après la livraison)"))
        else:
            fields["retention"] = Retention(months_after_delivery=int(float(months)))
    if settings.get("analysis_attributes", "").strip():
        names = _split(settings["analysis_attributes"])
        for name in names:
            reason = check_attribute(name)
            if reason:
                problems.append(FormProblem("settings", row, "analysis_attributes", reason))
        fields["analysis_attributes"] = names
    for flag in ("special_answers", "auto_advance"):  # yes/no columns of the settings sheet
        word = settings.get(flag, "").strip().lower()
        if word in _YES:
            fields[flag] = True
        elif word and word not in _NO:
            problems.append(FormProblem("settings", row, flag, "valeur attendue : yes ou no (oui ou non)"))
    for key in ("results_by", "nps"):
        if settings.get(key, "").strip():
            fields[key] = _split(settings[key])
    if settings.get("group_themes", "").strip() or settings.get("group_questions", "").strip():
        try:
            fields["group"] = GroupGuide(themes=parse_themes(settings.get("group_themes", "")),
                                         questions=parse_questions(settings.get("group_questions", "")))
        except ValidationError as exc:
            problems.append(FormProblem("settings", row, "group_themes", str(exc.errors()[0]["msg"]).removeprefix("Value error, ")))
    calling = _calling_rules(settings, row, problems)
    if calling is not None:
        fields["calling"] = calling
    if not re.fullmatch(STUDY_ID_PATTERN, fields["id"]):
        problems.append(FormProblem("settings", row, "form_id", "identifiant d'étude : lettres, chiffres, espaces, « _ », « - » ou « . » (64 au plus)"))
    if problems:
        raise FormError(problems)
    return _validated(fields, "settings", row)


_YES = {"yes", "true", "oui", "vrai", "1"}
_NO = {"no", "false", "non", "faux", "0"}


def _calling_rules(settings: dict[str, str], row: int, problems: list[FormProblem]) -> CallingRules | None:
    """The phone scheduler's rules from their settings columns (None: the defaults)."""
    fields, bad = rules_from_settings(settings)
    problems.extend(FormProblem("settings", row, column, text) for column, text in bad)
    if bad or not fields:
        return None
    try:
        return CallingRules(**fields)
    except ValidationError as exc:
        for error in exc.errors():
            name = str(error.get("loc", ("",))[0])
            column = next((c for c, f in SETTINGS_FIELDS.items() if f == name), "calling_windows")
            problems.append(FormProblem("settings", row, column,
                                        str(error.get("msg", "valeur invalide")).removeprefix("Value error, ")))
        return None


def _notice(settings: dict[str, str], row: int, problems: list[FormProblem]) -> Notice | None:
    column, text_fr = _pick(settings, _NOTICE_FR)
    _, text_en = _pick(settings, _NOTICE_EN)
    if text_fr is None:
        if text_en is not None:
            problems.append(FormProblem("settings", row, "notice", "la notice en anglais ne suffit pas : le texte français est obligatoire"))
        return None
    if not contains_mandatory_mention(text_fr):
        problems.append(FormProblem("settings", row, column, MISSING_MENTION))
        return None
    extra: dict[str, str] = {}
    for key, name in (("notice_id", "id"), ("notice_version", "version")):
        if settings.get(key, "").strip():
            extra[name] = settings[key].strip()
    return Notice(text_fr=text_fr.strip(), text_en=(text_en or "").strip() or None, **extra)


def _validated(fields: dict[str, Any], sheet: str, row: int | None) -> StudyPackage:
    try:
        return StudyPackage(**fields)
    except ValidationError as exc:
        raise FormError([_problem(err, sheet, row) for err in exc.errors()]) from exc


def _problem(error: Any, sheet: str, row: int | None) -> FormProblem:
    location = ".".join(str(part) for part in error.get("loc", ()))
    message = str(error.get("msg", "valeur invalide")).removeprefix("Value error, ")
    return FormProblem(sheet, row, location or None, message)


def package_from_json(path: Path) -> StudyPackage:
    """A JSON package; `form` may name an XLSForm beside it instead of an inline questionnaire."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise FormError([FormProblem(path.name, getattr(exc, "lineno", None), None, "JSON illisible")]) from exc
    if not isinstance(data, dict):
        raise FormError([FormProblem(path.name, None, None, "un objet JSON est attendu")])
    form = data.pop("form", None)
    if form is not None:
        form_path = (path.parent / str(form)).resolve()
        data["questionnaire"] = load_xlsform(form_path).questionnaire
        data.setdefault("id", data["questionnaire"].form_id)
        data.setdefault("title", data["questionnaire"].title)
    package = _validated(data, path.name, None)
    if form is None:
        from etudes_desktop.core.session.graph import check_questionnaire

        problems = check_questionnaire(package.questionnaire)
        if problems:
            raise FormError(problems)
    return package


def package_from_stored(package_json: str) -> StudyPackage:
    """A package as the vault stores it (already checked at import)."""
    return StudyPackage.model_validate_json(package_json)
