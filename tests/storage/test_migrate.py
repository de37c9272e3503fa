"""Numbered migrations: one transaction each, user_version, refusal of newer schemas."""

from __future__ import annotations

import pytest
import sqlcipher3

from etudes_desktop.storage import migrate
from etudes_desktop.storage.errors import VaultError, VaultTooNew


@pytest.fixture
def conn():
    connection = sqlcipher3.connect(":memory:", isolation_level=None)
    yield connection
    connection.close()


def _write(folder, name, sql):
    (folder / name).write_text(sql, encoding="utf-8")


def test_shipped_migrations_are_numbered_from_one():
    shipped = migrate.available()
    assert [m.number for m in shipped] == list(range(1, len(shipped) + 1))
    assert shipped[0].name == "0001_domain"


def test_applies_in_order_and_sets_user_version(conn, tmp_path):
    _write(tmp_path, "0001_a.sql", "CREATE TABLE a (x);")
    _write(tmp_path, "0002_b.sql", "CREATE TABLE b (x); INSERT INTO a VALUES (1);")
    assert migrate.apply(conn, tmp_path) == [1, 2]
    assert migrate.schema_version(conn) == 2
    assert migrate.apply(conn, tmp_path) == []
    _write(tmp_path, "0003_c.sql", "CREATE TRIGGER t BEFORE DELETE ON a BEGIN SELECT RAISE(ABORT, 'no; really'); END;")
    assert migrate.apply(conn, tmp_path) == [3]


def test_a_failing_migration_leaves_the_previous_state(conn, tmp_path):
    _write(tmp_path, "0001_a.sql", "CREATE TABLE a (x);")
    _write(tmp_path, "0002_bad.sql", "CREATE TABLE b (x); INSERT INTO nowhere VALUES (1);")
    with pytest.raises(VaultError) as caught:
        migrate.apply(conn, tmp_path)
    assert "étape 2" in str(caught.value)
    assert migrate.schema_version(conn) == 1
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    assert tables == {"a"} and not conn.in_transaction


def test_newer_schema_is_refused(conn, tmp_path):
    _write(tmp_path, "0001_a.sql", "CREATE TABLE a (x);")
    conn.execute("PRAGMA user_version = 5")
    with pytest.raises(VaultTooNew) as caught:
        migrate.apply(conn, tmp_path)
    assert "schéma 5" in str(caught.value)


@pytest.mark.parametrize("names", [["0001_a.sql", "0003_c.sql"], ["0002_b.sql"], ["1_a.sql"]])
def test_gaps_and_bad_names_are_programming_errors(tmp_path, names):
    for name in names:
        _write(tmp_path, name, "SELECT 1;")
    with pytest.raises(RuntimeError):
        migrate.available(tmp_path)
