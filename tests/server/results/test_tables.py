"""Counting the tables from interviews stored by the real server store (SQLite, PostgreSQL)."""

from __future__ import annotations

import json

import pytest

from etudes_desktop.core.errors import EtudesError
from etudes_desktop.server.results.deliverable import build_deliverable, document
from etudes_desktop.server.results.tables import count_tables
from tests.server.results.data import FREE_TEXT, batch, package, payload


def _answers(sat: str, canaux: str, attente: object, reco: object) -> dict:
    return {"satisfaction": sat, "canaux": canaux, "attente": attente, "reco": reco, "avis": FREE_TEXT}


def _rows() -> list[dict]:
    """40 interviews: 25 phone (18-34), 15 internet (55+ or no age band), some « ne sait pas »."""
    out = []
    for i in range(25):
        out.append(payload(_answers("oui" if i < 18 else "non", "web tel" if i % 2 else "agence", 5 + i, 9 if i < 15 else 3),
                           mode="phone", attributes={"age_band": "18-34"}))
    for i in range(15):
        sat = "_dk" if i < 3 else "oui"
        out.append(payload(_answers(sat, "web", "_rf" if i < 5 else 20 + i, 8), mode="internet",
                           attributes={"age_band": "55+"} if i < 12 else {}))
    out.append(payload({}, objected=True))
    return out


@pytest.fixture
def stored(store):
    device, _token = store.enroll("sat-2026", "portable-01")
    store.ingest(device, batch(_rows()))
    return store


def test_counts_come_from_the_completed_interviews_only(stored):
    counted = count_tables(package(), stored.iter_results_rows("sat-2026"))
    by_id = {t.id: t for t in counted.tables}
    assert counted.interviews == 40
    sat = by_id["satisfaction"]
    assert sat.rows == ["Oui", "Non", "Ne sait pas", "Refus"] and sat.cells[:, 0].tolist() == [30, 7, 3, 0]
    crossed = by_id["satisfaction.par.mode"]
    assert crossed.columns == ["Téléphone", "Internet"]
    assert crossed.cells.tolist() == [[18, 12], [7, 0], [0, 3], [0, 0]]
    age = by_id["satisfaction.par.age_band"]
    assert age.columns == ["18-34", "55+", "Non renseigné"] and age.cells.sum() == 40
    canaux = by_id["canaux"]  # ticked choices; the base is who answered
    assert canaux.cells[:, 0].tolist()[:3] == [27, 12, 13]
    assert counted.cells.values[canaux.total_var] == 40
    assert "avis" not in by_id and "info" not in by_id  # free text and notes are never counted


def test_numbers_get_statistics_and_the_nps_question_its_score(stored):
    deliverable = build_deliverable(stored, package(), threshold=5)
    by_id = {t.id: t for t in deliverable.tables}
    attente = by_id["attente"]
    assert attente.rows == ["Réponses chiffrées", "Ne sait pas", "Refus"]
    assert attente.cells[:, 0].tolist() == [35, 0, 5]
    stats = deliverable.column_stats(attente, None)
    assert stats["n"] == 35 and stats["median"] == 22.0 and stats["mean"] == pytest.approx((425 + 295) / 35)
    nps = by_id["reco.nps"]
    assert nps.rows[:3] == ["Détracteurs (0 à 6)", "Passifs (7 et 8)", "Promoteurs (9 et 10)"]
    assert nps.cells[:3, 0].tolist() == [10, 15, 15]
    assert deliverable.nps(nps, None) == pytest.approx(100 * (15 - 10) / 40)


def test_a_number_column_with_a_suppressed_count_publishes_no_statistics(stored):
    deliverable = build_deliverable(stored, package(), threshold=11)
    by_age = next(t for t in deliverable.tables if t.id == "attente.par.age_band")
    missing = by_age.columns.index("Non renseigné")  # 3 internet interviews without an age band
    assert deliverable.column_stats(by_age, missing) is None
    for column in range(len(by_age.columns)):
        published = deliverable.value(int(by_age.cell_vars[0, column])) is not None
        assert (deliverable.column_stats(by_age, column) is not None) == published


def test_the_json_has_the_agreed_shape_and_no_free_text(stored):
    doc = document(build_deliverable(stored, package()))
    assert set(doc) == {"study", "threshold", "tables", "statistics"}
    assert (doc["study"], doc["threshold"]) == ("sat-2026", 11)
    for table in doc["tables"]:
        assert set(table) == {"id", "question", "by", "rows", "columns", "cells", "row_totals", "column_totals",
                              "total", "suppressed"}
        if not table["by"]:
            assert table["columns"] == ["n"]
        nulls = {(i, j) for i, row in enumerate(table["cells"]) for j, v in enumerate(row) if v is None}
        nulls |= {(i, "total") for i, v in enumerate(table["row_totals"]) if v is None}
        nulls |= {("total", j) for j, v in enumerate(table["column_totals"]) if v is None}
        nulls |= {("total", "total")} if table["total"] is None else set()
        assert nulls == {(i, j) for i, j, _kind in table["suppressed"]}
    assert FREE_TEXT not in json.dumps(doc, ensure_ascii=False)


def test_crossings_are_those_the_study_allows(stored):
    with pytest.raises(EtudesError, match="croisement « sex » non prévu"):
        build_deliverable(stored, package(), by=["sex"])
    only_mode = build_deliverable(stored, package(), by=["mode"])
    assert {tuple(t.by) for t in only_mode.tables} == {(), ("mode",)}


def _group_sessions(store, counts_per_session):
    """Focus groups held and synced: each session's show of hands on « satisfaction » and « canaux »."""
    from etudes_desktop.server.groups_store import GroupStore
    from etudes_desktop.server.store import Device
    from etudes_desktop.sync import group_protocol as gp

    device, _ = store.enroll("sat-2026", "portable-groupe")
    groups = GroupStore(store)
    for n, (present, satisfaction, canaux) in enumerate(counts_per_session):
        record = gp.GroupSessionRecord.model_validate({
            "session_id": f"{n + 1:08d}-1111-4111-8111-111111111111", "study_id": "sat-2026", "study_version": "1",
            "held_on": "2026-06-02", "place": "Salle 3", "moderator": "MOD-01", "invited": present,
            "notice": {"notice_id": "m", "notice_version": "1", "text_sha256": "a" * 64,
                       "delivered_at": "2026-06-02T16:00:00+00:00"},
            "participants": [{"pseudonym": f"P{i + 1}", "walk_in": False, "decision": "agrees",
                              "decided_at": "2026-06-02T16:01:00+00:00"} for i in range(present)],
            "counts": [{"question": "satisfaction", "present": present, "counts": satisfaction},
                       {"question": "canaux", "present": present, "counts": canaux}],
            "closed_at": "2026-06-02T18:00:00+00:00"})
        status, _ = groups.ingest(Device(device.id, "sat-2026", "portable-groupe"),
                                  gp.GroupSessionUpload(content_sha256=gp.record_hash(record), record=record))
        assert status == "accepted"


def test_shows_of_hands_join_the_results_under_the_same_rules(stored):
    _group_sessions(stored, [(8, {"oui": 6, "non": 1}, {"web": 5, "tel": 3, "agence": 0}),
                             (9, {"oui": 7, "non": 2}, {"web": 6, "tel": 8, "agence": 2})])
    deliverable = build_deliverable(stored, package(), threshold=11)
    by_id = {t.id: t for t in deliverable.tables}
    single = by_id["groupes.satisfaction"]
    assert single.rows == ["Oui", "Non", "Sans main levée"] and single.cells[:, 0].tolist() == [13, 3, 1]
    assert "réunions de groupe" in single.question
    assert deliverable.value(single.total_var) == 17  # the people present over the sessions
    hidden = [deliverable.value(int(v)) for v in single.cell_vars[:, 0]]
    assert hidden[0] is None and hidden[1] is None and hidden[2] is None  # 3 and 1 under 11, 13 would give them back
    multiple = by_id["groupes.canaux"]
    assert multiple.cells[:, 0].tolist() == [11, 11, 2]
    assert [deliverable.value(int(v)) for v in multiple.cell_vars[:, 0]] == [11, 11, None]
    doc = document(deliverable)
    assert any(t["id"] == "groupes.satisfaction" for t in doc["tables"])
    assert json.dumps(doc).count("P1") == 0  # never a pseudonym
