"""Paths designers write and pyxform accepts (issue 9, item 12): current(), ../x, /data/x,
instance('list')/root/item[...]/label, and node-sets over repeats with predicates."""

from __future__ import annotations

import pytest

from etudes_desktop.core.expressions import ExpressionError, MapContext, parse
from etudes_desktop.core.form_problems import FormError
from tests.core.test_session_logic import FR, _session

REGIONS = [
    {"list_name": "reg", "name": "idf", FR: "Île-de-France"},
    {"list_name": "reg", "name": "cor", FR: "Corse"},
    {"list_name": "dep", "name": "75", FR: "Paris", "reg": "idf"},
    {"list_name": "dep", "name": "2A", FR: "Corse-du-Sud", "reg": "cor"},
    {"list_name": "dep", "name": "2B", FR: "Haute-Corse", "reg": "cor"},
]


@pytest.fixture
def household(tmp_path):
    survey = [
        {"type": "integer", "name": "n", FR: "Combien de personnes ?"},
        {"type": "begin_repeat", "name": "personne", FR: "Personne", "repeat_count": "${n}"},
        {"type": "integer", "name": "age", FR: "Âge"},
        {"type": "select_one reg", "name": "region", FR: "Région"},
        {"type": "select_one dep", "name": "dep", FR: "Département", "choice_filter": "reg = current()/../region"},
        {"type": "calculate", "name": "nom_region",
         "calculation": "instance('reg')/root/item[name = current()/../region]/label"},
        {"type": "note", "name": "vu", FR: "Région : ${nom_region}", "relevant": "../region != ''"},
        {"type": "end_repeat"},
        {"type": "calculate", "name": "majeurs", "calculation": "count(${personne}[age >= 18])"},
        {"type": "calculate", "name": "ages", "calculation": "sum(${personne}/age)"},
        {"type": "calculate", "name": "region_premier_majeur", "calculation": "${personne}[age >= 18][1]/region"},
        {"type": "calculate", "name": "age_deuxieme", "calculation": "${personne}[2]/age"},
        {"type": "calculate", "name": "plus_de_30", "calculation": "count(${personne}/age[. > 30])"},
        {"type": "calculate", "name": "corses", "calculation": "count(${personne}[region = 'cor' and age > 2])"},
        {"type": "calculate", "name": "dep_premier",
         "calculation": "instance('dep')/root/item[name = ${personne}[1]/dep]/label"},
        {"type": "note", "name": "bilan", FR: "${majeurs} majeurs", "relevant": "/data/majeurs > 0"},
    ]
    s = _session(tmp_path, survey, REGIONS, {"default_language": "Français (fr)"})
    s.set_answer("n", 3)
    for position, (age, region) in enumerate([(10, "idf"), (40, "cor"), (20, "idf")], start=1):
        s.set_answer(f"age[{position}]", age)
        s.set_answer(f"region[{position}]", region)
    return s


def test_current_in_a_choice_filter_reads_the_question_of_the_same_instance(household):
    assert [c.name for c in household.choices("dep[1]")] == ["75"]
    assert [c.name for c in household.choices("dep[2]")] == ["2A", "2B"]
    household.set_answer("region[1]", "cor")
    assert [c.name for c in household.choices("dep[1]")] == ["2A", "2B"]


def test_a_relative_path_names_the_question_of_the_same_instance(household):
    assert household.is_visible("vu[2]")
    household.set_answer("region[2]", None)
    assert not household.is_visible("vu[2]") and household.is_visible("vu[1]")


def test_instance_reads_a_choice_list_label_in_the_session_language(household):
    assert household.calculated()["nom_region[2]"] == "Corse"
    assert household.label("vu[1]") == "Région : Île-de-France"
    household.set_answer("dep[1]", "75")
    assert household.calculated()["dep_premier"] == "Paris"


def test_count_and_sum_over_a_repeat_with_predicates(household):
    values = household.calculated()
    assert values["majeurs"] == 2 and values["ages"] == 70
    assert values["region_premier_majeur"] == "cor" and values["age_deuxieme"] == 40
    assert values["plus_de_30"] == 1 and values["corses"] == 1
    household.set_answer("age[1]", 35)  # a change inside the repeat reaches what counts over it
    values = household.calculated()
    assert values["majeurs"] == 3 and values["plus_de_30"] == 2 and values["region_premier_majeur"] == "idf"
    household.set_answer("n", 2)  # and so does an instance removed
    assert household.calculated()["majeurs"] == 2 and household.calculated()["ages"] == 75


def test_an_absolute_path_names_the_question(household):
    assert household.is_visible("bilan") and household.label("bilan") == "2 majeurs"


def test_a_user_grown_repeat_is_counted_as_it_grows(tmp_path):
    survey = [
        {"type": "begin_repeat", "name": "enfant", FR: "Enfant"},
        {"type": "integer", "name": "age", FR: "Âge"},
        {"type": "end_repeat"},
        {"type": "calculate", "name": "petits", "calculation": "count(${enfant}[age < 3])"},
    ]
    s = _session(tmp_path, survey)
    s.set_answer("age[1]", 1)
    assert s.calculated()["petits"] == 1
    s.add_repeat("enfant")
    s.set_answer("age[2]", 2)
    assert s.calculated()["petits"] == 2
    s.remove_repeat("enfant", (0,))
    assert s.calculated()["petits"] == 1


@pytest.mark.parametrize(("calculation", "said"), [
    ("instance('absente')/root/item[name = 'a']/label", "instance('absente') : liste de choix introuvable"),
    ("count(${a}/b)", "a n'est ni un groupe ni une répétition"),
    ("count(${r}/a)", "a n'est pas dans r"),
    ("count(${r}[inconnue > 1])", "${inconnue} ne désigne aucune question"),
    ("../inconnue", "${inconnue} ne désigne aucune question"),
])
def test_a_path_that_names_nothing_is_a_form_error_on_its_row(tmp_path, calculation, said):
    survey = [
        {"type": "integer", "name": "a", FR: "A"},
        {"type": "begin_repeat", "name": "r", FR: "R"},
        {"type": "integer", "name": "b", FR: "B"},
        {"type": "end_repeat"},
        {"type": "calculate", "name": "c", "calculation": calculation},
    ]
    with pytest.raises(FormError) as refused:
        _session(tmp_path, survey, REGIONS)
    (problem,) = refused.value.problems
    assert (problem.row, problem.column) == (6, "calculation") and said in problem.message


@pytest.mark.parametrize("source", ["..", "current()/..", "instance('l')/root", "instance(l)/root/item",
                                    "${a}/..", "x/y", "//x", "/data", "../x[1]", "${a}/2"])
def test_paths_outside_what_is_supported_are_refused_in_french(source):
    with pytest.raises(ExpressionError) as refused:
        parse(source)
    assert refused.value.message.startswith("expression invalide à la position ")


def test_a_context_without_the_form_still_evaluates_paths():
    rows = {"l": [{"name": "a", "label": "A"}, {"name": "b", "label": "Bé"}]}
    ctx = MapContext({"x": "b", "age": [3, 5]}, instances=rows)
    assert parse("instance('l')/root/item[name = ${x}]/label").evaluate(ctx) == ["Bé"]
    assert parse("count(instance('l')/root/item)").evaluate(ctx) == 2
    assert parse("instance('l')/root/item[2]/name").evaluate(ctx) == ["b"]
    assert parse("sum(${r}/age)").evaluate(ctx) == 8  # the plain reference: every age
    assert parse("count(${r}[age > 3])").evaluate(ctx) == 0  # no tree to filter: an empty node-set
