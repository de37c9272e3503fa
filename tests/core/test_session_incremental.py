"""Incremental re-evaluation (only what depends on the change) always agrees with a full one."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from etudes_desktop.core.session import AnswerRefused, Session
from etudes_desktop.core.xlsform import load_xlsform
from etudes_desktop.core.xlsform_writer import write_xlsform

FR = "label::Français (fr)"
NOW = dt.datetime(2026, 11, 29, 10, 30, tzinfo=dt.UTC)

SURVEY = [
    {"type": "integer", "name": "a", FR: "A"},
    {"type": "select_one lvl", "name": "niveau", FR: "Niveau"},
    {"type": "calculate", "name": "double", "calculation": "${a} * 2"},
    {"type": "calculate", "name": "plus_tard", "calculation": "${double} + ${z}"},
    {"type": "begin_group", "name": "g", FR: "G", "relevant": "${double} > 10"},
    {"type": "integer", "name": "b", FR: "B", "constraint": ". > ${a}", "required": "${niveau} = 'haut'"},
    {"type": "text", "name": "t", FR: "T", "relevant": "${b} != 3"},
    {"type": "end_group"},
    {"type": "calculate", "name": "somme", "calculation": "coalesce(${b}, 0) + ${a}"},
    {"type": "select_one sub", "name": "choix", FR: "Choix", "choice_filter": "seuil <= ${somme}"},
    {"type": "integer", "name": "z", FR: "Z", "relevant": "${niveau} != 'bas' or ${t} = 'x'"},
    {"type": "begin_repeat", "name": "r", FR: "R", "repeat_count": "if(${z} > 0 and ${z} < 4, ${z}, 0)"},
    {"type": "integer", "name": "ri", FR: "RI", "relevant": "${a} != ${ri_prev}", "constraint": ". < ${z} * 10"},
    {"type": "calculate", "name": "ri_prev", "calculation": "${b}"},
    {"type": "end_repeat"},
    {"type": "calculate", "name": "total_r", "calculation": "sum(${ri})"},
]
CHOICES = [
    {"list_name": "lvl", "name": "bas", FR: "Bas"},
    {"list_name": "lvl", "name": "haut", FR: "Haut"},
    *({"list_name": "sub", "name": f"s{i}", FR: f"S{i}", "seuil": str(i * 5)} for i in range(6)),
]

_answers = st.one_of(
    st.tuples(st.just("a"), st.one_of(st.none(), st.integers(-5, 20))),
    st.tuples(st.just("niveau"), st.sampled_from([None, "bas", "haut"])),
    st.tuples(st.just("b"), st.one_of(st.none(), st.integers(-5, 20))),
    st.tuples(st.just("t"), st.sampled_from([None, "x", "y", ""])),
    st.tuples(st.just("z"), st.one_of(st.none(), st.integers(0, 5))),
    st.tuples(st.just("choix"), st.sampled_from([None, "s0", "s3"])),
    st.tuples(st.sampled_from(["ri[1]", "ri[2]", "ri[3]"]), st.one_of(st.none(), st.integers(0, 40))),
)


@pytest.fixture(scope="module")
def questionnaire(tmp_path_factory):
    path = write_xlsform(tmp_path_factory.mktemp("inc") / "inc.xlsx", SURVEY, CHOICES)
    return load_xlsform(path).questionnaire


def _state(session: Session) -> tuple:
    offered = {k: [c.name for c in session.choices(k)] for k in session.visible_keys() if k == "choix"}
    return (session.visible_keys(), repr(session.calculated()), session.errors(), offered,
            session.repeat_count("r"))


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(steps=st.lists(_answers, min_size=1, max_size=25))
def test_incremental_equals_full_reevaluation(questionnaire, steps):
    session = Session(questionnaire, now=lambda: NOW)
    for key, value in steps:
        try:
            session.set_answer(key, value)
        except AnswerRefused:
            continue
        incremental = _state(session)
        session.reevaluate_all()
        assert _state(session) == incremental, (key, value)


def test_only_dependents_are_reevaluated(questionnaire, monkeypatch):
    session = Session(questionnaire, now=lambda: NOW)
    evaluated: list[tuple[str, str]] = []
    original = Session._evaluate

    def spy(self, slot):
        evaluated.append((slot.item, slot.kind))
        return original(self, slot)

    monkeypatch.setattr(Session, "_evaluate", spy)
    session.set_answer("t", "y")
    assert evaluated == [("z", "relevant")]
    evaluated.clear()
    session.set_answer("niveau", "haut")
    assert set(evaluated) == {("b", "required"), ("z", "relevant")}
