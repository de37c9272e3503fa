"""`python -m etudes_desktop.demo.screenshots OUTDIR`: every screen, rendered offscreen to PNG.

Drives the real screens on a throw-away vault (fast key derivation), in French, then the two
first screens in English, then the interview and administration screens their packages build
for this purpose (`demo.interview_states.screenshot_widgets`, `demo.admin_screens.screenshot_widgets`).
"""

from __future__ import annotations

import logging
import os
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import Qt  # noqa: E402
from PySide6.QtWidgets import QApplication, QDialog, QWidget  # noqa: E402

from etudes_desktop.gui.controller import AppController  # noqa: E402
from etudes_desktop.gui.i18n import install_translators  # noqa: E402
from etudes_desktop.gui.style import apply_style  # noqa: E402
from etudes_desktop.gui.tasks import ImmediatePool  # noqa: E402
from etudes_desktop.paths import DataPaths  # noqa: E402

WINDOW_SIZE = (980, 700)
SAMPLE_PASSPHRASE = "Carnet-Enquete-2026!"


class _Clock:
    """A clock the renderer moves by hand (so the delay screen shows a stable countdown)."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def _settle() -> None:
    for _ in range(3):
        QApplication.processEvents()


class Renderer:
    """Saves numbered PNGs of a window as the screens are driven."""

    def __init__(self, outdir: Path) -> None:
        self.outdir = outdir
        self.saved: list[Path] = []

    def shot(self, window: QWidget, name: str) -> None:
        _settle()
        path = self.outdir / f"{len(self.saved) + 1:02d}-{name}.png"
        window.grab().save(str(path))
        self.saved.append(path)


def _controller(folder: Path, *, demo: bool = False, clock: Callable[[], float] | None = None) -> AppController:
    from etudes_desktop.storage.vault import KdfParams

    paths = DataPaths.for_data_dir(folder)
    kwargs = {"clock": clock} if clock is not None else {}
    controller = AppController(paths, demo=demo, pool=ImmediatePool(), kdf=KdfParams.fast(), **kwargs)
    controller.window.resize(*WINDOW_SIZE)
    controller.window.show()
    controller.start()
    return controller


def _creation_screens(r: Renderer, folder: Path, suffix: str = "") -> AppController:
    c = _controller(folder)
    ui = c.create_screen.ui  # type: ignore[union-attr]
    r.shot(c.window, "creation" + suffix)
    ui.passphrase_edit.setText("soleil2026")
    r.shot(c.window, "creation-trop-faible" + suffix)
    ui.passphrase_edit.setText(SAMPLE_PASSPHRASE)
    ui.confirm_edit.setText(SAMPLE_PASSPHRASE)
    r.shot(c.window, "creation-conforme" + suffix)
    ui.create_button.click()
    ui.noted_check.setChecked(True)
    r.shot(c.window, "code-de-secours" + suffix)
    ui.continue_button.click()
    return c


def _unlock_screens(r: Renderer, c: AppController) -> None:
    r.shot(c.window, "coffre-ouvert")
    c.lock()
    r.shot(c.window, "deverrouillage")
    ui = c.unlock_screen.ui
    ui.passphrase_edit.setText("pas la bonne phrase")
    ui.unlock_button.click()
    r.shot(c.window, "phrase-incorrecte")
    ui.forgot_button.click()
    ui.code_edit.setText("K7M2-9QXD-")
    ui.new_edit.setText("Nouvelle-Phrase-2026!")
    ui.confirm_edit.setText("Nouvelle-Phrase-2026!")
    r.shot(c.window, "recuperation")
    ui.back_button.click()
    for _ in range(10):
        ui.passphrase_edit.setText("pas la bonne phrase")
        ui.unlock_button.click()
        if c.unlock_screen.retry_delay_remaining():
            break
    r.shot(c.window, "delai-apres-echecs")


def _close(c: AppController) -> None:
    c.shutdown()
    c.window.close()


def _demo_screens(r: Renderer, folder: Path) -> AppController:
    """The demo folder: its unlock screen, then the workspace over the demo study."""
    from etudes_desktop.demo import DEMO_PASSPHRASE

    demo = _controller(folder, demo=True)
    r.shot(demo.window, "demo-deverrouillage")
    demo.unlock_screen.ui.passphrase_edit.setText(DEMO_PASSPHRASE)
    demo.unlock_screen.ui.unlock_button.click()
    r.shot(demo.window, "demo-espace-de-travail")
    return demo


def _english_screens(r: Renderer, app: QApplication, root: Path) -> None:
    install_translators("en", app)
    try:
        c = _controller(root / "en")
        r.shot(c.window, "en-creation")
        _close(c)
        c = _controller(root / "fr")
        r.shot(c.window, "en-unlock")
        _close(c)
    finally:
        install_translators("fr", app)


def _shoot_widgets(r: Renderer, widgets: dict[str, QWidget]) -> None:
    """Screens built by the other gui packages: the size they chose, else a dialog's hint, else the window's."""
    for name, widget in widgets.items():
        if widget.testAttribute(Qt.WidgetAttribute.WA_Resized):
            pass  # the package chose its size
        elif isinstance(widget, QDialog):
            widget.adjustSize()
        else:
            widget.resize(*WINDOW_SIZE)
        widget.show()
        r.shot(widget, name)
        widget.close()


def _package_screens(r: Renderer, demo: AppController, root: Path) -> None:
    """Interview and administration screens, from the screenshot hooks of their packages."""
    sections: list[tuple[str, Callable[[], dict[str, QWidget]]]] = [
        ("interview", lambda: _interview_widgets(root / "interviews")),
        ("administration", lambda: _admin_widgets(demo, root / "server")),
        ("groups", lambda: _group_widgets(root / "groups")),
        ("paper", lambda: _paper_widgets(root / "paper")),
    ]
    for section, build in sections:
        try:
            _shoot_widgets(r, build())
        except Exception as exc:  # noqa: BLE001 - one broken section must not hide the others
            print(f"screenshots: {section} screens skipped ({type(exc).__name__}: {exc})", file=sys.stderr)


def _interview_widgets(folder: Path) -> dict[str, QWidget]:
    from etudes_desktop.demo.interview_states import screenshot_widgets

    folder.mkdir(parents=True, exist_ok=True)
    return screenshot_widgets(folder)


def _group_widgets(folder: Path) -> dict[str, QWidget]:
    from etudes_desktop.demo.group_screens import screenshot_widgets

    folder.mkdir(parents=True, exist_ok=True)
    return screenshot_widgets(folder)


def _paper_widgets(folder: Path) -> dict[str, QWidget]:
    from etudes_desktop.demo.paper_screens import screenshot_widgets

    folder.mkdir(parents=True, exist_ok=True)
    return screenshot_widgets(folder)


def _admin_widgets(demo: AppController, server_dir: Path) -> dict[str, QWidget]:
    from etudes_desktop.demo.admin_screens import prepare_demo_data, screenshot_widgets
    from etudes_desktop.gui.views.services import WorkspaceServices

    prepare_demo_data(demo.vault, server_dir)
    return screenshot_widgets(WorkspaceServices(vault=demo.vault, pool=ImmediatePool()))


def render_all(outdir: Path, *, include_packages: bool = True) -> list[Path]:
    """Render every screen; return the files written."""
    outdir.mkdir(parents=True, exist_ok=True)
    app = QApplication.instance() or QApplication([])
    logging.getLogger().addHandler(logging.NullHandler())  # the vault's warnings stay quiet here
    r = Renderer(outdir)
    with tempfile.TemporaryDirectory(prefix="etudes-shots-") as tmp:
        root = Path(tmp)
        install_translators("fr", app)
        apply_style(app)
        _close(_creation_screens(r, root / "fr"))
        c = _controller(root / "fr", clock=_Clock())
        c.unlock_screen.ui.passphrase_edit.setText(SAMPLE_PASSPHRASE)
        c.unlock_screen.ui.unlock_button.click()
        _unlock_screens(r, c)
        _close(c)
        demo = _demo_screens(r, root / "demo")
        _english_screens(r, app, root)
        if include_packages:
            _package_screens(r, demo, root)
        _close(demo)
    _remove_stale(outdir, r.saved)
    return r.saved


def _remove_stale(outdir: Path, saved: list[Path]) -> None:
    """Numbered pictures of an earlier run under a number this run wrote (a screen renamed or moved).
    The folder's other pictures are other steps': the console's (console-*.png, demo.console_screens),
    the deliverable's numbered after these (docs/results_images.py)."""
    for old in outdir.glob("[0-9][0-9]-*.png"):
        if old not in saved and int(old.name[:2]) <= len(saved):
            old.unlink()


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    outdir = Path(args[0] if args else "docs/screenshots")
    for path in render_all(outdir):
        print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
