"""The collection server's ASGI application (Starlette), run by uvicorn.

Routes: GET /health, GET /openapi.json, GET /v1/device, POST /v1/batches, POST /v1/audit, GET
/v1/studies (the study published for the device, see server.publishing), GET /v1/assignment and
POST /v1/case-events (case management, see sync.case_protocol and server.cases_store). Every
error is JSON (`protocol.ErrorBody`) with a French message; every response carries the server
clock. The collection office's web console is mounted under /console (server.console), the
respondents' web questionnaire under /q (server.web).
"""

from __future__ import annotations

import asyncio
import gzip
import hashlib
import json
import logging
import os
import zlib
from typing import Any, TypeVar

import orjson
from pydantic import BaseModel, ValidationError
from sqlalchemy.exc import OperationalError
from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException
from starlette.requests import ClientDisconnect, Request
from starlette.responses import Response
from starlette.routing import Mount, Route

from etudes_desktop.server.cases_store import CasesStore
from etudes_desktop.server.console import create_console
from etudes_desktop.server.groups_store import GroupStore
from etudes_desktop.server.office_store import OfficeStore
from etudes_desktop.server.openapi import openapi_document
from etudes_desktop.server.publishing import studies_document
from etudes_desktop.server.store import BatchReuseError, Device, Store, iso
from etudes_desktop.server.web import create_web
from etudes_desktop.server.web.limits import Limits
from etudes_desktop.sync import case_protocol as cp
from etudes_desktop.sync import group_protocol as gp
from etudes_desktop.sync import protocol as p
from etudes_desktop.sync.wire_guard import identifying

log = logging.getLogger(__name__)

MAX_BODY_BYTES = 8 * 1024 * 1024
MAX_DECOMPRESSED_BYTES = 32 * 1024 * 1024
BODY_TIMEOUT_S = 30.0  # a whole body within this time, or 408 (slow-loris bodies are not held open)
GZIP_FROM_BYTES = 16 * 1024  # a larger assignment travels gzipped when the client accepts it


ModelT = TypeVar("ModelT", bound=BaseModel)
# What a revoked device still may do until it confirms its remote wipe: learn it must wipe, send
# what it holds (interviews, focus group records, the audit log). Anything else (studies,
# assignment, case events): 403.
WHILE_WIPING = frozenset({p.DEVICE_PATH, p.BATCHES_PATH, p.AUDIT_PATH, gp.GROUP_SESSIONS_PATH})


class ApiError(Exception):
    """An answer other than 200, raised anywhere in a handler."""

    def __init__(self, status: int, code: str, message: str, details: list[dict[str, Any]] | None = None,
                 headers: dict[str, str] | None = None) -> None:
        super().__init__(message)
        self.status, self.code, self.message, self.details, self.headers = status, code, message, details, headers


class Server:
    """Handlers bound to one store and its limits."""

    def __init__(self, store: Store, max_body_bytes: int, max_decompressed_bytes: int,
                 body_timeout: float = BODY_TIMEOUT_S) -> None:
        self.store = store
        self.office = OfficeStore(store)
        self.cases = CasesStore(store, self.office)
        self.groups = GroupStore(store)
        self.body_timeout = body_timeout
        self.max_body_bytes = max_body_bytes
        self.max_decompressed_bytes = max_decompressed_bytes
        self._openapi = openapi_document()

    def now(self) -> str:
        return iso(self.store.clock())

    def json(self, payload: dict[str, Any], status: int = 200, headers: dict[str, str] | None = None) -> Response:
        now = payload.get("server_time") or self.now()
        body = json.dumps(payload, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
        return Response(body, status_code=status, media_type=p.MEDIA_TYPE,
                        headers={p.SERVER_TIME_HEADER: now, **(headers or {})})

    async def health(self, request: Request) -> Response:
        return self.json(p.Health(database=self.store.dialect, server_time=self.now()).model_dump())

    async def openapi(self, request: Request) -> Response:
        return self.json(self._openapi)

    async def device(self, request: Request) -> Response:
        device = await self.authenticate(request)
        delivery = await run_in_threadpool(self.store.delivery, device.study_id)
        audit_upto = await run_in_threadpool(self.store.audit_upto, device.id)
        info = p.DeviceInfo(device_id=device.id, device_name=device.name, study_id=device.study_id,
                            server_time=self.now(), study_delivered_on=delivery.delivered_on if delivery else None,
                            wipe_requested=device.wipe_pending, audit_upto=audit_upto)
        return self.json(info.model_dump())

    async def batches(self, request: Request) -> Response:
        device = await self.authenticate(request)
        raw = await self.read_body(request)
        batch = await run_in_threadpool(self.parse_batch, raw)
        if batch.study_id != device.study_id:
            raise ApiError(403, "wrong_study", f"cet appareil n'est pas inscrit pour l'étude {batch.study_id}")
        if batch.device_id is not None and batch.device_id != device.id:
            raise ApiError(403, "wrong_device", "l'identifiant d'appareil ne correspond pas au jeton")
        # A study published here is checked against its package: its notices, its declared attributes
        # (None when not published: the operator's closed list of attributes applies).
        notices = await run_in_threadpool(self.office.notice_hashes, batch.study_id)
        attributes = await run_in_threadpool(self.office.declared_attributes, batch.study_id)
        try:
            receipts = await run_in_threadpool(self.store.ingest, device, batch, notices, attributes)
        except BatchReuseError:
            raise ApiError(409, "batch_id_reused",
                           "cet identifiant de lot a déjà servi pour un autre contenu") from None
        return self.json(receipts.model_dump(mode="json"))

    async def audit(self, request: Request) -> Response:
        """The device's audit log travels too: entries stored once each, whatever the re-sends."""
        device = await self.authenticate(request)
        raw = await self.read_body(request)
        upload = await run_in_threadpool(self.parse_model, p.AuditUpload, raw)
        if upload.device_id is not None and upload.device_id != device.id:
            raise ApiError(403, "wrong_device", "l'identifiant d'appareil ne correspond pas au jeton")
        received, upto, conflicts = await run_in_threadpool(self.store.ingest_audit, device, upload.entries)
        return self.json(p.AuditAck(received=received, upto=upto, server_time=self.now(), conflicts=conflicts).model_dump())

    async def studies(self, request: Request) -> Response:
        """The published study of the token's device, every version and notice, the current package;
        `If-None-Match` with the last ETag answers 304 when nothing changed."""
        device = await self.authenticate(request)
        document = await run_in_threadpool(studies_document, self.office, device.study_id)
        etag = '"' + hashlib.sha256(json.dumps(document, sort_keys=True).encode("utf-8")).hexdigest()[:32] + '"'
        if request.headers.get("if-none-match") == etag:
            return Response(status_code=304, headers={"ETag": etag, p.SERVER_TIME_HEADER: self.now()})
        body = p.StudiesList.model_validate({**document, "server_time": self.now()})
        return self.json(body.model_dump(), headers={"ETag": etag})

    async def assignment(self, request: Request) -> Response:
        """The device's open cases (case_protocol.Assignment), the shared suppression digests and the
        case key; `If-None-Match` with the current generation answers 304."""
        device = await self.authenticate(request)
        etag = '"' + await run_in_threadpool(self.cases.generation, device) + '"'
        if request.headers.get("if-none-match") == etag:
            return Response(status_code=304, headers={"ETag": etag, p.SERVER_TIME_HEADER: self.now()})
        return await run_in_threadpool(self._assignment_answer, device, request.headers.get("accept-encoding", ""))

    def _assignment_answer(self, device: Device, accept: str) -> Response:
        generation, fields = self.cases.assignment(device)
        now = self.now()
        answer = cp.Assignment.model_validate({**fields, "server_time": now})  # the contract, checked here
        data = orjson.dumps(answer.model_dump())
        headers = {"ETag": f'"{generation}"', p.SERVER_TIME_HEADER: now, "Cache-Control": "no-store",
                   "Vary": "Accept-Encoding"}
        if len(data) >= GZIP_FROM_BYTES and "gzip" in accept.lower():
            data = gzip.compress(data, compresslevel=5, mtime=0)
            headers["Content-Encoding"] = "gzip"
        return Response(data, media_type=p.MEDIA_TYPE, headers=headers)

    async def case_events(self, request: Request) -> Response:
        """What happened to the cases on the laptop (objections, completions, calls), once per event id."""
        device = await self.authenticate(request)
        raw = await self.read_body(request)
        upload = await run_in_threadpool(self.parse_model, cp.CaseEventsUpload, raw)
        if upload.study_id != device.study_id:
            raise ApiError(403, "wrong_study", f"cet appareil n'est pas inscrit pour l'étude {upload.study_id}")
        stored = await run_in_threadpool(self.cases.ingest_events, device, list(upload.events))
        return self.json(cp.CaseEventsAck(received=stored.received, upto=stored.upto, server_time=self.now(),
                                          conflicts=stored.conflicts).model_dump())

    async def group_sessions(self, request: Request) -> Response:
        """One closed focus group session (server.groups_store): accepted, duplicate or conflict."""
        device = await self.authenticate(request)
        raw = await self.read_body(request)
        upload = await run_in_threadpool(self.parse_model, gp.GroupSessionUpload, raw)
        status, reason = await run_in_threadpool(self.groups.ingest, device, upload)
        return self.json(gp.GroupSessionReceipt(session_id=upload.record.session_id, status=status, reason=reason,
                                                server_time=self.now()).model_dump())

    async def authenticate(self, request: Request) -> Device:
        header = request.headers.get("authorization", "")
        scheme, _, token = header.partition(" ")
        if scheme.lower() != "bearer" or not token.strip():
            raise ApiError(401, "unauthenticated", "jeton d'appareil manquant",
                           headers={"WWW-Authenticate": "Bearer"})
        device = await run_in_threadpool(self.store.authenticate, token.strip())
        if device is None:
            raise ApiError(401, "invalid_token", "jeton d'appareil inconnu ou révoqué",
                           headers={"WWW-Authenticate": 'Bearer error="invalid_token"'})
        if device.wipe_pending and request.url.path not in WHILE_WIPING:
            raise ApiError(403, "device_revoked", "cet ordinateur a été retiré de l'étude par le bureau d'études : "
                                                  "il envoie ce qu'il détient, puis détruit ses données de l'étude")
        return device

    async def read_body(self, request: Request) -> bytes:
        """The request body, bounded before and after decompression (413 beyond the limits), JSON
        only (415), read within body_timeout seconds (408 for a half-sent body)."""
        media = request.headers.get("content-type", "").split(";")[0].strip().lower()
        if media != p.MEDIA_TYPE:
            raise ApiError(415, "unsupported_media_type", "type de contenu non pris en charge (application/json seulement)")
        declared = request.headers.get("content-length")
        if declared and declared.isdigit() and int(declared) > self.max_body_bytes:
            raise _too_large(self.max_body_bytes)
        chunks: list[bytes] = []
        try:
            async with asyncio.timeout(self.body_timeout):
                size = 0
                async for chunk in request.stream():
                    size += len(chunk)
                    if size > self.max_body_bytes:
                        raise _too_large(self.max_body_bytes)
                    chunks.append(chunk)
        except TimeoutError:
            log.info("request body not received within %.0f s: closed", self.body_timeout)
            raise ApiError(408, "body_timeout", "corps de requête incomplet (délai dépassé)",
                           headers={"Connection": "close"}) from None
        except ClientDisconnect:
            log.info("client disconnected while sending its body")
            raise ApiError(400, "client_disconnected", "client déconnecté pendant l'envoi") from None
        body = b"".join(chunks)
        encoding = request.headers.get("content-encoding", "identity").strip().lower()
        if encoding == "gzip":
            return gunzip_bounded(body, self.max_decompressed_bytes)
        if encoding not in ("", "identity"):
            raise ApiError(415, "unsupported_encoding", f"encodage non pris en charge : {encoding} (gzip seulement)")
        return body

    def parse_batch(self, raw: bytes) -> p.Batch:
        return self.parse_model(p.Batch, raw)

    def parse_model(self, model: type[ModelT], raw: bytes) -> ModelT:
        """JSON body -> protocol model; 422 with details (never the input) when malformed."""
        # orjson is the cheap pre-scan: it refuses nesting deeper than 1024, NaN, integers beyond
        # 64 bits and numbers beyond a double (a 100,000-digit integer) before building anything;
        # no second parser is tried (Python's json would recurse, or convert a huge integer).
        try:
            data = orjson.loads(raw)
        except orjson.JSONDecodeError as exc:
            raise ApiError(422, "malformed_json", "le corps de la requête n'est pas du JSON valide",
                           [{"loc": [], "msg": str(exc)[:200], "type": "json_invalid"}]) from None
        try:
            return model.model_validate(data)
        except ValidationError as exc:
            details = exc.errors(include_input=False, include_url=False, include_context=False)
            for detail in details:  # a location may be a key holding the data itself: never echo it
                detail["loc"] = [part if isinstance(part, int) or not identifying(str(part)) else "…"
                                 for part in detail["loc"]]
            what = "lot" if model is p.Batch else "envoi"
            raise ApiError(422, f"invalid_{'batch' if model is p.Batch else 'body'}",
                           f"{what} invalide ({exc.error_count()} erreur(s))",
                           json.loads(json.dumps(details, default=str))) from None


def gunzip_bounded(body: bytes, limit: int) -> bytes:
    """Decompress gzip without ever holding more than limit bytes (gzip bombs get a 413)."""
    inflater = zlib.decompressobj(16 + zlib.MAX_WBITS)
    try:
        out = inflater.decompress(body, limit + 1)
    except zlib.error as exc:
        raise ApiError(422, "malformed_gzip", "corps gzip illisible",
                       [{"loc": [], "msg": str(exc), "type": "gzip_invalid"}]) from None
    if len(out) > limit or inflater.unconsumed_tail:
        raise ApiError(413, "too_large", f"corps décompressé trop volumineux (limite {limit} octets)")
    if not inflater.eof:
        raise ApiError(422, "malformed_gzip", "corps gzip tronqué", [{"loc": [], "msg": "truncated", "type": "gzip_invalid"}])
    if inflater.unused_data:
        raise ApiError(422, "malformed_gzip", "un seul membre gzip est accepté",
                       [{"loc": [], "msg": "trailing data after the gzip member", "type": "gzip_invalid"}])
    return out


def _too_large(limit: int) -> ApiError:
    return ApiError(413, "too_large", f"requête trop volumineuse (limite {limit} octets)")


def create_app(store: Store, *, max_body_bytes: int = MAX_BODY_BYTES,
               max_decompressed_bytes: int = MAX_DECOMPRESSED_BYTES, body_timeout: float = BODY_TIMEOUT_S,
               web_limits: Limits | None = None) -> Starlette:
    """The ASGI application over one store; `web_limits`: the web questionnaire's request limits
    (per link and per client address)."""
    server = Server(store, max_body_bytes, max_decompressed_bytes, body_timeout)
    office = server.office

    def error_response(exc: ApiError) -> Response:
        body = p.ErrorBody(error=exc.code, message=exc.message, details=exc.details, server_time=server.now())
        return server.json(body.model_dump(exclude_none=True), exc.status, exc.headers)

    async def on_api_error(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, ApiError)
        return error_response(exc)

    async def on_database_down(request: Request, exc: Exception) -> Response:
        log.warning("database unavailable: %s", type(exc).__name__)
        return error_response(ApiError(503, "unavailable", "base de données indisponible, réessayez plus tard",
                                       headers={"Retry-After": "5"}))

    async def on_http_error(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, HTTPException)
        code = {404: "not_found", 405: "method_not_allowed"}.get(exc.status_code, "http_error")
        message = {404: "adresse inconnue", 405: "méthode non autorisée pour cette adresse"}.get(
            exc.status_code, str(exc.detail))
        return error_response(ApiError(exc.status_code, code, message, headers=dict(exc.headers or {})))

    async def on_crash(request: Request, exc: Exception) -> Response:
        log.error("unexpected error: %s", type(exc).__name__)
        return error_response(ApiError(500, "internal", "erreur interne du serveur"))

    routes = [
        Route(p.HEALTH_PATH, server.health, methods=["GET"]),
        Route("/openapi.json", server.openapi, methods=["GET"]),
        Route(p.DEVICE_PATH, server.device, methods=["GET"]),
        Route(p.BATCHES_PATH, server.batches, methods=["POST"]),
        Route(p.AUDIT_PATH, server.audit, methods=["POST"]),
        Route(p.STUDIES_PATH, server.studies, methods=["GET"]),
        Route(cp.ASSIGNMENT_PATH, server.assignment, methods=["GET"]),
        Route(cp.CASE_EVENTS_PATH, server.case_events, methods=["POST"]),
        Route(gp.GROUP_SESSIONS_PATH, server.group_sessions, methods=["POST"]),
        Mount("/console", app=create_console(office)),
        Mount("/q", app=create_web(store, office, server.cases, web_limits)),
    ]
    app = Starlette(routes=routes, exception_handlers={
        ApiError: on_api_error, HTTPException: on_http_error, OperationalError: on_database_down,
        Exception: on_crash,
    })
    app.state.store = store
    app.state.office = office
    return app


def app_from_env() -> Starlette:
    """Factory for `uvicorn --factory` with several workers: the store comes from the environment."""
    store = Store.open(data_dir=os.environ.get("ETUDES_SERVER_DATA_DIR"),
                       database_url=os.environ.get("ETUDES_SERVER_DATABASE_URL"))
    return create_app(store)
