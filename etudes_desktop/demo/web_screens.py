"""Screenshots of the respondents' web questionnaire (`make screenshots`, after the console's):
a throwaway server with a small published study and a sample of one, its link opened in Debian's
Chromium on a phone-sized (390×844) and a desktop-sized (1366×768) screen, scripts off, saved as
web-NAME-phone.png and web-NAME-desktop.png. No Qt here."""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path
from typing import Any

from etudes_desktop.demo.console_screens import CHROMIUM

VIEWPORTS = {"phone": {"width": 390, "height": 844}, "desktop": {"width": 1366, "height": 768}}
SURVEY = [
    {"type": "select_one oui_non", "name": "satisfait", "label": "Êtes-vous satisfait(e) de votre caisse ?",
     "required": "yes"},
    {"type": "integer", "name": "note", "label": "Quelle note donnez-vous à votre caisse, de 0 à 10 ?",
     "hint": "0 : pas du tout satisfait(e) ; 10 : tout à fait satisfait(e).", "required": "yes",
     "constraint": ". >= 0 and . <= 10", "constraint_message": "La note va de 0 à 10."},
    {"type": "begin group", "name": "contacts", "label": "Vos contacts cette année", "appearance": "field-list"},
    {"type": "select_multiple canal", "name": "canaux", "label": "Par quels moyens l'avez-vous contactée ?"},
    {"type": "date", "name": "dernier", "label": "Date de votre dernier contact"},
    {"type": "end group", "name": "contacts"},
]
CHOICES = [{"list_name": "oui_non", "name": n, "label": label} for n, label in (("oui", "Oui"), ("non", "Non"))] + [
    {"list_name": "canal", "name": n, "label": label} for n, label in
    (("tel", "Téléphone"), ("courriel", "Courriel"), ("agence", "Agence"))]


def render_web(out: Path) -> list[Path]:
    from playwright.sync_api import sync_playwright

    from etudes_desktop.core.xlsform_writer import write_xlsform
    from etudes_desktop.server.cases_import_store import import_sample
    from etudes_desktop.server.cases_store import CasesStore
    from etudes_desktop.server.embedded import EmbeddedServer
    from etudes_desktop.server.office_store import OfficeStore
    from etudes_desktop.server.publishing import publish_file
    from etudes_desktop.server.store import Store, sqlite_url
    from etudes_desktop.server.web_store import WebStore

    out.mkdir(parents=True, exist_ok=True)
    taken: list[Path] = []
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        store = Store(sqlite_url(work / "server"), key=b"\x07" * 32)
        office = OfficeStore(store)
        form = write_xlsform(work / "contacts-2026.xlsx", SURVEY, CHOICES,
                             {"form_id": "contacts-2026", "form_title": "Vos contacts avec l'Assurance Maladie",
                              "version": "1"})
        publish_file(office, form.name, form.read_bytes(), actor="demo", role=None)
        sample = work / "echantillon.csv"
        sample.write_text("Identifiant;Nom;Prénom;Code postal\r\nD00001;Exemple;Camille;75011\r\n"
                          "D00002;Exemple;Dominique;69003\r\n", encoding="utf-8")
        import_sample(CasesStore(store, office), "contacts-2026", sample)
        links = WebStore(store, office).issue("contacts-2026").links
        with EmbeddedServer(store) as server, sync_playwright() as driver:
            browser = driver.chromium.launch(executable_path=str(CHROMIUM), headless=True)
            for size, viewport in VIEWPORTS.items():
                token = links[0 if size == "phone" else 1][1]
                context = browser.new_context(viewport=viewport, java_script_enabled=False, locale="fr-FR",
                                              is_mobile=size == "phone", device_scale_factor=1)
                tab = context.new_page()
                tab.goto(f"{server.url}/q/{token}")

                def shot(name: str, tab: Any = tab, size: str = size) -> None:
                    path = out / f"web-{name}-{size}.png"
                    tab.screenshot(path=str(path), full_page=True)
                    taken.append(path)

                shot("notice")
                tab.get_by_role("button", name="J'accepte").click()
                tab.get_by_label("Oui").check()
                tab.get_by_role("button", name="Suivant").click()
                tab.get_by_role("textbox").fill("12")
                tab.get_by_role("button", name="Suivant").click()
                shot("error")
                tab.get_by_role("textbox").fill("8")
                tab.get_by_role("button", name="Suivant").click()
                shot("group")
                tab.get_by_role("button", name="Suivant").click()
                tab.get_by_role("button", name="Envoyer mes réponses").click()
                shot("thanks")
                context.close()
            browser.close()
        store.close()
    return taken


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if not CHROMIUM.is_file():
        print("web screenshots skipped: Debian's chromium package is not installed", file=sys.stderr)
        return 0
    for path in render_web(Path(args[0] if args else "docs/screenshots")):
        print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
