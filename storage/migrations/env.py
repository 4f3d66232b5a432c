"""Alembic environment: the engine comes from `storage.session.alembic_config`."""

from __future__ import annotations

from alembic import context
from sqlalchemy import create_engine

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


def run() -> None:
    engine = config.attributes.get("engine")
    if engine is None:
        engine = create_engine(config.get_main_option("sqlalchemy.url") or "sqlite://")
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
