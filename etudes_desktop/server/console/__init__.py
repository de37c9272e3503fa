"""The collection office's web console, mounted under /console on the server's Starlette app.

Server-rendered pages (Jinja2), French first with English; one small same-origin script (the
progress page's refresh, static/progress.js), no third-party request.
Accounts have one role: manager (runs studies and devices), dpo (the journal), insurer (the
aggregated deliverable only). Sessions live in the database (revocable, 30 minutes idle).
"""

from __future__ import annotations

import logging
from pathlib import Path

from sqlalchemy.exc import OperationalError
from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles

from etudes_desktop.server.console import pages
from etudes_desktop.server.console.web import Console, Ctx, language
from etudes_desktop.server.office_store import OfficeStore

log = logging.getLogger(__name__)
STATIC = Path(__file__).with_name("static")
ERROR_PAGES = {
    404: ("Page introuvable", "Cette adresse ne correspond à aucune page de la console."),
    405: ("Méthode non autorisée", "Cette page ne s'utilise pas ainsi."),
    500: ("Erreur interne", "Une erreur inattendue est survenue : réessayez ; si elle persiste, prévenez "
                            "l'administrateur du serveur."),
    503: ("Service indisponible", "La base de données ne répond pas : réessayez dans quelques instants."),
    0: ("Erreur", "La demande n'a pas pu aboutir."),
}


def routes() -> list[Route | Mount]:
    """Every console route, relative to /console."""
    from etudes_desktop.server.console import devices, groups, progress, results, retention, samples, studies

    return [
        Route("/", pages.home, methods=["GET"]),
        Route("/login", pages.login_form, methods=["GET"]),
        Route("/login", pages.login, methods=["POST"]),
        Route("/logout", pages.logout, methods=["POST"]),
        Route("/password", pages.password_form, methods=["GET"]),
        Route("/password", pages.change_password, methods=["POST"]),
        Route("/lang/{code}", pages.set_language, methods=["GET"]),
        Route("/audit", pages.audit_page, methods=["GET"]),
        *studies.routes(),
        *progress.routes(),
        *samples.routes(),
        *groups.routes(),
        *retention.routes(),
        *devices.routes(),
        *results.routes(),
        Mount("/static", app=StaticFiles(directory=STATIC), name="static"),
    ]


def create_console(office: OfficeStore) -> Starlette:
    """The console's ASGI app over the office store (mount it under /console)."""
    console = Console(office)

    def error_page(request: Request, status: int) -> Response:
        ctx = Ctx(request, language(request))
        title, message = ERROR_PAGES.get(status, ERROR_PAGES[0])
        return console.render(ctx, "error.html", status, title=ctx._(title), message=ctx._(message))

    async def on_http_error(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, HTTPException)
        return error_page(request, exc.status_code)

    async def on_database_down(request: Request, exc: Exception) -> Response:
        log.warning("console: database unavailable (%s)", type(exc).__name__)
        return error_page(request, 503)

    async def on_crash(request: Request, exc: Exception) -> Response:
        log.error("console: unexpected error %s", type(exc).__name__)
        return error_page(request, 500)

    app = Starlette(routes=routes(), exception_handlers={
        HTTPException: on_http_error, OperationalError: on_database_down, Exception: on_crash})
    app.state.console = console
    return app
