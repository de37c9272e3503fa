"""Auto-lock: an idle watcher with an injectable clock, and the clipboard guard.

The watcher listens to the person's input anywhere in the application; after `timeout` seconds
without any, it emits `idle_timeout` once (until `arm()` is called again after unlocking).
The guard remembers digests (never the text) of what our own fields put on the clipboard, and
clears the clipboard on lock if it still holds one of them.
"""

from __future__ import annotations

import hashlib
import time
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtGui import QClipboard, QGuiApplication
from PySide6.QtWidgets import QApplication

DEFAULT_IDLE_SECONDS = 10 * 60

_ACTIVITY_EVENTS = {
    QEvent.Type.KeyPress,
    QEvent.Type.MouseButtonPress,
    QEvent.Type.MouseMove,
    QEvent.Type.Wheel,
    QEvent.Type.TouchBegin,
    QEvent.Type.ShortcutOverride,
}


class IdleWatcher(QObject):
    """Emits `idle_timeout` after `timeout` seconds without keyboard, mouse or touch input."""

    idle_timeout = Signal()

    def __init__(
        self,
        timeout: float = DEFAULT_IDLE_SECONDS,
        *,
        clock: Callable[[], float] = time.monotonic,
        check_interval_ms: int = 5000,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.timeout = timeout
        self._clock = clock
        self._last_activity = clock()
        self._armed = False
        self._timer = QTimer(self)
        self._timer.setInterval(check_interval_ms)
        self._timer.timeout.connect(self.check)
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self)

    def arm(self) -> None:
        """Start watching (after unlock); the idle time counts from now."""
        self._last_activity = self._clock()
        self._armed = True
        self._timer.start()

    def disarm(self) -> None:
        """Stop watching (while locked)."""
        self._armed = False
        self._timer.stop()

    @property
    def armed(self) -> bool:
        return self._armed

    def idle_seconds(self) -> float:
        return self._clock() - self._last_activity

    def check(self) -> None:
        """Lock if the idle time is over (the timer calls this; so can a test)."""
        if self._armed and self.idle_seconds() >= self.timeout:
            self.disarm()
            self.idle_timeout.emit()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if event.type() in _ACTIVITY_EVENTS:
            self._last_activity = self._clock()
        return False

    def stop(self) -> None:
        """Detach from the application (on shutdown, and between tests)."""
        self.disarm()
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)


def _digest(text: str) -> bytes:
    return hashlib.sha256(text.encode("utf-8")).digest()


class ClipboardGuard(QObject):
    """Clears the clipboard on lock when it holds text copied from our own fields."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._digests: set[bytes] = set()
        self._clipboard: QClipboard = QGuiApplication.clipboard()
        self._modes = [QClipboard.Mode.Clipboard]
        if self._clipboard.supportsSelection():  # X11: selecting text fills the primary selection
            self._modes.append(QClipboard.Mode.Selection)
        self._clipboard.changed.connect(self._on_clipboard_changed)

    def _on_clipboard_changed(self, mode: QClipboard.Mode) -> None:
        # Ours when one of our windows has the focus as the clipboard changes (a copy or cut
        # from a field); text copied in another application arrives while we are inactive.
        if QApplication.focusWidget() is None or mode not in self._modes:
            return
        text = self._clipboard.text(mode)
        if text:
            self._digests.add(_digest(text))

    def remember(self, text: str) -> None:
        """Mark text our code put on the clipboard itself (e.g. a copy button)."""
        self._digests.add(_digest(text))

    def clear_ours(self) -> bool:
        """On lock: empty the clipboard (and X11 selection) still holding our text; True if it did."""
        cleared = False
        for mode in self._modes:
            text = self._clipboard.text(mode)
            if text and _digest(text) in self._digests:
                self._clipboard.clear(mode)
                if self._clipboard.text(mode):
                    self._clipboard.setText("", mode)
                cleared = True
        self._digests.clear()
        return cleared

    def stop(self) -> None:
        self._clipboard.changed.disconnect(self._on_clipboard_changed)
