"""The real server in a background thread on 127.0.0.1: for `--demo` (see sync.demo_server), tests and
benchmarks."""

from __future__ import annotations

import threading
import time
from typing import Any

import uvicorn

from etudes_desktop.server.app import create_app
from etudes_desktop.server.store import Store


class EmbeddedServer:
    """uvicorn serving one store on a free local port until `stop()`."""

    def __init__(self, store: Store, *, host: str = "127.0.0.1", port: int = 0, **app_options: Any) -> None:
        self.store = store
        self.app = create_app(store, **app_options)
        config = uvicorn.Config(self.app, host=host, port=port, log_level="warning", lifespan="off",
                                access_log=False)
        self._server = uvicorn.Server(config)
        self._thread: threading.Thread | None = None
        self.host = host
        self.port = port

    @property
    def url(self) -> str:
        return f"http://{self.host}:{self.port}"

    def start(self, timeout: float = 10.0) -> EmbeddedServer:
        self._thread = threading.Thread(target=self._server.run, name="etudes-server", daemon=True)
        self._thread.start()
        deadline = time.monotonic() + timeout
        while not self._server.started:
            if not self._thread.is_alive() or time.monotonic() > deadline:
                raise RuntimeError("the embedded server did not start")
            time.sleep(0.01)
        self.port = self._server.servers[0].sockets[0].getsockname()[1]
        return self

    def stop(self, close_store: bool = False) -> None:
        self._server.should_exit = True
        if self._thread is not None:
            self._thread.join(timeout=10)
        if close_store:
            self.store.close()

    def __enter__(self) -> EmbeddedServer:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

