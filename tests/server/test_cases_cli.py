"""`etudes-server sample import|assign|status` and `retention run`, as the operator runs them."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from etudes_desktop.server.cases_store import CasesStore
from etudes_desktop.server.cli import main
from etudes_desktop.server.office_store import OfficeStore
from etudes_desktop.server.store import Store
from tests.server.cases_files import NIR, PLANTED_NAME, PLANTED_PHONE, person, sample_file

STUDY = "sat-2026"


class Clock:
    def __init__(self, now: datetime) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now


def cli(capsys: pytest.CaptureFixture[str], db_url: str, *argv: str) -> tuple[int, str, str]:
    code = main([*argv, "--database-url", db_url])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def server(db_url: str) -> Store:
    store = Store(db_url)
    for name in ("portable-01", "portable-02"):
        store.enroll(STUDY, name)
    yield store
    store.close()


def _status(capsys, db_url: str) -> dict:
    code, out, _ = cli(capsys, db_url, "sample", "status", STUDY, "--json")
    assert code == 0
    return json.loads(out)


def _audit(store: Store) -> list[dict]:
    return OfficeStore(store).audit_entries(1000)


def test_a_file_holding_a_nir_is_refused_and_leaves_nothing(server: Store, db_url: str, tmp_path: Path, capsys) -> None:
    path = sample_file(tmp_path, 6, extra=[f"E09999;Martin;Paul;75011;0611223344;pm@exemple.fr;{NIR}"])
    code, out, err = cli(capsys, db_url, "sample", "import", STUDY, str(path))
    assert code == 1 and out == ""
    assert "numéro de sécurité sociale (NIR)" in err and "ligne 8, colonne Segment" in err and "rien n'a été importé" in err
    assert NIR.replace(" ", "") not in err.replace(" ", "") and PLANTED_NAME not in err and "Traceback" not in err
    status = _status(capsys, db_url)
    assert status["cases"] == 0 and status["files"] == 0
    assert not [e for e in _audit(server) if e["action"] == "sample_imported"]
    code, _, err = cli(capsys, db_url, "sample", "import", STUDY, str(path), "--partial")  # partial: still refused
    assert code == 1 and "NIR" in err and _status(capsys, db_url)["cases"] == 0


def test_invalid_rows_refuse_the_file_unless_partial(server: Store, db_url: str, tmp_path: Path, capsys) -> None:
    path = sample_file(tmp_path, 5, extra=["E00090;Petit;Léa;75011;pas un numéro;lp@exemple.fr;S1",
                                           person(2)])  # a bad phone, then E00002 twice
    code, _, err = cli(capsys, db_url, "sample", "import", STUDY, str(path))
    assert code == 1 and "ligne 7, colonne Téléphone : numéro de téléphone invalide" in err
    assert "ligne 8, colonne Identifiant : identifiant en double (déjà ligne 4)" in err
    assert _status(capsys, db_url)["cases"] == 0
    code, out, err = cli(capsys, db_url, "sample", "import", STUDY, str(path), "--partial", "--json")
    assert code == 0 and json.loads(out)["imported"] == 4  # neither occurrence of E00002 is kept
    assert "4 personnes importées" in err and "3 lignes rejetées" in err
    files = [e for e in _audit(server) if e["action"] == "sample_imported"]
    assert len(files) == 1 and files[0]["counts"] == {"rows": 7, "imported": 4, "rejected": 3, "suppressed": 0}
    code, _, err = cli(capsys, db_url, "sample", "import", STUDY, str(sample_file(tmp_path, 2, name="b.csv")))
    assert code == 1 and "identifiant déjà importé dans cette étude" in err


def test_a_mapping_file_names_the_columns(server: Store, db_url: str, tmp_path: Path, capsys) -> None:
    path = tmp_path / "s.csv"
    path.write_text("Ref dossier;Patronyme;CP\r\nA1;Martin;75001\r\nA2;Petit;13001\r\n", encoding="utf-8")
    mapping = tmp_path / "m.json"
    mapping.write_text(json.dumps({"Ref dossier": "sample_id", "Patronyme": "last_name", "CP": "postcode"}))
    code, _, _ = cli(capsys, db_url, "sample", "import", STUDY, str(path), "--mapping", str(mapping))
    assert code == 0 and _status(capsys, db_url)["by_departement"] == {"13": 1, "75": 1}
    mapping.write_text("{pas du json")
    code, _, err = cli(capsys, db_url, "sample", "import", STUDY, str(path), "--mapping", str(mapping))
    assert code == 1 and "correspondance des colonnes illisible" in err


def test_assign_by_count_departement_and_hand_then_reassign(server: Store, db_url: str, tmp_path: Path, capsys) -> None:
    assert cli(capsys, db_url, "sample", "import", STUDY, str(sample_file(tmp_path, 40)))[0] == 0
    code, _, err = cli(capsys, db_url, "sample", "assign", STUDY, "--device", "portable-01", "--count", "5")
    assert code == 0 and "5 personnes attribuées à l'appareil « portable-01 »" in err
    code, out, _ = cli(capsys, db_url, "sample", "assign", STUDY, "--device", "portable-02", "--count", "100",
                       "--departement", "69", "--json")
    assert code == 0 and 0 < json.loads(out)["assigned"] <= 10  # the Rhône's people not yet assigned
    code, out, err = cli(capsys, db_url, "sample", "assign", STUDY, "--device", "portable-02", "--sample-ids",
                         "E00000,E00004,INCONNU", "--json")
    assert code == 0 and json.loads(out)["unknown"] == ["INCONNU"] and "1 identifiant inconnu" in err
    status = _status(capsys, db_url)
    per = {d["device"]: d["open"] for d in status["by_device"] if d["device_id"]}
    assert sum(per.values()) + status["unassigned_open"] == 40
    assert status["by_departement"] == {"2A": 10, "69": 10, "75": 10, "974": 10}
    code, _, _ = cli(capsys, db_url, "sample", "assign", STUDY, "--device", "portable-01", "--from-device",
                     "portable-02", "--count", "3")
    after = {d["device"]: d["open"] for d in _status(capsys, db_url)["by_device"] if d["device_id"]}
    assert code == 0 and after["portable-01"] == per["portable-01"] + 3 and after["portable-02"] == per["portable-02"] - 3
    code, out, _ = cli(capsys, db_url, "sample", "status", STUDY)
    assert code == 0 and "portable-01" in out and PLANTED_NAME not in out and "E000" not in out
    for argv, message in ((("--device", "portable-09", "--count", "1"), "aucun appareil actif « portable-09 »"),
                          (("--device", "portable-01", "--count", "0"), "au moins 1"),
                          (("--device", "portable-01", "--count", "1", "--departement", "33"), "aucune personne")):
        code, _, err = cli(capsys, db_url, "sample", "assign", STUDY, *argv)
        assert code == 1 and message in err and len(err.splitlines()) == 1
    actions = [e["action"] for e in _audit(server)]
    assert actions.count("sample_assigned") == 3 and actions.count("sample_assigned_by_hand") == 1
    assert all(PLANTED_NAME not in json.dumps(e) and "E0000" not in json.dumps(e) for e in _audit(server))


def test_retention_destroys_six_months_after_delivery_and_not_before(db_url: str, tmp_path: Path, capsys) -> None:
    delivered = datetime(2026, 12, 15, 9, 0, tzinfo=UTC)
    store = Store(db_url, clock=Clock(delivered))
    device, _ = store.enroll(STUDY, "portable-01")
    cases = CasesStore(store)
    assert cli(capsys, db_url, "sample", "import", STUDY, str(sample_file(tmp_path, 12)))[0] == 0
    cases.assign_count(STUDY, "portable-01", 4)
    from etudes_desktop.sync import case_protocol as cp

    key = cases.case_key(STUDY)
    cases.ingest_events(device, [cp.CaseEvent(id=1, case=cp.case_digest(key, "E00001"), kind="call",
                                              at="2026-12-01T10:00:00Z", interviewer="ENQ-07", disposition="no_answer")])
    store.record_delivery(STUDY, 5, [])
    for day in ("2027-01-15", "2027-06-14T23:00:00Z"):
        code, out, err = cli(capsys, db_url, "retention", "run", "--now", day, "--json")
        assert code == 0 and "rien à détruire" in err and _status(capsys, db_url)["cases"] == 12
    code, out, err = cli(capsys, db_url, "retention", "run", "--now", "2027-06-15")
    assert code == 0 and "12 dossiers, 1 fichiers fournis et 1 événements détruits" in err
    status = _status(capsys, db_url)
    assert status["cases"] == 0 and status["files"] == 0 and cases.case_event_dispositions(STUDY) == []
    code, _, err = cli(capsys, db_url, "retention", "run", "--now", "2027-07-01")  # idempotent
    assert code == 0 and "rien à détruire" in err
    done = [e for e in _audit(store) if e["action"] == "retention_destroyed"]
    assert len(done) == 1 and done[0]["object_id"] == STUDY and done[0]["counts"] == {"cases": 12, "files": 1, "events": 1}
    assert cli(capsys, db_url, "retention", "run", "--now", "demain")[0] == 1
    code, _, err = cli(capsys, db_url, "sample", "import", STUDY, str(sample_file(tmp_path, 1, name="late.csv")))
    assert code == 1 and "a été livrée" in err
    assert PLANTED_PHONE not in err
    store.close()
