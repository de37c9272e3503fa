"""`etudes study print`: the questionnaire as a paper form (PDF), from the vault or from a file."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from etudes_desktop.cli.common import emit, open_vault
from etudes_desktop.core.errors import EtudesError

FORM_SUFFIXES = (".xlsx", ".xls", ".json")


def register(commands: argparse._SubParsersAction) -> None:
    printed = commands.add_parser("print", help="imprimer le questionnaire en formulaire papier (PDF)")
    printed.add_argument("study", help="identifiant d'une étude du coffre, ou fichier .xlsx, .xls ou .json")
    printed.add_argument("--out", type=Path, required=True, help="fichier PDF à écrire")
    printed.add_argument("--lang", default="fr", help="langue des libellés (défaut : fr)")
    printed.set_defaults(handler=cmd_print)


def _package(args: Any) -> Any:
    """The study from a form file when STUDY names one, else from the vault."""
    from etudes_desktop.core.form_problems import FormError
    from etudes_desktop.core.study_load import load_package
    from etudes_desktop.storage.studies import load_study

    candidate = Path(args.study)
    if candidate.suffix.lower() in FORM_SUFFIXES:
        try:
            return load_package(candidate)
        except FormError as exc:  # one line per problem, as `study check` says them
            for problem in exc.problems:
                print(str(problem), file=sys.stderr)
            return None
    with open_vault(args) as vault:
        package = load_study(vault, args.study)
    if package is None:
        raise EtudesError(f"étude inconnue : « {args.study} » (voir etudes study list)")
    return package


def cmd_print(args: Any) -> int:
    from etudes_desktop.core.printing.output import write_whole
    from etudes_desktop.core.printing.paper_form import number_questions, render_paper_form

    package = _package(args)
    if package is None:
        return 1
    form = package.questionnaire
    declared = [lang for lang in form.languages if lang != "default"]
    if declared and form.resolve_language(args.lang) is None:
        print(f"etudes: langue « {args.lang} » absente du formulaire ({', '.join(declared)}) : "
              "libellés dans la langue par défaut", file=sys.stderr)
    write_whole(args.out, render_paper_form(package, lang=args.lang))
    questions = len(number_questions(form))
    emit(args, {"study": package.id, "version": package.version, "questions": questions, "file": str(args.out)},
         f"questionnaire papier de l'étude {package.id} (version {package.version}, {questions} questions) : "
         f"{args.out}")
    return 0
