"""What `/healthz` and `/readyz` ask the database: is it there, and is its schema at head."""

from __future__ import annotations

import ast
import time
from functools import lru_cache
from typing import Any

from sqlalchemy import Engine, inspect, text


def ping(engine: Engine) -> float:
    """Milliseconds for a `SELECT 1` round trip; raises when the database does not answer."""
    started = time.perf_counter()
    with engine.connect() as connection:
        connection.execute(text("SELECT 1"))
    return (time.perf_counter() - started) * 1000


@lru_cache(maxsize=1)
def schema_heads() -> frozenset[str]:
    """The head revision(s) of the migrations this version ships: the revisions no other
    migration builds on. Read from the files' `revision` and `down_revision` lines, not
    through Alembic, which a start of the bot then does not load (tested against Alembic)."""
    from storage.session import MIGRATIONS

    revisions: set[str] = set()
    below: set[str] = set()
    for path in (MIGRATIONS / "versions").glob("*.py"):
        names = _assigned(path.read_text(encoding="utf-8"))
        if isinstance(names.get("revision"), str):
            revisions.add(names["revision"])
            down = names.get("down_revision")
            below.update([down] if isinstance(down, str) else down or ())
    return frozenset(revisions - below)


def _assigned(source: str) -> dict[str, Any]:
    """The module-level `name = literal` assignments of a migration file."""
    found: dict[str, Any] = {}
    for node in ast.parse(source).body:
        if isinstance(node, ast.Assign) and len(node.targets) == 1:
            target, value = node.targets[0], node.value
        elif isinstance(node, ast.AnnAssign) and node.value is not None:
            target, value = node.target, node.value
        else:
            continue
        if isinstance(target, ast.Name) and isinstance(value, ast.Constant | ast.Tuple):
            found[target.id] = ast.literal_eval(value)
    return found


def schema_revisions(engine: Engine) -> frozenset[str]:
    """The revision(s) the database is at (empty before the first migration)."""
    with engine.connect() as connection:
        if not inspect(connection).has_table("alembic_version"):
            return frozenset()
        return frozenset(connection.scalars(text("SELECT version_num FROM alembic_version")))
