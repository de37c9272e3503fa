"""« Ne sait pas » / « Refus »: their own codes, only when the study allows them; a constraint
does not apply to them, and a required question answered so is answered."""

from __future__ import annotations

import pytest

from etudes_desktop.core.questionnaire import Item, ItemType, Questionnaire
from etudes_desktop.core.session import AnswerRefused, Session
from etudes_desktop.core.special_answers import DONT_KNOW, REFUSED

FORM = Questionnaire(form_id="f", title="F", items=[
    Item(name="age", type=ItemType.INTEGER, label={"default": "Âge"}, required="true()", constraint=". >= 16"),
    Item(name="satisf", type=ItemType.SELECT_ONE, label={"default": "Satisfait ?"}, list_name="yn"),
], choices={"yn": [{"name": "oui", "label": {"default": "Oui"}}, {"name": "non", "label": {"default": "Non"}}]})


def test_special_codes_are_refused_unless_the_study_allows_them() -> None:
    with pytest.raises(AnswerRefused):
        Session(FORM).set_answer("age", DONT_KNOW)
    session = Session(FORM, special_answers=True)
    session.set_answer("age", DONT_KNOW)
    session.set_answer("satisf", REFUSED)
    assert session.answers() == {"age": DONT_KNOW, "satisf": REFUSED}
    assert session.errors() == {}  # required is answered, the constraint is not for them
