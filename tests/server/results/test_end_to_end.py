"""The whole path: interviews taken on a laptop in every mode, synced to the real server on
127.0.0.1, turned into the deliverable's files by `etudes-server results` and `deliver`; after
delivery the server refuses new interviews and the laptop starts its retention clock at its next
sync. SQLite, and PostgreSQL when ETUDES_TEST_DATABASE_URL is set."""

from __future__ import annotations

import hashlib
import io
import json
from datetime import date, datetime, timezone
from pathlib import Path

import httpx
import matplotlib
import openpyxl
import pytest

from etudes_desktop.core.retention import destruction_date
from etudes_desktop.core.interview import ConsentRecord, Decision, Mode
from etudes_desktop.core.study_load import load_package
from etudes_desktop.paths import resource_path
from etudes_desktop.server.cli import main
from etudes_desktop.server.embedded import EmbeddedServer
from etudes_desktop.server.store import Store
from etudes_desktop.storage import retention
from etudes_desktop.storage.interviews import InterviewStore
from etudes_desktop.storage.studies import save_study
from etudes_desktop.sync.engine import SyncEngine
from etudes_desktop.sync.transport import HttpTransport
from tests.server.results.test_formats import _pdf_text

FORM = resource_path("studies", "satisfaction_assures_2026.xlsx")
STUDY = "satisfaction_assures_2026"
PSEUDONYM = "ENQ-42"
COMMENT = "La conseillère Mme Abgrall a été formidable"


def _package_file(tmp_path: Path) -> Path:
    """The demo study with what its results are crossed by and its NPS question."""
    path = tmp_path / "etude.json"
    path.write_text(json.dumps({"form": str(FORM), "results_by": ["age_band", "sex"], "nps": ["recommandation"]}),
                    encoding="utf-8")
    return path


def _interview(store: InterviewStore, package, mode: Mode, i: int, *, objects: bool = False) -> str:
    interview_id = store.start(STUDY, package.version, mode)
    now = datetime.now(timezone.utc)
    store.record_consent(interview_id, ConsentRecord(
        notice_id=package.notice.id, notice_version=package.notice.version, text_sha256=package.notice.sha256,
        mode=mode, interviewer=PSEUDONYM, delivered_at=now, decided_at=now,
        decision=Decision.OBJECTS if objects else Decision.AGREES))
    if objects:
        return interview_id
    answers = {"sexe": "femme" if i % 2 else "homme", "satisf_globale": str(1 + i % 5), "recommandation": i % 11,
               "canaux": "accueil telephone" if i % 3 else "ameli", "nb_contacts": i % 4, "commentaire": COMMENT}
    for name, value in answers.items():
        store.save_answer(interview_id, name, value)
    store.complete(interview_id, {"age_band": "18-34" if i % 4 else "65+", "sex": "F" if i % 2 else "M"})
    return interview_id


def _sync(vault, url: str, token: str):
    return SyncEngine(vault, HttpTransport(url, token, timeout=10)).run(STUDY)


def test_from_laptop_interviews_to_the_delivered_files(vault, db_url, tmp_path, capsys):
    package = load_package(FORM)
    save_study(vault, package)
    interviews = InterviewStore(vault)
    interviews.set_profile("Claire Martin", PSEUDONYM)
    modes = list(Mode)
    ids = [_interview(interviews, package, modes[i % len(modes)], i) for i in range(90)]
    _interview(interviews, package, Mode.PHONE, 0, objects=True)
    server_store = Store(db_url)
    _device, token = server_store.enroll(STUDY, "portable-01")
    with EmbeddedServer(server_store) as server:
        report = _sync(vault, server.url, token)
        assert (report.accepted, report.rejected) == (91, 0)

        form = _package_file(tmp_path)
        common = ["--form", str(form), "--database-url", db_url]
        outputs = {}
        for fmt in ("json", "csv", "xlsx", "pdf"):
            out = tmp_path / f"resultats.{fmt}"
            with matplotlib.rc_context({"pdf.compression": 0}):
                assert main(["results", STUDY, *common, "--out", str(out)]) == 0
            outputs[fmt] = out.read_bytes()
        err = capsys.readouterr().err
        assert "contrôle de l'attaquant réussi" in err
        doc = json.loads(outputs["json"])
        tables = {t["id"]: t for t in doc["tables"]}
        assert tables["satisf_globale"]["total"] == 90  # objections are not results
        by_mode = tables["satisf_globale.par.mode"]
        assert by_mode["columns"] == ["Face à face", "Téléphone", "Saisie d'un questionnaire papier", "Groupe",
                                      "Internet"]
        assert by_mode["column_totals"] == [18] * 5
        assert "recommandation.nps" in tables and "satisf_globale.par.sex" in tables
        for table in doc["tables"]:
            published = [v for row in table["cells"] for v in row if v is not None]
            assert all(v == 0 or v >= 11 for v in published)
        texts = {
            "json": outputs["json"].decode(), "csv": outputs["csv"].decode("utf-8-sig"), "pdf": _pdf_text(outputs["pdf"]),
            "xlsx": "\n".join(str(c.value) for ws in openpyxl.load_workbook(io.BytesIO(outputs["xlsx"]))
                              for row in ws.iter_rows() for c in row if c.value is not None),
        }
        assert "Recommanderiez" in texts["pdf"] or "recommandation" in texts["pdf"]
        for fmt, text in texts.items():
            for forbidden in [COMMENT, "Abgrall", PSEUDONYM, *ids]:
                assert forbidden not in text, fmt

        # Once published on this server, the study's package is the one published: no --form needed.
        from etudes_desktop.server.office_store import OfficeStore
        from etudes_desktop.server.publishing import publish_file

        office = OfficeStore(server_store)
        publish_file(office, "etude.json", form.read_bytes(), actor="cli", role=None)
        again = tmp_path / "publiee.json"
        assert main(["results", STUDY, "--database-url", db_url, "--out", str(again)]) == 0
        assert json.loads(again.read_bytes())["tables"] == doc["tables"]

        delivered = tmp_path / "livraison"
        assert main(["deliver", STUDY, *common, "--out", str(delivered)]) == 0
        assert office.studies(STUDY)[0].closed_at is not None, "delivered: closed to new interviews"
        sums = (delivered / "SHA256SUMS").read_text(encoding="utf-8").splitlines()[1:]
        assert len(sums) == 4
        for line in sums:
            digest, name = line.split("  ")
            assert hashlib.sha256((delivered / name).read_bytes()).hexdigest() == digest
            assert not (delivered / name).stat().st_mode & 0o222  # frozen: read-only
        record = server_store.delivery(STUDY)
        assert record is not None and len(record.files) == 4
        assert main(["deliver", STUDY, *common, "--out", str(tmp_path / "encore")]) == 1
        assert "déjà été livrée" in capsys.readouterr().err

        late = _interview(interviews, package, Mode.INTERNET, 7)
        report = _sync(vault, server.url, token)
        assert report.rejected == 1
        row = vault.conn.execute("SELECT state, receipt_reason FROM interview WHERE id = ?", (late,)).fetchone()
        assert row["state"] == "rejected" and row["receipt_reason"].startswith("study_delivered: l'étude a été livrée le")
        delivery_day = date.fromisoformat(record.delivered_on)
        laptop = {s.study_id: s for s in retention.review(vault, delivery_day)}[STUDY]
        # the retention clock runs on the laptop too: six months after the delivery
        assert laptop.state.destroy_on == destruction_date(delivery_day, package.retention.months_after_delivery)
        info = httpx.get(f"{server.url}/v1/device", headers={"Authorization": f"Bearer {token}"}).json()
        assert info["study_delivered_on"] == record.delivered_on
    server_store.close()


def test_bad_requests_get_one_french_line(db_url, tmp_path, capsys):
    form = _package_file(tmp_path)
    assert main(["results", STUDY, "--form", str(form), "--database-url", db_url]) == 1
    assert capsys.readouterr().err.strip() == f"etudes-server: aucun entretien complet reçu pour l'étude {STUDY}"
    assert main(["results", "autre", "--form", str(form), "--database-url", db_url]) == 1
    assert "est celui de l'étude satisfaction_assures_2026, pas de autre" in capsys.readouterr().err
    for argv, said in ((["--threshold", "3"], "au moins 5"), (["--by", "profession"], "croisement « profession »"),
                       (["--format", "xlsx"], "précisez --out")):
        assert main(["results", STUDY, "--form", str(form), "--database-url", db_url, *argv]) == 1
        err = capsys.readouterr().err
        assert said in err and len(err.strip().splitlines()) == 1 and "Traceback" not in err
