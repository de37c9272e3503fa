"""Every screen in French and English: nothing left untranslated, nothing clipped."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QRect
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel, QLineEdit, QWidget

from etudes_desktop.demo import DEMO_PASSPHRASE
from etudes_desktop.gui.controller import AppController
from etudes_desktop.gui.i18n import install_translators
from etudes_desktop.paths import DataPaths
from tests.gui.conftest import GOOD_PASSPHRASE, OTHER_PASSPHRASE, FakeClock

# Texts that are the same in both languages on purpose.
SAME_IN_ALL_LANGUAGES = {"Études terrain", "Français", "English", "Synchronisation"}  # names, and one word English shares
# Widgets that show data (a code, a study's own title), not interface text.
DATA_WIDGETS = {"recovery_code_label", "study_title"}
WINDOW_SIZES = [(980, 700), (1366, 768), (800, 600)]


def _controller(qtbot, folder: Path, kdf, pool, *, demo: bool = False, size=(980, 700)) -> AppController:
    controller = AppController(DataPaths.for_data_dir(folder), demo=demo, pool=pool, clock=FakeClock(), kdf=kdf)
    qtbot.addWidget(controller.window)
    controller.window.resize(*size)
    controller.window.show()
    controller.start()
    return controller


def _creation(c: AppController) -> None:
    c.create_screen.ui.passphrase_edit.setText("soleil2026")  # type: ignore[union-attr]


def _creation_match(c: AppController) -> None:
    ui = c.create_screen.ui  # type: ignore[union-attr]
    ui.passphrase_edit.setText(GOOD_PASSPHRASE)
    ui.confirm_edit.setText(GOOD_PASSPHRASE + "x")


def _recovery_code(c: AppController) -> None:
    ui = c.create_screen.ui  # type: ignore[union-attr]
    ui.passphrase_edit.setText(GOOD_PASSPHRASE)
    ui.confirm_edit.setText(GOOD_PASSPHRASE)
    ui.create_button.click()


def _workspace(c: AppController) -> None:
    _recovery_code(c)
    c.create_screen.ui.noted_check.setChecked(True)  # type: ignore[union-attr]
    c.create_screen.ui.continue_button.click()  # type: ignore[union-attr]


def _locked_with_delay(c: AppController) -> None:
    _workspace(c)
    c.lock()
    ui = c.unlock_screen.ui
    for _ in range(5):
        ui.passphrase_edit.setText("pas la bonne phrase")
        ui.unlock_button.click()


def _recover_page(c: AppController) -> None:
    _workspace(c)
    c.lock()
    ui = c.unlock_screen.ui
    ui.forgot_button.click()
    ui.code_edit.setText("AAAA-BBBB")
    ui.new_edit.setText(OTHER_PASSPHRASE)
    ui.confirm_edit.setText(OTHER_PASSPHRASE)
    ui.recover_button.click()


def _demo_workspace(c: AppController) -> None:
    c.unlock_screen.ui.passphrase_edit.setText(DEMO_PASSPHRASE)
    c.unlock_screen.ui.unlock_button.click()


SCREENS: dict[str, tuple[bool, Callable[[AppController], None]]] = {
    "creation": (False, _creation),
    "creation-confirmation": (False, _creation_match),
    "recovery-code": (False, _recovery_code),
    "workspace": (False, _workspace),
    "unlock-delay": (False, _locked_with_delay),
    "recover": (False, _recover_page),
    "demo-unlock": (True, lambda c: None),
    "demo-workspace": (True, _demo_workspace),
}


def _settle() -> None:
    for _ in range(3):
        QApplication.processEvents()


def _visible_texts(window: QWidget) -> dict[str, str]:
    """What a person can read: labels, buttons, field hints, menus, the title."""
    texts = {"window-title": window.windowTitle()}
    for widget in window.findChildren(QWidget):
        if not widget.isVisibleTo(window) or not widget.objectName():
            continue
        if isinstance(widget, (QLabel, QAbstractButton)):
            texts[widget.objectName()] = widget.text()
        elif isinstance(widget, QLineEdit) and widget.placeholderText():
            texts[widget.objectName() + ".placeholder"] = widget.placeholderText()
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QHeaderView

    for header in window.findChildren(QHeaderView):  # table headers are interface text too
        model = header.model()
        if header.isVisibleTo(window) and model is not None and header.parent().objectName():
            for section in range(header.count()):
                text = model.headerData(section, header.orientation(), Qt.ItemDataRole.DisplayRole)
                if isinstance(text, str) and text:
                    texts[f"{header.parent().objectName()}.header:{section}"] = text
    for i, action in enumerate(window.menuBar().actions()):
        texts[f"menu:{i}"] = action.text()
        for j, sub in enumerate(action.menu().actions() if action.menu() else []):
            if sub.text():
                texts[f"menu:{i}:{j}"] = sub.text()
    return texts


def _clipped(window: QWidget) -> list[str]:
    """Labels and buttons whose text does not fit the room they were given."""
    problems = []
    for widget in window.findChildren(QWidget):
        if not widget.isVisibleTo(window) or not isinstance(widget, (QLabel, QAbstractButton)) or not widget.text():
            continue
        name = widget.objectName() or type(widget).__name__
        if isinstance(widget, QLabel) and widget.wordWrap():
            needed_w, needed_h = widget.minimumSizeHint().width(), widget.heightForWidth(widget.width())
        else:
            needed_w, needed_h = widget.sizeHint().width(), widget.minimumSizeHint().height()
        if needed_w > widget.width() or needed_h > widget.height():
            problems.append(f"{name}: needs {needed_w}x{needed_h}, has {widget.width()}x{widget.height()}")
        visible = widget.visibleRegion().boundingRect()
        if visible != QRect(0, 0, widget.width(), widget.height()) and not _in_scroll_area(widget, window):
            problems.append(f"{name}: partly hidden ({visible} of {widget.size()})")
    return problems


def _in_scroll_area(widget: QWidget, window: QWidget) -> bool:
    """Text in a scroll area (the notice, long pages) is read by scrolling: partly hidden is fine."""
    from PySide6.QtWidgets import QScrollArea

    parent = widget.parentWidget()
    while parent is not None and parent is not window:
        if isinstance(parent, QScrollArea):
            return True
        parent = parent.parentWidget()
    return False


def _render(qtbot, tmp_path: Path, kdf, pool, language: str, screen: str, size=(980, 700)) -> AppController:
    install_translators(language)
    demo, drive = SCREENS[screen]
    controller = _controller(qtbot, tmp_path / f"{language}-{screen}-{size[0]}", kdf, pool, demo=demo, size=size)
    drive(controller)
    _settle()
    return controller


@pytest.mark.parametrize("screen", list(SCREENS))
def test_no_french_left_in_english(qtbot, tmp_path, kdf, pool, screen):
    french = _visible_texts(_render(qtbot, tmp_path, kdf, pool, "fr", screen).window)
    english_controller = _render(qtbot, tmp_path, kdf, pool, "en", screen)
    english = _visible_texts(english_controller.window)
    assert set(french) == set(english), "the same widgets are visible in both languages"
    untranslated = [
        f"{key}: {text!r}"
        for key, text in french.items()
        if re.search(r"[A-Za-zÀ-ÿ]{3}", text)
        and text not in SAME_IN_ALL_LANGUAGES
        and key not in DATA_WIDGETS
        and english[key] == text
    ]
    assert not untranslated, "untranslated in English:\n" + "\n".join(untranslated)
    if screen == "demo-unlock":
        assert DEMO_PASSPHRASE in english["demo_label"]
    for controller in (english_controller,):
        controller.shutdown()


@pytest.mark.parametrize("size", WINDOW_SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
@pytest.mark.parametrize("language", ["fr", "en"])
@pytest.mark.parametrize("screen", list(SCREENS))
def test_nothing_is_clipped(qtbot, tmp_path, kdf, pool, screen, language, size):
    controller = _render(qtbot, tmp_path, kdf, pool, language, screen, size)
    problems = _clipped(controller.window)
    controller.shutdown()
    assert not problems, f"{screen} in {language} at {size}:\n" + "\n".join(problems)


@pytest.mark.parametrize("size", WINDOW_SIZES[:2], ids=lambda s: f"{s[0]}x{s[1]}")
@pytest.mark.parametrize("language", ["fr", "en"])
def test_interview_and_administration_screens_are_not_clipped(qtbot, tmp_path, language, size):
    """Every interview screen (profile, commitment, start, call, callbacks, notice in each mode,
    questions, review, stop warning, end) and the sync, audit and rights screens."""
    from datetime import datetime

    from PySide6.QtWidgets import QDialog

    from etudes_desktop.demo.admin_screens import screenshot_widgets as admin_widgets
    from etudes_desktop.demo.interview_states import build_states
    from etudes_desktop.gui.tasks import ImmediatePool
    from etudes_desktop.gui.views.services import WorkspaceServices

    install_translators(language)
    keep: list = []
    screens = build_states(tmp_path, keep, now=datetime(2026, 12, 3, 10, 0).astimezone())
    screens.update(admin_widgets(WorkspaceServices(vault=keep[0], pool=ImmediatePool())))
    assert len(screens) >= 20
    problems = []
    for name, widget in screens.items():
        qtbot.addWidget(widget)
        if isinstance(widget, QDialog):
            widget.adjustSize()  # a dialog opens at its own size
        else:
            widget.resize(*size)
        widget.show()
        _settle()
        problems += [f"{name}: {p}" for p in _clipped(widget)]
        widget.close()
    keep[0].close()
    assert not problems, f"{language} at {size}:\n" + "\n".join(problems)


# Every module and form of the interface is held to a full English translation.
GUI = Path(__file__).resolve().parents[2] / "etudes_desktop" / "gui"
CHECKED_SOURCES = tuple(sorted(str(p.relative_to(GUI)) for p in GUI.rglob("*.py")))


def test_every_string_in_the_code_has_an_english_translation(tmp_path):
    """lupdate over the sources finds nothing that etudes_en.ts leaves untranslated."""
    import subprocess
    import sys
    import xml.etree.ElementTree as ET

    from etudes_desktop.paths import resource_path

    lupdate = Path(sys.executable).with_name("pyside6-lupdate")
    gui = Path(__file__).resolve().parents[2] / "etudes_desktop" / "gui"
    sources = [str(gui / name) for name in CHECKED_SOURCES]
    fresh = tmp_path / "fresh.ts"
    subprocess.run([str(lupdate), "-silent", *sources, "-ts", str(fresh)], check=True)
    committed = ET.parse(resource_path("translations", "etudes_en.ts"))
    translated = {
        (ctx.findtext("name"), msg.findtext("source"))
        for ctx in committed.iter("context")
        for msg in ctx.iter("message")
        if msg.find("translation").get("type") not in ("unfinished", "vanished", "obsolete") and msg.findtext("translation")
    }
    needed = {(ctx.findtext("name"), msg.findtext("source")) for ctx in ET.parse(fresh).iter("context") for msg in ctx.iter("message")}
    missing = sorted(needed - translated)
    assert not missing, "run `make lupdate` and translate:\n" + "\n".join(f"{c}: {s}" for c, s in missing)


def test_counts_take_the_plural_of_the_language_never_a_parenthesised_s(tmp_path):
    """Every message with a count is a Qt plural form with French and English forms without "(s)"."""
    import subprocess
    import sys
    import xml.etree.ElementTree as ET

    from etudes_desktop.paths import resource_path

    lupdate = Path(sys.executable).with_name("pyside6-lupdate")
    sources = [str(GUI / name) for name in CHECKED_SOURCES]
    fresh = tmp_path / "fresh.ts"
    subprocess.run([str(lupdate), "-silent", *sources, "-ts", str(fresh)], check=True)
    messages = list(ET.parse(fresh).iter("message"))
    assert not [m.findtext("source") for m in messages if "(s)" in m.findtext("source") and m.get("numerus") != "yes"]
    plural_sources = {m.findtext("source") for m in messages if m.get("numerus") == "yes"}
    assert len(plural_sources) >= 15
    for language in ("fr", "en"):
        forms = {m.findtext("source"): [n.text or "" for n in m.iter("numerusform")]
                 for m in ET.parse(resource_path("translations", f"etudes_{language}.ts")).iter("message")
                 if m.get("numerus") == "yes" and m.find("translation").get("type") not in ("vanished", "obsolete")}
        for source in plural_sources:
            assert len(forms.get(source, [])) == 2 and all(f and "(s)" not in f for f in forms[source]), (language, source)


@pytest.mark.parametrize(("language", "one", "many"), [
    ("fr", "Synchronisation réussie : 1 entretien envoyé en 1 lot ; 1 reçu par le serveur et effacé de ce poste.",
     "Synchronisation réussie : 1\u202f200 entretiens envoyés en 3 lots ; 1\u202f200 reçus par le serveur et effacés "
     "de ce poste."),
    ("en", "Synchronisation succeeded: 1 interview sent in 1 batch; 1 received by the server and erased from this "
     "computer.", "Synchronisation succeeded: 1\u202f200 interviews sent in 3 batches; 1\u202f200 received by the "
     "server and erased from this computer."),
])
def test_the_sync_report_reads_as_a_sentence_in_each_language(qtbot, language, one, many):
    from etudes_desktop.gui.sync_panel import SyncPanel
    from etudes_desktop.gui.views.services import WorkspaceServices
    from etudes_desktop.sync.engine import SyncReport

    install_translators(language)
    try:
        panel = SyncPanel(WorkspaceServices())
        qtbot.addWidget(panel)
        def report(sent, batches):
            return SyncReport(study_id="satisfaction-2026", sent=sent, batches=batches, accepted=sent, purged=sent)
        assert panel.describe_report(report(1, 1)) == one
        assert panel.describe_report(report(1200, 3)) == many
    finally:
        install_translators("fr")
