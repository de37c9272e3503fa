"""The server's CSV export never hands a spreadsheet a formula, whatever the column."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest

from etudes_desktop.server.cli import main
from etudes_desktop.server.store import Store
from etudes_desktop.sync import protocol as p
from tests.server import factory as f

FORMULAS = ['=HYPERLINK("http://x")', "+1+1", "-2+3", "@SUM(A1)", "\tcmd", "\rcmd"]


def test_every_column_is_neutralised(db_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    store = Store(db_url)
    device, _ = store.enroll("sat-2026", "portable-01")
    items = []
    for n, formula in enumerate(FORMULAS):
        body = f.payload(seed=n)
        label = formula.replace("\t", "=").replace("\r", "=") if n < 4 else f"={n}"
        body.update(interviewer=label.replace(" ", ""), study_version=label[:64].replace(" ", ""))
        body["consent"] = {**body["consent"], "interviewer": body["interviewer"], "notice_version": label}
        body["answers"]["q00_text"] = formula
        body["attributes"]["region"] = formula
        items.append({"id": f"00000000-0000-4000-8000-00000000000{n}", "content_sha256": p.content_hash(body),
                      "payload": body})
    receipts = store.ingest(device, p.Batch.model_validate(f.batch(items)))
    assert {r.status for r in receipts.receipts} == {"accepted"}
    target = tmp_path / "export.csv"
    assert main(["export", "--study", "sat-2026", "--format", "csv", "--output", str(target),
                 "--database-url", db_url]) == 0
    rows = list(csv.DictReader(io.StringIO(target.read_text(encoding="utf-8"), newline="")))
    assert len(rows) == len(FORMULAS)
    for row in rows:
        for column, cell in row.items():
            assert cell[:1] not in ("=", "+", "-", "@", "\t", "\r"), column
    assert all(row["interviewer"].startswith("'") and row["study_version"].startswith("'") for row in rows)
    store.close()
