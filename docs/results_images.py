"""Make the README's pictures of the insurer's deliverable: a page of the PDF report and the XLSX.

Synthetic interviews of the demo study (every mode, age bands, sexes) are stored by the real
server store, the deliverable is built and written; the PDF page is rasterised by poppler's
`pdftoppm` and the workbook by LibreOffice (`soffice --convert-to pdf`, then `pdftoppm`), as a
reader opens them. Run: `.venv/bin/python docs/results_images.py` (needs poppler-utils and
libreoffice-calc).
"""

from __future__ import annotations

import math
import random
import subprocess
import sys
import tempfile
import uuid
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

import openpyxl  # noqa: E402

from etudes_desktop.core.study_load import load_package  # noqa: E402
from etudes_desktop.paths import resource_path  # noqa: E402
from etudes_desktop.server.results.deliverable import build_deliverable  # noqa: E402
from etudes_desktop.server.results.export_pdf import CROSSED_PER_PAGE, question_families  # noqa: E402
from etudes_desktop.server.results.formats import render  # noqa: E402
from etudes_desktop.server.store import Store, sqlite_url  # noqa: E402
from etudes_desktop.sync import protocol as p  # noqa: E402

MODES = ["face_to_face", "phone", "paper", "group", "internet"]


def _payload(rng: random.Random, package_id: str) -> dict:
    mode = rng.choices(MODES, [30, 40, 10, 5, 15])[0]
    satisf = rng.choices(["1", "2", "3", "4", "5"], [4, 8, 20, 45, 23])[0]
    answers = {"satisf_globale": satisf, "recommandation": min(10, max(0, int(rng.gauss(7.5, 2)))),
               "canaux": " ".join(rng.sample(["accueil", "telephone", "ameli", "courrier"], rng.randint(1, 3))),
               "nb_contacts": rng.randint(0, 6), "commentaire": "texte libre jamais publié"}
    consent = {"notice_id": "cnam", "notice_version": "1", "text_sha256": "0" * 64, "mode": mode,
               "interviewer": "enq-demo", "delivered_at": "2026-11-29T10:00:00Z", "decided_at": "2026-11-29T10:01:00Z",
               "decision": "agrees"}
    return {"study_id": package_id, "study_version": "1", "state": "completed", "mode": mode, "interviewer": "enq-demo",
            "created_at": "2026-11-29T10:00:00Z", "completed_at": "2026-11-29T10:20:00Z", "consent": consent,
            "answers": answers, "attributes": {"age_band": rng.choices(["18-34", "35-54", "55-74", "75+"], [25, 35, 30, 10])[0],
                                               "sex": rng.choice(["F", "M"])}}


def main() -> None:
    package = load_package(resource_path("studies", "satisfaction_assures_2026.xlsx")).model_copy(
        update={"results_by": ["age_band", "sex"], "nps": ["recommandation"]})
    rng = random.Random(2026)
    with tempfile.TemporaryDirectory() as tmp:
        store = Store(sqlite_url(Path(tmp) / "server"))
        device, _ = store.enroll(package.id, "portable-demo")
        items = []
        for _ in range(400):
            body = _payload(rng, package.id)
            items.append({"id": str(uuid.uuid4()), "content_sha256": p.content_hash(body), "payload": body})
        store.ingest(device, p.Batch.model_validate({"batch_id": str(uuid.uuid4()), "study_id": package.id,
                                                     "sent_at": "2026-11-29T11:00:00Z", "interviews": items}))
        deliverable = build_deliverable(store, package)
        pdf, xlsx = Path(tmp) / "rapport.pdf", Path(tmp) / "resultats.xlsx"
        pdf.write_bytes(render(deliverable, "pdf"))
        xlsx.write_bytes(render(deliverable, "xlsx"))
        shots = HERE / "screenshots"
        page = 2  # after the cover, each question's pages: its chart and first crossing, two crossings a page
        for family in question_families(deliverable.tables):
            if family[0].id == "satisf_globale":
                break
            page += 1 + math.ceil(max(0, len(family) - 2) / CROSSED_PER_PAGE)
        _rasterise(pdf, page, shots / "resultats-rapport-pdf")
        book = openpyxl.load_workbook(xlsx)  # one sheet, as Excel shows it, through LibreOffice
        for name in book.sheetnames:
            if name != "satisf_globale.par.age_band":
                del book[name]
        book.save(xlsx)
        subprocess.run(["soffice", "--headless", "--convert-to", "pdf", "--outdir", tmp, str(xlsx)], check=True,
                       capture_output=True)
        _rasterise(Path(tmp) / "resultats.pdf", 1, shots / "resultats-xlsx")
        store.close()


def _rasterise(pdf: Path, page: int, out: Path) -> None:
    subprocess.run(["pdftoppm", "-r", "80", "-f", str(page), "-l", str(page), "-png", "-singlefile", str(pdf),
                    str(out)], check=True)


if __name__ == "__main__":
    main()
