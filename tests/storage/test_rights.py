"""Rights requests on a real vault: access holds all and only that person's data."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timezone

import pytest

from etudes_desktop.core.errors import EtudesError
from etudes_desktop.core.interview import ConsentRecord, Decision, Mode, text_sha256
from etudes_desktop.storage import audit, rights
from etudes_desktop.storage.interviews import InterviewStore
from etudes_desktop.storage.respondents import SuppressionList

NOW = datetime(2026, 11, 29, 10, 0, tzinfo=UTC)


@pytest.fixture
def people(vault):
    with vault.transaction() as conn:
        conn.execute("INSERT INTO study (id, version, title, package_json, imported_at) VALUES ('sat', '1', 'S', '{}', ?)",
                     (NOW.isoformat(),))
        for sample, last, phone, mail in (("A1", "Garnier", "0612345678", "lucie.garnier@example.fr"),
                                          ("B2", "Roussel", "0798765432", "paul.roussel@example.fr")):
            conn.execute("INSERT INTO respondent (study_id, sample_id, last_name, first_name, phone, email, created_at) "
                         "VALUES ('sat', ?, ?, 'X', ?, ?, ?)", (sample, last, phone, mail, NOW.isoformat()))
    store = InterviewStore(vault, clock=lambda: NOW)
    ids = {}
    for sample in ("A1", "B2"):
        rid = vault.conn.execute("SELECT id FROM respondent WHERE sample_id = ?", (sample,)).fetchone()[0]
        interview = store.start("sat", "1", Mode.PHONE, respondent_id=rid)
        store.record_consent(interview, ConsentRecord(
            notice_id="n", notice_version="1", text_sha256=text_sha256("notice"), mode=Mode.PHONE,
            interviewer="ENQ-07", delivered_at=NOW, decided_at=NOW, decision=Decision.AGREES))
        store.save_answer(interview, "commentaire", f"réponse de {sample}")
        ids[sample] = interview
    return ids


def test_access_holds_all_and_only_that_persons_data(vault, people):
    data = rights.access(vault, "sat", "A1", actor="ENQ-07", now=NOW)
    dumped = json.dumps(data, ensure_ascii=False)
    assert data["contact"]["last_name"] == "Garnier" and "lucie.garnier@example.fr" in dumped
    assert [i["id"] for i in data["interviews"]] == [people["A1"]]
    assert data["interviews"][0]["answers"] == {"commentaire": "réponse de A1"}
    assert data["interviews"][0]["consents"][0]["decision"] == "agrees"
    assert "Roussel" not in dumped and "B2" not in dumped and people["B2"] not in dumped
    text = rights.access_text(data)
    assert "Nom : Garnier" in text and "réponse de A1" in text
    assert audit.entries(vault.conn)[-1].event == "rights_access"


def test_rectification_validates_and_audits_without_values(vault, people):
    person = rights.rectify(vault, "sat", "A1", {"phone": "+33 6 11 22 33 44", "town": "Lyon"}, now=NOW)
    assert person.town == "Lyon" and person.phone != "0612345678"
    with pytest.raises(EtudesError, match="E-mail"):
        rights.rectify(vault, "sat", "A1", {"email": "pas-un-mail"}, now=NOW)
    with pytest.raises(EtudesError) as refused:
        rights.rectify(vault, "sat", "A1", {"address": "2 85 05 2A 006 084 12 rue X"}, now=NOW)
    assert "084" not in refused.value.message
    with pytest.raises(EtudesError, match="non modifiable"):
        rights.rectify(vault, "sat", "A1", {"sample_id": "Z"}, now=NOW)
    last = audit.entries(vault.conn)[-1]
    assert last.event == "rights_rectification" and "Lyon" not in json.dumps(last.as_dict())


def test_objection_erases_contact_and_unsent_answers_and_suppresses(vault, people):
    counts = rights.object_to_processing(vault, "sat", "A1", actor="ENQ-07", now=NOW)
    assert counts == {"interviews_erased": 1, "answers_erased": 1}
    row = vault.conn.execute("SELECT * FROM respondent WHERE sample_id = 'A1'").fetchone()
    assert row["status"] == "objected" and row["last_name"] is None and row["email"] is None
    assert vault.conn.execute("SELECT count(*) FROM answer WHERE interview_id = ?", (people["A1"],)).fetchone()[0] == 0
    assert vault.conn.execute("SELECT count(*) FROM answer WHERE interview_id = ?", (people["B2"],)).fetchone()[0] == 1
    assert SuppressionList(vault).contains("sat", email="Lucie.Garnier@example.fr")
    with pytest.raises(EtudesError, match="effacées"):
        rights.rectify(vault, "sat", "A1", {"town": "Lyon"}, now=NOW)


def test_unknown_person_is_a_clear_error(vault, people):
    with pytest.raises(EtudesError, match="aucune personne"):
        rights.access(vault, "sat", "ZZ9")


def test_the_access_export_is_owner_only_and_no_sample_id_writes_elsewhere(vault, people, tmp_path):
    import os
    import stat

    data = rights.access(vault, "sat", "A1", actor="ENQ-07", now=NOW)
    out = tmp_path / "exports" / "demande"
    text, as_json = rights.write_access_export(data, out, "A/../../evil")
    assert text.parent == out and as_json.parent == out and "/" not in text.name and ".." not in text.name
    assert stat.S_IMODE(os.stat(text).st_mode) == 0o600 and stat.S_IMODE(os.stat(as_json).st_mode) == 0o600
    assert stat.S_IMODE(os.stat(out).st_mode) == 0o700
    assert sorted(p.name for p in (tmp_path / "exports").rglob("*") if p.is_file()) == sorted([text.name, as_json.name])


def test_the_access_report_speaks_the_persons_words_with_dates(vault, people):
    data = rights.access(vault, "sat", "A1", actor="ENQ-07", now=NOW)
    text = rights.access_text(data)
    for code in ("(phone)", "face_to_face", "draft", "agrees", "appointment", "no_answer", "completed"):
        assert code not in text, code
    assert " à " in text and "/20" in text  # dates as the person reads them
