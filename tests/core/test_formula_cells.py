"""Issue 10 item 5: cells a spreadsheet would run as formulas, on import and in the laptop's exports."""

from __future__ import annotations

import zipfile

import openpyxl
import pytest

from etudes_desktop.core.formula_cells import is_formula, neutralise
from etudes_desktop.core.xlsform_writer import write_xlsform


@pytest.mark.parametrize("text", ['=HYPERLINK("http://x","y")', "+SUM(A1)", "-2+3+cmd|' /C calc'!A0", "@SUM(1)",
                                  "\t=1", "\r=1", "=1+1", "-Dupont", "＝1+1"])
def test_what_a_spreadsheet_would_run_is_quoted(text):
    assert is_formula(text) and neutralise(text) == "'" + text


@pytest.mark.parametrize("text", ["Dupont", "+33 6 12 34 56 78", "-3", "-12,5", "+1", "(01) 23", "", "'=déjà",
                                  "a=b", "06-12-34"])
def test_numbers_phones_and_plain_text_are_left_alone(text):
    assert not is_formula(text) and neutralise(text) == text


def test_the_xlsform_writer_keeps_every_text_as_text(tmp_path):
    path = write_xlsform(tmp_path / "formulaire.xlsx",
                         [{"type": "note", "name": "n", "label": '=HYPERLINK("http://x.example","Cliquez")'},
                          {"type": "integer", "name": "age", "label": "Âge", "constraint": ". >= 0"}],
                         settings={"form_title": "=1+1"})
    with zipfile.ZipFile(path) as archive:
        sheets = [archive.read(n) for n in archive.namelist() if n.startswith("xl/worksheets/")]
    assert sheets and not any(b"<f>" in xml or b"<f " in xml for xml in sheets)  # no formula in the file
    book = openpyxl.load_workbook(path)
    assert book["survey"]["C2"].value == '=HYPERLINK("http://x.example","Cliquez")'
    assert book["survey"]["C2"].data_type == "s" and book["settings"]["A2"].value == "=1+1"
