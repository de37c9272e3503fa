"""Retention (DPO): each delivered study, its delivery day, the day its supplied files must be gone
and what the server still holds of them (people of the sample, files, case events); one button
destroys what is due, as `etudes-server retention run` does (the same store call, audited)."""

from __future__ import annotations

from datetime import datetime

from starlette.concurrency import run_in_threadpool
from starlette.responses import Response
from starlette.routing import Route

from etudes_desktop.server.console.samples import cases_of
from etudes_desktop.server.console.web import PREFIX, Console, Ctx, page, redirect


def routes() -> list[Route]:
    return [Route("/retention", retention_page, methods=["GET"]),
            Route("/retention/run", run, methods=["POST"])]


def _rows(console: Console) -> list[dict[str, object]]:
    from etudes_desktop.core.retention import MAX_MONTHS, destruction_date

    store = console.office.store
    out = []
    for study in console.office.studies():
        delivery = store.delivery(study.study_id)
        if delivery is None:
            continue
        counts = cases_of(console).status(study.study_id)
        due = destruction_date(datetime.fromisoformat(delivery.delivered_on).date(), MAX_MONTHS)
        out.append({"study_id": study.study_id, "title": study.title, "delivered_on": delivery.delivered_on,
                    "destroy_on": due.isoformat(), "cases": counts["cases"], "files": counts["files"],
                    "due": due <= store.clock().date()})
    return out


@page("dpo")
async def retention_page(console: Console, ctx: Ctx) -> Response:
    rows = await run_in_threadpool(_rows, console)
    done = None
    if ctx.request.query_params.get("done") == "run":
        from etudes_desktop.server.console.i18n import plural

        n = ctx.request.query_params.get("n", "0")
        done = plural("retention_run", int(n) if n.isdigit() else 0, ctx.lang)
    return console.render(ctx, "retention.html", rows=rows, done=done)


@page("dpo")
async def run(console: Console, ctx: Ctx) -> Response:
    assert ctx.user is not None
    store = console.office.store
    done = await run_in_threadpool(lambda: cases_of(console).retention_run(store.clock(), actor=ctx.user.user_id))  # type: ignore[union-attr]
    destroyed = sum(1 for d in done if any(d.get(k) for k in ("cases", "files", "events")))
    return redirect(f"{PREFIX}/retention?done=run&n={destroyed}")
