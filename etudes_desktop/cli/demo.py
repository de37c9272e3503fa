"""`etudes demo seed`: fill a vault with synthetic completed interviews (demos, load tests)."""

from __future__ import annotations

import argparse
import random
from typing import Any

from etudes_desktop.cli.common import emit, open_vault
from etudes_desktop.core.plural import count as _n


def register(sub: argparse._SubParsersAction) -> None:
    group = sub.add_parser("demo", help="données fictives de démonstration").add_subparsers(dest="action", metavar="ACTION")
    group.required = True
    seed = group.add_parser("seed", help="créer des entretiens terminés fictifs")
    seed.add_argument("--study", required=True, help="identifiant de l'étude (importée, ou 'demo' pour l'étude fournie)")
    seed.add_argument("--interviews", type=int, default=10, help="nombre d'entretiens")
    seed.add_argument("--respondents", type=int, default=0, help="nombre de répondants fictifs à ajouter")
    seed.add_argument("--seed", type=int, default=11, help="graine du hasard (reproductible)")
    seed.set_defaults(handler=_seed)


def _seed(args: Any) -> int:
    from etudes_desktop.demo import seed

    rng = random.Random(args.seed)
    with open_vault(args) as vault:
        study_id = seed.import_demo_study(vault).id if args.study == "demo" else args.study
        people = seed.seed_respondents(vault, study_id, args.respondents, rng) if args.respondents else 0
        made = seed.seed_interviews(vault, study_id, max(0, args.interviews), rng)
    emit(args, {"study": study_id, "interviews": made, "respondents": people},
         f"{_n(made, 'entretien terminé', 'entretiens terminés')} et {_n(people, 'répondant')} fictifs ajoutés à l'étude {study_id}")
    return 0
