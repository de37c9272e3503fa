"""The insurer's deliverable in the console: the manager previews each protected table, the
insurer (and the manager) download it as CSV, XLSX, PDF or JSON. Never a row: every figure
comes from server.results (primary and secondary suppression, checked by the attacker); a study
whose tables cannot be protected is refused with the reason, nothing is served.

The insurer downloads only what was delivered, the very files frozen at delivery: one release of
the tables, since two releases of the same tables at different times (a cell hidden in one and
its margin in the other) let a reader recover hidden cells by difference. The manager may
download a working copy counted now before delivery."""

from __future__ import annotations

import hashlib

from starlette.concurrency import run_in_threadpool
from starlette.responses import Response
from starlette.routing import Route

from etudes_desktop.core.errors import EtudesError
from etudes_desktop.server.console.web import PREFIX, SECURITY_HEADERS, Console, Ctx, page, redirect

FORMATS = ("csv", "xlsx", "pdf", "json")  # server.results.formats.FORMATS, in the order a reader wants them
DELIVERED = "Étude livrée : les résultats sont figés, l'étude est close aux nouveaux entretiens ; les portables reçoivent la date de livraison à leur prochaine synchronisation."  # noqa: E501
THRESHOLD = 11  # server.results.suppression.DEFAULT_THRESHOLD (imported lazily: numpy, SciPy, HiGHS)


def routes() -> list[Route]:
    return [
        Route("/results", results_page, methods=["GET"]),
        Route("/results/{study_id}", preview, methods=["GET"]),
        Route("/results/{study_id}/{fmt}", download, methods=["GET"]),
        Route("/results/{study_id}/deliver", deliver, methods=["POST"]),
    ]


def _deliverable(console: Console, study_id: str):  # type: ignore[no-untyped-def]
    """The protected deliverable of a published study, from its current package (EtudesError else)."""
    from etudes_desktop.core.study_load import package_from_stored
    from etudes_desktop.server.results.deliverable import build_deliverable
    from etudes_desktop.server.results.suppression import DEFAULT_THRESHOLD

    office = console.office
    found = office.studies(study_id)
    if not found:
        raise EtudesError("aucune étude publiée ne porte cet identifiant")
    package = package_from_stored(office.package_json(study_id, found[0].current.version) or "")
    deliverable = build_deliverable(office.store, package, threshold=DEFAULT_THRESHOLD)
    if deliverable.counted.interviews == 0:
        raise EtudesError("aucun entretien complet reçu pour cette étude : pas encore de résultats")
    return deliverable


NOT_DELIVERED = "Les résultats de cette étude ne sont pas encore livrés : l'assureur les reçoit une fois, à la livraison. Deux versions successives des mêmes tableaux permettraient de retrouver par différence des cases masquées."  # noqa: E501


def _file(console: Console, study_id: str, fmt: str, insurer: bool) -> bytes:
    """The file to download: once delivered, the very file delivered (for everyone); before,
    the manager's working copy counted now, and nothing for the insurer."""
    from etudes_desktop.server.results.formats import render

    store = console.office.store
    delivery = store.delivery(study_id)
    if delivery is None:
        if insurer:
            raise EtudesError(NOT_DELIVERED)
        return render(_deliverable(console, study_id), fmt)
    frozen = next((f for f in delivery.files if f["name"].endswith(f".{fmt}")), None)
    if frozen is None:
        raise EtudesError("ce format ne fait pas partie de la livraison")
    data = store.delivered_file(study_id, frozen["name"])
    if data is None:  # delivered before the files were kept: counted again, served only if identical
        data = render(_deliverable(console, study_id), fmt)
        if hashlib.sha256(data).hexdigest() != frozen["sha256"]:
            raise EtudesError("les tableaux comptés aujourd'hui diffèrent de ceux livrés : servez les fichiers "
                              "de la livraison (etudes-server deliver --out)")
    return data


@page("manager", "insurer")
async def results_page(console: Console, ctx: Ctx) -> Response:
    studies = await run_in_threadpool(console.office.studies)
    deliveries = {s.study_id: await run_in_threadpool(console.office.store.delivery, s.study_id) for s in studies}
    return console.render(ctx, "results.html", studies=studies, deliveries=deliveries, formats=FORMATS,
                          threshold=THRESHOLD)


@page("manager")
async def preview(console: Console, ctx: Ctx) -> Response:
    study_id = ctx.request.path_params["study_id"]
    try:
        deliverable = await run_in_threadpool(_deliverable, console, study_id)
    except EtudesError as exc:
        return console.render(ctx, "error.html", 404, title=ctx._("Résultats indisponibles"), message=exc.message)
    from etudes_desktop.server.results.deliverable import document
    from etudes_desktop.server.results.tables import BY_LABELS

    doc = document(deliverable)
    for table in doc["tables"]:  # how each hidden cell reads: « < 11 » under the threshold, « s » protecting one
        table["marks"] = {f"{i}:{j}": f"< {doc['threshold']}" if kind == "primary" else "s"
                          for i, j, kind in table["suppressed"]}
    delivery = await run_in_threadpool(console.office.store.delivery, study_id)
    done = ctx._(DELIVERED) if ctx.request.query_params.get("done") == "delivered" else None
    return console.render(ctx, "results_preview.html", study_id=study_id, title=deliverable.title, doc=doc,
                          by_labels=BY_LABELS, delivery=delivery, done=done, error=None,
                          formats=FORMATS, interviews=deliverable.counted.interviews)


@page("manager")
async def deliver(console: Console, ctx: Ctx) -> Response:
    """Deliver to the insurer (as `etudes-server deliver`): every format frozen by its SHA-256, the
    study closed to new interviews, the retention clock started; once only, confirmed by a box."""
    assert ctx.user is not None
    study_id = ctx.request.path_params["study_id"]
    if ctx.field("confirm") != "yes":
        return console.render(ctx, "error.html", 422, title=ctx._("Livraison non faite"),
                              message=ctx._("Cochez la case de confirmation : la livraison clôt l'étude."))
    from etudes_desktop.server.results.commands import deliver_study

    try:
        deliverable = await run_in_threadpool(_deliverable, console, study_id)
        await run_in_threadpool(deliver_study, console.office.store, study_id, deliverable, ctx.user.user_id,
                                ctx.user.role)
    except EtudesError as exc:
        return console.render(ctx, "error.html", 422, title=ctx._("Livraison non faite"), message=exc.message)
    await run_in_threadpool(console.office.audit, ctx.user.user_id, ctx.user.role, "study_delivered", study_id)
    from urllib.parse import quote

    return redirect(f"{PREFIX}/results/{quote(study_id, safe='')}?done=delivered")


@page("manager", "insurer")
async def download(console: Console, ctx: Ctx) -> Response:
    assert ctx.user is not None
    study_id, fmt = ctx.request.path_params["study_id"], ctx.request.path_params["fmt"]
    if fmt not in FORMATS:
        return console.render(ctx, "error.html", 404, title=ctx._("Page introuvable"),
                              message=ctx._("Format inconnu : CSV, XLSX, PDF ou JSON."))
    from etudes_desktop.server.results.formats import MEDIA_TYPES

    try:
        data = await run_in_threadpool(_file, console, study_id, fmt, ctx.user.role == "insurer")
    except EtudesError as exc:
        return console.render(ctx, "error.html", 404, title=ctx._("Résultats indisponibles"), message=ctx._(exc.message))
    await run_in_threadpool(console.office.audit, ctx.user.user_id, ctx.user.role, "results_downloaded",
                            f"{study_id} ({fmt})")
    name = "".join(c if c.isalnum() or c in "-_" else "_" for c in study_id)[:80]
    return Response(data, media_type=MEDIA_TYPES[fmt], headers={
        **SECURITY_HEADERS, "Content-Disposition": f'attachment; filename="{name}-resultats.{fmt}"'})
