"""`etudes retention run`: destroy what is due, warn what is coming."""

from __future__ import annotations

import argparse
from datetime import date
from typing import Any

from etudes_desktop.cli.common import emit, open_vault
from etudes_desktop.core.plural import count as _n
from etudes_desktop.core.retention import parse_day
from etudes_desktop.storage import retention


def register(sub: argparse._SubParsersAction) -> None:
    group = sub.add_parser("retention", help="conservation des données").add_subparsers(dest="action", metavar="ACTION")
    group.required = True
    run = group.add_parser("run", help="détruire ce que la durée de conservation impose")
    run.add_argument("--today", type=parse_day, default=None, help="date du jour (AAAA-MM-JJ)")
    run.set_defaults(handler=_run)


def _run(args: Any) -> int:
    today = args.today or date.today()
    with open_vault(args) as vault:
        report = retention.run(vault, today)
    lines = [f"{study}: {_n(c['respondents'], 'répondant')}, {_n(c['drafts'], 'brouillon')}, {_n(c['call_attempts'], 'appel')} détruits"
             for study, c in report.destroyed.items()]
    lines += [f"avertissement : {w}" for w in report.warnings]
    emit(args, report.as_dict(), "\n".join(lines) or "rien à détruire")
    return 0
