"""How the sync engine talks to the collection server: one HTTP client, injectable for tests."""

from __future__ import annotations

import gzip
import json
import ssl
import time
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Protocol

import httpx

from etudes_desktop.sync import case_protocol as cp
from etudes_desktop.sync import protocol as p

GZIP_ABOVE = 4096  # bytes: smaller bodies are not worth compressing


class TransportFailure(Exception):
    """No HTTP answer: the connection failed or was dropped (`timeout` tells which)."""

    def __init__(self, message: str, *, timeout: bool = False) -> None:
        super().__init__(message)
        self.timeout = timeout


@dataclass(frozen=True)
class Reply:
    """An HTTP answer, whatever its status."""

    status: int
    body: dict[str, Any]
    headers: dict[str, str] = field(default_factory=dict)
    seconds: float = 0.0
    sent_bytes: int = 0

    def retry_after(self) -> float | None:
        """Seconds asked by Retry-After (delta-seconds or HTTP date), if any."""
        value = self.headers.get("retry-after")
        if not value:
            return None
        try:
            return max(0.0, float(value))
        except ValueError:
            pass
        try:
            from email.utils import parsedate_to_datetime

            return max(0.0, (parsedate_to_datetime(value) - datetime.now(tz=parsedate_to_datetime(value).tzinfo))
                       .total_seconds())
        except (TypeError, ValueError):
            return None

    def message(self) -> str:
        return str(self.body.get("message") or self.body.get("error") or f"HTTP {self.status}")


class Transport(Protocol):
    def get_device(self) -> Reply: ...

    def post_batch(self, body: bytes, timeout: float) -> Reply: ...

    def post_audit(self, body: bytes, timeout: float) -> Reply: ...

    def get_studies(self, etag: str | None) -> Reply: ...

    def get_assignment(self, etag: str | None) -> Reply: ...

    def post_case_events(self, body: bytes, timeout: float) -> Reply: ...

    def post_group_session(self, body: bytes, timeout: float) -> Reply: ...

    def close(self) -> None: ...


class HttpTransport:
    """httpx over HTTP(S); the device token in the Authorization header; gzip for large bodies."""

    def __init__(self, server_url: str, token: str, *, verify: bool | str | ssl.SSLContext = True,
                 timeout: float = 30.0) -> None:
        if isinstance(verify, str):  # an internal CA's certificate (PEM)
            verify = ssl.create_default_context(cafile=verify)
        self._client = httpx.Client(
            base_url=server_url.rstrip("/"), verify=verify, timeout=timeout,
            headers={"Authorization": f"Bearer {token}", "User-Agent": "etudes-desktop-sync/1"},
        )

    def get_device(self) -> Reply:
        return self._send("GET", p.DEVICE_PATH, None, None)

    def post_batch(self, body: bytes, timeout: float) -> Reply:
        return self._send("POST", p.BATCHES_PATH, body, timeout)

    def post_audit(self, body: bytes, timeout: float) -> Reply:
        return self._send("POST", p.AUDIT_PATH, body, timeout)

    def get_studies(self, etag: str | None) -> Reply:
        """The study published for this device; 304 (empty body) when `etag` is still current."""
        return self._send("GET", p.STUDIES_PATH, None, None, {"If-None-Match": etag} if etag else None)

    def get_assignment(self, etag: str | None) -> Reply:
        """The people assigned to this device and the shared suppression list; 304 when unchanged."""
        return self._send("GET", cp.ASSIGNMENT_PATH, None, None, {"If-None-Match": etag} if etag else None)

    def post_case_events(self, body: bytes, timeout: float) -> Reply:
        return self._send("POST", cp.CASE_EVENTS_PATH, body, timeout)

    def post_group_session(self, body: bytes, timeout: float) -> Reply:
        from etudes_desktop.sync.group_protocol import GROUP_SESSIONS_PATH

        return self._send("POST", GROUP_SESSIONS_PATH, body, timeout)

    def _send(self, method: str, path: str, body: bytes | None, timeout: float | None,
              extra: dict[str, str] | None = None) -> Reply:
        headers = {"Content-Type": p.MEDIA_TYPE, **(extra or {})}
        if body is not None and len(body) > GZIP_ABOVE:
            body = gzip.compress(body, compresslevel=5)
            headers["Content-Encoding"] = "gzip"
        started = time.perf_counter()
        try:
            kwargs: dict[str, Any] = {"timeout": timeout} if timeout is not None else {}
            response = self._client.request(method, path, content=body, headers=headers, **kwargs)
        except httpx.TimeoutException as exc:
            raise TransportFailure(f"délai dépassé ({type(exc).__name__})", timeout=True) from None
        except httpx.TransportError as exc:
            raise TransportFailure(f"connexion impossible ou interrompue ({type(exc).__name__})") from None
        try:
            data = response.json()
        except (json.JSONDecodeError, UnicodeDecodeError):
            data = {}
        return Reply(status=response.status_code, body=data if isinstance(data, dict) else {},
                     headers={k.lower(): v for k, v in response.headers.items()},
                     seconds=time.perf_counter() - started, sent_bytes=len(body or b""))

    def close(self) -> None:
        self._client.close()
