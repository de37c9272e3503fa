"""The respondents' web questionnaire (internet mode), mounted under /q on the server's app.

One unguessable link per person of the sample (`etudes-server links`): /q/<token>. The token in
the path is the only state the browser holds: no cookie, no script, no third-party request
(CSP), plain server-rendered forms that work on a phone and with a screen reader. The pages
are the engine's (core.session): the register's notice first, then the questionnaire's pages,
each saved when sent. SQL lives in server.web_store; the end of an interview goes through the
same ingest as a laptop's batch (server.web.service).
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

from etudes_desktop.server.cases_store import CasesStore
from etudes_desktop.server.office_store import OfficeStore
from etudes_desktop.server.store import Store
from etudes_desktop.server.web.limits import Limits
from etudes_desktop.server.web.pages import WebPages
from etudes_desktop.server.web.service import Respondents
from etudes_desktop.server.web_store import WebStore

log = logging.getLogger(__name__)
PREFIX = "/q"
STATIC = Path(__file__).with_name("static")


def create_web(store: Store, office: OfficeStore, cases: CasesStore, limits: Limits | None = None) -> Starlette:
    """The web questionnaire's ASGI app (mount it under /q)."""
    service = Respondents(store, office, cases, WebStore(store, office))
    pages = WebPages(service, limits or Limits(), PREFIX)

    async def on_http_error(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, HTTPException)
        return pages.error(404 if exc.status_code == 404 else exc.status_code)

    async def on_database_down(request: Request, exc: Exception) -> Response:
        log.warning("web questionnaire: database unavailable (%s)", type(exc).__name__)
        return pages.error(503)

    async def on_crash(request: Request, exc: Exception) -> Response:
        log.error("web questionnaire: unexpected error %s", type(exc).__name__)
        return pages.error(500)

    routes = [
        Mount("/static", app=StaticFiles(directory=STATIC), name="static"),
        Route("/{token}", pages.show, methods=["GET"]),
        Route("/{token}", pages.submit, methods=["POST"]),
    ]
    app = Starlette(routes=routes, exception_handlers={
        HTTPException: on_http_error, OperationalError: on_database_down, Exception: on_crash})
    app.state.service = service
    return app
