"""The OpenAPI 3.1 document of the collection server, built from the protocol's pydantic models."""

from __future__ import annotations

from typing import Any

from pydantic.json_schema import models_json_schema

from etudes_desktop import __version__
from etudes_desktop.sync import case_protocol as cp
from etudes_desktop.sync import group_protocol as gp
from etudes_desktop.sync import protocol as p

_REF = "#/components/schemas/{model}"


def _ref(name: str) -> dict[str, str]:
    return {"$ref": _REF.format(model=name)}


def _json(name: str, description: str) -> dict[str, Any]:
    return {"description": description, "content": {p.MEDIA_TYPE: {"schema": _ref(name)}}}


def _errors(*codes: int) -> dict[str, Any]:
    texts = {
        401: "jeton manquant, inconnu ou révoqué", 403: "appareil non inscrit pour cette étude",
        409: "identifiant de lot réutilisé pour un autre contenu", 413: "corps trop volumineux (compressé ou non)",
        415: "encodage non pris en charge", 422: "entrée invalide (détails fournis)",
        500: "erreur interne", 503: "indisponible (voir Retry-After)",
    }
    return {str(code): _json("ErrorBody", texts[code]) for code in codes}


def openapi_document() -> dict[str, Any]:
    """The whole document; schemas come from the same models the client and server use."""
    _, schemas = models_json_schema(
        [(p.Batch, "validation"), (p.InterviewPayload, "validation"), (p.BatchReceipts, "serialization"),
         (p.DeviceInfo, "serialization"), (p.Health, "serialization"), (p.ErrorBody, "serialization"),
         (p.AuditUpload, "validation"), (p.AuditAck, "serialization"), (p.StudiesList, "serialization"),
         (cp.Assignment, "serialization"), (cp.CaseEventsUpload, "validation"), (cp.CaseEventsAck, "serialization"),
         (gp.GroupSessionUpload, "validation"), (gp.GroupSessionReceipt, "serialization")],
        ref_template=_REF,
    )
    bearer = [{"deviceToken": []}]
    server_time = {p.SERVER_TIME_HEADER: {"description": "horloge du serveur (ISO 8601, UTC)",
                                          "schema": {"type": "string"}}}
    receipts = _json("BatchReceipts", "un reçu par entretien, dans l'ordre d'envoi; identiques à chaque renvoi")
    receipts["headers"] = server_time
    return {
        "openapi": "3.1.0",
        "info": {
            "title": "Études terrain — serveur de collecte",
            "version": __version__,
            "description": (
                f"Protocole de synchronisation version {p.PROTOCOL_VERSION}. Corps JSON, gzip accepté "
                "(Content-Encoding: gzip). L'identifiant de lot est la clé d'idempotence. Le contenu de "
                "chaque entretien (payload, voir InterviewPayload) est vérifié un par un : un entretien "
                "invalide reçoit un reçu « rejected » avec sa raison."
            ),
        },
        "paths": {
            p.HEALTH_PATH: {"get": {"summary": "état du serveur et horloge", "operationId": "health",
                                    "responses": {"200": _json("Health", "en service")}}},
            p.DEVICE_PATH: {"get": {"summary": "l'appareil du jeton, son étude, l'horloge du serveur",
                                    "operationId": "device", "security": bearer,
                                    "responses": {"200": _json("DeviceInfo", "appareil"), **_errors(401, 503)}}},
            p.BATCHES_PATH: {"post": {
                "summary": "envoyer un lot d'entretiens", "operationId": "postBatch", "security": bearer,
                "requestBody": {"required": True, "content": {p.MEDIA_TYPE: {"schema": _ref("Batch")}}},
                "responses": {"200": receipts, **_errors(401, 403, 409, 413, 415, 422, 500, 503)},
            }},
            p.AUDIT_PATH: {"post": {
                "summary": "envoyer le journal d'audit de l'appareil (événements, identifiants, comptes)",
                "operationId": "postAudit", "security": bearer,
                "requestBody": {"required": True, "content": {p.MEDIA_TYPE: {"schema": _ref("AuditUpload")}}},
                "responses": {"200": _json("AuditAck", "entrées conservées une fois chacune"),
                              **_errors(401, 403, 413, 415, 422, 500, 503)},
            }},
            p.STUDIES_PATH: {"get": {
                "summary": "l'étude publiée pour l'appareil : ses versions, leurs notices, le paquet courant",
                "operationId": "studies", "security": bearer,
                "parameters": [{"name": "If-None-Match", "in": "header", "required": False,
                                "schema": {"type": "string"}, "description": "ETag de la dernière réponse"}],
                "responses": {"200": _json("StudiesList", "études publiées (liste vide si aucune)"),
                              "304": {"description": "rien n'a changé depuis cet ETag"}, **_errors(401, 503)},
            }},
            cp.ASSIGNMENT_PATH: {"get": {
                "summary": "les personnes attribuées à l'appareil, la liste d'opposition partagée (empreintes), "
                           "la clé de dossier de l'étude",
                "operationId": "assignment", "security": bearer,
                "parameters": [{"name": "If-None-Match", "in": "header", "required": False,
                                "schema": {"type": "string"}, "description": "ETag (génération) de la dernière réponse"}],
                "responses": {"200": _json("Assignment", "attribution complète de l'appareil (gzip si accepté)"),
                              "304": {"description": "rien n'a changé depuis cette génération"}, **_errors(401, 503)},
            }},
            cp.CASE_EVENTS_PATH: {"post": {
                "summary": "envoyer les événements des dossiers (oppositions, entretiens faits, appels)",
                "operationId": "postCaseEvents", "security": bearer,
                "requestBody": {"required": True, "content": {p.MEDIA_TYPE: {"schema": _ref("CaseEventsUpload")}}},
                "responses": {"200": _json("CaseEventsAck", "événements conservés une fois chacun"),
                              **_errors(401, 403, 413, 415, 422, 500, 503)},
            }},
            gp.GROUP_SESSIONS_PATH: {"post": {
                "summary": "envoyer une réunion de groupe close (pseudonymisée : aucun nom)",
                "operationId": "postGroupSession", "security": bearer,
                "requestBody": {"required": True, "content": {p.MEDIA_TYPE: {"schema": _ref("GroupSessionUpload")}}},
                "responses": {"200": _json("GroupSessionReceipt", "reçue, déjà reçue, ou en conflit"),
                              **_errors(401, 413, 415, 422, 500, 503)},
            }},
        },
        "components": {
            "schemas": schemas["$defs"],
            "securitySchemes": {"deviceToken": {"type": "http", "scheme": "bearer",
                                                "description": "jeton d'appareil délivré par `etudes-server enroll`"}},
        },
    }
