"""What the interviewer types is what is saved: numbers are never altered, dates and times are
read in the usual French writings."""

from __future__ import annotations

from PySide6.QtCore import Qt

from etudes_desktop.core.interview import Mode
from tests.gui.interview_support import Env, agree, env  # noqa: F401 - fixture


def _on_age_page(qtbot, env: Env):
    interview = env.start(Mode.FACE_TO_FACE, env.people[0])
    screen = env.screen(qtbot, interview)
    agree(screen)
    screen.runner.next_button.click()  # the intro note
    assert screen.runner.page.key == "age"
    return interview, screen, screen.runner.field("age")


def _type(qtbot, field, text: str) -> None:
    field.editor.setFocus()
    field.editor.selectAll()
    qtbot.keyClicks(field.editor, text)
    qtbot.keyClick(field.editor, Qt.Key.Key_Tab)


def test_a_decimal_typed_for_an_integer_is_refused_not_turned_into_another_number(qtbot, env: Env):
    interview, screen, field = _on_age_page(qtbot, env)
    _type(qtbot, field, "3,5")
    assert field.editor.text() == "3,5"  # nothing dropped while typing
    assert "décimales" in field.message_label.text()
    assert "age" not in env.store.answers(interview)


def test_letters_in_a_number_are_refused_with_a_message(qtbot, env: Env):
    interview, screen, field = _on_age_page(qtbot, env)
    _type(qtbot, field, "12a3")
    assert field.editor.text() == "12a3"
    assert "lettres" in field.message_label.text()
    assert "age" not in env.store.answers(interview)
    _type(qtbot, field, "52")
    assert env.store.answers(interview)["age"] == 52
    assert screen.runner.page.key == "sexe"  # accepted, the interview goes on


def test_dates_and_times_in_the_usual_writings() -> None:
    from etudes_desktop.core.questionnaire import ItemType
    from etudes_desktop.gui.interview.formats import from_display

    for typed in ("28022026", "28/02/2026", "28-02-2026", "28.02.2026"):
        assert from_display(ItemType.DATE, typed) == "2026-02-28"
    for typed in ("1430", "14:30", "14h30"):
        assert from_display(ItemType.TIME, typed) == "14:30"
    assert from_display(ItemType.TIME, "930") == "09:30"
    assert from_display(ItemType.TIME, "2561") == "2561"  # left for the engine to refuse
    assert from_display(ItemType.DATETIME, "28022026 1430") == "2026-02-28T14:30:00"


def _on_comment(qtbot, env: Env, person: int):
    interview = env.start(Mode.FACE_TO_FACE, person)
    screen = env.screen(qtbot, interview)
    agree(screen)
    screen.runner.show_page(screen.flow.page("commentaire"))
    return interview, screen, screen.runner.field("commentaire")


def test_a_comment_with_the_persons_name_a_phone_or_an_email_is_refused_without_repeating_it(qtbot, env: Env):
    person = env.people[0]
    row = env.respondent(person)
    interview, screen, field = _on_comment(qtbot, env, person)
    for typed, kind in ((f"rappeler {row['first_name']} {row['last_name']} demain", "nom"),
                        ("rappeler au 0627874421", "téléphone"),
                        ("écrire à lucas.dubois@example.fr", "adresse électronique")):
        field.editor.setFocus()
        field.editor.setPlainText(typed)
        field.flush()
        message = field.message_label.text()
        assert kind in message and row["last_name"] not in message and "0627" not in message and "@" not in message
        assert "commentaire" not in env.store.answers(interview)
    field.editor.setPlainText("Personnel aimable, attente correcte.")
    field.flush()
    assert env.store.answers(interview)["commentaire"] == "Personnel aimable, attente correcte."
