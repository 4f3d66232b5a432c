"""Statements built once and run with parameters: the read path of every request.

Building a SQLAlchemy statement and its cache key costs more CPU than running it
(about 100–150 µs for a small select here, against 25–40 µs to run a prebuilt one on
the session's connection). The queries a request makes on every call (the channel's
row, the next meeting, the first open actions) are built once per *shape* with named
parameters (`bindparam`) and kept here; a request only supplies the values.

A condition of an action list is a `Where`: a clause built once for its shape and the
values of its parameters. `Where.bound()` gives the clause with the values filled in,
for the queries that are built per call anyway (App Home on PostgreSQL, digests).
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Hashable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import BindParameter, ColumnElement, CursorResult, bindparam
from sqlalchemy.orm import Session
from sqlalchemy.sql import visitors

_built: dict[Hashable, Any] = {}
_lock = threading.RLock()  # a statement may be built from clauses built here too


def statement(key: Hashable, build: Callable[[], Any]) -> Any:
    """The statement for `key`, built by `build()` the first time it is asked for."""
    found = _built.get(key)
    if found is None:
        with _lock:
            found = _built.get(key)
            if found is None:
                found = _built[key] = build()
    return found


def run(
    session: Session, key: Hashable, build: Callable[[], Any], values: Mapping[str, Any]
) -> CursorResult[Any]:
    """Run the statement for `key` on the session's connection (its transaction), with
    these parameter values. Changes pending in the session are flushed first, as the
    session's own `execute` would."""
    if session.new or session.dirty or session.deleted:
        session.flush()
    return session.connection().execute(statement(key, build), dict(values))


@dataclass(frozen=True, slots=True)
class Where:
    """One condition: `shape` names the clause `build` makes (once, with named
    parameters); `values` fill those parameters for this request."""

    shape: str
    build: Callable[[], ColumnElement[bool]] = field(compare=False, repr=False)
    values: Mapping[str, Any] = field(default_factory=dict)

    def clause(self) -> ColumnElement[bool]:
        """The clause with its parameters unfilled (built once for the shape)."""
        clause: ColumnElement[bool] = statement(("where", self.shape), self.build)
        return clause

    def bound(self) -> ColumnElement[bool]:
        """The clause with this request's values filled in (a copy)."""
        values = self.values

        def fill(element: Any, **_: Any) -> Any:
            if isinstance(element, BindParameter) and element.key in values:
                return bindparam(element.key, values[element.key], type_=element.type)
            return None

        return visitors.replacement_traverse(self.clause(), {}, fill)


def shapes(conditions: Sequence[Where]) -> tuple[str, ...]:
    return tuple(c.shape for c in conditions)


def values_of(conditions: Sequence[Where], **more: Any) -> dict[str, Any]:
    values: dict[str, Any] = dict(more)
    for condition in conditions:
        values.update(condition.values)
    return values


@contextmanager
def planned_for_its_values(session: Session) -> Iterator[None]:
    """Statements run inside are not prepared on the server (PostgreSQL; a setting of the
    client, no round trip), so each run is planned for its own values. psycopg prepares
    a statement after its fifth run, and the server then soon keeps one plan for any
    values (a generic plan). That is right for the small lookups above, wrong where the
    values decide the plan: a search's words (how many decisions a word matches: 146 ms
    against 35 in a channel of 100,000) and App Home's channels (1,000 of them)."""
    if session.get_bind().dialect.name != "postgresql":
        yield
        return
    client: Any = session.connection().connection.dbapi_connection
    threshold = client.prepare_threshold
    client.prepare_threshold = None
    try:
        yield
    finally:
        client.prepare_threshold = threshold
