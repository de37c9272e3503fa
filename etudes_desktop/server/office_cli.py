"""`etudes-server user ...` and `etudes-server study ...`: the collection office from the shell.

The console does the same from a browser; these commands create the first accounts and serve
scripts. A password never travels on the command line (ps shows argv to every user): it comes
from ETUDES_SERVER_PASSWORD (removed from the environment once read) or a prompt.
"""

from __future__ import annotations

import argparse
import getpass
import json
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from etudes_desktop.core.errors import EtudesError
from etudes_desktop.server.office_store import ROLES, OfficeStore

PASSWORD_ENV = "ETUDES_SERVER_PASSWORD"


def register(sub: argparse._SubParsersAction, store_args: Callable[[argparse.ArgumentParser], None]) -> None:
    """Add `user add|disable|list` and `study publish|close|list`."""
    user = sub.add_parser("user", help="comptes de la console (responsable d'étude, DPO, assureur)")
    users = user.add_subparsers(dest="user_command", metavar="ACTION", required=True)
    add = users.add_parser("add", help=f"créer un compte (mot de passe : {PASSWORD_ENV} ou saisie)")
    add.add_argument("email")
    add.add_argument("--role", required=True, choices=ROLES)
    store_args(add)
    add.set_defaults(handler=cmd_user_add)
    disable = users.add_parser("disable", help="désactiver un compte (ses sessions sont fermées)")
    disable.add_argument("email")
    store_args(disable)
    disable.set_defaults(handler=cmd_user_disable)
    listing = users.add_parser("list", help="les comptes")
    listing.add_argument("--json", action="store_true")
    store_args(listing)
    listing.set_defaults(handler=cmd_user_list)

    study = sub.add_parser("study", help="études publiées par le serveur pour les ordinateurs des enquêteurs")
    studies = study.add_subparsers(dest="study_command", metavar="ACTION", required=True)
    publish = studies.add_parser("publish", help="publier un XLSForm (ou un paquet JSON) : une nouvelle version")
    publish.add_argument("file", type=Path)
    publish.add_argument("--json", action="store_true")
    store_args(publish)
    publish.set_defaults(handler=cmd_study_publish)
    close = studies.add_parser("close", help="clore une étude aux nouveaux entretiens")
    close.add_argument("study")
    store_args(close)
    close.set_defaults(handler=cmd_study_close)
    listed = studies.add_parser("list", help="les études publiées et leurs versions")
    listed.add_argument("--json", action="store_true")
    store_args(listed)
    listed.set_defaults(handler=cmd_study_list)


def _office(args: argparse.Namespace) -> OfficeStore:
    from etudes_desktop.server.cli_store import open_store

    return OfficeStore(open_store(args))


def read_password() -> str:
    """The new account's password: the environment (then forgotten), else typed twice."""
    if os.environ.get(PASSWORD_ENV):
        return os.environ.pop(PASSWORD_ENV)
    if not sys.stdin.isatty():
        raise EtudesError(f"mot de passe manquant : définissez {PASSWORD_ENV} ou lancez la commande dans un terminal")
    first = getpass.getpass("Mot de passe du compte : ")
    if getpass.getpass("Confirmez le mot de passe : ") != first:
        raise EtudesError("les deux saisies du mot de passe diffèrent")
    return first


def cmd_user_add(args: argparse.Namespace) -> int:
    from etudes_desktop.server.accounts import ROLE_LABELS, create_user, normalize_email

    email = normalize_email(args.email)
    password = read_password()
    office = _office(args)
    create_user(office, email, args.role, password)
    print(f"compte créé : {email} ({ROLE_LABELS[args.role]})", file=sys.stderr)
    return 0


def cmd_user_disable(args: argparse.Namespace) -> int:
    from etudes_desktop.server.accounts import normalize_email

    if not _office(args).disable_user(normalize_email(args.email), "cli"):
        raise EtudesError("aucun compte actif pour cette adresse")
    print("compte désactivé ; ses sessions sont fermées", file=sys.stderr)
    return 0


def cmd_user_list(args: argparse.Namespace) -> int:
    rows = [{"email": u.email, "role": u.role, "disabled": u.disabled} for u in _office(args).list_users()]
    if args.json:
        print(json.dumps(rows, ensure_ascii=False, indent=2))
    else:
        for row in rows:
            print(f"{row['email']}\t{row['role']}" + ("\tdésactivé" if row["disabled"] else ""))
    return 0


def cmd_study_publish(args: argparse.Namespace) -> int:
    from etudes_desktop.core.form_problems import FormError
    from etudes_desktop.server.publishing import OUTCOME_FR, publish_file

    try:
        data = args.file.read_bytes()
    except OSError:
        raise EtudesError(f"fichier illisible : {args.file.name}") from None
    office = _office(args)
    try:
        package, outcome = publish_file(office, args.file.name, data, actor="cli", role=None)
    except FormError as exc:
        for problem in exc.problems:
            print(str(problem), file=sys.stderr)
        return 1
    if args.json:
        print(json.dumps({"study": package.id, "version": package.version, "outcome": outcome}))
    print(OUTCOME_FR[outcome].format(study=package.id, version=package.version), file=sys.stderr)
    return 0


def cmd_study_close(args: argparse.Namespace) -> int:
    if not _office(args).close_study(args.study, "cli", None):
        raise EtudesError(f"aucune étude publiée et ouverte : {args.study}")
    print(f"étude {args.study} close aux nouveaux entretiens", file=sys.stderr)
    return 0


def cmd_study_list(args: argparse.Namespace) -> int:
    studies = _office(args).studies()
    rows: list[dict[str, Any]] = [{
        "study": s.study_id, "title": s.title, "closed_at": s.closed_at,
        "versions": [{"version": v.version, "published_at": v.published_at, "notice": v.notice_version}
                     for v in s.versions]} for s in studies]
    if args.json:
        print(json.dumps(rows, ensure_ascii=False, indent=2))
    else:
        for row in rows:
            versions = ", ".join(v["version"] for v in row["versions"])
            print(f"{row['study']}\t{row['title']}\tversions {versions}" + ("\tclose" if row["closed_at"] else ""))
        if not rows:
            print("aucune étude publiée")
    return 0
