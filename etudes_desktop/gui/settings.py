"""The application's settings (no personal data): an INI file in the data folder."""

from __future__ import annotations

from PySide6.QtCore import QSettings

from pathlib import Path

from etudes_desktop.paths import DataPaths, private_file

DEFAULT_IDLE_MINUTES = 10


class AppSettings:
    """Language and auto-lock delay, read and written through QSettings."""

    def __init__(self, qsettings: QSettings) -> None:
        self._qs = qsettings

    @classmethod
    def for_paths(cls, paths: DataPaths) -> "AppSettings":
        return cls(QSettings(str(paths.data_dir / "settings.ini"), QSettings.Format.IniFormat))

    @property
    def language(self) -> str | None:
        value = self._qs.value("ui/language", "")
        return str(value) or None

    @language.setter
    def language(self, value: str | None) -> None:
        self._qs.setValue("ui/language", value or "")
        self.sync()

    @property
    def idle_minutes(self) -> float:
        try:
            value = float(self._qs.value("lock/idle_minutes", DEFAULT_IDLE_MINUTES))
        except (TypeError, ValueError):
            return DEFAULT_IDLE_MINUTES
        return value if value > 0 else DEFAULT_IDLE_MINUTES

    @idle_minutes.setter
    def idle_minutes(self, value: float) -> None:
        self._qs.setValue("lock/idle_minutes", value)
        self.sync()

    @property
    def window_geometry(self) -> bytes | None:
        """The main window's size and position when it last closed (Qt's saveGeometry bytes)."""
        value = self._qs.value("ui/window_geometry", None)
        if value is None:
            return None
        try:
            return bytes(value)
        except (TypeError, ValueError):
            return None

    @window_geometry.setter
    def window_geometry(self, value: bytes) -> None:
        self._qs.setValue("ui/window_geometry", value)
        self.sync()

    def sync(self) -> None:
        """Written now, readable by its owner only (Qt writes a new file each time)."""
        self._qs.sync()
        if self._qs.fileName():
            private_file(Path(self._qs.fileName()))
