"""The progress of each study (manager only): interviews by state, mode, device, interviewer
pseudonym and day, a chart of completes per day, each device's last contact and the silent ones,
AAPOR rates per study and per interviewer. Counts only, from server.progress_store.

Manager only, not the DPO: per-interviewer figures describe the work of the contractor's staff,
which running the field needs and the DPO's missions (rights, journal, retention) do not.

The figures refresh every few seconds without reloading the page (static/progress.js fetches
`?fragment=1` and swaps them in); without a script the "Rafraîchir" link does the same.
"""

from __future__ import annotations

from starlette.concurrency import run_in_threadpool
from starlette.responses import Response
from starlette.routing import Route

from etudes_desktop.server.console import chart, i18n
from etudes_desktop.server.console.web import Console, Ctx, page
from etudes_desktop.server.progress_rates import SHOWN, case_rates, interview_rates, percent
from etudes_desktop.server.progress_store import CaseOutcomes, Progress, ProgressStore, Tally

DEFAULT_DAYS = 3
MAX_DAYS = 365
DEFAULT_EVERY = 30  # seconds between two refreshes
MIN_EVERY, MAX_EVERY = 2, 3600
FRAGMENT_HEADER = "X-Etudes-Fragment"
MESSAGES = {
    "bad_days": "Nombre de jours : un entier de 1 à 365 ; la valeur par défaut (3) est utilisée.",
    "unknown": "Aucune étude publiée ni aucun appareil ne porte cet identifiant.",
}
RATE_LABELS = {
    "RR1": "Taux de réponse 1 : complets sur l'ensemble des cas",
    "RR3": "Taux de réponse 3 : complets sur les cas éligibles, éligibilité inconnue estimée",
    "COOP1": "Taux de coopération 1 : complets sur les personnes jointes et éligibles",
    "REF1": "Taux de refus 1 : refus et oppositions sur l'ensemble des cas",
    "CON1": "Taux de contact 1 : cas où une personne a été jointe",
}
MODE_LABELS = {"face_to_face": "Face à face", "phone": "Téléphone", "paper": "Papier", "group": "Groupe",
               "internet": "Internet"}


def routes() -> list[Route]:
    return [
        Route("/progress", overview_page, methods=["GET"]),
        Route("/studies/{study_id}/progress", progress_page, methods=["GET"]),
    ]


def _bounded(text: str | None, default: int, low: int, high: int) -> int | None:
    """An integer within [low, high] from a query field; default when absent; None when wrong."""
    if text is None or not text.strip():
        return default
    text = text.strip()
    if not text.isdigit() or len(text) > 6 or not low <= int(text) <= high:
        return None
    return int(text)


def _progress_store(console: Console) -> ProgressStore:
    found = getattr(console, "progress_store", None)
    if found is None:
        found = console.progress_store = ProgressStore(console.office.store)  # type: ignore[attr-defined]
    return found


@page("manager")
async def overview_page(console: Console, ctx: Ctx) -> Response:
    tallies = await run_in_threadpool(_progress_store(console).overview)
    titles = {s.study_id: s.title for s in await run_in_threadpool(console.office.studies)}
    for study_id in titles:
        tallies.setdefault(study_id, Tally())
    return console.render(ctx, "progress_list.html", tallies=dict(sorted(tallies.items())), titles=titles)


@page("manager")
async def progress_page(console: Console, ctx: Ctx) -> Response:
    study_id = ctx.request.path_params["study_id"]
    query = ctx.request.query_params
    days = _bounded(query.get("days"), DEFAULT_DAYS, 1, MAX_DAYS)
    every = _bounded(query.get("every"), DEFAULT_EVERY, MIN_EVERY, MAX_EVERY) or DEFAULT_EVERY
    error = None if days is not None else ctx._(MESSAGES["bad_days"])
    days = days or DEFAULT_DAYS
    store = _progress_store(console)
    published = await run_in_threadpool(console.office.studies, study_id)
    progress = await run_in_threadpool(store.progress, study_id, days)
    outcomes = await run_in_threadpool(store.case_outcomes, study_id)
    if not published and not progress.by_device and not progress.total.total:
        return console.render(ctx, "error.html", 404, title=ctx._("Page introuvable"), message=ctx._(MESSAGES["unknown"]))
    values = _figures(ctx, progress, outcomes)
    title = published[0].title if published else study_id
    if query.get("fragment") == "1":
        ctx.extra_headers[FRAGMENT_HEADER] = "progress"
        return console.render(ctx, "progress_figures.html", 200 if error is None else 422, **values)
    return console.render(ctx, "progress.html", 200 if error is None else 422, title=title, days=days, every=every,
                          error=error, published=bool(published), **values)


def _figures(ctx: Ctx, progress: Progress, outcomes: CaseOutcomes | None) -> dict[str, object]:
    """What progress_figures.html shows: the counts, the rates (from the laptops' case events when
    there are any, else one case per interview), the chart."""
    names = {d.id: d.name for d in progress.by_device}
    if outcomes is None:
        study_rates = interview_rates(progress.total)
        per = {name: interview_rates(tally) for name, tally in progress.by_interviewer.items()}
    else:
        study_rates, per = case_rates(outcomes)
    interviewers = [(name, progress.by_interviewer.get(name, Tally()), per.get(name))
                    for name in sorted(set(progress.by_interviewer) | set(per))]
    completes = [(day, tally.completed) for day, tally in progress.by_day]
    return {
        "p": progress, "names": names, "rates": study_rates, "from_cases": outcomes is not None,
        "cases": None if outcomes is None else len(outcomes.cases) + outcomes.untouched, "interviewers": interviewers, "shown": SHOWN,
        "pct": lambda value: percent(value, ctx.lang), "num": lambda value: _number(value, ctx.lang),
        "modes": MODE_LABELS, "rate_labels": RATE_LABELS,
        "silent_title": i18n.plural("silent_days", progress.silent_days, ctx.lang), "chart": chart.completes_per_day(completes, ctx._),
    }


def _number(value: int, lang: str) -> str:
    """100 000 in French (narrow no-break space), 100,000 in English."""
    text = f"{int(value):,}"
    return text.replace(",", "\u202f") if lang == "fr" else text
