"""`etudes-server sample import|assign|status` and `etudes-server retention run`: case management
from the shell (the console's Échantillon page does the same from a browser).

Output names no person: counts, device names, départements; a refused file gets the laptop's
row-precise French messages (line, column, reason; never a cell's value).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

from etudes_desktop.core.errors import EtudesError


def register(sub: argparse._SubParsersAction, store_args: Callable[[argparse.ArgumentParser], None]) -> None:
    """Add `sample import|assign|status` and `retention run`."""
    sample = sub.add_parser("sample", help="échantillon de l'assureur : import, attribution aux appareils, état")
    actions = sample.add_subparsers(dest="sample_command", metavar="ACTION", required=True)
    imp = actions.add_parser("import", help="importer un fichier d'échantillon (CSV, XLSX) dans une étude")
    imp.add_argument("study")
    imp.add_argument("file", type=Path)
    imp.add_argument("--mapping", type=Path, default=None, help="correspondance des colonnes (JSON)")
    imp.add_argument("--partial", action="store_true", help="importer les lignes valides, rejeter les autres")
    imp.add_argument("--json", action="store_true")
    store_args(imp)
    imp.set_defaults(handler=cmd_import)

    assign = actions.add_parser("assign", help="attribuer des personnes à un appareil (nombre, département, "
                                                   "ou identifiants), ou les déplacer d'un appareil à un autre")
    assign.add_argument("study")
    assign.add_argument("--device", required=True, help="nom (ou identifiant) de l'appareil destinataire")
    how = assign.add_mutually_exclusive_group(required=True)
    how.add_argument("--count", type=int, help="nombre de personnes")
    how.add_argument("--sample-ids", help="identifiants d'échantillon séparés par des virgules")
    assign.add_argument("--departement", default=None, help="seulement ce département (75, 2A, 971…)")
    assign.add_argument("--from-device", default=None, help="réattribuer : prendre les personnes de cet appareil")
    assign.add_argument("--json", action="store_true")
    store_args(assign)
    assign.set_defaults(handler=cmd_assign)

    status = actions.add_parser("status", help="comptes par appareil, département et état (aucun nom)")
    status.add_argument("study")
    status.add_argument("--json", action="store_true")
    store_args(status)
    status.set_defaults(handler=cmd_status)

    retention = sub.add_parser("retention", help="conservation : destruction des fichiers fournis après livraison")
    runs = retention.add_subparsers(dest="retention_command", metavar="ACTION", required=True)
    run = runs.add_parser("run", help="détruire les dossiers des études livrées depuis plus de six mois")
    run.add_argument("--now", default=None, help="date ISO du jour (par défaut : maintenant)")
    run.add_argument("--json", action="store_true")
    store_args(run)
    run.set_defaults(handler=cmd_retention)


def _cases(args: argparse.Namespace):  # noqa: ANN202 - a CasesStore, imported lazily
    from etudes_desktop.server.cases_store import CasesStore
    from etudes_desktop.server.cli_store import open_store

    return CasesStore(open_store(args))


def cmd_import(args: argparse.Namespace) -> int:
    from etudes_desktop.core.sample import SampleMapping, SampleRefused
    from etudes_desktop.server.cases_import_store import import_sample

    if not args.file.is_file():
        raise EtudesError(f"fichier introuvable : {args.file}")
    mapping = None
    if args.mapping is not None:
        try:
            mapping = SampleMapping.from_json(args.mapping.read_text(encoding="utf-8"))
        except OSError:
            raise EtudesError(f"fichier de correspondance illisible : {args.mapping}") from None
    cases = _cases(args)
    try:
        report = import_sample(cases, args.study.strip(), args.file, mapping, partial=args.partial)
    except SampleRefused as exc:
        print(f"etudes-server: {exc.message}", file=sys.stderr)
        return 1
    if args.json:
        print(json.dumps({"study": report.study_id, "file_id": report.file_id, "rows": report.total_rows,
                          "imported": report.imported, "rejected": report.rejected, "suppressed": report.suppressed,
                          "problems": [str(p) for p in report.problems]}, ensure_ascii=False))
    for problem in report.problems[:20]:
        print(f"  {problem}", file=sys.stderr)
    print(report.summary(), file=sys.stderr)
    return 0


def cmd_assign(args: argparse.Namespace) -> int:
    cases = _cases(args)
    study, device = args.study.strip(), args.device.strip()
    if args.sample_ids is not None:
        if args.departement or args.from_device:
            raise EtudesError("--sample-ids se suffit : sans --departement ni --from-device")
        done = cases.assign_ids(study, device, args.sample_ids.split(","))
    else:
        done = cases.assign_count(study, device, args.count, departement=args.departement,
                                  from_device=args.from_device)
    if args.json:
        print(json.dumps({"assigned": done.assigned, "not_open": done.not_open, "unknown": list(done.unknown)},
                         ensure_ascii=False))
    print(done.summary(device), file=sys.stderr)
    return 0


def cmd_status(args: argparse.Namespace) -> int:
    status = _cases(args).status(args.study.strip())
    if args.json:
        print(json.dumps(status, ensure_ascii=False, indent=2))
        return 0
    by = status["by_status"]
    print(f"Étude {status['study']} : {status['cases']} personnes ({by['open']} à joindre, {by['objected']} "
          f"oppositions, {by['completed']} entretiens faits) ; {status['unassigned_open']} à attribuer")
    for entry in status["by_device"]:
        name = "non attribuées" if entry["device_id"] is None else f"appareil {entry['device'] or entry['device_id']}"
        print(f"  {name}\t{entry['open']} à joindre\t{entry['completed']} faits\t{entry['objected']} oppositions")
    print("  par département : " + (", ".join(f"{k} {v}" for k, v in status["by_departement"].items()) or "—"))
    return 0


def cmd_retention(args: argparse.Namespace) -> int:
    if args.now:
        try:
            now = datetime.fromisoformat(args.now.replace("Z", "+00:00"))
        except ValueError:
            raise EtudesError(f"date invalide : {args.now} (ISO 8601 attendu, ex. 2027-06-01)") from None
        now = now if now.tzinfo else now.replace(tzinfo=UTC)
    else:
        now = datetime.now(UTC)
    done = _cases(args).retention_run(now)
    if args.json:
        print(json.dumps(done, ensure_ascii=False))
    destroyed = [d for d in done if d["cases"] or d["files"] or d["events"]]
    for d in destroyed:
        print(f"étude {d['study']} (livrée le {d['delivered_on']}) : {d['cases']} dossiers, {d['files']} fichiers "
              f"fournis et {d['events']} événements détruits", file=sys.stderr)
    if not destroyed:
        print("rien à détruire : aucune étude livrée depuis plus de six mois ne garde de dossier", file=sys.stderr)
    return 0
