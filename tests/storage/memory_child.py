"""Child process for test_secrets_in_memory: unlocks the vault as the CLI does, then waits."""

from __future__ import annotations

import sys

from etudes_desktop.cli.common import open_vault


class Args:
    data_dir = sys.argv[1]


vault = open_vault(Args())  # ETUDES_PASSPHRASE read, removed, wiped
vault.conn.execute("SELECT count(*) FROM setting").fetchone()
print("open", flush=True)
sys.stdin.readline()
vault.close()
print("closed", flush=True)
sys.stdin.readline()
