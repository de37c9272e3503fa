"""The deliverable's files: CSV for French Excel, XLSX with its legend and notes, the PDF report;
none carries an interview id, a pseudonym or a free-text answer."""

from __future__ import annotations

import csv
import io
import json
import re

import matplotlib
import openpyxl
import pytest

from etudes_desktop.server.results.deliverable import build_deliverable
from etudes_desktop.server.results.formats import render
from tests.server.results.data import FREE_TEXT, batch, package, payload

PSEUDONYM = "enq-zx81"


def _pdf_text(data: bytes) -> str:
    """The text a PDF written uncompressed with TrueType fonts draws (UTF-16 strings in TJ)."""
    out = []
    for block in re.findall(rb"BT(.*?)ET", data, re.S):
        strings = re.findall(rb"\(((?:\\.|[^\\)])*)\)", block)
        raw = b"".join(re.sub(rb"\\(.)", rb"\1", s) for s in strings)
        out.append(raw.decode("utf-16-be", errors="replace"))
    return "\n".join(out)


@pytest.fixture
def deliverable(store):
    device, _ = store.enroll("sat-2026", "portable-01")
    rows = []
    for i in range(60):
        answers = {"satisfaction": "oui" if i % 3 else "non", "canaux": "web agence" if i % 2 else "tel",
                   "attente": 3 + i % 17, "reco": i % 11, "avis": FREE_TEXT}
        if i < 4:
            answers["satisfaction"] = "_dk"
        rows.append(payload(answers, mode="phone" if i < 40 else "face_to_face", interviewer=PSEUDONYM,
                            attributes={"age_band": "18-34" if i % 4 else "65+"}))
    b = batch(rows)
    store.ingest(device, b)
    return build_deliverable(store, package()), [item.id for item in b.interviews]


def test_csv_is_for_french_excel(deliverable):
    data = render(deliverable[0], "csv")
    assert data.startswith("\ufeff".encode("utf-8"))
    lines = list(csv.reader(io.StringIO(data.decode("utf-8-sig")), delimiter=";"))
    assert ["Tableau", "satisfaction"] in lines
    percent = next(line for line in lines[lines.index(["Tableau", "satisfaction"]):] if line[:1] == ["Oui"] and "," in line[1])
    assert re.fullmatch(r"\d+,\d", percent[1])  # decimal comma
    assert any(cell == "< 11" for line in lines for cell in line)  # 4 « ne sait pas »


def test_xlsx_shows_suppressed_cells_with_a_legend_and_a_notes_sheet(deliverable):
    book = openpyxl.load_workbook(io.BytesIO(render(deliverable[0], "xlsx")))
    assert book.sheetnames[0] == "Notes"
    notes = "\n".join(str(c.value) for row in book["Notes"].iter_rows() for c in row if c.value)
    assert "Seuil de diffusion : 11" in notes and "Méthode" in notes and "HiGHS" in notes
    sheet = book["satisfaction"]
    values = [c.value for row in sheet.iter_rows() for c in row]
    assert "< 11" in values and any(str(v).startswith("< 11 : effectif compris entre 1 et 10") for v in values)
    assert len(book.sheetnames) == len(deliverable[0].tables) + 1


def test_pdf_report_has_a_page_per_question_in_plain_words(deliverable):
    with matplotlib.rc_context({"pdf.compression": 0}):
        data = render(deliverable[0], "pdf")
    assert data.startswith(b"%PDF")
    text = _pdf_text(data)
    assert "Êtes-vous satisfait de l'accueil ?" in text and "% des personnes ayant répondu" in text
    assert "usion : 11 personnes" in text  # (« ff » is drawn as one ligature glyph)


@pytest.mark.parametrize("fmt", ["json", "csv", "xlsx", "pdf"])
def test_no_output_carries_an_id_a_pseudonym_or_free_text(deliverable, fmt):
    result, ids = deliverable
    with matplotlib.rc_context({"pdf.compression": 0}):
        data = render(result, fmt)
    if fmt == "xlsx":
        book = openpyxl.load_workbook(io.BytesIO(data))
        text = "\n".join(str(c.value) for ws in book for row in ws.iter_rows() for c in row if c.value is not None)
    elif fmt == "pdf":
        text = _pdf_text(data)
        assert "Êtes-vous satisfait" in text  # the extraction works: what is looked for would be seen
    else:
        text = data.decode("utf-8-sig")
    for forbidden in [FREE_TEXT, PSEUDONYM, *ids, *(i[:8] for i in ids)]:
        assert forbidden not in text
    if fmt == "json":
        assert json.loads(text)["study"] == "sat-2026"
