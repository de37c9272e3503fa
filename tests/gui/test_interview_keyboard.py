"""A whole interview with the keyboard alone: Enter/Tab on, Shift+Tab/Page Up back, digits, Space."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from etudes_desktop.core.interview import Mode, State
from tests.gui.interview_support import EXPECTED, Env, env  # noqa: F401 - fixture


class Keyboard:
    """Sends keys where the focus is, as a person at the keyboard does."""

    def __init__(self, qtbot, screen) -> None:
        self.qtbot, self.screen = qtbot, screen
        screen.activateWindow()
        qtbot.waitUntil(screen.isActiveWindow)

    def target(self):
        return QApplication.focusWidget() or self.screen

    def press(self, key, modifier=Qt.KeyboardModifier.NoModifier) -> None:
        self.qtbot.keyClick(self.target(), key, modifier)

    def type(self, text: str) -> None:
        self.qtbot.keyClicks(self.target(), text)


def test_a_whole_interview_without_the_mouse(qtbot, env: Env):
    interview = env.start(Mode.PHONE, env.people[0])
    screen = env.screen(qtbot, interview)
    kb = Keyboard(qtbot, screen)
    runner = screen.runner
    kb.press(Qt.Key.Key_Space)  # "J'ai lu la mention mot pour mot"
    kb.press(Qt.Key.Key_Tab)
    kb.press(Qt.Key.Key_Return)  # "Accepte de répondre"
    assert screen.current_view() is runner and runner.page.key == "intro"
    kb.press(Qt.Key.Key_Return)  # a note: Enter goes on
    assert runner.page.key == "age"
    kb.type("52")
    kb.press(Qt.Key.Key_Return)
    assert runner.page.key == "sexe"
    kb.press(Qt.Key.Key_PageUp)  # back, the answer is there
    assert runner.page.key == "age" and runner.field("age").text() == "52"
    kb.press(Qt.Key.Key_Tab)
    assert runner.page.key == "sexe"
    kb.press(Qt.Key.Key_2)  # digits pick a choice
    assert runner.field("sexe").selected() == ["h"] and runner.field("sexe").is_saved_shown()
    kb.press(Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)  # Shift+Tab goes back too
    assert runner.page.key == "age"
    kb.press(Qt.Key.Key_Return)
    kb.press(Qt.Key.Key_Return)
    assert runner.page.key == "satisfaction"
    kb.press(Qt.Key.Key_3)  # "Peu satisfait(e)"
    kb.press(Qt.Key.Key_Return)
    assert runner.page.key == "pourquoi"
    kb.type("Trop d'attente au guichet")
    kb.press(Qt.Key.Key_Tab)  # Tab goes on as well
    assert runner.page.key == "contact"
    kb.press(Qt.Key.Key_1)
    kb.press(Qt.Key.Key_2)  # ticking "agence" shows the agency question (skip logic, live)
    assert runner.field("canaux").selected() == ["tel", "agence"]
    assert [f.key for f in runner.fields][-1] == "agence_nom"
    kb.press(Qt.Key.Key_Tab)
    kb.type("03/10/2026")
    kb.press(Qt.Key.Key_Tab)
    kb.type("14:30")
    kb.press(Qt.Key.Key_Tab)
    kb.type("Rennes centre")
    kb.press(Qt.Key.Key_Return)
    assert runner.page.key == "attente"
    kb.type("12,5")
    kb.press(Qt.Key.Key_Return)
    kb.type("15/12/2026 10:30")
    kb.press(Qt.Key.Key_Return)
    assert runner.page.key == "reco"
    kb.press(Qt.Key.Key_6)
    kb.press(Qt.Key.Key_Return)
    assert runner.page.key == "commentaire"
    kb.type("Personnel aimable.")
    kb.press(Qt.Key.Key_Tab)  # Tab leaves a multi-line answer
    assert runner.page.key == "lu"
    kb.press(Qt.Key.Key_Space)  # Space ticks a box
    kb.press(Qt.Key.Key_Return)
    assert screen.current_view() is screen.review
    kb.press(Qt.Key.Key_Return)  # "Terminer l'entretien" has the focus
    assert env.store.get(interview).state is State.COMPLETED
    assert env.store.answers(interview) == EXPECTED


def test_a_two_digit_choice_and_a_scale_of_eleven(qtbot, env: Env):
    interview = env.start(Mode.PAPER)
    screen = env.screen(qtbot, interview)
    kb = Keyboard(qtbot, screen)
    kb.press(Qt.Key.Key_Space)
    kb.press(Qt.Key.Key_Tab)
    kb.press(Qt.Key.Key_Return)
    screen.runner.show_page(screen.flow.page("reco"))
    kb.press(Qt.Key.Key_1)
    kb.press(Qt.Key.Key_0)  # "1" then "0" quickly: ten
    assert env.store.answers(interview)["reco"] == 10
    kb.press(Qt.Key.Key_Return)
    assert screen.runner.page.key == "commentaire"


def test_from_the_review_one_key_returns_to_it_after_a_correction_and_enter_closes_the_end(qtbot, env: Env):
    from tests.gui.interview_support import FULL_RUN, agree, fill_page

    interview = env.start(Mode.PHONE, env.people[0])
    screen = env.screen(qtbot, interview)
    agree(screen)
    for answers in FULL_RUN:
        fill_page(screen, answers)
    assert screen.current_view() is screen.review
    kb = Keyboard(qtbot, screen)
    review = screen.review
    review.table.setFocus()
    review.table.setCurrentCell(review.keys.index("age"), 0)
    kb.press(Qt.Key.Key_Return)  # Enter on a row: back to that question
    runner = screen.runner
    assert screen.current_view() is runner and runner.page.key == "age" and runner.to_review_button.isVisible()
    assert QApplication.focusWidget() is runner.field("age").editor
    runner.field("age").editor.selectAll()
    kb.type("61")
    kb.press(Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier)  # one key back to the review
    assert screen.current_view() is review and env.store.answers(interview)["age"] == 61
    review.complete_button.setFocus()
    kb.press(Qt.Key.Key_Space)  # "Terminer l'entretien"
    assert screen.current_view() is screen.end
    with qtbot.waitSignal(screen.finished):
        kb.press(Qt.Key.Key_Return)  # Enter closes "Entretien terminé"


def test_ne_sait_pas_and_refus_keys_when_the_study_allows_them(qtbot, env: Env):
    from dataclasses import replace

    from etudes_desktop.core.special_answers import DONT_KNOW, REFUSED
    from tests.gui.interview_support import agree, fill_page

    plain = env.screen(qtbot, env.start(Mode.PHONE, env.people[1]))
    assert not plain.runner.dont_know_button.isVisibleTo(plain.runner)  # not offered by default
    env.study = replace(env.study, special_answers=True)
    interview = env.start(Mode.PHONE, env.people[0])
    screen = env.screen(qtbot, interview)
    agree(screen)
    fill_page(screen, {})
    runner = screen.runner
    kb = Keyboard(qtbot, screen)
    assert runner.page.key == "age" and runner.dont_know_button.isVisible()
    runner.focus_field(0)
    kb.press(Qt.Key.Key_F8)  # « Ne sait pas »
    assert env.store.answers(interview)["age"] == DONT_KNOW
    assert runner.field("age").special_label.text() == "Réponse : Ne sait pas"
    assert runner.field("age").editor.text() == ""
    kb.press(Qt.Key.Key_Return)  # a required question answered « ne sait pas » goes on
    assert runner.page.key == "sexe"
    kb.press(Qt.Key.Key_F9)  # « Refus » on a choice list
    assert env.store.answers(interview)["sexe"] == REFUSED
    rows = {key: shown for key, _q, shown, _e in screen.flow.review_rows()}
    assert rows["age"] == "Ne sait pas" and rows["sexe"] == "Refus"
    kb.press(Qt.Key.Key_2)  # a real answer replaces it
    assert env.store.answers(interview)["sexe"] == "h" and not runner.field("sexe").special_label.isVisible()


def test_auto_advance_moves_on_after_a_one_key_choice_when_the_study_asks(qtbot, env: Env):
    from dataclasses import replace

    from tests.gui.interview_support import agree, fill_page

    plain = env.screen(qtbot, env.start(Mode.PHONE, env.people[1]))
    agree(plain)
    fill_page(plain, {})
    fill_page(plain, {"age": "52"})
    kb = Keyboard(qtbot, plain)
    kb.press(Qt.Key.Key_2)
    qtbot.wait(20)
    assert plain.runner.page.key == "sexe", "without the study setting, a digit only picks"
    plain.close()

    env.study = replace(env.study, auto_advance=True)
    interview = env.start(Mode.PHONE, env.people[0])
    screen = env.screen(qtbot, interview)
    agree(screen)
    fill_page(screen, {})
    fill_page(screen, {"age": "52"})
    runner = screen.runner
    kb = Keyboard(qtbot, screen)
    assert runner.page.key == "sexe"
    kb.press(Qt.Key.Key_2)  # one key: "Un homme", saved, and the next question comes
    qtbot.waitUntil(lambda: runner.page.key == "satisfaction", timeout=1000)
    assert env.store.answers(interview)["sexe"] == "h"
    kb.press(Qt.Key.Key_PageUp)
    assert runner.page.key == "sexe" and runner.field("sexe").selected() == ["h"]
    runner.field("sexe").buttons[0].click()  # a click changes the answer and stays (no surprise)
    qtbot.wait(20)
    assert runner.page.key == "sexe" and env.store.answers(interview)["sexe"] == "f"

