"""Riding out a database that is briefly away (a restart, a failover, a dropped
connection): the same unit of work tried again after a short pause, a few times."""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Sequence
from typing import TypeVar

from sqlalchemy.exc import DBAPIError, InterfaceError, OperationalError

log = logging.getLogger(__name__)
T = TypeVar("T")

# the pauses between attempts: well inside the three seconds Slack waits for an answer
BACKOFF = (0.1, 0.3, 0.7)


def is_transient(error: BaseException) -> bool:
    """A database error that another attempt may not meet: the server away, the
    connection lost, a lock or serialization conflict."""
    if isinstance(error, OperationalError | InterfaceError):
        return True
    return isinstance(error, DBAPIError) and bool(error.connection_invalidated)


def with_retries(
    work: Callable[[], T],
    *,
    backoff: Sequence[float] = BACKOFF,
    sleep: Callable[[float], None] = time.sleep,
) -> T:
    """`work()`, tried again after each pause while the database error is transient.
    `work` must be one whole unit of work (it opens and commits its own transaction), so
    an attempt that failed left nothing behind."""
    for pause in backoff:
        try:
            return work()
        except Exception as error:
            if not is_transient(error):
                raise
            log.warning("database unavailable (%s); trying again in %.1f s", error, pause)
            sleep(pause)
    return work()
