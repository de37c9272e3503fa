"""`etudes audit`: the vault's audit log (no personal data in it)."""

from __future__ import annotations

import argparse
import json
from typing import Any

from etudes_desktop.cli.common import emit, open_vault
from etudes_desktop.storage import audit


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("audit", help="journal d'audit")
    parser.add_argument("--limit", type=int, default=None, help="nombre d'entrées au plus")
    parser.set_defaults(handler=_show)


def _show(args: Any) -> int:
    with open_vault(args) as vault:
        entries = audit.entries(vault.conn, limit=args.limit)
    text = "\n".join(
        f"{e.at}  {e.event:<24} {e.actor or '-':<10} {' '.join(e.object_ids)} {json.dumps(e.counts) if e.counts else ''}"
        for e in entries
    )
    emit(args, [e.as_dict() for e in entries], text or "journal vide")
    return 0
