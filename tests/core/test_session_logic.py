"""The interview session on forms written here: skip logic, constraints, calculations,
choice filters, repeats, languages, navigation and the NIR guard."""

from __future__ import annotations

import datetime as dt

import pytest

from etudes_desktop.core.session import AnswerRefused, Session
from etudes_desktop.core.session.answers import NIR_REFUSED
from etudes_desktop.core.xlsform import load_xlsform
from etudes_desktop.core.xlsform_writer import write_xlsform

FR = "label::Français (fr)"
EN = "label::English (en)"
VALID_NIR = "1 85 05 78 006 084 91"
NOW = dt.datetime(2026, 11, 29, 10, 30, tzinfo=dt.UTC)


def _session(tmp_path, survey, choices=(), settings=None, **kwargs) -> Session:
    form = load_xlsform(write_xlsform(tmp_path / "form.xlsx", survey, choices, settings))
    return Session(form.questionnaire, now=lambda: NOW, **kwargs)


YES_NO = [{"list_name": "yn", "name": "oui", FR: "Oui", EN: "Yes"}, {"list_name": "yn", "name": "non", FR: "Non", EN: "No"}]


@pytest.fixture
def skip_form(tmp_path):
    survey = [
        {"type": "select_one yn", "name": "malade", FR: "Avez-vous été malade ?", EN: "Were you ill?", "required": "yes"},
        {"type": "begin_group", "name": "soins", FR: "Soins", "relevant": "${malade} = 'oui'", "appearance": "field-list"},
        {"type": "integer", "name": "jours", FR: "Combien de jours ?", "constraint": ". >= 1 and . <= 365",
         "constraint_message::Français (fr)": "Entre 1 et 365 jours", "constraint_message::English (en)": "Between 1 and 365 days"},
        {"type": "select_one yn", "name": "arret", FR: "Arrêt de travail ?"},
        {"type": "end_group"},
        {"type": "text", "name": "medecin", FR: "Quel spécialiste ?", "relevant": "${arret} = 'oui'", "required": "yes"},
        {"type": "calculate", "name": "semaines", "calculation": "round(${jours} div 7, 1)"},
        {"type": "note", "name": "bilan", FR: "Soit ${semaines} semaines", EN: "That is ${semaines} weeks"},
        {"type": "text", "name": "commentaire", FR: "Commentaire"},
    ]
    return _session(tmp_path, survey, YES_NO, {"default_language": "Français (fr)"})


def test_skip_logic_hides_and_shows_items(skip_form):
    s = skip_form
    assert s.visible_keys() == ["malade", "bilan", "commentaire"]
    s.set_answer("malade", "oui")
    assert s.visible_keys() == ["malade", "jours", "arret", "bilan", "commentaire"]
    s.set_answer("arret", "oui")
    assert "medecin" in s.visible_keys()
    s.set_answer("malade", "non")
    assert s.visible_keys() == ["malade", "bilan", "commentaire"]
    assert s.answer("arret") == "oui" and s.value("arret") is None  # kept, but empty while hidden


def test_hidden_answers_do_not_feed_calculations(skip_form):
    s = skip_form
    s.set_answer("malade", "oui")
    s.set_answer("jours", 14)
    assert s.calculated() == {"semaines": 2.0}
    s.set_answer("malade", "non")
    assert s.calculated()["semaines"] != 2.0


def test_required_and_constraint_errors(skip_form):
    s = skip_form
    assert s.errors() == {"malade": "Cette question est obligatoire."}
    s.set_answer("malade", "oui")
    s.set_answer("jours", 400)
    assert s.errors() == {"jours": "Entre 1 et 365 jours"}
    s.set_answer("arret", "oui")
    assert s.errors()["medecin"] == "Cette question est obligatoire."
    s.set_answer("jours", "12")
    s.set_answer("medecin", "Cardiologue")
    assert s.errors() == {}


def test_languages_switch_labels_and_messages(skip_form):
    s = skip_form
    s.set_answer("malade", "oui")
    s.set_answer("jours", 21)
    assert s.label("bilan") == "Soit 3 semaines"
    s.language = "en"
    assert s.label("malade") == "Were you ill?"
    assert s.label("bilan") == "That is 3 weeks"
    s.set_answer("jours", 0)
    assert s.error("jours") == "Between 1 and 365 days"


def test_navigation_over_visible_pages(skip_form):
    s = skip_form
    first = s.next_page()
    assert first is not None and first.key == "malade"
    assert s.next_page("malade").key == "bilan"
    s.set_answer("malade", "oui")
    group = s.next_page("malade")
    assert group.key == "soins" and group.keys == ("jours", "arret")
    assert s.next_page("soins").key == "bilan"
    assert s.previous_page("bilan").key == "soins"
    assert s.previous_page("jours").key == "malade"
    assert s.previous_page("malade") is None
    assert s.next_page("commentaire") is None


def test_nir_in_free_text_is_refused_without_repeating_it(skip_form):
    with pytest.raises(AnswerRefused) as caught:
        skip_form.set_answer("commentaire", f"mon numéro est {VALID_NIR}, merci")
    assert caught.value.message == NIR_REFUSED
    assert "85" not in caught.value.message and "084" not in caught.value.message
    assert skip_form.answer("commentaire") is None
    # A phone number is not taken for a NIR: it is refused as what it is (issue 9, item 3).
    with pytest.raises(AnswerRefused) as caught:
        skip_form.set_answer("commentaire", "Appelez le 01 23 45 67 89 avant le 12/03/2026")
    assert caught.value.message != NIR_REFUSED and "téléphone" in caught.value.message
    skip_form.set_answer("commentaire", "Appelez avant le 12/03/2026, montant 1 250 000")
    assert skip_form.answer("commentaire").startswith("Appelez")


def test_nir_typed_in_a_number_field_is_refused(skip_form):
    skip_form.set_answer("malade", "oui")
    with pytest.raises(AnswerRefused):
        skip_form.set_answer("jours", "1850578006084")


def test_type_checks_refuse_bad_answers(skip_form):
    with pytest.raises(AnswerRefused):
        skip_form.set_answer("malade", "peut-être")
    with pytest.raises(AnswerRefused):
        skip_form.set_answer("inconnue", "x")
    with pytest.raises(AnswerRefused):
        skip_form.set_answer("semaines", 3)
    skip_form.set_answer("malade", "oui")
    with pytest.raises(AnswerRefused):
        skip_form.set_answer("jours", "douze")


def test_choice_filter_offers_matching_choices(tmp_path):
    choices = [
        {"list_name": "region", "name": "bre", FR: "Bretagne"},
        {"list_name": "region", "name": "cor", FR: "Corse"},
        {"list_name": "dep", "name": "29", FR: "Finistère", "region": "bre"},
        {"list_name": "dep", "name": "35", FR: "Ille-et-Vilaine", "region": "bre"},
        {"list_name": "dep", "name": "2A", FR: "Corse-du-Sud", "region": "cor"},
    ]
    survey = [
        {"type": "select_one region", "name": "region", FR: "Région"},
        {"type": "select_one dep", "name": "dep", FR: "Département", "choice_filter": "region = ${region}"},
    ]
    s = _session(tmp_path, survey, choices)
    assert [c.name for c in s.choices("dep")] == []
    s.set_answer("region", "cor")
    assert [c.name for c in s.choices("dep")] == ["2A"]
    s.set_answer("region", "bre")
    assert [c.name for c in s.choices("dep")] == ["29", "35"]
    assert [c.name for c in s.choices("region")] == ["bre", "cor"]


def test_select_multiple_and_or_other(tmp_path):
    choices = [{"list_name": "c", "name": n, FR: n.title()} for n in ("tel", "web", "guichet")]
    survey = [
        {"type": "select_multiple c or_other", "name": "canaux", FR: "Canaux", "constraint": "count-selected(.) <= 2"},
        {"type": "calculate", "name": "nb", "calculation": "count-selected(${canaux})"},
    ]
    s = _session(tmp_path, survey, choices)
    s.set_answer("canaux", ["tel", "web"])
    assert s.answer("canaux") == "tel web" and s.calculated()["nb"] == 2
    assert "canaux_other" not in s.visible_keys()
    s.set_answer("canaux", "tel other guichet")
    assert s.error("canaux") is not None
    assert "canaux_other" in s.visible_keys()
    with pytest.raises(AnswerRefused):
        s.set_answer("canaux_other", VALID_NIR.replace(" ", ""))


def test_repeats_with_count_and_user_instances(tmp_path):
    survey = [
        {"type": "integer", "name": "n", FR: "Nombre d'enfants"},
        {"type": "begin_repeat", "name": "enfant", FR: "Enfant", "repeat_count": "${n}"},
        {"type": "integer", "name": "age", FR: "Âge", "constraint": ". < ${parent_age}"},
        {"type": "calculate", "name": "ecart", "calculation": "${parent_age} - ${age}"},
        {"type": "end_repeat"},
        {"type": "integer", "name": "parent_age", FR: "Votre âge"},
        {"type": "calculate", "name": "total", "calculation": "sum(${age})"},
        {"type": "begin_repeat", "name": "visite", FR: "Visite"},
        {"type": "text", "name": "lieu", FR: "Lieu n° ${pos}"},
        {"type": "calculate", "name": "pos", "calculation": "position(..)"},
        {"type": "end_repeat"},
    ]
    s = _session(tmp_path, survey)
    assert s.repeat_count("enfant") == 0 and s.repeat_count("visite") == 1
    s.set_answer("n", 2)
    s.set_answer("parent_age", 40)
    s.set_answer("age[1]", 10)
    s.set_answer("age[2]", 45)
    assert s.calculated()["ecart[1]"] == 30
    assert s.calculated()["total"] == 55
    assert s.errors() == {"age[2]": "Cette réponse ne respecte pas la règle de la question."}
    s.set_answer("n", 1)
    assert s.repeat_count("enfant") == 1 and s.calculated()["total"] == 10 and s.errors() == {}
    key = s.add_repeat("visite")
    assert key == "visite[2]"
    s.set_answer("lieu[1]", "Rennes")
    s.set_answer("lieu[2]", "Brest")
    assert s.label("lieu[2]") == "Lieu n° 2"
    s.remove_repeat("visite", (0,))
    assert s.answer("lieu[1]") == "Brest" and s.repeat_count("visite") == 1
    with pytest.raises(AnswerRefused):
        s.set_answer("lieu[2]", "Quimper")


def test_defaults_metadata_and_read_only(tmp_path):
    survey = [
        {"type": "start", "name": "debut"},
        {"type": "today", "name": "jour"},
        {"type": "integer", "name": "foyer", FR: "Taille du foyer", "default": "2"},
        {"type": "text", "name": "fixe", FR: "Fixe", "default": "valeur", "read_only": "yes"},
        {"type": "calculate", "name": "quand", "calculation": "${jour}"},
    ]
    s = _session(tmp_path, survey)
    assert s.answer("foyer") == 2 and s.answer("fixe") == "valeur"
    assert s.calculated()["quand"] == "2026-11-29"
    assert s.is_read_only("fixe")
    with pytest.raises(AnswerRefused):
        s.set_answer("fixe", "autre")
    assert s.visible_keys() == ["foyer", "fixe"]


def test_set_answer_reports_what_changed(skip_form):
    changed = skip_form.set_answer("malade", "oui")
    assert {"malade", "soins", "jours", "arret"} <= changed
    assert "commentaire" not in changed
    assert skip_form.set_answer("malade", "oui") == frozenset()


def test_indexed_repeat_and_position(tmp_path):
    survey = [
        {"type": "begin_repeat", "name": "membre", FR: "Membre"},
        {"type": "text", "name": "prenom_code", FR: "Code"},
        {"type": "calculate", "name": "rang", "calculation": "position(..)"},
        {"type": "end_repeat"},
        {"type": "calculate", "name": "deuxieme", "calculation": "indexed-repeat(${prenom_code}, ${membre}, 2)"},
    ]
    s = _session(tmp_path, survey)
    s.add_repeat("membre")
    s.set_answer("prenom_code[1]", "A")
    s.set_answer("prenom_code[2]", "B")
    values = s.calculated()
    assert values["deuxieme"] == "B"
    assert (values["rang[1]"], values["rang[2]"]) == (1, 2)


def test_a_session_restores_saved_answers_with_repeats(tmp_path):
    survey = [
        {"type": "text", "name": "ville", FR: "Ville"},
        {"type": "begin_repeat", "name": "visite", FR: "Visite"},
        {"type": "text", "name": "lieu", FR: "Lieu"},
        {"type": "end_repeat"},
    ]
    first = _session(tmp_path, survey)
    first.set_answer("ville", "Brest")
    first.add_repeat("visite")
    first.set_answer("lieu[1]", "Quimper")
    first.set_answer("lieu[2]", "Morlaix")
    saved = first.answers()
    assert saved == {"ville": "Brest", "lieu[1]": "Quimper", "lieu[2]": "Morlaix"}
    again = Session(first.questionnaire, saved, now=lambda: NOW)
    assert again.answers() == saved and again.refused == {}
    assert again.visible_keys() == ["ville", "lieu[1]", "lieu[2]"]
    assert again.item("lieu[2]").name == "lieu"


def test_messages_and_choice_labels_show_values(tmp_path):
    survey = [
        {"type": "text", "name": "prenom_enfant", FR: "Prénom de l'enfant"},
        {"type": "integer", "name": "age", FR: "Âge de ${prenom_enfant}", "constraint": ". < 18",
         "constraint_message::Français (fr)": "${prenom_enfant} doit être mineur"},
        {"type": "select_one qui", "name": "qui", FR: "Qui ?"},
    ]
    choices = [{"list_name": "qui", "name": "enfant", FR: "${prenom_enfant} lui-même"}, {"list_name": "qui", "name": "parent", FR: "Un parent"}]
    s = _session(tmp_path, survey, choices)
    s.set_answer("prenom_enfant", "Léa")
    s.set_answer("age", 30)
    assert s.label("age") == "Âge de Léa"
    assert s.error("age") == "Léa doit être mineur"
    assert [s.choice_text("qui", c) for c in s.choices("qui")] == ["Léa lui-même", "Un parent"]
