"""Child process of the crash test: commit rows one transaction each, print each id after COMMIT.

Run as `python -m tests.storage.crash_child DATA_DIR`; the parent kills it with SIGKILL.
"""

from __future__ import annotations

import sys
from pathlib import Path

from etudes_desktop.paths import DataPaths
from etudes_desktop.storage.vault import Vault
from tests.conftest import TEST_PASSPHRASE


def main(data_dir: str) -> None:
    root = Path(data_dir)
    vault = Vault.open(DataPaths(root, root / "logs"), TEST_PASSPHRASE)
    row = vault.conn.execute("SELECT max(CAST(substr(key, 3) AS INTEGER)) FROM setting WHERE key LIKE 'id%'").fetchone()
    next_id = (row[0] or 0) + 1
    print("ready", flush=True)
    while True:
        with vault.transaction() as conn:
            conn.execute("INSERT INTO setting (key, value_json) VALUES (?, ?)", (f"id{next_id}", '"' + "x" * (next_id % 3000) + '"'))
            if next_id % 5 == 0:
                conn.execute("DELETE FROM setting WHERE key = ?", (f"tmp{next_id - 5}",))
            conn.execute("INSERT OR REPLACE INTO setting (key, value_json) VALUES (?, '1')", (f"tmp{next_id}",))
        sys.stdout.write(f"{next_id}\n")
        sys.stdout.flush()
        if next_id % 41 == 0:
            vault.checkpoint()
        next_id += 1


if __name__ == "__main__":
    main(sys.argv[1])
