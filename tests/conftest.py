"""Shared fixtures: databases (SQLite always, PostgreSQL when TEST_DATABASE_URL is set),
and the whole bot running over HTTP against the local Slack stand-in."""

from __future__ import annotations

import logging
import os
import shutil
import tempfile
from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import psycopg
import pytest
from psycopg import sql
from sqlalchemy.engine import URL, make_url

from bot.config import normalize_database_url
from storage.session import SessionFactory, make_engine, make_session_factory, upgrade
from tests.fakes.harness import Harness

ROOT = Path(__file__).resolve().parent.parent
NOW = datetime(2026, 11, 23, 9, 0, tzinfo=ZoneInfo("Europe/Copenhagen"))


FIXTURES = ROOT / "tests" / "fixtures"
# the January 2024 seed does not say when the meeting was held; a person picks 5 January
SEED_HELD = {"000_3146f477be03d33b": date(2024, 1, 5)}
CORPUS = ROOT / "tests" / "corpus" / "minutes"


@pytest.fixture(scope="session")
def shared() -> Path:
    """The seeds and Slack payloads, copied from the steering repo's shared/ into tests/fixtures."""
    return FIXTURES


def _database_params() -> list[object]:
    params: list[object] = [pytest.param("sqlite", id="sqlite")]
    reason = "TEST_DATABASE_URL is not set: PostgreSQL cases skipped"
    params.append(
        pytest.param(
            "postgres",
            id="postgres",
            marks=pytest.mark.skipif(not os.environ.get("TEST_DATABASE_URL"), reason=reason),
        )
    )
    return params


@pytest.fixture(autouse=True)
def _logging_as_it_was() -> Iterator[None]:
    """Every test starts from the logging the one before it found. bot.cli.main() called
    in-process sets up the root logger for a process of its own (tests/unit/parsing's
    score-minutes), and some tests set loggers' levels (tests/e2e/test_oauth.py); left
    behind, they changed what later tests log, so results depended on the order tests ran
    in (seen with pytest-xdist). pytest's own capture handlers come and go by themselves."""
    root = logging.getLogger()
    handlers = [h for h in root.handlers if not _pytests(h)]
    level, levels = root.level, _levels()
    yield
    for handler in list(root.handlers):
        if handler not in handlers and not _pytests(handler):
            root.removeHandler(handler)
    for handler in handlers:
        if handler not in root.handlers:
            root.addHandler(handler)
    root.setLevel(level)
    for name, was in levels.items():  # loggers made during the test keep what they got
        if logging.getLogger(name).level != was:
            logging.getLogger(name).setLevel(was)


def _pytests(handler: logging.Handler) -> bool:
    return type(handler).__module__.startswith("_pytest")


def _levels() -> dict[str, int]:
    return {
        name: logger.level
        for name, logger in logging.Logger.manager.loggerDict.items()
        if isinstance(logger, logging.Logger)
    }


_MIGRATED: dict[str, Path] = {}


def migrated_sqlite(tmp_path: Path, name: str = "referat-test.db") -> str:
    """A SQLite file at the migrations' head: migrated once per test run, then copied."""
    if "template" not in _MIGRATED:
        template = Path(tempfile.mkdtemp(prefix="referat-schema-")) / "template.db"
        engine = make_engine(f"sqlite:///{template}")
        upgrade(engine)
        engine.dispose()
        _MIGRATED["template"] = template
    target = tmp_path / name
    shutil.copyfile(_MIGRATED["template"], target)
    return f"sqlite:///{target}"


def pytest_configure(config: pytest.Config) -> None:
    """Under pytest-xdist each worker has a PostgreSQL database of its own, `<db>_<worker>`
    (created when missing): TEST_DATABASE_URL is pointed at it for the worker's tests."""
    base = os.environ.get("TEST_DATABASE_URL")
    worker = os.environ.get("PYTEST_XDIST_WORKER")
    if not base or not worker:
        return
    url = make_url(normalize_database_url(base))
    name = f"{url.database}_{worker}"
    with _admin(url) as admin:
        found = admin.execute("SELECT 1 FROM pg_database WHERE datname = %s", (name,))
        if found.fetchone() is None:
            admin.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    os.environ["TEST_DATABASE_URL"] = url.set(database=name).render_as_string(hide_password=False)


def _admin(url: URL) -> psycopg.Connection[tuple[object, ...]]:
    """An autocommit connection to the server's `postgres` database, for CREATE/DROP DATABASE."""
    plain = url.set(drivername="postgresql", database="postgres")
    return psycopg.connect(plain.render_as_string(hide_password=False), autocommit=True)


_TEMPLATES: set[str] = set()


def fresh_database_url(kind: str, tmp_path: Path) -> str:
    """A database at the migrations' head and empty. PostgreSQL: TEST_DATABASE_URL's
    database, dropped and made again as a copy of `<db>_template`, which is migrated once
    per test session (per worker)."""
    if kind == "sqlite":
        return migrated_sqlite(tmp_path)
    url = make_url(normalize_database_url(os.environ["TEST_DATABASE_URL"]))
    name, template = str(url.database), f"{url.database}_template"
    with _admin(url) as admin:
        if template not in _TEMPLATES:
            _recreate(admin, template)
            engine = make_engine(url.set(database=template).render_as_string(hide_password=False))
            upgrade(engine)
            engine.dispose()  # no connection may be left on a template that is copied
            _TEMPLATES.add(template)
        _recreate(admin, name, template)
    return url.render_as_string(hide_password=False)


def _recreate(
    admin: psycopg.Connection[tuple[object, ...]], name: str, template: str | None = None
) -> None:
    admin.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name)))
    create = sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name))
    if template is not None:
        create += sql.SQL(" TEMPLATE {}").format(sql.Identifier(template))
    admin.execute(create)


@pytest.fixture(params=_database_params())
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    return fresh_database_url(str(request.param), tmp_path)


@pytest.fixture
def sessions(database_url: str) -> Iterator[SessionFactory]:
    engine = make_engine(database_url)
    if not database_url.startswith("sqlite"):  # a SQLite copy is at head already
        upgrade(engine)
    yield make_session_factory(engine)
    engine.dispose()


@pytest.fixture
def bot(tmp_path: Path) -> Iterator[Harness]:
    """The real app over HTTP, SQLite file, clock at Monday 23 November 2026 09:00."""
    harness = Harness.start(migrated_sqlite(tmp_path, "bot.db"), now=NOW)
    yield harness
    harness.stop()


@pytest.fixture
def bot_en(tmp_path: Path) -> Iterator[Harness]:
    harness = Harness.start(migrated_sqlite(tmp_path, "bot.db"), now=NOW, language="en")
    yield harness
    harness.stop()
