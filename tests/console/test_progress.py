"""The progress page of a study against the real server: the counts move after a real laptop's
sync, silent devices are listed, the AAPOR rates equal a hand computation, the insurer and the DPO
are refused, no respondent's identity ever reaches the HTML, interviews received before the facts
table existed are counted, and in a real browser the figures refresh without a reload."""

from __future__ import annotations

import html
import re
import time
from pathlib import Path

import httpx
from sqlalchemy import text

from etudes_desktop.server.progress_store import ProgressStore
from etudes_desktop.server.store import Store
from etudes_desktop.storage.vault import KdfParams, Vault
from etudes_desktop.sync.engine import SyncEngine
from etudes_desktop.sync.transport import HttpTransport
from tests.conftest import TEST_PASSPHRASE
from tests.console.conftest import Office
from tests.server import factory as f
from tests.sync import seed as s

STUDY = s.STUDY  # the seeded laptops' study, enrolled from the command line (not published here)
PAGE = f"/console/studies/{STUDY}/progress"


def laptop(tmp_path: Path, name: str) -> Vault:
    from etudes_desktop.paths import DataPaths

    paths = DataPaths(data_dir=tmp_path / f"{name}-data", log_dir=tmp_path / f"{name}-logs")
    vault, _code = Vault.create(paths, TEST_PASSPHRASE, kdf=KdfParams.fast())
    return vault


def sync(office: Office, vault: Vault, token: str) -> None:
    report = SyncEngine(vault, HttpTransport(office.url, token, timeout=10), sleep=lambda _s: None).run()
    assert report.outcome == "ok", report


def figure(body: str, element_id: str) -> str:
    found = re.search(rf'id="{element_id}"[^>]*>([^<]*)<', body)
    assert found, element_id
    return html.unescape(found.group(1)).replace("\u202f", " ").strip()


def rows(body: str, table_id: str) -> list[list[str]]:
    """The body rows of a table, each as its cells' texts."""
    table = re.search(rf'<table id="{table_id}".*?<tbody>(.*?)</tbody>', body, re.S)
    assert table, table_id
    out = []
    for row in re.findall(r"<tr[^>]*>(.*?)</tr>", table.group(1), re.S):
        cells = re.findall(r"<t[hd][^>]*>(.*?)</t[hd]>", row, re.S)
        out.append([html.unescape(re.sub(r"<[^>]+>", "", c)).replace("\u202f", " ").strip() for c in cells])
    return out


def test_the_counts_change_after_a_real_laptop_sync(office: Office, tmp_path: Path) -> None:
    _, token = office.store.enroll(STUDY, "portable-01")
    office.store.enroll(STUDY, "portable-02")
    client, _csrf = office.login("manager")
    before = client.get(PAGE)
    assert before.status_code == 200
    assert figure(before.text, "total") == "0" and figure(before.text, "total-completed") == "0"

    vault = laptop(tmp_path, "laptop-1")
    try:
        s.seed(vault, 6, objected_every=3)  # interviews 0 and 3 objected: 4 completes, 2 objections
        sync(office, vault, token)
    finally:
        vault.close()

    after = client.get(PAGE)
    assert after.status_code == 200
    body = after.text
    assert (figure(body, "total"), figure(body, "total-completed"), figure(body, "total-objected")) == ("6", "4", "2")
    assert rows(body, "by-mode") == [["Téléphone", "4", "2", "6"]]
    assert rows(body, "by-day") == [["2026-11-20", "4", "2"]]
    devices = {row[0]: row for row in rows(body, "by-device")}
    assert devices["portable-01"][1:4] == ["Actif", "4", "2"] and devices["portable-01"][4] != "jamais"
    assert devices["portable-02"][1:5] == ["Actif", "0", "0", "jamais"]
    assert rows(body, "by-interviewer") == [["enq-7f3a", "4", "2", "66,7 %", "66,7 %", "66,7 %", "33,3 %", "100,0 %"]]
    assert "<svg" in body and 'role="img"' in body and "<desc" in body  # the chart, with its text alternative
    # counts only: no name, sample id, phone, e-mail, address nor free-text answer of the seeded people
    for leftover in ("MARQUEUR", "marqueur", "Camille", "0600000", "rue "):
        assert leftover not in body
    assert not re.search(r"S-\d+-\d{6}", body), "a seeded sample id reached the page"  # S-<crc>-<index>


def test_the_rates_equal_a_hand_computation(office: Office) -> None:
    """Interviewer A: 3 completes, 1 objection; B: 1 complete, 3 objections. One case per interview
    (I: completes, R: objections; no call reached the server): RR1 = RR3 = COOP1 = I / (I + R),
    REF1 = R / (I + R), CON1 = (I + R) / (I + R)."""
    _, token = office.store.enroll(STUDY, "portable-01")
    items = []
    for interviewer, completes, objections in (("enq-aaaa", 3, 1), ("enq-bbbb", 1, 3)):
        for n in range(completes + objections):
            item = f.interview(STUDY, seed=n, objected=n >= completes)
            item["payload"]["interviewer"] = item["payload"]["consent"]["interviewer"] = interviewer
            item["content_sha256"] = f.p.content_hash(item["payload"])
            items.append(item)
    with httpx.Client(base_url=office.url) as api:
        answer = api.post("/v1/batches", json=f.batch(items, STUDY), headers={"Authorization": f"Bearer {token}"})
    assert answer.status_code == 200 and {r["status"] for r in answer.json()["receipts"]} == {"accepted"}
    client, _csrf = office.login("manager")
    body = client.get(PAGE).text
    assert rows(body, "rates") == [["50,0 %", "50,0 %", "50,0 %", "50,0 %", "100,0 %"]]
    assert rows(body, "by-interviewer") == [
        ["enq-aaaa", "3", "1", "75,0 %", "75,0 %", "75,0 %", "25,0 %", "100,0 %"],
        ["enq-bbbb", "1", "3", "25,0 %", "25,0 %", "25,0 %", "75,0 %", "100,0 %"],
    ]
    english = client.get(PAGE, headers={"Accept-Language": "en"}).text
    assert rows(english, "rates") == [["50.0%", "50.0%", "50.0%", "50.0%", "100.0%"]]


def test_devices_silent_for_more_than_n_days_are_listed(office: Office) -> None:
    tokens = {name: office.store.enroll(STUDY, name)[1] for name in ("portable-01", "portable-02", "portable-03")}
    lost, _ = office.store.enroll(STUDY, "portable-04")
    office.store.revoke(device_id=lost.id)
    api = office.client()

    def contact(name: str) -> None:
        answer = api.get("/v1/device", headers={"Authorization": f"Bearer {tokens[name]}"})
        assert answer.status_code == 200

    contact("portable-01")
    contact("portable-02")  # then nothing more from portable-02; portable-03 never called at all
    office.clock.advance(days=4)
    contact("portable-01")
    client, _csrf = office.login("manager")
    body = client.get(PAGE).text
    silent = re.findall(r"<li>([^<]*?) —", re.search(r'<ul id="silent">(.*?)</ul>', body, re.S).group(1))
    assert silent == ["portable-02", "portable-03"]  # not the revoked one
    assert "Appareils silencieux depuis plus de 3 jours" in body
    assert "Appareils silencieux depuis plus d'un jour" in html.unescape(client.get(PAGE, params={"days": "1"}).text)
    assert "silent-none" in client.get(PAGE, params={"days": "5"}).text
    wrong = client.get(PAGE, params={"days": "trois"})
    assert wrong.status_code == 422 and "Traceback" not in wrong.text
    assert "Nombre de jours : un entier de 1 à 365 ; la valeur par défaut (3) est utilisée." in html.unescape(wrong.text)
    assert "Appareils silencieux depuis plus de 3 jours" in wrong.text


def test_a_device_contact_is_written_at_most_once_a_minute(office: Office) -> None:
    device, token = office.store.enroll(STUDY, "portable-01")
    progress = ProgressStore(office.store)

    def last_seen() -> str | None:
        return next(d.last_seen_at for d in progress.progress(STUDY).by_device if d.id == device.id)

    assert last_seen() is None
    office.store.authenticate(token)
    first = last_seen()
    assert first is not None
    office.clock.advance(seconds=30)
    office.store.authenticate(token)
    assert last_seen() == first  # within the minute: not written again
    office.clock.advance(seconds=31)
    office.store.authenticate(token)
    assert last_seen() > first


def test_the_insurer_and_the_dpo_are_refused(office: Office) -> None:
    _, token = office.store.enroll(STUDY, "portable-01")
    with httpx.Client(base_url=office.url) as api:
        api.post("/v1/batches", json=f.batch(f.many(3, STUDY), STUDY), headers={"Authorization": f"Bearer {token}"})
    for role in ("insurer", "dpo"):
        client, _csrf = office.login(role)
        for path in (PAGE, PAGE + "?fragment=1", "/console/progress"):
            answer = client.get(path)
            assert answer.status_code == 403 and "ne donne pas accès à cette page" in html.unescape(answer.text)
            assert "portable-01" not in answer.text and "enq-7f3a" not in answer.text


def test_interviews_received_before_the_facts_table_are_counted(office: Office) -> None:
    _, token = office.store.enroll(STUDY, "portable-01")
    with httpx.Client(base_url=office.url) as api:
        api.post("/v1/batches", json=f.batch(f.many(5, STUDY) + f.many(2, STUDY, objected=True), STUDY),
                 headers={"Authorization": f"Bearer {token}"})
    with office.store.engine.begin() as conn:  # an older server's database: interviews, no facts, no contacts
        conn.execute(text("DROP TABLE interview_facts"))
        conn.execute(text("DROP TABLE device_contacts"))
    for _reopen in range(2):  # the backfill runs when the store opens, and twice changes nothing
        reopened = Store(office.store.url)
        try:
            progress = ProgressStore(reopened).progress(STUDY)
        finally:
            reopened.close()
        assert (progress.total.completed, progress.total.objected) == (5, 2)
        assert progress.by_day == [("2026-11-29", progress.total)] and list(progress.by_interviewer) == ["enq-7f3a"]
        assert progress.by_device[0].last_seen_at is not None  # from its last batch


def test_the_figures_alone_for_the_refresh(office: Office) -> None:
    office.store.enroll(STUDY, "portable-01")
    client, _csrf = office.login("manager")
    fragment = client.get(PAGE, params={"fragment": "1"})
    assert fragment.status_code == 200 and fragment.headers["X-Etudes-Fragment"] == "progress"
    assert "<html" not in fragment.text and 'id="total-completed"' in fragment.text
    assert "script-src 'self'" in fragment.headers["Content-Security-Policy"]
    anonymous = office.client().get(PAGE, params={"fragment": "1"})
    assert anonymous.status_code == 303 and "X-Etudes-Fragment" not in anonymous.headers  # the script stops
    assert office.client().get("/console/static/progress.js").status_code == 200


def test_an_unknown_study_is_a_french_404(office: Office) -> None:
    client, _csrf = office.login("manager")
    answer = client.get("/console/studies/inconnue/progress")
    assert answer.status_code == 404
    assert "Aucune étude publiée ni aucun appareil ne porte cet identifiant." in html.unescape(answer.text)


def test_the_list_links_each_study(office: Office) -> None:
    office.store.enroll(STUDY, "portable-01")
    client, _csrf = office.login("manager")
    listing = client.get("/console/progress")
    assert listing.status_code == 200 and f'href="{PAGE}"' in listing.text


# -- in a real browser -----------------------------------------------------------------------------

def test_the_figures_refresh_without_a_reload(page, office_sqlite: Office) -> None:
    from playwright.sync_api import expect

    from tests.console.test_browser import log_in

    office = office_sqlite
    _, token = office.store.enroll(STUDY, "portable-01")
    log_in(page, office, "manager")
    page.click("nav >> text=Avancement")
    page.click("#progress-studies a")
    page.wait_for_url(f"**{PAGE}")
    assert page.locator("#total-completed").inner_text() == "0"
    assert page.locator("#auto-refresh").is_checked()  # the script is allowed by the page's policy, and ran
    page.goto(f"{office.url}{PAGE}?every=2")
    page.evaluate("window.__notReloaded = true")
    with httpx.Client(base_url=office.url) as api:
        answer = api.post("/v1/batches", json=f.batch(f.many(3, STUDY), STUDY),
                          headers={"Authorization": f"Bearer {token}"})
        assert answer.status_code == 200
    expect(page.locator("#total-completed")).to_have_text("3", timeout=10_000)
    assert page.evaluate("window.__notReloaded === true")  # the same document: refreshed, not reloaded
    assert page.locator("#by-device tbody tr", has_text="portable-01").inner_text().split("\t")[2].strip() == "3"
    page.locator("#auto-refresh").uncheck()  # the person can stop the updates (WCAG 2.2.2)
    with httpx.Client(base_url=office.url) as api:
        api.post("/v1/batches", json=f.batch(f.many(2, STUDY), STUDY), headers={"Authorization": f"Bearer {token}"})
    time.sleep(3)
    assert page.locator("#total-completed").inner_text() == "3"
    page.click("#refresh")
    expect(page.locator("#total-completed")).to_have_text("5")


def test_the_page_is_usable_with_the_keyboard(page, office_sqlite: Office) -> None:
    from tests.console.test_browser import log_in

    office = office_sqlite
    office.store.enroll(STUDY, "portable-01")
    log_in(page, office, "manager")
    page.goto(f"{office.url}{PAGE}")
    page.locator("#days").focus()
    page.keyboard.press("Control+a")
    page.keyboard.type("7")
    page.keyboard.press("Enter")
    page.wait_for_url("**days=7**")
    assert "Appareils silencieux depuis plus de 7 jours" in page.content()
    assert page.locator("label[for=days]").inner_text() == "Appareils silencieux depuis plus de (jours)"


def test_the_rates_from_the_laptops_calls_equal_a_hand_computation(office: Office) -> None:
    """Six cases reported by the laptops (AAPOR categories in brackets):
    A (enq-aaaa): no answer, then refusal [R]; B (enq-aaaa): busy, then completed [I];
    C (enq-aaaa): no answer twice [UH]; D (enq-bbbb): message left [NC]; E (enq-bbbb): objected [R];
    F (enq-bbbb): wrong number [NE].
    Study: I=1, R=2, NC=1, UH=1, NE=1; e = (I+R+NC) / (I+R+NC+NE) = 4/5.
    RR1 = I / (I+R+NC+UH) = 1/5 = 20.0 %; RR3 = I / (I+R+NC + e·UH) = 1/4.8 = 20.8 %;
    COOP1 = I / (I+R) = 1/3 = 33.3 %; REF1 = R / (I+R+NC+UH) = 2/5 = 40.0 %;
    CON1 = (I+R) / (I+R+NC+UH) = 3/5 = 60.0 %.
    enq-aaaa (A, B, C): I=1, R=1, UH=1, e = 1: RR1 = RR3 = 1/3, COOP1 = 1/2, REF1 = 1/3, CON1 = 2/3.
    enq-bbbb (D, E, F): R=1, NC=1, NE=1: RR1 = RR3 = COOP1 = 0, REF1 = 1/2, CON1 = 1/2."""
    import hashlib

    _, token = office.store.enroll(STUDY, "portable-01")
    story = {"A": ("enq-aaaa", ["no_answer", "refusal"], None), "B": ("enq-aaaa", ["busy"], "completed"),
             "C": ("enq-aaaa", ["no_answer", "no_answer"], None), "D": ("enq-bbbb", ["message_left"], None),
             "E": ("enq-bbbb", [], "objected"), "F": ("enq-bbbb", ["wrong_number"], None)}
    events, number = [], 0
    for case, (interviewer, calls, outcome) in story.items():
        digest = hashlib.sha256(f"case-{case}".encode()).hexdigest()
        for kind, disposition in [("call", c) for c in calls] + ([(outcome, None)] if outcome else []):
            number += 1
            events.append({"id": number, "case": digest, "kind": kind, "at": f"2026-11-20T09:{number:02d}:00Z",
                           "interviewer": interviewer, "disposition": disposition})
    with httpx.Client(base_url=office.url) as api:
        answer = api.post("/v1/case-events", json={"protocol_version": 1, "study_id": STUDY, "events": events},
                          headers={"Authorization": f"Bearer {token}"})
    assert answer.status_code == 200 and answer.json()["received"] == len(events)
    client, _csrf = office.login("manager")
    body = client.get(PAGE).text
    assert rows(body, "rates") == [["20,0 %", "20,8 %", "33,3 %", "40,0 %", "60,0 %"]]
    assert rows(body, "by-interviewer") == [
        ["enq-aaaa", "0", "0", "33,3 %", "33,3 %", "50,0 %", "33,3 %", "66,7 %"],
        ["enq-bbbb", "0", "0", "0,0 %", "0,0 %", "0,0 %", "50,0 %", "50,0 %"],
    ]
    assert "sur 6 cas" in html.unescape(body)
    for digest_part in (hashlib.sha256(b"case-A").hexdigest()[:12],):
        assert digest_part not in body  # not even the opaque case digests
