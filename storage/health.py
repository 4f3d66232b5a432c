"""What `/healthz` and `/readyz` ask the database: is it there, and is its schema at head."""

from __future__ import annotations

import time
from functools import lru_cache

from sqlalchemy import Engine, text


def ping(engine: Engine) -> float:
    """Milliseconds for a `SELECT 1` round trip; raises when the database does not answer."""
    started = time.perf_counter()
    with engine.connect() as connection:
        connection.execute(text("SELECT 1"))
    return (time.perf_counter() - started) * 1000


@lru_cache(maxsize=1)
def schema_heads() -> frozenset[str]:
    """The head revision(s) of the migrations this version ships."""
    from alembic.config import Config
    from alembic.script import ScriptDirectory

    from storage.session import MIGRATIONS

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    return frozenset(ScriptDirectory.from_config(config).get_heads())


def schema_revisions(engine: Engine) -> frozenset[str]:
    """The revision(s) the database is at (empty before the first migration)."""
    from alembic.runtime.migration import MigrationContext

    with engine.connect() as connection:
        return frozenset(MigrationContext.configure(connection).get_current_heads())
