"""The `etudes` command: the application's services, headless.

Each command group lives in its own module with a `register(subparsers)` function.
Exit codes: 0 success, 1 invalid input or refused operation (one line on stderr), 2 usage.
"""

from __future__ import annotations

import argparse
import importlib
import logging
import sys
from collections.abc import Sequence

from etudes_desktop import __version__
from etudes_desktop.core.errors import EtudesError

# Command groups, one module each under etudes_desktop/cli/.
COMMAND_MODULES = ("vault", "study", "sample", "sync", "status", "rights", "retention", "audit", "calls", "demo")

log = logging.getLogger(__name__)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="etudes", description="Études terrain, en ligne de commande.")
    parser.add_argument("--data-dir", default=None, help="dossier des données (coffre, journaux)")
    parser.add_argument("--json", action="store_true", help="sortie JSON")
    parser.add_argument("--version", action="version", version=f"etudes {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMANDE")
    sub.required = True
    for name in COMMAND_MODULES:
        module = importlib.import_module(f"etudes_desktop.cli.{name}")
        module.register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point; returns the exit code (and exits with it when run as a script)."""
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except EtudesError as exc:  # a type= converter refused a value: a usage error
        parser.error(exc.message)
    from etudes_desktop.cli.common import setup_cli_logging

    if not getattr(args, "writes_nothing", False):  # `study check` and `preview` leave no file behind
        setup_cli_logging(args)
    try:
        code = args.handler(args)
    except EtudesError as exc:
        print(f"etudes: {exc.message}", file=sys.stderr)
        code = 1
    except KeyboardInterrupt:
        print("etudes: interrompu", file=sys.stderr)
        code = 1
    except OSError as exc:  # the disk, not the program: say so (no path, no content)
        log.error("command %s: %s (errno %s)", getattr(args, "command", "?"), type(exc).__name__, exc.errno)
        print(f"etudes: {_disk_message(exc)}", file=sys.stderr)
        code = 1
    except Exception as exc:  # noqa: BLE001 - never a traceback for the user; the log keeps the type only
        if _is_disk_full(exc):
            log.error("command %s: storage full", getattr(args, "command", "?"))
            print("etudes: disque plein : rien n'a été enregistré ; libérez de la place puis recommencez",
                  file=sys.stderr)
        else:
            log.error("unexpected error in command %s: %s", getattr(args, "command", "?"), type(exc).__name__)
            print("etudes: erreur interne inattendue (détails dans le journal)", file=sys.stderr)
        code = 1
    return int(code or 0)


def run() -> None:
    sys.exit(main())


def _is_disk_full(exc: BaseException) -> bool:
    """SQLite's "database or disk is full" (SQLITE_FULL), whatever the driver's class."""
    text = str(exc).lower()
    return type(exc).__name__ == "OperationalError" and ("full" in text or "no space" in text)


def _disk_message(exc: OSError) -> str:
    import errno

    if exc.errno == errno.ENOSPC:
        return "disque plein : rien n'a été enregistré ; libérez de la place puis recommencez"
    if exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return "écriture refusée par le système (droits ou disque en lecture seule)"
    return f"erreur du système de fichiers ({exc.strerror or type(exc).__name__})"
