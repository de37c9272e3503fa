"""XLSForm import: types, groups, repeats, languages; problems located at sheet, row, column."""

from __future__ import annotations

import pytest

from etudes_desktop.core.form_problems import FormError
from etudes_desktop.core.questionnaire import ItemType
from etudes_desktop.core.xlsform import load_xlsform
from etudes_desktop.core.xlsform_writer import write_xlsform

FR = "label::Français (fr)"
EN = "label::English (en)"


def _load(tmp_path, survey, choices=(), settings=None, name="form.xlsx"):
    return load_xlsform(write_xlsform(tmp_path / name, survey, choices, settings))


def _problems(tmp_path, survey, choices=(), settings=None) -> list[str]:
    with pytest.raises(FormError) as caught:
        _load(tmp_path, survey, choices, settings)
    return [str(p) for p in caught.value.problems]


YES_NO = [{"list_name": "yn", "name": "oui", FR: "Oui", EN: "Yes"}, {"list_name": "yn", "name": "non", FR: "Non", EN: "No"}]


def test_every_supported_type_imports_with_its_columns(tmp_path):
    survey = [
        {"type": "text", "name": "t", FR: "Texte", EN: "Text", "hint::Français (fr)": "Aide", "required": "yes",
         "required_message::Français (fr)": "Obligatoire !"},
        {"type": "integer", "name": "i", FR: "Entier", "constraint": ". > 0", "constraint_message::Français (fr)": "Positif"},
        {"type": "decimal", "name": "d", FR: "Décimal", "default": "1.5"},
        {"type": "date", "name": "da", FR: "Date"},
        {"type": "time", "name": "ti", FR: "Heure"},
        {"type": "select_one yn or_other", "name": "s1", FR: "Un choix"},
        {"type": "select_multiple yn", "name": "sm", FR: "Plusieurs", "appearance": "minimal"},
        {"type": "note", "name": "n", FR: "Note ${t}"},
        {"type": "calculate", "name": "c", "calculation": "${i} * 2"},
        {"type": "acknowledge", "name": "ack", FR: "Lu"},
        {"type": "range", "name": "r", FR: "Note", "parameters": "start=0 end=10 step=1"},
        {"type": "begin_group", "name": "g", FR: "Groupe", "appearance": "field-list", "relevant": "${i} > 1"},
        {"type": "text", "name": "in_g", FR: "Dans le groupe", "read_only": "yes"},
        {"type": "end_group"},
        {"type": "begin_repeat", "name": "rep", FR: "Répétition", "repeat_count": "${i}"},
        {"type": "text", "name": "in_rep", FR: "Dans la répétition"},
        {"type": "end_repeat"},
    ]
    form = _load(tmp_path, survey, YES_NO, {"form_id": "tous_types", "default_language": "Français (fr)"})
    q = form.questionnaire
    items = q.item_index()
    assert q.form_id == "tous_types"
    assert set(q.languages) == {"Français (fr)", "English (en)"}
    assert items["t"].type == ItemType.TEXT and items["t"].required == "true()"
    assert q.text(items["t"].label, "en") == "Text" and q.text(items["t"].label, "fr") == "Texte"
    assert q.text(items["t"].required_message, "fr") == "Obligatoire !"
    assert items["i"].constraint == ". > 0"
    assert items["d"].default == "1.5"
    assert items["s1"].or_other and items["s1_other"].relevant == "selected(${s1}, 'other')"
    assert [c.name for c in q.choices_for(items["s1"])] == ["oui", "non", "other"]
    other = q.choices_for(items["s1"])[-1]
    assert q.text(other.label, "fr") == "Autre" and q.text(other.label, "en") == "Other"
    assert q.text(items["s1_other"].label, "fr") == "Précisez :"
    assert items["sm"].type == ItemType.SELECT_MULTIPLE and items["sm"].appearance == "minimal"
    assert items["c"].calculation == "${i} * 2"
    assert items["r"].range is not None and (items["r"].range.start, items["r"].range.end) == (0, 10)
    assert items["g"].is_field_list and items["g"].relevant == "${i} > 1"
    assert items["in_g"].read_only == "true()"
    assert items["rep"].type == ItemType.REPEAT and items["rep"].repeat_count == "${i}"
    assert [child.name for child in items["rep"].children] == ["in_rep"]
    assert items["t"].row == 2 and items["in_rep"].row == 17


def test_form_id_falls_back_to_the_file_name(tmp_path):
    form = _load(tmp_path, [{"type": "text", "name": "a", "label": "A"}], name="enquete_locale.xlsx")
    assert form.questionnaire.form_id == "enquete_locale"


@pytest.mark.parametrize("kind", ["geotrace", "geoshape", "image", "audio", "video", "file", "deviceid", "phonenumber"])
def test_unsupported_types_are_refused_with_sheet_row_and_type(tmp_path, kind):
    problems = _problems(tmp_path, [{"type": "text", "name": "a", "label": "A"}, {"type": kind, "name": "b", "label": "B"}])
    assert problems == [f"survey, row 3, column type: type {kind} non pris en charge par l'application"]


def test_expression_parse_error_names_sheet_row_and_column(tmp_path):
    survey = [
        {"type": "integer", "name": "age", "label": "Âge"},
        {"type": "text", "name": "why", "label": "Pourquoi", "relevant": "${age} > > 3"},
    ]
    (problem,) = _problems(tmp_path, survey)
    assert problem.startswith("survey, row 3, column relevant: expression invalide à la position")


def test_unknown_reference_is_refused(tmp_path):
    survey = [{"type": "text", "name": "a", "label": "A", "constraint": "${absent} = 1"}]
    assert _problems(tmp_path, survey) == ["survey, row 2, column constraint: ${absent} ne désigne aucune question du formulaire"]


def test_circular_calculations_are_refused(tmp_path):
    survey = [
        {"type": "calculate", "name": "a", "calculation": "${b} + 1"},
        {"type": "calculate", "name": "b", "calculation": "${a} + 1"},
    ]
    (problem,) = _problems(tmp_path, survey)
    assert problem.startswith("survey, row 2, column calculation: dépendance circulaire")


def test_pyxform_errors_are_located(tmp_path):
    assert _problems(tmp_path, [{"type": "text", "label": "Sans nom"}]) == ["survey, row 2, column name: question ou groupe sans nom"]
    assert _problems(tmp_path, [{"type": "calculate", "name": "c"}]) == [
        "survey, row 2, column calculation: un calcul (calculate) doit avoir une formule"
    ]


def test_an_unreadable_file_is_a_clean_refusal(tmp_path):
    bogus = tmp_path / "pas_un_classeur.xlsx"
    bogus.write_bytes(b"ceci n'est pas un classeur")
    with pytest.raises(FormError) as caught:
        load_xlsform(bogus)
    assert len(caught.value.problems) == 1


def test_missing_choice_list_is_refused(tmp_path):
    problems = _problems(tmp_path, [{"type": "select_one absente", "name": "s", "label": "S"}], YES_NO)
    assert problems == ["survey, row 2, column type: liste de choix introuvable dans la feuille choices"]
    no_sheet = _problems(tmp_path, [{"type": "select_one absente", "name": "s", "label": "S"}])
    assert no_sheet == ["choices: la feuille choices manque (colonnes list_name, name et label obligatoires)"]
