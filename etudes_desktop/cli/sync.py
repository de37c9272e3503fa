"""`etudes sync`: send finished interviews to the collection server, purge what it acknowledged."""

from __future__ import annotations

import argparse
import os
import sys
from typing import Any

from etudes_desktop.cli.common import emit, open_vault
from etudes_desktop.core.errors import EtudesError
from etudes_desktop.core.plural import count as _n

TOKEN_ENV = "ETUDES_DEVICE_TOKEN"


def register(sub: argparse._SubParsersAction) -> None:
    """Add `etudes sync`."""
    parser = sub.add_parser("sync", help="synchroniser avec le serveur de collecte")
    parser.add_argument("--server", default=None, help="adresse du serveur (enregistrée pour les fois suivantes)")
    # Never on the command line: argv is readable by every user of the machine (ps).
    parser.add_argument("--token", default=None, help=argparse.SUPPRESS)
    parser.add_argument("--token-file", default=None, metavar="FICHIER",
                        help=f"fichier contenant le jeton d'appareil (sinon {TOKEN_ENV}, sinon le jeton enregistré)")
    parser.add_argument("--study", default=None, help="vérifier que le jeton est bien celui de cette étude")
    parser.add_argument("--ca-file", default=None, help="certificat d'autorité pour un serveur HTTPS interne")
    parser.add_argument("--insecure-http", action="store_true",
                        help="confirmer un serveur http:// d'une autre machine (données en clair sur le réseau)")
    parser.set_defaults(handler=_sync)


def _token_from_file(path: str) -> str:
    try:
        with open(path, encoding="utf-8") as handle:
            token = handle.read(4096).strip()
    except OSError as exc:
        raise EtudesError(f"fichier du jeton illisible ({exc.strerror or type(exc).__name__})") from None
    if not token or any(c.isspace() for c in token):
        raise EtudesError("le fichier du jeton ne contient pas un jeton d'appareil valide")
    return token


def _sync(args: Any) -> int:
    if args.token is not None:
        raise EtudesError(f"le jeton ne se donne pas en argument (tout utilisateur du poste le verrait avec ps) : "
                          f"utilisez --token-file FICHIER ou la variable {TOKEN_ENV}")
    from etudes_desktop.storage.settings import read_setting, write_setting
    from etudes_desktop.sync.engine import SETTING_SERVER, SETTING_TOKEN, SyncEngine
    from etudes_desktop.sync.overview import CleartextAddress, is_cleartext_remote
    from etudes_desktop.sync.transport import HttpTransport

    with open_vault(args) as vault:
        server = args.server or read_setting(vault, SETTING_SERVER)
        if not server:
            raise EtudesError("adresse du serveur inconnue : indiquez --server URL")
        if not server.startswith(("http://", "https://")):
            raise EtudesError("l'adresse du serveur doit commencer par http:// ou https://")
        if args.server and is_cleartext_remote(server) and not args.insecure_http:
            raise CleartextAddress()
        if args.server:
            write_setting(vault, SETTING_SERVER, server)
        given = _token_from_file(args.token_file) if args.token_file else os.environ.get(TOKEN_ENV)
        token = given or read_setting(vault, SETTING_TOKEN)
        if not token:
            raise EtudesError(f"jeton d'appareil inconnu : indiquez --token-file FICHIER ou définissez {TOKEN_ENV}")
        if given:
            write_setting(vault, SETTING_TOKEN, token)  # kept inside the encrypted vault only
        transport = HttpTransport(server, token, verify=args.ca_file or True)
        try:
            report = SyncEngine(vault, transport, progress=_progress(args)).run(args.study)
        finally:
            transport.close()
    data = report.as_dict()
    text = (f"Étude {report.study_id} : {_n(report.sent, 'entretien envoyé', 'entretiens envoyés')} en "
            f"{_n(report.batches, 'lot')} ; {_n(report.accepted, 'accepté')}, {_n(report.duplicate, 'déjà reçu', 'déjà reçus')}, "
            f"{report.conflict} en conflit, {_n(report.rejected, 'rejeté')} ; {_n(report.purged, 'purgé')} du poste ; "
            f"{report.remaining} en attente.")
    if report.retries or report.handshake_retries:
        text += (f" Nouvelles tentatives : {report.handshake_retries} pour joindre le serveur, "
                 f"{report.retries} pour les envois.")
    if report.clock_suspect:
        way = "en retard" if report.clock_offset_ms > 0 else "en avance"
        seconds = f"{abs(report.clock_offset_ms) / 1000:.1f}".replace(".", ",")
        text += (f" Horloge du poste {way} de {seconds} s sur celle du serveur "
                 f"(à {report.clock_uncertainty_ms} ms près) : vérifiez la date et l'heure du poste.")
    study = {"created": "étude publiée reçue", "updated": "nouvelle version de l'étude reçue",
             "closed": "étude close par le bureau de collecte : plus de nouvel entretien",
             "refused": f"étude publiée refusée ({report.study_problem})"}.get(report.study_update)
    if study:
        text += f" {study[0].upper()}{study[1:]}."
    text += _cases_text(report)
    emit(args, data, text)
    return 0


def _cases_text(report: Any) -> str:
    """What case management did at this sync, in French."""
    if report.wiped:
        return (" Cet ordinateur a été retiré de l'étude par le bureau d'études : ses données de l'étude ont été "
                "détruites après l'envoi de ce qui pouvait l'être.")
    text = ""
    if report.assigned_added or report.assigned_dropped or report.assigned_updated:
        text += (f" Attribution du bureau d'études : {_n(report.assigned_added, 'personne reçue', 'personnes reçues')}, "
                 f"{_n(report.assigned_updated, 'mise à jour', 'mises à jour')}, "
                 f"{_n(report.assigned_dropped, 'retirée', 'retirées')}.")
    if report.assigned_kept:
        text += (f" {_n(report.assigned_kept, 'personne attribuée ailleurs reste', 'personnes attribuées ailleurs restent')}"
                 " ici le temps de terminer et d'envoyer leur entretien.")
    if report.assigned_refused:
        text += (f" {_n(report.assigned_refused, 'personne refusée et non enregistrée', 'personnes refusées et non enregistrées')}"
                 " (valeur invalide ou NIR).")
    if report.case_problem:
        text += f" Suivi des cas : {report.case_problem}."
    return text


def _progress(args: Any) -> Any:
    if getattr(args, "json", False) or not sys.stderr.isatty():
        return None

    def show(done: int, total: int, batch: int) -> None:
        print(f"\r{done}/{total} envoyé" + ("s" if done > 1 else "") + (f" — lot de {batch}" if batch else "") + " " * 8,
              end="" if done < total else "\n", file=sys.stderr, flush=True)

    return show
