"""Zeroing secrets in memory once they are no longer needed, as far as Python allows.

A `bytearray` is zeroed in place. Python's `bytes` and `str` are immutable and may be copied
freely by the interpreter, so nothing can promise every copy is gone; on CPython the buffer of an
object we created ourselves (a derived key, an encoded passphrase, an environment value) is
zeroed through ctypes, after checking that the address really holds the object's content. Never
call it on an object that something else may still use (a literal, a cached single character).
Pure: no Qt, no SQL.
"""

from __future__ import annotations

import ctypes
import platform
import sys

_CPYTHON = platform.python_implementation() == "CPython"
_ASCII_OFFSET = sys.getsizeof("") - 1  # PyASCIIObject header: compact ASCII data follows it
_COMPACT_OFFSET = sys.getsizeof("\xe9\xe9") - 3  # PyCompactUnicodeObject header: other compact strings
_LENGTH_AT = 2 * ctypes.sizeof(ctypes.c_void_p)  # after ob_refcnt and ob_type
if _CPYTHON:
    _as_utf8 = ctypes.pythonapi.PyUnicode_AsUTF8AndSize
    _as_utf8.restype = ctypes.c_void_p
    _as_utf8.argtypes = [ctypes.py_object, ctypes.POINTER(ctypes.c_ssize_t)]


def wipe(secret: bytearray | bytes | str | None) -> bool:
    """Overwrite the secret's buffer with zeros (no copy of it is made); True when it was done."""
    if secret is None:
        return False
    if isinstance(secret, bytearray):
        if secret:
            ctypes.memset((ctypes.c_char * len(secret)).from_buffer(secret), 0, len(secret))
        return True
    if not _CPYTHON or len(secret) < 2:  # single characters and b"" are shared singletons
        return False
    if isinstance(secret, bytes):
        address = ctypes.cast(ctypes.c_char_p(secret), ctypes.c_void_p).value  # the object's own buffer
    elif isinstance(secret, str) and secret.isascii():
        size = ctypes.c_ssize_t()
        address = _as_utf8(secret, ctypes.byref(size))  # compact ASCII: its data, not a copy
        if address != id(secret) + _ASCII_OFFSET or size.value != len(secret):
            return False
    elif isinstance(secret, str):
        return _wipe_compact(secret)
    else:
        return False
    if not address:
        return False
    ctypes.memset(address, 0, len(secret))
    return True


def _wipe_compact(text: str) -> bool:
    """A non-ASCII string: its characters are stored on 1, 2 or 4 bytes after a longer header;
    the header's type and length are checked before anything is written."""
    top = ord(max(text))
    kind = 1 if top < 256 else 2 if top < 65536 else 4
    base = id(text)
    if ctypes.c_void_p.from_address(base + ctypes.sizeof(ctypes.c_void_p)).value != id(str):
        return False
    if ctypes.c_ssize_t.from_address(base + _LENGTH_AT).value != len(text):
        return False
    ctypes.memset(base + _COMPACT_OFFSET, 0, len(text) * kind)
    return True
