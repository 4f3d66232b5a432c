"""Databases of their own for the operations tests: a SQLite file always, and a PostgreSQL
database created for the test and dropped after it when TEST_DATABASE_URL is set (the
shared `test` database is left to the other suites)."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from bot.config import normalize_database_url
from storage.session import make_engine, upgrade
from tests.conftest import NOW, migrated_sqlite
from tests.fakes.harness import Harness

NO_POSTGRES = "TEST_DATABASE_URL is not set: PostgreSQL cases skipped"


def postgres_database() -> Iterator[str]:
    """A new, empty PostgreSQL database (its URL); dropped afterwards."""
    base = os.environ.get("TEST_DATABASE_URL")
    if not base:
        pytest.skip(NO_POSTGRES)
    url = make_url(normalize_database_url(base))
    name = f"referat_ops_{uuid.uuid4().hex[:12]}"
    admin = create_engine(url.set(database="postgres"), isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        yield url.set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


@pytest.fixture
def postgres_url() -> Iterator[str]:
    yield from postgres_database()


@pytest.fixture(
    params=[
        pytest.param("sqlite", id="sqlite"),
        pytest.param(
            "postgres",
            id="postgres",
            marks=pytest.mark.skipif(not os.environ.get("TEST_DATABASE_URL"), reason=NO_POSTGRES),
        ),
    ]
)
def ops_database(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """A database at the migrations' head, on SQLite and on PostgreSQL."""
    if request.param == "sqlite":
        yield migrated_sqlite(tmp_path, "ops.db")
        return
    for url in postgres_database():
        engine = make_engine(url)
        upgrade(engine)
        engine.dispose()
        yield url


@pytest.fixture
def ops_bot(ops_database: str) -> Iterator[Harness]:
    """The real app over HTTP on that database, clock at Monday 23 November 2026 09:00."""
    harness = Harness.start(ops_database, now=NOW)
    yield harness
    harness.stop()
