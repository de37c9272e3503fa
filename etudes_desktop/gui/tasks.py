"""Background work: one `run_task` helper over a QThreadPool, results back on the GUI thread.

Workers receive plain data (a callable closing over values, never widgets). Tests and the
screenshot renderer pass `ImmediatePool()`, which runs the task synchronously.
"""

from __future__ import annotations

from typing import Any, Callable, Protocol

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot

_pending: set["_Relay"] = set()


class Pool(Protocol):
    """What run_task needs from a pool: QThreadPool has it, ImmediatePool too."""

    def start(self, runnable: QRunnable) -> None: ...


class ImmediatePool:
    """A pool that runs each task at once in the calling thread (tests, screenshots)."""

    def start(self, runnable: QRunnable) -> None:
        runnable.run()


class _Relay(QObject):
    """Lives in the GUI thread; the worker's signals are queued to its slots."""

    done = Signal(object)
    failed = Signal(object)

    def __init__(self, on_done: Callable[[Any], None], on_error: Callable[[BaseException], None] | None) -> None:
        super().__init__()
        self._on_done_cb = on_done
        self._on_error_cb = on_error
        self.done.connect(self._on_done)
        self.failed.connect(self._on_failed)

    @Slot(object)
    def _on_done(self, result: Any) -> None:
        _pending.discard(self)
        self._on_done_cb(result)

    @Slot(object)
    def _on_failed(self, exc: BaseException) -> None:
        _pending.discard(self)
        if self._on_error_cb is None:
            raise exc
        self._on_error_cb(exc)


class _Task(QRunnable):
    def __init__(self, fn: Callable[[], Any], relay: _Relay) -> None:
        super().__init__()
        self._fn = fn
        self._relay = relay

    def run(self) -> None:
        try:
            result = self._fn()
        except BaseException as exc:  # noqa: BLE001 - handed to on_error on the GUI thread
            self._relay.failed.emit(exc)
            return
        self._relay.done.emit(result)


def run_task(
    fn: Callable[[], Any],
    on_done: Callable[[Any], None],
    on_error: Callable[[BaseException], None] | None = None,
    pool: Pool | None = None,
) -> None:
    """Run `fn()` in `pool` (the global QThreadPool by default); call back on the GUI thread."""
    relay = _Relay(on_done, on_error)
    _pending.add(relay)
    (pool or QThreadPool.globalInstance()).start(_Task(fn, relay))


def pending_tasks() -> int:
    """How many tasks have not reported back yet (tests drain to zero)."""
    return len(_pending)
