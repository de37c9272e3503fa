"""The unlock screen on a real vault: the passphrase, the failure delay, the recovery route."""

from __future__ import annotations

from PySide6.QtCore import Qt

from etudes_desktop.demo import DEMO_PASSPHRASE
from etudes_desktop.gui.unlock import UnlockScreen
from etudes_desktop.storage.vault import Vault
from tests.gui.conftest import GOOD_PASSPHRASE, OTHER_PASSPHRASE, can_open

WRONG = "pas-la-bonne-phrase"


def _screen(qtbot, paths, pool, clock, **kwargs) -> UnlockScreen:
    screen = UnlockScreen(paths, pool=pool, clock=clock, wall_clock=clock, **kwargs)
    qtbot.addWidget(screen)
    screen.resize(900, 650)
    with qtbot.waitActive(screen):
        screen.show()
        screen.activateWindow()
    return screen


def _type_and_enter(qtbot, edit, text: str) -> None:
    edit.clear()
    qtbot.keyClicks(edit, text)
    qtbot.keyClick(edit, Qt.Key.Key_Return)


def test_the_right_passphrase_opens_the_vault(qtbot, paths, pool, clock, existing_vault):
    screen = _screen(qtbot, paths, pool, clock)
    ui = screen.ui
    assert ui.title_label.text() == "Coffre verrouillé"
    assert not ui.unlock_button.isEnabled(), "nothing to unlock with yet"
    assert not ui.demo_label.isVisible()
    qtbot.keyClicks(ui.passphrase_edit, GOOD_PASSPHRASE)
    assert ui.unlock_button.isEnabled()
    with qtbot.waitSignal(screen.unlocked, timeout=2000) as blocker:
        qtbot.mouseClick(ui.unlock_button, Qt.MouseButton.LeftButton)
    vault = blocker.args[0]
    assert isinstance(vault, Vault)
    assert vault.schema_version >= 1
    vault.close()
    assert ui.passphrase_edit.text() == "", "the passphrase does not linger in the field"


def test_a_wrong_passphrase_says_so_and_keeps_the_screen(qtbot, paths, pool, clock, existing_vault):
    screen = _screen(qtbot, paths, pool, clock)
    ui = screen.ui
    with qtbot.assertNotEmitted(screen.unlocked):
        _type_and_enter(qtbot, ui.passphrase_edit, WRONG)
    assert ui.message_label.isVisible()
    assert ui.message_label.text() == "Phrase de passe incorrecte."
    assert ui.unlock_button.isEnabled(), "four more free attempts"
    assert ui.passphrase_edit.hasFocus() and ui.passphrase_edit.selectedText() == ui.passphrase_edit.text()


def test_five_failures_show_the_delay_then_allow_a_new_attempt(qtbot, paths, pool, clock, existing_vault):
    screen = _screen(qtbot, paths, pool, clock)
    ui = screen.ui
    for attempt in range(1, 5):
        _type_and_enter(qtbot, ui.passphrase_edit, WRONG)
        assert "Nouvel essai possible" not in ui.message_label.text(), f"no delay after {attempt} failures"
    _type_and_enter(qtbot, ui.passphrase_edit, WRONG)
    assert ui.message_label.text() == "Phrase de passe incorrecte.\nTrop d'essais infructueux. Nouvel essai possible dans 5 s."
    assert not ui.unlock_button.isEnabled()
    assert screen.retry_delay_remaining() == 5

    clock.advance(2.2)
    qtbot.waitUntil(lambda: "dans 3 s." in ui.message_label.text(), timeout=2000)
    # Enter during the delay does nothing: the vault is not even asked.
    with qtbot.assertNotEmitted(screen.unlocked):
        _type_and_enter(qtbot, ui.passphrase_edit, GOOD_PASSPHRASE)
    assert not ui.unlock_button.isEnabled()

    clock.advance(3)
    qtbot.waitUntil(ui.unlock_button.isEnabled, timeout=2000)
    assert ui.message_label.text() == "Vous pouvez réessayer."
    with qtbot.waitSignal(screen.unlocked, timeout=2000) as blocker:
        qtbot.keyClick(ui.passphrase_edit, Qt.Key.Key_Return)
    blocker.args[0].close()


def test_a_sixth_failure_doubles_the_delay(qtbot, paths, pool, clock, existing_vault):
    screen = _screen(qtbot, paths, pool, clock)
    ui = screen.ui
    for _ in range(5):
        _type_and_enter(qtbot, ui.passphrase_edit, WRONG)
    clock.advance(5)
    qtbot.waitUntil(ui.unlock_button.isEnabled, timeout=2000)
    _type_and_enter(qtbot, ui.passphrase_edit, WRONG)
    assert screen.retry_delay_remaining() == 10
    assert "Nouvel essai possible dans 10 s." in ui.message_label.text()


def test_recovery_route_sets_a_new_passphrase(qtbot, paths, pool, clock, existing_vault):
    screen = _screen(qtbot, paths, pool, clock)
    ui = screen.ui
    qtbot.mouseClick(ui.forgot_button, Qt.MouseButton.LeftButton)
    assert ui.recover_page.isVisible() and not ui.unlock_page.isVisible()
    assert ui.title_label.text() == "Phrase de passe oubliée"
    assert ui.code_edit.hasFocus()
    assert not ui.recover_button.isEnabled()

    qtbot.keyClicks(ui.code_edit, existing_vault.lower())  # typed in lower case: forgiven
    qtbot.keyClicks(ui.new_edit, "court")
    assert "trop faible" in ui.policy_label.text()
    ui.new_edit.clear()
    qtbot.keyClicks(ui.new_edit, OTHER_PASSPHRASE)
    qtbot.keyClicks(ui.confirm_edit, OTHER_PASSPHRASE)
    assert ui.recover_button.isEnabled()
    with qtbot.waitSignal(screen.unlocked, timeout=2000) as blocker:
        qtbot.keyClick(ui.confirm_edit, Qt.Key.Key_Return)
    blocker.args[0].close()

    assert ui.unlock_page.isVisible() and ui.title_label.text() == "Coffre verrouillé"
    assert ui.code_edit.text() == "" and ui.new_edit.text() == ""
    assert can_open(paths, OTHER_PASSPHRASE)
    assert not can_open(paths, GOOD_PASSPHRASE), "the old passphrase no longer opens"


def test_a_wrong_recovery_code_is_refused(qtbot, paths, pool, clock, existing_vault):
    screen = _screen(qtbot, paths, pool, clock)
    ui = screen.ui
    qtbot.mouseClick(ui.forgot_button, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(ui.code_edit, "AAAA-BBBB")
    qtbot.keyClicks(ui.new_edit, OTHER_PASSPHRASE)
    qtbot.keyClicks(ui.confirm_edit, OTHER_PASSPHRASE)
    with qtbot.assertNotEmitted(screen.unlocked):
        qtbot.mouseClick(ui.recover_button, Qt.MouseButton.LeftButton)
    assert ui.recover_message_label.isVisible()
    assert "mal saisi" in ui.recover_message_label.text()
    # A well-formed code of another vault is wrong, not mistyped.
    from etudes_desktop.core import recovery

    body = "0" * recovery.RANDOM_SYMBOLS
    other_code = recovery.format_code(body + recovery._check(body))
    ui.code_edit.clear()
    qtbot.keyClicks(ui.code_edit, other_code)
    qtbot.mouseClick(ui.recover_button, Qt.MouseButton.LeftButton)
    assert ui.recover_message_label.text() == "Code de secours incorrect."
    assert can_open(paths, GOOD_PASSPHRASE), "nothing changed on disk"

    ui.code_edit.setFocus()
    qtbot.keyClick(ui.code_edit, Qt.Key.Key_Escape)  # Escape goes back, like the button
    assert ui.unlock_page.isVisible() and not ui.message_label.isVisible()
    assert ui.passphrase_edit.hasFocus()


def test_demo_mode_shows_the_demo_passphrase(qtbot, paths, pool, clock):
    screen = _screen(qtbot, paths, pool, clock, demo_passphrase=DEMO_PASSPHRASE)
    assert screen.ui.demo_label.isVisible()
    assert DEMO_PASSPHRASE in screen.ui.demo_label.text()
    assert "Mode démonstration" in screen.ui.demo_label.text()


def test_unlocking_runs_off_the_gui_thread_with_a_busy_bar(qtbot, paths, clock, existing_vault):
    screen = _screen(qtbot, paths, None, clock)  # the real QThreadPool
    ui = screen.ui
    qtbot.keyClicks(ui.passphrase_edit, GOOD_PASSPHRASE)
    with qtbot.waitSignal(screen.unlocked, timeout=10_000) as blocker:
        qtbot.keyClick(ui.passphrase_edit, Qt.Key.Key_Return)
        assert ui.busy_bar.isVisible()
        assert not ui.unlock_button.isEnabled() and not ui.passphrase_edit.isEnabled()
    blocker.args[0].close()
    assert not ui.busy_bar.isVisible()


def test_a_result_arriving_after_reset_is_dropped(qtbot, paths, clock, existing_vault):
    screen = _screen(qtbot, paths, None, clock)
    ui = screen.ui
    qtbot.keyClicks(ui.passphrase_edit, GOOD_PASSPHRASE)
    with qtbot.assertNotEmitted(screen.unlocked, wait=300):
        qtbot.keyClick(ui.passphrase_edit, Qt.Key.Key_Return)
        screen.reset()  # e.g. the window locked again meanwhile
        from etudes_desktop.gui.tasks import pending_tasks

        qtbot.waitUntil(lambda: pending_tasks() == 0, timeout=10_000)
    assert not ui.busy_bar.isVisible()
