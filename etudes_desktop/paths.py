"""Where things live: platformdirs locations and packaged resources."""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from pathlib import Path

import platformdirs

from etudes_desktop import APP_AUTHOR, APP_ID

VAULT_FILE = "vault.db"
KEYSLOT_FILE = "vault.keys"
PRIVATE_DIR_MODE = 0o700  # the data, log and export folders: their owner only
PRIVATE_FILE_MODE = 0o600  # the vault, its keys, its log and settings, exports
# What the data folder holds (beside the vault's own -wal and -shm), made 0600 when found wider.
_PRIVATE_FILES = (VAULT_FILE, KEYSLOT_FILE, "vault.unlock", f"{VAULT_FILE}-wal", f"{VAULT_FILE}-shm", "settings.ini")


def private_dir(path: Path) -> Path:
    """Create a folder readable by its owner only (0700). Folders created on the way are 0700 too;
    the folder itself, if it existed with group or other rights, loses them; an existing parent
    (the home folder, ~/.local/share) is left as it is."""
    path = Path(path)
    missing = []
    for folder in (path, *path.parents):
        if folder.exists():
            break
        missing.append(folder)
    for folder in reversed(missing):
        try:
            folder.mkdir(mode=PRIVATE_DIR_MODE)
        except FileExistsError:
            pass
        _restrict(folder, PRIVATE_DIR_MODE)  # mkdir's mode is reduced by the umask, never widened
    if not missing:
        _restrict(path, PRIVATE_DIR_MODE)
    return path


def private_file(path: Path) -> Path:
    """An existing file made readable and writable by its owner only (0600)."""
    if Path(path).exists():
        _restrict(Path(path), PRIVATE_FILE_MODE)
    return Path(path)


def open_private(path: Path, mode: str = "w", **kwargs: object):  # type: ignore[no-untyped-def]
    """Open a file for writing, created 0600 (an older file's wider mode is narrowed too)."""
    flags = os.O_WRONLY | os.O_CREAT | (os.O_APPEND if "a" in mode else os.O_TRUNC) | getattr(os, "O_BINARY", 0)
    fd = os.open(path, flags, PRIVATE_FILE_MODE)
    try:
        _restrict(Path(path), PRIVATE_FILE_MODE)
        return os.fdopen(fd, mode, **kwargs)  # type: ignore[call-overload]
    except BaseException:
        os.close(fd)
        raise


def _restrict(path: Path, wanted: int) -> None:
    if os.name != "posix":
        return  # Windows: the user's profile folders are private by their ACLs
    if path.stat().st_mode & 0o777 != wanted:
        os.chmod(path, wanted)


def resource_path(*parts: str) -> Path:
    """Find a file under resources/ in a source tree, an installed wheel or a frozen bundle."""
    frozen_root = getattr(sys, "_MEIPASS", None)
    candidates = []
    if frozen_root:
        candidates.append(Path(frozen_root) / "resources")
    here = Path(__file__).resolve().parent
    candidates += [here.parent / "resources", here / "resources"]
    for root in candidates:
        if root.is_dir():
            return root.joinpath(*parts)
    return candidates[-1].joinpath(*parts)


@dataclass(frozen=True)
class DataPaths:
    """The folders of one installation (or of one --data-dir)."""

    data_dir: Path
    log_dir: Path

    @property
    def vault(self) -> Path:
        return self.data_dir / VAULT_FILE

    @property
    def keyslots(self) -> Path:
        return self.data_dir / KEYSLOT_FILE

    def ensure(self) -> "DataPaths":
        """The data and log folders created 0700 (narrowed if they exist wider), and the files the
        data folder already holds (vault, keys, settings, log) narrowed to 0600."""
        private_dir(self.data_dir)
        private_dir(self.log_dir)
        for name in _PRIVATE_FILES:
            private_file(self.data_dir / name)
        for log in self.log_dir.glob("etudes.log*"):
            private_file(log)
        return self

    @classmethod
    def default(cls) -> "DataPaths":
        return cls(
            data_dir=Path(platformdirs.user_data_dir(APP_ID, APP_AUTHOR)),
            log_dir=Path(platformdirs.user_log_dir(APP_ID, APP_AUTHOR)),
        )

    @classmethod
    def for_data_dir(cls, data_dir: Path | str | None) -> "DataPaths":
        """Given --data-dir, everything (logs included) lives under it."""
        if data_dir is None:
            return cls.default()
        root = Path(data_dir).expanduser().resolve()
        return cls(data_dir=root, log_dir=root / "logs")
