"""Hostile sample files get one French line naming where, never 'erreur interne'."""

from __future__ import annotations

import codecs

import pytest

from etudes_desktop.core.errors import EtudesError
from etudes_desktop.core.sample_files import open_table


@pytest.mark.parametrize("byte", [0x81, 0x8D, 0x8F, 0x90, 0x9D])
def test_a_byte_undefined_in_cp1252_is_named_with_its_line_and_column(tmp_path, byte):
    path = tmp_path / "echantillon.csv"
    path.write_bytes(b"id;nom\nA1;Dupont\nA2;Mar" + bytes([byte]) + b"tin\n")
    with pytest.raises(EtudesError) as refused:
        open_table(path)
    assert f"0x{byte:02X}" in str(refused.value) and "ligne 3, colonne 7" in str(refused.value)


def test_a_bom_file_with_a_stray_byte_is_refused_where_it_is(tmp_path):
    path = tmp_path / "echantillon.csv"
    path.write_bytes(codecs.BOM_UTF8 + "id;nom\nA1;Lefèvre\n".encode() + b"A2;Mar\xe9\n")
    with pytest.raises(EtudesError, match="ligne 3"):
        open_table(path)


def test_a_megabyte_header_is_a_clear_refusal(tmp_path):
    path = tmp_path / "echantillon.csv"
    path.write_text("id;" + "x" * 1_000_000 + "\nA1;y\n", encoding="utf-8")
    with pytest.raises(EtudesError, match="ligne 1 : la ligne des noms de colonnes est illisible"):
        open_table(path)


def test_a_workbook_without_a_sheet_is_a_clear_refusal(tmp_path):
    import zipfile

    import openpyxl

    book = openpyxl.Workbook()
    path = tmp_path / "echantillon.xlsx"
    book.save(path)
    # Remove the only sheet from the package, as some exporters leave it.
    stripped = tmp_path / "sans-feuille.xlsx"
    with zipfile.ZipFile(path) as source, zipfile.ZipFile(stripped, "w") as target:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename == "xl/workbook.xml":
                data = data.replace(data[data.index(b"<sheets>"):data.index(b"</sheets>") + 9], b"<sheets/>")
            if not item.filename.startswith("xl/worksheets/"):
                target.writestr(item, data)
    with pytest.raises(EtudesError) as refused:
        table = open_table(stripped)
        list(table.records()) if hasattr(table, "records") else None
    assert str(refused.value).startswith("classeur")
