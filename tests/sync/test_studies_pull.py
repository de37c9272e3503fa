"""A real laptop vault pulls the study published on the real server at sync, and its next
interviews use the new version and its notice without reinstalling anything."""

from __future__ import annotations

from pathlib import Path

from etudes_desktop.core.interview import text_sha256
from etudes_desktop.demo.seed import seed_interviews
from etudes_desktop.server.office_store import OfficeStore
from etudes_desktop.server.publishing import publish_file
from etudes_desktop.storage import audit
from etudes_desktop.storage.studies import list_studies, load_study
from etudes_desktop.sync.studies_pull import SETTING_STUDIES_ETAG
from etudes_desktop.sync.engine import read_setting
from tests.console.forms import STUDY, good_form, notice_text
from tests.sync import seed as s
from tests.sync.conftest import Field


def _publish(field: Field, path: Path) -> str:
    return publish_file(OfficeStore(field.store), path.name, path.read_bytes(), actor="cli", role=None)[1]


def test_a_published_study_reaches_the_laptop_and_serves_new_interviews(field_setup: Field, tmp_path) -> None:
    vault = field_setup.vault
    assert _publish(field_setup, good_form(tmp_path, "1")) == "created"
    report = field_setup.engine().run()
    assert report.study_update == "created" and report.sent == 0
    assert load_study(vault, STUDY).version == "1"
    seed_interviews(vault, STUDY, 2)  # two interviews under version 1 and its notice
    first = field_setup.engine().run()
    assert first.accepted == 2 and first.study_update == "unchanged"  # the ETag answered 304
    assert read_setting(vault, SETTING_STUDIES_ETAG)

    assert _publish(field_setup, good_form(tmp_path, "2", notice_version="2027-01", extra_question=True)) == "version"
    assert field_setup.engine().run().study_update == "updated"
    package = load_study(vault, STUDY)
    assert package.version == "2" and package.notice.version == "2027-01"
    assert any(item.name == "delai" for item in package.questionnaire.walk())
    seed_interviews(vault, STUDY, 1)  # the next interview: version 2, its notice
    report = field_setup.engine().run()
    assert report.accepted == 1 and report.rejected == 0
    received = {r["payload"]["study_version"]: r["payload"]["consent"]
                for r in field_setup.store.iter_interviews(STUDY)}
    assert set(received) == {"1", "2"}
    assert received["2"]["notice_version"] == "2027-01"
    assert received["2"]["text_sha256"] == package.notice.sha256 == text_sha256(notice_text("2027-01"))
    events = [e.event for e in audit.entries(vault.conn)]
    assert events.count("study_created") == 1 and events.count("study_updated") == 1


def test_a_notice_the_server_never_published_stays_on_the_laptop(field_setup: Field, tmp_path) -> None:
    _publish(field_setup, good_form(tmp_path, "1"))
    ids = s.seed(field_setup.vault, 3)  # consents under a notice the server does not know
    report = field_setup.engine().run()
    assert report.rejected == 3 and report.accepted == 0 and field_setup.on_server() == 0
    rows = field_setup.vault.conn.execute("SELECT * FROM interview WHERE id IN (?, ?, ?)", ids).fetchall()
    assert {r["state"] for r in rows} == {"rejected"}
    assert all(r["receipt_reason"].startswith("unknown_notice") for r in rows)
    assert {r["receipt_code"] for r in rows} == {"unknown_notice"}  # the sync panel words it by this code


def test_a_study_closed_on_the_server_is_closed_on_the_laptop(field_setup: Field, tmp_path) -> None:
    _publish(field_setup, good_form(tmp_path, "1"))
    field_setup.engine().run()
    assert list_studies(field_setup.vault)[0].closed_at is None
    OfficeStore(field_setup.store).close_study(STUDY, "cli", None)
    report = field_setup.engine().run()
    assert report.study_update == "closed"
    assert list_studies(field_setup.vault)[0].closed_at is not None
    assert "study_closed" in [e.event for e in audit.entries(field_setup.vault.conn)]
    assert field_setup.engine().run().study_update == "unchanged"


def test_nothing_published_changes_nothing(field_setup: Field) -> None:
    ids = s.seed(field_setup.vault, 2)
    report = field_setup.engine().run()
    assert report.study_update == "none" and report.accepted == 2 and set(ids)
    assert [st.version for st in list_studies(field_setup.vault)] == ["1.0"]  # the hand-imported study stays
