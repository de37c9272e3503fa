"""Child process for the SIGKILL test: answers an interview through the runner, says what is saved.

Prints `PAGE key` when a page is shown and `SAVED key value` once the runner showed the answer
saved (after COMMIT). After the contact page it keeps re-answering "attente" until killed.
"""

from __future__ import annotations

import os
import sys

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def main(data_dir: str, passphrase: str, interview_id: str) -> None:
    from PySide6.QtWidgets import QApplication

    from etudes_desktop.demo.sample_study import sample_package
    from etudes_desktop.gui.interview.screen import open_interview
    from etudes_desktop.gui.interview.study_info import StudyInfo
    from etudes_desktop.paths import DataPaths
    from etudes_desktop.storage.interviews import InterviewStore
    from etudes_desktop.storage.vault import Vault
    from tests.gui.interview_support import FULL_RUN, agree, give

    app = QApplication.instance() or QApplication([])
    vault = Vault.open(DataPaths.for_data_dir(data_dir), passphrase)
    store = InterviewStore(vault)
    screen = open_interview(store, StudyInfo.from_package(sample_package()), store.profile(), interview_id)
    runner = screen.runner
    runner.page_shown.connect(lambda key: _say("PAGE", key))
    runner.answer_saved.connect(lambda key: _say("SAVED", key, repr(store.answers(interview_id).get(key))
                                                 if runner.field(key).is_saved_shown() else "not-shown"))
    screen.show()
    agree(screen)
    for answers in FULL_RUN[:6]:
        for key, value in answers.items():
            if any(f.key == key for f in runner.fields):
                give(runner.field(key), value)
        runner.go_next()
    assert runner.page.key == "attente"
    minutes = 0
    while True:
        minutes += 1
        give(runner.field("attente"), str(minutes))
        app.processEvents()


def _say(*parts: str) -> None:
    sys.stdout.write(" ".join(parts) + "\n")
    sys.stdout.flush()


if __name__ == "__main__":
    main(*sys.argv[1:4])
