"""Without Qt's X11 libraries, the application says which packages to install, in one line."""

from __future__ import annotations

import os
import subprocess
import sys

from etudes_desktop.gui import x11_libs


def test_the_missing_libraries_give_one_install_line() -> None:
    present = {"xcb-cursor", "xcb-image", "xcb-randr", "xcb-render-util", "xcb-shape", "xcb-xfixes", "xcb-xkb",
               "xkbcommon-x11"}
    missing = x11_libs.missing_packages(lambda name: f"lib{name}.so" if name in present else None)
    assert missing == ["libxcb-icccm4", "libxcb-keysyms1"]
    assert x11_libs.install_line(missing) == "sudo apt-get install -y libxcb-icccm4 libxcb-keysyms1"
    assert x11_libs.missing_packages(lambda name: "found") == []


def test_only_the_x11_plugin_is_checked() -> None:
    assert x11_libs.uses_xcb({"DISPLAY": ":0"}, "linux")
    assert not x11_libs.uses_xcb({"DISPLAY": ":0", "WAYLAND_DISPLAY": "wayland-0"}, "linux")
    assert not x11_libs.uses_xcb({"QT_QPA_PLATFORM": "offscreen", "DISPLAY": ":0"}, "linux")
    assert x11_libs.uses_xcb({"QT_QPA_PLATFORM": "xcb"}, "linux")
    assert not x11_libs.uses_xcb({"DISPLAY": ":0"}, "win32")


def test_the_application_prints_the_line_instead_of_qts_error_when_a_library_is_missing(tmp_path) -> None:
    if not x11_libs.missing_packages():
        return  # every library is installed here: the message cannot show (the unit tests above still ran)
    env = {k: v for k, v in os.environ.items() if k != "QT_QPA_PLATFORM"} | {"DISPLAY": ":99"}
    env.pop("WAYLAND_DISPLAY", None)
    done = subprocess.run([sys.executable, "-m", "etudes_desktop.gui.app", "--data-dir", str(tmp_path)],
                          capture_output=True, text=True, env=env, timeout=60)
    assert done.returncode == 1 and "sudo apt-get install -y " in done.stderr
    assert len(done.stderr.strip().splitlines()) == 1 and "xcb" not in done.stderr.split(":")[0]


def test_a_library_beside_the_bundle_or_in_ld_library_path_counts_as_present(tmp_path, monkeypatch) -> None:
    """The installer ships some of Qt's X11 libraries inside its folder: they are not missing."""
    (tmp_path / "libxcb-cursor.so.0").write_bytes(b"")
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    assert x11_libs.find_library("xcb-cursor") == str(tmp_path / "libxcb-cursor.so.0")
    monkeypatch.delattr(sys, "_MEIPASS")
    other = tmp_path / "elsewhere"
    other.mkdir()
    (other / "libxcb-icccm.so.4").write_bytes(b"")
    monkeypatch.setenv("LD_LIBRARY_PATH", f"/nonexistent{os.pathsep}{other}")
    assert x11_libs.find_library("xcb-icccm") == str(other / "libxcb-icccm.so.4")
