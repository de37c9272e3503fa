"""Load a Qt Designer form from ui/ into a host widget, by composition."""

from __future__ import annotations

from types import SimpleNamespace

from PySide6.QtCore import QEvent, QFile, QIODevice, QObject, Signal
from PySide6.QtUiTools import QUiLoader
from PySide6.QtWidgets import QVBoxLayout, QWidget

from etudes_desktop.paths import ui_path


class FormError(RuntimeError):
    """A form under ui/ is missing or malformed (a packaging bug, not a user error)."""


def load_form(name: str, host: QWidget) -> SimpleNamespace:
    """Build `ui/<name>` inside `host`; return its named children as attributes.

    QUiLoader translates the form's strings with the form's class name as context,
    the same context `pyside6-lupdate ui/*.ui` writes to the .ts file.
    """
    path = ui_path(name)
    file = QFile(str(path))
    if not file.open(QIODevice.OpenModeFlag.ReadOnly):
        raise FormError(f"form not found: {path}")
    try:
        form = QUiLoader().load(file, host)
    finally:
        file.close()
    if form is None:
        raise FormError(f"form could not be loaded: {path}")
    layout = host.layout()
    if layout is None:
        layout = QVBoxLayout(host)
        layout.setContentsMargins(0, 0, 0, 0)
    layout.addWidget(form)
    children = {child.objectName(): child for child in form.findChildren(QObject) if child.objectName()}
    return SimpleNamespace(form=form, **children)


def make_card(host: QWidget, max_width: int = 640) -> QWidget:
    """A white card centred in `host`, the usual frame of a fixed screen."""
    from PySide6.QtWidgets import QFrame, QHBoxLayout, QSizePolicy

    outer = QVBoxLayout(host)
    outer.setContentsMargins(24, 24, 24, 24)
    row = QHBoxLayout()
    card = QFrame(host)
    card.setObjectName("card")
    card.setMaximumWidth(max_width)
    card.setMinimumWidth(min(560, max_width))
    card.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
    row.addStretch(1)
    row.addWidget(card, 4)
    row.addStretch(1)
    outer.addStretch(1)
    outer.addLayout(row)
    outer.addStretch(2)
    inner = QVBoxLayout(card)
    inner.setContentsMargins(28, 24, 28, 24)
    card.installEventFilter(_CardFitter(card))
    return card


class _CardFitter(QObject):
    """Keeps a card exactly as tall as its content at its current width.

    Wrapped labels report a size hint for a guessed width, taller than they need at the real
    one; without this the card keeps that guess as blank space at its bottom.
    """

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if event.type() in (QEvent.Type.Resize, QEvent.Type.LayoutRequest) and isinstance(watched, QWidget):
            height = watched.heightForWidth(watched.width())
            if height > 0 and watched.maximumHeight() != height:
                watched.setMaximumHeight(height)
        return False


class Pages(QObject):
    """Pages of a form shown one at a time, in a box layout so the form fits the page shown.

    (A QStackedWidget sizes itself to the tallest page's height-for-width, which leaves gaps.)
    """

    current_changed = Signal(int)

    def __init__(self, *pages: QWidget) -> None:
        super().__init__(pages[0])
        self._pages = list(pages)
        self._current = 0
        self.set_current(0)

    def set_current(self, index: int) -> None:
        self._current = index
        for i, page in enumerate(self._pages):
            page.setVisible(i == index)
        self.current_changed.emit(index)

    def current(self) -> int:
        return self._current

    def widget(self, index: int) -> QWidget:
        return self._pages[index]
