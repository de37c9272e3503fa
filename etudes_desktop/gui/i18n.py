"""Languages: French is the source language; English comes from resources/translations.

Counts use Qt's plural forms (`tr(text, "", n)`): etudes_fr.ts holds the French forms of those
messages only, etudes_en.ts every message.

The Qt base translator (standard buttons, context menus) and the application's translator are
installed together, and kept referenced here so Python does not collect them.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from etudes_desktop.paths import resource_path

SOURCE_LANGUAGE = "fr"
SUPPORTED_LANGUAGES = ("fr", "en")

log = logging.getLogger(__name__)
_installed: list[QTranslator] = []
_current = SOURCE_LANGUAGE


def choose_language(setting: str | None = None, system: str | None = None) -> str:
    """The setting if it names a shipped language, else the system's, else French."""
    for candidate in (setting, system if system is not None else QLocale.system().name()):
        code = (candidate or "").strip().lower()[:2]
        if code in SUPPORTED_LANGUAGES:
            return code
    return SOURCE_LANGUAGE


def install_translators(language: str, app: QCoreApplication | None = None) -> str:
    """Replace the installed translators with those of `language`; return the language in use."""
    app = app or QCoreApplication.instance()
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    global _current
    _current = language if language in SUPPORTED_LANGUAGES else SOURCE_LANGUAGE
    base = QTranslator()
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if base.load(f"qtbase_{_current}", qt_dir):
        _installed.append(base)
    # French, the source language, has a file too: its plural forms ("1 entretien", "2 entretiens").
    own = QTranslator()
    qm = resource_path("translations", f"etudes_{_current}.qm")
    if own.load(str(qm)):
        _installed.append(own)
    else:
        log.warning("translation file missing: %s (run `make translations`)", qm.name)
    for translator in _installed:
        app.installTranslator(translator)
    return _current


def current_language() -> str:
    """The language whose translators are installed."""
    return _current


def translate(context: str, text: str, *args: object) -> str:
    """`QCoreApplication.translate` with Qt-style %1, %2 … placeholders filled in."""
    result = QCoreApplication.translate(context, text)
    for index, value in enumerate(args, start=1):
        result = result.replace(f"%{index}", str(value))
    return result
