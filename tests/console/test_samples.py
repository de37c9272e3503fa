"""The console's Échantillon page: a manager uploads the insurer's file (refused whole for a NIR,
with its line and column), sees counts and never a name, assigns by count, département or hand
and moves people between devices; insurer and DPO accounts reach none of it."""

from __future__ import annotations

import html
from pathlib import Path

import pytest

from etudes_desktop.server.cases_store import CasesStore
from etudes_desktop.server.publishing import publish_file
from tests.console.conftest import Office
from tests.console.forms import STUDY, good_form
from tests.server.cases_files import NIR, PLANTED_NAME, PLANTED_PHONE, sample_file

PAGE = f"/console/studies/{STUDY}/sample"


@pytest.fixture
def ready(office: Office, tmp_path: Path) -> tuple[Office, str, str]:
    form = good_form(tmp_path, "1")
    publish_file(office.office, form.name, form.read_bytes(), actor="cli", role=None)
    one, _ = office.store.enroll(STUDY, "portable-01")
    two, _ = office.store.enroll(STUDY, "portable-02")
    return office, one.id, two.id


def _upload(client, csrf: str, path: Path, partial: bool = False):
    data = {"csrf": csrf, **({"partial": "yes"} if partial else {})}
    return client.post(PAGE, data=data, files={"file": (path.name, path.read_bytes(), "text/csv")})


def _text(response) -> str:
    return html.unescape(response.text)


def test_upload_refused_for_a_nir_then_imported_and_counted(ready, tmp_path: Path) -> None:
    office, _, _ = ready
    client, csrf = office.login("manager")
    study = _text(client.get(f"/console/studies/{STUDY}"))
    assert f'href="{PAGE}"' in study  # the study page leads to its sample
    bad = sample_file(tmp_path, 4, extra=[f"E09999;Martin;Paul;75011;0611223344;pm@exemple.fr;{NIR}"], name="nir.csv")
    refused = _upload(client, csrf, bad)
    text = _text(refused)
    assert refused.status_code == 422 and "rien n'a été importé" in text
    assert "numéro de sécurité sociale (NIR)" in text and "<td>6</td><td>Segment</td>" in text
    assert NIR not in text and PLANTED_NAME not in text
    assert CasesStore(office.store).status(STUDY)["cases"] == 0
    done = _upload(client, csrf, sample_file(tmp_path, 20))
    text = _text(done)
    assert done.status_code == 200 and "personnes importées : 20" in text
    page = _text(client.get(PAGE))
    assert "<dt>Personnes</dt><dd>20</dd>" in page and "<td>974</td><td>5</td>" in page
    assert PLANTED_NAME not in page and PLANTED_PHONE not in page and "E00001" not in page
    actions = [e["action"] for e in office.office.audit_entries(100)]
    assert actions.count("sample_imported") == 1


def test_assign_by_count_departement_hand_and_reassign(ready, tmp_path: Path) -> None:
    office, one, two = ready
    client, csrf = office.login("manager")
    assert _upload(client, csrf, sample_file(tmp_path, 20)).status_code == 200
    cases = CasesStore(office.store)

    def per_device() -> dict[str, int]:
        return {d["device"]: d["open"] for d in cases.status(STUDY)["by_device"] if d["device_id"]}

    by_dep = client.post(f"{PAGE}/assign", data={"csrf": csrf, "device": two, "count": "50", "departement": "2A"})
    assert by_dep.status_code == 303 and per_device() == {"portable-02": 5}  # every Corsican of the file
    moved = client.post(f"{PAGE}/assign", data={"csrf": csrf, "device": one, "count": "6"})
    assert moved.status_code == 303 and per_device() == {"portable-01": 6, "portable-02": 5}
    assert "Attribution enregistrée" in _text(client.get(moved.headers["location"]))
    taken = client.post(f"{PAGE}/assign", data={"csrf": csrf, "device": one, "count": "2", "from_device": two})
    assert taken.status_code == 303 and per_device() == {"portable-01": 8, "portable-02": 3}
    by_hand = client.post(f"{PAGE}/assign", data={"csrf": csrf, "device": two, "sample_ids": "E00019\nINCONNU"})
    text = _text(by_hand)
    assert by_hand.status_code == 200 and "Identifiants inconnus dans l'étude (1) : INCONNU" in text
    assert "« portable-02 » : 1" in text
    empty = client.post(f"{PAGE}/assign", data={"csrf": csrf, "device": one, "count": ""})
    assert empty.status_code == 422 and "Indiquez un nombre" in _text(empty)
    nobody = client.post(f"{PAGE}/assign", data={"csrf": csrf, "device": one, "count": "1", "departement": "33"})
    assert nobody.status_code == 422 and "aucune personne à attribuer" in _text(nobody)
    actions = [e for e in office.office.audit_entries(100) if e["action"].startswith("sample_assigned")]
    assert len(actions) == 4 and all(set(e["counts"]) <= {"assigned", "reassigned", "not_open", "unknown"}
                                     for e in actions)


@pytest.mark.parametrize("role", ["insurer", "dpo"])
def test_insurer_and_dpo_reach_none_of_it(ready, tmp_path: Path, role: str) -> None:
    office, one, _ = ready
    manager, csrf_m = office.login("manager")
    _upload(manager, csrf_m, sample_file(tmp_path, 8))
    client, csrf = office.login(role)
    assert client.get(PAGE).status_code == 403
    assert _upload(client, csrf, sample_file(tmp_path, 3, start=50, name="b.csv")).status_code == 403
    refused = client.post(f"{PAGE}/assign", data={"csrf": csrf, "device": one, "count": "3"})
    assert refused.status_code == 403 and "Accès refusé" in _text(refused)
    status = CasesStore(office.store).status(STUDY)
    assert status["cases"] == 8 and status["unassigned_open"] == 8
