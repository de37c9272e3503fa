"""The respondents repository and the keyed suppression list, on a real vault."""

from __future__ import annotations

import hashlib
import hmac
from datetime import UTC, datetime, timezone

import pytest
import sqlcipher3

from etudes_desktop.core.sample import SampleRecord
from etudes_desktop.storage.respondents import ALL_STUDIES, RespondentRepository, SuppressionList

NOW = datetime(2026, 3, 1, 9, 30, tzinfo=UTC)


def add_study(vault, study_id="ETU-2026-01"):
    with vault.transaction() as conn:
        conn.execute("INSERT INTO study (id, version, title, package_json, imported_at) VALUES (?, '1', ?, '{}', ?)",
                     (study_id, f"Étude {study_id}", NOW.isoformat()))
    return study_id


def record(sample_id, last="Martin", first="Léa", phone=None, email=None, town="Paris", **extra):
    return SampleRecord(0, sample_id, last_name=last, first_name=first, phone=phone, email=email, town=town, **extra)


@pytest.fixture
def study(vault):
    return add_study(vault)


def test_insert_count_list_get(vault, study):
    repo = RespondentRepository(vault)
    inserted = repo.insert_many(study, [record("A1", "Petit", attributes={"Nb actes": "3"}, age=40),
                                        record("A2", "Lefèvre", "Hélène", phone="0612345678")], NOW)
    assert inserted == 2 and repo.count(study) == 2 and repo.count(study, "to_contact") == 2
    listed = repo.list(study)
    assert [r.last_name for r in listed] == ["Lefèvre", "Petit"]
    petit = repo.get(listed[1].id)
    assert petit.attributes == {"Nb actes": "3"} and petit.age == 40 and petit.status == "to_contact"
    assert petit.created_at == NOW.isoformat(timespec="seconds")
    assert repo.by_sample_id(study, "A2").first_name == "Hélène"
    assert repo.sample_ids(study) == {"A1", "A2"}
    assert repo.list(study, limit=1, offset=1)[0].last_name == "Petit"


def test_insert_is_one_transaction(vault, study):
    repo = RespondentRepository(vault)
    repo.insert_many(study, [record("A1")], NOW)
    with pytest.raises(sqlcipher3.IntegrityError):
        repo.insert_many(study, [record("A2"), record("A1")], NOW)  # A1 twice in a study: UNIQUE
    assert repo.sample_ids(study) == {"A1"}


def test_search_by_name_town_id_and_phone(vault, study):
    repo = RespondentRepository(vault)
    repo.insert_many(study, [record("A1", "Lefèvre", "Hélène", phone="0612345678", town="Besançon"),
                             record("A2", "Petit", "Lou", phone="0474112233", town="Lyon"),
                             record("B3", "Martin_", "Zoé", town="Paris")], NOW)
    assert [r.sample_id for r in repo.search(study, "lef")] == ["A1"]
    assert [r.sample_id for r in repo.search(study, "Lefèvre Hélène")] == ["A1"]
    assert [r.sample_id for r in repo.search(study, "Lyon")] == ["A2"]
    assert [r.sample_id for r in repo.search(study, "06 12 34")] == ["A1"]
    assert [r.sample_id for r in repo.search(study, "B3")] == ["B3"]
    assert [r.sample_id for r in repo.search(study, "_")] == ["B3"]  # LIKE wildcards are literal
    assert len(repo.search(study, "  ")) == 3


def test_respondents_are_per_study(vault, study):
    other = add_study(vault, "ETU-2026-02")
    repo = RespondentRepository(vault)
    repo.insert_many(study, [record("A1")], NOW)
    repo.insert_many(other, [record("A1"), record("A2")], NOW)
    assert repo.count(study) == 1 and repo.count(other) == 2


def test_mapping_saved_per_study(vault, study):
    from etudes_desktop.core.sample_mapping import guess_mapping

    repo = RespondentRepository(vault)
    assert repo.saved_mapping(study) is None
    mapping = guess_mapping(["Identifiant", "Nom", "Régime"])
    repo.save_mapping(study, mapping)
    assert repo.saved_mapping(study) == mapping


def test_suppression_keeps_only_keyed_digests(vault, study):
    suppression = SuppressionList(vault)
    added = suppression.add(study, sample_id="A1", phones=["+33 6 12 34 56 78", None], email="Lea.Martin@Exemple.fr", now=NOW)
    assert added == 3
    rows = vault.conn.execute("SELECT kind, digest, study_id, added_at FROM suppression ORDER BY kind").fetchall()
    assert [r["kind"] for r in rows] == ["email", "phone", "sample_id"]
    stored = " ".join(" ".join(map(str, tuple(r))) for r in rows)
    for clear in ("A1", "0612345678", "12 34", "lea.martin", "exemple"):
        assert clear not in stored
    key = vault.secret("suppression-list")
    expected = hmac.new(key, b"phone\x1f0612345678", hashlib.sha256).hexdigest()
    assert expected in stored
    assert suppression.digest("phone", "06.12.34.56.78") == suppression.digest("phone", "+33612345678")
    assert suppression.digest("email", " LEA.martin@exemple.fr") == suppression.digest("email", "lea.martin@exemple.fr")
    assert suppression.add(study, sample_id="A1", now=NOW) == 0  # already there


def test_suppression_matches_any_identifier(vault, study):
    suppression = SuppressionList(vault)
    suppression.add(study, sample_id="A1", phones=["0612345678"], email="lea@exemple.fr", now=NOW)
    assert suppression.contains(study, sample_id="A1")
    assert suppression.contains(study, phones=["06 12 34 56 78"])
    assert suppression.contains(study, email="LEA@exemple.fr")
    assert not suppression.contains(study, sample_id="A2", phones=["0611111111"], email="x@exemple.fr")
    assert not suppression.contains("AUTRE", sample_id="A1")
    matcher = suppression.matcher(study)
    assert matcher(record("Z9", phone="0612345678"))
    assert matcher(record("A1"))
    assert not matcher(record("A2", phone="0611111111"))


def test_suppression_for_all_studies(vault, study):
    suppression = SuppressionList(vault)
    suppression.add(ALL_STUDIES, email="lea@exemple.fr", now=NOW)
    assert suppression.contains("N'IMPORTE-LAQUELLE", email="lea@exemple.fr")
    assert suppression.matcher(study)(record("A5", email="lea@exemple.fr"))


def test_add_a_stored_respondent(vault, study):
    repo = RespondentRepository(vault)
    repo.insert_many(study, [record("A1", phone="0612345678", phone2="0474112233", email="lea@exemple.fr")], NOW)
    suppression = SuppressionList(vault)
    assert suppression.add_respondent(repo.by_sample_id(study, "A1"), NOW) == 4
    assert suppression.count(study) == 4 and suppression.count() == 4


def test_digests_differ_between_vaults(vault, study, tmp_path):
    """The HMAC key is the vault's own: another laptop's list cannot be matched against this one."""
    from etudes_desktop.paths import DataPaths
    from etudes_desktop.storage.vault import KdfParams, Vault

    other, _code = Vault.create(DataPaths(tmp_path / "other", tmp_path / "other-logs"), "Autre-Coffre-2026!!", kdf=KdfParams.fast())
    try:
        assert SuppressionList(vault).digest("phone", "0612345678") != SuppressionList(other).digest("phone", "0612345678")
    finally:
        other.close()
