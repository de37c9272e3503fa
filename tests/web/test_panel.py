"""`etudes-server panel import`: an online panel's export checked row by row by the engine (choices,
constraints, required, relevance), every cell through the NIR guard, refused whole with each
problem's line and column, or imported as internet interviews once, whatever the re-imports."""

from __future__ import annotations

from pathlib import Path

import pytest

from etudes_desktop.core.bounded_files import TableLimits
from etudes_desktop.core.errors import EtudesError
from etudes_desktop.server import panel
from etudes_desktop.server.cli import main
from etudes_desktop.server.panel import PanelRefused, import_panel
from etudes_desktop.server.progress_store import ProgressStore
from tests.server.cases_files import NIR
from tests.web.conftest import Web
from tests.web.study import STUDY

HEADER = "satisfait;pourquoi;note;canaux;visites;dernier;consent_at"
GOOD = ["oui;;8;tel;;2026-03-01;2026-03-02T10:00:00+01:00", "non;Attente au guichet;4;agence tel;2;;02/03/2026 14:05"]
BAD = [
    "peut-être;;8;tel;;;2026-03-02T10:00:00Z",  # line 4: not a choice
    "oui;Pourtant;8;tel;;;2026-03-02T10:00:00Z",  # line 5: pourquoi is asked only of the dissatisfied
    "non;Attente;12;tel;;;2026-03-02T10:00:00Z",  # line 6: the note's constraint
    "oui;;;tel;;;2026-03-02T10:00:00Z",  # line 7: the note is required
    f"non;{NIR};5;tel;;;2026-03-02T10:00:00Z",  # line 8: a NIR
    "oui;;5;courriel;;;",  # line 9: no consent timestamp
    "oui;;5;tel;150;;2026-03-02T10:00:00Z",  # line 10: visites asked only of those who went to an agency
]


def _file(folder: Path, lines: list[str], name: str = "panel.csv", header: str = HEADER) -> Path:
    path = folder / name
    path.write_text("\r\n".join([header, *lines]) + "\r\n", encoding="utf-8")
    return path


def test_planted_errors_are_listed_by_line_and_column_and_nothing_is_imported(web_sqlite: Web, tmp_path: Path,
                                                                            capsys) -> None:
    web = web_sqlite
    with pytest.raises(PanelRefused) as refused:
        import_panel(web.store, STUDY, _file(tmp_path, GOOD + BAD))
    found = [(pr.line, pr.column, pr.message) for pr in refused.value.problems]
    assert found == [
        (4, "satisfait", "Ce choix ne figure pas dans la liste proposée"),
        (5, "pourquoi", "réponse à une question qui n'aurait pas dû être posée (condition d'affichage : "
                        "${satisfait} = 'non')"),
        (6, "note", "La note va de 0 à 10"),
        (7, "note", "Cette question est obligatoire"),
        (8, "pourquoi", panel.NIR_REFUSED),
        (9, "consent_at", "horodatage du consentement absent ou illisible (attendu : 2026-03-02T14:05:00+01:00 ou "
                          "02/03/2026 14:05)"),
        (10, "visites", "réponse à une question qui n'aurait pas dû être posée (condition d'affichage : "
                        "selected(${canaux}, 'agence'))"),
    ]
    assert NIR not in " ".join(str(pr) for pr in refused.value.problems)
    assert list(web.store.iter_interviews(STUDY)) == []
    assert main(["panel", "import", STUDY, str(_file(tmp_path, BAD, "bad.csv")), "--data-dir",
                 str(tmp_path / "server")]) == 1
    err = capsys.readouterr().err
    assert "ligne 3, colonne « pourquoi » : réponse à une question qui n'aurait pas dû être posée" in err
    assert "rien n'a été importé" in err and NIR not in err and "Traceback" not in err


def test_unknown_columns_and_a_missing_consent_column_are_refused(web_sqlite: Web, tmp_path: Path) -> None:
    with pytest.raises(PanelRefused) as refused:
        import_panel(web_sqlite.store, STUDY, _file(tmp_path, ["oui;45"], header="satisfait;age"))
    assert [str(pr) for pr in refused.value.problems] == [
        "ligne 1 : colonne de l'horodatage du consentement absente (consent_at, consent_timestamp, consentement "
        "ou date_consentement)",
        "ligne 1, colonne « age » : colonne inconnue : ce n'est le nom d'aucune question du questionnaire"]


def test_a_good_export_is_imported_as_internet_interviews_once(web_sqlite: Web, tmp_path: Path) -> None:
    web = web_sqlite
    path = _file(tmp_path, GOOD)
    report = import_panel(web.store, STUDY, path)
    assert (report.rows, report.imported, report.duplicates) == (2, 2, 0)
    stored = sorted((r["payload"] for r in web.store.iter_interviews(STUDY)), key=lambda x: x["answers"]["note"])
    assert [s["answers"] for s in stored] == [
        {"satisfait": "non", "pourquoi": "Attente au guichet", "note": 4, "canaux": "tel agence", "visites": 2},
        {"satisfait": "oui", "note": 8, "canaux": "tel", "dernier": "2026-03-01"}]
    assert {s["mode"] for s in stored} == {"internet"} and {s["interviewer"] for s in stored} == {"panel"}
    assert stored[0]["consent"]["decided_at"] == "2026-03-02T13:05:00.000000Z"  # Paris time, stored in UTC
    again = import_panel(web.store, STUDY, path)
    assert (again.imported, again.duplicates) == (0, 2)
    assert ProgressStore(web.store).progress(STUDY).by_mode["internet"].completed == 2


def test_a_file_beyond_the_row_limit_is_refused_in_one_french_line(web_sqlite: Web, tmp_path: Path) -> None:
    with pytest.raises(EtudesError) as refused:
        import_panel(web_sqlite.store, STUDY, _file(tmp_path, GOOD * 3), limits=TableLimits(rows=3))
    assert refused.value.message == "fichier refusé : plus de 3 lignes (3 au plus) ; découpez le fichier"
    assert list(web_sqlite.store.iter_interviews(STUDY)) == []
