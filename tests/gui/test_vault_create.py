"""The creation screen, driven with keys and clicks on a real vault."""

from __future__ import annotations

import re

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication

from etudes_desktop.gui.vault_create import VaultCreateScreen, format_recovery_code
from etudes_desktop.storage.vault import Vault
from tests.gui.conftest import GOOD_PASSPHRASE, OTHER_PASSPHRASE, can_open


def _screen(qtbot, paths, pool, kdf) -> VaultCreateScreen:
    screen = VaultCreateScreen(paths, pool=pool, kdf=kdf)
    qtbot.addWidget(screen)
    screen.resize(900, 650)
    with qtbot.waitActive(screen):
        screen.show()
        screen.activateWindow()
    return screen


def test_weak_passphrase_says_what_would_be_accepted(qtbot, paths, pool, kdf):
    screen = _screen(qtbot, paths, pool, kdf)
    ui = screen.ui
    assert not ui.create_button.isEnabled()
    qtbot.keyClicks(ui.passphrase_edit, "soleil2026")
    assert ui.policy_label.isVisible()
    assert "trop faible" in ui.policy_label.text()
    assert "12 caractères" in ui.policy_label.text()
    assert not ui.create_button.isEnabled()


def test_confirmation_must_match(qtbot, paths, pool, kdf):
    screen = _screen(qtbot, paths, pool, kdf)
    ui = screen.ui
    qtbot.keyClicks(ui.passphrase_edit, GOOD_PASSPHRASE)
    assert ui.policy_label.text().startswith("✓")
    assert "Saisissez-la une seconde fois" in ui.policy_label.text()
    qtbot.keyClicks(ui.confirm_edit, GOOD_PASSPHRASE[:-1] + "?")
    assert "Les deux saisies diffèrent." in ui.policy_label.text()
    assert not ui.create_button.isEnabled()
    qtbot.keyClick(ui.confirm_edit, Qt.Key.Key_Backspace)
    qtbot.keyClicks(ui.confirm_edit, GOOD_PASSPHRASE[-1])
    assert "Les deux saisies concordent." in ui.policy_label.text()
    assert ui.create_button.isEnabled()
    assert not Vault.exists(paths), "nothing is written before the button is pressed"


def test_create_shows_the_recovery_code_once_then_continues(qtbot, paths, pool, kdf):
    screen = _screen(qtbot, paths, pool, kdf)
    ui = screen.ui
    qtbot.keyClicks(ui.passphrase_edit, GOOD_PASSPHRASE)
    qtbot.keyClicks(ui.confirm_edit, GOOD_PASSPHRASE)
    qtbot.mouseClick(ui.create_button, Qt.MouseButton.LeftButton)

    assert ui.recovery_page.isVisible() and not ui.passphrase_page.isVisible()
    shown = ui.recovery_code_label.text()
    lines = shown.split("\n")
    assert len(lines) == 2
    assert all(re.fullmatch(r"[0-9A-Z]{4}(-[0-9A-Z]{4}){3}", line) for line in lines)
    assert ui.passphrase_edit.text() == "" and ui.confirm_edit.text() == ""
    assert not ui.continue_button.isEnabled(), "continue only once the code is noted"

    with qtbot.waitSignal(screen.created, timeout=1000) as blocker:
        # where a person clicks: on the box at the start of the line
        qtbot.mouseClick(ui.noted_check, Qt.MouseButton.LeftButton, pos=QPoint(8, ui.noted_check.height() // 2))
        assert ui.continue_button.isEnabled()
        qtbot.mouseClick(ui.continue_button, Qt.MouseButton.LeftButton)
    vault = blocker.args[0]
    assert isinstance(vault, Vault) and vault.schema_version >= 1
    assert screen.shown_recovery_code() == "", "the code is never shown again"
    vault.close()

    assert paths.vault.exists() and paths.keyslots.exists()
    assert not paths.vault.read_bytes().startswith(b"SQLite format 3")
    assert can_open(paths, GOOD_PASSPHRASE)
    # The code as displayed (lines and dashes) is the one that recovers the vault.
    Vault.recover(paths, shown, OTHER_PASSPHRASE, kdf=kdf).close()
    assert can_open(paths, OTHER_PASSPHRASE)


def test_enter_in_the_confirmation_creates(qtbot, paths, pool, kdf):
    screen = _screen(qtbot, paths, pool, kdf)
    ui = screen.ui
    qtbot.keyClicks(ui.passphrase_edit, GOOD_PASSPHRASE)
    qtbot.keyClick(ui.passphrase_edit, Qt.Key.Key_Return)
    assert ui.confirm_edit.hasFocus()
    qtbot.keyClicks(ui.confirm_edit, GOOD_PASSPHRASE)
    qtbot.keyClick(ui.confirm_edit, Qt.Key.Key_Return)
    assert ui.recovery_page.isVisible()
    assert Vault.exists(paths)
    assert ui.noted_check.hasFocus()
    with qtbot.waitSignal(screen.created, timeout=1000) as blocker:
        qtbot.keyClick(ui.noted_check, Qt.Key.Key_Space)
        qtbot.keyClick(ui.noted_check, Qt.Key.Key_Tab)
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Space)
    blocker.args[0].close()


def test_creation_runs_off_the_gui_thread_with_a_busy_bar(qtbot, paths, kdf):
    screen = _screen(qtbot, paths, None, kdf)  # the real QThreadPool
    ui = screen.ui
    qtbot.keyClicks(ui.passphrase_edit, GOOD_PASSPHRASE)
    qtbot.keyClicks(ui.confirm_edit, GOOD_PASSPHRASE)
    qtbot.mouseClick(ui.create_button, Qt.MouseButton.LeftButton)
    assert ui.busy_bar.isVisible()
    assert not ui.create_button.isEnabled() and not ui.passphrase_edit.isEnabled()
    qtbot.waitUntil(ui.recovery_page.isVisible, timeout=10_000)
    assert not ui.busy_bar.isVisible()
    screen._vault.close()


def test_a_refused_creation_shows_why(qtbot, paths, pool, kdf, existing_vault):
    screen = _screen(qtbot, paths, pool, kdf)
    ui = screen.ui
    before = paths.vault.read_bytes()
    qtbot.keyClicks(ui.passphrase_edit, GOOD_PASSPHRASE)
    qtbot.keyClicks(ui.confirm_edit, GOOD_PASSPHRASE)
    qtbot.mouseClick(ui.create_button, Qt.MouseButton.LeftButton)
    assert ui.message_label.isVisible()
    assert ui.message_label.text() == "Un coffre existe déjà dans ce dossier."
    assert ui.passphrase_page.isVisible()
    assert paths.vault.read_bytes() == before


def test_format_recovery_code_groups_for_reading_aloud():
    assert format_recovery_code("AAAA-BBBB-CCCC-DDDD-EEEE-FFFF-GGGG-HHHH") == "AAAA-BBBB-CCCC-DDDD\nEEEE-FFFF-GGGG-HHHH"
    assert format_recovery_code("AAAABBBBCCCC") == "AAAA-BBBB-CCCC"
