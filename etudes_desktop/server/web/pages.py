"""The web questionnaire's pages: the notice and its two answers, the engine's pages with their
errors, the end, and the French refusals (unknown, replaced or finished link, too many requests).

Every POST is answered by a redirect to the link's page (so reloading never sends twice) or by
the same page again with its errors. Errors are listed at the top (links to the fields), written
next to each field (aria-describedby) and the first field in error gets the focus (autofocus:
no script needed).
"""

from __future__ import annotations

import hashlib
import logging
import re
from typing import Any

from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import HTMLResponse, RedirectResponse, Response

from etudes_desktop.core.errors import EtudesError
from etudes_desktop.core.session import Page, Session
from etudes_desktop.core.session.graph import REPEAT_COUNT
from etudes_desktop.core.study import StudyPackage
from etudes_desktop.server.console.web import read_form
from etudes_desktop.server.web import i18n
from etudes_desktop.server.web.fields import build_fields, read_page
from etudes_desktop.server.web.limits import Limits
from etudes_desktop.server.web.service import END, Finished, Respondents
from etudes_desktop.server.web_store import WebLink

log = logging.getLogger(__name__)
TOKEN = re.compile(r"^[A-Za-z0-9_-]{20,64}$")
MAX_FORM_BYTES = 256 * 1024
SECURITY_HEADERS = {
    "Content-Security-Policy": "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; "
                               "frame-ancestors 'none'; base-uri 'none'",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",  # the link's token never leaves in a Referer
    "X-Frame-Options": "DENY",
    "Cache-Control": "no-store",
    "X-Robots-Tag": "noindex, nofollow",
}
MESSAGES = {
    404: ("Lien inconnu", "Ce lien ne correspond à aucun questionnaire. Vérifiez qu'il a été copié en entier, "
                          "depuis le message que vous avez reçu."),
    410: ("Lien remplacé", "Ce lien a été remplacé par un nouveau lien : utilisez celui du dernier message reçu."),
    413: ("Formulaire trop volumineux", "Les réponses envoyées sont trop longues : raccourcissez-les et recommencez."),
    429: ("Trop de demandes", "Vous avez envoyé beaucoup de demandes en peu de temps. Patientez une minute, "
                              "puis rechargez la page : vos réponses déjà envoyées sont enregistrées."),
    500: ("Erreur", "Une erreur inattendue est survenue. Réessayez dans quelques instants : vos réponses déjà "
                    "envoyées sont enregistrées."),
    503: ("Service indisponible", "Le service ne répond pas pour l'instant. Réessayez dans quelques instants : "
                                  "vos réponses déjà envoyées sont enregistrées."),
    0: ("Erreur", "La demande n'a pas pu aboutir."),
}


class WebPages:
    """Handlers of /q/<token> over the respondents' service."""

    def __init__(self, service: Respondents, limits: Limits, prefix: str) -> None:
        self.service, self.limits, self.prefix = service, limits, prefix
        self.env = Environment(loader=PackageLoader("etudes_desktop.server.web", "templates"),
                               autoescape=select_autoescape(default=True), undefined=StrictUndefined,
                               trim_blocks=True, lstrip_blocks=True)

    # -- plumbing -----------------------------------------------------------------------------
    def render(self, template: str, status: int = 200, lang: str = "fr", **values: Any) -> HTMLResponse:
        values.setdefault("languages", [])
        html = self.env.get_template(template).render(lang=lang, static=self.prefix + "/static", _=i18n.translator(lang),
                                                      **values)
        return HTMLResponse(html, status_code=status, headers=SECURITY_HEADERS)

    @staticmethod
    def _speech(link: WebLink, package: StudyPackage) -> dict[str, Any]:
        """The page's language and the switch between the form's languages."""
        languages = package.questionnaire.languages
        current = link.state.get("lang") or (package.questionnaire.resolve_language(package.questionnaire.default_language)
                                             if languages else None)
        return {"lang": i18n.code(current), "languages": i18n.offered(languages),
                "codes": {declared: i18n.code(declared) for declared in languages}, "current": current}

    def error(self, status: int, headers: dict[str, str] | None = None) -> HTMLResponse:
        title, message = MESSAGES.get(status, MESSAGES[0])
        response = self.render("message.html", status, title=title, message=message, study_title=None)
        response.headers.update(headers or {})
        return response

    def _gate(self, request: Request) -> tuple[str, Response | None]:
        token = request.path_params.get("token", "")
        if not TOKEN.match(token):
            return token, self.error(404)
        address = request.client.host if request.client else "?"
        wait = self.limits.check(hashlib.sha256(token.encode()).hexdigest()[:32], address)
        if wait is not None:
            return token, self.error(429, {"Retry-After": str(wait)})
        return token, None

    async def show(self, request: Request) -> Response:
        token, refused = self._gate(request)
        if refused is not None:
            return refused
        return await run_in_threadpool(self._show, token, request.query_params.get("erreurs") == "1",
                                       request.headers.get("accept-language", ""))

    async def submit(self, request: Request) -> Response:
        token, refused = self._gate(request)
        if refused is not None:
            return refused
        form = await read_form(request, MAX_FORM_BYTES)
        if form is None:
            return self.error(413)
        return await run_in_threadpool(self._submit, token, form)

    def _here(self, token: str, errors: bool = False) -> RedirectResponse:
        return RedirectResponse(f"{self.prefix}/{token}" + ("?erreurs=1" if errors else ""), status_code=303,
                                headers=SECURITY_HEADERS)

    # -- the link's state ---------------------------------------------------------------------
    def _link(self, token: str, posting: bool) -> tuple[WebLink | None, Response | None]:
        """The link, or the page that ends the visit (unknown, replaced, finished, closed)."""
        found = self.service.links.find(token)
        if found is None:
            return None, self.error(404)
        if found == "revoked":
            return None, self.error(410)
        assert isinstance(found, WebLink)
        link = found
        if link.status == "finishing":  # an end interrupted: finish it now
            try:
                self._finish(link)
            except Finished as exc:
                return None, self._closed(exc.message)
            link = self.service.links.find(token)  # type: ignore[assignment]
        lang = i18n.code(link.state.get("lang"))
        if link.status == "objected" or link.case_status == "objected":
            return None, self.render("message.html", 410 if posting else 200, lang, title="Opposition enregistrée",
                                     message="Votre opposition est enregistrée : vous ne serez plus sollicité(e) "
                                             "pour cette étude, et aucune réponse n'a été conservée.",
                                     study_title=None)
        if link.status == "completed" or link.case_status == "completed":
            return None, self.render("message.html", 410 if posting else 200, lang, title="Merci !",
                                     message="Vos réponses sont enregistrées. Ce questionnaire est terminé : "
                                             "il ne peut plus être modifié.", study_title=None)
        if link.study_closed:
            return None, self._closed("L'enquête est terminée : elle n'accepte plus de réponses.")
        return link, None

    def _closed(self, message: str) -> HTMLResponse:
        return self.render("message.html", 410, title="Enquête terminée", message=message, study_title=None)

    def _package(self, link: WebLink) -> tuple[StudyPackage, Any, str]:
        version = link.state.get("version") or self.service.current_version(link.study_id)
        if version is None:
            raise EtudesError("étude non publiée")
        package, compiled = self.service.package(link.study_id, version)
        return package, compiled, version

    # -- GET ----------------------------------------------------------------------------------
    def _show(self, token: str, with_errors: bool, accept_language: str = "") -> Response:
        link, ended = self._link(token, posting=False)
        if ended is not None:
            return ended
        assert link is not None
        package, compiled, version = self._package(link)
        if "lang" not in link.state and package.questionnaire.languages:  # first visit: the browser's language
            chosen = i18n.from_header(accept_language, package.questionnaire.languages)
            if chosen is not None:
                self.service.links.save(link, link.status, {**link.state, "lang": chosen})
                link = self.service.links.find(token)  # type: ignore[assignment]
        if link.status == "new":
            if "delivered_at" not in link.state:  # the moment the notice is shown, for the consent record
                self.service.links.save(link, "new", {**link.state, "version": version,
                                                      "delivered_at": self.service.now()})
            speech = self._speech(link, package)
            return self.render("notice.html", title=package.title, notice=package.notice.text(speech["lang"]),
                               token=token, prefix=self.prefix, **speech)
        session = self.service.session(link, package, compiled)
        position = link.state.get("position")
        page = None if position == END else _find(session, position) or session.next_page(None)
        if page is None:
            response = self._end_page(token, package, session, link)
        else:
            errors = _page_errors(session, page) if with_errors else {}
            response = self._question_page(token, package, session, page, errors, {}, link=link)
        self.service.keep(link, link.state, session)  # unchanged: for the POST of this page
        return response

    def _question_page(self, token: str, package: StudyPackage, session: Session, page: Page, errors: dict[str, str],
                       typed: dict[str, Any], status: int = 200, link: WebLink | None = None) -> HTMLResponse:
        fields = build_fields(session, page.keys, errors, typed)
        visible = [p for p in session.pages() if p.visible]
        number = next((i for i, p in enumerate(visible) if p.key == page.key), 0) + 1
        group = _group_label(session, page)
        repeat = _extensible_repeat(session, page)
        speech = self._speech(link, package) if link is not None else {"lang": _html_lang(session)}
        return self.render("page.html", status, title=package.title, token=token,
                           prefix=self.prefix, page_key=page.key, fields=fields, number=number, total=len(visible),
                           group=group, errors=[f for f in fields if f.error], first=number == 1, repeat=repeat,
                           **speech)

    def _end_page(self, token: str, package: StudyPackage, session: Session, link: WebLink) -> HTMLResponse:
        total = len([p for p in session.pages() if p.visible])
        return self.render("end.html", title=package.title, token=token, prefix=self.prefix, total=total,
                           **self._speech(link, package))

    # -- POST ---------------------------------------------------------------------------------
    def _submit(self, token: str, form: Any) -> Response:
        link, ended = self._link(token, posting=True)
        if ended is not None:
            return ended
        assert link is not None
        package, compiled, version = self._package(link)
        action = str(form.get("action") or "")
        if action.startswith("lang:"):  # the language switch: the same place, in the chosen language
            chosen = package.questionnaire.resolve_language(action[5:])
            if chosen is not None:
                self.service.links.save(link, link.status, {**link.state, "lang": chosen})
            return self._here(token)
        if link.status == "new":
            return self._decide(token, link, package, version, action)
        session = self.service.session(link, package, compiled)
        page_key = str(form.get("page") or "")
        if page_key == END:
            return self._send(token, link, package, session, action)
        page = _find(session, page_key)
        if page is None:  # a page no longer shown (answers changed): back to where the person is
            return self._here(token)
        before = set(page.keys)
        refused, typed = read_page(session, page.keys, form)
        state = {**link.state, "answers": _inputs(session)}
        after = _find(session, page.key)
        if action == "back":
            previous = session.previous_page(page.key)
            self._save(link, {**state, "position": previous.key if previous else page.key}, session)
            return self._here(token)
        shown_now = set(after.keys) if after is not None else set()
        errors = dict(refused)
        if after is not None:
            errors.update({k: v for k, v in _page_errors(session, after).items() if k in before and k not in errors})
        if after is not None and (errors or shown_now - before):  # stay: errors, or a question appeared
            self._save(link, {**state, "position": page.key}, session)
            return self._question_page(token, package, session, after, errors, typed, 200, link=link)
        if action.startswith("add:"):
            target = self._add_repeat(session, action[4:], page)
            if target is not None:
                state["answers"] = _inputs(session)
                self.service.links.save(link, "started", {**state, "position": target.key})
                return self._question_page(token, package, session, target, {}, {}, link=link)
            following = session.next_page(page.key)  # the session may hold a half-added repeat: not kept
            self.service.links.save(link, "started", {**state, "position": following.key if following else END})
            return self._here(token)
        following = session.next_page(page.key)
        self._save(link, {**state, "position": following.key if following else END}, session)
        return self._here(token)

    def _save(self, link: WebLink, state: dict[str, Any], session: Session) -> None:
        """The page's answers saved, and the session that holds exactly them kept for the next
        request of the link (the GET of the redirect)."""
        self.service.links.save(link, "started", state)
        self.service.keep(link, state, session)

    def _decide(self, token: str, link: WebLink, package: StudyPackage, version: str, action: str) -> Response:
        now = self.service.now()
        state = {"version": version, "delivered_at": link.state.get("delivered_at") or now, "decided_at": now,
                 **({"lang": link.state["lang"]} if "lang" in link.state else {})}
        if action == "object":
            self.service.links.save(link, "finishing", {**state, "decision": "objects"})
            self._finish(self.service.links.find(token))  # type: ignore[arg-type]
            return self._here(token)
        if action != "agree":
            return self._here(token)
        self.service.links.save(link, "started", {**state, "decision": "agrees", "answers": {}})
        return self._here(token)

    def _send(self, token: str, link: WebLink, package: StudyPackage, session: Session, action: str) -> Response:
        if action == "back":
            visible = [p for p in session.pages() if p.visible]
            self.service.links.save(link, "started", {**link.state, "position": visible[-1].key if visible else END})
            return self._here(token)
        errors = session.errors()
        if errors:
            first = next((p for p in session.pages() if p.visible and set(p.keys) & set(errors)), None)
            if first is not None:
                self.service.links.save(link, "started", {**link.state, "position": first.key})
                return self._here(token, errors=True)
        self.service.links.save(link, "finishing", {**link.state, "completed_at": self.service.now()})
        try:
            self._finish(self.service.links.find(token))  # type: ignore[arg-type]
        except Finished as exc:
            return self._closed(exc.message)
        return self._here(token)

    def _finish(self, link: WebLink) -> None:
        package, compiled, _ = self._package(link)
        if link.state.get("decision") == "objects":
            self.service.finish(link, package, "objects", {})
            return
        session = self.service.session(link, package, compiled)
        visible = set(session.visible_keys())
        answers = {k: v for k, v in _inputs(session).items() if k in visible}
        self.service.finish(link, package, "agrees", answers)

    @staticmethod
    def _add_repeat(session: Session, repeat: str, page: Page) -> Page | None:
        found = _extensible_repeat(session, page)
        if found is None or found[0] != repeat:
            return None
        try:
            session.add_repeat(repeat, found[1])
        except EtudesError:
            return None
        return session.next_page(page.key)


def _find(session: Session, key: str | None) -> Page | None:
    if not key:
        return None
    return next((p for p in session.pages() if p.visible and p.key == key), None)


def _page_errors(session: Session, page: Page) -> dict[str, str]:
    return {k: m for k in page.keys if (m := session.error(k))}


def _inputs(session: Session) -> dict[str, Any]:
    """The answers worth saving: the person's own (not the metadata the session fills itself)."""
    infos = session.compiled.infos
    return {k: v for k, v in session.answers().items() if infos[k.split("[")[0]].item.is_input}


def _html_lang(session: Session) -> str:
    return i18n.code(session.language or session.questionnaire.default_language)


def _group_label(session: Session, page: Page) -> str:
    """A field-list group's label (the page's heading), or ''."""
    from etudes_desktop.core.session import parse_key

    name, index = parse_key(page.key)
    info = session.compiled.infos.get(name)
    if info is None or not info.item.is_container:
        return ""
    return session.label(page.key)


def _extensible_repeat(session: Session, page: Page) -> tuple[str, tuple[int, ...], str] | None:
    """The innermost repeat around this page the person may extend, when this page is its
    instance's last: (name, parent index, label)."""
    from etudes_desktop.core.session import parse_key

    name, index = parse_key(page.key)
    infos = session.compiled.infos
    scope = infos[name].scope  # a repeat's own scope ends with itself
    for depth in range(len(scope) - 1, -1, -1):
        repeat = scope[depth]
        if REPEAT_COUNT in infos[repeat].slots:
            continue
        following = session.next_page(page.key)
        if following is not None:
            f_name, f_index = parse_key(following.key)
            f_scope = infos[f_name].scope
            if repeat in f_scope and f_index[: depth + 1] == index[: depth + 1]:
                return None  # more pages of this instance follow
        label = session.questionnaire.text(infos[repeat].item.label, session.language) or repeat
        return repeat, index[:depth], label
    return None
