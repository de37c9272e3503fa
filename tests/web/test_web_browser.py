"""The web questionnaire in Debian's Chromium, on a phone-sized screen, as a respondent uses it:
the notice, an objection or an acceptance, errors and corrections, a stop and a resume, the
end; axe-core (vendored from npm: tests/web/vendor) finds no serious or critical violation on
any page. JavaScript stays off for the pages themselves: the forms work without it."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from tests.web.conftest import Web
from tests.web.study import STUDY

AXE = (Path(__file__).with_name("vendor") / "axe.min.js").read_text(encoding="utf-8")
PHONE = {"width": 390, "height": 844}


def _axe(chromium: Any, url: str, page_html: str) -> list[str]:
    """axe-core's serious and critical violations of one page (served again in a context where
    scripts may run, the CSP bypassed for axe only)."""
    context = chromium.new_context(bypass_csp=True, viewport=PHONE, locale="fr-FR")
    try:
        tab = context.new_page()
        tab.route(url, lambda route: route.fulfill(status=200, content_type="text/html; charset=utf-8", body=page_html))
        tab.goto(url)
        tab.add_script_tag(content=AXE)
        result = tab.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
    finally:
        context.close()
    return [f"{v['id']} ({v['impact']}): {v['help']}" for v in result["violations"]
            if v["impact"] in ("serious", "critical")]


def _respondent(chromium: Any) -> tuple[Any, Any]:
    context = chromium.new_context(java_script_enabled=False, viewport=PHONE, locale="fr-FR",
                                   is_mobile=True, has_touch=True)
    context.set_default_timeout(15_000)
    return context, context.new_page()


def test_a_respondent_objects_and_nothing_is_kept(web_sqlite: Web, chromium: Any) -> None:
    context, tab = _respondent(chromium)
    try:
        tab.goto(web_sqlite.url + web_sqlite.link("E00002"))
        assert tab.locator("h1").inner_text() == "Avant de commencer"
        assert "droit d'opposition" in tab.locator(".notice-text").inner_text()
        tab.get_by_role("button", name="Je m'oppose").click()
        assert tab.locator("h1").inner_text() == "Opposition enregistrée"
        assert tab.context.cookies() == []
    finally:
        context.close()
    stored = list(web_sqlite.store.iter_interviews(STUDY))
    assert [s["payload"]["state"] for s in stored] == ["objected"] and stored[0]["payload"]["answers"] == {}


def test_a_respondent_answers_with_errors_stops_resumes_and_sends(web_sqlite: Web, chromium: Any) -> None:
    web = web_sqlite
    url = web.url + web.link("E00001")
    violations: dict[str, list[str]] = {}

    def check(tab: Any, name: str) -> None:
        found = _axe(chromium, tab.url, tab.content())
        if found:
            violations[name] = found

    context, tab = _respondent(chromium)
    try:
        tab.goto(url)
        assert tab.locator("html").get_attribute("lang") == "fr"
        check(tab, "notice")
        tab.get_by_role("button", name="J'accepte").click()
        check(tab, "question")
        tab.get_by_role("button", name="Suivant").click()  # nothing chosen
        error = tab.locator("#q-satisfait-erreur")
        assert error.text_content() == "Erreur : Cette question est obligatoire."
        assert tab.locator("fieldset").get_attribute("aria-describedby") == "q-satisfait-erreur"
        assert tab.evaluate("document.activeElement.id") == "q-satisfait-1"  # focus on the first error
        check(tab, "question-error")
        tab.get_by_label("Oui").check()
        tab.get_by_role("button", name="Suivant").click()
        note = tab.get_by_label("Quelle note donnez-vous à votre caisse, de 0 à 10 ? (obligatoire)")
        note.fill("11")
        tab.get_by_role("button", name="Suivant").click()
        assert tab.locator("#q-note-erreur").text_content() == "Erreur : La note va de 0 à 10."
        assert tab.evaluate("document.activeElement.id") == "q-note"
        assert tab.locator(".summary a").get_attribute("href") == "#q-note"
        check(tab, "number-error")
        tab.get_by_label("Quelle note donnez-vous à votre caisse, de 0 à 10 ? (obligatoire)").fill("8")
        tab.get_by_role("button", name="Suivant").click()
        assert tab.locator("h1").inner_text() == "Vos contacts cette année"
        check(tab, "group")
    finally:
        context.close()  # the person closes the page

    context, tab = _respondent(chromium)  # later, another browser: the same link
    try:
        tab.goto(url)
        assert tab.locator("h1").inner_text() == "Vos contacts cette année"
        tab.get_by_label("Agence").check()
        tab.get_by_role("button", name="Suivant").click()  # a question appears on the page
        visits = tab.get_by_label("Combien de fois êtes-vous allé(e) en agence ?")
        visits.fill("2")
        tab.get_by_role("button", name="Suivant").click()
        tab.get_by_label("Date de votre dernier contact").fill("2026-03-02")
        tab.get_by_role("button", name="Suivant").click()
        check(tab, "end")
        tab.get_by_role("button", name="Envoyer mes réponses").click()
        assert tab.locator("h1").inner_text() == "Merci !"
        check(tab, "thanks")
        assert context.cookies() == []
    finally:
        context.close()
    assert violations == {}
    # the harness sees a violation when there is one (an unlabelled field, no lang)
    assert _axe(chromium, url, "<!doctype html><html><title>x</title><main><input name=a></main></html>")
    stored = list(web.store.iter_interviews(STUDY))
    assert stored[0]["payload"]["answers"] == {"satisfait": "oui", "note": 8, "canaux": "agence", "visites": 2,
                                               "dernier": "2026-03-02"}
