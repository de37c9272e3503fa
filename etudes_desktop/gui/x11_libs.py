"""Qt's X11 platform plugin needs system libraries that a fresh Debian or Ubuntu may lack.

Without them Qt prints a long error about the "xcb" plugin and aborts. This module (no Qt
import: it runs before Qt loads) finds which are missing and gives the one `apt-get install`
line that fixes it.
"""

from __future__ import annotations

import ctypes.util
import os
import sys
from collections.abc import Callable, Mapping

# library name (as ctypes.util.find_library takes it) -> Debian/Ubuntu package
QT_XCB_LIBRARIES: dict[str, str] = {
    "xcb-cursor": "libxcb-cursor0",
    "xcb-icccm": "libxcb-icccm4",
    "xcb-image": "libxcb-image0",
    "xcb-keysyms": "libxcb-keysyms1",
    "xcb-randr": "libxcb-randr0",
    "xcb-render-util": "libxcb-render-util0",
    "xcb-shape": "libxcb-shape0",
    "xcb-xfixes": "libxcb-xfixes0",
    "xcb-xkb": "libxcb-xkb1",
    "xkbcommon-x11": "libxkbcommon-x11-0",
}


def uses_xcb(environ: Mapping[str, str] = os.environ, platform: str = sys.platform) -> bool:
    """True when Qt will use its X11 (xcb) plugin: Linux, an X display, no other platform asked."""
    if not platform.startswith("linux"):
        return False
    asked = environ.get("QT_QPA_PLATFORM", "")
    if asked:
        return asked.startswith("xcb")
    return bool(environ.get("DISPLAY")) and not environ.get("WAYLAND_DISPLAY")


def find_library(name: str) -> str | None:
    """Where the dynamic loader will find lib<name>: beside a frozen bundle's own libraries (the
    installer ships some of them), in LD_LIBRARY_PATH, or where the system keeps them."""
    folders = [getattr(sys, "_MEIPASS", None), *os.environ.get("LD_LIBRARY_PATH", "").split(os.pathsep)]
    for folder in filter(None, folders):
        try:
            found = sorted(p for p in os.listdir(folder) if p.startswith(f"lib{name}.so"))
        except OSError:
            continue
        if found:
            return os.path.join(folder, found[0])
    return ctypes.util.find_library(name)


def missing_packages(find: Callable[[str], str | None] = find_library) -> list[str]:
    """The packages to install for Qt's X11 plugin, in a stable order (empty when all are there)."""
    return [package for library, package in QT_XCB_LIBRARIES.items() if not find(library)]


def install_line(packages: list[str]) -> str:
    return "sudo apt-get install -y " + " ".join(packages)
