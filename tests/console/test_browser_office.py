"""A study run from the console, end to end, in a real browser (Debian's Chromium) against the real
server and a real laptop: the manager publishes the form, enrols a laptop, uploads and assigns the
sample; the laptop's sync brings it the study and its people; the progress page changes after the
laptop's next sync without a reload; the manager revokes the laptop, which sends what it holds and
wipes the study; an insurer reaches no row anywhere."""

from __future__ import annotations

import html
from datetime import UTC, datetime
from pathlib import Path

from etudes_desktop.core.interview import ConsentRecord, Decision, Mode
from etudes_desktop.storage.interviews import InterviewStore
from etudes_desktop.storage.respondents import RespondentRepository
from etudes_desktop.storage.studies import load_study
from etudes_desktop.sync.engine import SyncEngine
from etudes_desktop.sync.transport import HttpTransport
from tests.console.conftest import Office
from tests.console.forms import STUDY, good_form
from tests.console.test_browser import log_in
from tests.console.test_progress import laptop
from tests.server.cases_files import PLANTED_NAME, PLANTED_PHONE, sample_file


def _sync(office: Office, vault, token: str):
    return SyncEngine(vault, HttpTransport(office.url, token, timeout=10), sleep=lambda _s: None).run()


def _interview(vault, respondent_id: int, agrees: bool) -> None:
    package = load_study(vault, STUDY)
    store = InterviewStore(vault)
    store.set_profile("Enquêteur Test", "enq-0042")
    now = datetime.now(UTC)
    interview = store.start(STUDY, package.version, Mode.PHONE, respondent_id)
    store.record_consent(interview, ConsentRecord(
        notice_id=package.notice.id, notice_version=package.notice.version, text_sha256=package.notice.sha256,
        mode=Mode.PHONE, interviewer="enq-0042", delivered_at=now, decided_at=now,
        decision=Decision.AGREES if agrees else Decision.OBJECTS))
    if agrees:
        store.complete(interview)


def test_a_study_run_from_the_console_to_the_last_sync(page, chromium, office_sqlite: Office, tmp_path: Path) -> None:
    from playwright.sync_api import expect

    office = office_sqlite
    log_in(page, office, "manager")
    # publish
    page.click("nav >> text=Études")
    page.set_input_files("#file", str(good_form(tmp_path, "1")))
    page.click("text=Vérifier et publier")
    assert page.locator(".notice").inner_text().startswith(f"Étude {STUDY} publiée (version 1).")
    # enrol a laptop: the token is shown once
    page.click("nav >> text=Appareils")
    page.select_option("#study", STUDY)
    page.fill("#name", "portable-rennes-01")
    page.click("text=Inscrire et afficher le jeton")
    token = page.locator("#token").inner_text().strip()
    # import the insurer's sample and assign five people to the laptop
    page.goto(f"{office.url}/console/studies/{STUDY}/sample")
    page.set_input_files("#file", str(sample_file(tmp_path, 12)))
    page.locator("form.upload button.primary").click()
    assert "personnes importées : 12" in page.locator(".notice").first.inner_text()
    page.select_option("#device", label="portable-rennes-01")
    page.fill("#count", "5")
    page.locator("form.assign-form button.primary").click()
    expect(page.locator(".notice").first).to_contain_text("5")
    assert PLANTED_NAME not in page.content() and PLANTED_PHONE not in page.content()  # counts, never a person

    # the laptop's first sync: the study and its five people come down
    vault = laptop(tmp_path, "rennes")
    try:
        first = _sync(office, vault, token)
        assert first.study_update == "created" and first.assigned_added == 5
        people = RespondentRepository(vault).list(STUDY)
        assert len(people) == 5

        # the progress page, open in the browser, changes after the next sync without a reload
        page.goto(f"{office.url}/console/studies/{STUDY}/progress?every=2")
        assert page.locator("#total-completed").inner_text() == "0"
        page.evaluate("window.__notReloaded = true")
        _interview(vault, people[0].id, agrees=True)
        _interview(vault, people[1].id, agrees=False)
        second = _sync(office, vault, token)
        assert second.accepted == 2 and second.case_events_sent >= 2
        expect(page.locator("#total-completed")).to_have_text("1", timeout=10_000)
        assert page.evaluate("window.__notReloaded === true")
        sample_page = html.unescape(page.context.request.get(f"{office.url}/console/studies/{STUDY}/sample").text())
        assert "Oppositions" in sample_page

        # revoke: the laptop sends what it holds, then wipes the study, and the console says so
        _interview(vault, people[2].id, agrees=True)
        page.goto(f"{office.url}/console/devices")
        page.locator("#devices tbody tr", has_text="portable-rennes-01").get_by_role(
            "button", name="Révoquer portable-rennes-01").click()
        assert "effacement demandé" in page.locator("#devices tbody tr", has_text="portable-rennes-01").inner_text()
        last = _sync(office, vault, token)
        assert last.wiped and last.accepted == 1
        assert RespondentRepository(vault).list(STUDY) == []
        page.reload()
        assert "effacées sur l'ordinateur" in page.locator("#devices tbody tr", has_text="portable-rennes-01").inner_text()
    finally:
        vault.close()

    # the insurer: the deliverable's page only, never a row
    insurer = chromium.new_context(locale="fr-FR")
    try:
        tab = insurer.new_page()
        log_in(tab, office, "insurer")
        for path in (f"/console/studies/{STUDY}/sample", f"/console/studies/{STUDY}/progress",
                     f"/console/studies/{STUDY}/groups", "/console/devices", "/console/studies", "/console/audit"):
            answer = tab.goto(f"{office.url}{path}")
            assert answer is not None and answer.status == 403, path
            assert PLANTED_NAME not in tab.content() and "enq-0042" not in tab.content()
        assert tab.goto(f"{office.url}/console/results").status == 200
    finally:
        insurer.close()
