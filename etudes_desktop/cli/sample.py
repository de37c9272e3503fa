"""`etudes sample` commands: import a sample file into a study, show the guessed mapping, list."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from etudes_desktop.cli.common import emit, open_vault
from etudes_desktop.core.errors import EtudesError
from etudes_desktop.core.plural import count as _n


def register(sub: argparse._SubParsersAction) -> None:
    """Add `sample import|mapping|count`."""
    parser = sub.add_parser("sample", help="les fichiers d'échantillon (personnes à interroger)")
    commands = parser.add_subparsers(dest="sample_command", metavar="ACTION")
    commands.required = True
    imported = commands.add_parser("import", help="importer un fichier CSV ou XLSX dans une étude")
    imported.add_argument("study", help="identifiant de l'étude")
    imported.add_argument("file", type=Path, help="fichier .csv ou .xlsx")
    imported.add_argument("--mapping", type=Path, default=None,
                          help="correspondance des colonnes en JSON (voir `etudes sample mapping`)")
    imported.add_argument("--partial", action="store_true",
                          help="importer les lignes valides et lister les lignes rejetées")
    imported.set_defaults(handler=cmd_import)
    mapping = commands.add_parser("mapping", help="afficher la correspondance des colonnes devinée (JSON à modifier)")
    mapping.add_argument("file", type=Path, help="fichier .csv ou .xlsx")
    mapping.set_defaults(handler=cmd_mapping)
    count = commands.add_parser("count", help="nombre de répondants d'une étude")
    count.add_argument("study", help="identifiant de l'étude")
    count.set_defaults(handler=cmd_count)


def _read_mapping(path: Path | None) -> Any:
    from etudes_desktop.core.sample_mapping import SampleMapping

    if path is None:
        return None
    try:
        text = path.read_text(encoding="utf-8-sig")
    except OSError as exc:
        raise EtudesError(f"correspondance des colonnes illisible : {path.name}") from exc
    return SampleMapping.from_json(text)


def cmd_import(args: Any) -> int:
    """Import; a refused file prints why (rows and columns, never a value) and exits 1."""
    from etudes_desktop.storage.sample_import import import_sample

    mapping = _read_mapping(args.mapping)
    with open_vault(args) as vault:
        report = import_sample(vault, args.study, args.file, mapping, partial=args.partial)
    lines = [report.summary()] + [f"  {p}" for p in report.problems]
    emit(args, report.as_dict(), "\n".join(lines))
    return 0


def cmd_mapping(args: Any) -> int:
    """Print the guessed mapping of a file's columns, to edit and pass back with --mapping."""
    from etudes_desktop.core.sample import SampleImport

    importer = SampleImport(args.file)
    print(importer.mapping.model_dump_json(indent=2))
    return 0


def cmd_count(args: Any) -> int:
    from etudes_desktop.storage.respondents import RespondentRepository

    with open_vault(args) as vault:
        repo = RespondentRepository(vault)
        if not repo.study_exists(args.study):
            raise EtudesError(f"étude inconnue : {args.study}")
        total = repo.count(args.study)
    emit(args, {"study": args.study, "respondents": total}, f"{_n(total, 'répondant')} dans l'étude {args.study}")
    return 0
