"""Background work: one `run_task` helper over a QThreadPool, results back on the GUI thread.

Workers receive plain data (a callable closing over values, never widgets). Tests and the
screenshot renderer pass `ImmediatePool()`, which runs the task synchronously.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Protocol

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot

_pending: set[_Relay] = set()
# Finished runnables, kept a while longer: a result can reach the GUI thread while its worker is
# still returning from run(), so a runnable is freed only some tasks later, never under its worker.
_retired: list[_Task] = []
_RETIRED_KEPT = 64


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

    task: _Task | None = None  # kept alive here until its result is back on the GUI thread

    def _retire(self) -> None:
        _pending.discard(self)
        if self.task is not None:
            _retired.append(self.task)
            del _retired[:-_RETIRED_KEPT]
            self.task = None

    @Slot(object)
    def _on_done(self, result: Any) -> None:
        self._retire()
        self._on_done_cb(result)

    @Slot(object)
    def _on_failed(self, exc: BaseException) -> None:
        self._retire()
        if self._on_error_cb is None:
            raise exc
        self._on_error_cb(exc)


class _Task(QRunnable):
    def __init__(self, fn: Callable[[], Any], relay: _Relay) -> None:
        super().__init__()
        # Python owns the runnable: Qt must not delete it from the worker thread when run()
        # returns while the Python object is still referenced (a segfault at teardown, seen
        # intermittently in pytest-qt's event processing). The relay drops it on the GUI thread.
        self.setAutoDelete(False)
        self._fn: Callable[[], Any] | None = fn
        self._relay = relay

    def run(self) -> None:
        fn, self._fn = self._fn, None  # the closure (a passphrase, say) is not kept with the runnable
        try:
            result = fn()
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
    relay.task = _Task(fn, relay)
    (pool or QThreadPool.globalInstance()).start(relay.task)


def pending_tasks() -> int:
    """How many tasks have not reported back yet (tests drain to zero)."""
    return len(_pending)
