"""`referat db backup FILE` and `referat db restore FILE`.

SQLite: the online backup API (a consistent copy while the bot runs; restore copies it
back page by page). PostgreSQL: `pg_dump --format=custom` and `pg_restore --clean`,
which must be installed (the `postgresql-client` package) in a version at least the
server's.
"""

from __future__ import annotations

import shutil
import sqlite3
import subprocess
from pathlib import Path

from sqlalchemy.engine import make_url


class BackupError(RuntimeError):
    """The backup or restore did not complete; the message says why."""


def _libpq(url: str) -> str:
    """The URL as pg_dump reads it (no SQLAlchemy driver name)."""
    parsed = make_url(url)
    return parsed.set(drivername="postgresql").render_as_string(hide_password=False)


def _sqlite_path(url: str) -> str:
    database = make_url(url).database
    if not database or database == ":memory:":
        raise BackupError("an in-memory SQLite database has nothing to back up")
    return database


def _tool(name: str) -> str:
    found = shutil.which(name)
    if found is None:
        raise BackupError(f"{name} is not installed (Debian: apt-get install postgresql-client)")
    return found


def backup(url: str, target: str) -> None:
    if not target:
        raise BackupError("name the backup file")
    backend = make_url(url).get_backend_name()
    if backend == "sqlite":
        source = sqlite3.connect(_sqlite_path(url))
        copy = sqlite3.connect(target)
        try:
            with copy:
                source.backup(copy)
        finally:
            copy.close()
            source.close()
        return
    if backend == "postgresql":
        done = subprocess.run(
            [_tool("pg_dump"), "--format=custom", "--no-owner", "--file", target, _libpq(url)],
            capture_output=True,
            text=True,
        )
        if done.returncode != 0:
            raise BackupError(f"pg_dump failed: {done.stderr.strip()[:500]}")
        return
    raise BackupError(f"cannot back up a {backend} database")


def restore(url: str, source: str) -> None:
    if not Path(source).is_file():
        raise BackupError(f"no such backup file: {source}")
    backend = make_url(url).get_backend_name()
    if backend == "sqlite":
        backup_db = sqlite3.connect(source)
        live = sqlite3.connect(_sqlite_path(url))
        try:
            with live:
                backup_db.backup(live)
        finally:
            live.close()
            backup_db.close()
        return
    if backend == "postgresql":
        done = subprocess.run(
            [
                _tool("pg_restore"),
                "--clean",
                "--if-exists",
                "--no-owner",
                "--exit-on-error",
                "--dbname",
                _libpq(url),
                source,
            ],
            capture_output=True,
            text=True,
        )
        if done.returncode != 0:
            raise BackupError(f"pg_restore failed: {done.stderr.strip()[:500]}")
        return
    raise BackupError(f"cannot restore a {backend} database")
