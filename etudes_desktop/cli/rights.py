"""`etudes rights access|rectify|object STUDY SAMPLE_ID`: the register's rights, for one person."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from etudes_desktop.cli.common import emit, open_vault
from etudes_desktop.core.errors import EtudesError
from etudes_desktop.core.plural import count as _n
from etudes_desktop.storage import rights
from etudes_desktop.storage.handle import VaultHandle
from etudes_desktop.storage.interviews import InterviewStore


def register(sub: argparse._SubParsersAction) -> None:
    group = sub.add_parser("rights", help="droits des personnes (accès, rectification, opposition)")
    actions = group.add_subparsers(dest="action", metavar="ACTION")
    actions.required = True
    for name, helptext, handler in (
        ("access", "tout ce que ce poste détient sur une personne", _access),
        ("rectify", "corriger des coordonnées", _rectify),
        ("object", "opposition : effacer et ne plus contacter", _object),
    ):
        parser = actions.add_parser(name, help=helptext)
        parser.add_argument("study")
        parser.add_argument("sample_id")
        parser.set_defaults(handler=handler)
        if name == "access":
            parser.add_argument("--out", type=Path, help="dossier où écrire acces-<id>.txt et .json")
        if name == "rectify":
            parser.add_argument("--set", action="append", default=[], metavar="CHAMP=VALEUR", dest="changes")


def _actor(vault: VaultHandle) -> str | None:
    profile = InterviewStore(vault).profile()
    return profile.pseudonym if profile else None


def _access(args: Any) -> int:
    with open_vault(args) as vault:
        data = rights.access(vault, args.study, args.sample_id, actor=_actor(vault))
    if args.out:
        try:
            text_path, json_path = rights.write_access_export(data, args.out, args.sample_id)
        except OSError as exc:
            raise EtudesError(f"export impossible dans ce dossier ({exc.strerror or type(exc).__name__})") from None
        print(f"export écrit : {text_path.resolve()} et {json_path.resolve()} (à remettre à la personne, "
              "puis à supprimer)")
        return 0
    emit(args, data, rights.access_text(data))
    return 0


def _rectify(args: Any) -> int:
    changes = {}
    for item in args.changes:
        field, sep, value = item.partition("=")
        if not sep:
            raise EtudesError(f"attendu CHAMP=VALEUR, reçu « {field} »")
        changes[field.strip()] = value
    with open_vault(args) as vault:
        person = rights.rectify(vault, args.study, args.sample_id, changes, actor=_actor(vault))
    emit(args, {"sample_id": person.sample_id, "fields": sorted(changes)},
         f"coordonnées corrigées : {', '.join(sorted(changes))}")
    return 0


def _object(args: Any) -> int:
    with open_vault(args) as vault:
        counts = rights.object_to_processing(vault, args.study, args.sample_id, actor=_actor(vault))
    emit(args, counts, f"opposition enregistrée : {_n(counts['interviews_erased'], 'entretien non transmis', 'entretiens non transmis')} et "
                       f"{_n(counts['answers_erased'], 'réponse effacée', 'réponses effacées')} ; la personne ne sera plus contactée")
    return 0
