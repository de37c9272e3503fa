"""`etudes-server links STUDY --out links.csv` (the web questionnaire's links, for the contractor's
own mailing tool: the server sends no e-mail) and `etudes-server panel import STUDY FILE` (an
online panel's export, checked by the engine, imported as interviews of mode internet).

Output names no person but in the links file itself (sample id and link: what the mailing
needs); messages give counts, rows and columns, never a cell's value.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import sys
from collections.abc import Callable
from pathlib import Path

from etudes_desktop.core.errors import EtudesError
from etudes_desktop.core.plural import count as _n

PUBLIC_URL_ENV = "ETUDES_SERVER_PUBLIC_URL"


def register(sub: argparse._SubParsersAction, store_args: Callable[[argparse.ArgumentParser], None]) -> None:
    links = sub.add_parser("links", help="liens du questionnaire en ligne, un par personne de l'échantillon (CSV)")
    links.add_argument("study")
    links.add_argument("--out", required=True, type=Path, help="fichier CSV à créer (identifiant, lien)")
    links.add_argument("--base-url", default=None,
                       help=f"adresse publique du serveur, ex. https://enquete.example.fr (ou {PUBLIC_URL_ENV})")
    links.add_argument("--renew", action="store_true",
                       help="remplacer les liens déjà émis des questionnaires non terminés (les anciens sont refusés)")
    store_args(links)
    links.set_defaults(handler=cmd_links)

    panel = sub.add_parser("panel", help="panel en ligne : import de l'export du panel")
    actions = panel.add_subparsers(dest="panel_command", metavar="ACTION", required=True)
    imp = actions.add_parser("import", help="importer l'export d'un panel (CSV, XLSX) comme entretiens internet")
    imp.add_argument("study")
    imp.add_argument("file", type=Path)
    imp.add_argument("--json", action="store_true")
    store_args(imp)
    imp.set_defaults(handler=cmd_panel_import)


def _base_url(given: str | None) -> str:
    url = (given or os.environ.get(PUBLIC_URL_ENV, "")).strip().rstrip("/")
    if not url:
        raise EtudesError(f"indiquez l'adresse publique du serveur : --base-url https://… (ou {PUBLIC_URL_ENV})")
    if not url.startswith(("https://", "http://127.0.0.1", "http://localhost")):
        raise EtudesError("l'adresse publique doit commencer par https:// (les liens donnent accès aux réponses)")
    return url


def cmd_links(args: argparse.Namespace) -> int:
    from etudes_desktop.server.cli_store import open_store
    from etudes_desktop.server.web_store import WebStore

    base = _base_url(args.base_url)
    out: Path = args.out
    if out.exists():
        raise EtudesError(f"le fichier {out} existe déjà : choisissez un autre nom (les liens déjà émis ne sont "
                          "jamais réécrits : seule leur empreinte est gardée)")
    if not out.parent.is_dir():
        raise EtudesError(f"dossier introuvable : {out.parent}")
    issued = WebStore(open_store(args)).issue(args.study.strip(), renew=args.renew)
    if issued.links:
        fd = os.open(out, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)  # the links are secrets: owner only
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as handle:
            writer = csv.writer(handle)
            writer.writerow(["sample_id", "link"])
            for sample_id, token in issued.links:
                writer.writerow([sample_id, f"{base}/q/{token}"])
    text = f"{_n(len(issued.links), 'lien émis', 'liens émis')}"
    if issued.links:
        text += f" dans {out}"
    if issued.renewed:
        text += f", dont {_n(issued.renewed, 'lien remplacé', 'liens remplacés')} (les anciens sont refusés)"
    if issued.kept:
        text += (f" ; {_n(issued.kept, 'lien déjà émis reste valable', 'liens déjà émis restent valables')} "
                 "(non repris : --renew pour les remplacer)")
    print(text, file=sys.stderr)
    return 0


def cmd_panel_import(args: argparse.Namespace) -> int:
    from etudes_desktop.server.cli_store import open_store
    from etudes_desktop.server.panel import PanelRefused, import_panel

    if not args.file.is_file():
        raise EtudesError(f"fichier introuvable : {args.file}")
    try:
        report = import_panel(open_store(args), args.study.strip(), args.file)
    except PanelRefused as exc:
        for problem in exc.problems[:50]:
            print(f"  {problem}", file=sys.stderr)
        if len(exc.problems) > 50:
            print(f"  … et {len(exc.problems) - 50} autres", file=sys.stderr)
        print(f"etudes-server: {exc.message}", file=sys.stderr)
        return 1
    if args.json:
        print(json.dumps({"study": args.study, "rows": report.rows, "imported": report.imported,
                          "duplicates": report.duplicates}, ensure_ascii=False))
    print(report.summary(), file=sys.stderr)
    return 0
