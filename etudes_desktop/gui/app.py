"""`etudes-desktop [--data-dir DIR] [--demo]`: the interviewer's application."""

from __future__ import annotations

import argparse
import json
import logging
import os
import resource
import sys
import time
from collections.abc import Sequence
from typing import Any

from etudes_desktop import APP_AUTHOR, APP_ID, APP_NAME, __version__

_STARTED = time.perf_counter()
log = logging.getLogger(__name__)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="etudes-desktop", description="Études terrain : l'application des enquêteurs.")
    parser.add_argument("--data-dir", default=None, help="dossier des données (coffre, journaux)")
    parser.add_argument("--demo", action="store_true", help="données fictives dans un dossier de démonstration")
    parser.add_argument("--lang", default=None, choices=("fr", "en"), help="langue de l'interface (sinon réglage, puis système)")
    parser.add_argument("--version", action="version", version=f"etudes-desktop {__version__}")
    parser.add_argument("--self-test", action="store_true",
                        help="vérifier l'installation sans écran (coffre jetable, questionnaire de démonstration, "
                             "écran de déverrouillage) ; une ligne, code 0 si tout va bien")
    # Hidden, for smoke tests and the start-up benchmark.
    parser.add_argument("--quit-after", type=int, default=None, metavar="MS", help=argparse.SUPPRESS)
    parser.add_argument("--report-startup", action="store_true", help=argparse.SUPPRESS)
    return parser


def _report_startup(controller: object) -> None:
    """One JSON line on stdout once the first screen is on show (benchmark)."""
    window = controller.window  # type: ignore[attr-defined]
    screen = window.screens.currentWidget()
    figures = {
        "shown_s": round(time.perf_counter() - _STARTED, 4),
        "wall_time": time.time(),
        "max_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
        "screen": type(screen).__name__,
        "visible": window.isVisible(),
    }
    print(json.dumps(figures), flush=True)


def _no_display() -> bool:
    """On Linux, neither X11 nor Wayland nor an explicit Qt platform: Qt would abort."""
    if not sys.platform.startswith("linux") or os.environ.get("QT_QPA_PLATFORM"):
        return False
    return not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


def main(argv: Sequence[str] | None = None) -> int:
    """Start the application; return its exit code."""
    args = build_parser().parse_args(argv)
    if args.self_test:  # offscreen, in a throw-away folder: no display, no user data needed
        from etudes_desktop.demo.self_test import run

        return run(_STARTED)
    from etudes_desktop.gui import x11_libs

    missing = x11_libs.missing_packages() if x11_libs.uses_xcb() else []
    if missing:  # Qt would print a long error about its "xcb" plugin and abort
        print("etudes-desktop : il manque des bibliothèques d'affichage de Qt ; installez-les avec : "
              + x11_libs.install_line(missing), file=sys.stderr)
        return 1
    if _no_display():
        print(
            "etudes-desktop : aucun affichage graphique (ni DISPLAY ni WAYLAND_DISPLAY) ; "
            "pour un essai sans écran, lancez-le avec QT_QPA_PLATFORM=offscreen",
            file=sys.stderr,
        )
        return 1
    from PySide6.QtCore import QThreadPool, QTimer
    from PySide6.QtWidgets import QApplication

    from etudes_desktop.demo import demo_paths
    from etudes_desktop.gui.controller import AppController
    from etudes_desktop.gui.i18n import choose_language, install_translators
    from etudes_desktop.gui.settings import AppSettings
    from etudes_desktop.gui.style import apply_style
    from etudes_desktop.logging_setup import setup_logging
    from etudes_desktop.paths import DataPaths

    paths = demo_paths(args.data_dir) if args.demo else DataPaths.for_data_dir(args.data_dir)
    paths.ensure()  # 0700 folders, 0600 files
    setup_logging(paths.log_dir)
    app = QApplication.instance() or QApplication([sys.argv[0] if sys.argv else "etudes-desktop"])
    app.setApplicationName(APP_NAME)
    app.setOrganizationName(APP_AUTHOR)
    app.setDesktopFileName(APP_ID)
    settings = AppSettings.for_paths(paths)
    language = install_translators(choose_language(args.lang or settings.language), app)
    apply_style(app)
    _set_icon(app)
    controller = AppController(paths, demo=args.demo, idle_seconds=settings.idle_minutes * 60, settings=settings)
    app.aboutToQuit.connect(controller.shutdown)
    demo_server = _start_demo_server_behind(paths, controller, app) if args.demo else None  # noqa: F841 - kept alive
    controller.window.show()
    controller.start()
    log.info("started (language %s, demo %s)", language, args.demo)
    if args.report_startup:
        QTimer.singleShot(0, lambda: _report_startup(controller))
    if args.quit_after is not None:
        QTimer.singleShot(max(0, args.quit_after), app.quit)
    code = int(app.exec())
    QThreadPool.globalInstance().waitForDone()  # e.g. the demo vault still being created
    return code


def _start_demo_server_behind(paths: Any, controller: Any, app: Any) -> Any:
    """--demo: the real collection server on 127.0.0.1, enrolled for this session, started behind the
    unlock screen (it takes a second; the interviewer is typing the passphrase meanwhile). Returns
    the object that carries its address to the window's thread (keep a reference to it)."""
    import threading

    from PySide6.QtCore import QObject, Signal

    from etudes_desktop.gui.interview.signals import emit

    class DemoServer(QObject):
        ready = Signal(str, str)  # url, device token

    holder = DemoServer()
    holder.ready.connect(controller.set_demo_server)
    stops: list[Any] = []

    def start() -> None:
        from etudes_desktop.demo.server import start_demo_server

        try:
            url, token, stop = start_demo_server(paths.data_dir)
        except (OSError, RuntimeError) as exc:
            log.warning("demo server not started: %s", type(exc).__name__)
            return
        stops.append(stop)
        emit(holder.ready, url, token)

    thread = threading.Thread(target=start, name="demo-server", daemon=True)
    thread.start()

    def stop_all() -> None:
        thread.join(timeout=30)
        for stop in stops:
            stop()

    app.aboutToQuit.connect(stop_all)
    return holder


def _set_icon(app: object) -> None:
    from PySide6.QtGui import QIcon

    from etudes_desktop.paths import resource_path

    icon = resource_path("icons", "etudes.png")
    if icon.exists():
        app.setWindowIcon(QIcon(str(icon)))  # type: ignore[attr-defined]


if __name__ == "__main__":
    sys.exit(main())
