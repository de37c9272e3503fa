"""The session sheet, read back from the PDF: the notice verbatim, the pseudonyms, the themes, no name."""

from __future__ import annotations

import io

from pypdf import PdfReader

from etudes_desktop.core.printing.session_sheet import SessionSheet, SheetRow, render_session_sheet
from etudes_desktop.core.study import Notice


def _text(pdf: bytes) -> str:
    reader = PdfReader(io.BytesIO(pdf))
    return " ".join(" ".join(page.extract_text().split()) for page in reader.pages)


def test_the_sheet_carries_the_notice_word_for_word_and_only_pseudonyms():
    notice = Notice()
    sheet = SessionSheet(
        study_title="Groupes accueil", held_on="2026-06-02", place="Salle 3, CPAM de Rennes", moderator="MOD-01",
        notice_text=notice.text_fr, notice_version=notice.version,
        rows=[SheetRow("P1", True, "agrees"), SheetRow("P2", True, "objects"), SheetRow("P3")],
        themes=["Accueil", "Délais de remboursement"], questions=["Canal préféré"], blank_rows=3)
    pdf = render_session_sheet(sheet)
    assert pdf.startswith(b"%PDF")
    text = _text(pdf)
    assert " ".join(notice.text_fr.split()) in text
    for word in ("P1", "P2", "P3", "P4", "P6", "Accueil", "Délais de remboursement", "Canal préféré", "02/06/2026",
                 "MOD-01", "S'oppose"):
        assert word in text, word
    assert "P7" not in text
