"""The log file: rotating, private, and masking what looks like personal data."""

from __future__ import annotations

import logging
import os
import stat

from etudes_desktop.logging_setup import close_logging, redact, setup_logging


def test_redact_masks_contacts_and_nir_but_keeps_ids():
    line = redact("a jean.dupont@exemple.fr b 06 12 34 56 78 c +33 6 12 34 56 78 d 1 85 05 78 006 084 36 e id=42 2026-11-29")
    for secret in ("jean.dupont", "06 12 34", "+33 6", "85 05 78"):
        assert secret not in line
    assert "id=42" in line and "2026-11-29" in line


def test_log_file_is_private_and_masked(tmp_path):
    log_dir = tmp_path / "logs"
    path = setup_logging(log_dir)
    try:
        logging.getLogger("etudes.test").warning("contact %s", "marie.curie@exemple.fr")
        try:
            raise ValueError("0611223344")
        except ValueError:
            logging.getLogger("etudes.test").exception("failed")
        assert setup_logging(log_dir) == path  # one handler per folder
    finally:
        close_logging(log_dir)
    text = path.read_text(encoding="utf-8")
    assert "marie.curie" not in text and "0611223344" not in text and "[courriel masqué]" in text
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o600
    assert stat.S_IMODE(os.stat(log_dir).st_mode) & 0o077 == 0
