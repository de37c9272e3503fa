"""A study's focus groups (manager): the sessions held and, for each, who was invited, who came,
who accepted and who objected, the notes taken; then the shows of hands summed over sessions.
Counts only: no pseudonym's words, no name. SQL lives in server.groups_store."""

from __future__ import annotations

from starlette.concurrency import run_in_threadpool
from starlette.responses import Response
from starlette.routing import Route

from etudes_desktop.server.console.web import Console, Ctx, page
from etudes_desktop.server.groups_store import GroupStore


def routes() -> list[Route]:
    return [Route("/studies/{study_id}/groups", groups_page, methods=["GET"])]


def groups_of(console: Console) -> GroupStore:
    found = getattr(console, "groups", None)
    if found is None:
        found = GroupStore(console.office.store)
        console.groups = found  # type: ignore[attr-defined]
    return found


@page("manager")
async def groups_page(console: Console, ctx: Ctx) -> Response:
    study_id = ctx.request.path_params["study_id"]
    found = await run_in_threadpool(console.office.studies, study_id)
    if not found:
        return console.render(ctx, "error.html", 404, title=ctx._("Page introuvable"),
                              message=ctx._("Aucune étude publiée ne porte cet identifiant."))
    store = groups_of(console)
    sessions = await run_in_threadpool(store.sessions, study_id)
    hands = await run_in_threadpool(store.hands, study_id)
    totals = {key: sum(getattr(s, key) for s in sessions)
              for key in ("invited", "present", "walk_ins", "agreed", "objected", "notes")}
    study = found[0]
    labels = _labels(await run_in_threadpool(console.office.package_json, study_id, study.current.version))
    return console.render(ctx, "groups.html", study=study, sessions=sessions, totals=totals,
                          hands=sorted(hands.items()), labels=labels)


def _labels(package_json: str | None) -> dict[str, str]:
    """Question and choice labels of the published study (French), for the shows of hands."""
    if not package_json:
        return {}
    from etudes_desktop.core.study import StudyPackage

    package = StudyPackage.model_validate_json(package_json)
    form = package.questionnaire
    out: dict[str, str] = {}
    for item in form.walk():
        out[item.name] = form.text(item.label, "fr") or item.name
        for choice in form.choices_for(item):
            out[f"{item.name}.{choice.name}"] = form.text(choice.label, "fr") or choice.name
    return out
