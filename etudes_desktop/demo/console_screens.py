"""`python -m etudes_desktop.demo.console_screens OUTDIR`: every page of the collection office's
console, rendered by Debian's Chromium (Playwright, no browser download) at 1366×768, full page.

The real server on 127.0.0.1 over a throw-away SQLite store: three accounts (manager, DPO,
insurer); the manager publishes the demo study and the sample study and enrols the devices in
the browser, as a person would; a real demo laptop (fast key derivation) syncs its interviews
through the devices' tokens; the sample study is then delivered (`etudes-server deliver`).
Then each page of `SHOTS` is opened with its role's session and saved as `console-NAME.png`.
Adding a page is one line in `SHOTS`. No Qt here.
"""

from __future__ import annotations

import os
import random
import sys
import tempfile
from collections.abc import Callable
from contextlib import ExitStack
from dataclasses import dataclass
from pathlib import Path
from typing import Any

CHROMIUM = Path(os.environ.get("ETUDES_CHROMIUM", "/usr/bin/chromium"))
NO_CHROMIUM = ("console screenshots skipped: Debian's chromium package is not installed "
               "(apt-get install chromium); expected at {path}")
VIEWPORT = {"width": 1366, "height": 768}
PREFIX = "console-"
ACCOUNTS = {  # fictitious office staff; the passwords pass the console's policy
    "manager": ("claire.martin@bureau-etudes.example.org", "Responsable-Étude-2026!"),
    "dpo": ("delegue.protection@bureau-etudes.example.org", "Délégué-Protection-2026!"),
    "insurer": ("etudes@assureur.example.org", "Assureur-Livrable-2026!"),
}
LANGS = {"fr": "fr-FR", "en": "en-GB"}


@dataclass(frozen=True)
class Shot:
    """One picture: `console-{name}.png` of `path` ({study}, {delivered} filled in) seen by `role`
    (None: no session), in `lang`, answered with `status`; `then` acts on the page first (a form to send);
    `full_page=False` keeps the first screen only (the README's view of a long page)."""

    name: str
    path: str
    role: str | None
    lang: str = "fr"
    then: Callable[[Any], None] | None = None
    status: int = 200
    full_page: bool = True


@dataclass(frozen=True)
class Taken:
    """A picture written, and what sticks out of the page's column at 1366 px (empty: nothing)."""

    path: Path
    overflowing: list[str]


class ShotFailed(RuntimeError):
    """A page did not answer as its shot expects (an error page instead of the page)."""


# The children of <main> wider than <main>: a table or a form the page's column cannot hold.
OVERFLOW_JS = """() => { const main = document.querySelector('main'); if (!main) return [];
  const edge = main.getBoundingClientRect().right - parseFloat(getComputedStyle(main).paddingRight) + 1;
  return [...main.children].filter(e => e.getBoundingClientRect().right > edge)
    .map(e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + (e.className ? '.' + e.className : '')); }"""


def _enrol(page: Any) -> None:
    """The token page: enrol one more device in the browser (the token is shown once)."""
    page.fill("#name", "portable-bordeaux-05")
    page.click("button.primary")
    page.wait_for_selector("#token")


# In order: a shot may change what the later ones show (the token page enrols a device).
SHOTS = [
    Shot("connexion", "/console/login", None),
    Shot("accueil-responsable", "/console/", "manager"),
    Shot("etudes", "/console/studies", "manager"),
    Shot("etude", "/console/studies/{study}", "manager"),
    Shot("etude-livree", "/console/studies/{delivered}", "manager"),
    Shot("appareils", "/console/devices", "manager"),
    Shot("appareil-jeton", "/console/devices", "manager", then=_enrol),
    Shot("resultats", "/console/results", "manager"),
    Shot("resultats-apercu", "/console/results/{study}", "manager"),
    Shot("resultats-apercu-ecran", "/console/results/{study}", "manager", full_page=False),
    Shot("echantillon", "/console/studies/{study}/sample", "manager"),
    Shot("avancement", "/console/studies/{study}/progress", "manager"),
    Shot("avancement-ecran", "/console/studies/{study}/progress", "manager", full_page=False),
    Shot("reunions-de-groupe", "/console/studies/{study}/groups", "manager"),
    Shot("mot-de-passe", "/console/password", "manager"),
    Shot("accueil-delegue", "/console/", "dpo"),
    Shot("journal", "/console/audit", "dpo"),
    Shot("conservation", "/console/retention", "dpo"),
    Shot("accueil-assureur", "/console/", "insurer"),
    Shot("resultats-assureur", "/console/results", "insurer"),
    Shot("acces-refuse", "/console/studies", "insurer", status=403),
    Shot("en-home", "/console/", "manager", lang="en"),
    Shot("en-results-preview", "/console/results/{study}", "manager", lang="en"),
    Shot("en-progress", "/console/studies/{study}/progress", "manager", lang="en", full_page=False),
]


def chromium_missing() -> str | None:
    """Why the console cannot be rendered here (None when it can)."""
    return None if CHROMIUM.is_file() else NO_CHROMIUM.format(path=CHROMIUM)


@dataclass
class DemoOffice:
    """The running demo office: its address and the studies the shots name."""

    url: str
    study: str  # the demo study, open, with interviews
    delivered: str  # the sample study, delivered (closed)


def _log_in(page: Any, url: str, role: str) -> None:
    email, password = ACCOUNTS[role]
    page.goto(f"{url}/console/login")
    page.fill("#email", email)
    page.fill("#password", password)
    page.click("button[type=submit]")
    page.wait_for_url(f"{url}/console/")


def _publish(page: Any, path: Path) -> None:
    page.goto(page.url.split("/console/")[0] + "/console/studies")
    page.set_input_files("#file", str(path))
    page.click("button.primary")
    page.wait_for_selector(".notice")


def _enrol_device(page: Any, url: str, study: str, name: str) -> str:
    page.goto(f"{url}/console/devices")
    page.select_option("#study", study)
    page.fill("#name", name)
    page.click("button.primary")
    return page.locator("#token").inner_text().strip()


def _set_up_by_the_manager(browser: Any, url: str, folder: Path) -> dict[str, str]:
    """The manager publishes both studies and enrols the devices in the console; returns tokens by name."""
    from etudes_desktop.demo.sample_study import sample_package
    from etudes_desktop.demo.seed import DEMO_STUDY_FILE
    from etudes_desktop.demo.server import DEMO_STUDY_ID
    from etudes_desktop.paths import resource_path

    sample = folder / "satisfaction-accueil-2026.json"
    sample.write_text(sample_package().model_dump_json(), encoding="utf-8")  # type: ignore[attr-defined]
    context = browser.new_context(locale="fr-FR", viewport=VIEWPORT)
    try:
        page = context.new_page()
        _log_in(page, url, "manager")
        _publish(page, resource_path(*DEMO_STUDY_FILE))
        _publish(page, sample)
        sample_id = sample_package().id  # type: ignore[attr-defined]
        tokens = {name: _enrol_device(page, url, study, name) for name, study in (
            ("portable-lyon-01", DEMO_STUDY_ID), ("portable-lille-02", DEMO_STUDY_ID),
            ("portable-nantes-03", DEMO_STUDY_ID), ("portable-accueil-04", sample_id))}
        page.goto(f"{url}/console/devices")
        page.locator("#devices tbody tr", has_text="portable-nantes-03").locator("button.danger").click()
        page.wait_for_selector(".notice")
        _sample_by_the_manager(page, url, folder, DEMO_STUDY_ID)
    finally:
        context.close()
    return tokens


def _sample_by_the_manager(page: Any, url: str, folder: Path, study: str) -> None:
    """The insurer's file (fictitious people) uploaded in the console, then shared between two laptops."""
    import csv

    from etudes_desktop.demo.seed import fictitious_people

    path = folder / "echantillon-assureur.csv"
    with path.open("w", encoding="utf-8", newline="") as out:
        writer = csv.writer(out, delimiter=";")
        writer.writerow(["Identifiant", "Civilité", "Nom", "Prénom", "Code postal", "Commune", "Téléphone"])
        for person in fictitious_people(120, random.Random(12), prefix="E"):
            writer.writerow([person.sample_id, person.title, person.last_name, person.first_name, person.postcode,
                             person.town, person.phone])
    page.goto(f"{url}/console/studies/{study}/sample")
    page.set_input_files("#file", str(path))
    page.locator("form.upload button.primary").click()
    page.wait_for_selector(".notice")
    for device, count in (("portable-lyon-01", 50), ("portable-lille-02", 40)):
        page.select_option("#device", label=device)
        page.fill("#count", str(count))
        page.locator("form.assign-form button.primary").click()
        page.wait_for_selector(".notice")


def _group_session(vault: Any, study: str) -> None:
    """One focus group held on the demo laptop (six walk-ins, one objection), closed to be synced."""
    import datetime as dt

    from etudes_desktop.core.interview import Decision
    from etudes_desktop.storage.groups import GroupService
    from etudes_desktop.storage.studies import load_study

    package = load_study(vault, study)
    groups = GroupService(vault)
    session = groups.create(study, dt.date.today(), "Salle 2, CPAM du Rhône, Lyon", "ANIM-03")
    for name in ("Lucie", "Hugo", "Inès", "Karim", "Manon", "Paul"):
        groups.add_walk_in(session, name)
    groups.deliver_notice(session, package.notice)  # type: ignore[union-attr]
    for n, seat in enumerate(groups.seats(session)):
        groups.decide(seat.id, Decision.OBJECTS if n == 3 else Decision.AGREES, package)  # type: ignore[arg-type]
    for text in ("P1 attend vingt minutes au guichet", "P2 préfère le compte en ligne", "P5 et P6 sont d'accord"):
        groups.add_note(session, text, package.group.note_themes()[0])  # type: ignore[union-attr]
    groups.close(session)


def _laptop_sync(folder: Path, url: str, tokens: list[tuple[str, str, int]]) -> None:
    """A real demo laptop: both studies, synthetic interviews (a third by phone), one sync per
    (token, study, count)."""
    from etudes_desktop.core.interview import Mode
    from etudes_desktop.demo import DEMO_PASSPHRASE, seed
    from etudes_desktop.demo.sample_study import sample_package
    from etudes_desktop.demo.server import configure_vault
    from etudes_desktop.paths import DataPaths
    from etudes_desktop.storage.studies import save_study
    from etudes_desktop.storage.vault import KdfParams, Vault
    from etudes_desktop.sync.engine import SyncEngine
    from etudes_desktop.sync.transport import HttpTransport

    vault, _code = Vault.create(DataPaths.for_data_dir(folder), DEMO_PASSPHRASE, kdf=KdfParams.fast())
    try:
        seed.import_demo_study(vault)
        save_study(vault, sample_package())  # type: ignore[arg-type]
        _group_session(vault, tokens[0][1])
        for n, (token, study, count) in enumerate(tokens):
            rng = random.Random(20 + n)
            seed.seed_interviews(vault, study, count - count // 3, rng)
            seed.seed_interviews(vault, study, count // 3, rng, mode=Mode.PHONE)
            configure_vault(vault, url, token)
            transport = HttpTransport(url, token)
            try:
                SyncEngine(vault, transport).run()
            finally:
                transport.close()
    finally:
        vault.close()


def _deliver(database_url: str, study: str, out: Path) -> None:
    import contextlib
    import io

    from etudes_desktop.server import cli

    with contextlib.redirect_stderr(io.StringIO()) as said:
        code = cli.main(["deliver", study, "--database-url", database_url, "--out", str(out)])
    if code != 0:
        raise RuntimeError(f"delivery of {study} failed: {said.getvalue().strip()}")


def start_office(stack: ExitStack, browser: Any, folder: Path, interviews: int = 60) -> DemoOffice:
    """The demo office, running until `stack` closes."""
    from etudes_desktop.demo.sample_study import sample_package
    from etudes_desktop.demo.server import DEMO_STUDY_ID
    from etudes_desktop.server.accounts import create_user
    from etudes_desktop.server.embedded import EmbeddedServer
    from etudes_desktop.server.office_store import OfficeStore
    from etudes_desktop.server.store import Store, sqlite_url

    database_url = sqlite_url(folder / "serveur")
    store = Store(database_url)
    stack.callback(store.close)
    office = OfficeStore(store)
    for role, (email, password) in ACCOUNTS.items():
        create_user(office, email, role, password)
    server = EmbeddedServer(store).start()
    stack.callback(server.stop)
    tokens = _set_up_by_the_manager(browser, server.url, folder)
    sample_id = sample_package().id  # type: ignore[attr-defined]
    _laptop_sync(folder / "portable", server.url, [(tokens["portable-lyon-01"], DEMO_STUDY_ID, interviews),
                                                   (tokens["portable-accueil-04"], sample_id, interviews // 2)])
    _deliver(database_url, sample_id, folder / "livraison")
    return DemoOffice(url=server.url, study=DEMO_STUDY_ID, delivered=sample_id)


def shoot(browser: Any, demo: DemoOffice, outdir: Path, shots: list[Shot] | None = None) -> list[Taken]:
    """Each shot with its own session per (role, language); returns the pictures written.
    ShotFailed when a page answers another status than its shot expects."""
    saved: list[Taken] = []
    contexts: dict[tuple[str | None, str], Any] = {}
    try:
        for shot in shots or SHOTS:
            key = (shot.role, shot.lang)
            if key not in contexts:
                contexts[key] = browser.new_context(locale=LANGS[shot.lang], viewport=VIEWPORT)
                contexts[key].set_default_timeout(20_000)
                if shot.role is not None:
                    _log_in(contexts[key].new_page(), demo.url, shot.role)
            page = contexts[key].pages[0] if contexts[key].pages else contexts[key].new_page()
            response = page.goto(demo.url + shot.path.format(study=demo.study, delivered=demo.delivered))
            if response is None or response.status != shot.status:
                raise ShotFailed(f"{shot.name}: {shot.path} answered {response and response.status}, "
                                 f"expected {shot.status}")
            if shot.then is not None:
                shot.then(page)
            path = outdir / f"{PREFIX}{shot.name}.png"
            page.screenshot(path=str(path), full_page=shot.full_page)
            saved.append(Taken(path, page.evaluate(OVERFLOW_JS)))
    finally:
        for context in contexts.values():
            context.close()
    return saved


def render_console(outdir: Path, *, interviews: int = 60, shots: list[Shot] | None = None) -> list[Taken]:
    """Every console page as PNG in `outdir` (earlier console-*.png replaced); [] without chromium."""
    reason = chromium_missing()
    if reason:
        print(reason, file=sys.stderr)
        return []
    from playwright.sync_api import sync_playwright

    outdir.mkdir(parents=True, exist_ok=True)
    for old in outdir.glob(f"{PREFIX}*.png"):
        old.unlink()
    with tempfile.TemporaryDirectory(prefix="etudes-console-shots-") as tmp, sync_playwright() as driver, \
            ExitStack() as stack:
        browser = driver.chromium.launch(executable_path=str(CHROMIUM), headless=True)
        stack.callback(browser.close)
        demo = start_office(stack, browser, Path(tmp), interviews)
        return shoot(browser, demo, outdir, shots)


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    for taken in render_console(Path(args[0] if args else "docs/screenshots")):
        print(taken.path)
        if taken.overflowing:
            print(f"console screenshots: {taken.path.name}: wider than the page: {', '.join(taken.overflowing)}",
                  file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
