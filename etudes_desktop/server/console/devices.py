"""Devices (manager only): the list with each one's last batch, enrolment with the token shown
once (text and QR code), rename, revoke. Tokens are stored as hashes by server.store."""

from __future__ import annotations

import re

import segno
from starlette.concurrency import run_in_threadpool
from starlette.responses import Response
from starlette.routing import Route

from etudes_desktop.core.errors import EtudesError
from etudes_desktop.server.console.web import PREFIX, Console, Ctx, page, redirect

MESSAGES = {
    "renamed": "Appareil renommé.",
    "revoked": ("Appareil révoqué : à sa prochaine connexion, il enverra ce qu'il détient puis détruira ses données "
                "de l'étude ; son jeton ne servira plus ensuite."),
    "bad_name": "Nom d'appareil : de 1 à 200 caractères, sans caractère de contrôle.",
    "no_study": "Choisissez une étude publiée et ouverte.",
    "unknown": "Appareil inconnu.",
    "already_revoked": "Cet appareil est déjà révoqué.",
}
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")


def routes() -> list[Route]:
    return [
        Route("/devices", devices_page, methods=["GET"]),
        Route("/devices", enrol, methods=["POST"]),
        Route("/devices/{device_id}/rename", rename, methods=["POST"]),
        Route("/devices/{device_id}/revoke", revoke, methods=["POST"]),
    ]


def _name(text: str) -> str | None:
    name = " ".join(text.split())
    return name if 1 <= len(name) <= 200 and not _CONTROL.search(name) else None


async def _list(console: Console, ctx: Ctx, status: int = 200, **values: object) -> Response:
    office = console.office
    devices = await run_in_threadpool(office.list_devices)
    studies = await run_in_threadpool(office.studies)
    titles = {s.study_id: s.title for s in studies}
    done = MESSAGES.get(ctx.request.query_params.get("done", ""))
    values.setdefault("error", None)
    values.setdefault("name", "")
    return console.render(ctx, "devices.html", status, devices=devices, titles=titles,
                          open_studies=[s for s in studies if s.closed_at is None],
                          done=done and ctx._(done), **values)


@page("manager")
async def devices_page(console: Console, ctx: Ctx) -> Response:
    return await _list(console, ctx)


@page("manager")
async def enrol(console: Console, ctx: Ctx) -> Response:
    assert ctx.user is not None
    office = console.office
    name, study_id = _name(ctx.field("name")), ctx.field("study")
    open_ids = {s.study_id for s in await run_in_threadpool(office.studies) if s.closed_at is None}
    if name is None:
        return await _list(console, ctx, 422, error=ctx._(MESSAGES["bad_name"]), name=ctx.field("name"))
    if study_id not in open_ids:
        return await _list(console, ctx, 422, error=ctx._(MESSAGES["no_study"]), name=name)
    try:
        device, token = await run_in_threadpool(office.store.enroll, study_id, name)
    except EtudesError as exc:
        return await _list(console, ctx, 422, error=exc.message, name=name)
    await run_in_threadpool(office.audit, ctx.user.user_id, ctx.user.role, "device_enrolled", device.id)
    qr = segno.make(token, error="m").svg_inline(scale=5, border=3, dark="#000", light="#fff", omitsize=True,
                                                 title=ctx._("Jeton de l'appareil en code QR"))
    return console.render(ctx, "device_token.html", device=device, token=token, qr=qr,
                          server_url=str(ctx.request.base_url).rstrip("/").removesuffix(PREFIX))


@page("manager")
async def rename(console: Console, ctx: Ctx) -> Response:
    assert ctx.user is not None
    name = _name(ctx.field("name"))
    if name is None:
        return await _list(console, ctx, 422, error=ctx._(MESSAGES["bad_name"]))
    try:
        await run_in_threadpool(console.office.rename_device, ctx.request.path_params["device_id"], name,
                                ctx.user.user_id, ctx.user.role)
    except EtudesError as exc:
        return await _list(console, ctx, 422, error=exc.message)
    return redirect(f"{PREFIX}/devices?done=renamed")


@page("manager")
async def revoke(console: Console, ctx: Ctx) -> Response:
    assert ctx.user is not None
    office = console.office
    device_id = ctx.request.path_params["device_id"]
    device = await run_in_threadpool(office.device, device_id)
    if device is None:
        return await _list(console, ctx, 404, error=ctx._(MESSAGES["unknown"]))
    if device.revoked_at is not None:
        return await _list(console, ctx, 409, error=ctx._(MESSAGES["already_revoked"]))
    await run_in_threadpool(office.store.revoke, device_id=device_id)
    await run_in_threadpool(office.audit, ctx.user.user_id, ctx.user.role, "device_revoked", device_id)
    return redirect(f"{PREFIX}/devices?done=revoked")
