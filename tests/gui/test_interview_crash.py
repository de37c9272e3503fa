"""SIGKILL in the middle of an interview: what was shown saved is in the vault; the draft resumes."""

from __future__ import annotations

import ast
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from etudes_desktop.core.interview import Mode
from etudes_desktop.demo.sample_study import sample_package
from etudes_desktop.gui.interview.screen import open_interview
from etudes_desktop.gui.interview.study_info import StudyInfo
from etudes_desktop.paths import DataPaths
from etudes_desktop.storage.interviews import InterviewStore
from etudes_desktop.storage.studies import save_study
from etudes_desktop.storage.vault import KdfParams, Vault

PASSPHRASE = "Coupure-Brutale-2026!"
ROOT = Path(__file__).resolve().parents[2]


def _prepare(folder: Path) -> str:
    vault, _ = Vault.create(DataPaths.for_data_dir(folder), PASSPHRASE, kdf=KdfParams.fast())
    try:
        package = sample_package()
        save_study(vault, package)
        store = InterviewStore(vault)
        store.set_profile("Claire Martin", "ENQ-07")
        return store.start(package.id, package.version, Mode.FACE_TO_FACE)
    finally:
        vault.close()


def _run_until_killed(folder: Path, interview_id: str, saves_before_kill: int) -> list[list[str]]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(ROOT))
    child = subprocess.Popen([sys.executable, "-m", "tests.gui.interview_crash_child", str(folder), PASSPHRASE, interview_id],
                             cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    lines: list[list[str]] = []
    saved = 0
    deadline = time.monotonic() + 60
    try:
        while saved < saves_before_kill and time.monotonic() < deadline:
            line = child.stdout.readline()
            if not line:
                break
            lines.append(line.rstrip("\n").split(" ", 2))
            saved += lines[-1][0] == "SAVED"
    finally:
        child.send_signal(signal.SIGKILL)
        child.wait(10)
    # what the child printed between our last read and its death counts too: it was shown saved
    lines += [line.split(" ", 2) for line in child.stdout.read().splitlines() if line.count(" ") >= 1]
    assert saved >= saves_before_kill, child.stderr.read()[-2000:]
    return lines


def test_sigkill_mid_interview_loses_nothing_shown_as_saved(qtbot, tmp_path):
    folder = tmp_path / "crash"
    interview_id = _prepare(folder)
    lines = _run_until_killed(folder, interview_id, saves_before_kill=40)
    shown: dict[str, object] = {}
    for parts in lines:
        if parts[0] == "SAVED":
            assert parts[2] != "not-shown"
            shown[parts[1]] = ast.literal_eval(parts[2])
    last_page = [p[1] for p in lines if p[0] == "PAGE"][-1]
    vault = Vault.open(DataPaths.for_data_dir(folder), PASSPHRASE)
    try:
        store = InterviewStore(vault)
        stored = store.answers(interview_id)
        for key, value in shown.items():
            if key == "attente":  # being re-answered when killed: the shown value or the next one
                assert stored[key] in (value, value + 1)
            else:
                assert stored[key] == value, key
        assert {"age", "sexe", "satisfaction", "pourquoi", "canaux", "agence_nom"} <= set(stored)
        study = StudyInfo.from_package(sample_package())
        screen = open_interview(store, study, store.profile(), interview_id)
        qtbot.addWidget(screen)
        assert last_page == "attente" and screen.current_view() is screen.runner
        assert screen.runner.page.key == last_page
        assert float(screen.runner.field("attente").text().replace(",", ".")) == stored["attente"]
    finally:
        vault.close()
