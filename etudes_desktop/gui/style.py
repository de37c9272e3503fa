"""The look: one stylesheet from resources/styles, roles as dynamic properties."""

from __future__ import annotations

from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication, QWidget

from etudes_desktop.paths import resource_path

BASE_POINT_SIZE = 11


def apply_style(app: QApplication) -> None:
    """A readable base font and the application stylesheet."""
    font = app.font()
    if font.pointSize() != BASE_POINT_SIZE:
        font.setPointSize(BASE_POINT_SIZE)
        app.setFont(font)
    qss = resource_path("styles", "app.qss")
    text = qss.read_text(encoding="utf-8") if qss.exists() else ""
    if app.styleSheet() != text:  # re-polishing every widget is costly: only when it changes
        app.setStyleSheet(text)


def set_role(widget: QWidget, role: str) -> None:
    """Change a widget's style role (`error`, `ok`, …) and re-apply the stylesheet to it."""
    if widget.property("role") == role:
        return
    widget.setProperty("role", role)
    widget.style().unpolish(widget)
    widget.style().polish(widget)


def monospace_font(point_size: int) -> QFont:
    font = QFont("DejaVu Sans Mono")
    font.setStyleHint(QFont.StyleHint.Monospace)
    font.setPointSize(point_size)
    return font
