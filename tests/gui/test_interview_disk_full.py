"""Disk full during an interview: a typed French refusal, the session back to what the vault holds."""

from __future__ import annotations

from typing import Any

from etudes_desktop.core.interview import Mode
from etudes_desktop.storage.interviews import InterviewStore
from tests.gui.interview_support import agree, env  # noqa: F401 - fixture


def test_disk_full_refuses_the_answer_and_keeps_the_vaults_value(qtbot: Any, env: Any) -> None:  # noqa: F811
    interview_id = env.start(Mode.FACE_TO_FACE, env.people[0])
    screen = env.screen(qtbot, interview_id)
    agree(screen)
    flow = screen.flow
    key = "commentaire"  # a free text question
    assert flow.answer(key, "bien").saved
    assert InterviewStore(env.vault).answers(interview_id)[key] == "bien"

    # The outside world: the vault file may not grow by one page more (a real SQLITE_FULL).
    conn = env.vault.conn
    pages = conn.execute("PRAGMA page_count").fetchone()[0]
    conn.execute(f"PRAGMA max_page_count = {pages}")
    result = flow.answer(key, "très bien " * 4000)  # ~40 kB: needs new pages

    assert not result.saved
    assert result.error is not None and "disque plein" in result.error.lower()
    assert "n'a pas été enregistrée" in result.error
    assert flow.session.answer(key) == "bien"  # not the unsaved value
    assert InterviewStore(env.vault).answers(interview_id)[key] == "bien"
    assert not conn.in_transaction  # the next write starts clean

    conn.execute("PRAGMA max_page_count = 1073741823")  # room again: the same answer is saved
    assert flow.answer(key, "très bien").saved
    assert InterviewStore(env.vault).answers(interview_id)[key] == "très bien"


def test_disk_full_on_a_page_change_does_not_break_the_interview(qtbot: Any, env: Any) -> None:  # noqa: F811
    interview_id = env.start(Mode.FACE_TO_FACE, env.people[0])
    screen = env.screen(qtbot, interview_id)
    agree(screen)
    flow = screen.flow
    conn = env.vault.conn
    conn.execute("PRAGMA max_page_count = {}".format(conn.execute("PRAGMA page_count").fetchone()[0]))
    flow.go_to("commentaire" + "x" * 40000)  # a bookmark too big for the full disk: no exception
    assert flow.position_unsaved and not conn.in_transaction
