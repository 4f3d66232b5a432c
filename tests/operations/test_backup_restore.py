"""Backups restore: a populated database is backed up with `referat db backup`, restored
with `referat db restore` into a fresh database, and every table's rows compare equal.
SQLite always (online backup API, taken while the bot holds the database open);
PostgreSQL when TEST_DATABASE_URL is set and pg_dump and pg_restore are installed."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine, inspect, select, text

from storage.base import Base
from storage.session import make_engine, upgrade
from tests.conftest import NOW, ROOT, migrated_sqlite
from tests.fakes.harness import Harness
from tests.operations.conftest import postgres_database


def _populate(bot: Harness) -> None:
    bot.command("møde 5/2-2027 kl. 9-12 Ringsted")
    bot.command("dagsorden tilføj Budget 2027")
    bot.message("Beslutning: Rammeaftalen godkendes")
    bot.message("Handling: <@U0BO> sender udkast til høring, frist fredag")
    bot.message("Beslutning: Køge og Lolland deltager i arbejdsgruppen")
    bot.command("udført 2")
    bot.command("ansvarlig Lolland = <@U0BO>")


def _rows(engine: Engine) -> dict[str, list[tuple[Any, ...]]]:
    """Every table of the models (and Alembic's version), rows in primary-key order."""
    tables = dict(Base.metadata.tables)
    found: dict[str, list[tuple[Any, ...]]] = {}
    with engine.connect() as connection:
        for name, table in sorted(tables.items()):
            order = list(table.primary_key.columns) or list(table.columns)
            found[name] = [tuple(row) for row in connection.execute(select(table).order_by(*order))]
        version = connection.execute(text("SELECT version_num FROM alembic_version"))
        found["alembic_version"] = [tuple(row) for row in version]
    return found


def _referat(*args: str, database: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "bot.cli", *args],
        env={**os.environ, "DATABASE_URL": database},
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )


def _round_trip(bot: Harness, fresh: str, backup_file: Path) -> None:
    _populate(bot)
    source = bot.settings.database_url
    done = _referat("db", "backup", str(backup_file), database=source)
    assert done.returncode == 0, done.stderr
    assert backup_file.stat().st_size > 0
    done = _referat("db", "restore", str(backup_file), database=fresh)
    assert done.returncode == 0, done.stderr

    original, restored = make_engine(source), make_engine(fresh)
    try:
        before, after = _rows(original), _rows(restored)
        assert sum(len(rows) for rows in before.values()) > 15
        assert before["records"] and before["record_changes"] and before["meetings"]
        assert after == before
        assert set(inspect(restored).get_table_names()) >= set(Base.metadata.tables)
    finally:
        original.dispose()
        restored.dispose()
    restored_bot = Harness.start(fresh, now=NOW)  # the restored database serves the bot
    try:
        assert restored_bot.export() == bot.export()
    finally:
        restored_bot.stop()


def test_sqlite_backup_restores_into_a_fresh_database(tmp_path: Path) -> None:
    bot = Harness.start(migrated_sqlite(tmp_path, "live.db"), now=NOW)
    try:
        fresh = f"sqlite:///{tmp_path / 'restored.db'}"
        _round_trip(bot, fresh, tmp_path / "referat-backup.db")
    finally:
        bot.stop()


@pytest.mark.skipif(
    not (shutil.which("pg_dump") and shutil.which("pg_restore")),
    reason="pg_dump and pg_restore are not installed",
)
def test_postgres_backup_restores_into_a_fresh_database(tmp_path: Path) -> None:
    for live in postgres_database():
        engine = make_engine(live)
        upgrade(engine)
        engine.dispose()
        bot = Harness.start(live, now=NOW)
        try:
            for fresh in postgres_database():  # empty: the dump brings schema and data
                _round_trip(bot, fresh, tmp_path / "referat.dump")
        finally:
            bot.stop()
