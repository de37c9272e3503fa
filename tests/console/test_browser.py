"""The console in a real browser (Debian's Chromium through Playwright) against the real server:
log in with the keyboard, publish a form (a bad one shows its located problems, a good one is
listed), enrol and revoke a device, and an insurer reaches neither studies nor devices."""

from __future__ import annotations

import httpx

from etudes_desktop.server.console.devices import MESSAGES
from etudes_desktop.server.publishing import publish_file
from tests.console.conftest import EMAILS, PASSWORDS, Office
from tests.console.forms import STUDY, TITLE, bad_form, good_form


def log_in(page, office: Office, role: str) -> None:
    """As a person does: the address, Tab, the password, Enter."""
    page.goto(f"{office.url}/console/")
    assert page.url.startswith(f"{office.url}/console/login")
    page.locator("#email").focus()
    page.keyboard.type(EMAILS[role])
    page.keyboard.press("Tab")
    page.keyboard.type(PASSWORDS[role])
    page.keyboard.press("Enter")
    page.wait_for_url(f"{office.url}/console/")


def test_log_in_and_out(page, office_sqlite: Office) -> None:
    office = office_sqlite
    page.goto(f"{office.url}/console/login")
    page.fill("#email", EMAILS["manager"])
    page.fill("#password", "Pas-Le-Bon-Mot-2026!")
    page.click("button[type=submit]")
    assert page.locator(".error").inner_text() == "Adresse ou mot de passe incorrect."
    log_in(page, office, "manager")
    assert page.locator("h1").inner_text() == "Bureau de collecte"
    assert page.locator("nav a").all_inner_texts() == ["Accueil", "Études", "Avancement", "Appareils", "Résultats"]
    page.click("text=Se déconnecter")
    page.wait_for_url("**/console/login?done=logout")
    assert page.locator(".notice").inner_text() == "Vous êtes déconnecté."
    page.goto(f"{office.url}/console/studies")
    assert "/console/login" in page.url  # the session is gone


def test_publish_a_bad_form_then_a_good_one(page, office_sqlite: Office, tmp_path) -> None:
    office = office_sqlite
    log_in(page, office, "manager")
    page.click("nav >> text=Études")
    page.set_input_files("#file", str(bad_form(tmp_path)))
    page.click("text=Vérifier et publier")
    assert page.locator(".error").inner_text() == "Fichier refusé : 3 problèmes à corriger. Rien n'a été publié."
    rows = [[cell.strip() for cell in row.split("\t")]
            for row in page.locator("table.problems tbody tr").all_inner_texts()]
    assert rows[0] == ["survey", "3", "type", "type audio non pris en charge par l'application"]
    assert rows[1][:3] == ["survey", "4", "relevant"] and rows[1][3].startswith("expression invalide à la position")
    assert rows[2] == ["survey", "5", "type", "type image non pris en charge par l'application"]
    page.set_input_files("#file", str(good_form(tmp_path, "1")))
    page.click("text=Vérifier et publier")
    assert page.locator(".notice").inner_text().startswith("Étude sat-2026 publiée (version 1).")
    listed = page.locator("#studies tbody tr").all_inner_texts()
    assert len(listed) == 1 and TITLE in listed[0] and "Ouverte" in listed[0]
    page.click(f"text={TITLE}")
    assert page.locator("#versions tbody tr").count() == 1
    page.screenshot(path=str(tmp_path / "study.png"), full_page=True)


def test_enrol_and_revoke_a_device(page, office_sqlite: Office, tmp_path) -> None:
    office = office_sqlite
    form = good_form(tmp_path, "1")
    publish_file(office.office, form.name, form.read_bytes(), actor="cli", role=None)
    log_in(page, office, "manager")
    page.click("nav >> text=Appareils")
    page.select_option("#study", STUDY)
    page.fill("#name", "portable-07")
    page.click("text=Inscrire et afficher le jeton")
    token = page.locator("#token").inner_text().strip()
    assert token.startswith("etd_") and page.locator(".qr svg").is_visible()
    with httpx.Client(base_url=office.url) as api:
        assert api.get("/v1/device", headers={"Authorization": f"Bearer {token}"}).status_code == 200
        page.click("text=← Appareils")
        row = page.locator("#devices tbody tr", has_text="portable-07")
        assert "Actif" in row.inner_text() and token not in page.content()
        row.get_by_role("button", name="Révoquer portable-07").click()
        assert page.locator(".notice").inner_text() == MESSAGES["revoked"]
        assert "Révoqué" in page.locator("#devices tbody tr", has_text="portable-07").inner_text()
        told = api.get("/v1/device", headers={"Authorization": f"Bearer {token}"})  # revoked: told to wipe
        assert told.status_code == 200 and told.json()["wipe_requested"] is True
        assert api.get("/v1/studies", headers={"Authorization": f"Bearer {token}"}).status_code == 403


def test_an_insurer_reaches_neither_studies_nor_devices(page, office_sqlite: Office, tmp_path) -> None:
    office = office_sqlite
    form = good_form(tmp_path, "1")
    publish_file(office.office, form.name, form.read_bytes(), actor="cli", role=None)
    office.store.enroll(STUDY, "portable-01")
    log_in(page, office, "insurer")
    assert page.locator("nav a").all_inner_texts() == ["Accueil", "Résultats"]
    assert "Livrable agrégé" in page.locator("main").inner_text()
    for target in ("studies", f"studies/{STUDY}", f"studies/{STUDY}/file?version=1", "devices", "audit",
                   f"results/{STUDY}"):  # the tables' preview is the manager's: the insurer downloads
        response = page.goto(f"{office.url}/console/{target}")
        assert response.status == 403, target
        assert page.locator("h1").inner_text() == "Accès refusé"
        assert "Votre rôle (Assureur) ne donne pas accès à cette page." in page.locator(".error").inner_text()
        assert TITLE not in page.content() and "portable-01" not in page.content()


def test_english_by_the_switch(page, office_sqlite: Office) -> None:
    office = office_sqlite
    log_in(page, office, "dpo")
    page.click("text=English")
    assert page.locator("nav a").all_inner_texts() == ["Home", "Journal", "Retention"]
    page.click("nav >> text=Journal")
    assert page.locator("h1").inner_text() == "Journal of the collection office"
    assert "Signed in" in page.locator("table").inner_text()
