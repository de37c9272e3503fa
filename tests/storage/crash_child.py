"""Writer for the crash test: commits rows one transaction each, prints each id after COMMIT.

`python -m tests.storage.crash_child DATA_DIR` runs as a "zygote": it imports everything once,
then for each `go` line on stdin forks a fresh writer process and prints `child PID`. The writer
opens the vault, prints `ID;` after each COMMIT returns, and never stops: the test kills it with
SIGKILL, and the zygote then prints `dead STATUS`. A `passwd` line forks a process that changes
the passphrase back and forth between two values instead, printing `now N;` after each change. Forking saves the interpreter start-up of
twenty-odd children; each writer is still a separate process that dies without warning.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from etudes_desktop.paths import DataPaths
from etudes_desktop.storage.errors import WrongPassphrase
from etudes_desktop.storage.vault import Vault
from tests.conftest import TEST_PASSPHRASE


def write_forever(root: Path) -> None:
    vault = Vault.open(DataPaths(root, root / "logs"), TEST_PASSPHRASE)
    row = vault.conn.execute("SELECT max(CAST(substr(key, 3) AS INTEGER)) FROM setting WHERE key LIKE 'id%'").fetchone()
    next_id = (row[0] or 0) + 1
    out = sys.stdout
    out.write("ready\n")
    out.flush()
    while True:
        with vault.transaction() as conn:
            conn.execute("INSERT INTO setting (key, value_json) VALUES (?, ?)", (f"id{next_id}", '"' + "x" * (next_id % 3000) + '"'))
            if next_id % 5 == 0:
                conn.execute("DELETE FROM setting WHERE key = ?", (f"tmp{next_id - 5}",))
            conn.execute("INSERT OR REPLACE INTO setting (key, value_json) VALUES (?, '1')", (f"tmp{next_id}",))
        out.write(f"{next_id};\n")
        out.flush()
        if next_id % 41 == 0:
            vault.checkpoint()
        next_id += 1


PASSPHRASES = (TEST_PASSPHRASE, "Deuxieme-Phrase-De-Passe-7!")


def change_passphrase_forever(root: Path) -> None:
    paths = DataPaths(root, root / "logs")
    for current, candidate in enumerate(PASSPHRASES):  # noqa: B007 - the one that opened is used below
        try:
            vault = Vault.open(paths, candidate)
            break
        except WrongPassphrase:
            continue
    sys.stdout.write("ready\n")
    sys.stdout.flush()
    while True:
        new = 1 - current
        vault.change_passphrase(PASSPHRASES[current], PASSPHRASES[new])
        current = new
        sys.stdout.write(f"now {current};\n")
        sys.stdout.flush()


def zygote(root: Path) -> None:
    print("zygote", flush=True)
    jobs = {"go": write_forever, "passwd": change_passphrase_forever}
    for command in sys.stdin:
        job = jobs.get(command.strip())
        if job is None:
            break
        pid = os.fork()
        if pid == 0:
            try:
                job(root)
            finally:
                os._exit(3)
        print(f"child {pid}", flush=True)
        _, status = os.waitpid(pid, 0)
        print(f"\ndead {status}", flush=True)


if __name__ == "__main__":
    zygote(Path(sys.argv[1]))
