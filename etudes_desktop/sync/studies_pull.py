"""A sync step: the study published on the server comes down to the laptop (`GET /v1/studies`).

The package is checked again here as if imported by hand (the same model, the NIR guard, the
questionnaire's expressions), then stored: new interviews start on the new version without
reinstalling anything, while the interviews already begun keep the version they carry. A study
closed on the server is closed here to new interviews. The ETag of the last answer is kept, so
an unchanged publication costs one small 304. A server without publications (404) or with
nothing published for this study changes nothing.
"""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Callable
from datetime import datetime
from typing import Any

from pydantic import ValidationError

from etudes_desktop.core.form_problems import FormError
from etudes_desktop.core.plural import count
from etudes_desktop.core.study import StudyPackage
from etudes_desktop.sync import protocol as p
from etudes_desktop.sync.transport import Reply, Transport

log = logging.getLogger(__name__)

SETTING_STUDIES_ETAG = "sync.studies_etag"


class StudyRefused(Exception):
    """The published package does not pass the laptop's checks: nothing was stored."""


def pull(vault: Any, transport: Transport, study_id: str, call: Callable[[Callable[[], Reply]], Reply],
         now: datetime) -> str:
    """Bring the published study down; returns what happened: "updated", "created", "closed",
    "unchanged" or "none" (nothing published). StudyRefused when the package fails the checks."""
    from etudes_desktop.storage.studies import close_study, save_study
    from etudes_desktop.sync.engine import read_setting, write_setting

    etag = read_setting(vault, SETTING_STUDIES_ETAG)
    reply = call(lambda: transport.get_studies(etag))
    if reply.status == 304:
        return "unchanged"
    if reply.status == 404:
        return "none"  # a server from before publications
    if reply.status != 200:
        raise StudyRefused(f"études publiées illisibles ({reply.message()})")
    try:
        published = p.StudiesList.model_validate(reply.body)
    except ValidationError as exc:
        raise StudyRefused(f"réponse du serveur invalide ({count(exc.error_count(), 'erreur')})") from None
    outcome = "none"
    for study in published.studies:
        if study.study_id != study_id:
            continue  # a token writes to one study only; anything else is not ours to store
        package = checked_package(study)
        outcome = save_study(vault, package, now)
        if study.closed and close_study(vault, study_id, "server", now):
            outcome = "closed"
    write_setting(vault, SETTING_STUDIES_ETAG, reply.headers.get("etag"))
    return outcome


def checked_package(study: p.PublishedStudyInfo) -> StudyPackage:
    """The study package, checked as `etudes study import` checks a file."""
    from etudes_desktop.core.session.graph import check_questionnaire
    from etudes_desktop.core.study_load import refuse_nir_in_package

    if hashlib.sha256(study.package_json.encode("utf-8")).hexdigest() != study.package_sha256:
        raise StudyRefused("paquet d'étude altéré (empreinte différente)")
    try:
        package = StudyPackage.model_validate_json(study.package_json)
        if package.id != study.study_id or package.version != study.current_version:
            raise StudyRefused("paquet d'étude incohérent (identifiant ou version)")
        refuse_nir_in_package(package)
        problems = check_questionnaire(package.questionnaire)
        if problems:
            raise FormError(problems)
    except ValidationError as exc:
        raise StudyRefused(f"paquet d'étude invalide ({count(exc.error_count(), 'erreur')})") from None
    except FormError as exc:
        raise StudyRefused(f"paquet d'étude refusé : {exc.problems[0]}") from None
    return package
