"""`etudes-server results` and `etudes-server deliver`: the insurer's deliverable from the shell.

The server holds no study package yet (publishing studies on the server is the console's work):
the questionnaire the results are counted against is given with `--form` (the XLSForm or JSON
package the laptops imported).
"""

from __future__ import annotations

import argparse
import hashlib
import logging
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from etudes_desktop.core.errors import EtudesError
from etudes_desktop.core.study import StudyPackage
from etudes_desktop.server.results.deliverable import Deliverable, build_deliverable
from etudes_desktop.server.results.formats import FORMATS, render
from etudes_desktop.server.results.suppression import DEFAULT_THRESHOLD

log = logging.getLogger(__name__)
SUMS_FILE = "SHA256SUMS"


def register(sub: Any, store_args: Callable[[argparse.ArgumentParser], None]) -> None:
    """Add `results` and `deliver` to the server's command line."""
    results = sub.add_parser("results", help="résultats agrégés d'une étude, protégés par le secret statistique")
    _common(results, store_args)
    results.add_argument("--format", choices=FORMATS, default=None, help="json (par défaut), csv, xlsx ou pdf")
    results.add_argument("--out", default=None, help="fichier de sortie (par défaut : sortie standard, json et csv)")
    results.set_defaults(handler=cmd_results)
    deliver = sub.add_parser("deliver", help="livrer une étude : fichiers figés (SHA-256), étude close, "
                                             "date de livraison transmise aux portables")
    _common(deliver, store_args)
    deliver.add_argument("--out", required=True, help="dossier (neuf) où écrire les fichiers livrés")
    deliver.set_defaults(handler=cmd_deliver)


def _common(parser: argparse.ArgumentParser, store_args: Callable[[argparse.ArgumentParser], None]) -> None:
    parser.add_argument("study", metavar="ETUDE", help="identifiant de l'étude")
    parser.add_argument("--form", default=None, type=Path,
                        help="questionnaire de l'étude (XLSForm .xlsx/.xls ou paquet .json) ; par défaut, la "
                             "dernière version publiée sur ce serveur")
    parser.add_argument("--by", default=None, help="croisements, séparés par des virgules (par défaut : mode et "
                                                   "les attributs results_by de l'étude)")
    parser.add_argument("--threshold", type=int, default=DEFAULT_THRESHOLD,
                        help=f"seuil de diffusion (par défaut {DEFAULT_THRESHOLD}, jamais moins de 5)")
    store_args(parser)


def _package(args: argparse.Namespace, store: Any) -> StudyPackage:
    from etudes_desktop.core.study_load import load_package, package_from_stored

    if args.form is None:  # the study as published from the console or `etudes-server study publish`
        from etudes_desktop.server.office_store import OfficeStore

        office = OfficeStore(store)
        published = office.studies(args.study)
        if not published:
            raise EtudesError(f"l'étude {args.study} n'est pas publiée sur ce serveur : précisez --form FICHIER")
        return package_from_stored(office.package_json(args.study, published[0].current.version) or "")
    package = load_package(args.form)
    if package.id != args.study:
        raise EtudesError(f"le questionnaire {args.form.name} est celui de l'étude {package.id}, pas de {args.study}")
    return package


def _build(args: argparse.Namespace) -> tuple[Any, Deliverable]:
    from etudes_desktop.server.cli_store import open_store

    store = open_store(args)
    package = _package(args, store)
    by = [name.strip() for name in args.by.split(",") if name.strip()] if args.by is not None else None
    deliverable = build_deliverable(store, package, by=by, threshold=args.threshold)
    if deliverable.counted.interviews == 0:
        raise EtudesError(f"aucun entretien complet reçu pour l'étude {args.study}")
    return store, deliverable


def cmd_results(args: argparse.Namespace) -> int:
    fmt = args.format or (Path(args.out).suffix.lstrip(".").lower() if args.out else "json")
    if fmt not in FORMATS:
        raise EtudesError(f"format inconnu : {fmt} (précisez --format {'|'.join(FORMATS)})")
    if fmt in ("xlsx", "pdf") and not args.out:
        raise EtudesError(f"le format {fmt} s'écrit dans un fichier : précisez --out FICHIER")
    _store, deliverable = _build(args)
    data = render(deliverable, fmt)
    if args.out:
        Path(args.out).write_bytes(data)
    else:
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
    _summary(deliverable)
    return 0


def _summary(d: Deliverable) -> None:
    from etudes_desktop.core.plural import count
    from etudes_desktop.server.results.suppression import PRIMARY, SECONDARY

    print(f"{count(len(d.tables), 'tableau', 'tableaux')}, seuil {d.threshold} : "
          f"{count(d.protection.count(PRIMARY), 'cellule masquée', 'cellules masquées')} sous le seuil, "
          f"{d.protection.count(SECONDARY)} en protection ; contrôle de l'attaquant réussi", file=sys.stderr)


def deliver_study(store: Any, study_id: str, deliverable: Deliverable, actor: str, role: str | None
                  ) -> tuple[Any, dict[str, bytes]]:
    """Freeze a study's deliverable (every format rendered once, their SHA-256 recorded), close the
    study to new interviews; the one home of delivery for the command line and the console."""
    earlier = store.delivery(study_id)
    if earlier is not None:
        raise EtudesError(f"l'étude {study_id} a déjà été livrée le {earlier.delivered_on}")
    rendered = {f"{study_id}-resultats.{fmt}": render(deliverable, fmt) for fmt in FORMATS}
    files = [{"name": name, "sha256": hashlib.sha256(data).hexdigest(), "bytes": len(data)}
             for name, data in rendered.items()]
    delivery = store.record_delivery(study_id, deliverable.threshold, files, rendered)
    from etudes_desktop.server.office_store import OfficeStore

    OfficeStore(store).close_study(study_id, actor, role)  # published here: closed to new interviews
    return delivery, rendered


def cmd_deliver(args: argparse.Namespace) -> int:
    out = Path(args.out)
    if out.exists() and (not out.is_dir() or any(out.iterdir())):
        raise EtudesError(f"{out} existe déjà et n'est pas un dossier vide : la livraison n'écrase rien")
    store, deliverable = _build(args)
    delivery, rendered = deliver_study(store, args.study, deliverable, "cli", None)
    out.mkdir(parents=True, exist_ok=True)
    for name, data in rendered.items():
        _write_frozen(out / name, data)
    files = delivery.files
    sums = "".join(f"{f['sha256']}  {f['name']}\n" for f in files)
    _write_frozen(out / SUMS_FILE, f"# livraison {args.study} du {delivery.delivered_at}\n{sums}".encode())
    log.info("study delivered: %d files", len(files))
    _summary(deliverable)
    print(f"Étude {args.study} livrée le {delivery.delivered_on} : {len(files)} fichiers dans {out} "
          f"(empreintes dans {SUMS_FILE}). Elle n'accepte plus de nouveaux entretiens ; les portables "
          "reçoivent la date de livraison à leur prochaine synchronisation (délai de conservation).", file=sys.stderr)
    return 0


def _write_frozen(path: Path, data: bytes) -> None:
    """Written once, then read-only."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
    with os.fdopen(fd, "wb") as handle:
        handle.write(data)
    os.chmod(path, 0o444)
