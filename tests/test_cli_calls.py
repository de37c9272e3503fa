"""`etudes calls next|record|rates` against a real vault, as a separate process."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import UTC, datetime, timezone

import pytest

from etudes_desktop.core.questionnaire import Questionnaire
from etudes_desktop.core.sample import SampleRecord
from etudes_desktop.core.study import StudyPackage
from etudes_desktop.paths import DataPaths
from etudes_desktop.storage.interviews import InterviewStore
from etudes_desktop.storage.respondents import RespondentRepository
from etudes_desktop.storage.studies import save_study
from etudes_desktop.storage.vault import KdfParams, Vault

PASSPHRASE = "Appels-Terrain-2026!"
MONDAY_0630 = "2026-06-01T06:30:00+00:00"  # 10:30 in Réunion, 08:30 in Paris


@pytest.fixture
def data(tmp_path):
    folder = tmp_path / "poste"
    vault, _ = Vault.create(DataPaths.for_data_dir(folder), PASSPHRASE, kdf=KdfParams.fast())
    save_study(vault, StudyPackage(id="tel", title="Téléphone", questionnaire=Questionnaire(form_id="tel", title="t")))
    RespondentRepository(vault).insert_many("tel", [
        SampleRecord(2, "P-1", last_name="Hoarau", postcode="97400", phone="0692 11 22 33"),
        SampleRecord(3, "P-2", last_name="Dupuis", postcode="35000", phone="06 12 34 56 78")],
        now=datetime(2026, 5, 1, tzinfo=UTC))
    InterviewStore(vault).set_profile("Claire Martin", "ENQ-07")
    vault.close()
    return folder


def _etudes(folder, *args):
    env = {k: v for k, v in os.environ.items() if not k.startswith("ETUDES_")}
    env["ETUDES_PASSPHRASE"] = PASSPHRASE
    return subprocess.run([sys.executable, "-m", "etudes_desktop.cli", "--data-dir", str(folder), *args],
                          capture_output=True, text=True, env=env, stdin=subprocess.DEVNULL, timeout=60)


def test_next_record_and_rates(data):
    early = _etudes(data, "calls", "next", "tel", "--now", MONDAY_0630)
    assert early.returncode == 0, early.stderr
    assert early.stdout.startswith("P-1  premier appel") and "heure locale 10:30, La Réunion (UTC+4)" in early.stdout
    assert "Hoarau" not in early.stdout and "0692" not in early.stdout  # no personal data printed
    recorded = _etudes(data, "calls", "record", "tel", "P-1", "--disposition", "3.13", "--at", MONDAY_0630,
                       "--duration", "40", "--json")
    assert recorded.returncode == 0, recorded.stderr
    assert json.loads(recorded.stdout) | {"attempt": 0} == {
        "attempt": 0, "sample_id": "P-1", "disposition": "no_answer", "aapor": "3.13", "at": MONDAY_0630,
        "closed": False, "next_due": "2026-06-01T09:30:00Z"}
    none = _etudes(data, "--json", "calls", "next", "tel", "--now", MONDAY_0630)
    assert json.loads(none.stdout) == {"next": None, "next_opening": "2026-06-01T06:30:00+00:00"}
    paris = json.loads(_etudes(data, "calls", "next", "tel", "--now", "2026-06-01T08:05:00Z", "--json").stdout)
    assert paris["next"]["sample_id"] == "P-2" and paris["next"]["local_time"] == "2026-06-01T10:05:00+02:00"
    appointment = _etudes(data, "calls", "record", "tel", "P-2", "--disposition", "appointment",
                          "--at", "2026-06-01T08:05:00Z", "--appointment", "2026-06-02T14:30:00+02:00")
    assert appointment.returncode == 0 and "nouvel appel possible à partir de 2026-06-02T12:30:00Z" in appointment.stdout
    due = _etudes(data, "calls", "next", "tel", "--now", "2026-06-02T12:31:00Z")
    assert due.stdout.startswith("P-2  rendez-vous précis (14:30 heure locale)"), due.stdout
    rates = _etudes(data, "calls", "rates", "tel", "--json")
    assert json.loads(rates.stdout)["counts"] == {"I": 0, "P": 0, "R": 1, "NC": 0, "O": 0, "UH": 1, "UO": 0, "NE": 0}
    text = _etudes(data, "calls", "rates", "tel").stdout
    assert "RR1 0,0 %" in text and "CON1 50,0 %" in text


@pytest.mark.parametrize(("args", "message"), [
    (("calls", "record", "tel", "P-9", "--disposition", "busy"), "aucune personne « P-9 »"),
    (("calls", "record", "tel", "P-1", "--disposition", "9.99"), "issue d'appel inconnue"),
    (("calls", "record", "tel", "P-1", "--disposition", "complete"), "découle de l'entretien"),
    (("calls", "record", "tel", "P-1", "--disposition", "appointment"), "date et l'heure du rendez-vous"),
    (("calls", "record", "tel", "P-1", "--disposition", "appointment", "--at", MONDAY_0630,
      "--appointment", "2026-06-06T10:00:00+04:00"), "hors des heures d'appel"),
    (("calls", "rates", "inconnue"), "étude inconnue"),
])
def test_refusals_are_one_clear_line(data, args, message):
    result = _etudes(data, *args)
    assert result.returncode == 1 and message in result.stderr and "Traceback" not in result.stderr, result.stderr
    assert result.stderr.count("\n") == 1


def test_a_bad_date_is_a_usage_error(data):
    result = _etudes(data, "calls", "next", "tel", "--now", "demain")
    assert result.returncode == 2 and "format ISO" in result.stderr
