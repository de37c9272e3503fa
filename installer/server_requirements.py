"""The collection server's share of the project's dependencies, read from pyproject.toml.

    python installer/server_requirements.py pyproject.toml > requirements.txt

The server image (Dockerfile) installs these and the package itself without its other
dependencies: no Qt, no SQLCipher, no XLSForm reader. Names only are kept here; the version
bounds are those of pyproject.toml. tests/server/test_server_requirements.py starts the real
server with every other dependency made unimportable.
"""

from __future__ import annotations

import re
import sys
import tomllib
from pathlib import Path

SERVER_PACKAGES = ("starlette", "uvicorn", "sqlalchemy", "psycopg", "orjson", "pydantic", "cryptography",
                   "platformdirs")


def _name(requirement: str) -> str:
    return re.split(r"[\[<>=!~ ;]", requirement.strip(), maxsplit=1)[0].lower().replace("_", "-")


def dependencies(pyproject: Path) -> list[str]:
    with pyproject.open("rb") as handle:
        return list(tomllib.load(handle)["project"]["dependencies"])


def server_requirements(pyproject: Path) -> list[str]:
    wanted = dependencies(pyproject)
    found = [req for req in wanted if _name(req) in SERVER_PACKAGES]
    missing = set(SERVER_PACKAGES) - {_name(req) for req in found}
    if missing:
        raise SystemExit(f"server_requirements: not in pyproject.toml's dependencies: {', '.join(sorted(missing))}")
    return found


def desktop_only(pyproject: Path) -> list[str]:
    """The distributions the server image leaves out."""
    return [_name(req) for req in dependencies(pyproject) if _name(req) not in SERVER_PACKAGES]


if __name__ == "__main__":
    print("\n".join(server_requirements(Path(sys.argv[1] if len(sys.argv) > 1 else "pyproject.toml"))))
