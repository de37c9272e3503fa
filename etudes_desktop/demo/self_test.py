"""`etudes-desktop --self-test`: does this installation work, without a screen and without its data?

Run from a source tree or from the installed bundle (CI runs it on the PyInstaller build). In a
throw-away folder it creates a vault (SQLCipher, Argon2 with cheap parameters), starts the real
application window on the offscreen Qt platform, waits for the unlock screen, unlocks it with the
passphrase typed into its field, imports the demo study (the XLSForm through pyxform), walks the
demo questionnaire through the interview engine, stores one completed interview and reads it back.

It prints one line and exits 0, or prints one line saying which step failed and exits 1. Only
fictitious data is used, and the folder is deleted afterwards; the user's own data folder, log
and settings are not touched.
"""

from __future__ import annotations

import os
import random
import secrets
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any, TextIO

UNLOCK_TIMEOUT_MS = 20_000
PREFIX = "etudes-desktop --self-test"


class StepFailed(Exception):
    """One step of the self-test did not give what it should; the message names it (French)."""


def process_age() -> float | None:
    """Seconds since this process was started by the system (Linux), else None.

    In a frozen bundle this includes the bootloader and the interpreter's start, which a clock
    read from Python code would miss.
    """
    try:
        stat = Path("/proc/self/stat").read_text()
        uptime = float(Path("/proc/uptime").read_text().split()[0])
        # the command name (field 2) may hold spaces: count from the closing parenthesis
        fields = stat[stat.rindex(")") + 2:].split()
        started_ticks = int(fields[19])  # field 22 of proc(5): starttime, in clock ticks after boot
        return max(0.0, uptime - started_ticks / os.sysconf("SC_CLK_TCK"))
    except (OSError, ValueError, IndexError):
        return None


# A windowed Windows bundle has no stdout: the exit code still tells, and this file gets the line.
OUTPUT_ENV = "ETUDES_SELF_TEST_OUTPUT"


def _say(line: str, out: TextIO | None) -> None:
    try:
        if out is not None:
            print(line, file=out, flush=True)
        elif os.environ.get(OUTPUT_ENV):
            Path(os.environ[OUTPUT_ENV]).write_text(line + "\n", encoding="utf-8")
    except (OSError, ValueError):
        pass


def run(started: float, out: TextIO | None = None) -> int:
    """The whole self-test; `started` is the perf_counter reading at the program's start."""
    out = out if out is not None else sys.stdout  # None in a windowed Windows bundle
    os.environ["QT_QPA_PLATFORM"] = "offscreen"  # before Qt loads: no display needed, none used
    step = ["préparation"]
    slot_errors: list[tuple[str, str]] = []  # exceptions raised in Qt callbacks, which Qt would only print
    previous_hook = sys.excepthook
    sys.excepthook = lambda kind, value, tb: slot_errors.append((step[0], kind.__name__))
    try:
        with tempfile.TemporaryDirectory(prefix="etudes-autotest-") as folder:
            figures = _run_steps(Path(folder), started, step)
        if slot_errors:
            step[0] = slot_errors[0][0]
            raise StepFailed(f"erreur dans l'interface : {slot_errors[0][1]}")
    except StepFailed as exc:
        _say(f"{PREFIX} : ÉCHEC à l'étape « {step[0]} » : {exc}", out)
        return 1
    except Exception as exc:  # noqa: BLE001 - one line, never a traceback
        message = getattr(exc, "message", None) or type(exc).__name__
        _say(f"{PREFIX} : ÉCHEC à l'étape « {step[0]} » : {message}", out)
        return 1
    finally:
        sys.excepthook = previous_hook
    _say(
        f"{PREFIX} : OK — coffre chiffré créé et déverrouillé à l'écran, "
        f"étude de démonstration importée, {figures['answers']} réponses passées par le moteur "
        f"et relues du coffre ; écran de déverrouillage affiché {figures['unlock_screen_s']:.2f} s "
        f"après le lancement (Qt {figures['qt']}, plateforme {figures['platform']}, "
        f"total {figures['total_s']:.2f} s)",
        out,
    )
    return 0


def _run_steps(folder: Path, started: float, step: list[str]) -> dict[str, Any]:
    from etudes_desktop.logging_setup import close_logging, setup_logging
    from etudes_desktop.paths import DataPaths

    paths = DataPaths.for_data_dir(folder)
    setup_logging(paths.log_dir)  # the throw-away folder's own log, not the user's
    try:
        return _checks(paths, started, step)
    finally:
        close_logging(paths.log_dir)  # an open log would keep Windows from deleting the folder


def _checks(paths: Any, started: float, step: list[str]) -> dict[str, Any]:
    from etudes_desktop import APP_AUTHOR, APP_ID, APP_NAME
    from etudes_desktop.paths import resource_path
    from etudes_desktop.storage import migrate
    from etudes_desktop.storage.vault import KdfParams, Vault

    step[0] = "ressources"
    for parts in (("translations", "etudes_fr.qm"), ("translations", "etudes_en.qm"), ("notices", "notice_fr.txt"),
                  ("studies", "satisfaction_assures_2026.xlsx"), ("styles", "app.qss"), ("icons", "etudes.png")):
        if not resource_path(*parts).is_file():
            raise StepFailed(f"fichier manquant : resources/{'/'.join(parts)}")

    step[0] = "greffon Qt offscreen"
    if not _offscreen_plugin_present():  # Qt would abort the process with no line of ours
        raise StepFailed("greffon de plateforme Qt « offscreen » introuvable (installation incomplète)")

    step[0] = "création du coffre"
    passphrase = f"Autotest-{secrets.token_hex(6)}-Vérifié!"
    vault, _recovery = Vault.create(paths, passphrase, kdf=KdfParams.fast())
    try:
        latest = migrate.latest_version()
        if latest == 0 or vault.schema_version != latest:
            raise StepFailed(f"schéma du coffre {vault.schema_version} sur {latest} (migrations absentes ?)")
    finally:
        vault.close()

    step[0] = "fenêtre et écran de déverrouillage"
    from PySide6 import __version__ as qt_version
    from PySide6.QtCore import QEventLoop, QTimer
    from PySide6.QtWidgets import QApplication

    from etudes_desktop.gui.controller import AppController
    from etudes_desktop.gui.i18n import install_translators
    from etudes_desktop.gui.style import apply_style

    app = QApplication.instance() or QApplication([sys.argv[0] if sys.argv else "etudes-desktop"])
    app.setApplicationName(APP_NAME)
    app.setOrganizationName(APP_AUTHOR)
    app.setDesktopFileName(APP_ID)
    if install_translators("en", app) != "en" or app.translate("UnlockForm", "Déverrouiller") == "Déverrouiller":
        raise StepFailed("traduction anglaise introuvable ou illisible (etudes_en.qm)")
    install_translators("fr", app)
    apply_style(app)
    controller = AppController(paths)
    try:
        controller.window.show()
        controller.start()
        app.processEvents()
        screen = controller.window.screens.currentWidget()
        if screen is not controller.unlock_screen or not controller.window.isVisible():
            raise StepFailed(f"premier écran inattendu : {type(screen).__name__}")
        shown = process_age()
        unlock_screen_s = shown if shown is not None else time.perf_counter() - started
        picture = controller.window.grab()
        if picture.isNull() or picture.width() < 200 or picture.height() < 200:
            raise StepFailed("la fenêtre ne s'est pas dessinée")

        step[0] = "déverrouillage"
        _wait_for(app, lambda: _unlock(controller, passphrase), controller.hub.vault_opened, QEventLoop, QTimer)
        if controller.vault is None:
            raise StepFailed(_unlock_message(controller))

        step[0] = "questionnaire de démonstration"
        answers = _walk_demo_questionnaire(controller.vault)
    finally:
        controller.shutdown()
        controller.window.close()
        controller.window.deleteLater()
        app.processEvents()
    return {"answers": answers, "unlock_screen_s": unlock_screen_s, "qt": qt_version,
            "platform": app.platformName(), "total_s": time.perf_counter() - started}


def _offscreen_plugin_present() -> bool:
    """Whether Qt will find its offscreen platform plugin (where the environment or Qt looks)."""
    from PySide6.QtCore import QLibraryInfo

    asked = os.environ.get("QT_QPA_PLATFORM_PLUGIN_PATH")
    folders = [Path(p) for p in asked.split(os.pathsep) if p] if asked else []
    if not asked:
        folders.append(Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.PluginsPath)) / "platforms")
    return any(any(folder.glob("*qoffscreen*")) for folder in folders if folder.is_dir())


def _unlock(controller: Any, passphrase: str) -> None:
    edit = controller.unlock_screen.ui.passphrase_edit
    edit.setText(passphrase)
    controller.unlock_screen.ui.unlock_button.click()


def _unlock_message(controller: Any) -> str:
    label = controller.unlock_screen.ui.message_label
    text = label.text() if label.isVisible() else ""
    return f"le coffre ne s'est pas ouvert{' : ' + text if text else ''} (délai {UNLOCK_TIMEOUT_MS // 1000} s)"


def _wait_for(app: Any, action: Callable[[], None], signal: Any, event_loop: Any, timer: Any) -> None:
    """Run `action`, then the event loop until `signal` fires or the time-out passes."""
    loop = event_loop()
    signal.connect(loop.quit)
    timer.singleShot(UNLOCK_TIMEOUT_MS, loop.quit)
    timer.singleShot(0, action)
    loop.exec()
    signal.disconnect(loop.quit)


def _walk_demo_questionnaire(vault: Any) -> int:
    """Import the demo study, answer it through the engine, store it completed, read it back."""
    from etudes_desktop.core.interview import State
    from etudes_desktop.core.session import Session
    from etudes_desktop.demo import seed
    from etudes_desktop.storage.interviews import InterviewStore

    package = seed.import_demo_study(vault)
    if not package.questionnaire.items:
        raise StepFailed("l'étude de démonstration n'a aucune question")
    seed.seed_interviews(vault, package.id, 1, random.Random(2026))
    store = InterviewStore(vault)
    completed = store.list_for_study(package.id, (State.COMPLETED,))
    if len(completed) != 1:
        raise StepFailed(f"{len(completed)} entretien(s) complet(s) dans le coffre au lieu de 1")
    stored = store.answers(completed[0].id)
    session = Session(package.questionnaire)
    # metadata (start, end) are stored too but filled by the engine itself, not answered
    refused = [key for key in session.restore(stored) if session.item(key).is_input]
    missing = session.errors()
    if not stored or refused or missing:
        raise StepFailed(f"réponses relues refusées par le moteur ({len(refused)} refusées, "
                         f"{len(missing)} manquantes ou hors contrainte)")
    return sum(1 for key in stored if session.item(key).is_input)
