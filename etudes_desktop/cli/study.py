"""`etudes study` commands: check, preview, import, list, set, print (in study_print.py)."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from etudes_desktop.cli.common import emit, open_vault
from etudes_desktop.core.errors import EtudesError
from etudes_desktop.core.form_problems import FormError
from etudes_desktop.core.retention import destruction_date, parse_day


def register(sub: argparse._SubParsersAction) -> None:
    """Add `study check|preview|import|list`."""
    parser = sub.add_parser("study", help="les études : vérifier, prévisualiser, importer un questionnaire")
    commands = parser.add_subparsers(dest="study_command", metavar="ACTION")
    commands.required = True
    check = commands.add_parser("check", help="vérifier un XLSForm ou un paquet d'étude (rien n'est écrit)")
    check.add_argument("file", type=Path, help="fichier .xlsx, .xls ou .json")
    # writes_nothing: check and preview must leave no file behind, not even a log (see common.py).
    check.set_defaults(handler=cmd_check, writes_nothing=True)
    preview = commands.add_parser("preview", help="tester la logique d'un questionnaire avec des réponses")
    preview.add_argument("file", type=Path, help="fichier .xlsx, .xls ou .json")
    preview.add_argument("--answers", type=Path, required=True, help="réponses en JSON (nom -> valeur)")
    preview.add_argument("--lang", default=None, help="langue des messages (ex. fr)")
    preview.set_defaults(handler=cmd_preview, writes_nothing=True)
    imported = commands.add_parser("import", help="importer une étude dans le coffre")
    imported.add_argument("file", type=Path, help="fichier .xlsx, .xls ou .json")
    imported.set_defaults(handler=cmd_import)
    commands.add_parser("list", help="les études du coffre").set_defaults(handler=cmd_list)
    setter = commands.add_parser("set", help="date de livraison et conservation d'une étude")
    setter.add_argument("study", help="identifiant de l'étude")
    setter.add_argument("--delivery-date", type=parse_day, required=True, help="date de livraison (AAAA-MM-JJ)")
    setter.add_argument("--retention-months", type=int, default=None,
                        help="destruction des fichiers fournis N mois après la livraison (6 au plus)")
    setter.set_defaults(handler=cmd_set)
    from etudes_desktop.cli import study_print

    study_print.register(commands)


def _load(path: Path) -> Any:
    """The checked package, or None after printing one line per problem on stderr."""
    from etudes_desktop.core.study_load import load_package

    try:
        return load_package(path)
    except FormError as exc:
        for problem in exc.problems:
            print(str(problem), file=sys.stderr)
        return None


def cmd_check(args: Any) -> int:
    """Exit 0 when valid; else one line per problem on stderr and exit 1."""
    package = _load(args.file)
    if package is None:
        return 1
    count = sum(1 for item in package.questionnaire.walk() if not item.is_container)
    emit(args, {"valid": True, "study": package.id, "version": package.version, "items": count},
         f"{args.file.name} : valide (étude {package.id}, version {package.version}, {count} éléments)")
    return 0


def cmd_preview(args: Any) -> int:
    """Print {visible, values, errors, choices} for the answers given (errors are output, exit 0)."""
    from etudes_desktop.core.session import NotInTheForm, Session
    from etudes_desktop.core.session.preview import apply_answers, preview

    package = _load(args.file)
    if package is None:
        return 1
    answers = _read_answers(args.answers)
    questionnaire = package.questionnaire
    declared = [lang for lang in questionnaire.languages if lang != "default"]
    if args.lang and declared and questionnaire.resolve_language(args.lang) is None:
        print(f"etudes: langue « {args.lang} » absente du formulaire ({', '.join(declared)}) : "
              "textes dans la langue par défaut", file=sys.stderr)
    session = Session(questionnaire, language=args.lang)
    refused = apply_answers(session, answers)
    for key, refusal in refused.items():
        if isinstance(refusal, NotInTheForm):  # a typo in the answers file, not a wrong answer
            print(f"etudes: {key} : {refusal.message}", file=sys.stderr)
    print(json.dumps(preview(session, refused), ensure_ascii=False, indent=2))
    return 0


def _read_answers(path: Path) -> dict[str, Any]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise EtudesError(f"fichier de réponses introuvable : {path.name}") from None
    except (OSError, UnicodeDecodeError, json.JSONDecodeError):
        raise EtudesError(f"{path.name} : JSON illisible") from None
    if not isinstance(data, dict):
        raise EtudesError(f"{path.name} : un objet JSON (nom de question -> valeur) est attendu")
    return data


def cmd_import(args: Any) -> int:
    """Check the package, then store it in the vault (nothing written when it is refused)."""
    from etudes_desktop.storage.studies import save_study

    package = _load(args.file)
    if package is None:
        return 1
    with open_vault(args) as vault:
        outcome = save_study(vault, package)
    labels = {"created": "importée", "updated": "mise à jour", "unchanged": "déjà à jour"}
    emit(args, {"study": package.id, "version": package.version, "outcome": outcome},
         f"étude {package.id} (version {package.version}) {labels[outcome]}")
    return 0


def cmd_list(args: Any) -> int:
    from etudes_desktop.storage.studies import list_studies

    with open_vault(args) as vault:
        studies = list_studies(vault)
    lines = [
        f"{s.id}\tversion {s.version}\t{s.title}\timportée le {s.imported_at[:10]}"
        + (f"\tlivrée le {s.delivery_date}" if s.delivery_date else "")
        for s in studies
    ]
    emit(args, [s.as_dict() for s in studies], "\n".join(lines) or "aucune étude dans le coffre")
    return 0


def cmd_set(args: Any) -> int:
    """Record the delivery date that starts the retention clock."""
    from etudes_desktop.storage import retention

    with open_vault(args) as vault:
        retention.set_delivery_date(vault, args.study, args.delivery_date, args.retention_months)
        months = vault.conn.execute("SELECT retention_months FROM study WHERE id = ?", (args.study,)).fetchone()[0]
    destroy_on = destruction_date(args.delivery_date, months)
    emit(args, {"study": args.study, "delivery_date": args.delivery_date.isoformat(), "retention_months": months,
                "destroy_on": destroy_on.isoformat()},
         f"{args.study} : livrée le {args.delivery_date:%d/%m/%Y}, fichiers fournis détruits au plus tard le "
         f"{destroy_on:%d/%m/%Y}")
    return 0
