"""`etudes-server`: serve, enrol and revoke devices, export and count a study's interviews,
produce and deliver its protected aggregated results; console accounts (`user`) and published
studies (`study`) are in office_cli, the sample and its retention (`sample`, `retention`) in cases_cli,
the web questionnaire's links and the panel import (`links`, `panel`) in web_cli.

Exit 0 on success, 1 on a refused operation (one French line on stderr), 2 on usage errors.
"""

from __future__ import annotations

import argparse
import csv
import json
import logging
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any, TextIO

from etudes_desktop import __version__
from etudes_desktop.core.errors import EtudesError
from etudes_desktop.core.plural import count as _n
from etudes_desktop.server.cli_store import default_data_dir, open_store
from etudes_desktop.server.cli_store import store_args as _store_args

log = logging.getLogger(__name__)

_CSV_FIXED = ["id", "study_id", "study_version", "state", "mode", "interviewer", "created_at", "completed_at",
              "received_at", "clock_offset_ms", "content_sha256", "consent_notice_id", "consent_notice_version",
              "consent_text_sha256", "consent_delivered_at", "consent_decided_at", "consent_decision"]


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="etudes-server", description="Serveur de collecte d'Études terrain.")
    parser.add_argument("--version", action="version", version=f"etudes-server {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMANDE", required=True)

    serve = sub.add_parser("serve", help="lancer le serveur")
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=8765)
    serve.add_argument("--tls-cert", default=None, help="certificat TLS (PEM)")
    serve.add_argument("--tls-key", default=None, help="clé privée TLS (PEM)")
    serve.add_argument("--workers", type=int, default=1, help="processus de travail (PostgreSQL conseillé au-delà de 1)")
    _store_args(serve)
    serve.set_defaults(handler=cmd_serve)

    enroll = sub.add_parser("enroll", help="inscrire un appareil pour une étude (affiche son jeton une fois)")
    enroll.add_argument("--study", required=True)
    enroll.add_argument("--device-name", required=True)
    enroll.add_argument("--json", action="store_true")
    _store_args(enroll)
    enroll.set_defaults(handler=cmd_enroll)

    revoke = sub.add_parser("revoke", help="révoquer le jeton d'un appareil")
    revoke.add_argument("--device-id", default=None)
    revoke.add_argument("--study", default=None)
    revoke.add_argument("--device-name", default=None)
    _store_args(revoke)
    revoke.set_defaults(handler=cmd_revoke)

    export = sub.add_parser("export", help="exporter les entretiens reçus d'une étude")
    export.add_argument("--study", required=True)
    export.add_argument("--format", choices=("jsonl", "csv"), default="jsonl")
    export.add_argument("--output", default=None, help="fichier de sortie (par défaut : sortie standard)")
    _store_args(export)
    export.set_defaults(handler=cmd_export)

    stats = sub.add_parser("stats", help="comptes d'une étude (sans données personnelles)")
    stats.add_argument("--study", required=True)
    stats.add_argument("--json", action="store_true")
    _store_args(stats)
    stats.set_defaults(handler=cmd_stats)

    from etudes_desktop.server.results.commands import register as register_results

    register_results(sub, _store_args)

    from etudes_desktop.server import office_cli

    office_cli.register(sub, _store_args)  # user add|disable|list, study publish|close|list

    from etudes_desktop.server import cases_cli

    cases_cli.register(sub, _store_args)  # sample import|assign|status, retention run

    from etudes_desktop.server import web_cli

    web_cli.register(sub, _store_args)  # links (the web questionnaire), panel import
    return parser


def cmd_serve(args: argparse.Namespace) -> int:
    import uvicorn

    if bool(args.tls_cert) != bool(args.tls_key):
        raise EtudesError("--tls-cert et --tls-key vont ensemble")
    for path in (args.tls_cert, args.tls_key):
        if path and not Path(path).is_file():
            raise EtudesError(f"fichier introuvable : {path}")
    tls = {"ssl_certfile": args.tls_cert, "ssl_keyfile": args.tls_key} if args.tls_cert else {}
    store = open_store(args)  # creates the tables once, before any worker starts
    if args.workers > 1:
        store.close()
        if args.database_url:
            os.environ["ETUDES_SERVER_DATABASE_URL"] = args.database_url
        else:
            os.environ["ETUDES_SERVER_DATA_DIR"] = str(args.data_dir or default_data_dir())
        uvicorn.run("etudes_desktop.server.app:app_from_env", factory=True, host=args.host, port=args.port,
                    workers=args.workers, log_level="warning", **tls)
        return 0
    from etudes_desktop.server.app import create_app

    print(f"etudes-server : écoute sur {'https' if tls else 'http'}://{args.host}:{args.port} "
          f"(base {store.dialect}) ; console du bureau de collecte sur /console/", file=sys.stderr, flush=True)
    uvicorn.run(create_app(store), host=args.host, port=args.port, log_level="warning", **tls)
    return 0


def cmd_enroll(args: argparse.Namespace) -> int:
    store = open_store(args)
    device, token = store.enroll(args.study.strip(), args.device_name.strip())
    if args.json:
        print(json.dumps({"device_id": device.id, "study_id": device.study_id, "device_name": device.name,
                          "token": token}))
    else:
        print(f"Appareil « {device.name} » inscrit pour l'étude {device.study_id} (id {device.id}).", file=sys.stderr)
        print("Jeton (affiché une seule fois, à saisir dans l'application) :", file=sys.stderr)
        print(token)
    return 0


def cmd_revoke(args: argparse.Namespace) -> int:
    store = open_store(args)
    count = store.revoke(device_id=args.device_id, study_id=args.study, name=args.device_name)
    if count == 0:
        raise EtudesError("aucun appareil actif ne correspond")
    print(f"{_n(count, 'appareil révoqué', 'appareils révoqués')} : à sa prochaine connexion, chacun envoie ce qu'il "
          "détient puis détruit ses données de l'étude (effacement à distance)", file=sys.stderr)
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    store = open_store(args)
    records = store.iter_interviews(args.study)
    if args.output:
        with open(args.output, "w", encoding="utf-8", newline="") as out:
            count = _write(records, args.format, out)
    else:
        count = _write(records, args.format, sys.stdout)
    print(f"{_n(count, 'entretien exporté', 'entretiens exportés')}", file=sys.stderr)
    return 0


def _write(records: Any, fmt: str, out: TextIO) -> int:
    if fmt == "jsonl":
        count = 0
        for record in records:
            out.write(json.dumps(record, ensure_ascii=False, sort_keys=True) + "\n")
            count += 1
        return count
    rows = [_flatten(record) for record in records]
    extra = sorted({key for row in rows for key in row} - set(_CSV_FIXED))
    writer = csv.DictWriter(out, fieldnames=_CSV_FIXED + extra, extrasaction="ignore")
    writer.writeheader()
    writer.writerows({key: _cell(value) for key, value in row.items()} for row in rows)  # every column
    return len(rows)


def _flatten(record: dict[str, Any]) -> dict[str, Any]:
    payload = record["payload"]
    row: dict[str, Any] = {key: record[key] for key in ("id", "study_id", "received_at", "clock_offset_ms",
                                                         "content_sha256")}
    for key in ("study_version", "state", "mode", "interviewer", "created_at", "completed_at"):
        row[key] = payload[key]
    for key, value in payload["consent"].items():
        if key not in ("mode", "interviewer"):
            row[f"consent_{key}"] = value
    for key, value in payload["answers"].items():
        row[f"q.{key}"] = _cell(value)
    for key, value in payload["attributes"].items():
        row[f"attr.{key}"] = _cell(value)
    return row


def _cell(value: Any) -> Any:
    """A CSV cell: JSON for structures; text that a spreadsheet would run as a formula is quoted."""
    if isinstance(value, (list, dict)):
        value = json.dumps(value, ensure_ascii=False)
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + value
    return value


def cmd_stats(args: argparse.Namespace) -> int:
    stats = open_store(args).stats(args.study)
    if args.json:
        print(json.dumps(stats, ensure_ascii=False, indent=2))
    else:
        print(f"Étude {stats['study_id']} : {_n(stats['interviews'], 'entretien reçu', 'entretiens reçus')} "
              f"({_n(stats['by_state']['completed'], 'complet')}, {_n(stats['by_state']['objected'], 'opposition')}), "
              f"{_n(stats['batches'], 'lot')}, {_n(stats['devices']['active'], 'appareil actif', 'appareils actifs')}")
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of `etudes-server`; returns the exit code (and exits when run as a script)."""
    args = build_parser().parse_args(argv)
    try:
        code = args.handler(args)
    except EtudesError as exc:
        print(f"etudes-server: {exc.message}", file=sys.stderr)
        code = 1
    except KeyboardInterrupt:
        code = 0
    except Exception as exc:  # noqa: BLE001 - never a traceback for the operator
        log.error("unexpected error: %s", type(exc).__name__)
        print(f"etudes-server: erreur interne inattendue ({type(exc).__name__})", file=sys.stderr)
        code = 1
    return int(code or 0)


if __name__ == "__main__":
    sys.exit(main())
