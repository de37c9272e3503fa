"""What every `etudes-server` command that reads the store shares: its options and its opening.

A leaf of the command line (cli.py, office_cli.py and results/commands.py all import it), so the
commands have no import circle.
"""

from __future__ import annotations

import argparse
import os
from pathlib import Path

import platformdirs

from etudes_desktop import APP_AUTHOR
from etudes_desktop.core.errors import EtudesError
from etudes_desktop.server.store import Store


def default_data_dir() -> Path:
    return Path(platformdirs.user_data_dir("etudes_server", APP_AUTHOR))


def store_args(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--data-dir", default=None, help="dossier de la base SQLite (par défaut : dossier utilisateur)")
    parser.add_argument("--database-url", default=os.environ.get("ETUDES_SERVER_DATABASE_URL"),
                        help="base PostgreSQL, ex. postgresql+psycopg://user@hôte/base")


def open_store(args: argparse.Namespace) -> Store:
    data_dir = args.data_dir if args.data_dir or args.database_url else default_data_dir()
    try:
        return Store.open(data_dir=data_dir, database_url=args.database_url)
    except EtudesError:
        raise
    except Exception as exc:  # noqa: BLE001 - a bad URL or an unreachable database: one line
        raise EtudesError(f"base de données inaccessible ({type(exc).__name__})") from None
