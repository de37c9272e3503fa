"""The engine refuses text answers holding a phone number or an e-mail address (and, when the
interview gives it, the person's own identity); preview reports them under errors."""

from __future__ import annotations

import pytest

from etudes_desktop.core.free_text import identity_terms
from etudes_desktop.core.questionnaire import Item, ItemType, Questionnaire
from etudes_desktop.core.session import AnswerRefused, Session
from etudes_desktop.core.session.preview import preview

FORM = Questionnaire(form_id="f", title="F", items=[
    Item(name="comment", type=ItemType.TEXT, label={"default": "Commentaire"}),
    Item(name="age", type=ItemType.INTEGER, label={"default": "Âge"}),
])


@pytest.mark.parametrize("text", ["rappeler au 06 27 87 44 21", "lucas.dubois@example.fr", "+33.6.12.34.56.78"])
def test_contact_data_in_a_text_answer_is_refused(text: str) -> None:
    session = Session(FORM)
    with pytest.raises(AnswerRefused) as refused:
        session.set_answer("comment", text)
    assert "Ce texte contient" in str(refused.value) and "27 87" not in str(refused.value)
    assert session.answer("comment") is None


def test_the_persons_name_is_refused_only_when_the_interview_gives_it() -> None:
    assert Session(FORM).set_answer("comment", "Lucas est content") is not None
    session = Session(FORM, identity=identity_terms(last_name="Dubois", first_name="Lucas"))
    with pytest.raises(AnswerRefused, match="nom, le prénom"):
        session.set_answer("comment", "Lucas est content")


def test_preview_lists_contact_data_under_errors() -> None:
    session = Session(FORM, answers={"comment": "écrire à l.d@example.fr", "age": 40})
    out = preview(session, session.refused)
    assert "comment" in out["errors"] and "adresse électronique" in out["errors"]["comment"]
    assert session.answer("age") == 40
