"""The application's settings (no personal data): an INI file in the data folder."""

from __future__ import annotations

from PySide6.QtCore import QSettings

from etudes_desktop.paths import DataPaths

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

    def sync(self) -> None:
        self._qs.sync()
