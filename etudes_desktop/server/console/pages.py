"""Login, logout, home, password change, language, and the DPO's journal."""

from __future__ import annotations

import hmac

from starlette.concurrency import run_in_threadpool
from starlette.responses import Response

from etudes_desktop.core.errors import EtudesError
from etudes_desktop.core.passphrase import check_passphrase
from etudes_desktop.server import accounts
from etudes_desktop.server.console import i18n
from etudes_desktop.server.console.web import (
    IDLE,
    LANG_COOKIE,
    LIFETIME,
    LOGIN_COOKIE,
    PREFIX,
    SESSION_COOKIE,
    Console,
    Ctx,
    new_login_token,
    page,
    public,
    read_form,
    redirect,
    safe_next,
    secure_cookies,
)

POLICY = ("Au moins 12 caractères avec minuscules, majuscules, chiffres et caractères spéciaux, ou 14 avec trois de "
          "ces types, ou 16 avec deux, ou une phrase d'au moins 7 mots.")
DONE = {  # messages after a redirect (fixed texts only: nothing from the query is shown)
    "password": "Mot de passe changé ; vos autres sessions sont fermées.",
    "logout": "Vous êtes déconnecté.",
}


def _login_page(console: Console, ctx: Ctx, status: int = 200, error: str | None = None,
                email: str = "") -> Response:
    request = ctx.request
    token = new_login_token()
    notice = None
    if request.query_params.get("expired") == "1":
        notice = ctx._("Session expirée après 30 minutes d'inactivité : reconnectez-vous.")
    elif request.query_params.get("done") in DONE:
        notice = ctx._(DONE[request.query_params["done"]])
    response = console.render(ctx, "login.html", status, login_token=token, error=error, notice=notice, email=email,
                              next=safe_next(request.query_params.get("next")),
                              insecure=not secure_cookies(request) or request.url.scheme != "https")
    response.set_cookie(LOGIN_COOKIE, token, path=PREFIX, httponly=True, samesite="strict",
                        secure=secure_cookies(request), max_age=3600)
    return response


@public
async def login_form(console: Console, ctx: Ctx) -> Response:
    token = ctx.request.cookies.get(SESSION_COOKIE)
    if token:
        user, _ = await run_in_threadpool(console.office.session, token, IDLE, LIFETIME)
        if user is not None:
            return redirect(safe_next(ctx.request.query_params.get("next")))
    return _login_page(console, ctx)


@public
async def login(console: Console, ctx: Ctx) -> Response:
    request = ctx.request
    ctx.form = await read_form(request)
    expected = request.cookies.get(LOGIN_COOKIE, "")
    sent = ctx.field("csrf")
    if ctx.form is None or not expected or not hmac.compare_digest(sent.encode(), expected.encode()):
        return console.render(ctx, "refused.html", 403, reason=ctx._(
            "Formulaire expiré ou invalide : rechargez la page et recommencez."))
    email, password = ctx.field("email"), ctx.form.get("password")
    password = password if isinstance(password, str) else ""
    address = request.client.host if request.client else "?"
    keys = accounts.throttle_keys(email, address)
    office = console.office
    wait = await run_in_threadpool(accounts.wait_seconds, office, keys, office.now())
    if wait:
        await run_in_threadpool(office.audit, "-", None, "login_throttled")
        return _login_page(console, ctx, 429, ctx._(
            "Trop de tentatives : réessayez dans {seconds} s.", seconds=wait), email)
    try:
        user = await run_in_threadpool(office.user_by_email, accounts.normalize_email(email))
    except EtudesError:
        user = None
    usable = user if user is not None and not user.disabled else None
    if not await run_in_threadpool(accounts.verify_password, usable, password):
        await run_in_threadpool(office.record_failure, list(keys), usable)
        return _login_page(console, ctx, 401, ctx._("Adresse ou mot de passe incorrect."), email)
    assert usable is not None
    await run_in_threadpool(office.clear_failures, list(keys))
    if accounts.needs_rehash(usable):
        await run_in_threadpool(office.rehash, usable.id, accounts.hash_password(password))
    token, _csrf = await run_in_threadpool(office.open_session, usable, IDLE, LIFETIME)
    response = redirect(safe_next(ctx.field("next")))
    response.set_cookie(SESSION_COOKIE, token, path=PREFIX, httponly=True, samesite="strict",
                        secure=secure_cookies(request))
    response.delete_cookie(LOGIN_COOKIE, path=PREFIX)
    return response


@page()
async def logout(console: Console, ctx: Ctx) -> Response:
    assert ctx.user is not None and ctx.token is not None
    await run_in_threadpool(console.office.close_session, ctx.token, ctx.user)
    response = redirect(f"{PREFIX}/login?done=logout")
    response.delete_cookie(SESSION_COOKIE, path=PREFIX)
    return response


@page()
async def home(console: Console, ctx: Ctx) -> Response:
    office = console.office
    assert ctx.user is not None
    counts = {}
    if ctx.user.role == "manager":
        studies = await run_in_threadpool(office.studies)
        devices = await run_in_threadpool(office.list_devices)
        counts = {"studies": len(studies), "open": sum(1 for s in studies if s.closed_at is None),
                  "devices": sum(1 for d in devices if d.revoked_at is None)}
    return console.render(ctx, "home.html", counts=counts)


@page()
async def password_form(console: Console, ctx: Ctx) -> Response:
    return console.render(ctx, "password.html", error=None, done=None, policy=POLICY)


@page()
async def change_password(console: Console, ctx: Ctx) -> Response:
    assert ctx.user is not None and ctx.form is not None
    values = {name: ctx.form.get(name) for name in ("current", "new", "confirm")}
    current, new, confirm = (v if isinstance(v, str) else "" for v in values.values())
    office = console.office
    user = await run_in_threadpool(office.user_by_id, ctx.user.user_id)
    error = None
    if not await run_in_threadpool(accounts.verify_password, user, current):
        error = ctx._("Mot de passe actuel incorrect.")
    elif new != confirm:
        error = ctx._("Les deux saisies du nouveau mot de passe diffèrent.")
    elif new == current:
        error = ctx._("Le nouveau mot de passe doit différer de l'actuel.")
    elif not check_passphrase(new).ok:
        error = (check_passphrase(new).message.replace("phrase de passe", "mot de passe") if ctx.lang == "fr"
                 else ctx._("Mot de passe trop faible.") + " " + ctx._(POLICY))
    if error:
        return console.render(ctx, "password.html", 422, error=error, done=None, policy=POLICY)
    await run_in_threadpool(office.set_password, ctx.user.user_id, accounts.hash_password(new), ctx.token,
                            ctx.user.role)
    return console.render(ctx, "password.html", error=None, done=ctx._(DONE["password"]), policy=POLICY)


@public
async def set_language(console: Console, ctx: Ctx) -> Response:
    code = ctx.request.path_params.get("code", "fr")
    response = redirect(safe_next(ctx.request.query_params.get("next")))
    if code in i18n.LANGUAGES:
        response.set_cookie(LANG_COOKIE, code, path=PREFIX, max_age=365 * 86400, samesite="lax",
                            secure=secure_cookies(ctx.request))
    return response


AUDIT_LABELS = {
    "login": "Connexion réussie", "logout": "Déconnexion", "login_failed": "Échec de connexion",
    "login_throttled": "Connexion retardée (trop d'échecs)", "session_expired": "Session expirée",
    "password_changed": "Mot de passe changé", "user_added": "Compte créé", "user_disabled": "Compte désactivé",
    "refused": "Accès refusé", "study_published": "Étude publiée", "study_closed": "Étude close",
    "study_downloaded": "Fichier d'étude téléchargé",
    "device_enrolled": "Appareil inscrit", "device_renamed": "Appareil renommé", "device_revoked": "Appareil révoqué",
    "results_downloaded": "Résultats agrégés téléchargés", "study_delivered": "Étude livrée à l'assureur",
    "sample_imported": "Échantillon importé", "sample_assigned": "Personnes attribuées à un appareil",
    "sample_assigned_by_hand": "Personnes attribuées à la main", "retention_destroyed": "Dossiers détruits (conservation)",
}


@page("dpo")
async def audit_page(console: Console, ctx: Ctx) -> Response:
    office = console.office
    entries = await run_in_threadpool(office.audit_entries, 300)
    # what an id stands for, as the DPO reads it: a device's name, an account's address (never a respondent)
    names = {d.id: d.name for d in await run_in_threadpool(office.list_devices)}
    names |= {u.id: u.email for u in await run_in_threadpool(office.list_users)}
    return console.render(ctx, "audit.html", entries=entries, labels=AUDIT_LABELS, names=names)
