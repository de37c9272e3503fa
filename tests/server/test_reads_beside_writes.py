"""A read never waits behind a write: the console's pages and the web questionnaire's pages read
while a laptop's batch or a sample import holds the database (on SQLite a write takes the lock at
BEGIN IMMEDIATE; a read begins DEFERRED on a snapshot of its own)."""

from __future__ import annotations

import threading
import time

from sqlalchemy import select

from etudes_desktop.server.store import Store


def _hold_a_write(store: Store, held: threading.Event, release: threading.Event) -> None:
    with store.engine.begin() as conn:
        conn.execute(select(1))
        held.set()
        release.wait(20)


def test_a_read_answers_while_a_write_holds_the_database_and_a_second_write_waits_its_turn(store: Store) -> None:
    held, release = threading.Event(), threading.Event()
    writer = threading.Thread(target=_hold_a_write, args=(store, held, release))
    writer.start()
    assert held.wait(10)
    second_done = threading.Event()

    def second_write() -> None:
        with store.engine.begin() as conn:
            conn.execute(select(1))
        second_done.set()

    second = threading.Thread(target=second_write)
    try:
        started = time.monotonic()
        stats = store.stats("sat-2026")
        elapsed = time.monotonic() - started
        second.start()
        waited = not second_done.wait(0.5)
    finally:
        release.set()
        writer.join()
    second.join(20)
    assert elapsed < 2, f"the read waited {elapsed:.1f} s behind the write"
    assert stats["interviews"] == 0
    if store.dialect == "sqlite":
        assert waited, "a second write must wait for the first (one writer at a time)"
    assert second_done.is_set(), "the second write went through once the first ended"
