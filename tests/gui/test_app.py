"""The application controller: first screen, demo mode, auto-lock, and the real entry point."""

from __future__ import annotations

import json
import os
import subprocess
import sys

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QLineEdit

from etudes_desktop.demo import DEMO_PASSPHRASE, demo_paths
from etudes_desktop.gui.controller import WORKSPACE_VIEW, AppController
from etudes_desktop.gui.unlock import UnlockScreen
from etudes_desktop.gui.vault_create import VaultCreateScreen
from etudes_desktop.storage.vault import Vault
from tests.gui.conftest import GOOD_PASSPHRASE, can_open


def _unlock(qtbot, controller, passphrase: str = GOOD_PASSPHRASE) -> None:
    edit = controller.unlock_screen.ui.passphrase_edit
    qtbot.keyClicks(edit, passphrase)
    with qtbot.waitSignal(controller.hub.vault_opened, timeout=5000):
        qtbot.keyClick(edit, Qt.Key.Key_Return)


def _with_notes_view(controller) -> QLineEdit:
    """A stand-in for a colleague's view: one answer field, registered as a workspace view."""
    field = QLineEdit()
    field.setObjectName("answer_field")
    controller.window.add_view("notes", field)
    return field


def test_a_fresh_machine_opens_the_creation_screen(make_controller, paths, qtbot):
    controller = make_controller(paths)
    screen = controller.window.screens.currentWidget()
    assert isinstance(screen, VaultCreateScreen)
    assert controller.window.state_label.text() == "Aucun coffre"
    assert not controller.window.lock_action.isEnabled()
    ui = screen.ui
    qtbot.keyClicks(ui.passphrase_edit, GOOD_PASSPHRASE)
    qtbot.keyClicks(ui.confirm_edit, GOOD_PASSPHRASE)
    qtbot.keyClick(ui.confirm_edit, Qt.Key.Key_Return)
    ui.noted_check.setChecked(True)
    with qtbot.waitSignal(controller.hub.vault_opened, timeout=2000):
        qtbot.mouseClick(ui.continue_button, Qt.MouseButton.LeftButton)
    assert controller.window.workspace_visible()
    assert controller.window.current_view_key() == WORKSPACE_VIEW
    assert controller.workspace is not None and controller.workspace.isVisible()
    assert controller.workspace.services.vault is controller.vault, "the workspace follows the hub"
    assert controller.window.state_label.text() == "Coffre ouvert"
    assert controller.window.lock_action.isEnabled()
    assert controller.create_screen is None, "the creation screen is gone for good"
    assert Vault.exists(paths)


def test_an_existing_vault_opens_the_unlock_screen(make_controller, paths, existing_vault, qtbot):
    controller = make_controller(paths)
    assert controller.window.screens.currentWidget() is controller.unlock_screen
    assert controller.window.state_label.text() == "Coffre verrouillé"
    assert not controller.unlock_screen.ui.demo_label.isVisible()
    _unlock(qtbot, controller)
    assert controller.window.workspace_visible() and not controller.locked


def test_demo_creates_its_vault_and_shows_the_passphrase(make_controller, data_dir, qtbot):
    paths = demo_paths(data_dir)
    assert paths.data_dir == data_dir.resolve() / "demo"
    controller = make_controller(paths, demo=True)
    assert isinstance(controller.window.screens.currentWidget(), UnlockScreen)
    assert Vault.exists(paths), "the demo vault was created on first run"
    ui = controller.unlock_screen.ui
    assert ui.demo_label.isVisible() and DEMO_PASSPHRASE in ui.demo_label.text()
    assert not ui.busy_bar.isVisible()
    assert controller.window.mode_label.isVisible()
    assert "démonstration" in controller.window.windowTitle()
    _unlock(qtbot, controller, DEMO_PASSPHRASE)
    assert controller.window.workspace_visible()


def test_idle_time_locks_and_unlock_returns_to_the_same_page(make_controller, paths, existing_vault, qtbot, clock):
    controller = make_controller(paths, idle_seconds=600)
    field = _with_notes_view(controller)
    _unlock(qtbot, controller)
    controller.window.show_view("notes")
    vault = controller.vault

    clock.advance(599)
    controller.idle.check()
    assert not controller.locked
    qtbot.keyClicks(field, "x")  # activity restarts the count
    clock.advance(599)
    controller.idle.check()
    assert not controller.locked

    with qtbot.waitSignal(controller.hub.vault_locked, timeout=1000):
        clock.advance(1)
        controller.idle.check()
    assert controller.locked
    assert not controller.window.workspace_visible() and not field.isVisible(), "content hidden"
    assert controller.workspace.services.vault is None, "the workspace let go of the vault"
    assert controller.window.screens.currentWidget() is controller.unlock_screen
    assert controller.window.state_label.text() == "Coffre verrouillé"
    assert not controller.window.lock_action.isEnabled()
    try:
        vault.conn.execute("SELECT 1")
        closed = False
    except Exception:  # noqa: BLE001 - any refusal means the connection is closed
        closed = True
    assert closed, "the vault's connection was closed"

    assert controller.window.statusBar().currentMessage() == "Coffre verrouillé après inactivité."

    _unlock(qtbot, controller)
    assert controller.window.current_view_key() == "notes" and field.isVisible()


def test_lock_closes_dialogs_opened_over_the_content(make_controller, paths, existing_vault, qtbot):
    from PySide6.QtWidgets import QDialog

    controller = make_controller(paths)
    _unlock(qtbot, controller)
    dialog = QDialog(controller.window)
    dialog.setWindowTitle("Engagement")
    dialog.open()  # window-modal, non-blocking
    assert dialog.isVisible()
    with qtbot.waitSignal(dialog.rejected, timeout=1000):
        controller.lock()
    assert not dialog.isVisible()


def test_the_idle_timer_itself_locks(make_controller, paths, existing_vault, qtbot, clock):
    controller = make_controller(paths, idle_seconds=600)
    _unlock(qtbot, controller)
    controller.idle._timer.setInterval(20)
    controller.idle._timer.start()
    clock.advance(601)
    qtbot.waitUntil(lambda: controller.locked, timeout=2000)


def test_lock_clears_our_text_from_the_clipboard(make_controller, paths, existing_vault, qtbot):
    controller = make_controller(paths)
    field = _with_notes_view(controller)
    _unlock(qtbot, controller)
    controller.window.show_view("notes")
    with qtbot.waitActive(controller.window):
        controller.window.activateWindow()
    field.setFocus()
    qtbot.keyClicks(field, "Mme Dupont, 12 rue des Lilas")
    field.selectAll()
    qtbot.keyClick(field, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    clipboard = QGuiApplication.clipboard()
    assert clipboard.text() == "Mme Dupont, 12 rue des Lilas"
    qtbot.keyClick(field, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)  # "Verrouiller maintenant"
    assert controller.locked
    assert clipboard.text() == ""


def test_lock_leaves_text_copied_elsewhere(make_controller, paths, existing_vault, qtbot):
    controller = make_controller(paths)
    _unlock(qtbot, controller)
    clipboard = QGuiApplication.clipboard()
    controller.window.clearFocus()
    from PySide6.QtWidgets import QApplication

    focus = QApplication.focusWidget()
    if focus is not None:
        focus.clearFocus()
    clipboard.setText("texte d'une autre application")
    controller.lock()
    assert clipboard.text() == "texte d'une autre application"
    clipboard.clear()


def test_quit_closes_the_vault(make_controller, paths, existing_vault, qtbot):
    controller = make_controller(paths)
    _unlock(qtbot, controller)
    controller.shutdown()
    assert controller.locked
    assert can_open(paths, GOOD_PASSPHRASE)


def _run_app(*args: str, env_extra: dict | None = None) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", **(env_extra or {})}
    return subprocess.run(
        [sys.executable, "-m", "etudes_desktop.gui.app", *args, "--quit-after", "300", "--report-startup"],
        capture_output=True,
        text=True,
        timeout=90,
        env=env,
    )


def test_the_entry_point_starts_on_the_creation_screen(data_dir):
    result = _run_app("--data-dir", str(data_dir))
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout.strip().splitlines()[-1])
    assert report["screen"] == "VaultCreateScreen" and report["visible"]
    assert "Traceback" not in result.stderr
    assert (data_dir / "logs" / "etudes.log").exists()


def test_the_entry_point_in_demo_mode_starts_on_the_unlock_screen(data_dir):
    result = _run_app("--data-dir", str(data_dir), "--demo")
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout.strip().splitlines()[-1])
    assert report["screen"] == "UnlockScreen"
    assert "Traceback" not in result.stderr
    paths = demo_paths(data_dir)
    # The demo vault is created in the background; quitting waits for it.
    assert Vault.exists(paths)
    assert can_open(paths, DEMO_PASSPHRASE)


def test_settings_menu_changes_the_lock_delay_and_the_language(make_controller, paths, existing_vault, qtbot, clock):
    from etudes_desktop.gui.settings import AppSettings

    controller = make_controller(paths, idle_seconds=600)
    window = controller.window
    assert window.idle_actions[10].isChecked() and window.language_actions["fr"].isChecked()
    window.idle_actions[5].trigger()
    assert controller.idle.timeout == 300
    assert window.statusBar().currentMessage() == "Verrouillage automatique après 5 min d'inactivité."
    window.language_actions["en"].trigger()
    assert window.statusBar().currentMessage() == "La langue choisie s'appliquera au prochain démarrage."
    saved = AppSettings.for_paths(paths)
    assert saved.idle_minutes == 5 and saved.language == "en"

    _unlock(qtbot, controller)
    clock.advance(300)
    controller.idle.check()
    assert controller.locked, "the new delay applies at once"


def test_without_any_display_the_entry_point_explains_instead_of_aborting(data_dir):
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    result = subprocess.run(
        [sys.executable, "-m", "etudes_desktop.gui.app", "--data-dir", str(data_dir), "--quit-after", "100"],
        capture_output=True, text=True, timeout=60, env=env,
    )
    assert result.returncode == 1
    assert "QT_QPA_PLATFORM=offscreen" in result.stderr and "Traceback" not in result.stderr


def test_lock_lets_a_running_task_finish_before_closing_the_vault(make_controller, paths, existing_vault, qtbot):
    import threading

    from etudes_desktop.gui.tasks import run_task

    controller = make_controller(paths, pool=None)  # the real QThreadPool
    _unlock(qtbot, controller)
    vault = controller.vault
    release = threading.Event()
    written: list[int] = []

    def commit_an_answer() -> int:
        release.wait(5)
        with vault.transaction() as conn:
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        written.append(1)
        return 1

    run_task(commit_an_answer, lambda _r: None, lambda exc: written.append(-1))
    threading.Timer(0.2, release.set).start()
    controller.lock()
    assert written == [1], "the answer was committed before the vault closed"
    qtbot.waitUntil(lambda: controller.locked, timeout=2000)


def test_the_views_and_the_rights_dialog_are_reached_from_the_menus(make_controller, paths, existing_vault, qtbot):
    from PySide6.QtWidgets import QApplication

    from etudes_desktop.gui.controller import AUDIT_VIEW, SYNC_VIEW
    from etudes_desktop.gui.rights_dialog import RightsDialog

    controller = make_controller(paths)
    window = controller.window
    assert window.view_menu.actions() == [], "no view before the first unlock"
    _unlock(qtbot, controller)
    views = {a.text(): a for a in window.view_menu.actions()}
    assert list(views) == ["Études et entretiens", "Synchronisation", "Journal d'audit", "Rappels prévus",
                           "Appel suivant", "Taux de réponse (AAPOR)", "Réunions de groupe",
                           "Saisie des questionnaires papier"]
    assert all(a.isEnabled() for a in views.values())
    views["Journal d'audit"].trigger()
    views["Rappels prévus"].trigger()  # the callbacks agenda: the workspace's Rappels tab
    workspace = window.view(WORKSPACE_VIEW)
    assert window.current_view_key() == WORKSPACE_VIEW and workspace.tabs.currentWidget() is workspace.callbacks
    views["Synchronisation"].trigger()
    assert window.current_view_key() == SYNC_VIEW and window.view(SYNC_VIEW).isVisible()
    views["Journal d'audit"].trigger()
    assert window.current_view_key() == AUDIT_VIEW
    views["Études et entretiens"].trigger()
    assert window.current_view_key() == WORKSPACE_VIEW

    rights = next(a for a in window.vault_menu.actions() if a.text().startswith("Droits des personnes"))
    rights.trigger()  # window-modal, not blocking
    dialogs = [w for w in QApplication.topLevelWidgets() if isinstance(w, RightsDialog) and w.isVisible()]
    assert len(dialogs) == 1
    views["Synchronisation"].trigger()
    controller.lock()
    assert not dialogs[0].isVisible(), "the lock closed the dialog"
    assert not any(a.isEnabled() for a in views.values()) and not rights.isEnabled()
    _unlock(qtbot, controller)
    assert window.current_view_key() == SYNC_VIEW, "back where the person was"


def test_demo_mode_fills_the_sync_settings_with_the_embedded_demo_server(make_controller, data_dir, qtbot):
    from etudes_desktop.demo.server import start_demo_server
    from etudes_desktop.sync import overview

    paths = demo_paths(data_dir)
    url, token, stop = start_demo_server(paths.data_dir)
    try:
        controller = make_controller(paths, demo=True, demo_server=(url, token))
        _unlock(qtbot, controller, DEMO_PASSPHRASE)
        settings = overview.load_settings(controller.vault)
        assert settings.complete and settings.server_url == url and url.startswith("http://127.0.0.1:")
    finally:
        stop()


def test_the_window_size_is_remembered_across_runs(make_controller, paths, existing_vault, qtbot):
    first = make_controller(paths)
    minimum = first.window.minimumSize()
    wanted = (minimum.width(), minimum.height() + 37)  # the offscreen screen is 800 wide
    first.window.resize(*wanted)
    qtbot.waitUntil(lambda: (first.window.width(), first.window.height()) == wanted)
    first.shutdown()
    again = AppController(paths)
    qtbot.addWidget(again.window)
    assert (again.window.width(), again.window.height()) == wanted
    again.shutdown()


def test_the_demo_server_address_reaches_the_vault_whenever_it_comes_up(make_controller, paths, existing_vault, qtbot):
    """--demo starts its collection server behind the unlock screen: its address is saved in the vault
    at unlock when it was up before, or at once when it comes up after."""
    from etudes_desktop.sync import overview

    controller = make_controller(paths)
    controller.set_demo_server("http://127.0.0.1:8765", "etd_" + "a" * 43)  # up before the passphrase
    _unlock(qtbot, controller)
    assert overview.load_settings(controller.vault).server_url == "http://127.0.0.1:8765"
    controller.set_demo_server("http://127.0.0.1:8766", "etd_" + "b" * 43)  # up after it
    assert overview.load_settings(controller.vault).server_url == "http://127.0.0.1:8766"
