"""A study's case key and its shared suppression list, as the collection office sends them.

The key names cases and people on the wire (core.case_keys); it is kept in a setting of the vault,
one per study. The shared list holds digests only: the people who objected on any laptop of the
study, or whom the office put on it. A person matching it is neither imported by hand nor
received from the server. A remote wipe keeps both: an objection must outlive the study's data.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from etudes_desktop.core.case_keys import person_digests
from etudes_desktop.storage.settings import read_setting, write_setting_in

# (sample id, phones, e-mail) -> whether the person is on the study's shared list
SharedMatcher = Callable[[str | None, Iterable[str | None], str | None], bool]


def key_setting(study_id: str) -> str:
    return f"cases.key:{study_id}"


def case_key(vault: Any, study_id: str) -> str | None:
    """The study's case key, once the collection office sent it (None before)."""
    value = read_setting(vault, key_setting(study_id))
    return str(value) if value else None


def case_key_in(conn: Any, study_id: str) -> str | None:
    """The same, inside the caller's transaction."""
    row = conn.execute("SELECT json_extract(value_json, '$') FROM setting WHERE key = ?",
                       (key_setting(study_id),)).fetchone()
    return str(row[0]) if row and row[0] else None


def replace_in(conn: Any, study_id: str, key: str, digests: Iterable[str]) -> int:
    """Store the study's key and its complete shared list (the server's answer replaces the last
    one); returns how many digests are held now."""
    write_setting_in(conn, key_setting(study_id), key)
    conn.execute("DELETE FROM shared_suppression WHERE study_id = ?", (study_id,))
    conn.executemany("INSERT OR IGNORE INTO shared_suppression (study_id, digest) VALUES (?, ?)",
                     ((study_id, d) for d in digests))
    return int(conn.execute("SELECT count(*) FROM shared_suppression WHERE study_id = ?", (study_id,)).fetchone()[0])


def count(conn: Any, study_id: str) -> int:
    return int(conn.execute("SELECT count(*) FROM shared_suppression WHERE study_id = ?", (study_id,)).fetchone()[0])


def matcher(conn: Any, study_id: str) -> SharedMatcher | None:
    """A predicate over a person's identifiers, the study's shared digests loaded once; None when
    the study has no shared list."""
    key = case_key_in(conn, study_id)
    known = {r[0] for r in conn.execute("SELECT digest FROM shared_suppression WHERE study_id = ?", (study_id,))}
    if key is None or not known:
        return None

    def on_list(sample_id: str | None, phones: Iterable[str | None], email: str | None) -> bool:
        return any(d in known for d in person_digests(key, sample_id, phones, email))

    return on_list
