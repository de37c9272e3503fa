"""Reading sample files as offices write them: separators, encodings, quoting, XLSX."""

from __future__ import annotations

import datetime as dt

import openpyxl
import pytest

from etudes_desktop.core.errors import EtudesError
from etudes_desktop.core.sample_files import cell_text, detect_delimiter, detect_encoding, open_table

ROWS = "Identifiant;Nom;Prénom;Ville\r\nA1;Lefèvre;Hélène;Besançon\r\nA2;Nguyễn;Zoé;Saint-Étienne\r\n"


def read_all(path):
    with open_table(path) as table:
        return table.headers, list(table.records())


def test_utf8_with_bom(tmp_path):
    path = tmp_path / "bom.csv"
    path.write_bytes(b"\xef\xbb\xbf" + ROWS.encode("utf-8"))
    assert detect_encoding(path) == "utf-8-sig"
    headers, records = read_all(path)
    assert headers == ["Identifiant", "Nom", "Prénom", "Ville"]  # no BOM glued to the first header
    assert records[0] == (2, ["A1", "Lefèvre", "Hélène", "Besançon"])
    assert records[1][1][1] == "Nguyễn"


def test_utf8_without_bom(tmp_path):
    path = tmp_path / "plain.csv"
    path.write_bytes(ROWS.encode("utf-8"))
    assert detect_encoding(path) == "utf-8"
    assert read_all(path)[1][1][1][2] == "Zoé"


def test_windows_1252(tmp_path):
    path = tmp_path / "excel.csv"
    path.write_bytes(ROWS.replace("Nguyễn", "Nguyen").encode("cp1252"))
    assert detect_encoding(path) == "cp1252"
    headers, records = read_all(path)
    assert headers[2] == "Prénom"
    assert records[0][1] == ["A1", "Lefèvre", "Hélène", "Besançon"]
    assert records[1][1][3] == "Saint-Étienne"


def test_a_late_accent_still_decides_the_encoding(tmp_path):
    """The whole file is checked, not only its beginning."""
    path = tmp_path / "late.csv"
    body = "id;nom\r\n" + "".join(f"X{i};Martin\r\n" for i in range(50_000)) + "Z;Noël\r\n"
    path.write_bytes(body.encode("cp1252"))
    assert detect_encoding(path) == "cp1252"
    assert read_all(path)[1][-1][1] == ["Z", "Noël"]


def test_comma_separated_with_quotes_and_newlines(tmp_path):
    path = tmp_path / "comma.csv"
    path.write_text('id,nom,commentaire\nA1,"Dupont, Jean","rappeler\nle soir"\nA2,Martin,\n', encoding="utf-8")
    headers, records = read_all(path)
    assert headers == ["id", "nom", "commentaire"]
    assert records[0] == (2, ["A1", "Dupont, Jean", "rappeler\nle soir"])
    assert records[1] == (3, ["A2", "Martin", ""])


def test_delimiter_detection():
    assert detect_delimiter("id;nom;prénom\r\n") == ";"
    assert detect_delimiter("id,nom,prénom\n") == ","
    assert detect_delimiter("id\tnom\tprénom\n") == "\t"
    assert detect_delimiter("identifiant\n") == ";"
    assert detect_delimiter('id;"Nom, prénom";ville\n') == ";"


def test_blank_lines_are_skipped_but_counted(tmp_path):
    path = tmp_path / "blank.csv"
    path.write_text("id;nom\nA1;Martin\n;\n\nA2;Petit\n", encoding="utf-8")
    assert [line for line, _ in read_all(path)[1]] == [2, 5]


def test_empty_file_and_unknown_format(tmp_path):
    empty = tmp_path / "vide.csv"
    empty.write_bytes(b"")
    with pytest.raises(EtudesError, match="vide"):
        open_table(empty)
    odd = tmp_path / "fichier.pdf"
    odd.write_bytes(b"%PDF")
    with pytest.raises(EtudesError, match="non pris en charge"):
        open_table(odd)
    with pytest.raises(EtudesError, match="introuvable"):
        open_table(tmp_path / "absent.csv")


def test_utf16_is_refused_clearly(tmp_path):
    path = tmp_path / "utf16.csv"
    path.write_bytes(ROWS.encode("utf-16"))
    with pytest.raises(EtudesError, match="UTF-16"):
        open_table(path)


def test_xlsx(tmp_path):
    path = tmp_path / "echantillon.xlsx"
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["Identifiant", "Nom", "Téléphone", "Né le", "Code postal", "Montant"])
    sheet.append(["A1", "Lefèvre", 612345678, dt.datetime(1970, 5, 17), 1000, 12.5])
    sheet.append([None, None, None, None, None, None])
    sheet.append(["A2", "Petit", "06 12 34 56 78", dt.date(1980, 1, 2), 75011, 3.0])
    book.save(path)
    headers, records = read_all(path)
    assert headers == ["Identifiant", "Nom", "Téléphone", "Né le", "Code postal", "Montant"]
    assert records[0] == (2, ["A1", "Lefèvre", "612345678", "1970-05-17", "1000", "12.5"])
    assert records[1] == (4, ["A2", "Petit", "06 12 34 56 78", "1980-01-02", "75011", "3"])


def test_cell_text():
    assert cell_text(None) == ""
    assert cell_text(3.0) == "3"
    assert cell_text(True) == "1"
    assert cell_text(dt.datetime(2020, 1, 2, 10, 30)) == "2020-01-02 10:30:00"
    assert cell_text("  x ") == "x"
