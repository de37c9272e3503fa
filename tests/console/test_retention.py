"""The DPO's retention page: delivered studies, the day their supplied files must be gone, what the
server still holds; one button destroys what is due (as `etudes-server retention run`)."""

from __future__ import annotations

import html
from pathlib import Path

from etudes_desktop.server.cases_import_store import import_sample
from etudes_desktop.server.cases_store import CasesStore
from etudes_desktop.server.publishing import publish_file
from tests.console.conftest import Office
from tests.console.forms import STUDY, good_form
from tests.server.cases_files import sample_file


def test_the_dpo_sees_what_is_due_and_destroys_it(office: Office, tmp_path: Path) -> None:
    form = good_form(tmp_path, "1")
    publish_file(office.office, form.name, form.read_bytes(), actor="cli", role=None)
    cases = CasesStore(office.store, office.office)
    import_sample(cases, STUDY, sample_file(tmp_path, 8), actor="cli", role=None)
    office.store.record_delivery(STUDY, 11, [])
    dpo, csrf = office.login("dpo")
    listing = html.unescape(dpo.get("/console/retention").text)
    assert STUDY in listing and "Conservée" in listing
    early = dpo.post("/console/retention/run", data={"csrf": csrf})
    assert early.status_code == 303 and cases.status(STUDY)["cases"] == 8  # not before six months
    office.clock.advance(days=190)
    dpo, csrf = office.login("dpo")  # six months later: a new session
    page = html.unescape(dpo.get("/console/retention").text)
    assert "Échue : à détruire" in page
    done = dpo.post("/console/retention/run", data={"csrf": csrf})
    said = html.unescape(dpo.get(done.headers["location"]).text)
    assert "détruits pour 1 étude échue" in said and "Détruite" in said
    assert cases.status(STUDY)["cases"] == 0 and cases.status(STUDY)["files"] == 0
    assert any(e["action"] == "retention_destroyed" for e in office.office.audit_entries(50))
