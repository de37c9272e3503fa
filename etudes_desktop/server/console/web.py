"""The console's plumbing: sessions from cookies, CSRF on every form, roles, French 403 pages,
bounded form bodies, rendering with the request's language. Pages live in pages.py, studies.py
and devices.py; SQL lives in server.office_store."""

from __future__ import annotations

import hmac
import logging
import secrets
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from datetime import timedelta
from typing import Any
from urllib.parse import quote, urlsplit

from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import FormData
from starlette.requests import ClientDisconnect, Request
from starlette.responses import HTMLResponse, RedirectResponse, Response

from etudes_desktop.server.console import i18n
from etudes_desktop.server.office_store import OfficeStore, SessionUser

log = logging.getLogger(__name__)

PREFIX = "/console"
SESSION_COOKIE = "etudes_console"
LOGIN_COOKIE = "etudes_login"  # the login form's CSRF token (double submit: cookie and field)
LANG_COOKIE = "etudes_lang"
IDLE = timedelta(minutes=30)
LIFETIME = timedelta(hours=12)
MAX_FORM_BYTES = 64 * 1024
MAX_UPLOAD_BYTES = 12 * 1024 * 1024
LOOPBACK = frozenset({"127.0.0.1", "localhost", "::1", "[::1]"})
SECURITY_HEADERS = {
    "Content-Security-Policy": "default-src 'none'; script-src 'self'; connect-src 'self'; style-src 'self'; "
                               "img-src 'self' data:; form-action 'self'; "
                               "frame-ancestors 'none'; base-uri 'none'",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
    "Cache-Control": "no-store",
}
ROLE_PAGES = {  # what each role finds in the navigation (label, path)
    "manager": [("Études", "/studies"), ("Avancement", "/progress"), ("Appareils", "/devices"),
                ("Résultats", "/results")],
    "dpo": [("Journal", "/audit"), ("Conservation", "/retention")],
    "insurer": [("Résultats", "/results")],  # the aggregated deliverable only, never a row
}


@dataclass
class Ctx:
    """One console request: its language, its session (None on public pages), its form."""

    request: Request
    lang: str
    user: SessionUser | None = None
    token: str | None = None
    form: FormData | None = None
    extra_headers: dict[str, str] = field(default_factory=dict)

    def _(self, text: str, **values: Any) -> str:
        return i18n.translate(text, self.lang, **values)

    def field(self, name: str) -> str:
        value = self.form.get(name) if self.form is not None else None
        return value.strip() if isinstance(value, str) else ""


class Console:
    """Templates and the office store, shared by every page."""

    def __init__(self, office: OfficeStore) -> None:
        self.office = office
        self.env = Environment(loader=PackageLoader("etudes_desktop.server.console", "templates"),
                               autoescape=select_autoescape(default=True), undefined=StrictUndefined,
                               trim_blocks=True, lstrip_blocks=True)
        self.env.filters["urlpart"] = lambda value: quote(str(value), safe="")
        self.env.filters["when"] = _when

    def render(self, ctx: Ctx, template: str, status: int = 200, **values: Any) -> HTMLResponse:
        nav = [(label, PREFIX + path) for label, path in ROLE_PAGES.get(ctx.user.role, [])] if ctx.user else []
        html = self.env.get_template(template).render(
            _=ctx._, lang=ctx.lang, user=ctx.user, csrf=ctx.user.csrf if ctx.user else "", nav=nav,
            prefix=PREFIX, path=ctx.request.url.path, role_label=i18n.role_label, **values)
        return HTMLResponse(html, status_code=status, headers={**SECURITY_HEADERS, **ctx.extra_headers})

    def refuse(self, ctx: Ctx, reason: str, status: int = 403) -> HTMLResponse:
        """The French (or English) refusal page; the refusal is audited."""
        if ctx.user is not None:
            self.office.audit(ctx.user.user_id, ctx.user.role, "refused", ctx.request.url.path[:200])
        return self.render(ctx, "refused.html", status, reason=reason)


def language(request: Request) -> str:
    """The language cookie, else the browser's Accept-Language (fr or en), else French."""
    chosen = request.cookies.get(LANG_COOKIE)
    if chosen in i18n.LANGUAGES:
        return chosen
    best, best_q = "fr", -1.0
    for part in request.headers.get("accept-language", "").split(",")[:20]:
        tag, _, params = part.strip().partition(";")
        code = tag.strip().lower()[:2]
        try:
            q = float(params.strip()[2:]) if params.strip().startswith("q=") else 1.0
        except ValueError:
            q = 0.0
        if code in i18n.LANGUAGES and q > best_q:
            best, best_q = code, q
    return best


def secure_cookies(request: Request) -> bool:
    """Secure cookies everywhere but on a loopback address (a developer's http://127.0.0.1)."""
    return request.url.scheme == "https" or (request.url.hostname or "") not in LOOPBACK


def safe_next(target: str | None) -> str:
    """Where to go after login: a console path only (never another site)."""
    if not target or not target.startswith(PREFIX + "/") and target != PREFIX:
        return PREFIX + "/"
    parts = urlsplit(target)
    if parts.scheme or parts.netloc or target.startswith("//") or "\\" in target or ".." in target:
        return PREFIX + "/"
    return target


def redirect(path: str, headers: dict[str, str] | None = None) -> RedirectResponse:
    return RedirectResponse(path, status_code=303, headers={**SECURITY_HEADERS, **(headers or {})})


def to_login(request: Request, expired: bool) -> RedirectResponse:
    target = request.url.path if request.method == "GET" else PREFIX + "/"
    if request.method == "GET" and request.url.query:
        target += "?" + request.url.query
    query = f"?next={quote(target, safe='')}" + ("&expired=1" if expired else "")
    response = redirect(f"{PREFIX}/login{query}")
    if expired:
        response.delete_cookie(SESSION_COOKIE, path=PREFIX)
    return response


async def read_form(request: Request, limit: int = MAX_FORM_BYTES) -> FormData | None:
    """The form of a POST, its body bounded first (None when too large or unreadable)."""
    declared = request.headers.get("content-length")
    if declared and declared.isdigit() and int(declared) > limit:
        return None
    chunks, size = [], 0
    try:
        async for chunk in request.stream():
            size += len(chunk)
            if size > limit:
                return None
            chunks.append(chunk)
    except ClientDisconnect:
        return None
    request._body = b"".join(chunks)  # Starlette's form parser reads the body from here
    try:
        return await request.form(max_files=1, max_fields=20, max_part_size=limit)
    except Exception as exc:  # noqa: BLE001 - a malformed body: a refusal, not a 500
        log.info("console form unreadable: %s", type(exc).__name__)
        return None


Handler = Callable[[Console, Ctx], Awaitable[Response]]


def page(*roles: str, upload: bool = False) -> Callable[[Handler], Callable[[Request], Awaitable[Response]]]:
    """A page behind a session: no session -> the login page; a POST without the session's CSRF
    token -> 403; a role not among `roles` (when given) -> 403."""

    def wrap(handler: Handler) -> Callable[[Request], Awaitable[Response]]:
        async def endpoint(request: Request) -> Response:
            console: Console = request.app.state.console
            ctx = Ctx(request, language(request))
            token = request.cookies.get(SESSION_COOKIE)
            user, expired = (None, False)
            if token:
                user, expired = await run_in_threadpool(console.office.session, token, IDLE, LIFETIME)
            if user is None:
                return to_login(request, expired)
            ctx.user, ctx.token = user, token
            if request.method == "POST":
                ctx.form = await read_form(request, MAX_UPLOAD_BYTES if upload else MAX_FORM_BYTES)
                if ctx.form is None:
                    return await run_in_threadpool(console.refuse, ctx, ctx._(
                        "Formulaire trop volumineux ou illisible."), 413)
                sent = ctx.form.get("csrf")
                if not isinstance(sent, str) or not hmac.compare_digest(sent.encode(), user.csrf.encode()):
                    return await run_in_threadpool(console.refuse, ctx, ctx._(
                        "Formulaire expiré ou invalide : rechargez la page et recommencez."))
            if roles and user.role not in roles:
                return await run_in_threadpool(console.refuse, ctx, ctx._(
                    "Votre rôle ({role}) ne donne pas accès à cette page.", role=i18n.role_label(user.role, ctx.lang)))
            return await handler(console, ctx)

        endpoint.__name__ = handler.__name__
        endpoint.roles = roles  # type: ignore[attr-defined] - read by the route tests
        return endpoint

    return wrap


def public(handler: Handler) -> Callable[[Request], Awaitable[Response]]:
    """A page without a session (login, language)."""

    async def endpoint(request: Request) -> Response:
        return await handler(request.app.state.console, Ctx(request, language(request)))

    endpoint.__name__ = handler.__name__
    return endpoint


def new_login_token() -> str:
    return secrets.token_urlsafe(24)


def _when(value: str | None) -> str:
    """An ISO timestamp as the page shows it: 2026-11-20 09:00 UTC."""
    if not value:
        return "—"
    return value[:16].replace("T", " ") + " UTC"
