"""`etudes calls next|record|rates STUDY`: the phone scheduler, headless.

`next` prints who to call now (sample id, why, the person's local time), `record` stores how a
call ended (its AAPOR disposition, an appointment), `rates` prints AAPOR's outcome rates. No
name or phone number is printed: the sample id is what the interviewer looks up.
"""

from __future__ import annotations

import argparse
from datetime import UTC, datetime
from typing import Any

from etudes_desktop.cli.common import emit, open_vault
from etudes_desktop.core.calls.dispositions import BY_KEY, Category
from etudes_desktop.core.calls.plan import NextCall
from etudes_desktop.core.calls.rates import RATE_NAMES, RatesReport
from etudes_desktop.core.calls.territory import utc_offset_label
from etudes_desktop.core.errors import EtudesError
from etudes_desktop.storage.handle import VaultHandle

REASONS_FR = {"hard_appointment": "rendez-vous précis", "soft_appointment": "rendez-vous approximatif",
              "retry": "nouvel essai", "fresh": "premier appel"}


def moment(text: str) -> datetime:
    """An ISO date and time (without offset: this computer's time zone)."""
    try:
        value = datetime.fromisoformat(text.strip().replace("Z", "+00:00"))
    except ValueError:
        raise EtudesError(f"date et heure « {text} » : attendu au format ISO, par exemple 2026-05-18T14:30+02:00") from None
    return value if value.tzinfo else value.astimezone()


def register(sub: argparse._SubParsersAction) -> None:
    group = sub.add_parser("calls", help="appels téléphoniques : appel suivant, issue d'un appel, taux AAPOR")
    actions = group.add_subparsers(dest="action", metavar="ACTION")
    actions.required = True
    nxt = actions.add_parser("next", help="la personne à appeler maintenant, et pourquoi")
    nxt.add_argument("study")
    nxt.add_argument("--now", type=moment, help="à cet instant (ISO) plutôt que maintenant")
    nxt.set_defaults(handler=_next)
    record = actions.add_parser("record", help="enregistrer l'issue d'un appel")
    record.add_argument("study")
    record.add_argument("sample_id")
    record.add_argument("--disposition", required=True, metavar="CODE",
                        help="issue (no_answer, busy, appointment, refusal...) ou code AAPOR (3.13...)")
    record.add_argument("--at", type=moment, help="heure de l'appel (ISO ; par défaut maintenant)")
    record.add_argument("--appointment", type=moment, help="rendez-vous convenu (ISO)")
    record.add_argument("--duration", type=int, metavar="SECONDES", help="durée de l'appel")
    record.set_defaults(handler=_record)
    rates = actions.add_parser("rates", help="taux AAPOR (réponse, coopération, refus, contact)")
    rates.add_argument("study")
    rates.set_defaults(handler=_rates)
    for parser in (nxt, record, rates):  # also after the command, as `etudes calls next S --json`
        parser.add_argument("--json", action="store_true", default=argparse.SUPPRESS, help="sortie JSON")


def _service(vault: VaultHandle) -> Any:
    from etudes_desktop.storage.calls import CallService

    return CallService(vault)


def next_call_json(found: NextCall) -> dict[str, Any]:
    return {"sample_id": found.sample_id, "reason": found.reason, "due_at": found.due_at.isoformat(),
            "local_time": found.local_now.isoformat(), "territory": found.territory.name_fr,
            "zone": found.territory.zone, "utc_offset": utc_offset_label(found.territory, found.local_now),
            "attempts": found.attempts, "last_disposition": found.last_disposition,
            "last_at": found.last_at.isoformat() if found.last_at else None,
            "appointment_at": found.appointment_at.isoformat() if found.appointment_at else None}


def _next(args: Any) -> int:
    now = args.now or datetime.now(UTC)
    with open_vault(args) as vault:
        service = _service(vault)
        found = service.next_call(args.study, now)
        opening = service.next_opening(args.study, now) if found is None else None
    if found is None:
        text = "aucune personne à appeler maintenant" + (
            f" ; prochain créneau d'appel : {opening.isoformat()}" if opening else "")
        emit(args, {"next": None, "next_opening": opening.isoformat() if opening else None}, text)
        return 0
    reason = REASONS_FR[found.reason]
    if found.appointment_at is not None:
        reason += f" ({found.appointment_at.astimezone(found.territory.tz):%H:%M} heure locale)"
    elif found.last_disposition:
        reason += f" (dernier appel : {BY_KEY[found.last_disposition].label_fr.lower()})"
    text = (f"{found.sample_id}  {reason}  — heure locale {found.local_now:%H:%M}, {found.territory.name_fr} "
            f"({utc_offset_label(found.territory, found.local_now)}) ; {found.attempts} appel(s) déjà")
    emit(args, {"next": next_call_json(found)}, text)
    return 0


def _record(args: Any) -> int:
    from etudes_desktop.storage.interviews import InterviewStore
    from etudes_desktop.storage.respondents import RespondentRepository

    with open_vault(args) as vault:
        person = RespondentRepository(vault).by_sample_id(args.study, args.sample_id)
        if person is None:
            raise EtudesError(f"aucune personne « {args.sample_id} » dans l'étude {args.study}")
        profile = InterviewStore(vault).profile()
        if profile is None:
            raise EtudesError("aucun profil d'enquêteur sur ce poste : créez-le d'abord dans l'application")
        service = _service(vault)
        attempt = service.record(args.study, person.id, args.disposition, profile.pseudonym, at=args.at,
                                 duration_seconds=args.duration, appointment_at=args.appointment)
        row = vault.conn.execute("SELECT outcome, aapor_code, at FROM call_attempt WHERE id = ?", (attempt,)).fetchone()
        plan = vault.conn.execute("SELECT rank, due_at FROM call_plan WHERE respondent_id = ?", (person.id,)).fetchone()
    label = BY_KEY[row["outcome"]].label_fr
    closed = plan["rank"] == 9
    emit(args, {"attempt": attempt, "sample_id": args.sample_id, "disposition": row["outcome"],
                "aapor": row["aapor_code"], "at": row["at"], "closed": closed,
                "next_due": None if closed else plan["due_at"]},
         f"appel enregistré : {args.sample_id} — {label} (AAPOR {row['aapor_code']})"
         + (" ; dossier clos pour cette étude" if closed else f" ; nouvel appel possible à partir de {plan['due_at']}"))
    return 0


def rates_text(study: str, report: RatesReport) -> str:
    counts = "  ".join(f"{c.value} {report.counts[c.value]}" for c in Category)
    e = "inconnu (1 retenu)" if report.e is None else f"{float(report.e):.3f}".replace(".", ",")
    lines = [f"{study} : {report.counts.total} cas", counts,
             f"e (part estimée d'éligibles parmi les cas inconnus) : {e}" + (" — estimé" if report.e_estimated else
                                                                            " — fixé par l'étude")]
    for family in ("RR", "COOP", "REF", "CON"):
        names = [n for n in RATE_NAMES if n.rstrip("0123456789") == family]
        lines.append("  ".join(f"{n} {_percent(report.values[n])}" for n in names))
    return "\n".join(lines)


def _percent(value: Any) -> str:
    return "—" if value is None else f"{float(value) * 100:.1f} %".replace(".", ",")


def _rates(args: Any) -> int:
    with open_vault(args) as vault:
        report = _service(vault).rates(args.study)
    emit(args, {"study": args.study, **report.as_json()}, rates_text(args.study, report))
    return 0
