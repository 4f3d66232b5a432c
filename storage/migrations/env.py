"""Alembic environment: the engine comes from `storage.session.alembic_config`, or, for
plain `alembic` (alembic.ini at the repository's root), from DATABASE_URL."""

from __future__ import annotations

import os

from alembic import context

from storage import models
from storage.base import Base

models.add_oauth_tables()
config = context.config
target_metadata = Base.metadata


def _ours(obj: object, name: str | None, type_: str, reflected: bool, compare_to: object) -> bool:
    """Full-text search lives outside the models (migration 0005): not a difference."""
    if name is None:
        return True
    if type_ == "table" and name.startswith("records_fts"):
        return False
    if type_ == "column" and name.startswith("search_"):
        return False
    return not (type_ == "index" and name.startswith("ix_records_search_"))


def database_url() -> str:
    """DATABASE_URL as `referat` reads it; then alembic.ini's sqlalchemy.url; then referat.db."""
    url = (
        os.environ.get("DATABASE_URL", "").strip()
        or config.get_main_option("sqlalchemy.url")
        or "sqlite:///referat.db"
    )
    for prefix in ("postgres://", "postgresql://"):
        if url.startswith(prefix):
            return "postgresql+psycopg://" + url[len(prefix) :]
    return url


def run() -> None:
    engine = config.attributes.get("engine")
    if engine is None:
        from storage.session import make_engine

        engine = make_engine(database_url())
    with engine.begin() as connection:
        context.configure(
            connection=connection,
            target_metadata=target_metadata,
            render_as_batch=connection.dialect.name == "sqlite",
            compare_type=True,
            include_object=_ours,
        )
        with context.begin_transaction():
            context.run_migrations()


run()
