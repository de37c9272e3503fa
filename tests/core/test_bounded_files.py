"""A hostile workbook (zip bomb, twenty million declared rows) is refused at once, for a sample
file and for a study file alike."""

from __future__ import annotations

import time
import zipfile

import openpyxl
import pytest

from etudes_desktop.core.errors import EtudesError
from etudes_desktop.core.form_problems import FormError
from etudes_desktop.core.sample_files import open_table
from etudes_desktop.core.xlsform import load_xlsform


def _bomb(path, megabytes: int = 300):
    book = openpyxl.Workbook()
    book.active.append(["id", "nom"])
    book.save(path)
    with zipfile.ZipFile(path, "a", compression=zipfile.ZIP_DEFLATED) as archive:
        with archive.open("xl/media/padding.bin", "w", force_zip64=True) as member:
            chunk = b"\0" * (1 << 20)
            for _ in range(megabytes):
                member.write(chunk)
    return path


def _tall(path, rows: int = 20_000_000):
    book = openpyxl.Workbook()
    book.active.append(["id", "nom"])
    book.save(path)
    stretched = path.with_name("tall-" + path.name)
    with zipfile.ZipFile(path) as source, zipfile.ZipFile(stretched, "w") as target:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename == "xl/worksheets/sheet1.xml":
                data = data.replace(b'<dimension ref="A1:B1" />', f'<dimension ref="A1:B{rows}" />'.encode())
                assert str(rows).encode() in data
            target.writestr(item, data)
    return stretched


@pytest.mark.parametrize("make, words", [(_bomb, "décompressé"), (_tall, "lignes déclarées")])
def test_a_hostile_sample_workbook_is_refused_at_once(tmp_path, make, words):
    path = make(tmp_path / "echantillon.xlsx")
    started = time.perf_counter()
    with pytest.raises(EtudesError, match=words):
        open_table(path)
    assert time.perf_counter() - started < 5.0


def test_a_hostile_study_file_is_refused_with_a_form_problem(tmp_path):
    path = _bomb(tmp_path / "etude.xlsx")
    with pytest.raises(FormError) as refused:
        load_xlsform(path)
    assert "décompressé" in str(refused.value)
