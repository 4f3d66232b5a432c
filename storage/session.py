"""Engines, sessions and migrations. Nothing here runs at import time."""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import Engine, create_engine, event, exc
from sqlalchemy.orm import Session, sessionmaker

if TYPE_CHECKING:
    from alembic.config import Config

MIGRATIONS = Path(__file__).parent / "migrations"

SessionFactory = sessionmaker[Session]


def make_engine(url: str) -> Engine:
    if url.startswith("sqlite"):
        engine = create_engine(
            url, connect_args={"check_same_thread": False, "timeout": 30}, hide_parameters=True
        )

        @event.listens_for(engine, "connect")
        def _pragmas(dbapi_connection, _record):
            cursor = dbapi_connection.cursor()
            cursor.execute("PRAGMA foreign_keys=ON")
            if ":memory:" not in url and url != "sqlite://":
                cursor.execute("PRAGMA journal_mode=WAL")
                # in WAL mode, NORMAL syncs at checkpoints rather than at every commit:
                # the file cannot be corrupted; a power cut (not a crash of the bot) may
                # lose the last commits. A small commit took 0.02 ms here instead of 0.16.
                cursor.execute("PRAGMA synchronous=NORMAL")
            cursor.execute("PRAGMA busy_timeout=30000")
            cursor.close()

        return engine
    # hide_parameters: a failed statement's error never carries the values (tokens, texts).
    # No parallel workers: a request's bounded walk along an index is quicker alone than
    # the workers take to start (App Home's count at 1,000 channels: 33 ms with two, 15 ms
    # without), and two cores serve many requests at once.
    options = "-c max_parallel_workers_per_gather=0"
    engine = create_engine(url, hide_parameters=True, connect_args={"options": options})
    _ping_when_idle(engine)
    return engine


IDLE_PING_AFTER = 10.0  # seconds a pooled connection may rest before it is tested again


def _ping_when_idle(engine: Engine) -> None:
    """A pooled connection that rested for a while is tested (`SELECT 1`) before use and
    replaced if the server dropped it (a restart, an idle timeout); one in steady use is
    not, so a busy request path pays no extra round trip per checkout (what
    `pool_pre_ping` costs)."""

    @event.listens_for(engine, "checkin")
    def _rested_from(_dbapi_connection: Any, record: Any) -> None:
        record.info["checked_in"] = time.monotonic()

    @event.listens_for(engine, "checkout")
    def _test_if_rested(dbapi_connection: Any, record: Any, _proxy: Any) -> None:
        since = record.info.get("checked_in")
        if since is None or time.monotonic() - since < IDLE_PING_AFTER:
            return
        try:
            cursor = dbapi_connection.cursor()
            try:
                cursor.execute("SELECT 1")
            finally:
                cursor.close()
        except Exception as error:  # the pool makes a new connection and tries again
            raise exc.DisconnectionError() from error


def make_session_factory(engine: Engine) -> SessionFactory:
    from storage.search import keep_index_in_step

    factory = sessionmaker(engine, expire_on_commit=False)
    keep_index_in_step(factory)
    return factory


def alembic_config(engine: Engine | None = None) -> Config:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    if engine is not None:
        config.attributes["engine"] = engine
    return config


def upgrade(engine: Engine, revision: str = "head") -> None:
    """Apply the migrations (`referat db upgrade`; automatic for a SQLite file)."""
    if revision == "head" and at_head(engine):
        return  # nothing to do: Alembic is not even loaded (most starts of a SQLite file)
    from alembic import command

    command.upgrade(alembic_config(engine), revision)


def at_head(engine: Engine) -> bool:
    from storage.health import schema_heads, schema_revisions

    return schema_revisions(engine) == schema_heads()


@contextmanager
def transaction(factory: SessionFactory) -> Iterator[Session]:
    """One unit of work: commit on success, roll back on any error."""
    with factory() as session, session.begin():
        yield session


_autocommit: dict[int, Engine] = {}


@contextmanager
def reading(factory: SessionFactory) -> Iterator[Session]:
    """A unit of work that only reads: no transaction is opened on the server, so each
    statement sees what is committed when it runs. On PostgreSQL this saves the BEGIN
    and COMMIT round trips of every answer that changes nothing; SQLite, in the same
    process, has no round trips to save and keeps its transaction."""
    engine: Engine = factory.kw["bind"]
    if engine.dialect.name == "sqlite":
        with transaction(factory) as session:
            yield session
        return
    bind = _autocommit.get(id(engine))
    if bind is None:
        bind = _autocommit[id(engine)] = engine.execution_options(isolation_level="AUTOCOMMIT")
    with factory(bind=bind) as session:
        yield session
