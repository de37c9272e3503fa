"""A small TCP proxy on 127.0.0.1 that drops connections before or after the server answers.

Only the network is faked: behind it runs the real server. Faults are consumed one per HTTP
request, in order: "pass" forwards, "drop_before" closes before the request reaches the server,
"drop_after" lets the server commit and answer, then closes before the client reads the answer,
"duplicate" delivers the request twice (the client reads the second answer), "slow" holds the
answer back for `slow_seconds`, "replay_later" delivers the request normally and once more, late,
after the next request (a stale duplicate arriving out of order), "http_500"/"http_503" answer in the server's place (as a load
balancer would), the 503 with `Retry-After: 7`.
"""

from __future__ import annotations

import socket
import threading
import time
from collections import deque


def _canned(status: str, extra: str = "") -> bytes:
    body = b'{"error":"unavailable","message":"indisponible","server_time":"2026-01-01T00:00:00Z"}'
    head = f"HTTP/1.1 {status}\r\ncontent-type: application/json\r\ncontent-length: {len(body)}\r\n{extra}\r\n"
    return head.encode() + body


CANNED = {"http_500": _canned("500 Internal Server Error"),
          "http_503": _canned("503 Service Unavailable", "retry-after: 7\r\n")}


def _read_message(sock: socket.socket, buffer: bytearray) -> bytes | None:
    """One HTTP/1.1 message with a Content-Length body (what httpx and uvicorn send here)."""
    while b"\r\n\r\n" not in buffer:
        chunk = sock.recv(65536)
        if not chunk:
            return None
        buffer += chunk
    head_end = buffer.index(b"\r\n\r\n") + 4
    length = 0
    for line in bytes(buffer[:head_end]).split(b"\r\n"):
        name, _, value = line.partition(b":")
        if name.strip().lower() == b"content-length":
            length = int(value.strip())
    while len(buffer) < head_end + length:
        chunk = sock.recv(65536)
        if not chunk:
            return None
        buffer += chunk
    message = bytes(buffer[: head_end + length])
    del buffer[: head_end + length]
    return message


class FaultyProxy:
    """Forwards 127.0.0.1:<port> to the upstream server, applying queued faults."""

    def __init__(self, upstream_port: int) -> None:
        self.upstream_port = upstream_port
        self.faults: deque[str] = deque()
        self.seen: list[str] = []
        self.slow_seconds = 3.0
        self._stale: list[bytes] = []
        self.late_answers: list[bytes] = []
        self._listener = socket.create_server(("127.0.0.1", 0))
        self.port = self._listener.getsockname()[1]
        self._closed = False
        self._lock = threading.Lock()
        threading.Thread(target=self._accept, daemon=True).start()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def fail_next(self, *faults: str) -> None:
        self.faults.extend(faults)

    def close(self) -> None:
        self._closed = True
        self._listener.close()

    def _next_fault(self) -> str:
        with self._lock:
            fault = self.faults.popleft() if self.faults else "pass"
            self.seen.append(fault)
            return fault

    def _deliver_late(self, request: bytes) -> None:
        with socket.create_connection(("127.0.0.1", self.upstream_port)) as upstream:
            upstream.sendall(request)
            answer = _read_message(upstream, bytearray())
        self.late_answers.append(answer or b"")

    def _accept(self) -> None:
        while not self._closed:
            try:
                client, _ = self._listener.accept()
            except OSError:
                return
            threading.Thread(target=self._handle, args=(client,), daemon=True).start()

    def _handle(self, client: socket.socket) -> None:
        upstream = socket.create_connection(("127.0.0.1", self.upstream_port))
        from_client, from_server = bytearray(), bytearray()
        try:
            while True:
                request = _read_message(client, from_client)
                if request is None:
                    return
                fault = self._next_fault()
                if fault == "drop_before":
                    return
                if fault in CANNED:
                    client.sendall(CANNED[fault])
                    continue
                for _ in range(2 if fault == "duplicate" else 1):
                    upstream.sendall(request)
                    response = _read_message(upstream, from_server)
                if response is None or fault == "drop_after":
                    return
                if fault == "slow":
                    time.sleep(self.slow_seconds)
                client.sendall(response)
                stale, self._stale = self._stale, ([request] if fault == "replay_later" else [])
                for old in stale:
                    self._deliver_late(old)
        except OSError:
            return
        finally:
            client.close()
            upstream.close()
