"""Console accounts: `etudes-server user add|disable`, login, cookies, the growing delay after
failures, the idle timeout, logout, password change, the audit, languages. The real server on
127.0.0.1; the clock is the only fake."""

from __future__ import annotations

import html
import json
from pathlib import Path

import pytest
from sqlalchemy import select

from etudes_desktop.server.cli import main
from etudes_desktop.server.office_store import OfficeStore, login_failures, office_audit, sessions, users
from etudes_desktop.server.store import Store
from tests.console.conftest import CSRF, EMAILS, PASSWORDS, Office

NEW_PASSWORD = "Nouveau-Mot-de-Passe-2027?"


def run_cli(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


# -- the command line ---------------------------------------------------------------------------
def test_user_add_applies_the_laptop_policy_and_stores_an_argon2id_hash(
        db_url: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ETUDES_SERVER_PASSWORD", "court")
    code, _, err = run_cli(capsys, "user", "add", "chef@example.org", "--role", "manager", "--database-url", db_url)
    assert code == 1 and len(err.splitlines()) == 1 and "mot de passe trop faible" in err and "12 caractères" in err
    monkeypatch.setenv("ETUDES_SERVER_PASSWORD", PASSWORDS["manager"])
    code, _, err = run_cli(capsys, "user", "add", " Chef@Example.ORG ", "--role", "manager", "--database-url", db_url)
    assert code == 0 and "compte créé : chef@example.org (responsable d'étude)" in err
    import os

    assert "ETUDES_SERVER_PASSWORD" not in os.environ  # read once, then forgotten
    store = Store(db_url)
    with store.engine.connect() as conn:
        row = conn.execute(select(users)).one()
    assert row.email == "chef@example.org" and row.role == "manager"
    assert row.password_hash.startswith("$argon2id$") and PASSWORDS["manager"] not in row.password_hash
    monkeypatch.setenv("ETUDES_SERVER_PASSWORD", PASSWORDS["dpo"])
    code, _, err = run_cli(capsys, "user", "add", "chef@example.org", "--role", "dpo", "--database-url", db_url)
    assert code == 1 and "existe déjà" in err
    monkeypatch.delenv("ETUDES_SERVER_PASSWORD", raising=False)
    code, _, err = run_cli(capsys, "user", "add", "dpo@example.org", "--role", "dpo", "--database-url", db_url)
    assert code == 1 and "ETUDES_SERVER_PASSWORD" in err  # no terminal under pytest: no prompt
    code, _, err = run_cli(capsys, "user", "add", "pas-une-adresse", "--role", "dpo", "--database-url", db_url)
    assert code == 1 and "adresse électronique invalide" in err
    with pytest.raises(SystemExit):
        main(["user", "add", "x@example.org", "--role", "admin", "--database-url", db_url])
    code, out, _ = run_cli(capsys, "user", "list", "--json", "--database-url", db_url)
    assert json.loads(out) == [{"email": "chef@example.org", "role": "manager", "disabled": False}]
    store.close()


def test_disable_closes_the_sessions_and_refuses_the_next_login(office: Office, capsys) -> None:
    client, _ = office.login("dpo")
    code, _, err = run_cli(capsys, "user", "disable", EMAILS["dpo"], "--database-url", office.store.url)
    assert code == 0 and "sessions sont fermées" in err
    assert client.get("/console/audit").status_code == 303  # back to the login page
    refused = office.try_login(office.client(), EMAILS["dpo"], PASSWORDS["dpo"])
    assert refused.status_code == 401 and "Adresse ou mot de passe incorrect." in refused.text
    code, _, err = run_cli(capsys, "user", "disable", EMAILS["dpo"], "--database-url", office.store.url)
    assert code == 1 and "aucun compte actif" in err


# -- login and its cookie -----------------------------------------------------------------------------
def test_login_cookie_is_httponly_strict_and_not_secure_only_on_loopback(office: Office) -> None:
    client = office.client()
    response = office.try_login(client, EMAILS["manager"], PASSWORDS["manager"])
    assert response.status_code == 303 and response.headers["location"] == "/console/"
    cookie = next(v for k, v in response.headers.multi_items() if k == "set-cookie" and "etudes_console=" in v)
    attributes = {part.strip().split("=")[0].lower() for part in cookie.split(";")}
    assert {"httponly", "path"} <= attributes and "samesite=strict" in cookie.lower()
    assert "secure" not in attributes  # http://127.0.0.1: a browser would not send a Secure cookie back
    token = cookie.split(";")[0].split("=", 1)[1]
    with office.store.engine.connect() as conn:  # the database holds its hash, not the cookie
        held = [r.id_sha256 for r in conn.execute(select(sessions))]
    assert token not in held and len(held) == 1


def test_session_cookie_is_secure_outside_loopback(office: Office) -> None:
    """Behind a TLS proxy the console is reached under its public name: the cookies are Secure."""
    client = office.client()
    host = {"Host": "bureau.example.org"}
    page = client.get("/console/login", headers=host)
    token = CSRF.search(page.text).group(1)
    login_cookie = page.headers["set-cookie"]
    assert "; secure" in login_cookie.lower()
    response = client.post("/console/login", headers={**host, "Cookie": login_cookie.split(";")[0]},
                           data={"csrf": token, "email": EMAILS["manager"], "password": PASSWORDS["manager"]})
    assert response.status_code == 303
    cookie = next(v for k, v in response.headers.multi_items() if k == "set-cookie" and "etudes_console=" in v)
    assert "; secure" in cookie.lower() and "samesite=strict" in cookie.lower() and "httponly" in cookie.lower()


def test_wrong_password_and_unknown_account_get_the_same_answer(office: Office) -> None:
    wrong = office.try_login(office.client(), EMAILS["manager"], "Pas-Le-Bon-Mot-2026!")
    unknown = office.try_login(office.client(), "personne@example.org", "Pas-Le-Bon-Mot-2026!")
    for response in (wrong, unknown):
        assert response.status_code == 401 and "Adresse ou mot de passe incorrect." in response.text
        assert "etudes_console=" not in response.headers.get("set-cookie", "")


def test_login_form_without_its_token_is_refused(office: Office) -> None:
    client = office.client()
    office.login_token(client)
    response = client.post("/console/login", data={"email": EMAILS["manager"], "password": PASSWORDS["manager"]})
    assert response.status_code == 403 and "Formulaire expiré ou invalide" in response.text
    other = office.client()
    response = other.post("/console/login", data={"csrf": office.login_token(client), "email": EMAILS["manager"],
                                                  "password": PASSWORDS["manager"]})
    assert response.status_code == 403  # another browser's token: its cookie does not match


def test_after_login_only_console_pages(office: Office) -> None:
    for target, expected in (("https://evil.example.org/", "/console/"), ("//evil.example.org/", "/console/"),
                             ("/v1/device", "/console/"), ("/console/../v1", "/console/"),
                             ("/console/devices", "/console/devices")):
        client = office.client()
        token = office.login_token(client)
        response = client.post("/console/login", data={"csrf": token, "email": EMAILS["dpo"],
                                                       "password": PASSWORDS["dpo"], "next": target})
        assert response.status_code == 303 and response.headers["location"] == expected


def test_a_growing_delay_after_failures_per_account(office: Office) -> None:
    client = office.client()
    for _ in range(3):
        assert office.try_login(client, EMAILS["manager"], "Mauvais-Essai-2026!").status_code == 401
    held = office.try_login(client, EMAILS["manager"], PASSWORDS["manager"])  # even the right password waits
    assert held.status_code == 429 and "Trop de tentatives : réessayez dans 1 s." in held.text
    office.clock.advance(seconds=1.5)
    assert office.try_login(client, EMAILS["manager"], "Mauvais-Essai-2026!").status_code == 401  # 4th failure
    held = office.try_login(client, EMAILS["manager"], PASSWORDS["manager"])
    assert held.status_code == 429 and "réessayez dans 2 s" in held.text
    office.clock.advance(seconds=2.5)
    assert office.try_login(client, EMAILS["manager"], "Mauvais-Essai-2026!").status_code == 401  # 5th
    assert "réessayez dans 4 s" in office.try_login(client, EMAILS["manager"], PASSWORDS["manager"]).text
    other = office.try_login(office.client(), EMAILS["dpo"], PASSWORDS["dpo"])
    assert other.status_code == 303  # another account from the same address is not held (yet)
    office.clock.advance(seconds=5)
    assert office.try_login(client, EMAILS["manager"], PASSWORDS["manager"]).status_code == 303
    with office.store.engine.connect() as conn:  # a success clears the counters; no address in clear
        left = conn.execute(select(login_failures)).all()
    assert all(not row.key.startswith("account:") or row.failures == 0 for row in left)
    assert not any("127.0.0.1" in row.key or "manager" in row.key for row in left)


def test_a_growing_delay_per_address(office: Office) -> None:
    client = office.client()
    for index in range(10):  # ten accounts guessed from one address
        assert office.try_login(client, f"essai{index}@example.org", "Mauvais-Essai-2026!").status_code == 401
    held = office.try_login(client, EMAILS["insurer"], PASSWORDS["insurer"])
    assert held.status_code == 429 and "réessayez dans 1 s" in held.text
    office.clock.advance(seconds=2)
    assert office.try_login(client, EMAILS["insurer"], PASSWORDS["insurer"]).status_code == 303


# -- the session -------------------------------------------------------------------------------------
def test_idle_timeout_after_30_minutes(office: Office) -> None:
    client, _ = office.login("manager")
    office.clock.advance(minutes=29)
    assert client.get("/console/").status_code == 200  # activity keeps the session
    office.clock.advance(minutes=29)
    assert client.get("/console/").status_code == 200
    office.clock.advance(minutes=31)
    response = client.get("/console/password")
    assert response.status_code == 303
    assert response.headers["location"] == "/console/login?next=%2Fconsole%2Fpassword&expired=1"
    page = client.get(response.headers["location"])
    assert "Session expirée après 30 minutes d'inactivité" in html.unescape(page.text)
    with office.store.engine.connect() as conn:
        assert conn.execute(select(sessions)).all() == []


def test_logout_ends_the_session_for_good(office: Office) -> None:
    client, csrf = office.login("insurer")
    stolen = client.cookies["etudes_console"]
    response = client.post("/console/logout", data={"csrf": csrf})
    assert response.status_code == 303 and response.headers["location"] == "/console/login?done=logout"
    assert "Vous êtes déconnecté." in client.get(response.headers["location"]).text
    replay = office.client()
    replay.cookies.set("etudes_console", stolen, domain="127.0.0.1", path="/console")
    assert replay.get("/console/").status_code == 303  # the cookie opens nothing any more


def test_password_change(office: Office) -> None:
    client, csrf = office.login("manager")
    elsewhere, _ = office.login("manager")
    form = {"csrf": csrf, "current": "Pas-Le-Bon-2026!", "new": NEW_PASSWORD, "confirm": NEW_PASSWORD}
    response = client.post("/console/password", data=form)
    assert response.status_code == 422 and "Mot de passe actuel incorrect." in response.text
    form.update(current=PASSWORDS["manager"], new="motdepasse", confirm="motdepasse")
    response = client.post("/console/password", data=form)
    assert response.status_code == 422 and "trop faible" in response.text
    form.update(new=NEW_PASSWORD, confirm=NEW_PASSWORD + "x")
    assert "diffèrent" in client.post("/console/password", data=form).text
    form.update(confirm=NEW_PASSWORD)
    response = client.post("/console/password", data=form)
    assert response.status_code == 200 and "Mot de passe changé ; vos autres sessions sont fermées." in response.text
    assert client.get("/console/").status_code == 200  # this session goes on
    assert elsewhere.get("/console/").status_code == 303  # the other one is closed
    assert office.try_login(office.client(), EMAILS["manager"], PASSWORDS["manager"]).status_code == 401
    assert office.try_login(office.client(), EMAILS["manager"], NEW_PASSWORD).status_code == 303


def test_every_action_is_audited_without_personal_data(office: Office) -> None:
    office.try_login(office.client(), EMAILS["dpo"], "Mauvais-Essai-2026!")
    client, csrf = office.login("dpo")
    office.login("insurer")[0].get("/console/audit")  # refused: audited too
    client.post("/console/logout", data={"csrf": csrf})
    client, _ = office.login("dpo")
    page = client.get("/console/audit")
    assert page.status_code == 200
    for label in ("Connexion", "Échec de connexion", "Accès refusé", "Déconnexion", "Compte créé"):
        assert label in page.text
    with office.store.engine.connect() as conn:
        rows = [dict(r._mapping) for r in conn.execute(select(office_audit))]
    actions = [r["action"] for r in rows]
    assert actions.count("user_added") == 3 and "login_failed" in actions and "refused" in actions
    dumped = json.dumps(rows)
    assert not any(email in dumped for email in EMAILS.values()) and "127.0.0.1" not in dumped
    assert all(r["at"] and r["actor"] for r in rows)


# -- languages ------------------------------------------------------------------------------------------
def test_french_first_english_by_accept_language_or_switch(office: Office) -> None:
    client = office.client()
    assert "Connexion" in client.get("/console/login").text
    english = client.get("/console/login", headers={"Accept-Language": "en-GB,en;q=0.9,fr;q=0.5"})
    assert "Sign in" in english.text and 'lang="en"' in english.text
    assert 'lang="fr"' in client.get("/console/login", headers={"Accept-Language": "de-DE"}).text
    switched = client.get("/console/lang/en?next=%2Fconsole%2Flogin")
    assert switched.status_code == 303 and switched.headers["location"] == "/console/login"
    assert "Sign in" in client.get("/console/login").text
    client.get("/console/lang/fr?next=%2Fconsole%2Flogin")
    assert "Se connecter" in client.get("/console/login", headers={"Accept-Language": "en"}).text


def test_the_english_catalogue_covers_every_text() -> None:
    """Every _("...") of the templates and console modules has its English."""
    import re

    from etudes_desktop.server.console import i18n, pages, web

    root = Path(web.__file__).parent
    texts: set[str] = set()
    call = re.compile(r"""_\(\s*(["'])((?:(?!\1).)+)\1""")
    for path in [*root.glob("templates/*.html"), *root.glob("*.py")]:
        texts |= {m.group(2) for m in call.finditer(path.read_text(encoding="utf-8"))}
    texts |= {label for pairs in web.ROLE_PAGES.values() for label, _ in pairs}
    texts |= set(pages.AUDIT_LABELS.values()) | set(pages.DONE.values()) | set(i18n.ROLE_LABELS.values())
    from etudes_desktop.server.console import ERROR_PAGES, devices, progress, results, samples, studies

    texts |= {pages.POLICY} | {text for pair in ERROR_PAGES.values() for text in pair}

    texts |= set(getattr(studies, "MESSAGES", {}).values()) | set(getattr(devices, "MESSAGES", {}).values())
    texts |= set(progress.MESSAGES.values()) | set(progress.RATE_LABELS.values()) | set(progress.MODE_LABELS.values())
    texts |= set(samples.MESSAGES.values()) | {results.DELIVERED, results.NOT_DELIVERED}
    missing = sorted(t for t in texts if t not in i18n.EN)
    assert missing == []
    for key, forms in i18n.PLURALS.items():  # counted messages: two forms in each language
        assert set(forms) == set(i18n.LANGUAGES) and all(len(pair) == 2 for pair in forms.values()), key
    assert i18n.plural("refused", 1, "fr").startswith("Fichier refusé : 1 problème à")
    assert i18n.plural("refused", 0, "en").startswith("File refused: 0 problems")
    written = [p.read_text(encoding="utf-8") for p in [*root.glob("templates/*.html"), *root.glob("*.py")]]
    assert not any("(s)" in text for text in written)  # never a parenthesised plural


def test_static_files_and_headers(office: Office) -> None:
    client = office.client()
    css = client.get("/console/static/console.css")
    assert css.status_code == 200 and "text/css" in css.headers["content-type"]
    page = client.get("/console/login")
    assert "default-src 'none'" in page.headers["content-security-policy"]
    assert page.headers["x-frame-options"] == "DENY" and page.headers["cache-control"] == "no-store"
    missing = client.get("/console/nulle-part")
    assert missing.status_code == 404 and "Page introuvable" in missing.text
    assert client.get("/v1/nowhere").json()["error"] == "not_found"  # the API keeps its JSON errors


def test_office_tables_on_both_backends(db_url: str) -> None:
    store = Store(db_url)
    office = OfficeStore(store)
    assert office.list_users() == [] and office.studies() == [] and office.notice_hashes("x") is None
    store.close()


def test_cli_password_never_on_the_command_line() -> None:
    from etudes_desktop.server.cli import build_parser

    with pytest.raises(SystemExit):  # no --password option: ps would show it to every user
        build_parser().parse_args(["user", "add", "a@example.org", "--role", "dpo", "--password", "x"])
