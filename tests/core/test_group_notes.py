"""Moderator notes and shows of hands: what the register forbids is refused, names become pseudonyms."""

from __future__ import annotations

import pytest

from etudes_desktop.core.group.counts import CountRefused, check_count
from etudes_desktop.core.group.guide import GroupGuide, parse_questions, parse_themes
from etudes_desktop.core.group.notes import LEFT_PLACEHOLDER, NoteRefused, Person, clean_note, replacement_message
from etudes_desktop.core.questionnaire import Choice, Item, ItemType, Questionnaire

PEOPLE = [
    Person("P1", "Éléonore", "Durand"),
    Person("P2", "Marc"),  # a walk-in: first name only
    Person(None, "Sophie", "Lemoine"),  # objected and left
]


def test_a_participants_name_becomes_their_pseudonym_whatever_the_case_and_accents() -> None:
    note = clean_note("eleonore DURAND trouve l'accueil lent ; Marc n'est pas d'accord avec Éléonore", PEOPLE)
    assert note.text == "P1 trouve l'accueil lent ; P2 n'est pas d'accord avec P1"
    assert note.replaced == ("P1", "P2")
    assert replacement_message(note) == "Note enregistrée : noms remplacés par P1, P2."


def test_whole_words_only() -> None:
    note = clean_note("Le marché de Marcq et les marcheurs", PEOPLE)
    assert note.text == "Le marché de Marcq et les marcheurs"
    assert note.replaced == () and replacement_message(note) is None


def test_the_name_of_someone_who_left_is_taken_out() -> None:
    note = clean_note("Sophie Lemoine est partie avant le thème 2", PEOPLE)
    assert "Sophie" not in note.text and "Lemoine" not in note.text
    assert note.text.startswith(LEFT_PLACEHOLDER)
    assert note.removed == 1
    assert "sorti" in (replacement_message(note) or "")


@pytest.mark.parametrize("text, word", [
    ("Son numéro 1 85 05 78 006 084 36 pour le dossier", "sécurité sociale"),
    ("rappeler au 06 27 87 44 21", "téléphone"),
    ("écrire à marc.dupont@example.fr", "électronique"),
])
def test_identifying_data_is_refused_and_never_repeated(text: str, word: str) -> None:
    with pytest.raises(NoteRefused) as refused:
        clean_note(text, PEOPLE)
    assert word in str(refused.value)
    assert "06 27" not in str(refused.value) and "example" not in str(refused.value)


def test_empty_and_overlong_notes_are_refused() -> None:
    with pytest.raises(NoteRefused):
        clean_note("   ", PEOPLE)
    with pytest.raises(NoteRefused, match="2000"):
        clean_note("a" * 2001, PEOPLE)


def _form() -> Questionnaire:
    return Questionnaire(
        form_id="f", title="t",
        items=[Item(name="canal", type=ItemType.SELECT_ONE, list_name="canaux"),
               Item(name="usages", type=ItemType.SELECT_MULTIPLE, list_name="canaux"),
               Item(name="age", type=ItemType.INTEGER)],
        choices={"canaux": [Choice(name="agence"), Choice(name="tel"), Choice(name="web")]},
    )


def test_a_single_choice_takes_one_hand_per_person() -> None:
    count = check_count(_form(), "canal", 8, {"agence": 3, "tel": 2, "web": 1})
    assert count.abstained == 2
    with pytest.raises(CountRefused, match="Une seule main"):
        check_count(_form(), "canal", 8, {"agence": 5, "tel": 4})


def test_a_multiple_choice_takes_up_to_one_hand_per_person_per_choice() -> None:
    count = check_count(_form(), "usages", 8, {"agence": 8, "tel": 6, "web": 5})
    assert count.abstained is None and sum(count.counts.values()) == 19
    with pytest.raises(CountRefused, match="9 mains levées pour 8"):
        check_count(_form(), "usages", 8, {"web": 9})


def test_counts_refuse_unknown_questions_and_choices() -> None:
    with pytest.raises(CountRefused, match="question à choix"):
        check_count(_form(), "age", 8, {})
    with pytest.raises(CountRefused, match="courrier"):
        check_count(_form(), "canal", 8, {"courrier": 1})
    with pytest.raises(CountRefused, match="Aucun participant"):
        check_count(_form(), "canal", 0, {})


def test_the_guide_reads_its_settings_and_falls_back_to_one_theme() -> None:
    guide = GroupGuide(themes=parse_themes("Accueil ;  Délais de remboursement; ;Accueil"),
                       questions=parse_questions("canal, usages"))
    assert guide.themes == ["Accueil", "Délais de remboursement"]
    assert guide.questions == ["canal", "usages"]
    assert GroupGuide().note_themes() == ["Général"]
