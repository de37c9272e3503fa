"""A study's sample (manager only): upload the insurer's file (the laptop's own importer, NIR
guard and located messages), see counts per device, département and status (never a name),
assign people to a device by count, by département or by hand, and move them between devices.
Every action is audited with counts; SQL lives in server.cases_store / cases_import_store."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path
from urllib.parse import quote

from starlette.concurrency import run_in_threadpool
from starlette.datastructures import UploadFile
from starlette.responses import Response
from starlette.routing import Route

from etudes_desktop.core.errors import EtudesError
from etudes_desktop.core.sample import SampleRefused
from etudes_desktop.server.cases_import_store import import_sample
from etudes_desktop.server.cases_store import CasesStore
from etudes_desktop.server.console.web import PREFIX, Console, Ctx, page, redirect

MESSAGES = {
    "imported": "Fichier importé. Lignes lues : {rows} ; personnes importées : {imported} ; lignes rejetées : "
                "{rejected} ; personnes ignorées (liste d'opposition) : {suppressed}.",
    "refused": "Fichier refusé : rien n'a été importé. Corrigez les lignes ci-dessous puis recommencez.",
    "no_file": "Choisissez un fichier d'échantillon (.csv ou .xlsx).",
    "bad_suffix": "Fichier .csv ou .xlsx attendu.",
    "assigned": "Personnes attribuées à l'appareil « {device} » : {assigned}.",
    "not_open": "Personnes laissées où elles étaient, leur dossier étant clos (opposition ou entretien fait) : {n}.",
    "unknown": "Identifiants inconnus dans l'étude ({n}) :",
    "bad_count": "Indiquez un nombre de personnes (au moins 1), ou des identifiants d'échantillon.",
}
SUFFIXES = (".csv", ".txt", ".xlsx")
_MEMORY = Path("/dev/shm")  # the uploaded file waits for the importer in memory, not on a disk


def routes() -> list[Route]:
    return [
        Route("/studies/{study_id}/sample", sample_page, methods=["GET"]),
        Route("/studies/{study_id}/sample", upload, methods=["POST"]),
        Route("/studies/{study_id}/sample/assign", assign, methods=["POST"]),
    ]


def cases_of(console: Console) -> CasesStore:
    """The console's CasesStore, made once."""
    found = getattr(console, "cases", None)
    if found is None:
        found = CasesStore(console.office.store, console.office)
        console.cases = found  # type: ignore[attr-defined]
    return found


async def _page(console: Console, ctx: Ctx, status: int = 200, **values: object) -> Response:
    study_id = ctx.request.path_params["study_id"]
    found = await run_in_threadpool(console.office.studies, study_id)
    if not found:
        return console.render(ctx, "error.html", 404, title=ctx._("Page introuvable"),
                              message=ctx._("Aucune étude publiée ne porte cet identifiant."))
    counts = await run_in_threadpool(cases_of(console).status, study_id)
    devices = [d for d in await run_in_threadpool(console.office.list_devices)
               if d.study_id == study_id and d.revoked_at is None]
    for key in ("done", "error", "problems", "notes"):
        values.setdefault(key, None)
    query = ctx.request.query_params
    if values["done"] is None and query.get("done") == "assigned":
        name = next((d.name for d in devices if d.id == query.get("device")), None)
        said = ctx._("Attribution enregistrée : les ordinateurs la recevront à leur prochaine synchronisation.")
        if name and query.get("n", "").isdigit():
            said = ctx._(MESSAGES["assigned"], assigned=int(query["n"]), device=name) + " " + said
        values["done"] = said
    return console.render(ctx, "sample.html", status, study=found[0], counts=counts, devices=devices, **values)


@page("manager")
async def sample_page(console: Console, ctx: Ctx) -> Response:
    return await _page(console, ctx)


def _import(cases: CasesStore, study_id: str, name: str, data: bytes, partial: bool, actor: str, role: str):  # noqa: ANN202
    folder = _MEMORY if _MEMORY.is_dir() and os.access(_MEMORY, os.W_OK) else None
    with tempfile.TemporaryDirectory(prefix="etudes-sample-", dir=folder) as tmp:
        os.chmod(tmp, 0o700)
        path = Path(tmp) / ("echantillon" + Path(name).suffix.lower())
        path.write_bytes(data)
        return import_sample(cases, study_id, path, partial=partial, file_name=Path(name).name[:200],
                             actor=actor, role=role)


@page("manager", upload=True)
async def upload(console: Console, ctx: Ctx) -> Response:
    assert ctx.form is not None and ctx.user is not None
    study_id = ctx.request.path_params["study_id"]
    if not await run_in_threadpool(console.office.studies, study_id):
        return await _page(console, ctx, 404)
    sent = ctx.form.get("file")
    if not isinstance(sent, UploadFile) or not sent.filename:
        return await _page(console, ctx, 422, error=ctx._(MESSAGES["no_file"]))
    if Path(sent.filename).suffix.lower() not in SUFFIXES:
        return await _page(console, ctx, 422, error=ctx._(MESSAGES["bad_suffix"]))
    data = await sent.read()
    try:
        report = await run_in_threadpool(_import, cases_of(console), study_id, sent.filename, data,
                                         ctx.field("partial") == "yes", ctx.user.user_id, ctx.user.role)
    except SampleRefused as exc:
        return await _page(console, ctx, 422, error=ctx._(MESSAGES["refused"]), problems=exc.problems[:200])
    except EtudesError as exc:
        return await _page(console, ctx, 422, error=exc.message)
    done = ctx._(MESSAGES["imported"], imported=report.imported, rows=report.total_rows, rejected=report.rejected,
                 suppressed=report.suppressed)
    return await _page(console, ctx, done=done, problems=report.problems[:200] or None)


@page("manager")
async def assign(console: Console, ctx: Ctx) -> Response:
    assert ctx.user is not None
    study_id = ctx.request.path_params["study_id"]
    cases = cases_of(console)
    device, ids = ctx.field("device"), ctx.field("sample_ids")
    try:
        if ids:
            done = await run_in_threadpool(lambda: cases.assign_ids(
                study_id, device, ids.replace("\n", ",").replace(";", ",").split(","),
                actor=ctx.user.user_id, role=ctx.user.role))  # type: ignore[union-attr]
        else:
            count = int(ctx.field("count")) if ctx.field("count").isdigit() else 0
            if count < 1:
                return await _page(console, ctx, 422, error=ctx._(MESSAGES["bad_count"]))
            done = await run_in_threadpool(lambda: cases.assign_count(
                study_id, device, count, departement=ctx.field("departement") or None,
                from_device=ctx.field("from_device") or None, actor=ctx.user.user_id,  # type: ignore[union-attr]
                role=ctx.user.role))  # type: ignore[union-attr]
    except EtudesError as exc:
        return await _page(console, ctx, 422, error=exc.message)
    if not done.not_open and not done.unknown:
        return redirect(f"{PREFIX}/studies/{quote(study_id, safe='')}/sample?done=assigned&n={done.assigned}"
                        f"&device={quote(device, safe='')}")
    names = {d.id: d.name for d in await run_in_threadpool(console.office.list_devices)}
    notes = [ctx._(MESSAGES["not_open"], n=done.not_open)] if done.not_open else []
    if done.unknown:
        notes.append(ctx._(MESSAGES["unknown"], n=len(done.unknown)) + " " + ", ".join(done.unknown[:50]))
    return await _page(console, ctx, done=ctx._(MESSAGES["assigned"], assigned=done.assigned,
                                                device=names.get(device, device)), notes=notes)
