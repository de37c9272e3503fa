"""The Qt binding must survive a day of interviewing: emitting signals may not leak references.

PySide6 6.12.0 drops one reference to True on every emit() from Python; after some thousands of
answers the interpreter aborts ("bool_dealloc"). pyproject.toml excludes it; this test catches
any binding with the same fault.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject, Signal


class _Emitter(QObject):
    bare = Signal()
    text = Signal(str)


def test_emitting_signals_leaks_no_reference(qapp):
    emitter = _Emitter()
    received: list[str] = []
    emitter.bare.connect(lambda: received.append(""))
    emitter.text.connect(received.append)
    before = sys.getrefcount(True), sys.getrefcount(False), sys.getrefcount(None)
    for _ in range(500):
        emitter.bare.emit()
        emitter.text.emit("x")
    after = sys.getrefcount(True), sys.getrefcount(False), sys.getrefcount(None)
    assert len(received) == 1000
    assert after == before
