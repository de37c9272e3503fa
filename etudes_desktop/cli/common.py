"""Helpers shared by the command groups: secrets, output, paths."""

from __future__ import annotations

import ctypes
import getpass
import json
import os
import sys
from typing import Any

from etudes_desktop.core.errors import EtudesError
from etudes_desktop.core.wipe import wipe
from etudes_desktop.paths import DataPaths


def data_paths(args: Any) -> DataPaths:
    return DataPaths.for_data_dir(getattr(args, "data_dir", None))


def read_secret(env_var: str, prompt: str, *, confirm: bool = False) -> str:
    """A secret from the environment, else from a prompt on the terminal; never from argv.
    A secret read from the environment is removed from it (see `take_from_environment`)."""
    value = take_from_environment(env_var)
    if value is not None:
        return value
    if not sys.stdin.isatty():
        raise EtudesError(f"{prompt} requise : définissez {env_var} ou lancez la commande dans un terminal")
    first = getpass.getpass(f"{prompt} : ")
    if confirm:
        again = getpass.getpass(f"{prompt} (confirmation) : ")
        if again != first:
            raise EtudesError("les deux saisies diffèrent")
    return first


def take_from_environment(name: str) -> str | None:
    """The variable's value, then the variable is gone: its bytes in the C environment (what
    /proc/PID/environ and `ps e` show, what child processes inherit) are zeroed, then it is unset,
    and Python's own encoded copy is zeroed."""
    value = os.environ.get(name)
    if value is None:
        return None
    if os.name == "posix":
        try:
            libc = ctypes.CDLL(None)
            libc.getenv.restype, libc.getenv.argtypes = ctypes.c_void_p, [ctypes.c_char_p]
            libc.strlen.restype, libc.strlen.argtypes = ctypes.c_size_t, [ctypes.c_void_p]
            pointer = libc.getenv(os.fsencode(name))
            if pointer:
                ctypes.memset(pointer, 0, libc.strlen(pointer))
        except (OSError, AttributeError):
            pass
    data = getattr(os.environ, "_data", None)
    if isinstance(data, dict):
        wipe(data.get(os.fsencode(name)))
    del os.environ[name]
    return value


def emit(args: Any, payload: Any, text: str | None = None) -> None:
    """Print JSON when --json was given, else the human text (or the payload's JSON)."""
    if getattr(args, "json", False) or text is None:
        print(json.dumps(payload, ensure_ascii=False, indent=2, default=str))
    else:
        print(text)


def setup_cli_logging(args: Any) -> None:
    """Log to the rotating file of this data folder (never personal data)."""
    try:
        from etudes_desktop.logging_setup import setup_logging
    except ImportError:
        return
    paths = data_paths(args)
    try:
        paths.ensure()  # 0700 folders, 0600 files (narrowed when an older version left them wider)
    except OSError:
        pass  # a read-only or foreign folder: the command itself says what is wrong
    setup_logging(paths.log_dir)


def open_vault(args: Any) -> Any:
    """Open this data folder's vault with ETUDES_PASSPHRASE (or a prompt). Close it when done."""
    from etudes_desktop.storage.vault import Vault

    paths = data_paths(args)
    passphrase = read_secret("ETUDES_PASSPHRASE", "Phrase de passe du coffre")
    try:
        return Vault.open(paths, passphrase)
    finally:
        wipe(passphrase)
