"""Logging to a rotating file in the log folder. Never log personal data: ids and counts only.

Callers log event names, counts, identifiers and exception *types*. As a second line of
defence, a filter on the file handler masks what looks like an e-mail address, a phone number
or a NIR, should one ever slip into a message or its arguments.
"""

from __future__ import annotations

import logging
import logging.handlers
import os
import re
from pathlib import Path

from etudes_desktop.paths import private_dir

_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"
LOG_FILE = "etudes.log"
MAX_BYTES = 1_000_000
BACKUPS = 5

_PATTERNS = (
    (re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+"), "[courriel masqué]"),
    # NIR / NIA: 13 digits (+2 key), Corsica 2A/2B, with or without spaces.
    (re.compile(r"\b[12378]\s?\d{2}\s?(?:0[1-9]|1[0-2]|[2-9]\d)\s?(?:\d{2}|2[AB])\s?\d{3}\s?\d{3}(?:\s?\d{2})?\b", re.I),
     "[numéro masqué]"),
    (re.compile(r"(?<![\w.])(?:\+33\s?|0033\s?|0)[1-9](?:[\s.-]?\d{2}){4}(?!\w)"), "[téléphone masqué]"),
)


def redact(text: str) -> str:
    """Mask e-mail addresses, phone numbers and NIR-like numbers in a log line."""
    for pattern, replacement in _PATTERNS:
        text = pattern.sub(replacement, text)
    return text


class RedactingFilter(logging.Filter):
    """Formats the message once, masked, so arguments cannot smuggle personal data in."""

    def filter(self, record: logging.LogRecord) -> bool:
        try:
            message = record.getMessage()
        except Exception:  # noqa: BLE001 - a broken log call must not break the application
            message = str(record.msg)
        record.msg = redact(message)
        record.args = None
        if record.exc_info and not record.exc_text:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = redact(record.exc_text)
        return True


class _PrivateRotatingFileHandler(logging.handlers.RotatingFileHandler):
    """Rotating file readable by its owner only."""

    def _open(self):  # type: ignore[override]
        stream = super()._open()
        try:
            os.chmod(self.baseFilename, 0o600)
        except OSError:
            pass
        return stream


def setup_logging(log_dir: Path, level: int = logging.INFO) -> Path:
    """Attach one rotating handler per log folder to the root logger; returns the log file."""
    private_dir(log_dir)
    path = log_dir / LOG_FILE
    root = logging.getLogger()
    for handler in root.handlers:
        if isinstance(handler, logging.handlers.RotatingFileHandler) and Path(handler.baseFilename) == path:
            return path
    handler = _PrivateRotatingFileHandler(path, maxBytes=MAX_BYTES, backupCount=BACKUPS, encoding="utf-8")
    handler.setFormatter(logging.Formatter(_FORMAT))
    handler.addFilter(RedactingFilter())
    root.addHandler(handler)
    root.setLevel(level)
    return path


def close_logging(log_dir: Path) -> None:
    """Detach and close the handler of one log folder (tests, and switching data folders)."""
    path = log_dir / LOG_FILE
    root = logging.getLogger()
    for handler in list(root.handlers):
        if isinstance(handler, logging.handlers.RotatingFileHandler) and Path(handler.baseFilename) == path:
            root.removeHandler(handler)
            handler.close()
