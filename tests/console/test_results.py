"""The insurer's deliverable in the console: the manager previews protected tables, the insurer
downloads them (never a row), every download audited; in a real browser too."""

from __future__ import annotations

import csv
import html
import io
import json

import pytest

from etudes_desktop.core.interview import text_sha256
from etudes_desktop.server.publishing import publish_file
from etudes_desktop.sync import protocol as p
from etudes_desktop.sync.protocol import Batch
from tests.console.conftest import Office
from tests.console.forms import STUDY, TITLE, good_form, notice_text
from tests.server import factory as f


def _collect(office: Office, tmp_path, yes: int, no: int) -> None:
    """A published study and its interviews on the server: `yes` « oui », `no` « non »."""
    publish_file(office.office, "v1.xlsx", good_form(tmp_path, "1", notice_version="2027-01",
                                                     attributes="age_band").read_bytes(), actor="cli", role=None)
    device, _token = office.store.enroll(STUDY, "portable-01")
    items = []
    for n in range(yes + no):
        item = f.interview(STUDY)
        payload = item["payload"]
        payload["study_version"] = "1"
        payload["answers"] = {"satisfait": "oui" if n < yes else "non", "note": 7,
                              "commentaire": f"Mme Personne-{n} était là"}
        payload["attributes"] = {"age_band": "35-44"}
        payload["consent"]["text_sha256"] = text_sha256(notice_text("2027-01"))
        item["content_sha256"] = p.content_hash(payload)
        items.append(item)
    receipts = office.store.ingest(device, Batch.model_validate(f.batch(items, STUDY)),
                                   office.office.notice_hashes(STUDY), office.office.declared_attributes(STUDY))
    assert {r.status for r in receipts.receipts} == {"accepted"}


def _deliver(office: Office) -> None:
    manager, csrf = office.login("manager")
    assert manager.post(f"/console/results/{STUDY}/deliver", data={"csrf": csrf, "confirm": "yes"}).status_code == 303


def test_the_manager_previews_and_the_insurer_downloads_protected_counts(office: Office, tmp_path) -> None:
    _collect(office, tmp_path, yes=30, no=4)
    manager, _ = office.login("manager")
    listing = html.unescape(manager.get("/console/results").text)
    assert TITLE in listing and "/console/results/" in listing
    preview = html.unescape(manager.get(f"/console/results/{STUDY}").text)
    assert "Êtes-vous satisfait ?" in preview and "< 11" in preview, "4 « non »: hidden under the threshold"
    satisfied = preview.split('data-table="satisfait"')[1].split("</table>")[0].replace(" ", "")
    # 30 « oui » would give the 4 « non » back from the total of 34: it is hidden too (secondary)
    assert ">&lt;11<" in satisfied or "><11<" in satisfied
    assert '>s<' in satisfied and ">34<" in satisfied
    insurer, _ = office.login("insurer")
    assert insurer.get(f"/console/results/{STUDY}").status_code == 403  # the tables' preview is the manager's
    early = insurer.get(f"/console/results/{STUDY}/csv")  # one release only: the delivered one
    assert early.status_code == 404 and "pas encore livrés" in html.unescape(early.text)
    assert "À la livraison" in html.unescape(insurer.get("/console/results").text)
    _deliver(office)
    got = insurer.get(f"/console/results/{STUDY}/csv")
    assert got.status_code == 200 and got.headers["content-type"].startswith("text/csv")
    assert "attachment" in got.headers["content-disposition"]
    text = got.content.decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text), delimiter=";"))
    assert any("34" in r for r in rows) and not any("30" in r or "4" in r for r in rows if "oui" in " ".join(r).lower())
    assert "Personne-" not in text and "portable-01" not in text and "enq-7f3a" not in text
    doc = json.loads(insurer.get(f"/console/results/{STUDY}/json").content)
    published = [v for t in doc["tables"] for row in t["cells"] for v in row if v is not None]
    assert published and all(v == 0 or v >= 11 for v in published)
    assert insurer.get(f"/console/results/{STUDY}/docx").status_code == 404
    journal = [(e["action"], e["object_id"]) for e in office.office.audit_entries(50)]
    assert ("results_downloaded", f"{STUDY} (csv)") in journal


def test_a_study_without_interviews_says_so_and_serves_nothing(office: Office, tmp_path) -> None:
    publish_file(office.office, "v1.xlsx", good_form(tmp_path, "1").read_bytes(), actor="cli", role=None)
    manager, _ = office.login("manager")
    answer = manager.get(f"/console/results/{STUDY}/pdf")
    assert answer.status_code == 404 and "pas encore de résultats" in html.unescape(answer.text)
    insurer, _ = office.login("insurer")
    answer = insurer.get(f"/console/results/{STUDY}/pdf")
    assert answer.status_code == 404 and "pas encore livrés" in html.unescape(answer.text)


@pytest.mark.usefixtures("office_sqlite")
def test_an_insurer_downloads_the_csv_in_a_browser(page, office_sqlite: Office, tmp_path) -> None:
    from tests.console.test_browser import log_in

    _collect(office_sqlite, tmp_path, yes=25, no=12)
    _deliver(office_sqlite)
    log_in(page, office_sqlite, "insurer")
    page.click("nav >> text=Résultats")
    assert page.locator("h1").inner_text() == "Résultats agrégés"
    with page.expect_download() as caught:
        page.click(f"tr[data-study='{STUDY}'] >> text=CSV")
    saved = tmp_path / "resultats.csv"
    caught.value.save_as(saved)
    text = saved.read_bytes().decode("utf-8-sig")
    assert "25" in text and "12" in text and "Personne-" not in text


def test_the_manager_delivers_from_the_console_once_confirmed(office: Office, tmp_path) -> None:
    _collect(office, tmp_path, yes=30, no=4)
    manager, csrf = office.login("manager")
    unconfirmed = manager.post(f"/console/results/{STUDY}/deliver", data={"csrf": csrf})
    assert unconfirmed.status_code == 422 and "Cochez la case" in html.unescape(unconfirmed.text)
    assert office.store.delivery(STUDY) is None
    done = manager.post(f"/console/results/{STUDY}/deliver", data={"csrf": csrf, "confirm": "yes"})
    assert done.status_code == 303
    page = html.unescape(manager.get(done.headers["location"]).text)
    assert "Étude livrée" in page and "Livrer l'étude" not in page
    delivery = office.store.delivery(STUDY)
    assert delivery is not None and {f["name"].rsplit(".", 1)[1] for f in delivery.files} == {"csv", "xlsx", "pdf", "json"}
    assert office.office.studies(STUDY)[0].closed_at is not None  # closed to new interviews
    again = manager.post(f"/console/results/{STUDY}/deliver", data={"csrf": csrf, "confirm": "yes"})
    assert again.status_code == 422 and "déjà été livrée" in html.unescape(again.text)
    insurer, _ = office.login("insurer")
    assert "Livrée le" in html.unescape(insurer.get("/console/results").text)
    assert ("study_delivered", STUDY) in [(e["action"], e["object_id"]) for e in office.office.audit_entries(50)]


def test_the_insurer_receives_the_very_files_delivered_never_a_later_count(office: Office, tmp_path) -> None:
    """The manager's working copy follows the interviews received; what the insurer downloads is
    the delivery, byte for byte (its SHA-256 the one frozen), whatever arrives or is erased later."""
    import hashlib

    _collect(office, tmp_path, yes=30, no=4)
    manager, _ = office.login("manager")
    before = manager.get(f"/console/results/{STUDY}/json").content
    _deliver(office)
    frozen = {f["name"].rsplit(".", 1)[1]: f["sha256"] for f in office.store.delivery(STUDY).files}
    insurer, _ = office.login("insurer")
    for fmt in ("csv", "xlsx", "pdf", "json"):
        got = insurer.get(f"/console/results/{STUDY}/{fmt}")
        assert got.status_code == 200 and hashlib.sha256(got.content).hexdigest() == frozen[fmt], fmt
    assert json.loads(insurer.get(f"/console/results/{STUDY}/json").content) == json.loads(before)
    from sqlalchemy import delete

    from etudes_desktop.server.store import interviews

    with office.store.engine.begin() as conn:  # an erasure after delivery: the tables counted now differ
        conn.execute(delete(interviews).where(interviews.c.id.in_(
            [r for r in conn.execute(interviews.select().with_only_columns(interviews.c.id)).scalars()][:20])))
    for who in (insurer, manager):
        again = who.get(f"/console/results/{STUDY}/json")
        assert again.status_code == 200 and hashlib.sha256(again.content).hexdigest() == frozen["json"]
