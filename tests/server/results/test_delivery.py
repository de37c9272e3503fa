"""A delivered study: recorded once, closed to new interviews (with a clear receipt), and its
delivery day applied by the laptop as the start of its retention clock."""

from __future__ import annotations

from datetime import date

import pytest

from etudes_desktop.core.errors import EtudesError
from etudes_desktop.storage.retention import apply_server_delivery, set_delivery_date
from etudes_desktop.sync import protocol as p
from tests.server.results.data import batch, payload
from tests.sync.seed import add_study


def test_a_delivered_study_takes_no_new_interview_but_still_acknowledges_what_it_holds(store):
    device, _ = store.enroll("sat-2026", "portable-01")
    first = batch([payload({"satisfaction": "oui"})])
    assert store.ingest(device, first).receipts[0].status == "accepted"
    delivery = store.record_delivery("sat-2026", 11, [{"name": "sat-2026-resultats.json", "sha256": "0" * 64, "bytes": 1}])
    assert store.delivery("sat-2026") == delivery
    with pytest.raises(EtudesError, match="déjà été livrée le"):
        store.record_delivery("sat-2026", 11, [])
    again = p.Batch.model_validate({**first.model_dump(), "batch_id": batch([payload({})]).batch_id,
                                    "interviews": [*first.model_dump()["interviews"],
                                                   *batch([payload({"satisfaction": "non"})]).model_dump()["interviews"]]})
    receipts = store.ingest(device, again).receipts
    assert receipts[0].status == "duplicate"  # the laptop may purge it
    assert receipts[1].status == "rejected" and receipts[1].reason == (
        f"study_delivered: l'étude a été livrée le {delivery.delivered_on} ; elle n'accepte plus de nouveaux entretiens")
    assert store.stats("sat-2026")["interviews"] == 1
    assert store.ingest(device, first).replayed  # a resent batch gets its first receipts


def test_an_older_client_reads_the_handshake_without_the_new_field():
    info = p.DeviceInfo(device_id="d", device_name="n", study_id="s", server_time="t", study_delivered_on="2026-12-03")

    class OldDeviceInfo(p.BaseModel):  # the laptop's model before the field existed
        device_id: str
        device_name: str
        study_id: str
        server_time: str

    assert OldDeviceInfo.model_validate(info.model_dump()).study_id == "s"


def test_the_laptop_keeps_the_earlier_delivery_date(vault):
    add_study(vault, "sat-2026")
    assert apply_server_delivery(vault, "sat-2026", date(2026, 12, 3))
    assert not apply_server_delivery(vault, "sat-2026", date(2026, 12, 3))  # nothing new: not audited twice
    set_delivery_date(vault, "sat-2026", date(2026, 11, 1))
    assert not apply_server_delivery(vault, "sat-2026", date(2026, 12, 3))
    assert vault.conn.execute("SELECT delivery_date FROM study").fetchone()[0] == "2026-11-01"
    assert not apply_server_delivery(vault, "another", date(2026, 12, 3))  # a study this laptop does not hold
