"""The study package: the register's mention, defaults, settings, attributes, retention, schema."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from pydantic import ValidationError

from etudes_desktop.core.form_problems import FormError
from etudes_desktop.core.questionnaire import Questionnaire
from etudes_desktop.core.study import (
    MANDATORY_MENTION,
    Commitment,
    Mode,
    Notice,
    StudyPackage,
    check_attribute,
    contains_mandatory_mention,
    default_text,
)
from etudes_desktop.core.study_load import load_package
from etudes_desktop.core.xlsform_writer import write_xlsform

REPO = Path(__file__).resolve().parents[2]
SURVEY = [{"type": "text", "name": "avis", "label": "Votre avis ?"}]
REGISTER_QUOTE = (
    "« Conformément aux dispositions de la loi Informatique et libertés, vous disposez d'un droit d'accès et de "
    "rectification aux données vous concernant ainsi qu'un droit d'opposition au traitement de vos données.\n"
    "Vous êtes informés que le traitement de vos données sera effectué de manière anonyme et globale, par groupe, "
    "et jamais de façon individuelle »"
)


def _form(tmp_path, settings=None, name="enquete.xlsx") -> Path:
    return write_xlsform(tmp_path / name, SURVEY, (), settings)


def test_default_notice_holds_the_register_mention_verbatim():
    text = default_text("notices", "notice_fr.txt")
    assert REGISTER_QUOTE in text
    assert Notice().text_fr == text
    assert len(Commitment().text) > 200 and "non-réexploitation" in Commitment().text


def test_mention_check_ignores_quotes_apostrophes_and_spacing():
    typographic = REGISTER_QUOTE.replace("'", "’").replace("\n", "  ").replace("«", "\u00ab\u00a0")
    assert contains_mandatory_mention(f"Préambule.\n{typographic}\nSuite.")
    assert contains_mandatory_mention(MANDATORY_MENTION)


@pytest.mark.parametrize("damage", [
    lambda t: t.replace("et jamais de façon individuelle", "et rarement de façon individuelle"),
    lambda t: t.replace("droit d'opposition", "droit"),
    lambda t: t.split("\n")[0],
    lambda t: "",
])
def test_a_notice_without_the_whole_mention_is_refused(damage):
    with pytest.raises(ValidationError):
        Notice(text_fr=damage(REGISTER_QUOTE))


def test_an_xlsform_alone_is_a_package_with_defaults(tmp_path):
    package = load_package(_form(tmp_path, name="barometre_2026.xlsx"))
    assert package.id == "barometre_2026"
    assert package.modes == list(Mode)
    assert contains_mandatory_mention(package.notice.text_fr)
    assert package.retention.months_after_delivery == 6
    assert package.delivery_date is None and package.destruction_due() is None
    assert package.questionnaire.items[0].name == "avis"


def test_settings_sheet_carries_the_rest(tmp_path):
    settings = {
        "form_id": "sat_cpam", "form_title": "Satisfaction CPAM", "version": "3", "sponsor": "CPAM du Finistère",
        "modes": "phone, internet", "notice": f"Bonjour.\n{REGISTER_QUOTE}", "notice_en": "Hello.",
        "notice_version": "v2", "delivery_date": "2026-08-31", "retention_months": "3",
        "analysis_attributes": "age_band sex departement",
    }
    package = load_package(_form(tmp_path, settings))
    assert (package.id, package.title, package.version, package.sponsor) == ("sat_cpam", "Satisfaction CPAM", "3", "CPAM du Finistère")
    assert package.modes == [Mode.PHONE, Mode.INTERNET]
    assert package.notice.version == "v2" and package.notice.text("en") == "Hello."
    assert package.delivery_date == dt.date(2026, 8, 31)
    assert package.destruction_due() == dt.date(2026, 11, 30)
    assert package.analysis_attributes == ["age_band", "sex", "departement"]


def test_settings_problems_are_located(tmp_path):
    settings = {
        "notice": "Bonjour, vos données sont protégées.", "modes": "phone pigeon",
        "retention_months": "12", "analysis_attributes": "sex nom_naissance email", "delivery_date": "demain",
    }
    with pytest.raises(FormError) as caught:
        load_package(_form(tmp_path, settings))
    lines = [str(p) for p in caught.value.problems]
    assert any(line.startswith("settings, row 2, column notice: la notice d'information ne contient pas") for line in lines)
    assert any(line.startswith("settings, row 2, column modes: mode inconnu « pigeon »") for line in lines)
    assert any(line.startswith("settings, row 2, column retention_months:") for line in lines)
    assert any(line.startswith("settings, row 2, column delivery_date:") for line in lines)
    assert sum("column analysis_attributes" in line for line in lines) == 2


@pytest.mark.parametrize("name", ["nom", "Prénom", "adresse_postale", "telephone", "tel2", "email", "e-mail", "NIR", "date_naissance", "sample_id"])
def test_identifying_attributes_never_leave_the_laptop(name):
    assert check_attribute(name) is not None


@pytest.mark.parametrize("name", ["age_band", "sex", "profession", "region", "departement", "regime", "tranche_age"])
def test_analysis_attributes_allowed(name):
    assert check_attribute(name) is None


def test_retention_cannot_exceed_six_months():
    with pytest.raises(ValidationError):
        StudyPackage(id="x", title="X", questionnaire=Questionnaire(form_id="x", title="X"), retention={"months_after_delivery": 7})


def test_json_package_naming_a_form(tmp_path):
    _form(tmp_path, name="questionnaire.xlsx")
    (tmp_path / "etude.json").write_text(json.dumps({
        "id": "etude_json", "title": "Étude", "form": "questionnaire.xlsx", "modes": ["group"],
        "notice": {"id": "n1", "version": "1", "text_fr": REGISTER_QUOTE},
    }), encoding="utf-8")
    package = load_package(tmp_path / "etude.json")
    assert package.id == "etude_json" and package.modes == [Mode.GROUP]
    again = StudyPackage.model_validate_json(package.model_dump_json())
    assert again == package


def test_json_package_without_mention_is_refused(tmp_path):
    _form(tmp_path, name="questionnaire.xlsx")
    (tmp_path / "etude.json").write_text(json.dumps({"form": "questionnaire.xlsx", "notice": {"text_fr": "Bonjour."}}), encoding="utf-8")
    with pytest.raises(FormError) as caught:
        load_package(tmp_path / "etude.json")
    assert "notice.text_fr" in str(caught.value) and "mention obligatoire" in str(caught.value)


def test_committed_json_schema_is_up_to_date():
    import importlib.util

    spec = importlib.util.spec_from_file_location("export_schemas", REPO / "schemas" / "export_schemas.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    committed = (REPO / "schemas" / "study-package.schema.json").read_text(encoding="utf-8")
    assert committed == module.render(), "relancez python schemas/export_schemas.py"
    schema = json.loads(committed)
    assert set(schema["properties"]["modes"]["items"]["$ref"].split("/")[-1:]) == {"Mode"}
    assert schema["$defs"]["Mode"]["enum"] == ["face_to_face", "phone", "paper", "group", "internet"]


def test_demo_study_is_a_valid_package():
    package = load_package(REPO / "resources" / "studies" / "satisfaction_assures_2026.xlsx")
    names = [i.name for i in package.questionnaire.walk() if i.is_input]
    assert len(names) >= 20
    items = package.questionnaire.item_index()
    assert items["recommandation"].range is not None and items["recommandation"].range.end == 10
    assert items["departement"].choice_filter
    assert any(i.calculation for i in package.questionnaire.walk())
    assert items["commentaire"].type.value == "text"
    assert package.notice.text_en and contains_mandatory_mention(package.notice.text_fr)


def test_study_id_must_be_a_plain_name(tmp_path):
    assert load_package(_form(tmp_path, {"form_id": "Baromètre accueil 2026"})).id == "Baromètre accueil 2026"
    with pytest.raises(FormError) as caught:
        load_package(_form(tmp_path, {"form_id": "../etudes/x"}))
    assert str(caught.value).startswith("settings, row 2, column form_id: identifiant d'étude")


def test_special_answers_and_auto_advance_are_yes_no_columns_of_the_settings_sheet(tmp_path):
    package = load_package(_form(tmp_path, {"special_answers": "oui", "auto_advance": "yes"}))
    assert package.special_answers and package.auto_advance
    assert not load_package(_form(tmp_path, {"auto_advance": "non"}, name="b.xlsx")).auto_advance
    with pytest.raises(FormError) as refused:
        load_package(_form(tmp_path, {"auto_advance": "peut-être"}, name="c.xlsx"))
    assert any(line.startswith("settings, row 2, column auto_advance: valeur attendue : yes ou no")
               for line in map(str, refused.value.problems)), refused.value
def test_settings_name_what_the_results_are_crossed_by_and_the_nps_questions(tmp_path):
    survey = [*SURVEY, {"type": "integer", "name": "reco", "label": "Recommanderiez-vous ? (0 à 10)"}]
    settings = {"analysis_attributes": "age_band sex region", "results_by": "age_band, region", "nps": "reco"}
    package = load_package(write_xlsform(tmp_path / "enquete.xlsx", survey, (), settings))
    assert package.results_by == ["age_band", "region"] and package.nps == ["reco"]
    assert load_package(_form(tmp_path)).results_by == []


@pytest.mark.parametrize(("settings", "said"), [
    ({"analysis_attributes": "sex", "results_by": "region"}, "results_by : « region » n'est pas un attribut d'analyse"),
    ({"nps": "avis"}, "nps : « avis » n'est pas une question notée de 0 à 10"),
    ({"nps": "absente"}, "nps : « absente »"),
])
def test_results_settings_are_checked(tmp_path, settings, said):
    with pytest.raises(FormError) as caught:
        load_package(_form(tmp_path, settings))
    assert any(said in str(problem) for problem in caught.value.problems)


def test_focus_group_guide_comes_from_the_settings_sheet(tmp_path):
    survey = [*SURVEY, {"type": "select_one canaux", "name": "canal", "label": "Par quel canal ?"}]
    choices = [{"list_name": "canaux", "name": "agence", "label": "Agence"},
               {"list_name": "canaux", "name": "web", "label": "Internet"}]
    settings = {"group_themes": "Accueil ; Délais de remboursement", "group_questions": "canal"}
    package = load_package(write_xlsform(tmp_path / "groupe.xlsx", survey, choices, settings))
    assert package.group.themes == ["Accueil", "Délais de remboursement"]
    assert package.group.questions == ["canal"]
    with pytest.raises(FormError) as caught:
        load_package(write_xlsform(tmp_path / "mauvais.xlsx", survey, choices, {"group_questions": "avis"}))
    assert any("group_questions : « avis » n'est pas une question à choix" in str(p) for p in caught.value.problems)
