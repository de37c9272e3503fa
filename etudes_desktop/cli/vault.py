"""`etudes vault` commands: init, check, passwd, recover.

Secrets come from the environment (ETUDES_PASSPHRASE, ETUDES_NEW_PASSPHRASE,
ETUDES_RECOVERY_CODE) or from a terminal prompt, never from the command line.
"""

from __future__ import annotations

import argparse
from typing import Any

from etudes_desktop.cli.common import data_paths, emit, read_secret
from etudes_desktop.core.errors import EtudesError
from etudes_desktop.core.passphrase import require_acceptable
from etudes_desktop.core.wipe import wipe

PASSPHRASE_ENV = "ETUDES_PASSPHRASE"
NEW_PASSPHRASE_ENV = "ETUDES_NEW_PASSPHRASE"
RECOVERY_CODE_ENV = "ETUDES_RECOVERY_CODE"


def register(sub: argparse._SubParsersAction) -> None:
    """Add `vault init|check|passwd|recover`."""
    parser = sub.add_parser(
        "vault",
        help="le coffre chiffré : création, vérification, phrase de passe",
        description=(
            "Les secrets ne se passent jamais en argument : phrase de passe dans ETUDES_PASSPHRASE, "
            "nouvelle phrase dans ETUDES_NEW_PASSPHRASE, code de récupération dans ETUDES_RECOVERY_CODE, "
            "sinon ils sont demandés au terminal."
        ),
    )
    commands = parser.add_subparsers(dest="vault_command", metavar="ACTION")
    commands.required = True
    commands.add_parser("init", help="créer le coffre (affiche une seule fois le code de récupération)").set_defaults(handler=cmd_init)
    commands.add_parser("check", help="vérifier l'intégrité et les réglages du coffre").set_defaults(handler=cmd_check)
    commands.add_parser("passwd", help="changer la phrase de passe").set_defaults(handler=cmd_passwd)
    commands.add_parser("recover", help="définir une nouvelle phrase de passe avec le code de récupération").set_defaults(handler=cmd_recover)


def _new_passphrase(env_var: str, prompt: str) -> str:
    value = read_secret(env_var, prompt, confirm=True)
    require_acceptable(value)
    return value


def cmd_init(args: Any) -> int:
    from etudes_desktop.storage.errors import VaultExists
    from etudes_desktop.storage.vault import Vault

    paths = data_paths(args)
    if Vault.exists(paths):
        raise VaultExists()
    passphrase = _new_passphrase(PASSPHRASE_ENV, "Phrase de passe du nouveau coffre")
    try:
        vault, code = Vault.create(paths, passphrase)
    finally:
        wipe(passphrase)
    vault.close()
    text = (
        f"Coffre créé dans {paths.data_dir}\n\n"
        f"Code de récupération (affiché une seule fois) :\n\n    {code}\n\n"
        "Recopiez-le sur papier et rangez-le à part : il permet de définir une nouvelle phrase\n"
        "de passe si celle-ci est perdue. Sans lui ni la phrase de passe, les données sont perdues."
    )
    emit(args, {"status": "created", "data_dir": str(paths.data_dir), "recovery_code": code}, text)
    return 0


def cmd_check(args: Any) -> int:
    from etudes_desktop.storage.errors import VaultCorrupted
    from etudes_desktop.storage.vault import Vault

    paths = data_paths(args)
    passphrase = read_secret(PASSPHRASE_ENV, "Phrase de passe")
    try:
        vault = Vault.open(paths, passphrase)
    finally:
        wipe(passphrase)
    with vault:
        report = vault.check()
    if not report["ok"]:
        if getattr(args, "json", False):
            emit(args, report)
        raise VaultCorrupted(f"vérification du coffre en échec : {_failures(report)}")
    emit(args, report, "OK")
    return 0


def _failures(report: dict[str, Any]) -> str:
    problems = []
    if report["integrity_check"] != "ok":
        problems.append("intégrité de la base")
    if report["cipher_integrity_check"] != "ok":
        problems.append("authentification des pages chiffrées")
    if not report["pragmas_ok"]:
        problems.append(f"réglages {report['pragmas']}")
    if report["schema_version"] != report["schema_latest"]:
        problems.append(f"schéma {report['schema_version']} au lieu de {report['schema_latest']}")
    return ", ".join(problems)


def cmd_passwd(args: Any) -> int:
    from etudes_desktop.storage.vault import Vault

    paths = data_paths(args)
    old = read_secret(PASSPHRASE_ENV, "Phrase de passe actuelle")
    new = ""
    try:
        with Vault.open(paths, old) as vault:
            new = _new_passphrase(NEW_PASSPHRASE_ENV, "Nouvelle phrase de passe")
            if new == old:
                raise EtudesError("la nouvelle phrase de passe est identique à l'actuelle")
            vault.change_passphrase(old, new)
    finally:
        wipe(old)
        wipe(new)
    emit(args, {"status": "passphrase_changed"}, "Phrase de passe changée.")
    return 0


def cmd_recover(args: Any) -> int:
    from etudes_desktop.storage.vault import Vault

    paths = data_paths(args)
    code = read_secret(RECOVERY_CODE_ENV, "Code de récupération")
    new = _new_passphrase(NEW_PASSPHRASE_ENV, "Nouvelle phrase de passe")
    try:
        Vault.recover(paths, code, new).close()
    finally:
        wipe(code)
        wipe(new)
    emit(args, {"status": "recovered"}, "Nouvelle phrase de passe enregistrée ; le coffre est intact.")
    return 0
