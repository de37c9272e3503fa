"""The questionnaire printed as a paper form, read back from the PDF as a keyer or respondent reads it:
the notice word for word, the decision and form-number boxes, every question numbered, every choice
with its code, every skip instruction in words (or the rule as written, never dropped)."""

from __future__ import annotations

import io
import json
import re
from pathlib import Path

import pytest
from pypdf import PdfReader

from etudes_desktop.core.form_problems import FormError
from etudes_desktop.core.printing.paper_form import AGREES, FORM_NUMBER_LABEL, OBJECTS, render_paper_form
from etudes_desktop.core.study_load import load_package
from etudes_desktop.core.xlsform_writer import write_xlsform
from etudes_desktop.paths import resource_path

REPO = Path(__file__).resolve().parents[2]
CORPUS = REPO.parent / "shared" / "conformance" / "xlsform"
FR, EN = "label::Français (fr)", "label::English (en)"

SURVEY = [
    {"type": "note", "name": "bonjour", FR: "Merci de votre participation.", EN: "Thank you."},
    {"type": "select_one yn", "name": "vu", FR: "Avez-vous consulté un médecin ?", EN: "Did you see a doctor?",
     "required": "yes"},
    {"type": "integer", "name": "nb_visites", FR: "Combien de fois ?", EN: "How many times?",
     "relevant": "${vu} = 'oui'", "constraint": ". >= 1 and . <= 30"},
    {"type": "text", "name": "pourquoi", FR: "Pour quelle raison ?", EN: "Why?", "relevant": "${vu} = 'oui'"},
    {"type": "integer", "name": "age", FR: "Quel âge avez-vous ?", EN: "How old are you?",
     "constraint": ". >= 16 and . <= 110", "required": "yes"},
    {"type": "calculate", "name": "adulte", "calculation": "if(${age} >= 18, 1, 0)"},
    {"type": "select_multiple canaux", "name": "canaux", FR: "Comment nous avez-vous contactés ?",
     EN: "How did you contact us?"},
    {"type": "begin group", "name": "tel", FR: "Téléphone", EN: "Phone",
     "relevant": "selected(${canaux}, 'tel')"},
    {"type": "select_one satisf", "name": "satisf_tel", FR: "Satisfait du téléphone ?", EN: "Happy with the phone?"},
    {"type": "decimal", "name": "attente", FR: "Attente en minutes", EN: "Waiting time"},
    {"type": "end group"},
    {"type": "date", "name": "quand", FR: "Date du dernier contact", EN: "Date of last contact",
     "relevant": "${age} > 60 and ${vu} != 'non'", "constraint": ". <= today()"},
    {"type": "text", "name": "jeune", FR: "Études en cours ?", EN: "Studying?", "relevant": "${age} + ${nb_visites} > 40"},
    {"type": "integer", "name": "nb_enfants", FR: "Combien d'enfants ?", EN: "How many children?",
     "constraint": "${nb_enfants} mod 2 = 0 or . = 1", "constraint_message::Français (fr)": "Nombre pair, ou 1."},
    {"type": "begin repeat", "name": "enfant", FR: "Enfant", EN: "Child", "repeat_count": "2"},
    {"type": "text", "name": "prenom_enfant", FR: "Initiale de l'enfant", EN: "Child's initial"},
    {"type": "end repeat"},
    {"type": "begin repeat", "name": "visite", FR: "Visite", EN: "Visit", "repeat_count": "${nb_visites}"},
    {"type": "select_one satisf", "name": "satisf_visite", FR: "Satisfait de la visite ?", EN: "Happy with the visit?"},
    {"type": "end repeat"},
    {"type": "text", "name": "fin", FR: "Un dernier mot ?", EN: "Last word?"},
]
CHOICES = [
    {"list_name": "yn", "name": "oui", FR: "Oui", EN: "Yes"},
    {"list_name": "yn", "name": "non", FR: "Non", EN: "No"},
    {"list_name": "canaux", "name": "tel", FR: "Par téléphone", EN: "By phone"},
    {"list_name": "canaux", "name": "courrier", FR: "Par courrier", EN: "By mail"},
    {"list_name": "satisf", "name": "1", FR: "Pas satisfait", EN: "Unhappy"},
    {"list_name": "satisf", "name": "2", FR: "Satisfait", EN: "Happy"},
    {"list_name": "satisf", "name": "9", FR: "Très satisfait", EN: "Very happy"},
]


def _flat(text: str) -> str:
    return " ".join(text.split())


def _pages(pdf: bytes) -> list[str]:
    return [_flat(page.extract_text()) for page in PdfReader(io.BytesIO(pdf)).pages]


@pytest.fixture(scope="module")
def package(tmp_path_factory):
    form = write_xlsform(tmp_path_factory.mktemp("paper") / "papier.xlsx", SURVEY, CHOICES,
                         settings={"form_id": "papier_2026", "version": "3", "form_title": "Étude papier"})
    return load_package(form)


@pytest.fixture(scope="module")
def text(package):
    return " ".join(_pages(render_paper_form(package)))


def test_page_one_carries_the_notice_word_for_word_the_decision_and_the_form_number(package):
    first = _pages(render_paper_form(package))[0]
    assert _flat(package.notice.text("fr")) in first
    for words in (AGREES, OBJECTS, FORM_NUMBER_LABEL):
        assert words in first


def test_every_page_has_its_number_of_the_total_and_the_study_version(package):
    pages = _pages(render_paper_form(package))
    assert len(pages) >= 2
    for number, page in enumerate(pages, start=1):
        assert f"page {number} / {len(pages)}" in page
        assert "Étude papier_2026 — version 3" in page


def test_questions_are_numbered_in_order_notes_and_calculations_are_not(package, text):
    form = package.questionnaire
    expected = ["vu", "nb_visites", "pourquoi", "age", "canaux", "satisf_tel", "attente", "quand", "jeune",
                "nb_enfants", "prenom_enfant", "satisf_visite", "fin"]
    for number, name in enumerate(expected, start=1):
        label = form.text(form.item_index()[name].label, "fr")
        assert f"{number}. {label}" in text, (number, label)
    assert "Merci de votre participation." in text
    assert not re.search(r"\d+\. Merci de votre participation", text)
    assert "14." not in text  # 13 questions, nothing more numbered


def test_every_choice_is_printed_with_the_code_the_operator_keys(package, text):
    from etudes_desktop.core.paper.codes import code_of

    form = package.questionnaire
    for choice in CHOICES:
        code = code_of(form.choices[choice["list_name"]], choice["name"])  # the keying screen's own rule
        assert f"{choice[FR]} {code}" in text, choice
    assert "Oui 1" in text and "Non 2" in text  # names that are not numbers: their position is the code


def test_skip_instructions_in_words_derived_from_relevance(text):
    assert "Si « Non » à la question 1, passez à la question 4." in text
    assert "Si « Par téléphone » n'est pas coché à la question 5, passez à la question 8." in text
    assert ("Si la réponse à la question 4 est inférieure ou égale à 60 ou « Non » à la question 1, "
            "passez à la question 9.") in text


def test_a_rule_that_cannot_be_said_in_words_is_printed_with_question_numbers(text):
    assert "Poser cette question si : Q4 + Q2 > 40" in text


def test_constraints_in_words_else_the_message_and_required_marked(text):
    assert "Réponse attendue : entre 16 et 110." in text
    assert "Réponse attendue : entre 1 et 30." in text
    assert "Réponse attendue : pas dans le futur." in text
    assert "Réponse attendue : Nombre pair, ou 1." in text
    assert "1. Avez-vous consulté un médecin ? *" in text
    assert "4. Quel âge avez-vous ? *" in text
    assert "2. Combien de fois ? *" not in text


def test_dates_as_day_month_year_boxes(text):
    assert "JJ / MM / AAAA (JJ/MM/AAAA)" in text


def test_a_repeat_is_printed_as_many_times_as_its_count_else_three_times_with_a_note(text):
    assert "Enfant — exemplaire 2 / 2" in text and "Enfant — exemplaire 3" not in text
    assert "Visite — exemplaire 3 / 3" in text
    assert "Remplissez ce bloc autant de fois que l'indique Q2." in text
    assert text.count("12. Satisfait de la visite ?") == 3


def test_labels_in_the_language_asked_else_the_default(package):
    english = " ".join(_pages(render_paper_form(package, lang="en")))
    assert "1. Did you see a doctor?" in english and "Yes 1" in english
    assert "Si « No » à la question 1, passez à la question 4." in english
    unknown = " ".join(_pages(render_paper_form(package, lang="de")))
    assert "1. Avez-vous consulté un médecin ?" in unknown


def test_the_demo_study_reads_as_an_operator_expects():
    package = load_package(resource_path("studies", "satisfaction_assures_2026.xlsx"))
    text = " ".join(_pages(render_paper_form(package)))
    assert _flat(package.notice.text_fr) in text
    # Q7 (motif), « Précisez » and the counts all go when nobody was contacted: one jump over them.
    assert "Si « Aucun contact » est coché à la question 6, passez à la question 11." in text
    assert "Si la réponse à la question 7 n'est pas « Autre », passez à la question 9." in text
    assert "Si « Oui, complètement » à la question 17, passez à la question 19." in text
    assert "Réponse attendue : entre 1 et 50." in text


def _accepted() -> list[Path]:
    manifest = json.loads((CORPUS / "MANIFEST.json").read_text(encoding="utf-8"))
    return sorted(CORPUS / name for name, entry in manifest.items() if entry["expect"] in ("accept", "either"))


def test_the_conformance_corpus_is_there():
    assert len(_accepted()) >= 40, f"corpus de conformité introuvable : {CORPUS}"


@pytest.mark.parametrize("path", _accepted() if CORPUS.is_dir() else [], ids=lambda p: p.name)
def test_every_importable_conformance_form_prints_with_every_label(path):
    try:
        package = load_package(path)
    except FormError:
        return  # refused on import (a deliberate refusal, held by test_conformance): nothing to print
    from etudes_desktop.core.printing.paper_form import number_questions
    from etudes_desktop.core.printing.paper_words import Wording

    form = package.questionnaire
    words = Wording(form, number_questions(form), "fr")
    text = " ".join(_pages(render_paper_form(package)))
    for item in form.walk():
        label = _flat(words.piped(form.text(item.label, "fr")))
        if label and item.type.value not in ("calculate", "metadata"):
            assert label in text, (path.name, label)
        for choice in form.choices_for(item):
            assert _flat(words.piped(form.text(choice.label, "fr") or choice.name)) in text, (path.name, choice.name)
