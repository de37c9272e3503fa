"""The small parts: run_task, the idle watcher, the clipboard guard, languages, settings."""

from __future__ import annotations

import threading

import pytest
from PySide6.QtCore import QEvent, QPointF, Qt
from PySide6.QtGui import QGuiApplication, QMouseEvent
from PySide6.QtWidgets import QApplication, QWidget

from etudes_desktop.gui.i18n import choose_language, current_language, install_translators
from etudes_desktop.gui.lock import ClipboardGuard, IdleWatcher
from etudes_desktop.gui.settings import DEFAULT_IDLE_MINUTES, AppSettings
from etudes_desktop.gui.tasks import ImmediatePool, pending_tasks, run_task
from etudes_desktop.paths import DataPaths
from tests.gui.conftest import FakeClock


def test_run_task_calls_back_on_the_gui_thread(qtbot):
    gui_thread = threading.get_ident()
    seen: dict[str, object] = {}

    def work() -> int:
        seen["worker"] = threading.get_ident()
        return 42

    def done(value: int) -> None:
        seen["value"] = value
        seen["callback"] = threading.get_ident()

    run_task(work, done)
    qtbot.waitUntil(lambda: "value" in seen, timeout=5000)
    assert seen["value"] == 42
    assert seen["worker"] != gui_thread, "the work ran in the pool"
    assert seen["callback"] == gui_thread, "the result came back on the GUI thread"
    assert pending_tasks() == 0


def test_run_task_hands_errors_to_on_error(qtbot):
    errors: list[BaseException] = []

    def fail() -> None:
        raise ValueError("refusé")

    run_task(fail, lambda _v: pytest.fail("no result expected"), errors.append)
    qtbot.waitUntil(lambda: bool(errors), timeout=5000)
    assert isinstance(errors[0], ValueError)


def test_the_immediate_pool_runs_synchronously():
    results: list[int] = []
    run_task(lambda: 7, results.append, pool=ImmediatePool())
    assert results == [7]


def test_idle_watcher_counts_from_the_last_input(qtbot):
    clock = FakeClock()
    watcher = IdleWatcher(60, clock=clock)
    widget = QWidget()
    qtbot.addWidget(widget)
    widget.show()
    fired: list[bool] = []
    watcher.idle_timeout.connect(lambda: fired.append(True))
    watcher.check()
    clock.advance(120)
    watcher.check()
    assert not fired, "not armed: nothing to lock"
    watcher.arm()
    clock.advance(59)
    watcher.check()
    assert not fired
    QApplication.sendEvent(widget, QMouseEvent(QEvent.Type.MouseButtonPress, QPointF(1, 1), QPointF(1, 1), Qt.MouseButton.LeftButton, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier))
    clock.advance(59)
    watcher.check()
    assert not fired, "a click restarted the count"
    clock.advance(1)
    watcher.check()
    assert fired == [True]
    clock.advance(600)
    watcher.check()
    assert fired == [True], "fires once, until armed again"
    watcher.stop()


def test_clipboard_guard_forgets_after_lock(qtbot):
    guard = ClipboardGuard()
    clipboard = QGuiApplication.clipboard()
    guard.remember("06 12 34 56 78")
    clipboard.setText("06 12 34 56 78")
    assert guard.clear_ours()
    assert clipboard.text() == ""
    clipboard.setText("06 12 34 56 78")
    assert not guard.clear_ours(), "digests are dropped at each lock"
    clipboard.clear()
    guard.stop()


@pytest.mark.parametrize(
    ("setting", "system", "expected"),
    [(None, "fr_FR", "fr"), (None, "en_GB", "en"), ("en", "fr_FR", "en"), ("fr", "en_US", "fr"), (None, "de_DE", "fr"), ("xx", "C", "fr")],
)
def test_language_follows_the_setting_then_the_system(setting, system, expected):
    assert choose_language(setting, system) == expected


def test_installing_english_translates_and_french_restores(qapp):
    from PySide6.QtCore import QCoreApplication

    assert install_translators("en", qapp) == "en" and current_language() == "en"
    assert QCoreApplication.translate("UnlockForm", "Déverrouiller") == "Unlock"
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "Cancel"
    install_translators("fr", qapp)
    assert QCoreApplication.translate("UnlockForm", "Déverrouiller") == "Déverrouiller"
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "Annuler", "the Qt base translator is installed"


def test_settings_live_in_the_data_folder(data_dir):
    paths = DataPaths.for_data_dir(data_dir)
    settings = AppSettings.for_paths(paths)
    assert settings.language is None and settings.idle_minutes == DEFAULT_IDLE_MINUTES
    settings.language = "en"
    settings.idle_minutes = 3
    settings.sync()
    again = AppSettings.for_paths(paths)
    assert again.language == "en" and again.idle_minutes == 3
    assert (data_dir / "settings.ini").exists()


def test_the_demo_vault_is_created_once_with_the_demo_passphrase(data_dir, kdf):
    from etudes_desktop.core.passphrase import check_passphrase
    from etudes_desktop.demo import DEMO_PASSPHRASE, demo_paths, ensure_demo_vault
    from etudes_desktop.storage.vault import Vault

    assert check_passphrase(DEMO_PASSPHRASE).ok
    paths = demo_paths(data_dir)
    assert ensure_demo_vault(paths, kdf) is True
    before = paths.vault.read_bytes()
    assert ensure_demo_vault(paths, kdf) is False, "a second run keeps the demo vault"
    assert paths.vault.read_bytes() == before
    Vault.open(paths, DEMO_PASSPHRASE).close()


def test_a_window_a_test_leaves_open_is_found_and_closed(qapp):
    from PySide6.QtWidgets import QDialog

    from tests.gui.conftest import close_leftover_windows

    forgotten = QDialog()
    forgotten.show()
    assert close_leftover_windows(qapp) == ["QDialog"] and not forgotten.isVisible()
    assert close_leftover_windows(qapp) == []
