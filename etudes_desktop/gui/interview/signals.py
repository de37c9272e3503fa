"""Emitting signals from Python safely under PySide6 6.12.

PySide6 6.12's `SignalInstance.emit` returns True/False without a new reference: each emit
from Python takes one reference from the bool, until CPython 3.11 aborts ("bool_dealloc").
`emit()` detects the defect once and gives the reference back; on a fixed PySide it is a
plain emit. Every emit in the interview screens goes through it (thousands per day of work).
"""

from __future__ import annotations

import ctypes
import sys
from typing import Any

from PySide6.QtCore import QObject, Signal

_incref = ctypes.pythonapi.Py_IncRef
_incref.argtypes = [ctypes.py_object]
_incref.restype = None


class _Probe(QObject):
    ping = Signal()


def _emit_steals_a_reference() -> bool:
    probe = _Probe()
    before = sys.getrefcount(True)
    for _ in range(8):
        result = probe.ping.emit()
        del result
    lost = before - sys.getrefcount(True)
    for _ in range(max(0, lost)):
        _incref(True)  # give back what the probe itself took
    return lost >= 8


STEALS = _emit_steals_a_reference()


def emit(signal: Any, *args: Any) -> None:
    """`signal.emit(*args)`, without wearing down the refcount of True/False."""
    result = signal.emit(*args)
    if STEALS and (result is True or result is False):
        _incref(result)
