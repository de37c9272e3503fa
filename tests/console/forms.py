"""Study files for the console tests: a good XLSForm (one version per call), a bad one."""

from __future__ import annotations

from pathlib import Path

from etudes_desktop.core.study import MANDATORY_MENTION
from etudes_desktop.core.xlsform_writer import write_xlsform

STUDY = "sat-2026"
TITLE = "Satisfaction des assurés 2026"


def notice_text(version: str) -> str:
    return f"Étude de satisfaction (notice {version}).\n{MANDATORY_MENTION}."


def good_form(folder: Path, version: str = "1", *, notice_version: str | None = None, extra_question: bool = False,
              study: str = STUDY, name: str | None = None, attributes: str | None = None) -> Path:
    """A valid XLSForm of `study`, version `version`; its notice changes with notice_version."""
    survey = [
        {"type": "select_one oui_non", "name": "satisfait", "label": "Êtes-vous satisfait ?", "required": "yes"},
        {"type": "integer", "name": "note", "label": "Votre note (0 à 10)", "constraint": ". >= 0 and . <= 10"},
        {"type": "text", "name": "commentaire", "label": "Un commentaire ?"},
    ]
    if extra_question:
        survey.append({"type": "integer", "name": "delai", "label": "Délai de remboursement (jours)"})
    settings = {"form_id": study, "form_title": TITLE, "version": version}
    if notice_version:
        settings.update(notice_version=notice_version, notice=notice_text(notice_version))
    if attributes is not None:
        settings["analysis_attributes"] = attributes
    return write_xlsform(folder / (name or f"{study}-v{version}.xlsx"), survey,
                         [{"list_name": "oui_non", "name": "oui", "label": "Oui"},
                          {"list_name": "oui_non", "name": "non", "label": "Non"}], settings)


def bad_form(folder: Path) -> Path:
    """Three located problems: an unsupported type (row 3, audio), a broken expression (row 4), another type (row 5)."""
    return write_xlsform(folder / "mauvais.xlsx", [
        {"type": "integer", "name": "age", "label": "Âge"},
        {"type": "audio", "name": "voix", "label": "Enregistrement"},
        {"type": "text", "name": "pourquoi", "label": "Pourquoi ?", "relevant": "${age} >"},
        {"type": "image", "name": "photo", "label": "Photo"},
    ], settings={"form_id": STUDY, "version": "9"})
