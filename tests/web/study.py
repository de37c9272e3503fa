"""The web questionnaire's test study: a filter, a constraint, a field-list page, a date."""

from __future__ import annotations

from pathlib import Path

from etudes_desktop.core.xlsform_writer import write_xlsform

STUDY = "web-2026"
TITLE = "Vos contacts avec l'Assurance Maladie"
SURVEY = [
    {"type": "select_one oui_non", "name": "satisfait", "label": "Êtes-vous satisfait(e) de votre caisse ?",
     "required": "yes"},
    {"type": "text", "name": "pourquoi", "label": "Pourquoi n'êtes-vous pas satisfait(e) ?",
     "relevant": "${satisfait} = 'non'"},
    {"type": "integer", "name": "note", "label": "Quelle note donnez-vous à votre caisse, de 0 à 10 ?",
     "hint": "0 : pas du tout satisfait(e) ; 10 : tout à fait satisfait(e).", "required": "yes",
     "constraint": ". >= 0 and . <= 10", "constraint_message": "La note va de 0 à 10."},
    {"type": "begin group", "name": "contacts", "label": "Vos contacts cette année", "appearance": "field-list"},
    {"type": "select_multiple canal", "name": "canaux", "label": "Par quels moyens l'avez-vous contactée ?",
     "required": "yes"},
    {"type": "integer", "name": "visites", "label": "Combien de fois êtes-vous allé(e) en agence ?",
     "relevant": "selected(${canaux}, 'agence')", "constraint": ". < 100",
     "constraint_message": "Moins de 100 visites, s'il vous plaît."},
    {"type": "end group", "name": "contacts"},
    {"type": "date", "name": "dernier", "label": "Date de votre dernier contact"},
]
CHOICES = [
    {"list_name": "oui_non", "name": "oui", "label": "Oui"},
    {"list_name": "oui_non", "name": "non", "label": "Non"},
    {"list_name": "canal", "name": "tel", "label": "Téléphone"},
    {"list_name": "canal", "name": "courriel", "label": "Courriel"},
    {"list_name": "canal", "name": "agence", "label": "Agence"},
]


def web_form(folder: Path, version: str = "1") -> Path:
    return write_xlsform(folder / f"{STUDY}-v{version}.xlsx", SURVEY, CHOICES,
                         {"form_id": STUDY, "form_title": TITLE, "version": version,
                          "analysis_attributes": "Segment"})


def bilingual_form(folder: Path, version: str = "1") -> Path:
    """The same study in French and English (labels, choices, the notice)."""
    from etudes_desktop.core.study import default_text

    english = {"satisfait": "Are you satisfied with your fund?", "pourquoi": "Why are you not satisfied?",
               "note": "What mark do you give your fund, from 0 to 10?", "contacts": "Your contacts this year",
               "canaux": "How did you contact it?", "visites": "How many times did you visit a branch?",
               "dernier": "Date of your last contact"}
    survey = []
    for row in SURVEY:
        row = dict(row)
        if "label" in row:
            row["label::Français (fr)"] = row.pop("label")
            row["label::English (en)"] = english.get(row["name"], row["label::Français (fr)"])
        if "hint" in row:
            row["hint::Français (fr)"] = row.pop("hint")
            row["hint::English (en)"] = "0: not satisfied at all; 10: fully satisfied."
        if "constraint_message" in row:
            row["constraint_message::Français (fr)"] = row.pop("constraint_message")
            row["constraint_message::English (en)"] = "The mark goes from 0 to 10." if row["name"] == "note" else \
                "Fewer than 100 visits, please."
        survey.append(row)
    names = {"oui": "Yes", "non": "No", "tel": "Phone", "courriel": "E-mail", "agence": "Branch"}
    choices = [{"list_name": c["list_name"], "name": c["name"], "label::Français (fr)": c["label"],
                "label::English (en)": names[c["name"]]} for c in CHOICES]
    return write_xlsform(folder / f"{STUDY}-bilingue-v{version}.xlsx", survey, choices,
                         {"form_id": STUDY, "form_title": TITLE, "version": version, "analysis_attributes": "Segment",
                          "default_language": "Français (fr)", "notice": default_text("notices", "notice_fr.txt"),
                          "notice_en": "Before the survey. ENGLISH NOTICE: you may object; answers are anonymous "
                                       "and grouped, never individual."})
