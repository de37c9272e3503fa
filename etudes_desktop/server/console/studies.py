"""Studies published from the server (manager only): upload an XLSForm checked by the laptop's
own core, with the same located messages; every version kept and downloadable; closing."""

from __future__ import annotations

import re

from starlette.concurrency import run_in_threadpool
from starlette.datastructures import UploadFile
from starlette.responses import Response
from starlette.routing import Route

from etudes_desktop.core.form_problems import FormError, FormProblem
from etudes_desktop.server.console import i18n
from etudes_desktop.server.console.web import PREFIX, SECURITY_HEADERS, Console, Ctx, page, redirect
from etudes_desktop.server.publishing import publish_file

MESSAGES = {
    "created": "Étude {study} publiée (version {version}). Les ordinateurs inscrits la recevront à leur prochaine "
               "synchronisation.",
    "version": "Nouvelle version {version} de l'étude {study} publiée : les ordinateurs l'utiliseront pour les "
               "nouveaux entretiens dès leur prochaine synchronisation.",
    "unchanged": "La version {version} de l'étude {study} est déjà publiée à l'identique : rien n'a changé.",
    "closed": "Étude close : les ordinateurs ne commenceront plus d'entretien après leur prochaine synchronisation.",
    "confirm": "Cochez la case de confirmation pour clore l'étude.",
    "no_file": "Choisissez un fichier XLSForm (.xlsx, .xls) ou un paquet d'étude (.json).",
}


def routes() -> list[Route]:
    return [
        Route("/studies", studies_page, methods=["GET"]),
        Route("/studies", upload, methods=["POST"]),
        Route("/studies/{study_id}", study_page, methods=["GET"]),
        Route("/studies/{study_id}/file", download, methods=["GET"]),
        Route("/studies/{study_id}/close", close, methods=["POST"]),
    ]


async def _list(console: Console, ctx: Ctx, status: int = 200, **values: object) -> Response:
    studies = await run_in_threadpool(console.office.studies)
    values.setdefault("done", None)
    values.setdefault("problems", None)
    values.setdefault("error", None)
    return console.render(ctx, "studies.html", status, studies=studies, **values)


@page("manager")
async def studies_page(console: Console, ctx: Ctx) -> Response:
    return await _list(console, ctx)


@page("manager", upload=True)
async def upload(console: Console, ctx: Ctx) -> Response:
    assert ctx.form is not None and ctx.user is not None
    sent = ctx.form.get("file")
    if not isinstance(sent, UploadFile) or not sent.filename:
        return await _list(console, ctx, 422, error=ctx._(MESSAGES["no_file"]))
    data = await sent.read()
    try:
        package, outcome = await run_in_threadpool(publish_file, console.office, sent.filename, data,
                                                   actor=ctx.user.user_id, role=ctx.user.role)
    except FormError as exc:
        problems: list[FormProblem] = exc.problems
        return await _list(console, ctx, 422, problems=problems, filename=sent.filename,
                           error=i18n.plural("refused", len(problems), ctx.lang))
    return await _list(console, ctx, done=ctx._(MESSAGES[outcome], study=package.id, version=package.version))


async def _study(console: Console, ctx: Ctx, status: int = 200, **values: object) -> Response:
    study_id = ctx.request.path_params["study_id"]
    found = await run_in_threadpool(console.office.studies, study_id)
    if not found:
        return console.render(ctx, "error.html", 404, title=ctx._("Page introuvable"),
                              message=ctx._("Aucune étude publiée ne porte cet identifiant."))
    devices = [d for d in await run_in_threadpool(console.office.list_devices) if d.study_id == study_id]
    emails = {u.id: u.email for u in await run_in_threadpool(console.office.list_users)}
    done = MESSAGES.get(ctx.request.query_params.get("done", ""), None) if "done" not in values else values.pop("done")
    return console.render(ctx, "study.html", status, study=found[0], emails=emails, done=done and ctx._(done),
                          active_devices=sum(1 for d in devices if d.revoked_at is None), **values)


@page("manager")
async def study_page(console: Console, ctx: Ctx) -> Response:
    return await _study(console, ctx, error=None)


@page("manager")
async def download(console: Console, ctx: Ctx) -> Response:
    study_id = ctx.request.path_params["study_id"]
    found = await run_in_threadpool(console.office.source_file, study_id, ctx.request.query_params.get("version", ""))
    if found is None:
        return console.render(ctx, "error.html", 404, title=ctx._("Page introuvable"),
                              message=ctx._("Aucune étude publiée ne porte cet identifiant."))
    name, data = found
    safe = re.sub(r"[^\w.\- ]", "_", name)[:120] or "formulaire.xlsx"
    await run_in_threadpool(console.office.audit, ctx.user.user_id, ctx.user.role, "study_downloaded", study_id)
    return Response(data, media_type="application/octet-stream", headers={
        **SECURITY_HEADERS, "Content-Disposition": f'attachment; filename="{safe}"'})


@page("manager")
async def close(console: Console, ctx: Ctx) -> Response:
    assert ctx.user is not None
    study_id = ctx.request.path_params["study_id"]
    if ctx.field("confirm") != "yes":
        return await _study(console, ctx, 422, error=ctx._(MESSAGES["confirm"]), done=None)
    await run_in_threadpool(console.office.close_study, study_id, ctx.user.user_id, ctx.user.role)
    from urllib.parse import quote

    return redirect(f"{PREFIX}/studies/{quote(study_id, safe='')}?done=closed")
