"""Publishing a study from the server: the laptop's own checks on the uploaded file, then a new
version in the office store; and what `GET /v1/studies` tells a device. No SQL here."""

from __future__ import annotations

import re
import tempfile
from pathlib import Path
from typing import Any

from etudes_desktop.core.errors import EtudesError
from etudes_desktop.core.form_problems import FormError, FormProblem
from etudes_desktop.core.study import StudyPackage
from etudes_desktop.core.study_load import load_package
from etudes_desktop.server.office_store import OfficeStore

MAX_STUDY_FILE_BYTES = 10 * 1024 * 1024
SUFFIXES = (".xlsx", ".xls", ".json")
OUTCOME_FR = {
    "created": "étude {study} publiée (version {version})",
    "version": "nouvelle version {version} de l'étude {study} publiée",
    "unchanged": "version {version} de l'étude {study} déjà publiée à l'identique : rien de changé",
}


def _safe_name(name: str) -> str:
    """The uploaded file's own name (no folder), its stem being the study id by default."""
    base = Path((name or "").replace("\\", "/")).name.strip()
    base = re.sub(r"[\x00-\x1f\x7f/]", "", base)[:200]
    return base or "formulaire.xlsx"


def check_file(name: str, data: bytes) -> StudyPackage:
    """The checked package of an uploaded XLSForm or JSON package, exactly as the laptop's `study
    check` reads it; FormError with every located problem otherwise."""
    safe = _safe_name(name)
    if Path(safe).suffix.lower() not in SUFFIXES:
        raise FormError([FormProblem("fichier", None, None, "fichier .xlsx, .xls ou .json attendu")])
    if not data:
        raise FormError([FormProblem("fichier", None, None, "fichier vide")])
    if len(data) > MAX_STUDY_FILE_BYTES:
        raise FormError([FormProblem("fichier", None, None,
                                     f"fichier trop volumineux (au plus {MAX_STUDY_FILE_BYTES // (1024 * 1024)} Mo)")])
    with tempfile.TemporaryDirectory(prefix="etudes-publish-") as folder:  # a study file holds no personal data
        path = Path(folder) / safe
        path.write_bytes(data)
        try:
            return load_package(path)
        except FormError:
            raise
        except EtudesError as exc:
            raise FormError([FormProblem("fichier", None, None, exc.message)]) from None


def publish_file(office: OfficeStore, name: str, data: bytes, *, actor: str,
                 role: str | None) -> tuple[StudyPackage, str]:
    """Check the file and publish it as a version of its study; returns (package, outcome)."""
    package = check_file(name, data)
    notice = package.notice
    en = None
    if notice.text_en:
        from etudes_desktop.core.interview import text_sha256

        en = text_sha256(notice.text_en)
    try:
        outcome = office.publish(study_id=package.id, title=package.title, version=package.version,
                                 package_json=package.model_dump_json(), source_name=_safe_name(name), source=data,
                                 notice=(notice.id, notice.version, notice.sha256, en), actor=actor, role=role)
    except EtudesError as exc:
        raise FormError([FormProblem("settings", None, "version", exc.message)]) from None
    return package, outcome


def studies_document(office: OfficeStore, study_id: str) -> dict[str, Any]:
    """What a device enrolled for `study_id` may know: its published study, every version with
    its notice, and the package of the current version (nothing when the study is not published)."""
    out: list[dict[str, Any]] = []
    for study in office.studies(study_id):
        current = study.current
        package_json = office.package_json(study.study_id, current.version)
        out.append({
            "study_id": study.study_id, "title": study.title, "closed": study.closed_at is not None,
            "closed_at": study.closed_at, "current_version": current.version,
            "versions": [{"version": v.version, "published_at": v.published_at, "package_sha256": v.package_sha256,
                          "notice": {"id": v.notice_id, "version": v.notice_version, "text_sha256": v.notice_sha256}}
                         for v in study.versions],
            "package_sha256": current.package_sha256,
            "package_json": package_json,  # the exact text hashed in package_sha256
        })
    return {"studies": out}
