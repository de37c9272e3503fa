"""Frames the fixed screens share: a centred card, and pages shown one at a time."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Signal
from PySide6.QtWidgets import QVBoxLayout, QWidget


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
