"""Wrap the PyInstaller folder as a Debian package: `python installer/linux/build_deb.py BUNDLE OUTDIR`.

The package installs the folder under /opt/etudes-terrain, `etudes-desktop` on the PATH, a desktop
entry (etudes_desktop.desktop: the name the application gives Qt, so docks match its windows) and
the icon in the hicolor theme. Debian's own triggers refresh the menus and the icon cache, so there
are no maintainer scripts. Name, version and the X11 libraries Qt needs come from the package.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from etudes_desktop import APP_ID, APP_NAME, __version__  # noqa: E402
from etudes_desktop.gui.x11_libs import QT_XCB_LIBRARIES  # noqa: E402 - no Qt import there

PACKAGE = "etudes-terrain"
PREFIX = Path("opt") / PACKAGE
EXE = "etudes-desktop"
# Shared libraries that the bundle leaves to the system (PyInstaller never ships these: graphics
# drivers, libc) or that the build machine lacked; the names are those of Debian 12 and Ubuntu 22.04+.
SYSTEM_DEPENDS = ["libegl1", "libgl1", "libfontconfig1", "libfreetype6", "libx11-xcb1", "libxcb1",
                  "libxkbcommon0", "libdbus-1-3"]


def _run(*command: str) -> str:
    return subprocess.run(command, check=True, capture_output=True, text=True).stdout.strip()


def _glibc() -> str:
    """The build machine's glibc: the bundle's interpreter needs at least this one."""
    return _run("getconf", "GNU_LIBC_VERSION").split()[-1]


def control(installed_kib: int, arch: str) -> str:
    depends = [f"libc6 (>= {_glibc()})", *SYSTEM_DEPENDS, *QT_XCB_LIBRARIES.values()]
    return "\n".join([
        f"Package: {PACKAGE}",
        f"Version: {__version__}",
        f"Architecture: {arch}",
        "Maintainer: Études terrain <etudes-terrain@example.invalid>",
        f"Installed-Size: {installed_kib}",
        f"Depends: {', '.join(depends)}",
        "Section: misc",
        "Priority: optional",
        f"Description: {APP_NAME} - encrypted survey collection for field interviewers",
        " The desktop application of the interviewers of the insurer's marketing, risk",
        " and satisfaction studies: the legal notice before every interview, answers",
        " in an encrypted SQLCipher vault, batches synced to the collection server.",
        " Self-contained: Python and Qt are inside /opt/etudes-terrain.",
        "",
    ])


def build(bundle: Path, outdir: Path) -> Path:
    if not (bundle / EXE).is_file():
        raise SystemExit(f"build_deb: {bundle / EXE} not found: build the bundle first (make dist)")
    arch = _run("dpkg", "--print-architecture")
    outdir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="etudes-deb-") as tmp:
        root = Path(tmp) / "pkg"
        shutil.copytree(bundle, root / PREFIX, symlinks=True)
        (root / "usr" / "bin").mkdir(parents=True)
        os.symlink(f"/{PREFIX}/{EXE}", root / "usr" / "bin" / EXE)
        share = root / "usr" / "share"
        _install(ROOT / "installer" / "linux" / f"{APP_ID}.desktop", share / "applications" / f"{APP_ID}.desktop")
        _install(ROOT / "installer" / "etudes.svg", share / "icons" / "hicolor" / "scalable" / "apps" / f"{APP_ID}.svg")
        _install(ROOT / "resources" / "icons" / "etudes.png",
                 share / "icons" / "hicolor" / "256x256" / "apps" / f"{APP_ID}.png")
        doc = share / "doc" / PACKAGE
        doc.mkdir(parents=True)
        (doc / "copyright").write_text(
            f"{APP_NAME} {__version__}\nBundles Python, Qt for Python (LGPLv3) and the libraries listed in\n"
            f"/{PREFIX}/_internal; their licences are those of the upstream projects.\n", encoding="utf-8")
        installed = sum(p.lstat().st_size for p in root.rglob("*")) // 1024
        (root / "DEBIAN").mkdir()
        (root / "DEBIAN" / "control").write_text(control(installed, arch), encoding="utf-8")
        for path in root.rglob("*"):  # files 0644/0755 whatever the umask of the build
            if path.is_symlink():
                continue
            path.chmod(0o755 if path.is_dir() or os.access(path, os.X_OK) else 0o644)
        target = outdir / f"{PACKAGE}_{__version__}_{arch}.deb"
        subprocess.run(["dpkg-deb", "--root-owner-group", "-Zxz", "-z3", "--build", str(root), str(target)],
                       check=True, stdout=subprocess.DEVNULL)
    return target


def _install(source: Path, target: Path) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copy2(source, target)


if __name__ == "__main__":
    if len(sys.argv) != 3:
        raise SystemExit("usage: build_deb.py BUNDLE_DIR OUTPUT_DIR")
    print(build(Path(sys.argv[1]), Path(sys.argv[2])))
