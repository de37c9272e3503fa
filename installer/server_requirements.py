"""The collection server's share of the project's dependencies, read from pyproject.toml.

    python installer/server_requirements.py pyproject.toml > requirements.txt

The server image (Dockerfile) installs these, then the package itself without dependencies: every
dependency but the desktop's own (Qt, SQLCipher, the sync client's HTTP library). The server
checks studies with the laptop's core (pyxform, openpyxl, re2) and computes results (numpy,
scipy, HiGHS, matplotlib), so a new dependency goes to the image unless it is named here.
tests/server/test_server_image.py runs the real server with these few made unimportable.
"""

from __future__ import annotations

import re
import sys
import tomllib
from pathlib import Path

DESKTOP_ONLY = ("pyside6-essentials", "sqlcipher3", "httpx")


def _name(requirement: str) -> str:
    return re.split(r"[\[<>=!~ ;]", requirement.strip(), maxsplit=1)[0].lower().replace("_", "-")


def dependencies(pyproject: Path) -> list[str]:
    with pyproject.open("rb") as handle:
        return list(tomllib.load(handle)["project"]["dependencies"])


def desktop_only(pyproject: Path) -> list[str]:
    """The distributions the server image leaves out (each must still be a dependency)."""
    names = {_name(req) for req in dependencies(pyproject)}
    stale = [name for name in DESKTOP_ONLY if name not in names]
    if stale:
        raise SystemExit(f"server_requirements: no longer in pyproject.toml's dependencies: {', '.join(stale)}")
    return list(DESKTOP_ONLY)


def server_requirements(pyproject: Path) -> list[str]:
    left_out = set(desktop_only(pyproject))
    return [req for req in dependencies(pyproject) if _name(req) not in left_out]


if __name__ == "__main__":
    print("\n".join(server_requirements(Path(sys.argv[1] if len(sys.argv) > 1 else "pyproject.toml"))))
