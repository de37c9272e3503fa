"""Sample validation and the NIR guard, on real files, without a vault."""

from __future__ import annotations

import re

import openpyxl
import pytest

from etudes_desktop.core.nir import nir_key
from etudes_desktop.core.sample import SampleImport, SampleRefused
from etudes_desktop.core.sample_mapping import parse_mapping
from etudes_desktop.core.sample_values import normalise_email, normalise_phone

HEADER = "Identifiant;Civilité;Nom;Prénom;Sexe;Âge;Adresse;Code postal;Ville;Téléphone;Courriel;Profession;Commentaire"
GOOD = [
    "A001;Mme;Lefèvre;Hélène;F;54;12 rue des Lilas;75011;Paris;06 12 34 56 78;Helene.L@Exemple.fr;Infirmière;RAS",
    "A002;M.;Dupont;José;H;71;3 av. Foch;1000;Bourg-en-Bresse;+33 4 74 11 22 33;;Retraité;",
    "A003;M.;N'Diaye;Moussa;1;38 ans;;69003;Lyon;0033 6 11 22 33 44;moussa@exemple.fr;Ouvrier;rappeler après 18 h",
]
BODY = "2690299350254"
NIR = BODY + f"{nir_key(BODY):02d}"
CORSICA = "185052A123456"
CORSICA_NIR = CORSICA + f"{nir_key(CORSICA):02d}"


def write_csv(tmp_path, lines, name="echantillon.csv", encoding="utf-8"):
    path = tmp_path / name
    path.write_bytes(("\r\n".join(lines) + "\r\n").encode(encoding))
    return path


def run(path, **kwargs):
    importer = SampleImport(path, **kwargs)
    records = list(importer.records())
    return importer, records


def no_digits_of(number: str, text: str) -> bool:
    """The message does not repeat the number, in any spacing."""
    return number not in re.sub(r"[\s.\-]", "", text)


def test_valid_file_gives_normalised_records(tmp_path):
    importer, records = run(write_csv(tmp_path, [HEADER, *GOOD]))
    assert importer.refusal() is None
    assert [r.sample_id for r in records] == ["A001", "A002", "A003"]
    first, second, third = records
    assert (first.last_name, first.first_name, first.sex, first.age) == ("Lefèvre", "Hélène", "F", 54)
    assert first.phone == "0612345678" and first.email == "helene.l@exemple.fr"
    assert first.attributes == {"Commentaire": "RAS"}
    assert second.postcode == "01000" and second.phone == "0474112233" and second.email is None
    assert third.sex == "M" and third.age == 38 and third.phone == "0611223344" and third.address is None
    assert importer.scan_result.valid_rows == 3


@pytest.mark.parametrize(
    ("bad_row", "expected"),
    [
        ("A009;Mme;Martin;Léa;F;40;;75011;Paris;;;", "ligne 5 : 12 colonnes au lieu de 13"),
        ("A009;Mme;Martin;Léa;F;40;;75011;Paris;;;;;extra", "ligne 5 : 14 colonnes au lieu de 13"),
        ("A009;Mme;;Léa;F;40;;75011;Paris;;;;", "ligne 5, colonne Nom : nom vide"),
        ("A009;Mme;Martin;Léa;F;quarante;;75011;Paris;;;;", "ligne 5, colonne Âge : âge non numérique"),
        ("A009;Mme;Martin;Léa;F;40;;750;Paris;;;;", "ligne 5, colonne Code postal : code postal invalide"),
        ("A009;Mme;Martin;Léa;Z;40;;75011;Paris;;;;", "ligne 5, colonne Sexe : sexe non reconnu"),
        ("A009;Mme;Martin;Léa;F;40;;75011;Paris;06 12;;;", "ligne 5, colonne Téléphone : numéro de téléphone invalide"),
        ("A009;Mme;Martin;Léa;F;40;;75011;Paris;;lea@;;", "ligne 5, colonne Courriel : adresse e-mail invalide"),
        (";Mme;Martin;Léa;F;40;;75011;Paris;;;;", "ligne 5, colonne Identifiant : identifiant vide"),
        ("A001;Mme;Martin;Léa;F;40;;75011;Paris;;;;", "ligne 5, colonne Identifiant : identifiant en double (déjà ligne 2)"),
    ],
)
def test_malformed_rows_refuse_the_whole_file(tmp_path, bad_row, expected):
    importer, records = run(write_csv(tmp_path, [HEADER, *GOOD, bad_row]))
    refusal = importer.refusal()
    assert isinstance(refusal, SampleRefused) and not refusal.nir
    assert expected in str(refusal)
    assert "rien n'a été importé" in str(refusal)
    assert any(str(p).startswith(expected) for p in refusal.problems)
    assert len(records) == 3  # the rows before were offered, the caller rolls them back
    assert all(r.line < 5 for r in records)


def test_partial_mode_keeps_valid_rows_and_reports_rejected_ones(tmp_path):
    lines = [HEADER, *GOOD, "A004;Mme;;Léa;F;40;;75011;Paris;;;;", "A005;Mme;Petit;Lou;F;33;;33000;Bordeaux;;;;",
             "A006;M.;Roy;Léo;H;abc;;33000;Bordeaux;;;;"]
    importer, records = run(write_csv(tmp_path, lines), partial=True)
    assert importer.refusal() is None
    assert [r.sample_id for r in records] == ["A001", "A002", "A003", "A005"]
    scan = importer.scan_result
    assert scan.rejected_rows == 2 and scan.valid_rows == 4 and scan.total_rows == 6
    assert [str(p) for p in scan.problems] == ["ligne 5, colonne Nom : nom vide", "ligne 7, colonne Âge : âge non numérique"]


def test_duplicate_ids_flag_every_occurrence(tmp_path):
    lines = [HEADER, *GOOD, "A002;Mme;Autre;Eve;F;30;;75011;Paris;;;;"]
    importer, _records = run(write_csv(tmp_path, lines), partial=True)
    scan = importer.scan_result
    assert scan.duplicate_ids == {"A002"}
    assert {p.line for p in scan.problems} == {3, 5}


def test_ids_already_in_the_study_are_errors(tmp_path):
    importer, records = run(write_csv(tmp_path, [HEADER, *GOOD]), existing_ids={"A002"}, partial=True)
    assert [r.sample_id for r in records] == ["A001", "A003"]
    assert "identifiant déjà importé" in str(importer.scan_result.problems[0])


@pytest.mark.parametrize(
    ("row", "column"),
    [
        (f"A004;Mme;Martin;Léa;F;40;;75011;Paris;;;;son numéro est le {NIR[:1]} {NIR[1:3]} {NIR[3:5]} {NIR[5:7]} {NIR[7:10]} {NIR[10:13]} {NIR[13:]}", "Commentaire"),
        (f"A004;Mme;Martin;Léa;F;40;12 rue X {BODY} bât B;75011;Paris;;;;", "Adresse"),
        (f"A004;Mme;Martin;Léa;F;40;;75011;Paris;;;;{CORSICA_NIR}", "Commentaire"),
        ("A004;Mme;Martin;Léa;F;40;;75011;Paris;;;;1.85.05.2B.123.456", "Commentaire"),
        (f"A004;Mme;Martin;Léa;F;40;;75011;Paris;{NIR};;;", "Téléphone"),
        (f"A004;Mme;Martin;Léa;F;40;;75011;Paris;;;;{NIR[0]},{NIR[1:]}E+14", "Commentaire"),  # Excel export
    ],
)
def test_a_nir_in_any_cell_refuses_the_file_even_in_partial_mode(tmp_path, row, column):
    importer, records = run(write_csv(tmp_path, [HEADER, *GOOD, row, GOOD[0].replace("A001", "A099")]), partial=True)
    refusal = importer.refusal()
    assert isinstance(refusal, SampleRefused) and refusal.nir
    message = str(refusal)
    assert f"ligne 5, colonne {column}" in message
    assert "sécurité sociale" in message
    assert no_digits_of(BODY, message) and no_digits_of(CORSICA[7:], message)
    assert all(r.line < 5 for r in records)  # nothing after the NIR is offered, the NIR row never


def test_a_whole_nir_column_lists_every_row_and_the_header(tmp_path):
    lines = [HEADER + ";NIR"] + [f"{g};{NIR}" for g in GOOD]
    importer, records = run(write_csv(tmp_path, lines))
    refusal = importer.refusal()
    assert refusal is not None and refusal.nir
    listed = [str(p) for p in refusal.problems]
    assert listed[0].startswith("en-tête, colonne NIR")
    assert [f"ligne {n}, colonne NIR : numéro de sécurité sociale (NIR)" for n in (2, 3, 4)] == listed[1:]
    assert records == []
    assert no_digits_of(BODY, str(refusal))


def test_a_long_refusal_lists_twenty_places_then_counts_the_rest(tmp_path):
    lines = [HEADER] + [f"B{i:04d};Mme;Martin;Léa;F;40;;75011;Paris;;;;{NIR}" for i in range(1500)]
    importer, records = run(write_csv(tmp_path, lines))
    refusal = importer.refusal()
    assert refusal is not None and refusal.nir and records == []
    message = str(refusal)
    assert message.count("numéro de sécurité sociale (NIR)\n") + message.endswith("(NIR)") >= 20
    assert "… et 1480 autres" in message
    assert importer.scan_result.nir_count == 1500 and len(refusal.problems) <= 1000


@pytest.mark.parametrize("header", ["N° Sécu", "numero_securite_sociale", "INSEE", "Matricule assuré"])
def test_a_header_naming_a_nir_refuses_the_file_even_with_empty_cells(tmp_path, header):
    lines = [HEADER + f";{header}"] + [g + ";" for g in GOOD]
    importer, records = run(write_csv(tmp_path, lines), partial=True)
    refusal = importer.refusal()
    assert refusal is not None and refusal.nir
    assert f"en-tête, colonne {header}" in str(refusal)
    assert records == []


def test_nir_in_an_xlsx_cell(tmp_path):
    path = tmp_path / "echantillon.xlsx"
    book = openpyxl.Workbook()
    book.active.append(["Identifiant", "Nom", "Remarque"])
    book.active.append(["A1", "Martin", "RAS"])
    book.active.append(["A2", "Petit", int(BODY)])  # a number cell, as Excel keeps it
    book.save(path)
    importer, records = run(path)
    refusal = importer.refusal()
    assert refusal is not None and refusal.nir and "ligne 3, colonne Remarque" in str(refusal)


def test_windows_1252_file_with_accents(tmp_path):
    lines = [HEADER, GOOD[0], GOOD[1]]
    importer, records = run(write_csv(tmp_path, lines, encoding="cp1252"))
    assert importer.refusal() is None
    assert (records[0].last_name, records[0].first_name, records[0].profession) == ("Lefèvre", "Hélène", "Infirmière")
    assert records[1].first_name == "José"


def test_utf8_bom_file_maps_its_first_column(tmp_path):
    path = tmp_path / "bom.csv"
    path.write_bytes(b"\xef\xbb\xbf" + ("\r\n".join([HEADER, *GOOD]) + "\r\n").encode("utf-8"))
    importer, records = run(path)
    assert importer.mapping.columns["Identifiant"] == "sample_id"
    assert [r.first_name for r in records] == ["Hélène", "José", "Moussa"]


def test_edited_mapping_ignores_and_keeps_columns(tmp_path):
    mapping = parse_mapping({"columns": {"Identifiant": "sample_id", "Nom": "last_name", "Commentaire": "ignore",
                                         "Profession": "attribute"}})
    importer, records = run(write_csv(tmp_path, [HEADER, *GOOD]), mapping=mapping)
    assert importer.refusal() is None
    assert records[0].attributes["Profession"] == "Infirmière"
    assert "Commentaire" not in records[0].attributes
    assert records[0].phone is None  # Téléphone not in this mapping: kept as an attribute instead
    assert records[0].attributes["Téléphone"] == "06 12 34 56 78"


def test_mapping_naming_a_missing_column_is_a_header_problem(tmp_path):
    mapping = parse_mapping({"columns": {"Identifiant": "sample_id", "Portable": "phone"}})
    importer, records = run(write_csv(tmp_path, [HEADER, *GOOD]), mapping=mapping, partial=True)
    refusal = importer.refusal()
    assert refusal is not None and not refusal.nir
    assert "en-tête, colonne Portable : colonne absente du fichier" in str(refusal)
    assert records == []


def test_suppressed_people_are_skipped_and_counted(tmp_path):
    importer, records = run(write_csv(tmp_path, [HEADER, *GOOD]), is_suppressed=lambda r: r.phone == "0474112233")
    assert [r.sample_id for r in records] == ["A001", "A003"]
    assert importer.scan_result.suppressed == 1 and importer.refusal() is None


def test_progress_is_reported(tmp_path):
    lines = [HEADER] + [f"B{i:05d};Mme;Martin;Léa;F;40;;75011;Paris;;;;" for i in range(2500)]
    seen = []
    importer, records = run(write_csv(tmp_path, lines), progress=lambda rows, fraction: seen.append((rows, fraction)))
    assert [rows for rows, _ in seen] == [1000, 2000]
    assert all(0 < f <= 1 for _, f in seen) and seen[0][1] < seen[1][1]
    assert len(records) == 2500


def test_check_is_a_dry_run(tmp_path):
    scan = SampleImport(write_csv(tmp_path, [HEADER, *GOOD])).check()
    assert (scan.total_rows, scan.valid_rows, scan.problem_count) == (3, 3, 0)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [("06 12 34 56 78", "0612345678"), ("06.12.34.56.78", "0612345678"), ("+33 6 12 34 56 78", "0612345678"),
     ("+33 (0)1 23 45 67 89", "0123456789"), ("0033123456789", "0123456789"), ("612345678", "0612345678"),
     ("+262 262 12 34 56", "+262262123456"), ("", ""), ("12", None), ("06 12 34 56 7X", None), ("00 12", None)],
)
def test_normalise_phone(raw, expected):
    assert normalise_phone(raw) == expected


def test_normalise_email():
    assert normalise_email(" Jean.Dupont@Exemple.FR ") == "jean.dupont@exemple.fr"
    assert normalise_email("") == ""
    assert normalise_email("jean@") is None and normalise_email("a b@c.fr") is None
