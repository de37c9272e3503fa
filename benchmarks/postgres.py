"""PostgreSQL for a benchmark: a schema of its own on the server named by ETUDES_BENCH_DATABASE_URL
or ETUDES_TEST_DATABASE_URL, dropped afterwards, with a server key set meanwhile (a PostgreSQL
server's key is configured, never guessed: see server.crypto).

    with postgres_schema() as url:
        if url:
            rows += measure(url, ...)

`url` is None, and the reason printed, when no URL is set or the server cannot be reached.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from contextlib import contextmanager

import sqlalchemy
import sqlalchemy.exc

URL_ENVS = ("ETUDES_BENCH_DATABASE_URL", "ETUDES_TEST_DATABASE_URL")


def postgres_url() -> str | None:
    return next((os.environ[name] for name in URL_ENVS if os.environ.get(name)), None)


def safe_url(url: str) -> str:
    """The URL without its password, for messages."""
    try:
        return sqlalchemy.engine.make_url(url).render_as_string(hide_password=True)
    except Exception:  # an unparsable URL is shown as nothing rather than leaked
        return "the PostgreSQL URL"


def schema_url(base: str, schema: str) -> str:
    """The URL whose connections use `schema` (search_path)."""
    return f"{base}{'&' if '?' in base else '?'}options=-csearch_path%3D{schema}"


@contextmanager
def postgres_schema() -> Iterator[str | None]:
    """The URL of a fresh schema (dropped on leaving), or None when PostgreSQL is not measured."""
    from etudes_desktop.server.crypto import KEY_ENV, new_key_text

    base = postgres_url()
    if not base:
        print("  PostgreSQL not measured: set ETUDES_BENCH_DATABASE_URL or ETUDES_TEST_DATABASE_URL")
        yield None
        return
    schema = f"etudes_bench_{uuid.uuid4().hex[:10]}"
    admin = sqlalchemy.create_engine(base, isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as conn:
            conn.exec_driver_sql(f'CREATE SCHEMA "{schema}"')
    except sqlalchemy.exc.SQLAlchemyError as exc:
        admin.dispose()
        cause = exc.__cause__ or exc
        first_line = (str(cause).strip().splitlines() or [""])[0]
        print(f"  PostgreSQL not measured: cannot reach {safe_url(base)} ({type(cause).__name__}: {first_line})")
        yield None
        return
    had_key = os.environ.get(KEY_ENV)
    os.environ.setdefault(KEY_ENV, new_key_text())
    try:
        yield schema_url(base, schema)
    finally:
        if had_key is None:
            os.environ.pop(KEY_ENV, None)
        with admin.connect() as conn:
            conn.exec_driver_sql(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE')
        admin.dispose()
